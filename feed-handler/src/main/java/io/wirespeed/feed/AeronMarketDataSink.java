package io.wirespeed.feed;

import io.aeron.Publication;
import org.agrona.DirectBuffer;

/**
 * Publishes normalized market data on an Aeron publication, retrying back pressure a bounded number of times.
 */
public final class AeronMarketDataSink implements MarketDataSink
{
    /** Offers tried per message before it is given up. */
    public static final int MAX_ATTEMPTS_DEFAULT = 16;

    private final Publication publication;
    private final int maxAttempts;

    /**
     * A sink over a publication.
     *
     * @param publication the feed handler's own; this sink does not close it.
     * @param maxAttempts offers tried per message while back pressured.
     */
    public AeronMarketDataSink(final Publication publication, final int maxAttempts)
    {
        this.publication = publication;
        this.maxAttempts = maxAttempts;
    }

    /**
     * {@inheritDoc}
     */
    public boolean offer(final DirectBuffer buffer, final int offset, final int length)
    {
        for (int i = 0; i < maxAttempts; i++)
        {
            final long result = publication.offer(buffer, offset, length);
            if (result > 0)
            {
                return true;
            }
            if (Publication.BACK_PRESSURED != result && Publication.ADMIN_ACTION != result)
            {
                return false;
            }
        }
        return false;
    }

    /**
     * Room for at least one message of the largest size the publication takes, unclaimed by a slow subscriber.
     *
     * @return true when the publication's window has room for a message of its maximum length.
     */
    public boolean hasRoom()
    {
        return publication.isConnected() && publication.availableWindow() >= publication.maxMessageLength();
    }
}
