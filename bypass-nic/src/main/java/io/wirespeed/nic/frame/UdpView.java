package io.wirespeed.nic.frame;

import org.agrona.DirectBuffer;

/**
 * One received UDP/IPv4 datagram seen in place in its Ethernet frame: addresses, ports, payload and rx timestamp;
 * filled by {@link UdpFrameDecoder} and valid only while the frame is (until the frame handler returns).
 */
public final class UdpView
{
    private DirectBuffer buffer;
    private int frameOffset;
    private int frameLength;
    private int payloadOffset;
    private int payloadLength;
    private int sourceAddress;
    private int destinationAddress;
    private int sourcePort;
    private int destinationPort;
    private int vlanId = EthernetDecoder.NO_VLAN;
    private long rxTimestampNs;

    void set(
        final DirectBuffer buffer,
        final int frameOffset,
        final int frameLength,
        final int payloadOffset,
        final int payloadLength,
        final int sourceAddress,
        final int destinationAddress,
        final int sourcePort,
        final int destinationPort,
        final int vlanId,
        final long rxTimestampNs)
    {
        this.buffer = buffer;
        this.frameOffset = frameOffset;
        this.frameLength = frameLength;
        this.payloadOffset = payloadOffset;
        this.payloadLength = payloadLength;
        this.sourceAddress = sourceAddress;
        this.destinationAddress = destinationAddress;
        this.sourcePort = sourcePort;
        this.destinationPort = destinationPort;
        this.vlanId = vlanId;
        this.rxTimestampNs = rxTimestampNs;
    }

    /**
     * The buffer holding the frame.
     *
     * @return the buffer holding the frame; do not keep it past the frame callback.
     */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * Where the Ethernet frame starts in {@link #buffer()}.
     *
     * @return the frame's offset.
     */
    public int frameOffset()
    {
        return frameOffset;
    }

    /**
     * The Ethernet frame's length, any padding included.
     *
     * @return the frame length in bytes.
     */
    public int frameLength()
    {
        return frameLength;
    }

    /**
     * Where the UDP payload starts in {@link #buffer()}.
     *
     * @return the payload's offset.
     */
    public int payloadOffset()
    {
        return payloadOffset;
    }

    /**
     * The UDP payload length.
     *
     * @return bytes of payload.
     */
    public int payloadLength()
    {
        return payloadLength;
    }

    /**
     * The IPv4 source address.
     *
     * @return the source address.
     */
    public int sourceAddress()
    {
        return sourceAddress;
    }

    /**
     * The IPv4 destination address: the group for multicast.
     *
     * @return the destination address.
     */
    public int destinationAddress()
    {
        return destinationAddress;
    }

    /**
     * The UDP source port.
     *
     * @return the source port.
     */
    public int sourcePort()
    {
        return sourcePort;
    }

    /**
     * The UDP destination port.
     *
     * @return the destination port.
     */
    public int destinationPort()
    {
        return destinationPort;
    }

    /**
     * The 802.1Q VLAN id.
     *
     * @return the VLAN id, or {@link EthernetDecoder#NO_VLAN} when untagged.
     */
    public int vlanId()
    {
        return vlanId;
    }

    /**
     * When the backend saw the frame.
     *
     * @return epoch nanoseconds.
     */
    public long rxTimestampNs()
    {
        return rxTimestampNs;
    }
}
