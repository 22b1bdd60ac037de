package io.wirespeed.feed;

import java.util.Arrays;

/**
 * Collects the level deltas of the MDP 3.0 event in progress per instrument and publishes them together (a
 * BookUpdate, then TopOfBook when the top changed) at end of event, or in parts when an instrument's deltas fill up.
 */
final class EventBatch
{
    private final MarketDataPublisher publisher;
    private final CurrentPacket packet;
    private Instrument[] instruments = new Instrument[16];
    private int count;

    EventBatch(final MarketDataPublisher publisher, final CurrentPacket packet)
    {
        this.publisher = publisher;
        this.packet = packet;
    }

    /**
     * Make room for one instrument per known instrument, so an event never grows the batch.
     *
     * @param instrumentCount instruments known.
     */
    void ensureCapacity(final int instrumentCount)
    {
        if (instrumentCount > instruments.length)
        {
            instruments = Arrays.copyOf(instruments, Math.max(instrumentCount, instruments.length * 2));
        }
    }

    void delta(
        final Instrument instrument,
        final int side,
        final int action,
        final int level,
        final long price,
        final long qty,
        final int orderCount)
    {
        if (!instrument.inEvent)
        {
            instrument.inEvent = true;
            instruments[count++] = instrument;
        }
        if (Instrument.MAX_DELTAS == instrument.deltaCount)
        {
            publisher.bookUpdate(
                instrument, false, packet.seqNum, packet.sendingTimeNs, packet.rxTimestampNs, packet.nowNs);
            instrument.deltaCount = 0;
        }
        instrument.eventRptSeq = instrument.lastRptSeq;
        instrument.addDelta(side, action, level, price, qty, orderCount);
    }

    /**
     * Publish the event in progress.
     *
     * @param endOfEvent whether the venue marked the event complete (false when a gap or reset cuts it short).
     */
    void flush(final boolean endOfEvent)
    {
        for (int i = 0; i < count; i++)
        {
            final Instrument instrument = instruments[i];
            if (instrument.deltaCount > 0)
            {
                publisher.bookUpdate(
                    instrument, endOfEvent, packet.seqNum, packet.sendingTimeNs, packet.rxTimestampNs, packet.nowNs);
            }
            if (instrument.topChanged)
            {
                publisher.topOfBook(instrument, packet.sendingTimeNs, packet.rxTimestampNs, packet.nowNs);
            }
            instrument.resetEvent();
            instruments[i] = null;
        }
        count = 0;
    }

    /**
     * Publish an instrument's book as emptied on both sides, outside any event.
     *
     * @param instrument whose book was cleared.
     */
    void publishCleared(final Instrument instrument)
    {
        instrument.resetEvent();
        instrument.addDelta(OrderBook.BID, MarketDataPublisher.ACTION_CLEAR, 0, OrderBook.NULL_PRICE, 0, 0);
        instrument.addDelta(OrderBook.ASK, MarketDataPublisher.ACTION_CLEAR, 0, OrderBook.NULL_PRICE, 0, 0);
        publisher.bookUpdate(instrument, true, packet.seqNum, packet.sendingTimeNs, packet.rxTimestampNs, packet.nowNs);
        publisher.topOfBook(instrument, packet.sendingTimeNs, packet.rxTimestampNs, packet.nowNs);
        instrument.resetEvent();
    }
}
