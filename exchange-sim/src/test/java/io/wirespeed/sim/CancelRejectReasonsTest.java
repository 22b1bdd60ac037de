package io.wirespeed.sim;

import io.wirespeed.codecs.ilink3.OrderCancelReject535Decoder;
import io.wirespeed.codecs.ilink3.OrderCancelReject535Encoder;
import io.wirespeed.codecs.ilink3.OrderCancelReplaceReject536Decoder;
import io.wirespeed.codecs.ilink3.OrderCancelReplaceReject536Encoder;
import io.wirespeed.codecs.mdp3.HaltReason;
import io.wirespeed.codecs.mdp3.SecurityTradingStatus;
import io.wirespeed.sim.venue.OrderEntryApplication;
import io.wirespeed.sim.venue.VenueCounters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.wirespeed.sim.SimHarness.ES;
import static io.wirespeed.sim.SimHarness.NQ;
import static io.wirespeed.sim.VenueClient.BUY;
import static io.wirespeed.sim.VenueClient.SELL;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * OrderCancelReject and OrderCancelReplaceReject carry CxlRejReason values as CME documents them (FIX tag 102 and
 * CME's own reject codes), written here as the numbers from the documentation, with a text saying what happened:
 * <pre>
 *   1    unknown order                      2045 This order is not in the book
 *   18   invalid price increment            2048 submitted with a different SenderCompID than the cancel
 *   99   other                              2051 submitted with a different side than the cancel
 *   1003 orders may not be cancelled while the market is closed
 * </pre>
 */
class CancelRejectReasonsTest
{
    static final long TICK = OrderEntryApplicationTest.TICK;
    static final long P = OrderEntryApplicationTest.P;
    static final int PARTICIPANT = OrderEntryApplicationTest.PARTICIPANT;

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

    OrderCancelReject535Decoder cancelReject()
    {
        assertEquals(OrderCancelReject535Encoder.TEMPLATE_ID,
            alice.outbound.templateId(alice.outbound.messages.size() - 1));
        return VenueClient.asCancelReject(alice.outbound.last());
    }

    OrderCancelReplaceReject536Decoder replaceReject()
    {
        assertEquals(OrderCancelReplaceReject536Encoder.TEMPLATE_ID,
            alice.outbound.templateId(alice.outbound.messages.size() - 1));
        return VenueClient.asReplaceReject(alice.outbound.last());
    }

    @Test
    void cancelRejectsSayWhy()
    {
        alice.cancel(1, 999_999, ES, BUY);
        assertEquals(1, cancelReject().cxlRejReason());
        assertEquals("unknown order", cancelReject().text().trim());

        harness.sim.orderBook(ES).add(Side.ASK, P, 1, PARTICIPANT, new Fills(4));
        alice.newOrder(2, ES, BUY, P, 1);
        final long filled = VenueClient.asNew(alice.outbound.messages.get(1)).orderID();
        alice.cancel(3, filled, ES, BUY);
        assertEquals(2045, cancelReject().cxlRejReason());
        assertEquals("This order is not in the book", cancelReject().text().trim());

        bob.newOrder(1, ES, BUY, P - TICK, 1);
        alice.cancel(4, VenueClient.asNew(bob.outbound.last()).orderID(), ES, BUY);
        assertEquals(2048, cancelReject().cxlRejReason(), "bob's order is not alice's to cancel");

        alice.newOrder(5, ES, BUY, P - TICK, 1);
        final long working = VenueClient.asNew(alice.outbound.last()).orderID();
        alice.cancel(6, working, ES, SELL);
        assertEquals(2051, cancelReject().cxlRejReason());

        harness.sim.requestTradingStatus(ES, SecurityTradingStatus.Close, HaltReason.GroupSchedule);
        harness.sim.doWork();
        alice.cancel(7, working, ES, BUY);
        assertEquals(1003, cancelReject().cxlRejReason());
        assertEquals("Orders may not be cancelled while the market is closed", cancelReject().text().trim());
        assertEquals(1, app.orders().openOrderCount(1001), "still working");
    }

    @Test
    void replaceRejectsSayWhy()
    {
        alice.newOrder(1, ES, BUY, P - TICK, 5);
        final long working = VenueClient.asNew(alice.outbound.last()).orderID();

        alice.replace(2, 999_999, ES, BUY, P - TICK, 3);
        assertEquals(1, replaceReject().cxlRejReason());

        alice.replace(3, working, ES, BUY, P - TICK + 1, 3);
        assertEquals(18, replaceReject().cxlRejReason(), "off the tick");

        alice.replace(4, working, NQ, BUY, P - TICK, 3);
        assertEquals(99, replaceReject().cxlRejReason(), "the instrument cannot change");

        alice.replace(5, working, ES, SELL, P - TICK, 3);
        assertEquals(2051, replaceReject().cxlRejReason());

        bob.newOrder(1, ES, SELL, P - TICK, 2);
        alice.replace(6, working, ES, BUY, P - TICK, 2);
        assertEquals(99, replaceReject().cxlRejReason(), "not above what already filled");
        assertEquals("order quantity not above the quantity already filled", replaceReject().text().trim());
    }
}
