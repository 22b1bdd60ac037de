package io.wirespeed.sim.venue;

import org.agrona.DirectBuffer;

/**
 * One TCP connection slot at the venue: its channel, the UUID negotiated on it and the session established on it,
 * if any.
 */
final class AcceptorConnection implements VenueChannel.FrameHandler
{
    final VenueChannel channel = new VenueChannel();
    private final FixpAcceptor acceptor;
    AcceptorSession session;
    boolean inUse;
    long negotiatedUuid;
    long acceptedAtNs;
    long closingSinceNs;

    AcceptorConnection(final FixpAcceptor acceptor)
    {
        this.acceptor = acceptor;
    }

    /**
     * {@inheritDoc}
     */
    public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long nowNs)
    {
        acceptor.onFrame(this, buffer, offset, length, nowNs);
    }

    /**
     * {@inheritDoc}
     */
    public void onInvalidFrame(final int frameLength, final int encodingType)
    {
        acceptor.onInvalidFrame(this, frameLength, encodingType);
    }
}
