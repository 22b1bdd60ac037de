package io.wirespeed.nic.xdp;

import io.wirespeed.config.AfXdpNicContext;
import io.wirespeed.config.XdpBindMode;
import io.wirespeed.config.XdpMode;

import java.util.concurrent.TimeUnit;

/**
 * Settings of an {@link AfXdpNicPort}: those of an {@link AfXdpNicContext} plus the few the configuration file does
 * not expose.
 */
public final class AfXdpNicOptions
{
    /** How long a bind keeps retrying while the queue is still held by a socket being closed, unless set. */
    public static final long BIND_BUSY_TIMEOUT_NS_DEFAULT = TimeUnit.SECONDS.toNanos(2);
    /** How many (address, port) filter entries the XDP program's map holds, unless set. */
    public static final int MAX_SUBSCRIPTIONS_DEFAULT = 1024;

    private String interfaceName;
    private int queue = AfXdpNicContext.QUEUE_DEFAULT;
    private XdpMode xdpMode = AfXdpNicContext.XDP_MODE_DEFAULT;
    private XdpBindMode bind = AfXdpNicContext.BIND_DEFAULT;
    private int umemFrameSizeBytes = AfXdpNicContext.UMEM_FRAME_SIZE_BYTES_DEFAULT;
    private int umemFrameCount = AfXdpNicContext.UMEM_FRAME_COUNT_DEFAULT;
    private int ringSize = AfXdpNicContext.RING_SIZE_DEFAULT;
    private boolean hugePages;
    private long bindBusyTimeoutNs = BIND_BUSY_TIMEOUT_NS_DEFAULT;
    private int maxSubscriptions = MAX_SUBSCRIPTIONS_DEFAULT;

    /**
     * Options from a configuration context, the rest at their defaults.
     *
     * @param context the {@code [nic.af_xdp]} section.
     * @return the options.
     */
    public static AfXdpNicOptions of(final AfXdpNicContext context)
    {
        return new AfXdpNicOptions()
            .interfaceName(context.interfaceName())
            .queue(context.queue())
            .xdpMode(context.xdpMode())
            .bind(context.bind())
            .umemFrameSizeBytes(context.umemFrameSizeBytes())
            .umemFrameCount(context.umemFrameCount())
            .ringSize(context.ringSize())
            .hugePages(context.hugePages());
    }

    /**
     * The network device.
     *
     * @return its name.
     */
    public String interfaceName()
    {
        return interfaceName;
    }

    /**
     * The network device.
     *
     * @param interfaceName e.g. {@code ens1f0}.
     * @return this for a fluent API.
     */
    public AfXdpNicOptions interfaceName(final String interfaceName)
    {
        this.interfaceName = interfaceName;
        return this;
    }

    /**
     * The device queue the socket binds.
     *
     * @return the queue id.
     */
    public int queue()
    {
        return queue;
    }

    /**
     * The device queue the socket binds.
     *
     * @param queue id.
     * @return this for a fluent API.
     */
    public AfXdpNicOptions queue(final int queue)
    {
        this.queue = queue;
        return this;
    }

    /**
     * XDP attach mode.
     *
     * @return generic or native.
     */
    public XdpMode xdpMode()
    {
        return xdpMode;
    }

    /**
     * XDP attach mode.
     *
     * @param xdpMode generic (every driver) or native (the driver's own XDP support).
     * @return this for a fluent API.
     */
    public AfXdpNicOptions xdpMode(final XdpMode xdpMode)
    {
        this.xdpMode = xdpMode;
        return this;
    }

    /**
     * Bind mode.
     *
     * @return auto, zero-copy or copy.
     */
    public XdpBindMode bind()
    {
        return bind;
    }

    /**
     * Bind mode.
     *
     * @param bind auto, zero-copy or copy.
     * @return this for a fluent API.
     */
    public AfXdpNicOptions bind(final XdpBindMode bind)
    {
        this.bind = bind;
        return this;
    }

    /**
     * UMEM frame size.
     *
     * @return bytes.
     */
    public int umemFrameSizeBytes()
    {
        return umemFrameSizeBytes;
    }

    /**
     * UMEM frame size.
     *
     * @param umemFrameSizeBytes 2048 or 4096.
     * @return this for a fluent API.
     */
    public AfXdpNicOptions umemFrameSizeBytes(final int umemFrameSizeBytes)
    {
        this.umemFrameSizeBytes = umemFrameSizeBytes;
        return this;
    }

    /**
     * UMEM frames.
     *
     * @return the count.
     */
    public int umemFrameCount()
    {
        return umemFrameCount;
    }

