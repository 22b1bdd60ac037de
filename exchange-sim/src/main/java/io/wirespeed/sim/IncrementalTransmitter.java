package io.wirespeed.sim;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * Sends the staged incremental packets on feeds A and B together: when either TX ring is full neither gets the
 * packet, and it stays staged for the next try.
 */
final class IncrementalTransmitter
{
    private final PacketStaging staging;
    private final FeedPublisher feedA;
    private final FeedPublisher feedB;
    private final SimCounters counters;

    IncrementalTransmitter(
        final PacketStaging staging, final FeedPublisher feedA, final FeedPublisher feedB, final SimCounters counters)
    {
        this.staging = staging;
        this.feedA = feedA;
        this.feedB = feedB;
        this.counters = counters;
    }

    /**
     * Send what is staged, in order, until done or a TX ring is full.
     *
     * @return the number of packets sent.
     */
    int transmit()
    {
        int sent = 0;
        final UnsafeBuffer buffer = staging.buffer();
        while (staging.hasUnsent())
        {
            final int offset = staging.nextOffset();
            final int length = staging.nextLength();
            if (!feedA.claim(buffer, offset, length))
            {
                counters.increment(SimCounter.TX_BACK_PRESSURE);
                break;
            }
            if (null != feedB && !feedB.claim(buffer, offset, length))
            {
                feedA.abort();
                counters.increment(SimCounter.TX_BACK_PRESSURE);
                break;
            }
            feedA.commit();
            if (null != feedB)
            {
                feedB.commit();
            }
            counters.set(SimCounter.LAST_MSG_SEQ_NUM, staging.nextSeqNum());
            counters.increment(SimCounter.INCREMENTAL_PACKETS);
            staging.markSent();
            sent++;
        }
        return sent;
    }
}
