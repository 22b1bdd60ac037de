package io.wirespeed.feed;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class OrderBookTest
{
    private final OrderBook book = new OrderBook(4);

    private void fill()
    {
        for (int level = 1; level <= 4; level++)
        {
            book.set(OrderBook.BID, level, 100 - level, level * 10, level);
        }
    }

    private long[] bidPrices()
    {
        final long[] prices = new long[4];
        for (int level = 1; level <= 4; level++)
        {
            prices[level - 1] = book.price(OrderBook.BID, level);
        }
        return prices;
    }

    @Test
    void newShiftsLevelsDownAndTheLastFallsOff()
    {
        fill();
        book.add(OrderBook.BID, 2, 555, 1, 1);
        assertEquals(java.util.Arrays.toString(new long[]{ 99, 555, 98, 97 }), java.util.Arrays.toString(bidPrices()));
    }

    @Test
    void deleteShiftsLevelsUp()
    {
        fill();
        book.delete(OrderBook.BID, 2);
        assertEquals(java.util.Arrays.toString(new long[]{ 99, 97, 96, OrderBook.NULL_PRICE }),
            java.util.Arrays.toString(bidPrices()));
        assertEquals(0, book.quantity(OrderBook.BID, 4));
    }

    @Test
    void changeAndOverlayReplaceInPlace()
    {
        fill();
        book.set(OrderBook.BID, 3, 98, 77, 9);
        assertEquals(98, book.price(OrderBook.BID, 3));
        assertEquals(77, book.quantity(OrderBook.BID, 3));
        assertEquals(9, book.orderCount(OrderBook.BID, 3));
    }

    @Test
    void deleteThruClearsTheSideAndDeleteFromRemovesTheTopLevels()
    {
        fill();
        book.set(OrderBook.ASK, 1, 101, 1, 1);
        book.deleteFrom(OrderBook.BID, 2);
        assertEquals(java.util.Arrays.toString(new long[]{ 97, 96, OrderBook.NULL_PRICE, OrderBook.NULL_PRICE }),
            java.util.Arrays.toString(bidPrices()));
        book.clearSide(OrderBook.BID);
        assertEquals(OrderBook.NULL_PRICE, book.price(OrderBook.BID, 1));
        assertEquals(101, book.price(OrderBook.ASK, 1));
    }

    @Test
    void levelsOutsideTheDepthAreRefused()
    {
        assertFalse(book.add(OrderBook.BID, 0, 1, 1, 1));
        assertFalse(book.add(OrderBook.BID, 5, 1, 1, 1));
        assertFalse(book.delete(OrderBook.ASK, 9));
    }

    @Test
    void hashIsStableAndMatchesTheArrayForm()
    {
        final OrderBook empty = new OrderBook(4);
        assertEquals(new OrderBook(4).hash(), empty.hash());
        fill();
        assertNotEquals(empty.hash(), book.hash());
        final long[][] prices = new long[2][4];
        final long[][] quantities = new long[2][4];
        final int[][] counts = new int[2][4];
        for (int side = 0; side < 2; side++)
        {
            for (int level = 1; level <= 4; level++)
            {
                prices[side][level - 1] = book.price(side, level);
                quantities[side][level - 1] = book.quantity(side, level);
                counts[side][level - 1] = book.orderCount(side, level);
            }
        }
        assertEquals(book.hash(), OrderBook.hash(4, prices, quantities, counts));
        assertEquals(0xcbf29ce484222325L, OrderBook.hash(0, prices, quantities, counts));
    }
}
