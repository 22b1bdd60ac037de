package io.wirespeed.sim;

import io.wirespeed.codecs.mdp3.MDUpdateAction;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MbpBookTest
{
    private final OrderBook engine = new OrderBook(1001, 64);
    private final Fills fills = new Fills(65);
    private final MbpBook mbp = new MbpBook(1001, 3);
    private final BookEntries entries = new BookEntries(16);

    @Test
    void newLevelsArePublishedBestFirstAndOnlyToDepth()
    {
        engine.add(Side.BID, 100, 1, 0, fills);
        engine.add(Side.BID, 99, 2, 0, fills);
        engine.add(Side.BID, 98, 3, 0, fills);
        engine.add(Side.BID, 97, 4, 0, fills);

        assertEquals(List.of("New BID 1 100 1 1", "New BID 2 99 2 1", "New BID 3 98 3 1"), update(Side.BID));
        assertEquals(3, mbp.levelCount(Side.BID));
    }

    @Test
    void aBetterPriceIsInsertedAtItsLevelAndTheWorstDropsOffSilently()
    {
        engine.add(Side.ASK, 101, 1, 0, fills);
        engine.add(Side.ASK, 102, 1, 0, fills);
        engine.add(Side.ASK, 103, 1, 0, fills);
        update(Side.ASK);

        engine.add(Side.ASK, 100, 5, 0, fills);

        assertEquals(List.of("New ASK 1 100 5 1"), update(Side.ASK));
        assertEquals(103 - 1, mbp.price(Side.ASK, 3));
    }

    @Test
    void aRemovedLevelIsDeletedAndTheNextBeyondDepthComesInAsNew()
    {
        final long best = engine.add(Side.BID, 100, 1, 0, fills);
        engine.add(Side.BID, 99, 1, 0, fills);
        engine.add(Side.BID, 98, 1, 0, fills);
        engine.add(Side.BID, 97, 7, 0, fills);
        update(Side.BID);

        engine.cancel(best);

        assertEquals(List.of("Delete BID 1 100 0 0", "New BID 3 97 7 1"), update(Side.BID));
    }

    @Test
    void aQuantityOrOrderCountChangeIsAChange()
    {
        engine.add(Side.BID, 100, 1, 0, fills);
        update(Side.BID);

        engine.add(Side.BID, 100, 4, 0, fills);

        assertEquals(List.of("Change BID 1 100 5 2"), update(Side.BID));
        assertEquals(List.of(), update(Side.BID));
    }

    @Test
    void hashIsFnv1a64OverLittleEndianLongs()
    {
        engine.add(Side.BID, 250_000_000L, 5, 0, fills);
        engine.add(Side.ASK, 500_000_000L, 7, 0, fills);
        engine.add(Side.ASK, 500_000_000L, 1, 0, fills);
        update(Side.BID);
        update(Side.ASK);

        final ByteBuffer bytes = ByteBuffer.allocate(8 * 8).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(1).putLong(250_000_000L).putLong(5).putLong(1);
        bytes.putLong(1).putLong(500_000_000L).putLong(8).putLong(2);
        long expected = 0xCBF29CE484222325L;
        for (final byte b : bytes.array())
        {
            expected = (expected ^ (b & 0xFF)) * 0x100000001B3L;
        }
        assertEquals(expected, mbp.hash());
        assertEquals(0x8820_1FB9_60FF_6465L, new MbpBook(1, 10).hash(), "empty book: two zero level counts");
    }

    private List<String> update(final Side side)
    {
        entries.reset();
        mbp.update(engine, side, entries);
        final List<String> result = new ArrayList<>();
        for (int i = 0; i < entries.count(); i++)
        {
            final MDUpdateAction action = entries.action(i);
            result.add(action + " " + entries.side(i) + " " + entries.level(i) + " " + entries.price(i) + " " +
                entries.qty(i) + " " + entries.orderCount(i));
        }
        return result;
    }
}
