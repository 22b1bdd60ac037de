package io.wirespeed.gateway.session;

/**
 * The FIXP keepalive of one connection: when to send a Sequence heartbeat, when to warn the peer that its interval
 * lapsed, and when to give up on a silent peer.
 */
final class KeepaliveTimer
{
    /**
     * Nothing to do.
     */
    static final int IDLE = 0;

    /**
     * We have been quiet for an interval: send a Sequence.
     */
    static final int HEARTBEAT = 1;

    /**
     * The peer has been silent for an interval: send a Sequence with KeepAliveIntervalLapsed, once.
     */
    static final int LAPSED = 2;

    /**
     * The peer stayed silent for two intervals: terminate.
     */
    static final int EXPIRED = 3;

    private long intervalNs;
    private long lastSentNs;
    private long lastReceivedNs;
    private boolean lapseSent;

    KeepaliveTimer(final long intervalNs)
    {
        this.intervalNs = intervalNs;
    }

    long intervalNs()
    {
        return intervalNs;
    }

    void intervalNs(final long intervalNs)
    {
        this.intervalNs = intervalNs;
    }

    /**
     * A new connection: both directions count from now.
     */
    void reset(final long nowNs)
    {
        lastSentNs = nowNs;
        lastReceivedNs = nowNs;
    }

    void onSent(final long nowNs)
    {
        lastSentNs = nowNs;
    }

    void onReceived(final long nowNs)
    {
        lastReceivedNs = nowNs;
        lapseSent = false;
    }

    /**
     * What the keepalive asks for now; {@link #LAPSED} is answered once per silence.
     *
     * @param nowNs the clock reading.
     * @return {@link #IDLE}, {@link #HEARTBEAT}, {@link #LAPSED} or {@link #EXPIRED}.
     */
    int poll(final long nowNs)
    {
        if (nowNs - lastReceivedNs >= intervalNs)
        {
            if (!lapseSent)
            {
                lapseSent = true;
                return LAPSED;
            }
            if (nowNs - lastReceivedNs >= 2 * intervalNs)
            {
                return EXPIRED;
            }
        }
        return nowNs - lastSentNs >= intervalNs ? HEARTBEAT : IDLE;
    }
}
