package io.wirespeed.nic.pcap;

import io.wirespeed.nic.FrameClaim;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.NicCounters;
import io.wirespeed.nic.TxQueue;
import org.agrona.BufferUtil;
import org.agrona.CloseHelper;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static io.wirespeed.nic.pcap.PcapFormat.RECORD_HEADER_LENGTH;

/**
 * Captures sent frames to a classic pcap file with nanosecond timestamps (magic a1b23c4d, little-endian,
 * LINKTYPE_ETHERNET): frames are claimed in a write buffer, stamped with the clock at commit, and written in one
 * call when a commit leaves the buffer over half full, when a claim does not fit, on {@link #flush()} and on close,
 * so a burst of up to half the buffer always fits. Without a file, committed frames are counted and discarded.
 * A claim's final length is read from its {@link FrameClaim} at the next claim or commit, so that flyweight must not
 * be re-pointed by another queue in between.
 * <pre>
 *   0              flushedLimit           committedLimit          claimLimit             capacity
 *   +--------------+----------------------+-----------------------+----------------------+
 *   | in the file  | committed, unwritten | claimed, uncommitted  | free                 |
 *   +--------------+----------------------+-----------------------+----------------------+
 *   each record: a pcap record header (16 bytes) then the frame, back to back
 * </pre>
 */
public final class PcapTxQueue implements TxQueue, AutoCloseable
{
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final FileChannel channel;
    private final ByteBuffer byteBuffer;
    private final UnsafeBuffer buffer;
    private final int capacity;
    private final int snaplen;
    private final int flushThreshold;
    private final EpochNanoClock clock;
    private final CaptureProblems problems;
    private final AtomicCounter txFrames;
    private final AtomicCounter txBytes;
    private final AtomicCounter frameTooLarge;
    private final AtomicCounter ringFull;
    private int flushedLimit;
    private int committedLimit;
    private int claimLimit;
    private int lastRecord;
    private FrameClaim lastClaim;
    private long fileOffset;
    private boolean closed;

    PcapTxQueue(
        final Path file,
        final EpochNanoClock clock,
        final NicCounters counters,
        final PcapPortOptions options)
    {
        this.snaplen = options.snaplen();
        this.capacity = options.writeBufferBytes();
        this.flushThreshold = capacity / 2;
        this.clock = clock;
        this.problems = new CaptureProblems(file, counters, options.errorHandler());
        this.txFrames = counters.get(NicCounter.TX_FRAMES);
        this.txBytes = counters.get(NicCounter.TX_BYTES);
        this.frameTooLarge = counters.get(NicCounter.TX_FRAME_TOO_LARGE);
        this.ringFull = counters.get(NicCounter.TX_RING_FULL);

        FileChannel channel = null;
        if (null != file)
        {
            try
            {
                channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            }
            catch (final IOException ex)
            {
                throw CaptureFileException.cannotOpen(file, "cannot open capture for writing", ex);
            }
        }
        this.channel = channel;
        this.byteBuffer = ByteBuffer.allocateDirect(capacity);
        this.buffer = new UnsafeBuffer(byteBuffer);
        writeFileHeader(file);
    }

    /**
     * {@inheritDoc}
     */
    public boolean tryClaim(final int length, final FrameClaim claim)
    {
        if (length < 0 || length > snaplen)
        {
            frameTooLarge.incrementRelease();
            return false;
        }
        if (closed)
        {
            return false;
        }

        seal();
        if (claimLimit + RECORD_HEADER_LENGTH + length > capacity)
        {
            flush();
            if (claimLimit + RECORD_HEADER_LENGTH + length > capacity)
            {
                ringFull.incrementRelease();
                return false;
            }
        }

        final int record = claimLimit;
        final int frameOffset = record + RECORD_HEADER_LENGTH;
        claim.wrap(buffer, frameOffset, length, Math.min(snaplen, capacity - frameOffset));
        lastRecord = record;
        lastClaim = claim;
        claimLimit = frameOffset + length;
        return true;
    }

