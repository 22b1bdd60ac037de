package io.wirespeed.gateway;

import io.aeron.Publication;
import org.agrona.DirectBuffer;

/**
 * Offers messages on an Aeron publication, retrying back pressure and admin actions a bounded number of times.
 */
public final class PublicationSink implements MessageSink
{
    /** Offers tried per message before it is given up. */
    public static final int MAX_ATTEMPTS_DEFAULT = 16;

    private final Publication publication;
    private final int maxAttempts;

    /**
     * A sink over a publication.
     *
     * @param publication where messages go; this sink does not close it.
     * @param maxAttempts offers tried per message while back pressured.
     */
    public PublicationSink(final Publication publication, final int maxAttempts)
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
}
