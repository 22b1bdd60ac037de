package io.wirespeed.feed;

import java.util.Arrays;

/**
 * Collects the level deltas of the MDP 3.0 event in progress per instrument and publishes them together (a
 * BookUpdate per book changed, then TopOfBook when the outright top changed) at end of event, or in parts when an
 * instrument's deltas fill up.
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
        final int bookIndex,
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
        instrument.addDelta(bookIndex, side, action, level, price, qty, orderCount);
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
            publish(instruments[i], endOfEvent);
            instruments[i] = null;
        }
        count = 0;
    }

    /**
     * Publish what one instrument has of the event in progress and take it out of the event.
     *
     * @param instrument   to publish.
     * @param endOfEvent   whether the venue marked the event complete.
     */
    void flush(final Instrument instrument, final boolean endOfEvent)
    {
        if (remove(instrument))
        {
            publish(instrument, endOfEvent);
        }
    }

    /**
     * Take an instrument out of the event in progress without publishing what it has (it went stale).
     *
     * @param instrument to drop.
     */
    void discard(final Instrument instrument)
    {
        remove(instrument);
        instrument.resetEvent();
    }

    /**
     * Publish an instrument's books as emptied on both sides, outside any event.
     *
     * @param instrument whose books were cleared.
     */
    void publishCleared(final Instrument instrument)
    {
        instrument.resetEvent();
        addCleared(instrument, Instrument.OUTRIGHT);
        if (instrument.isImpliedPublished())
        {
            addCleared(instrument, Instrument.IMPLIED);
        }
        publisher.bookUpdate(instrument, true, packet.seqNum, packet.sendingTimeNs, packet.rxTimestampNs, packet.nowNs);
        publisher.topOfBook(instrument, packet.sendingTimeNs, packet.rxTimestampNs, packet.nowNs);
        instrument.resetEvent();
    }

    private static void addCleared(final Instrument instrument, final int bookIndex)
    {
        instrument.addDelta(bookIndex, OrderBook.BID, MarketDataPublisher.ACTION_CLEAR, 0, OrderBook.NULL_PRICE, 0, 0);
        instrument.addDelta(bookIndex, OrderBook.ASK, MarketDataPublisher.ACTION_CLEAR, 0, OrderBook.NULL_PRICE, 0, 0);
    }

    private void publish(final Instrument instrument, final boolean endOfEvent)
    {
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
    }

    private boolean remove(final Instrument instrument)
    {
        if (!instrument.inEvent)
        {
            return false;
        }
        for (int i = 0; i < count; i++)
        {
            if (instruments[i] == instrument)
            {
                instruments[i] = instruments[--count];
                instruments[count] = null;
                return true;
            }
        }
        return false;
    }
}
