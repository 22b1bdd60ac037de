package io.wirespeed.gateway.transport;

import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.codecs.sofh.SimpleOpenFramingHeaderDecoder;
import io.wirespeed.codecs.sofh.SimpleOpenFramingHeaderEncoder;
import io.wirespeed.nic.tap.JournalTap;
import org.agrona.BufferUtil;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;

/**
 * Kernel TCP venue transport: a non-blocking {@link SocketChannel} with TCP_NODELAY, busy-polled, reassembling SOFH
 * frames into a preallocated buffer and keeping unwritten bytes for the next poll. A frame whose encoding type is not
 * 0xCAFE, or whose length cannot hold an SBE message header, is a framing error: counted, and the connection dropped
 * with a {@link #disconnectDetail()} naming the header's bytes.
 * <p>
 * With a {@link JournalTap} (the gateway thread's), every frame is journaled as on the wire, SOFH included, with
 * source id 0: an outbound frame as {@code VENUE_OUT} at the clock when it is written, copied into the tap BEFORE any
 * of it reaches the socket (the tap is a mapped file the next start drains, so a kill -9 just after the write cannot
 * lose the record); a frame the tap has no room for is not written at all ({@link #JOURNAL_FULL}). An inbound frame is
 * journaled as {@code VENUE_IN} at the clock when the read that completed it returned, before the handler gets it; one
 * the tap has no room for is lost from the journal only (the tap counts it and writes a {@code JournalLoss} record).
 * Without a tap nothing is journaled, at no cost.
 */
public final class TcpVenueTransport implements VenueTransport
{
    /**
     * Why the last connection ended: it has not ended.
     */
    public static final int REASON_NONE = 0;

    /**
     * The peer closed the connection.
     */
    public static final int REASON_CLOSED_BY_PEER = 1;

    /**
     * A read, write or connect failed.
     */
    public static final int REASON_IO_ERROR = 2;

    /**
     * A frame's length was too short for an SBE message header; the stream cannot be resynchronised.
     */
    public static final int REASON_MALFORMED_FRAME = 3;

    /**
     * The owner closed it.
     */
    public static final int REASON_CLOSED_LOCALLY = 4;

    /**
     * A frame's encoding type was not 0xCAFE (checked before its length); the stream cannot be resynchronised.
     */
    public static final int REASON_UNKNOWN_ENCODING_TYPE = 5;

    private static final int DEFAULT_BUFFER_BYTES = 256 * 1024;

    private final ByteBuffer readByteBuffer;
    private final UnsafeBuffer readBuffer;
    private final ByteBuffer writeByteBuffer;
    private final UnsafeBuffer writeBuffer;
    private final SimpleOpenFramingHeaderDecoder sofh = new SimpleOpenFramingHeaderDecoder();
    private final SimpleOpenFramingHeaderEncoder sofhEncoder = new SimpleOpenFramingHeaderEncoder();
    private final JournalTap tap;
    private final EpochNanoClock clock;
    private SocketChannel channel;
    private boolean connecting;
    private boolean connected;
    private int disconnectReason;
    private long framesRead;
    private long partialWrites;
    private long framingErrors;
    private long journalRefusals;
    private int refusedHeader;
    private volatile String endpoint;

    /**
     * A transport with default buffer sizes.
     */
    public TcpVenueTransport()
    {
        this(DEFAULT_BUFFER_BYTES, DEFAULT_BUFFER_BYTES);
    }

    /**
     * A transport with given buffer sizes.
     *
     * @param readBufferBytes  reassembly buffer, at least one maximal frame plus a read's worth.
     * @param writeBufferBytes bytes that may wait for the socket.
     */
    public TcpVenueTransport(final int readBufferBytes, final int writeBufferBytes)
    {
        this(readBufferBytes, writeBufferBytes, null, null);
    }

    /**
     * A transport with default buffer sizes that journals every frame through a tap.
     *
     * @param tap   the gateway thread's tap, or null not to journal.
     * @param clock the records' timestamps, epoch nanoseconds; may be null without a tap.
     */
    public TcpVenueTransport(final JournalTap tap, final EpochNanoClock clock)
    {
        this(DEFAULT_BUFFER_BYTES, DEFAULT_BUFFER_BYTES, tap, clock);
    }

