package io.wirespeed.gateway;

import org.agrona.DirectBuffer;

/**
 * Takes one encoded message for the strategies, or says it could not.
 */
@FunctionalInterface
public interface MessageSink
{
    /**
     * Offer a message.
     *
     * @param buffer holding it.
     * @param offset where it starts.
     * @param length its length.
     * @return true when it was taken.
     */
    boolean offer(DirectBuffer buffer, int offset, int length);
}
