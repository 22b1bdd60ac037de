package io.wirespeed.journal;

import io.aeron.FragmentAssembler;
import io.aeron.Image;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import org.agrona.DirectBuffer;
import org.agrona.collections.Int2IntHashMap;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.status.AtomicCounter;

import java.util.function.Consumer;

/**
 * One Aeron subscription the journal records: each whole message becomes a record of the stream its template belongs
 * to, source id the Aeron stream id. When a publisher's session comes back on a new image (the untethered subscription
 * was left behind and rejoined at the publisher's position) the bytes between where the old image stopped and where
 * the new one joined become a {@code JournalLoss} before the next record.
 */
final class SubscriptionSource implements FragmentHandler, Consumer<Image>, AutoCloseable
{
    private final Subscription subscription;
    private final Journal journal;
    private final AtomicCounter lagCounter;
    private final FragmentAssembler assembler = new FragmentAssembler(this);
    private final Long2LongHashMap endPosition = new Long2LongHashMap(-1);
    private final Long2LongHashMap imageOf = new Long2LongHashMap(-1);
    private final Int2IntHashMap lastStream = new Int2IntHashMap(-1);
    private final Long2LongHashMap lastTimestampNs = new Long2LongHashMap(0);
    private final Long2ObjectHashMap<LogTail> tails = new Long2ObjectHashMap<>();
    private final int sourceId;
    private final EpochNanoClock clock;
    private long lagBytes;

    SubscriptionSource(
        final Subscription subscription,
        final Journal journal,
        final AtomicCounter lagCounter,
        final EpochNanoClock clock)
    {
        this.clock = clock;
        this.subscription = subscription;
        this.journal = journal;
        this.lagCounter = lagCounter;
        this.sourceId = subscription.streamId();
    }

    int poll(final int limit)
    {
        return subscription.poll(assembler, limit);
    }

    @Override
    public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        final long nowNs = clock.nanoTime(); // capture time: when the journal took this message, not its cycle start
        final short stream = JournalRecords.classify(buffer, offset, length);
        final int sessionId = header.sessionId();
        if (header.context() instanceof Image)
        {
            final Image image = (Image)header.context();
            final long previousImage = imageOf.get(sessionId);
            if (previousImage != image.correlationId())
            {
                final long lostBytes = image.joinPosition() - Math.max(0, endPosition.get(sessionId));
                if (lostBytes > 0)
                {
                    final int lostStream = lastStream.get(sessionId);
                    journal.appendLoss(-1 == lostStream ? Math.max(0, stream) : lostStream, sourceId, 0, lostBytes,
                        lastTimestampNs.get(sessionId), nowNs);
                }
            }
            imageOf.put(sessionId, image.correlationId());
        }
        endPosition.put(sessionId, header.position());
        if (JournalRecords.UNCLASSIFIED == stream)
        {
            journal.countUnreadable();
            return;
        }
        lastStream.put(sessionId, stream);
        lastTimestampNs.put(sessionId, nowNs);
        journal.append(stream, 0, sourceId, nowNs, buffer, offset, length);
    }

    /**
     * Measure how far behind every image's publisher this subscription is, into its lag counter.
     *
     * @return the lag in bytes, summed over images.
     */
    long updateLag()
    {
        lagBytes = 0;
        subscription.forEachImage(this);
        final Long2ObjectHashMap<LogTail>.ValueIterator it = tails.values().iterator();
        while (it.hasNext())
        {
            final LogTail tail = it.next();
            if (!tail.seen || tail.image().isClosed())
            {
                tail.close();
                it.remove();
            }
            else
            {
                tail.seen = false;
            }
        }
        lagCounter.setRelease(lagBytes);
        return lagBytes;
    }

    @Override
    public void accept(final Image image)
    {
        LogTail tail = tails.get(image.correlationId());
        if (null == tail)
        {
            tail = LogTail.of(image);
            tails.put(image.correlationId(), tail);
        }
        tail.seen = true;
        lagBytes += tail.lag();
        if (-1 == imageOf.get(image.sessionId()))
        {
            imageOf.put(image.sessionId(), image.correlationId());
            endPosition.put(image.sessionId(), image.position());
        }
    }

    @Override
    public void close()
    {
        for (final LogTail tail : tails.values())
        {
            tail.close();
        }
        tails.clear();
    }
}