    /**
     * {@inheritDoc}
     */
    public int commit()
    {
        if (closed)
        {
            return 0;
        }
        seal();
        if (claimLimit == committedLimit)
        {
            return 0;
        }

        final long nowNs = clock.nanoTime();
        final int seconds = (int)Math.floorDiv(nowNs, NANOS_PER_SECOND);
        final int nanos = (int)Math.floorMod(nowNs, NANOS_PER_SECOND);
        int frames = 0;
        long bytes = 0;
        int record = committedLimit;
        while (record < claimLimit)
        {
            final int length = buffer.getInt(record + PcapFormat.RECORD_CAPTURED_LENGTH_OFFSET, ORDER);
            buffer.putInt(record, seconds, ORDER);
            buffer.putInt(record + 4, nanos, ORDER);
            frames++;
            bytes += length;
            record += RECORD_HEADER_LENGTH + length;
        }
        committedLimit = claimLimit;
        if (committedLimit > flushThreshold)
        {
            flush();
        }

        txFrames.getAndAddRelease(frames);
        txBytes.getAndAddRelease(bytes);
        return frames;
    }

    /**
     * {@inheritDoc}
     */
    public void abort()
    {
        lastClaim = null;
        claimLimit = committedLimit;
    }

    /**
     * {@inheritDoc}
     */
    public int maxFrameLength()
    {
        return snaplen;
    }

    /**
     * {@inheritDoc}
     */
    public int queueId()
    {
        return 0;
    }

    /**
     * Write every committed frame still buffered to the file; one write call, on the caller's thread.
     */
    public void flush()
    {
        if (committedLimit > flushedLimit)
        {
            final int length = committedLimit - flushedLimit;
            if (null != channel)
            {
                try
                {
                    byteBuffer.limit(committedLimit).position(flushedLimit);
                    while (byteBuffer.hasRemaining())
                    {
                        channel.write(byteBuffer);
                    }
                }
                catch (final IOException ex)
                {
                    problems.report(CaptureProblem.WRITE_FAILED, fileOffset, byteBuffer.remaining(), 0);
                }
            }
            fileOffset += length;
            flushedLimit = committedLimit;
        }

        if (flushedLimit == claimLimit)
        {
            flushedLimit = 0;
            committedLimit = 0;
            claimLimit = 0;
        }
    }

    /**
     * Bytes handed to the file so far, header included.
     *
     * @return bytes handed to the file so far.
     */
    public long fileOffset()
    {
        return fileOffset;
    }

    /**
     * The last write problem, with its file offset, for people; allocates.
     *
     * @return the message, or null when there has been none.
     */
    public String lastError()
    {
        return problems.lastError();
    }

    /**
     * The capture written.
     *
     * @return its path, or null when sent frames are discarded.
     */
    public Path file()
    {
        return problems.file();
    }

    /**
     * Drop uncommitted claims, write what was committed, and close the file.
     */
    public void close()
    {
        if (!closed)
        {
            closed = true;
            abort();
            flush();
            CloseHelper.close(channel);
            BufferUtil.free(byteBuffer);
        }
    }

    private void writeFileHeader(final Path file)
    {
        buffer.putInt(0, PcapFormat.MAGIC_NANOS, ORDER);
        buffer.putShort(4, (short)2, ORDER);
        buffer.putShort(6, (short)4, ORDER);
        buffer.putInt(8, 0, ORDER);
        buffer.putInt(12, 0, ORDER);
        buffer.putInt(PcapFormat.FILE_HEADER_SNAPLEN_OFFSET, snaplen, ORDER);
        buffer.putInt(PcapFormat.FILE_HEADER_LINK_TYPE_OFFSET, PcapFormat.LINKTYPE_ETHERNET, ORDER);
        if (null != channel)
        {
            try
            {
                byteBuffer.limit(PcapFormat.FILE_HEADER_LENGTH).position(0);
                while (byteBuffer.hasRemaining())
                {
                    channel.write(byteBuffer);
                }
            }
            catch (final IOException ex)
            {
                CloseHelper.quietClose(channel);
                BufferUtil.free(byteBuffer);
                throw new CaptureFileException(file + ": cannot write the pcap file header: " + ex, ex);
            }
        }
        fileOffset = PcapFormat.FILE_HEADER_LENGTH;
    }

    private void seal()
    {
        final FrameClaim claim = lastClaim;
        if (null != claim)
        {
            final int length = claim.length();
            buffer.putInt(lastRecord + PcapFormat.RECORD_CAPTURED_LENGTH_OFFSET, length, ORDER);
            buffer.putInt(lastRecord + PcapFormat.RECORD_ORIGINAL_LENGTH_OFFSET, length, ORDER);
            claimLimit = lastRecord + RECORD_HEADER_LENGTH + length;
            lastClaim = null;
        }
    }
}
