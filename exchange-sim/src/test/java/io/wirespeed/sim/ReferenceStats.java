package io.wirespeed.sim;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An instrument's statistics as a receiver keeps them from the incremental feed, checked as they arrive against what
 * CME documents each one to be: volume is the session's traded quantity so far, the opening price its first trade,
 * a high or low trade a new extreme of its trades, a highest bid or lowest offer the top of the book it follows.
 */
final class ReferenceStats
{
    static final long NULL_PRICE = Long.MAX_VALUE;
    static final int NULL_SIZE = Integer.MAX_VALUE;
    static final int NULL_DATE = 0xFFFF;
    static final short NULL_FLAG = 0xFF;
    static final int SETTLE_NULL = 0x80;

    /**
     * One statistic as a snapshot entry or the last incremental entry of its type carries it.
     */
    record Entry(char type, long price, int size, short flag, int date, int settlFlags)
    {
    }

    private long tradedVolume;
    private long firstTrade = NULL_PRICE;
    private long maxTrade = NULL_PRICE;
    private long minTrade = NULL_PRICE;
    private Entry volume;
    private Entry open;
    private Entry high;
    private Entry low;
    private Entry highestBid;
    private Entry lowestOffer;
    private Entry settlement;
    private Entry clearedVolume;
    private Entry openInterest;
    long highLimit = NULL_PRICE;
    long lowLimit = NULL_PRICE;
    long maxPriceVariation = NULL_PRICE;

    /**
     * ResetStatistics at a new trading day: the session's statistics start over.
     */
    void resetSession()
    {
        tradedVolume = 0;
        firstTrade = NULL_PRICE;
        maxTrade = NULL_PRICE;
        minTrade = NULL_PRICE;
        volume = null;
        open = null;
        high = null;
        low = null;
        highestBid = null;
        lowestOffer = null;
    }

    /**
     * A channel reset empties the session's statistics and limits as received; the venue's session goes on, and
     * daily statistics are not resent (CME), so they are kept.
     */
    void onChannelReset()
    {
        volume = null;
        open = null;
        high = null;
        low = null;
        highestBid = null;
        lowestOffer = null;
        highLimit = NULL_PRICE;
        lowLimit = NULL_PRICE;
        maxPriceVariation = NULL_PRICE;
    }

    void onTrade(final long price, final int size)
    {
        tradedVolume += size;
        if (NULL_PRICE == firstTrade)
        {
            firstTrade = price;
            maxTrade = price;
            minTrade = price;
        }
        maxTrade = Math.max(maxTrade, price);
        minTrade = Math.min(minTrade, price);
    }

    void onVolume(final int size)
    {
        assertEquals(tradedVolume, size, "electronic volume: the session's traded quantity");
        volume = new Entry('e', NULL_PRICE, size, NULL_FLAG, NULL_DATE, SETTLE_NULL);
    }

    void onSession(
        final char type, final long price, final int size, final short flag, final long bestBid, final long bestAsk)
    {
        final Entry entry = new Entry(type, price, size, flag, NULL_DATE, SETTLE_NULL);
        switch (type)
        {
            case '4' ->
            {
                if (0 == flag)
                {
                    assertEquals(firstTrade, price, "opening price: the session's first trade");
                    assertEquals(NULL_SIZE, size);
                }
                else
                {
                    assertEquals(5, flag, "indicative opening price");
                    assertEquals(NULL_PRICE, firstTrade, "an indicative opening price before any trade");
                    assertTrue(size > 0 && size != NULL_SIZE, "indicative opening quantity");
                }
                open = entry;
            }
            case '7' ->
            {
                assertEquals(maxTrade, price, "session high: the highest trade");
                high = entry;
            }
            case '8' ->
            {
                assertEquals(minTrade, price, "session low: the lowest trade");
                low = entry;
            }
            case 'N' ->
            {
                assertEquals(bestBid, price, "highest bid: the book's best bid");
                assertTrue(null == highestBid || price > highestBid.price(), "a new highest bid");
                highestBid = entry;
            }
            case 'O' ->
            {
                assertEquals(bestAsk, price, "lowest offer: the book's best offer");
                assertTrue(null == lowestOffer || price < lowestOffer.price(), "a new lowest offer");
                lowestOffer = entry;
            }
            default -> throw new AssertionError("session statistic " + type);
        }
    }

    void onDaily(final char type, final long price, final int size, final int date, final int settlFlags)
    {
        final Entry entry = new Entry(type, price, size, NULL_FLAG, date, settlFlags);
        switch (type)
        {
            case '6' ->
            {
                assertTrue(NULL_PRICE != price && NULL_SIZE == size && NULL_DATE != date, entry::toString);
                assertEquals(0, settlFlags & SETTLE_NULL, "a settlement has a settlement type");
                settlement = entry;
            }
            case 'B' ->
            {
                assertTrue(NULL_PRICE == price && size >= 0 && NULL_SIZE != size, entry::toString);
                clearedVolume = entry;
            }
            case 'C' ->
            {
                assertTrue(NULL_PRICE == price && size >= 0 && NULL_SIZE != size, entry::toString);
                openInterest = entry;
            }
            default -> throw new AssertionError("daily statistic " + type);
        }
    }

    void onLimits(final long highLimit, final long lowLimit, final long maxPriceVariation)
    {
        assertTrue(lowLimit < highLimit && maxPriceVariation > 0, "limits " + lowLimit + ".." + highLimit);
        this.highLimit = highLimit;
        this.lowLimit = lowLimit;
        this.maxPriceVariation = maxPriceVariation;
    }

    /**
     * What a snapshot taken now must carry, in the order of {@link #sorted}.
     */
    List<Entry> entries()
    {
        final List<Entry> entries = new ArrayList<>();
        for (final Entry entry : new Entry[]{
            volume, open, high, low, highestBid, lowestOffer, settlement, clearedVolume, openInterest })
        {
            if (null != entry)
            {
                entries.add(entry);
            }
        }
        return sorted(entries);
    }

    static List<Entry> sorted(final List<Entry> entries)
    {
        final List<Entry> copy = new ArrayList<>(entries);
        copy.sort((a, b) -> Character.compare(a.type(), b.type()));
        return copy;
    }
}
