package io.wirespeed.sim;

import io.wirespeed.codecs.ilink3.ExecutionReportNew522Decoder;
import io.wirespeed.codecs.ilink3.ExecutionReportTradeOutright525Decoder;
import io.wirespeed.codecs.ilink3.ExecutionReportTradeOutright525Encoder;
import io.wirespeed.codecs.ilink3.MessageHeaderDecoder;
import io.wirespeed.sim.venue.OrderEntryApplication;
import io.wirespeed.sim.venue.VenueCounters;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.wirespeed.sim.SimHarness.ES;
import static io.wirespeed.sim.VenueClient.BUY;
import static io.wirespeed.sim.VenueClient.SELL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The venue's clock as its clients see it: a fill is never stamped before its order's acknowledgement, and
 * TransactTime and SendingTimeEpoch never go backwards on a session, whatever time the market-data side stamped an
 * event with, whether the clock steps back, and whether answers are held back by the delay fault.
 */
class VenueTimestampsTest
{
    static final long TICK = OrderEntryApplicationTest.TICK;
    static final long P = OrderEntryApplicationTest.P;

    @TempDir
    Path dir;

    private SimHarness harness;
    private OrderEntryApplication app;
    private VenueClient alice;
    private VenueClient bob;

    @BeforeEach
    void setUp()
    {
        harness = new SimHarness(dir, SimHarness.simContext(42));
        app = new OrderEntryApplication(harness.sim.clientMarket(), harness.clock, 1000, false,
            VenueCounters.inMemory());
        alice = new VenueClient(app, 1001);
        bob = new VenueClient(app, 2002);
    }

    @AfterEach
    void tearDown()
    {
        harness.close();
    }

    static long transactTime(final DirectBuffer message)
    {
        return VenueClient.asNew(message).transactTime();
    }

    @Test
    void aPassiveFillIsNeverStampedBeforeItsOrdersAcknowledgement()
    {
        harness.clock.advance(TimeUnit.MILLISECONDS.toNanos(5));
        alice.newOrder(1, ES, BUY, P - TICK, 2);
        final ExecutionReportNew522Decoder ack = VenueClient.asNew(alice.outbound.last());
        final long bookOrderId = harness.sim.orderBook(ES).levelOrderId(Side.BID, 0, 0);

        // the market-data side stamps a participant's trade with its event's scheduled time, which may be earlier
        // than the moment the venue acknowledged the resting order
        app.onPassiveFill(ES, bookOrderId, P - TICK, 1, false, ack.transactTime() - 1_000, 1);

        assertEquals(ExecutionReportTradeOutright525Encoder.TEMPLATE_ID, alice.outbound.templateId(1));
        final ExecutionReportTradeOutright525Decoder fill = VenueClient.asTrade(alice.outbound.last());
        assertTrue(fill.transactTime() >= ack.transactTime(),
            "fill at " + fill.transactTime() + " before its ack at " + ack.transactTime());
        assertTrue(fill.sendingTimeEpoch() >= ack.sendingTimeEpoch());
    }

    @Test
    void transactAndSendingTimesNeverGoBackwardsEvenWhenTheClockDoes()
    {
        alice.newOrder(1, ES, BUY, P - TICK, 5);
        harness.clock.set(harness.clock.nanoTime() - TimeUnit.MILLISECONDS.toNanos(3));
        alice.newOrder(2, ES, BUY, P - 2 * TICK, 5);
        harness.clock.advance(TimeUnit.MILLISECONDS.toNanos(1));
        bob.newOrder(1, ES, SELL, P - TICK, 2);
        final long bookOrderId = harness.sim.orderBook(ES).levelOrderId(Side.BID, 0, 0);
        app.onPassiveFill(ES, bookOrderId, P - TICK, 1, false, harness.clock.nanoTime() - 10_000_000, 2);
        alice.cancel(3, VenueClient.asNew(alice.outbound.messages.get(1)).orderID(), ES, BUY);

        assertMonotonic(alice);
        assertEquals(5, alice.outbound.messages.size());
    }

    @Test
    void heldAnswersAreStampedWhenSentAndStayInOrder()
    {
        app.faults().delayResponses(TimeUnit.MILLISECONDS.toNanos(2));
        alice.newOrder(1, ES, BUY, P - TICK, 5);
        harness.clock.advance(TimeUnit.MILLISECONDS.toNanos(1));
        alice.newOrder(2, ES, BUY, P - 2 * TICK, 5);
        assertEquals(0, alice.outbound.messages.size());
        final long sentAtNs = harness.clock.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
        harness.clock.set(sentAtNs);
        app.doWork(sentAtNs);

        assertEquals(2, alice.outbound.messages.size());
        for (final DirectBuffer message : alice.outbound.messages)
        {
            final ExecutionReportNew522Decoder report = VenueClient.asNew(message);
            assertEquals(sentAtNs, report.sendingTimeEpoch(), "SendingTimeEpoch is when it left");
            assertTrue(report.transactTime() < sentAtNs, "TransactTime is when it happened");
        }
        assertMonotonic(alice);
        app.faults().clear();
    }

    private static void assertMonotonic(final VenueClient client)
    {
        long lastTransact = Long.MIN_VALUE;
        long lastSending = Long.MIN_VALUE;
        for (int i = 0; i < client.outbound.messages.size(); i++)
        {
            final DirectBuffer message = client.outbound.messages.get(i);
            final int template = client.outbound.templateId(i);
            final int body = MessageHeaderDecoder.ENCODED_LENGTH;
            final long transact = message.getLong(body + transactTimeOffset(template), ByteOrder.LITTLE_ENDIAN);
            final long sending = message.getLong(body + transactTimeOffset(template) + 8, ByteOrder.LITTLE_ENDIAN);
            assertTrue(transact >= lastTransact, "TransactTime went back at message " + i + " (" + template + ")");
            assertTrue(sending >= lastSending, "SendingTimeEpoch went back at message " + i + " (" + template + ")");
            lastTransact = transact;
            lastSending = sending;
        }
    }

    /**
     * TransactTime's offset in the body; SendingTimeEpoch follows it in every execution report.
     */
    private static int transactTimeOffset(final int templateId)
    {
        switch (templateId)
        {
            case 522:
                return ExecutionReportNew522Decoder.transactTimeEncodingOffset();
            case 525:
                return ExecutionReportTradeOutright525Decoder.transactTimeEncodingOffset();
            case 534:
                return io.wirespeed.codecs.ilink3.ExecutionReportCancel534Decoder.transactTimeEncodingOffset();
            default:
                throw new AssertionError("unexpected template " + templateId);
        }
    }
}
