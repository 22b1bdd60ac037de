package io.wirespeed.feed;

import org.agrona.collections.Int2ObjectHashMap;

import java.util.Arrays;

/**
 * The instruments of one channel, by security id and in the order they became known.
 */
final class InstrumentTable
{
    private final Int2ObjectHashMap<Instrument> byId = new Int2ObjectHashMap<>();
    private final int bookDepth;
    private Instrument[] instruments = new Instrument[16];
    private int count;

    InstrumentTable(final int bookDepth)
    {
        this.bookDepth = bookDepth;
    }

    Instrument get(final int securityId)
    {
        return byId.get(securityId);
    }

    /**
     * Add an instrument unless known.
     *
     * @param securityId venue security id.
     * @param symbol     its symbol.
     * @return the new instrument, or null when it was known.
     */
    Instrument add(final int securityId, final String symbol)
    {
        if (null != byId.get(securityId))
        {
            return null;
        }
        final Instrument instrument = new Instrument(securityId, symbol, bookDepth);
        byId.put(securityId, instrument);
        if (count == instruments.length)
        {
            instruments = Arrays.copyOf(instruments, count * 2);
        }
        instruments[count++] = instrument;
        return instrument;
    }

    int count()
    {
        return count;
    }

    Instrument at(final int index)
    {
        return instruments[index];
    }
}
