package io.wirespeed.sim.venue;

import io.wirespeed.gateway.transport.FrameHandler;
import io.wirespeed.gateway.transport.TcpVenueTransport;
import org.agrona.DirectBuffer;

/**
 * One accepted TCP connection at the venue and the session established on it, if any.
 */
final class AcceptorConnection implements FrameHandler
{
    final TcpVenueTransport transport = new TcpVenueTransport();
    private final FixpAcceptor acceptor;
    AcceptorSession session;
    boolean inUse;
    long negotiatedUuid;
    long acceptedAtNs;

    AcceptorConnection(final FixpAcceptor acceptor)
    {
        this.acceptor = acceptor;
    }

    /**
     * {@inheritDoc}
     */
    public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs)
    {
        acceptor.onFrame(this, buffer, offset, length, rxTimestampNs);
    }
}
