package io.wirespeed.sim.venue;

import io.wirespeed.codecs.sofh.SimpleOpenFramingHeaderDecoder;
import io.wirespeed.codecs.sofh.SimpleOpenFramingHeaderEncoder;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * One accepted TCP connection of the venue, framed as CME frames iLink 3: every message is preceded by the Simple
 * Open Framing Header, little-endian, whose length counts the whole frame.
 * <pre>
 *   0               2               4
 *   +---------------+---------------+-------------------------------+
 *   | length (LE)   | 0xCAFE (LE)   | SBE message header and body   |
 *   +---------------+---------------+-------------------------------+
 *   on the wire: LL LL FE CA ...
 * </pre>
 * Reads reassemble frames across TCP segments in a preallocated buffer; writes are framed into a preallocated send
 * buffer that drains as the socket takes bytes, and a write that does not fit returns {@link #BACK_PRESSURED}.
 */
final class VenueChannel
{
    /**
     * The frame was taken (sent or queued behind earlier bytes).
     */
    static final int OK = 0;

    /**
     * The send buffer has no room for the frame now; nothing was written.
     */
    static final int BACK_PRESSURED = -1;

    /**
     * No connection.
     */
    static final int NOT_CONNECTED = -2;

    /**
     * SOFH header length.
     */
    static final int SOFH_LENGTH = 4;

    /**
     * Encoding type of SBE 1.0 little-endian.
     */
    static final int SBE_LITTLE_ENDIAN = 0xCAFE;

    /**
     * The longest frame SOFH can describe (a uint16 length).
     */
    static final int MAX_FRAME_LENGTH = 0xFFFF;

    static final int RECEIVE_BUFFER_BYTES = 2 * (MAX_FRAME_LENGTH + 1);
    static final int SEND_BUFFER_BYTES = 1024 * 1024;

    /**
     * Told of each frame and of a framing header the venue cannot read.
     */
    interface FrameHandler
    {
        /**
         * One SBE message, the SOFH stripped.
         *
         * @param buffer holds the message.
         * @param offset where its SBE message header starts.
         * @param length bytes of SBE message.
         * @param nowNs  the duty cycle's clock reading.
         */
        void onFrame(DirectBuffer buffer, int offset, int length, long nowNs);

        /**
         * A SOFH with an encoding type other than SBE little-endian or a length too short for a message: the stream
         * cannot be resynchronised; the channel stops reading.
         *
         * @param frameLength  the length read.
         * @param encodingType the encoding type read.
         */
        void onInvalidFrame(int frameLength, int encodingType);
    }

    private final ByteBuffer receive = ByteBuffer.allocateDirect(RECEIVE_BUFFER_BYTES);
    private final UnsafeBuffer receiveView = new UnsafeBuffer(receive);
    private final ByteBuffer send = ByteBuffer.allocateDirect(SEND_BUFFER_BYTES);
    private final UnsafeBuffer sendView = new UnsafeBuffer(send);
    private final SimpleOpenFramingHeaderDecoder sofhIn = new SimpleOpenFramingHeaderDecoder();
    private final SimpleOpenFramingHeaderEncoder sofhOut = new SimpleOpenFramingHeaderEncoder();
    private SocketChannel channel;
    private int received;
    private int sendStart;
    private int sendEnd;
    private boolean invalid;
    private boolean closing;
    private boolean outputShut;

    /**
     * Take over an accepted socket.
     *
     * @param accepted the socket.
     * @return false if it could not be set up (it is closed).
     */
    boolean adopt(final SocketChannel accepted)
    {
        try
        {
            accepted.configureBlocking(false);
            accepted.setOption(StandardSocketOptions.TCP_NODELAY, Boolean.TRUE);
        }
        catch (final IOException ex)
        {
            CloseHelper.quietClose(accepted);
            return false;
        }
        channel = accepted;
        received = 0;
        sendStart = 0;
        sendEnd = 0;
        invalid = false;
        closing = false;
        outputShut = false;
        return true;
    }

    boolean isConnected()
    {
        return null != channel;
    }

    /**
     * Whether {@link #closeWhenSent()} was called and the socket is still open.
     */
    boolean isClosing()
    {
        return closing && null != channel;
    }

    /**
     * Stop reading frames, send what is written, then end the output (FIN) and close once the peer has closed
     * too: a Terminate reaches the client rather than being cut by a reset.
     */
    void closeWhenSent()
    {
        closing = true;
    }

    /**
     * Bytes written but not yet taken by the socket.
     */
    int pendingBytes()
    {
        return sendEnd - sendStart;
    }

    /**
     * Drain pending writes, read what arrived and hand over each complete frame.
     *
     * @return frames handed over plus 1 if bytes were sent; the channel is closed when the peer closed it.
     */
    int poll(final FrameHandler handler, final long nowNs)
    {
        if (null == channel)
        {
            return 0;
        }
        int workCount = flush() > 0 ? 1 : 0;
        if (closing)
        {
            return workCount + linger();
        }
        if (invalid || null == channel)
        {
            return workCount;
        }
        final int read;
        try
        {
            receive.limit(RECEIVE_BUFFER_BYTES).position(received);
            read = channel.read(receive);
        }
        catch (final IOException ex)
        {
            close();
            return workCount;
        }
        if (read < 0)
        {
            close();
            return workCount;
        }
        received += read;

        int position = 0;
        while (received - position >= SOFH_LENGTH && null != channel && !invalid && !closing)
        {
            sofhIn.wrap(receiveView, position);
            final int frameLength = sofhIn.messageLength();
            final int encodingType = sofhIn.encodingType();
            if (SBE_LITTLE_ENDIAN != encodingType || frameLength <= SOFH_LENGTH)
            {
                invalid = true;
                handler.onInvalidFrame(frameLength, encodingType);
                break;
            }
            if (received - position < frameLength)
            {
                break;
            }
            handler.onFrame(receiveView, position + SOFH_LENGTH, frameLength - SOFH_LENGTH, nowNs);
            position += frameLength;
            workCount++;
        }
        if (position > 0 && null != channel)
        {
            receiveView.putBytes(0, receiveView, position, received - position);
            received -= position;
        }
        return workCount;
    }

    /**
     * Frame one SBE message and send it, or queue it behind bytes the socket has not taken yet.
     *
     * @param buffer holds the message.
     * @param offset where its SBE message header starts.
     * @param length bytes of SBE message.
     * @return {@link #OK}, {@link #BACK_PRESSURED} or {@link #NOT_CONNECTED}.
     */
    int write(final DirectBuffer buffer, final int offset, final int length)
    {
        if (null == channel)
        {
            return NOT_CONNECTED;
        }
        final int frameLength = SOFH_LENGTH + length;
        if (frameLength > MAX_FRAME_LENGTH)
        {
            throw new IllegalArgumentException("message of " + length + " bytes does not fit a SOFH frame");
        }
        if (SEND_BUFFER_BYTES - sendEnd < frameLength)
        {
            flush();
            if (null == channel)
            {
                return NOT_CONNECTED;
            }
            if (sendStart > 0)
            {
                sendView.putBytes(0, sendView, sendStart, sendEnd - sendStart);
                sendEnd -= sendStart;
                sendStart = 0;
            }
            if (SEND_BUFFER_BYTES - sendEnd < frameLength)
            {
                return BACK_PRESSURED;
            }
        }
        sofhOut.wrap(sendView, sendEnd).messageLength(frameLength).encodingType(SBE_LITTLE_ENDIAN);
        sendView.putBytes(sendEnd + SOFH_LENGTH, buffer, offset, length);
        sendEnd += frameLength;
        flush();
        return null == channel ? NOT_CONNECTED : OK;
    }

    /**
     * Close the socket; what was not sent is dropped.
     */
    void close()
    {
        CloseHelper.quietClose(channel);
        channel = null;
        received = 0;
        sendStart = 0;
        sendEnd = 0;
    }

    private int linger()
    {
        if (null == channel)
        {
            return 0;
        }
        try
        {
            if (!outputShut && sendEnd == sendStart)
            {
                channel.shutdownOutput();
                outputShut = true;
            }
            receive.clear();
            if (channel.read(receive) < 0)
            {
                close();
                return 1;
            }
        }
        catch (final IOException ex)
        {
            close();
            return 1;
        }
        return 0;
    }

    private int flush()
    {
        if (sendEnd == sendStart)
        {
            return 0;
        }
        final int written;
        try
        {
            send.limit(sendEnd).position(sendStart);
            written = channel.write(send);
        }
        catch (final IOException ex)
        {
            close();
            return 0;
        }
        sendStart += written;
        if (sendStart == sendEnd)
        {
            sendStart = 0;
            sendEnd = 0;
        }
        return written;
    }
}
