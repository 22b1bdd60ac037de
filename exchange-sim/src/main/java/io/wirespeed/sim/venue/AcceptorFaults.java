package io.wirespeed.sim.venue;

/**
 * Fault knobs of the FIXP acceptor, set by tests or a control surface and read on the acceptor's duty cycle (same
 * thread). They apply to every established session.
 * <p>
 * Skipping sequence numbers works as iLink 3 would see a loss: the next K business messages are sequenced and kept
 * for retransmission but not written, so the client sees a jump in SeqNum (or in a Sequence's NextSeqNo), asks with
 * RetransmitRequest and gets them replayed. The venue's sequence never has holes; RetransmitReject is kept for
 * requests outside what is kept.
 */
public final class AcceptorFaults
{
    boolean dropNow;
    long dropAfterInbound;
    long delayNs;
    int skipOutbound;
    int loseInbound;

    /**
     * Drop every established connection on the next duty cycle.
     *
     * @return this for a fluent API.
     */
    public AcceptorFaults dropNow()
    {
        dropNow = true;
        return this;
    }

    /**
     * Drop the connection right after the {@code n}th further business message from a client has been applied.
     *
     * @param n messages, 0 to disarm.
     * @return this for a fluent API.
     */
    public AcceptorFaults dropAfterInbound(final long n)
    {
        dropAfterInbound = n;
        return this;
    }

    /**
     * Hold everything written to established sessions for a time before writing it.
     *
     * @param delayNs nanoseconds, 0 for none.
     * @return this for a fluent API.
     */
    public AcceptorFaults delayNs(final long delayNs)
    {
        this.delayNs = delayNs;
        return this;
    }

    /**
     * Withhold the next {@code k} business messages from the wire (they stay retransmittable).
     *
     * @param k messages.
     * @return this for a fluent API.
     */
    public AcceptorFaults skipOutbound(final int k)
    {
        skipOutbound = k;
        return this;
    }

    /**
     * Ignore the next {@code n} business messages from clients, as if lost, so the next one is a gap (NotApplied).
     *
     * @param n messages.
     * @return this for a fluent API.
     */
    public AcceptorFaults loseInbound(final int n)
    {
        loseInbound = n;
        return this;
    }
}
