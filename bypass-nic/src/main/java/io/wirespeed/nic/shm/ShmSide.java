package io.wirespeed.nic.shm;

/**
 * Which end of a shared-memory NIC file a port is: the side that created the file or the side that attached to it.
 */
public enum ShmSide
{
    /**
     * Created the file: transmits on ring 0, receives on ring 1.
     */
    CREATOR(0, ShmLayout.CREATOR_PID_OFFSET, ShmLayout.CREATOR_HEARTBEAT_OFFSET),

    /**
     * Attached to an existing file: transmits on ring 1, receives on ring 0.
     */
    ATTACHER(1, ShmLayout.ATTACHER_PID_OFFSET, ShmLayout.ATTACHER_HEARTBEAT_OFFSET);

    private final int txRing;
    private final int pidOffset;
    private final int heartbeatOffset;

    ShmSide(final int txRing, final int pidOffset, final int heartbeatOffset)
    {
        this.txRing = txRing;
        this.pidOffset = pidOffset;
        this.heartbeatOffset = heartbeatOffset;
    }

    /**
     * The ring this side produces into; the peer consumes it.
     *
     * @return 0 or 1.
     */
    public int txRing()
    {
        return txRing;
    }

    /**
     * The ring this side consumes; the peer produces into it.
     *
     * @return 0 or 1.
     */
    public int rxRing()
    {
        return 1 - txRing;
    }

    /**
     * The other end.
     *
     * @return the other end.
     */
    public ShmSide peer()
    {
        return this == CREATOR ? ATTACHER : CREATOR;
    }

    int pidOffset()
    {
        return pidOffset;
    }

    int heartbeatOffset()
    {
        return heartbeatOffset;
    }
}
