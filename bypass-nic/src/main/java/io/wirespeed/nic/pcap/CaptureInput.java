package io.wirespeed.nic.pcap;

import org.agrona.BufferUtil;
import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A capture file read in large chunks into one direct buffer: records are parsed in place, one read per chunk.
 * <pre>
 *   buffer index 0          position                 limit                capacity
 *   +-----------------------+------------------------+--------------------+
 *   | consumed              | read, not yet consumed | free               |
 *   +-----------------------+------------------------+--------------------+
 *   file offset of index 0 = startOffset
 * </pre>
 */
final class CaptureInput implements AutoCloseable
{
    private final FileChannel channel;
    private final ByteBuffer byteBuffer;
    private final UnsafeBuffer buffer;
    private final int capacity;
    private long startOffset;
    private int position;
    private int limit;
    private boolean endOfFile;
    private IOException failure;

    CaptureInput(final FileChannel channel, final int capacity)
    {
        this.channel = channel;
        this.capacity = capacity;
        this.byteBuffer = ByteBuffer.allocateDirect(capacity);
        this.buffer = new UnsafeBuffer(byteBuffer);
    }

    /**
     * Make at least {@code length} bytes readable from {@link #position()}, reading the file when needed.
     *
     * @param length bytes wanted, at most {@link #capacity()}.
     * @return true when they are readable; false at the end of the file or on a read failure.
     */
    boolean ensure(final int length)
    {
        if (limit - position >= length)
        {
            return true;
        }
        if (endOfFile || length > capacity)
        {
            return false;
        }

        compact();
        try
        {
            while (limit < length)
            {
                byteBuffer.limit(capacity).position(limit);
                final int read = channel.read(byteBuffer);
                if (read < 0)
                {
                    endOfFile = true;
                    return false;
                }
                limit += read;
            }
        }
        catch (final IOException ex)
        {
            failure = ex;
            endOfFile = true;
            return false;
        }
        return true;
    }

    /**
     * Move past bytes, reading past the buffer by seeking when they are not all buffered.
     *
     * @param length bytes to skip.
     */
    void skip(final long length)
    {
        final int buffered = limit - position;
        if (length <= buffered)
        {
            position += (int)length;
            return;
        }

        final long target = startOffset + limit + (length - buffered);
        try
        {
            channel.position(target);
            startOffset = target;
            position = 0;
            limit = 0;
        }
        catch (final IOException ex)
        {
            failure = ex;
            endOfFile = true;
        }
    }

    /**
     * Bytes left in the file from {@link #position()}, asking the file system; for error paths.
     *
     * @return bytes left, or what is buffered when the size cannot be read.
     */
    long bytesLeftInFile()
    {
        try
        {
            return Math.max(0L, channel.size() - fileOffset());
        }
        catch (final IOException ex)
        {
            return limit - position;
        }
    }

    void advance(final int length)
    {
        position += length;
    }

    int position()
    {
        return position;
    }

    int available()
    {
        return limit - position;
    }

    int capacity()
    {
        return capacity;
    }

    long fileOffset()
    {
        return startOffset + position;
    }

    UnsafeBuffer buffer()
    {
        return buffer;
    }

    IOException failure()
    {
        return failure;
    }

    public void close()
    {
        CloseHelper.close(channel);
        BufferUtil.free(byteBuffer);
    }

    private void compact()
    {
        final int remaining = limit - position;
        if (position > 0)
        {
            if (remaining > 0)
            {
                buffer.putBytes(0, buffer, position, remaining);
            }
            startOffset += position;
            position = 0;
            limit = remaining;
        }
    }
}
