package io.wirespeed.gateway;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.logbuffer.FragmentHandler;
import io.wirespeed.codecs.internal.ExecutionReportDecoder;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.codecs.internal.MessageHeaderEncoder;
import io.wirespeed.codecs.internal.NewOrderEncoder;
import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.OrderSentDecoder;
import io.wirespeed.codecs.internal.RiskDecisionDecoder;
import io.wirespeed.codecs.internal.SessionEventDecoder;
import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import io.wirespeed.codecs.internal.TopOfBookEncoder;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.nic.status.CountersFile;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GatewayAgentTest
{
    private static final String CONFIG = """
        [gateway]
        session_id = "ABC"
        firm_id = "F1"
        access_key_id = "key1"
        secret_ref = "env:VENUE_SECRET"
        cancel_on_disconnect = true

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
        """;
    private static final long PRICE = 4000 * 1_000_000_000L;
    private static final long TRIGGER_NS = 1_700_000_000_000_000_000L;

    @TempDir
    Path dir;

    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(256));
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final List<String> received = new ArrayList<>();
    private final List<SessionState> sessionStates = new ArrayList<>();

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void intakeDecisionExecutionReportAndCancelWhenTheStrategyDies()
    {
        final WirespeedConfig config = WirespeedConfig.parse(CONFIG, "test.toml", new Properties());
        final MediaDriver.Context driverContext = new MediaDriver.Context()
            .aeronDirectoryName(dir.resolve("aeron").toString())
            .threadingMode(ThreadingMode.SHARED)
            .publicationLingerTimeoutNs(TimeUnit.MILLISECONDS.toNanos(10))
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true);
        final TestVenue venue = new TestVenue();
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(TRIGGER_NS + 1_000_000);
        try (MediaDriver driver = MediaDriver.launchEmbedded(driverContext);
            Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
            CountersFile countersFile = CountersFile.create(dir.resolve("counters"), 128);
            Subscription executions = aeron.addSubscription("aeron:ipc", config.aeron().executionStreamId());
            ExclusivePublication marketData = aeron.addExclusivePublication(
                "aeron:ipc", config.aeron().marketDataStreamId()))
        {
            final GatewayAgent agent = GatewayAgent.create(config, aeron, ControlMac.newKey(), (listener) ->
            {
                venue.listener = listener;
                return venue;
            }, countersFile, clock);
            final Publication strategy = aeron.addExclusivePublication("aeron:ipc", config.aeron().orderStreamId());
            awaitCondition(agent, () -> strategy.isConnected() && marketData.isConnected() &&
                executions.isConnected());

            final TopOfBookEncoder topOfBook = new TopOfBookEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder);
            topOfBook.securityId(10).bidPrice(PRICE - 250_000_000L).askPrice(PRICE + 250_000_000L);
            offer(marketData, MessageHeaderEncoder.ENCODED_LENGTH + topOfBook.encodedLength());
            agent.doWork();

            sendNewOrder(strategy, 1);
            awaitCondition(agent, () -> 1 == venue.newOrders);
            awaitReceived(agent, executions, 2);
            assertEquals(List.of("RiskDecision 7/1 NONE", "OrderSent 7/1 trigger=" + TRIGGER_NS), received);
            assertEquals(List.of(SessionState.ESTABLISHED), sessionStates, "the venue session's state, published");

            venue.listener.onOrderAccepted(venue.lastOrderId, 555, 0, clock.nanoTime());
            awaitReceived(agent, executions, 3);
            assertEquals("ExecutionReport 7/1 NEW NEW trigger=" + TRIGGER_NS, received.get(2));

            sendNewOrder(strategy, 1);
            awaitReceived(agent, executions, 4);
            assertEquals("RiskDecision 7/1 DUPLICATE_CLORDID", received.get(3));

            strategy.close();
            awaitCondition(agent, () -> 1 == venue.cancels);
            assertEquals(1, agent.logic().state().openOrders(7));
            agent.onClose();
        }
    }

    private void sendNewOrder(final Publication publication, final long clOrdId)
    {
        final NewOrderEncoder order = new NewOrderEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder);
        order.strategyId(7).clOrdId(clOrdId).securityId(10).side(Side.BUY).ordType(OrdType.LIMIT)
            .timeInForce(TimeInForce.DAY).price(PRICE).qty(1).triggerRxTimestampNs(TRIGGER_NS)
            .strategyTimestampNs(TRIGGER_NS + 10);
        offer(publication, MessageHeaderEncoder.ENCODED_LENGTH + order.encodedLength());
    }

    private void offer(final Publication publication, final int length)
    {
        while (publication.offer(buffer, 0, length) < 0)
        {
            Thread.onSpinWait();
        }
    }

    private void awaitReceived(final GatewayAgent agent, final Subscription executions, final int count)
    {
        final RiskDecisionDecoder decision = new RiskDecisionDecoder();
        final OrderSentDecoder sent = new OrderSentDecoder();
        final ExecutionReportDecoder report = new ExecutionReportDecoder();
        final SessionEventDecoder sessionEvent = new SessionEventDecoder();
        final FragmentHandler handler = (buf, offset, length, h) ->
        {
            header.wrap(buf, offset);
            final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
            switch (header.templateId())
            {
                case RiskDecisionDecoder.TEMPLATE_ID:
                    decision.wrap(buf, body, header.blockLength(), header.version());
                    received.add("RiskDecision " + decision.strategyId() + "/" + decision.clOrdId() + " " +
                        decision.rejectReason());
                    break;
                case OrderSentDecoder.TEMPLATE_ID:
                    sent.wrap(buf, body, header.blockLength(), header.version());
                    received.add("OrderSent " + sent.strategyId() + "/" + sent.clOrdId() + " trigger=" +
                        sent.triggerRxTimestampNs());
                    break;
                case ExecutionReportDecoder.TEMPLATE_ID:
                    report.wrap(buf, body, header.blockLength(), header.version());
                    received.add("ExecutionReport " + report.strategyId() + "/" + report.clOrdId() + " " +
                        report.execType() + " " + report.ordStatus() + " trigger=" + report.triggerRxTimestampNs());
                    break;
                case SessionEventDecoder.TEMPLATE_ID:
                    sessionEvent.wrap(buf, body, header.blockLength(), header.version());
                    sessionStates.add(sessionEvent.state());
                    break;
                default:
                    received.add("template " + header.templateId());
                    break;
            }
        };
        awaitCondition(agent, () ->
        {
            executions.poll(handler, 10);
            return received.size() >= count;
        });
    }

    private static void awaitCondition(final GatewayAgent agent, final BooleanSupplier condition)
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