    /**
     * UMEM frames, half for RX and half for TX.
     *
     * @param umemFrameCount a power of two, at least twice the ring size.
     * @return this for a fluent API.
     */
    public AfXdpNicOptions umemFrameCount(final int umemFrameCount)
    {
        this.umemFrameCount = umemFrameCount;
        return this;
    }

    /**
     * Descriptors in each of the four rings.
     *
     * @return the size.
     */
    public int ringSize()
    {
        return ringSize;
    }

    /**
     * Descriptors in each of the four rings.
     *
     * @param ringSize a power of two in 64..32768.
     * @return this for a fluent API.
     */
    public AfXdpNicOptions ringSize(final int ringSize)
    {
        this.ringSize = ringSize;
        return this;
    }

    /**
     * Whether the UMEM is backed by huge pages.
     *
     * @return true for huge pages.
     */
    public boolean hugePages()
    {
        return hugePages;
    }

    /**
     * Back the UMEM with huge pages (MAP_HUGETLB); needs huge pages reserved on the host.
     *
     * @param hugePages true for huge pages.
     * @return this for a fluent API.
     */
    public AfXdpNicOptions hugePages(final boolean hugePages)
    {
        this.hugePages = hugePages;
        return this;
    }

    /**
     * How long bind retries while the queue is busy.
     *
     * @return nanoseconds.
     */
    public long bindBusyTimeoutNs()
    {
        return bindBusyTimeoutNs;
    }

    /**
     * How long bind retries while the queue is busy (EBUSY: a socket on it is still being torn down, or another
     * process holds it) before open fails.
     *
     * @param bindBusyTimeoutNs nanoseconds, 0 for one try.
     * @return this for a fluent API.
     */
    public AfXdpNicOptions bindBusyTimeoutNs(final long bindBusyTimeoutNs)
    {
        this.bindBusyTimeoutNs = bindBusyTimeoutNs;
        return this;
    }

    /**
     * Filter entries the XDP program can hold.
     *
     * @return the count.
     */
    public int maxSubscriptions()
    {
        return maxSubscriptions;
    }

    /**
     * Filter entries the XDP program can hold: distinct (address, port) subscriptions.
     *
     * @param maxSubscriptions 1..65536.
     * @return this for a fluent API.
     */
    public AfXdpNicOptions maxSubscriptions(final int maxSubscriptions)
    {
        this.maxSubscriptions = maxSubscriptions;
        return this;
    }

    /**
     * UMEM size.
     *
     * @return frame count times frame size, in bytes.
     */
    public long umemSizeBytes()
    {
        return (long)umemFrameCount * umemFrameSizeBytes;
    }

    void validate()
    {
        if (null == interfaceName || interfaceName.isEmpty())
        {
            throw new IllegalArgumentException("AF_XDP NIC: no interface");
        }
        if (queue < 0 || queue > 1023)
        {
            throw new IllegalArgumentException("AF_XDP NIC: queue " + queue + " outside 0..1023");
        }
        if (null == xdpMode || null == bind)
        {
            throw new IllegalArgumentException("AF_XDP NIC: xdp_mode and bind are required");
        }
        if (XdpBindMode.ZERO_COPY == bind && XdpMode.GENERIC == xdpMode)
        {
            throw new IllegalArgumentException("AF_XDP NIC: bind = zero-copy needs xdp_mode = native");
        }
        if (2048 != umemFrameSizeBytes && 4096 != umemFrameSizeBytes)
        {
            throw new IllegalArgumentException("AF_XDP NIC: UMEM frame size " + umemFrameSizeBytes +
                " is not 2048 or 4096");
        }
        if (ringSize < 64 || ringSize > 32768 || Integer.bitCount(ringSize) != 1)
        {
            throw new IllegalArgumentException("AF_XDP NIC: ring size " + ringSize +
                " is not a power of two in 64..32768");
        }
        if (umemFrameCount < 2 * ringSize || Integer.bitCount(umemFrameCount) != 1)
        {
            throw new IllegalArgumentException("AF_XDP NIC: UMEM frame count " + umemFrameCount +
                " is not a power of two of at least twice the ring size (" + 2 * ringSize + ")");
        }
        if (umemSizeBytes() > Integer.MAX_VALUE)
        {
            throw new IllegalArgumentException("AF_XDP NIC: UMEM of " + umemSizeBytes() +
                " bytes is larger than the 2 GiB a single buffer addresses");
        }
        if (bindBusyTimeoutNs < 0)
        {
            throw new IllegalArgumentException("AF_XDP NIC: negative bind busy timeout");
        }
        if (maxSubscriptions < 1 || maxSubscriptions > 65536)
        {
            throw new IllegalArgumentException("AF_XDP NIC: max subscriptions " + maxSubscriptions +
                " outside 1..65536");
        }
    }
}
