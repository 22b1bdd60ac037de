package io.wirespeed.nic.kernel;

import io.wirespeed.config.KernelNicContext;

/**
 * Settings of a {@link KernelNicPort}: those of a {@link KernelNicContext} plus the multicast, frame and ring
 * settings the configuration file does not expose.
 */
public final class KernelNicOptions
{
    /** Multicast TTL unless set: 1, the local network only. */
    public static final int MULTICAST_TTL_DEFAULT = 1;
    /** Whether multicast sent is also delivered to sockets on this host, unless set. */
    public static final boolean MULTICAST_LOOPBACK_DEFAULT = true;
    /** Largest frame unless set, as the shared-memory and AF_XDP backends' default slot. */
    public static final int MAX_FRAME_LENGTH_DEFAULT = 2048;
    /** TX slots unless set. */
    public static final int TX_SLOT_COUNT_DEFAULT = 256;

    private String interfaceName = KernelNicContext.INTERFACE_DEFAULT;
    private int receiveBufferBytes = KernelNicContext.RECEIVE_BUFFER_BYTES_DEFAULT;
    private int sendBufferBytes = KernelNicContext.SEND_BUFFER_BYTES_DEFAULT;
    private int multicastTtl = MULTICAST_TTL_DEFAULT;
    private boolean multicastLoopback = MULTICAST_LOOPBACK_DEFAULT;
    private int maxFrameLength = MAX_FRAME_LENGTH_DEFAULT;
    private int txSlotCount = TX_SLOT_COUNT_DEFAULT;

    /**
     * Options from a configuration context, the rest at their defaults.
     *
     * @param context the {@code [nic.kernel]} section.
     * @return the options.
     */
    public static KernelNicOptions of(final KernelNicContext context)
    {
        return new KernelNicOptions()
            .interfaceName(context.interfaceName())
            .receiveBufferBytes(context.receiveBufferBytes())
            .sendBufferBytes(context.sendBufferBytes());
    }

    /**
     * The interface that joins groups and sends multicast.
     *
     * @return a device name or an IPv4 address.
     */
    public String interfaceName()
    {
        return interfaceName;
    }

    /**
     * The interface that joins groups and sends multicast.
     *
     * @param interfaceName a device name, e.g. {@code eth0}, or an IPv4 address of the interface.
     * @return this for a fluent API.
     */
    public KernelNicOptions interfaceName(final String interfaceName)
    {
        this.interfaceName = interfaceName;
        return this;
    }

    /**
     * SO_RCVBUF of each receiving socket.
     *
     * @return bytes.
     */
    public int receiveBufferBytes()
    {
        return receiveBufferBytes;
    }

    /**
     * SO_RCVBUF of each receiving socket; the kernel caps it at net.core.rmem_max.
     *
     * @param receiveBufferBytes bytes.
     * @return this for a fluent API.
     */
    public KernelNicOptions receiveBufferBytes(final int receiveBufferBytes)
    {
        this.receiveBufferBytes = receiveBufferBytes;
        return this;
    }

    /**
     * SO_SNDBUF of the sending socket.
     *
     * @return bytes.
     */
    public int sendBufferBytes()
    {
        return sendBufferBytes;
    }

    /**
     * SO_SNDBUF of the sending socket; the kernel caps it at net.core.wmem_max.
     *
     * @param sendBufferBytes bytes.
     * @return this for a fluent API.
     */
    public KernelNicOptions sendBufferBytes(final int sendBufferBytes)
    {
        this.sendBufferBytes = sendBufferBytes;
        return this;
    }

    /**
     * IP_MULTICAST_TTL of the sending socket.
     *
     * @return the TTL.
     */
    public int multicastTtl()
    {
        return multicastTtl;
    }

    /**
     * IP_MULTICAST_TTL of the sending socket.
     *
     * @param multicastTtl 0..255.
     * @return this for a fluent API.
     */
    public KernelNicOptions multicastTtl(final int multicastTtl)
    {
        this.multicastTtl = multicastTtl;
        return this;
    }

    /**
     * IP_MULTICAST_LOOP of the sending socket.
     *
     * @return true when multicast sent is delivered to sockets on this host too.
     */
    public boolean multicastLoopback()
    {
        return multicastLoopback;
    }

    /**
     * IP_MULTICAST_LOOP of the sending socket.
     *
     * @param multicastLoopback true to deliver multicast sent to sockets on this host too.
     * @return this for a fluent API.
     */
    public KernelNicOptions multicastLoopback(final boolean multicastLoopback)
    {
        this.multicastLoopback = multicastLoopback;
        return this;
    }

    /**
     * The largest frame, synthesized headers included, received or sent.
     *
     * @return bytes.
     */
    public int maxFrameLength()
    {
        return maxFrameLength;
    }

    /**
     * The largest frame, synthesized headers included, received or sent; larger datagrams are dropped and counted.
     *
     * @param maxFrameLength 64..65549 bytes (a 65507-byte datagram in an untagged frame).
     * @return this for a fluent API.
     */
    public KernelNicOptions maxFrameLength(final int maxFrameLength)
    {
        this.maxFrameLength = maxFrameLength;
        return this;
    }

    /**
     * TX slots: frames claimed or committed but not yet accepted by the socket.
     *
     * @return the slot count.
     */
    public int txSlotCount()
    {
        return txSlotCount;
    }

    /**
     * TX slots: frames claimed or committed but not yet accepted by the socket.
     *
     * @param txSlotCount a power of two, 1..65536.
     * @return this for a fluent API.
     */
    public KernelNicOptions txSlotCount(final int txSlotCount)
    {
        this.txSlotCount = txSlotCount;
        return this;
    }

    void validate()
    {
        if (null == interfaceName || interfaceName.isEmpty())
        {
            throw new IllegalArgumentException("kernel NIC: no interface");
        }
        if (receiveBufferBytes <= 0 || sendBufferBytes <= 0)
        {
            throw new IllegalArgumentException("kernel NIC: socket buffer sizes must be positive");
        }
        if (multicastTtl < 0 || multicastTtl > 255)
        {
            throw new IllegalArgumentException("kernel NIC: multicast TTL " + multicastTtl + " outside 0..255");
        }
        if (maxFrameLength < 64 || maxFrameLength > KernelRxQueue.LARGEST_FRAME_LENGTH)
        {
            throw new IllegalArgumentException("kernel NIC: max frame length " + maxFrameLength + " outside 64.." +
                KernelRxQueue.LARGEST_FRAME_LENGTH);
        }
        if (txSlotCount < 1 || txSlotCount > 65536 || Integer.bitCount(txSlotCount) != 1)
        {
            throw new IllegalArgumentException("kernel NIC: TX slot count " + txSlotCount +
                " is not a power of two in 1..65536");
        }
    }
}
