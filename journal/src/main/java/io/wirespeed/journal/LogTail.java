package io.wirespeed.journal;

import io.aeron.Image;
import io.aeron.logbuffer.LogBufferDescriptor;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Where the publisher of an image stands: its log's metadata (the term tail counters), mapped read-only, so the
 * journal can say how many bytes it is behind.
 */
final class LogTail implements AutoCloseable
{
    private final Image image;
    private final MappedByteBuffer mapped;
    private final UnsafeBuffer metadata;
    private final int termLength;
    private final int positionBitsToShift;
    private final int initialTermId;
    boolean seen;

    private LogTail(final Image image, final MappedByteBuffer mapped)
    {
        this.image = image;
        this.mapped = mapped;
        this.metadata = null == mapped ? null : new UnsafeBuffer(mapped);
        this.termLength = image.termBufferLength();
        this.positionBitsToShift = image.positionBitsToShift();
        this.initialTermId = image.initialTermId();
    }

    /**
     * Map an image's log metadata.
     *
     * @param image of a publication.
     * @return the tail; its position is the image's own when the log cannot be mapped.
     */
    static LogTail of(final Image image)
    {
        final FileChannel channel = image.fileChannel();
        MappedByteBuffer mapped = null;
        if (null != channel)
        {
            try
            {
                mapped = channel.map(FileChannel.MapMode.READ_ONLY,
                    (long)image.termBufferLength() * LogBufferDescriptor.PARTITION_COUNT,
                    LogBufferDescriptor.LOG_META_DATA_LENGTH);
            }
            catch (final IOException | RuntimeException ignore)
            {
                mapped = null;
            }
        }
        return new LogTail(image, mapped);
    }

    Image image()
    {
        return image;
    }

    /**
     * The publisher's position: the end of what it has written.
     *
     * @return the position; the image's position when unknown.
     */
    long producerPosition()
    {
        if (null == metadata)
        {
            return image.position();
        }
        final int termCount = LogBufferDescriptor.activeTermCount(metadata);
        final long rawTail = LogBufferDescriptor.rawTailVolatile(
            metadata, LogBufferDescriptor.indexByTermCount(termCount));
        return LogBufferDescriptor.computePosition(
            LogBufferDescriptor.termId(rawTail),
            LogBufferDescriptor.termOffset(rawTail, termLength),
            positionBitsToShift,
            initialTermId);
    }

    /**
     * Bytes the image's subscriber is behind its publisher.
     *
     * @return the lag, never negative.
     */
    long lag()
    {
        return Math.max(0, producerPosition() - image.position());
    }

    @Override
    public void close()
    {
        if (null != mapped)
        {
            IoUtil.unmap(mapped);
        }
    }
}
