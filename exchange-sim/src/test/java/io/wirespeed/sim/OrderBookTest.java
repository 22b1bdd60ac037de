package io.wirespeed.sim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderBookTest
{
    private static final int SECURITY_ID = 1001;

    private final OrderBook book = new OrderBook(SECURITY_ID, 64);
    private final Fills fills = new Fills(65);

    @Test
    void restingOrdersAggregateIntoLevelsBestFirst()
    {
        book.add(Side.BID, 100, 5, 0, fills);
        book.add(Side.BID, 102, 3, 1, fills);
        book.add(Side.BID, 100, 7, 2, fills);
        book.add(Side.ASK, 105, 4, 3, fills);
        book.add(Side.ASK, 104, 1, 4, fills);
        book.add(Side.ASK, 104, 2, 5, fills);

        assertEquals(2, book.levelCount(Side.BID));
        assertLevel(Side.BID, 0, 102, 3, 1);
        assertLevel(Side.BID, 1, 100, 12, 2);
        assertEquals(2, book.levelCount(Side.ASK));
        assertLevel(Side.ASK, 0, 104, 3, 2);
        assertLevel(Side.ASK, 1, 105, 4, 1);
        assertEquals(6, book.orderCount());
        assertEquals(0, fills.count());
    }

    @Test
    void orderIdsAreUniqueAndCarryTheSecurityId()
    {
        final long first = book.add(Side.BID, 100, 1, 0, fills);
        final long second = book.add(Side.BID, 100, 1, 0, fills);

        assertNotEquals(first, second);
        assertEquals(SECURITY_ID, (int)(first >>> 32));
        assertEquals(SECURITY_ID, (int)(second >>> 32));
    }

    @Test
    void anAggressorFillsTheBestPriceFirstAndTheOldestOrderFirstWithinAPrice()
    {
        final long older = book.add(Side.ASK, 101, 2, 0, fills);
        final long newer = book.add(Side.ASK, 101, 2, 1, fills);
        final long better = book.add(Side.ASK, 100, 1, 2, fills);

        final long aggressor = book.add(Side.BID, 101, 4, 3, fills);

        assertEquals(3, fills.count());
        assertEquals(aggressor, fills.aggressorOrderId());
        assertEquals(Side.BID, fills.aggressorSide());
        assertFill(0, better, 100, 1, true);
        assertFill(1, older, 101, 2, true);
        assertFill(2, newer, 101, 1, false);
        assertEquals(1, book.orderQty(newer));
        assertLevel(Side.ASK, 0, 101, 1, 1);
        assertEquals(0, book.levelCount(Side.BID));
        assertEquals(0, book.orderQty(aggressor));
    }

    @Test
    void aPartiallyFilledAggressorRestsAtItsLimit()
    {
        final long resting = book.add(Side.BID, 100, 3, 0, fills);

        final long aggressor = book.add(Side.ASK, 99, 5, 1, fills);

        assertEquals(1, fills.count());
        assertFill(0, resting, 100, 3, true);
        assertEquals(0, book.levelCount(Side.BID));
        assertLevel(Side.ASK, 0, 99, 2, 1);
        assertEquals(2, book.orderQty(aggressor));
    }

    @Test
    void anOrderDoesNotTradeThroughItsLimit()
    {
        book.add(Side.ASK, 101, 3, 0, fills);

        book.add(Side.BID, 100, 5, 1, fills);

        assertEquals(0, fills.count());
        assertLevel(Side.BID, 0, 100, 5, 1);
        assertLevel(Side.ASK, 0, 101, 3, 1);
    }

    @Test
    void timePriorityIsKeptAtALevelAfterFillsAndCancels()
    {
        final long first = book.add(Side.BID, 100, 1, 0, fills);
        final long second = book.add(Side.BID, 100, 1, 0, fills);
        final long third = book.add(Side.BID, 100, 1, 0, fills);

        assertTrue(book.cancel(second));

        assertEquals(first, book.levelOrderId(Side.BID, 0, 0));
        assertEquals(third, book.levelOrderId(Side.BID, 0, 1));
        book.add(Side.ASK, 100, 1, 1, fills);
        assertFill(0, first, 100, 1, true);
        assertEquals(third, book.levelOrderId(Side.BID, 0, 0));
    }

    @Test
    void cancelRemovesTheOrderAndItsEmptyLevel()
    {
        final long a = book.add(Side.ASK, 105, 4, 0, fills);
        final long b = book.add(Side.ASK, 105, 6, 0, fills);
        book.add(Side.ASK, 106, 1, 0, fills);

        assertTrue(book.cancel(a));
        assertLevel(Side.ASK, 0, 105, 6, 1);
        assertTrue(book.cancel(b));
        assertEquals(1, book.levelCount(Side.ASK));
        assertLevel(Side.ASK, 0, 106, 1, 1);
        assertFalse(book.cancel(a));
        assertFalse(book.cancel(12345));
        assertEquals(1, book.orderCount());
    }

    @Test
    void aFullBookRejectsTheRemainderButKeepsItsFills()
    {
        final OrderBook small = new OrderBook(SECURITY_ID, 2);
        small.add(Side.BID, 100, 1, 0, fills);
        small.add(Side.BID, 99, 1, 0, fills);

        assertEquals(OrderBook.REJECTED, small.add(Side.BID, 98, 1, 0, fills));
        assertTrue(small.add(Side.ASK, 100, 1, 0, fills) > 0);
        assertEquals(1, fills.count());
        assertEquals(1, small.orderCount());
    }

    @Test
    void clearEmptiesBothSidesAndPoolsAreReused()
    {
        for (int round = 0; round < 10; round++)
        {
            for (int i = 0; i < 32; i++)
            {
                book.add(Side.BID, 100 - i, 1, 0, fills);
                book.add(Side.ASK, 200 + i, 1, 0, fills);
            }
            book.clear();
            assertEquals(0, book.orderCount());
            assertEquals(0, book.levelCount(Side.BID));
            assertEquals(0, book.levelCount(Side.ASK));
        }
    }

    @Test
    void randomFlowKeepsLevelsConsistentWithOrders()
    {
        final SimRandom random = new SimRandom(7);
        for (int i = 0; i < 100_000; i++)
        {
            if (book.orderCount() > 40 || (book.orderCount() > 0 && random.nextInt(3) == 0))
            {
                book.cancel(book.orderIdAt(random.nextInt(book.orderCount())));
            }
            else
            {
                final Side side = random.nextInt(2) == 0 ? Side.BID : Side.ASK;
                book.add(side, 1000 + random.nextInt(20) - 10, 1 + random.nextInt(5), 0, fills);
            }
            assertConsistent();
        }
    }

    private void assertConsistent()
    {
        int orders = 0;
        for (final Side side : Side.values())
        {
            for (int i = 0; i < book.levelCount(side); i++)
            {
                assertTrue(book.levelQty(side, i) > 0);
                assertTrue(book.levelOrderCount(side, i) > 0);
                if (i > 0)
                {
                    assertTrue(side.isBetter(book.levelPrice(side, i - 1), book.levelPrice(side, i)));
                }
                orders += book.levelOrderCount(side, i);
            }
        }
        assertEquals(book.orderCount(), orders);
        if (book.levelCount(Side.BID) > 0 && book.levelCount(Side.ASK) > 0)
        {
            assertTrue(book.levelPrice(Side.BID, 0) < book.levelPrice(Side.ASK, 0), "book never crossed");
        }
    }

    private void assertLevel(final Side side, final int index, final long price, final long qty, final int orders)
    {
        assertEquals(price, book.levelPrice(side, index), "price");
        assertEquals(qty, book.levelQty(side, index), "qty");
        assertEquals(orders, book.levelOrderCount(side, index), "orders");
    }

    private void assertFill(final int index, final long orderId, final long price, final long qty, final boolean done)
    {
        assertEquals(orderId, fills.restingOrderId(index), "resting order");
        assertEquals(price, fills.price(index), "price");
        assertEquals(qty, fills.qty(index), "qty");
        assertEquals(done, fills.isRestingDone(index), "done");
    }
}
