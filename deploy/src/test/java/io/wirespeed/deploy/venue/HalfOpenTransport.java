package io.wirespeed.deploy.venue;

import io.wirespeed.gateway.transport.FrameHandler;
import io.wirespeed.gateway.transport.TcpVenueTransport;
import io.wirespeed.gateway.transport.VenueTransport;
import org.agrona.DirectBuffer;

/**
 * A real TCP transport whose connection the test can lose on the client side only: {@link #loseConnection()} walks
 * away from the socket without closing it, as a client does after a network fault the venue has not yet noticed,
 * and the next connect uses a fresh socket.
 */
final class HalfOpenTransport implements VenueTransport
{
    private TcpVenueTransport current = new TcpVenueTransport();
    private TcpVenueTransport abandoned;

    /**
     * Forget the current connection, leaving its socket open for the venue.
     */
    void loseConnection()
    {
        abandoned = current;
        current = new TcpVenueTransport();
    }

    /**
     * The socket left open by {@link #loseConnection()}, to watch the venue close it.
     */
    TcpVenueTransport abandoned()
    {
        return abandoned;
    }

    public boolean connect(final String host, final int port, final long nowNs)
    {
        return current.connect(host, port, nowNs);
    }

    public boolean isConnecting()
    {
        return current.isConnecting();
    }

    public boolean isConnected()
    {
        return current.isConnected();
    }

    public int poll(final FrameHandler handler, final long nowNs)
    {
        return current.poll(handler, nowNs);
    }

    public int write(final DirectBuffer buffer, final int offset, final int length)
    {
        return current.write(buffer, offset, length);
    }

    public int pendingBytes()
    {
        return current.pendingBytes();
    }

    /**
     * Close the current connection only: the abandoned one stays open until {@link #closeAbandoned()}.
     */
    public void close()
    {
        current.close();
    }

    void closeAbandoned()
    {
        if (null != abandoned)
        {
            abandoned.close();
        }
    }
}