    /**
     * A transport with given buffer sizes that journals every frame through a tap.
     *
     * @param readBufferBytes  reassembly buffer, at least one maximal frame plus a read's worth.
     * @param writeBufferBytes bytes that may wait for the socket.
     * @param tap              the gateway thread's tap, or null not to journal.
     * @param clock            the records' timestamps, epoch nanoseconds; may be null without a tap.
     */
    public TcpVenueTransport(
        final int readBufferBytes, final int writeBufferBytes, final JournalTap tap, final EpochNanoClock clock)
    {
        if (null != tap && null == clock)
        {
            throw new IllegalArgumentException("a journaling transport needs a clock");
        }
        this.tap = tap;
        this.clock = clock;
        if (readBufferBytes < Sofh.MAX_FRAME_LENGTH + 1024)
        {
            throw new IllegalArgumentException("readBufferBytes too small: " + readBufferBytes);
        }
        readByteBuffer = BufferUtil.allocateDirectAligned(readBufferBytes, 64);
        readBuffer = new UnsafeBuffer(readByteBuffer);
        writeByteBuffer = BufferUtil.allocateDirectAligned(writeBufferBytes, 64);
        writeBuffer = new UnsafeBuffer(writeByteBuffer);
    }

    /**
     * Take over a connection accepted by a server socket (the acceptor's side).
     *
     * @param accepted a connected channel; made non-blocking with TCP_NODELAY.
     * @return true when adopted, false (channel closed) if it could not be configured.
     */
    public boolean adopt(final SocketChannel accepted)
    {
        close();
        try
        {
            accepted.configureBlocking(false);
            accepted.setOption(StandardSocketOptions.TCP_NODELAY, Boolean.TRUE);
        }
        catch (final IOException ex)
        {
            CloseHelper.quietClose(accepted);
            disconnectReason = REASON_IO_ERROR;
            return false;
        }
        channel = accepted;
        connected = true;
        disconnectReason = REASON_NONE;
        return true;
    }

