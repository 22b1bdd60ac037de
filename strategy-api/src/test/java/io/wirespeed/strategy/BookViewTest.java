package io.wirespeed.strategy;

import io.wirespeed.codecs.internal.BookAction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BookViewTest
{
    private static final int DEPTH = 4;

    @Test
    void appliesEveryActionAsMdp3Does()
    {
        final BookView view = new BookView("ESZ5", 1, 310, DEPTH, 25);
        final ReferenceBook expected = new ReferenceBook(DEPTH);

        apply(view, expected, BookView.BID, BookAction.NEW, 1, 100, 5, 1);
        apply(view, expected, BookView.BID, BookAction.NEW, 2, 99, 6, 2);
        apply(view, expected, BookView.BID, BookAction.NEW, 1, 101, 7, 3);
        assertEquals(List.of(101L, 100L, 99L), prices(view, BookView.BID));
        apply(view, expected, BookView.ASK, BookAction.NEW, 1, 103, 1, 1);
        apply(view, expected, BookView.ASK, BookAction.NEW, 1, 102, 2, 1);
        apply(view, expected, BookView.BID, BookAction.CHANGE, 2, 100, 50, 9);
        assertEquals(50, view.quantity(BookView.BID, 2));
        apply(view, expected, BookView.BID, BookAction.OVERLAY, 3, 98, 8, 1);
        assertEquals(98, view.price(BookView.BID, 3));
        apply(view, expected, BookView.BID, BookAction.NEW, 1, 102, 1, 1);
        apply(view, expected, BookView.BID, BookAction.NEW, 1, 103, 1, 1);
        assertEquals(List.of(103L, 102L, 101L, 100L), prices(view, BookView.BID), "the fifth level fell off");
        apply(view, expected, BookView.BID, BookAction.DELETE, 1, 0, 0, 0);
        assertEquals(List.of(102L, 101L, 100L), prices(view, BookView.BID));
        apply(view, expected, BookView.BID, BookAction.DELETE_FROM, 2, 0, 0, 0);
        assertEquals(List.of(100L), prices(view, BookView.BID));
        apply(view, expected, BookView.ASK, BookAction.DELETE_THRU, 0, 0, 0, 0);
        assertEquals(List.of(), prices(view, BookView.ASK));
        assertEquals(BookView.NULL_PRICE, view.bestAsk());
        assertFalse(view.isTwoSided());
        apply(view, expected, BookView.ASK, BookAction.NEW, 1, 104, 3, 1);
        assertTrue(view.isTwoSided());
        apply(view, expected, BookView.BID, BookAction.DELETE_FROM, 9, 0, 0, 0);
        assertEquals(List.of(), prices(view, BookView.BID), "delete from past the depth empties the side");
        apply(view, expected, BookView.BID, BookAction.NEW, 1, 90, 3, 1);
        apply(view, expected, BookView.BID, BookAction.CLEAR, 0, 0, 0, 0);
        apply(view, expected, BookView.ASK, BookAction.CLEAR, 0, 0, 0, 0);
        assertEquals(List.of(), prices(view, BookView.BID));
        assertEquals(List.of(), prices(view, BookView.ASK));
    }

    @Test
    void rejectsLevelsOutsideTheDepth()
    {
        final BookView view = new BookView("ESZ5", 1, 310, DEPTH, 25);

        assertFalse(view.apply(BookView.BID, BookAction.NEW, 0, 1, 1, 1));
        assertFalse(view.apply(BookView.BID, BookAction.NEW, DEPTH + 1, 1, 1, 1));
        assertFalse(view.apply(BookView.BID, BookAction.CHANGE, DEPTH + 1, 1, 1, 1));
        assertFalse(view.apply(BookView.BID, BookAction.DELETE, 0, 1, 1, 1));
        assertFalse(view.apply(BookView.BID, BookAction.DELETE_FROM, 0, 1, 1, 1));
        assertFalse(view.apply(BookView.BID, BookAction.NULL_VAL, 1, 1, 1, 1));
        assertEquals(BookView.NULL_PRICE, view.bestBid());
    }

    @Test
    void matchesAReferenceBookThroughRandomActions()
    {
        final Random random = new Random(42);
        final BookView view = new BookView("ESZ5", 1, 310, DEPTH, 25);
        final ReferenceBook expected = new ReferenceBook(DEPTH);
        final BookAction[] actions = {
            BookAction.NEW, BookAction.NEW, BookAction.NEW, BookAction.CHANGE, BookAction.DELETE, BookAction.OVERLAY,
            BookAction.DELETE_FROM, BookAction.DELETE_THRU, BookAction.CLEAR };
        for (int i = 0; i < 20_000; i++)
        {
            final BookAction action = actions[random.nextInt(actions.length)];
            final int side = random.nextInt(2);
            final int level = 1 + random.nextInt(DEPTH);
            apply(view, expected, side, action, level, random.nextInt(1000), 1 + random.nextInt(100),
                1 + random.nextInt(9));
        }
    }

    private static void apply(
        final BookView view,
        final ReferenceBook expected,
        final int side,
        final BookAction action,
        final int level,
        final long price,
        final long qty,
        final int count)
    {
        assertTrue(view.apply(side, action, level, price, qty, count));
        expected.apply(side, action, level, price, qty, count);
        for (int s = BookView.BID; s <= BookView.ASK; s++)
        {
            for (int l = 1; l <= DEPTH; l++)
            {
                final long[] entry = expected.level(s, l);
                final String where = action + " side " + side + " level " + level + ": at " + s + "/" + l;
                assertEquals(null == entry ? BookView.NULL_PRICE : entry[0], view.price(s, l), where);
                assertEquals(null == entry ? 0 : entry[1], view.quantity(s, l), where);
                assertEquals(null == entry ? 0 : entry[2], view.orderCount(s, l), where);
            }
        }
    }

    private static List<Long> prices(final BookView view, final int side)
    {
        final List<Long> prices = new ArrayList<>();
        for (int level = 1; level <= view.depth() && BookView.NULL_PRICE != view.price(side, level); level++)
        {
            prices.add(view.price(side, level));
        }
        return prices;
    }

    /**
     * The MDP 3.0 book semantics written as plainly as possible: a list of levels per side, cut to the depth.
     */
    private static final class ReferenceBook
    {
        private final int depth;
        private final List<List<long[]>> sides = List.of(new ArrayList<>(), new ArrayList<>());

        ReferenceBook(final int depth)
        {
            this.depth = depth;
        }

        long[] level(final int side, final int level)
        {
            final List<long[]> levels = sides.get(side);
            return level <= levels.size() ? levels.get(level - 1) : null;
        }

        void apply(
            final int side, final BookAction action, final int level, final long price, final long qty, final int count)
        {
            final List<long[]> levels = sides.get(side);
            final long[] entry = { price, qty, count };
            switch (action)
            {
                case NEW:
                    while (levels.size() < level - 1)
                    {
                        levels.add(null);
                    }
                    levels.add(level - 1, entry);
                    if (levels.size() > depth)
                    {
                        levels.remove(depth);
                    }
                    break;
                case CHANGE:
                case OVERLAY:
                    while (levels.size() < level)
                    {
                        levels.add(null);
                    }
                    levels.set(level - 1, entry);
                    break;
                case DELETE:
                    if (level <= levels.size())
                    {
                        levels.remove(level - 1);
                    }
                    break;
                case DELETE_FROM:
                    levels.subList(0, Math.min(level, levels.size())).clear();
                    break;
                default:
                    levels.clear();
                    break;
            }
        }
    }
}
