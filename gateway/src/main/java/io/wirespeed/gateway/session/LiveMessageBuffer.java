package io.wirespeed.gateway.session;

import org.agrona.BitUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Live messages held, in arrival order, while a gap before them is being retransmitted; a preallocated FIFO of
 * length-prefixed messages.
 */
public final class LiveMessageBuffer
{
    private static final int LENGTH_PREFIX = BitUtil.SIZE_OF_INT;

    private final UnsafeBuffer buffer;
    private int readPosition;
    private int writePosition;
    private int count;

    /**
     * A buffer of a given size.
     *
     * @param capacityBytes bytes for messages and their length prefixes.
     */
    public LiveMessageBuffer(final int capacityBytes)
    {
        buffer = new UnsafeBuffer(new byte[capacityBytes]);
    }

    /**
     * Copy a message in at the end.
     *
     * @param src    holds it.
     * @param offset where it starts.
     * @param length its bytes.
     * @return false (nothing copied) if it does not fit.
     */
    public boolean append(final DirectBuffer src, final int offset, final int length)
    {
        if (writePosition + LENGTH_PREFIX + length > buffer.capacity())
        {
            return false;
        }
        buffer.putInt(writePosition, length);
        buffer.putBytes(writePosition + LENGTH_PREFIX, src, offset, length);
        writePosition += LENGTH_PREFIX + length;
        count++;
        return true;
    }

    /**
     * Messages held.
     *
     * @return the count.
     */
    public int count()
    {
        return count;
    }

    /**
     * The buffer the first message is in.
     *
     * @return the buffer.
     */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * Where the first message starts.
     *
     * @return the offset; valid only when {@link #count()} is not 0.
     */
    public int firstOffset()
    {
        return readPosition + LENGTH_PREFIX;
    }

    /**
     * The first message's length.
     *
     * @return bytes; valid only when {@link #count()} is not 0.
     */
    public int firstLength()
    {
        return buffer.getInt(readPosition);
    }

    /**
     * Drop the first message.
     */
    public void removeFirst()
    {
        readPosition += LENGTH_PREFIX + buffer.getInt(readPosition);
        if (0 == --count)
        {
            readPosition = 0;
            writePosition = 0;
        }
    }

    /**
     * Drop everything.
     */
    public void clear()
    {
        readPosition = 0;
        writePosition = 0;
        count = 0;
    }
}
