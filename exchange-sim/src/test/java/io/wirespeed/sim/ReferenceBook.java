package io.wirespeed.sim;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A receiver's MBP book, the simplest way CME describes it: New inserts at its level and pushes worse levels down,
 * dropping any beyond depth; Change replaces a level; Delete removes one and pulls worse levels up.
 */
final class ReferenceBook
{
    record Level(long price, long qty, int orders)
    {
    }

    private final int depth;
    private final List<List<Level>> sides = List.of(new ArrayList<>(), new ArrayList<>());
    final ReferenceStats stats = new ReferenceStats();
    long lastRptSeq;
    long lastTransactTimeNs;

    ReferenceBook(final int depth)
    {
        this.depth = depth;
    }

    List<Level> side(final Side side)
    {
        return sides.get(side.ordinal());
    }

    void clear()
    {
        sides.get(0).clear();
        sides.get(1).clear();
        lastRptSeq = 0;
        stats.onChannelReset();
    }

    long best(final Side side)
    {
        return side(side).isEmpty() ? ReferenceStats.NULL_PRICE : side(side).get(0).price();
    }

    void onNew(final Side side, final int level, final long price, final long qty, final int orders)
    {
        final List<Level> levels = side(side);
        assertTrue(level >= 1 && level <= levels.size() + 1 && level <= depth, "New at level " + level);
        levels.add(level - 1, new Level(price, qty, orders));
        if (levels.size() > depth)
        {
            levels.remove(depth);
        }
    }

    void onChange(final Side side, final int level, final long price, final long qty, final int orders)
    {
        final List<Level> levels = side(side);
        assertTrue(level >= 1 && level <= levels.size(), "Change at level " + level);
        assertEquals(levels.get(level - 1).price(), price, "Change keeps the level's price");
        levels.set(level - 1, new Level(price, qty, orders));
    }

    void onDelete(final Side side, final int level, final long price)
    {
        final List<Level> levels = side(side);
        assertTrue(level >= 1 && level <= levels.size(), "Delete at level " + level);
        assertEquals(levels.get(level - 1).price(), price, "Delete names the level's price");
        levels.remove(level - 1);
    }

    void assertEqualTo(final MbpBook book)
    {
        for (final Side side : Side.values())
        {
            final List<Level> levels = side(side);
            assertEquals(levels.size(), book.levelCount(side), () -> side + " levels\n" + this + "\n" + book);
            for (int i = 0; i < levels.size(); i++)
            {
                final int level = i + 1;
                final Level expected = levels.get(i);
                assertEquals(expected, new Level(book.price(side, level), book.qty(side, level),
                    book.orderCount(side, level)), () -> side + " level " + level + "\n" + this + "\n" + book);
            }
        }
    }

    long hash()
    {
        long hash = MbpBook.FNV_OFFSET_BASIS;
        for (final List<Level> levels : sides)
        {
            hash = MbpBook.hash(hash, levels.size());
            for (final Level level : levels)
            {
                hash = MbpBook.hash(hash, level.price());
                hash = MbpBook.hash(hash, level.qty());
                hash = MbpBook.hash(hash, level.orders());
            }
        }
        return hash;
    }

    public String toString()
    {
        return "ReferenceBook{bids=" + sides.get(0) + ", asks=" + sides.get(1) + "}";
    }
}
