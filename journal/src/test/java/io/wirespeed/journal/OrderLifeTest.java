package io.wirespeed.journal;

import io.wirespeed.codecs.ilink3.NewOrderSingle514Encoder;
import io.wirespeed.codecs.internal.BookUpdateEncoder;
import io.wirespeed.codecs.internal.ExecutionReportEncoder;
import io.wirespeed.codecs.internal.GatewayOrderStateEncoder;
import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.codecs.internal.MessageHeaderEncoder;
import io.wirespeed.codecs.internal.NewOrderEncoder;
import io.wirespeed.config.JournalRetentionAction;
import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.nic.status.CountersFile;
import io.wirespeed.nic.tap.JournalTap;
import io.wirespeed.nic.tap.TapRing;
import net.openhft.chronicle.queue.RollCycles;
import org.agrona.CloseHelper;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OrderLifeTest
{
    private static final long TRIGGER_NS = JournalAgentTest.START_NS + 1_000;
    private static final long CL_ORD_ID = 77;
    private static final long GATEWAY_ID = 5001;

    @TempDir
    Path dir;

    private final ManualEpochNanoClock clock = new ManualEpochNanoClock(JournalAgentTest.START_NS);
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(4096);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private CountersFile counters;
    private TapRing ring;
    private JournalTap tap;
    private Journal journal;

    @BeforeEach
    void setUp()
    {
        counters = CountersFile.create(dir.resolve("counters"), 16);
        ring = TapRing.create(dir.resolve("tap"), TapRing.CAPACITY_MIN);
        tap = new JournalTap(ring, counters.newCounter(1, "tap lost"));
        journal = Journal.open(dir.resolve("journal"), RollCycles.FAST_HOURLY,
            new Retention(dir.resolve("journal"), 0, JournalRetentionAction.DELETE, null), clock);
    }

    @AfterEach
    void tearDown()
    {
        CloseHelper.closeAll(journal, ring, counters);
    }

    @Test
    void theLifeOfAnOrderIsItsTriggerItsRequestsItsStateItsVenueMessagesAndItsReportsInJournalOrder()
    {
        frame(TRIGGER_NS);
        frame(TRIGGER_NS + 1);
        bookUpdate(TRIGGER_NS);
        bookUpdate(TRIGGER_NS + 1);
        newOrder(CL_ORD_ID, TRIGGER_NS);
        newOrder(CL_ORD_ID + 1, TRIGGER_NS + 1);
        orderState(CL_ORD_ID, GATEWAY_ID);
        orderState(CL_ORD_ID + 1, GATEWAY_ID + 1);
        venueNewOrder(GATEWAY_ID + 1);
        venueNewOrder(GATEWAY_ID);
        report(CL_ORD_ID + 1);
        report(CL_ORD_ID);
        journal.drain(ring.ring(), Integer.MAX_VALUE);

        final OrderLife life = OrderLife.of(dir.resolve("journal"), CL_ORD_ID);
        assertEquals(TRIGGER_NS, life.triggerRxTimestampNs());
        assertEquals(1, life.gatewayIdCount());

        final List<String> seen = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(dir.resolve("journal"), new JournalQuery()))
        {
            reader.readAll(life.filter((stream, sourceId, sequence, timestampNs, payload, offset, length) ->
                seen.add(stream + " " + sequence)));
        }
        assertEquals(List.of("RAW_FRAME_IN 0", "MARKET_DATA 0", "ORDER 0", "GATEWAY_STATE 0", "VENUE_OUT 1",
            "EXECUTION 1"), seen);
    }

    private void frame(final long rxNs)
    {
        buffer.setMemory(0, 60, (byte)0);
        tap.record(JournalStream.RAW_FRAME_IN, 0, rxNs, buffer, 0, 60);
    }

    private void bookUpdate(final long rxNs)
    {
        final BookUpdateEncoder encoder = new BookUpdateEncoder().wrapAndApplyHeader(buffer, 0, header)
            .securityId(1001).rxTimestampNs(rxNs);
        tap.record(JournalStream.MARKET_DATA, 1001, rxNs, buffer, 0,
            MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }

    private void newOrder(final long clOrdId, final long triggerNs)
    {
        final NewOrderEncoder encoder = new NewOrderEncoder().wrapAndApplyHeader(buffer, 0, header)
            .strategyId(1).clOrdId(clOrdId).securityId(1001).triggerRxTimestampNs(triggerNs);
        tap.record(JournalStream.ORDER, 1002, triggerNs, buffer, 0,
            MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }

    private void orderState(final long clOrdId, final long gatewayId)
    {
        final GatewayOrderStateEncoder encoder = new GatewayOrderStateEncoder().wrapAndApplyHeader(buffer, 0, header)
            .rootOrderId(gatewayId).orderId(gatewayId).strategyId(1).clOrdId(clOrdId).securityId(1001);
        tap.record(JournalStream.GATEWAY_STATE, 0, clock.nanoTime(), buffer, 0,
            MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }

    private void venueNewOrder(final long gatewayId)
    {
        final int sofh = 4;
        final io.wirespeed.codecs.ilink3.MessageHeaderEncoder venueHeader =
            new io.wirespeed.codecs.ilink3.MessageHeaderEncoder();
        final NewOrderSingle514Encoder encoder = new NewOrderSingle514Encoder()
            .wrapAndApplyHeader(buffer, sofh, venueHeader)
            .seqNum(1).clOrdID(Long.toString(gatewayId)).securityID(1001).orderQty(1);
        final int length = sofh + io.wirespeed.codecs.ilink3.MessageHeaderEncoder.ENCODED_LENGTH +
            encoder.encodedLength();
        buffer.putShort(0, (short)length, ByteOrder.LITTLE_ENDIAN);
        buffer.putShort(2, (short)0xCAFE, ByteOrder.LITTLE_ENDIAN);
        tap.record(JournalStream.VENUE_OUT, 0, clock.nanoTime(), buffer, 0, length);
    }

    private void report(final long clOrdId)
    {
        final ExecutionReportEncoder encoder = new ExecutionReportEncoder().wrapAndApplyHeader(buffer, 0, header)
            .strategyId(1).clOrdId(clOrdId).securityId(1001);
        tap.record(JournalStream.EXECUTION, 1003, clock.nanoTime(), buffer, 0,
            MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }
}
