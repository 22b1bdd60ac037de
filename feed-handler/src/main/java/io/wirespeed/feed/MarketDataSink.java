package io.wirespeed.feed;

import org.agrona.DirectBuffer;

/**
 * Where normalized market data messages go: an Aeron publication in production, a capture in tests.
 */
@FunctionalInterface
public interface MarketDataSink
{
    /**
     * Publish one encoded message (internal schema header included).
     *
     * @param buffer holding the message.
     * @param offset of the message.
     * @param length of the message.
     * @return false when the message could not be published (back pressure, not connected).
     */
    boolean offer(DirectBuffer buffer, int offset, int length);

    /**
     * Whether the sink has room for a republication of the books after a loss.
     *
     * @return true when offers are likely to be taken again.
     */
    default boolean hasRoom()
    {
        return true;
    }
}
