package io.wirespeed.feed;

import org.agrona.DirectBuffer;

/**
 * The normalized market-data stream the channels of one feed handler share: numbers every message (streamSeq, from 1,
 * one more per message whether published or lost, so a subscriber sees loss as a gap) and remembers a loss until the
 * channels have republished their instruments.
 */
public final class MarketDataStream
{
    private final MarketDataSink sink;
    private long nextStreamSeq = 1;
    private boolean republishPending;

    /**
     * A stream over a sink.
     *
     * @param sink where the messages go.
     */
    public MarketDataStream(final MarketDataSink sink)
    {
        this.sink = sink;
    }

    /**
     * The streamSeq the next message carries.
     *
     * @return the next stream sequence number, from 1.
     */
    public long nextStreamSeq()
    {
        return nextStreamSeq;
    }

    /**
     * Whether a message was lost since the last complete republication: every instrument must be published again.
     *
     * @return true while a republication is owed.
     */
    public boolean isRepublishPending()
    {
        return republishPending;
    }

    /**
     * Whether the sink can take a republication now (the publication has room again).
     *
     * @return true when a republication is owed and the sink has room.
     */
    boolean canRepublish()
    {
        return republishPending && sink.hasRoom();
    }

    /**
     * A republication starts: a loss during it makes another one owed.
     */
    void onRepublishStart()
    {
        republishPending = false;
    }

    /**
     * Offer one encoded message that carries {@link #nextStreamSeq()}; the number is used up either way.
     *
     * @param buffer holding the message.
     * @param offset of the message.
     * @param length of the message.
     * @return false when it was lost (back pressure, not connected): a republication is then owed.
     */
    boolean offer(final DirectBuffer buffer, final int offset, final int length)
    {
        nextStreamSeq++;
        if (sink.offer(buffer, offset, length))
        {
            return true;
        }
        republishPending = true;
        return false;
    }
}
