package io.wirespeed.sim.venue;

import org.agrona.BitUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Frames held until a release time, in order: the acceptor's delay fault.
 */
final class DelayLine
{
    private static final int PREFIX = BitUtil.SIZE_OF_LONG + BitUtil.SIZE_OF_INT;

    private final UnsafeBuffer buffer;
    private int readPosition;
    private int writePosition;

    DelayLine(final int capacityBytes)
    {
        buffer = new UnsafeBuffer(new byte[capacityBytes]);
    }

    boolean isEmpty()
    {
        return readPosition == writePosition;
    }

    boolean hold(final DirectBuffer src, final int offset, final int length, final long releaseAtNs)
    {
        if (writePosition + PREFIX + length > buffer.capacity())
        {
            if (readPosition > 0)
            {
                final int held = writePosition - readPosition;
                buffer.putBytes(0, buffer, readPosition, held);
                readPosition = 0;
                writePosition = held;
            }
            if (writePosition + PREFIX + length > buffer.capacity())
            {
                return false;
            }
        }
        buffer.putLong(writePosition, releaseAtNs);
        buffer.putInt(writePosition + BitUtil.SIZE_OF_LONG, length);
        buffer.putBytes(writePosition + PREFIX, src, offset, length);
        writePosition += PREFIX + length;
        return true;
    }

    boolean isDue(final long nowNs)
    {
        return !isEmpty() && buffer.getLong(readPosition) - nowNs <= 0;
    }

    DirectBuffer buffer()
    {
        return buffer;
    }

    int firstOffset()
    {
        return readPosition + PREFIX;
    }

    int firstLength()
    {
        return buffer.getInt(readPosition + BitUtil.SIZE_OF_LONG);
    }

    void removeFirst()
    {
        readPosition += PREFIX + firstLength();
        if (readPosition == writePosition)
        {
            readPosition = 0;
            writePosition = 0;
        }
    }

    void clear()
    {
        readPosition = 0;
        writePosition = 0;
    }
}
