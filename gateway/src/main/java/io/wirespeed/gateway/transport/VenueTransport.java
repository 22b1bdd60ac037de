package io.wirespeed.gateway.transport;

import org.agrona.DirectBuffer;

/**
 * A byte-stream connection to the venue carrying SOFH-framed messages, polled from the session's duty cycle: kernel
 * TCP today, a userspace TCP over the bypass NIC later.
 */
public interface VenueTransport extends AutoCloseable
{
    /**
     * The message was taken: written, or kept to be flushed on a later duty cycle.
     */
    int OK = 0;

    /**
     * Not taken: the send buffer has no room for it now.
     */
    int BACK_PRESSURED = -1;

    /**
     * Not taken: not connected.
     */
    int NOT_CONNECTED = -2;

    /**
     * Not taken: the message does not fit a frame.
     */
    int TOO_LONG = -3;

    /**
     * Not taken, nothing written: the journal could not record it (its tap is full), and the gateway sends the venue
     * nothing it could not journal. Retry once the journal has caught up.
     */
    int JOURNAL_FULL = -4;

    /**
     * Start connecting, without blocking; {@link #poll(FrameHandler, long)} completes it.
     *
     * @param host  venue host.
     * @param port  venue port.
     * @param nowNs the clock, for the caller's connect timeout.
     * @return true if the attempt started (or connected at once), false if it failed at once.
     */
    boolean connect(String host, int port, long nowNs);

    /**
     * Whether a connect is in progress.
     *
     * @return true while connecting.
     */
    boolean isConnecting();

    /**
     * Whether the connection is up.
     *
     * @return true when connected.
     */
    boolean isConnected();

    /**
     * Finish a pending connect, flush pending writes, read what has arrived and deliver every complete frame.
     * A closed or broken connection, or a malformed frame, leaves the transport disconnected.
     *
     * @param handler gets each message.
     * @param nowNs   the duty cycle's clock reading, the frames' rx timestamp.
     * @return work done.
     */
    int poll(FrameHandler handler, long nowNs);

    /**
     * Frame one SBE message and write it, keeping what the socket did not take for the next poll.
     *
     * @param buffer holds the message.
     * @param offset where its SBE message header starts.
     * @param length bytes of SBE message, header included.
     * @return {@link #OK} or a negative code; a message is taken whole or not at all.
     */
    int write(DirectBuffer buffer, int offset, int length);

    /**
     * Bytes taken but not yet written to the connection.
     *
     * @return pending bytes.
     */
    int pendingBytes();

    /**
     * Disconnect; pending bytes are dropped. The transport may connect again.
     */
    void close();

    /**
     * Why the last connection ended, in words (for the error log; may allocate), or empty while up or when the
     * transport does not say.
     *
     * @return the explanation.
     */
    default String disconnectDetail()
    {
        return "";
    }

    /**
     * Frames refused since creation (bad encoding type or length), each of which dropped the connection.
     *
     * @return the count.
     */
    default long framingErrors()
    {
        return 0;
    }
}
