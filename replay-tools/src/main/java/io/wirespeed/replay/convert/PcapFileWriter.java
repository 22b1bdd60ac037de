package io.wirespeed.replay.convert;

import io.wirespeed.nic.pcap.CaptureFileException;
import io.wirespeed.nic.pcap.PcapFormat;
import org.agrona.BufferUtil;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes Ethernet frames with their own stamps to a nanosecond pcap file (magic a1b23c4d, version 2.4, link type 1,
 * little-endian), buffered; what Wireshark, tshark and tcpdump read.
 * <pre>
 *   file header (24 bytes): magic | major 2 | minor 4 | thiszone 0 | sigfigs 0 | snaplen | link type 1
 *   each record: seconds | nanoseconds | captured length | original length | frame
 * </pre>
 */
final class PcapFileWriter implements AutoCloseable
{
    /** The largest frame written: the snap length the file header declares. */
    static final int SNAPLEN = PcapFormat.MAX_SNAPLEN;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int BUFFER_BYTES = 1 << 20;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer byteBuffer = ByteBuffer.allocateDirect(BUFFER_BYTES + SNAPLEN);
    private final UnsafeBuffer buffer = new UnsafeBuffer(byteBuffer);
    private int position;

    /**
     * Create (or truncate) the file and write its header.
     *
     * @param file to write.
     * @throws CaptureFileException when it cannot be created.
     */
    PcapFileWriter(final Path file)
    {
        this.file = file;
        try
        {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        }
        catch (final IOException ex)
        {
            BufferUtil.free(byteBuffer);
            throw new CaptureFileException(file + ": cannot create the pcap file: " + ex.getMessage(), ex);
        }
        buffer.putInt(0, PcapFormat.MAGIC_NANOS, ORDER);
        buffer.putShort(4, (short)2, ORDER);
        buffer.putShort(6, (short)4, ORDER);
        buffer.putInt(8, 0, ORDER);
        buffer.putInt(12, 0, ORDER);
        buffer.putInt(PcapFormat.FILE_HEADER_SNAPLEN_OFFSET, SNAPLEN, ORDER);
        buffer.putInt(PcapFormat.FILE_HEADER_LINK_TYPE_OFFSET, PcapFormat.LINKTYPE_ETHERNET, ORDER);
        position = PcapFormat.FILE_HEADER_LENGTH;
    }

    /**
     * Append one frame.
     *
     * @param timestampNs when it was captured, epoch nanoseconds, at or after 1970 and before 2106.
     * @param frame       holding it.
     * @param offset      of it.
     * @param length      of it, at most {@link #SNAPLEN}.
     */
    void write(final long timestampNs, final DirectBuffer frame, final int offset, final int length)
    {
        if (position + PcapFormat.RECORD_HEADER_LENGTH + length > BUFFER_BYTES)
        {
            flush();
        }
        buffer.putInt(position, (int)(timestampNs / NANOS_PER_SECOND), ORDER);
        buffer.putInt(position + 4, (int)(timestampNs % NANOS_PER_SECOND), ORDER);
        buffer.putInt(position + PcapFormat.RECORD_CAPTURED_LENGTH_OFFSET, length, ORDER);
        buffer.putInt(position + PcapFormat.RECORD_ORIGINAL_LENGTH_OFFSET, length, ORDER);
        buffer.putBytes(position + PcapFormat.RECORD_HEADER_LENGTH, frame, offset, length);
        position += PcapFormat.RECORD_HEADER_LENGTH + length;
    }

    /**
     * Write what is buffered.
     *
     * @throws CaptureFileException when the write fails.
     */
    void flush()
    {
        byteBuffer.limit(position).position(0);
        try
        {
            while (byteBuffer.hasRemaining())
            {
                channel.write(byteBuffer);
            }
        }
        catch (final IOException ex)
        {
            throw new CaptureFileException(file + ": write failed: " + ex, ex);
        }
        position = 0;
    }

    /**
     * Write what is buffered and close the file.
     */
    public void close()
    {
        try
        {
            flush();
        }
        finally
        {
            CloseHelper.close(channel);
            BufferUtil.free(byteBuffer);
        }
    }
}
