package io.wirespeed.gateway;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.wirespeed.codecs.internal.ControlAckDecoder;
import io.wirespeed.codecs.internal.ControlRefusal;
import io.wirespeed.codecs.internal.ControlScope;
import io.wirespeed.codecs.internal.FeedStateEncoder;
import io.wirespeed.codecs.internal.FeedStateReason;
import io.wirespeed.codecs.internal.FeedStateValue;
import io.wirespeed.codecs.internal.KillEncoder;
import io.wirespeed.codecs.internal.LimitType;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.codecs.internal.MessageHeaderEncoder;
import io.wirespeed.codecs.internal.NewOrderEncoder;
import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.ResumeEncoder;
import io.wirespeed.codecs.internal.RiskDecisionDecoder;
import io.wirespeed.codecs.internal.SetLimitEncoder;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import io.wirespeed.codecs.internal.TopOfBookEncoder;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.nic.status.CountersFile;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway agent's control stream over Aeron IPC: a kill queued with orders stops them, a control message that
 * does not carry the operator key's MAC (computed here with javax.crypto over the bytes, not with the gateway's
 * code) is refused and counted, and the price collar refuses a reference from a STALE book.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ControlStreamTest
{
    private static final String CONFIG = """
        [gateway]
        session_id = "ABC"
        firm_id = "F1"
        access_key_id = "key1"
        secret_ref = "env:VENUE_SECRET"

        [[channel]]
        id = 310
        incremental_a = "239.1.1.1:14310"
        incremental_b = "239.1.2.1:14310"
        snapshot = "239.1.3.1:14310"

        [[instrument]]
        symbol = "ESZ6"
        security_id = 10
        channel = 310
        tick_size = "0.25"
        contract_multiplier = 50

        [[strategy]]
        id = 7
        name = "alpha"
        account = "ACC1"

        [risk]
        auto_kill_on_breach = false
        max_order_qty = 10
        max_open_orders = 100
        max_orders_per_second = 10_000
        max_messages_per_second = 10_000
        """;
    private static final long PRICE = 4000 * 1_000_000_000L;
    private static final long START_NS = 1_700_000_000_000_000_000L;
    private static final byte[] OPERATOR_KEY = "an operator key of 32 bytes.....".getBytes();

    @TempDir
    Path dir;

    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(256));
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final TestVenue venue = new TestVenue();
    private final ManualEpochNanoClock clock = new ManualEpochNanoClock(START_NS);
    private final List<ControlAck> acks = new ArrayList<>();
    private final List<RejectReason> decisions = new ArrayList<>();
    private MediaDriver driver;
    private Aeron aeron;
    private CountersFile countersFile;
    private GatewayAgent agent;
    private Subscription executions;
    private ExclusivePublication marketData;
    private ExclusivePublication strategyOrders;
    private ExclusivePublication operatorControl;
    private long controlTimestampNs = System.currentTimeMillis() * 1_000_000L;

    record ControlAck(int templateId, boolean applied, ControlRefusal refusal, long open, long sent, String operator)
    {
    }

    @BeforeEach
    void setUp()
    {
        final WirespeedConfig config = WirespeedConfig.parse(CONFIG, "test.toml", new Properties());
        driver = MediaDriver.launchEmbedded(new MediaDriver.Context()
            .aeronDirectoryName(dir.resolve("aeron").toString())
            .threadingMode(ThreadingMode.SHARED)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
        countersFile = CountersFile.create(dir.resolve("counters"), 128);
        executions = aeron.addSubscription("aeron:ipc", config.aeron().executionStreamId());
        marketData = aeron.addExclusivePublication("aeron:ipc", config.aeron().marketDataStreamId());
        agent = GatewayAgent.create(config, aeron, OPERATOR_KEY, (listener) ->
        {
            venue.listener = listener;
            return venue;
        }, countersFile, clock);
        strategyOrders = aeron.addExclusivePublication("aeron:ipc", config.aeron().orderStreamId());
        operatorControl = aeron.addExclusivePublication("aeron:ipc", config.aeron().controlStreamId());
        // the agent's own images, not only the publishers' view: a kill and orders queued together are then both
        // there for its first duty cycle, whatever the order the client conductor added the images in
        awaitCondition(() -> strategyOrders.isConnected() && operatorControl.isConnected() &&
            marketData.isConnected() && executions.isConnected() && agent.isConnected());
        quote();
    }

    @AfterEach
    void tearDown()
    {
        if (null != agent)
        {
            agent.onClose();
        }
        org.agrona.CloseHelper.closeAll(executions, marketData, strategyOrders, operatorControl, countersFile, aeron,
            driver);
    }

    @Test
    void aKillQueuedWithOrdersStopsEveryOneOfThem()
    {
        for (int i = 1; i <= 10; i++)
        {
            sendNewOrder(strategyOrders, i, PRICE);
        }
        sendSigned(operatorControl, encodeKill(ControlScope.GLOBAL, 0));

        agent.doWork();

        assertEquals(0, venue.newOrders, "no order queued with the kill reaches the venue");
        awaitAcksAndDecisions(1, 10);
        assertTrue(acks.get(0).applied());
        assertEquals(10, decisions.stream().filter((reason) -> RejectReason.KILL_SWITCH == reason).count());
    }

    @Test
    void controlFromAStrategysPublicationIsRefusedAndCountedAndTheOperatorsIsApplied()
    {
        sendSigned(operatorControl, encodeKill(ControlScope.GLOBAL, 0));
        awaitAcksAndDecisions(1, 0);
        assertTrue(acks.get(0).applied());
        assertEquals("alice", acks.get(0).operator());

        final ExclusivePublication strategyControl = aeron.addExclusivePublication(
            "aeron:ipc", operatorControl.streamId());
        awaitCondition(strategyControl::isConnected);
        send(strategyControl, encodeResume());
        send(strategyControl, encodeSetLimit(LimitType.MAX_ORDER_QTY, 1_000_000));
        final int resume = encodeResume();
        signWith("not the operator key, 32 bytes..".getBytes(), resume);
        send(strategyControl, resume);
        awaitAcksAndDecisions(4, 0);
        for (int i = 1; i <= 3; i++)
        {
            assertEquals(ControlRefusal.NOT_AUTHENTICATED, acks.get(i).refusal());
        }
        assertEquals(3, agent.counters().get(GatewayCounter.CONTROL_NOT_AUTHENTICATED));

        sendNewOrder(strategyOrders, 1, PRICE);
        awaitAcksAndDecisions(4, 1);
        assertEquals(RejectReason.KILL_SWITCH, decisions.get(0), "the kill switch is still latched");
        assertEquals(0, venue.newOrders);

        final int operatorResume = encodeResume();
        sendSigned(operatorControl, operatorResume);
        send(strategyControl, operatorResume);
        awaitAcksAndDecisions(6, 1);
        assertTrue(acks.get(4).applied(), "the operator's resume");
        assertEquals(ControlRefusal.REPLAYED, acks.get(5).refusal(), "the same bytes played again");
        assertEquals(4, agent.counters().get(GatewayCounter.CONTROL_NOT_AUTHENTICATED));

        sendNewOrder(strategyOrders, 2, PRICE);
        awaitCondition(() -> 1 == venue.newOrders);
        strategyControl.close();
    }

    @Test
    void theCollarRefusesAReferencePriceFromAStaleBook()
    {
        feedState(FeedStateValue.STALE);
        sendNewOrder(strategyOrders, 1, PRICE);
        awaitAcksAndDecisions(0, 1);
        assertEquals(RejectReason.STALE_REFERENCE_PRICE, decisions.get(0));
        assertEquals(1, agent.counters().get(GatewayCounter.REJECTED_STALE_REFERENCE));
        assertEquals(0, venue.newOrders);

        feedState(FeedStateValue.OK);
        quote();
        sendNewOrder(strategyOrders, 2, PRICE);
        awaitAcksAndDecisions(0, 2);
        assertEquals(RejectReason.NONE, decisions.get(1));
        assertEquals(1, venue.newOrders);
    }

    private int encodeKill(final ControlScope scope, final long targetId)
    {
        final KillEncoder kill = new KillEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder);
        kill.scope(scope).targetId(targetId).operatorId(0).timestampNs(++controlTimestampNs)
            .putOperatorName(operatorName(), 0);
        return MessageHeaderEncoder.ENCODED_LENGTH + kill.encodedLength();
    }

    private int encodeResume()
    {
        final ResumeEncoder resume = new ResumeEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder);
        resume.scope(ControlScope.GLOBAL).targetId(0).operatorId(0).timestampNs(++controlTimestampNs)
            .putOperatorName(operatorName(), 0);
        return MessageHeaderEncoder.ENCODED_LENGTH + resume.encodedLength();
    }

    private int encodeSetLimit(final LimitType limitType, final long value)
    {
        final SetLimitEncoder setLimit = new SetLimitEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder);
        setLimit.scope(ControlScope.STRATEGY).targetId(7).limitType(limitType).value(value).operatorId(0)
            .timestampNs(++controlTimestampNs).putOperatorName(operatorName(), 0);
        return MessageHeaderEncoder.ENCODED_LENGTH + setLimit.encodedLength();
    }

    private static byte[] operatorName()
    {
        final byte[] name = new byte[16];
        System.arraycopy("alice".getBytes(), 0, name, 0, 5);
        return name;
    }

    /**
     * HMAC-SHA256 with javax.crypto over the header and the block up to the last 32 bytes, which take the result.
     */
    private void signWith(final byte[] key, final int length)
    {
        try
        {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            final byte[] signed = new byte[length - 32];
            buffer.getBytes(0, signed);
            buffer.putBytes(length - 32, mac.doFinal(signed));
        }
        catch (final java.security.GeneralSecurityException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private void sendSigned(final Publication publication, final int length)
    {
        signWith(OPERATOR_KEY, length);
        send(publication, length);
    }

    private void sendNewOrder(final Publication publication, final long clOrdId, final long price)
    {
        final NewOrderEncoder order = new NewOrderEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder);
        order.strategyId(7).clOrdId(clOrdId).securityId(10).side(Side.BUY).ordType(OrdType.LIMIT)
            .timeInForce(TimeInForce.DAY).price(price).qty(1).triggerRxTimestampNs(START_NS)
            .strategyTimestampNs(START_NS);
        send(publication, MessageHeaderEncoder.ENCODED_LENGTH + order.encodedLength());
    }

    private void quote()
    {
        final TopOfBookEncoder topOfBook = new TopOfBookEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder);
        topOfBook.securityId(10).bidPrice(PRICE - 250_000_000L).askPrice(PRICE + 250_000_000L);
        send(marketData, MessageHeaderEncoder.ENCODED_LENGTH + topOfBook.encodedLength());
        agent.doWork();
    }

    private void feedState(final FeedStateValue state)
    {
        final FeedStateEncoder feedState = new FeedStateEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder);
        feedState.securityId(0).channelId(310).state(state).reason(FeedStateReason.GAP).expectedSeqNum(5)
            .receivedSeqNum(9).rxTimestampNs(START_NS).publishTimestampNs(START_NS);
        send(marketData, MessageHeaderEncoder.ENCODED_LENGTH + feedState.encodedLength());
        agent.doWork();
    }

    private void send(final Publication publication, final int length)
    {
        while (publication.offer(buffer, 0, length) < 0)
        {
            Thread.onSpinWait();
        }
    }

    private void awaitAcksAndDecisions(final int ackCount, final int decisionCount)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final ControlAckDecoder ack = new ControlAckDecoder();
        final RiskDecisionDecoder decision = new RiskDecisionDecoder();
        awaitCondition(() ->
        {
            executions.poll((buf, offset, length, h) ->
            {
                header.wrap(buf, offset);
                if (ControlAckDecoder.TEMPLATE_ID == header.templateId())
                {
                    ack.wrapAndApplyHeader(buf, offset, header);
                    final byte[] name = new byte[16];
                    ack.getOperatorName(name, 0);
                    acks.add(new ControlAck(ack.controlTemplateId(),
                        io.wirespeed.codecs.internal.BooleanFlag.TRUE == ack.applied(), ack.refusal(),
                        ack.openOrdersCanceled(), ack.cancelsSent(), new String(name).replace("\0", "")));
                }
                else if (RiskDecisionDecoder.TEMPLATE_ID == header.templateId())
                {
                    decision.wrapAndApplyHeader(buf, offset, header);
                    decisions.add(decision.rejectReason());
                }
            }, 10);
            return acks.size() >= ackCount && decisions.size() >= decisionCount;
        });
        assertEquals(ackCount, acks.size());
        assertEquals(decisionCount, decisions.size());
    }

    private void awaitCondition(final BooleanSupplier condition)
    {
        while (!condition.getAsBoolean())
        {
            if (0 == agent.doWork())
            {
                Thread.yield();
            }
        }
    }
}