    /**
     * {@inheritDoc}
     */
    public boolean connect(final String host, final int port, final long nowNs)
    {
        close();
        try
        {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, Boolean.TRUE);
            disconnectReason = REASON_NONE;
            if (channel.connect(new InetSocketAddress(host, port)))
            {
                connected = true;
                endpoint = describe(channel);
            }
            else
            {
                connecting = true;
            }
            return true;
        }
        catch (final IOException | RuntimeException ex)
        {
            fail(REASON_IO_ERROR);
            return false;
        }
    }

    /**
     * {@inheritDoc}
     */
    public boolean isConnecting()
    {
        return connecting;
    }

    /**
     * {@inheritDoc}
     */
    public boolean isConnected()
    {
        return connected;
    }

    /**
     * The connection's two ends as the socket reports them, for an operator; safe to read from any thread.
     *
     * @return e.g. {@code "/127.0.0.1:40122 -> /127.0.0.1:9010"}, or null while not connected.
     */
    public String connectedEndpoint()
    {
        return endpoint;
    }

    /**
     * Why the last connection ended, a {@code REASON_*} code.
     *
     * @return the reason, {@link #REASON_NONE} while up.
     */
    public int disconnectReason()
    {
        return disconnectReason;
    }

    /**
     * {@inheritDoc}
     */
    public String disconnectDetail()
    {
        switch (disconnectReason)
        {
            case REASON_NONE:
                return "";
            case REASON_CLOSED_BY_PEER:
                return "closed by the venue";
            case REASON_IO_ERROR:
                return "connect, read or write failed";
            case REASON_CLOSED_LOCALLY:
                return "closed locally";
            default:
                return Sofh.describeRefused(refusedHeader);
        }
    }

    /**
     * {@inheritDoc}
     */
    public long framingErrors()
    {
        return framingErrors;
    }

    /**
     * Writes refused with {@link #JOURNAL_FULL} since creation.
     *
     * @return the count.
     */
    public long journalRefusals()
    {
        return journalRefusals;
    }

    /**
     * Frames delivered since creation.
     *
     * @return frames read.
     */
    public long framesRead()
    {
        return framesRead;
    }

    /**
     * Writes the socket took only part of.
     *
     * @return partial writes.
     */
    public long partialWrites()
    {
        return partialWrites;
    }

    /**
     * {@inheritDoc}
     */
    public int poll(final FrameHandler handler, final long nowNs)
    {
        if (connecting)
        {
            return finishConnect();
        }
        if (!connected)
        {
            return 0;
        }

        int workCount = flush();
        if (!connected)
        {
            return workCount;
        }

        final int bytesRead;
        try
        {
            bytesRead = channel.read(readByteBuffer);
        }
        catch (final IOException ex)
        {
            fail(REASON_IO_ERROR);
            return workCount + 1;
        }

        if (bytesRead < 0)
        {
            fail(REASON_CLOSED_BY_PEER);
            return workCount + 1;
        }
        if (bytesRead > 0)
        {
            workCount += deliverFrames(handler, nowNs, null == tap ? 0 : clock.nanoTime());
        }

        return workCount;
    }

    /**
     * {@inheritDoc}
     */
    public int write(final DirectBuffer buffer, final int offset, final int length)
    {
        if (!connected)
        {
            return NOT_CONNECTED;
        }
        final int frameLength = length + Sofh.HEADER_LENGTH;
        if (frameLength > Sofh.MAX_FRAME_LENGTH || frameLength > writeByteBuffer.capacity())
        {
            return TOO_LONG;
        }
        if (writeByteBuffer.remaining() < frameLength)
        {
            flush();
            if (!connected)
            {
                return NOT_CONNECTED;
            }
            if (writeByteBuffer.remaining() < frameLength)
            {
                return BACK_PRESSURED;
            }
        }

        if (null != tap && !tap.hasRoomFor(frameLength))
        {
            journalRefusals++;
            return JOURNAL_FULL;
        }

        final int position = writeByteBuffer.position();
        sofhEncoder.wrap(writeBuffer, position).messageLength(frameLength).encodingType(Sofh.SBE_LITTLE_ENDIAN);
        writeBuffer.putBytes(position + Sofh.HEADER_LENGTH, buffer, offset, length);
        if (null != tap &&
            !tap.record(JournalStream.VENUE_OUT, 0, clock.nanoTime(), writeBuffer, position, frameLength))
        {
            journalRefusals++;
            return JOURNAL_FULL; // not reached after hasRoomFor; the frame stays unwritten, past the buffer's position
        }
        writeByteBuffer.position(position + frameLength);
        flush();

        return OK;
    }

    /**
     * {@inheritDoc}
     */
    public int pendingBytes()
    {
        return writeByteBuffer.position();
    }

    /**
     * {@inheritDoc}
     */
    public void close()
    {
        endpoint = null;
        if (null != channel)
        {
            CloseHelper.quietClose(channel);
            channel = null;
            if (connected || connecting)
            {
                disconnectReason = REASON_CLOSED_LOCALLY;
            }
        }
        connecting = false;
        connected = false;
        readByteBuffer.clear();
        writeByteBuffer.clear();
    }

    private int finishConnect()
    {
        try
        {
            if (channel.finishConnect())
            {
                connecting = false;
                connected = true;
                endpoint = describe(channel);
                return 1;
            }
            return 0;
        }
        catch (final IOException ex)
        {
            fail(REASON_IO_ERROR);
            return 1;
        }
    }

    private int flush()
    {
        final int pending = writeByteBuffer.position();
        if (0 == pending)
        {
            return 0;
        }

        writeByteBuffer.flip();
        try
        {
            final int written = channel.write(writeByteBuffer);
            if (writeByteBuffer.hasRemaining())
            {
                if (written > 0)
                {
                    partialWrites++;
                }
                writeByteBuffer.compact();
            }
            else
            {
                writeByteBuffer.clear();
            }
            return written > 0 ? 1 : 0;
        }
        catch (final IOException ex)
        {
            fail(REASON_IO_ERROR);
            return 1;
        }
    }

    private int deliverFrames(final FrameHandler handler, final long nowNs, final long readTimestampNs)
    {
        final int limit = readByteBuffer.position();
        int offset = 0;
        int frames = 0;
        while (limit - offset >= Sofh.HEADER_LENGTH)
        {
            sofh.wrap(readBuffer, offset);
            if (Sofh.SBE_LITTLE_ENDIAN != sofh.encodingType())
            {
                return frames + refuseFrame(offset, REASON_UNKNOWN_ENCODING_TYPE);
            }
            final int frameLength = sofh.messageLength();
            if (frameLength < Sofh.MIN_FRAME_LENGTH)
            {
                return frames + refuseFrame(offset, REASON_MALFORMED_FRAME);
            }
            if (limit - offset < frameLength)
            {
                break;
            }

            framesRead++;
            frames++;
            if (null != tap)
            {
                tap.record(JournalStream.VENUE_IN, 0, readTimestampNs, readBuffer, offset, frameLength);
            }
            handler.onFrame(readBuffer, offset + Sofh.HEADER_LENGTH, frameLength - Sofh.HEADER_LENGTH, nowNs);
            if (!connected)
            {
                return frames;
            }
            offset += frameLength;
        }

        if (offset > 0)
        {
            final int remaining = limit - offset;
            if (remaining > 0)
            {
                readBuffer.putBytes(0, readBuffer, offset, remaining);
            }
            readByteBuffer.position(remaining);
        }

        return frames;
    }

    private int refuseFrame(final int offset, final int reason)
    {
        framingErrors++;
        refusedHeader = readBuffer.getInt(offset, ByteOrder.LITTLE_ENDIAN);
        fail(reason);
        return 1;
    }

    private void fail(final int reason)
    {
        endpoint = null;
        CloseHelper.quietClose(channel);
        channel = null;
        connecting = false;
        connected = false;
        disconnectReason = reason;
        readByteBuffer.clear();
        writeByteBuffer.clear();
    }

    private static String describe(final SocketChannel channel)
    {
        try
        {
            return channel.getLocalAddress() + " -> " + channel.getRemoteAddress();
        }
        catch (final IOException ex)
        {
            return "connected (" + ex.getMessage() + ")";
        }
    }
}
