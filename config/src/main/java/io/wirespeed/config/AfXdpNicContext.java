package io.wirespeed.config;

/**
 * The AF_XDP kernel-bypass NIC, {@code [nic.af_xdp]}: one socket on one device queue, with its UMEM and rings.
 */
public final class AfXdpNicContext extends ConfigContext<AfXdpNicContext>
{
    /**
     * Default device queue.
     */
    public static final int QUEUE_DEFAULT = 0;

    /**
     * Default attach mode: generic, which every driver supports.
     */
    public static final XdpMode XDP_MODE_DEFAULT = XdpMode.GENERIC;

    /**
     * Default bind mode: zero-copy where the driver allows it.
     */
    public static final XdpBindMode BIND_DEFAULT = XdpBindMode.AUTO;

    /**
     * Default UMEM frame size.
     */
    public static final int UMEM_FRAME_SIZE_BYTES_DEFAULT = 2048;

    /**
     * Default UMEM frames: with 2048-byte frames, 8 MiB, within the default memlock limit.
     */
    public static final int UMEM_FRAME_COUNT_DEFAULT = 4096;

    /**
     * Default descriptors in each of the fill, completion, RX and TX rings.
     */
    public static final int RING_SIZE_DEFAULT = 1024;

    private String interfaceName;
    private int queue = QUEUE_DEFAULT;
    private XdpMode xdpMode = XDP_MODE_DEFAULT;
    private XdpBindMode bind = BIND_DEFAULT;
    private int umemFrameSizeBytes = UMEM_FRAME_SIZE_BYTES_DEFAULT;
    private int umemFrameCount = UMEM_FRAME_COUNT_DEFAULT;
    private int ringSize = RING_SIZE_DEFAULT;
    private boolean hugePages;

    /**
     * A context holding the defaults.
     */
    public AfXdpNicContext()
    {
        super("nic.af_xdp");
    }

    /**
     * Network device, {@code interface}.
     *
     * @return the device name, or null when not set.
     */
    public String interfaceName()
    {
        return interfaceName;
    }

    /**
     * Network device, {@code interface}: a device name (AF_XDP binds a device queue, not an address); required
     * when this backend is selected.
     *
     * @param interfaceName e.g. {@code ens1f0}.
     * @return this for a fluent API.
     */
    public AfXdpNicContext interfaceName(final String interfaceName)
    {
        this.interfaceName = interfaceName;
        return this;
    }

    /**
     * Device queue the socket binds, {@code queue}.
     *
     * @return the queue id.
     */
    public int queue()
    {
        return queue;
    }

    /**
     * Device queue the socket binds, {@code queue}: 0..1023; steer the feeds' flows to it with ethtool.
     *
     * @param queue id.
     * @return this for a fluent API.
     */
    public AfXdpNicContext queue(final int queue)
    {
        this.queue = queue;
        return this;
    }

    /**
     * XDP attach mode, {@code xdp_mode}.
     *
     * @return the mode.
     */
    public XdpMode xdpMode()
    {
        return xdpMode;
    }

    /**
     * XDP attach mode, {@code xdp_mode}.
     *
     * @param xdpMode generic or native.
     * @return this for a fluent API.
     */
    public AfXdpNicContext xdpMode(final XdpMode xdpMode)
    {
        this.xdpMode = xdpMode;
        return this;
    }

    /**
     * Bind mode, {@code bind}.
     *
     * @return the mode.
     */
    public XdpBindMode bind()
    {
        return bind;
    }

    /**
     * Bind mode, {@code bind}; zero-copy needs native mode.
     *
     * @param bind auto, zero-copy or copy.
     * @return this for a fluent API.
     */
    public AfXdpNicContext bind(final XdpBindMode bind)
    {
        this.bind = bind;
        return this;
    }

    /**
     * UMEM frame size, {@code umem_frame_size_bytes}.
     *
     * @return 2048 or 4096.
     */
    public int umemFrameSizeBytes()
    {
        return umemFrameSizeBytes;
    }

    /**
     * UMEM frame size, {@code umem_frame_size_bytes}: 2048 or 4096.
     *
     * @param umemFrameSizeBytes frame size.
     * @return this for a fluent API.
     */
    public AfXdpNicContext umemFrameSizeBytes(final int umemFrameSizeBytes)
    {
        this.umemFrameSizeBytes = umemFrameSizeBytes;
        return this;
    }

    /**
     * UMEM frames, {@code umem_frame_count}.
     *
     * @return the count.
     */
    public int umemFrameCount()
    {
        return umemFrameCount;
    }

    /**
     * UMEM frames, {@code umem_frame_count}: a power of two, at least twice {@code ring_size}.
     *
     * @param umemFrameCount frames.
     * @return this for a fluent API.
     */
    public AfXdpNicContext umemFrameCount(final int umemFrameCount)
    {
        this.umemFrameCount = umemFrameCount;
        return this;
    }

    /**
     * Descriptors in each ring, {@code ring_size}.
     *
     * @return the size.
     */
    public int ringSize()
    {
        return ringSize;
    }

    /**
     * Descriptors in each ring, {@code ring_size}: a power of two in 64..32768.
     *
     * @param ringSize descriptors.
     * @return this for a fluent API.
     */
    public AfXdpNicContext ringSize(final int ringSize)
    {
        this.ringSize = ringSize;
        return this;
    }

    /**
     * Back the UMEM with huge pages, {@code huge_pages}.
     *
     * @return true to use huge pages.
     */
    public boolean hugePages()
    {
        return hugePages;
    }

    /**
     * Back the UMEM with huge pages, {@code huge_pages}; needs huge pages reserved on the host.
     *
     * @param hugePages true to use huge pages.
     * @return this for a fluent API.
     */
    public AfXdpNicContext hugePages(final boolean hugePages)
    {
        this.hugePages = hugePages;
        return this;
    }

    /**
     * UMEM size.
     *
     * @return frame count times frame size, in bytes.
     */
    public long umemSizeBytes()
    {
        return (long) umemFrameCount * umemFrameSizeBytes;
    }

    @Override
    void read(final ConfigReader.Table table)
    {
        table.string("interface", this::interfaceName);
        table.int32("queue", this::queue);
        table.enumeration("xdp_mode", XdpMode.class, this::xdpMode);
        table.enumeration("bind", XdpBindMode.class, this::bind);
        table.int32("umem_frame_size_bytes", this::umemFrameSizeBytes);
        table.int32("umem_frame_count", this::umemFrameCount);
        table.int32("ring_size", this::ringSize);
        table.bool("huge_pages", this::hugePages);
    }

    @Override
    void validate(final Validator validator)
    {
        if (null != interfaceName && !NetworkNames.isInterfaceName(interfaceName))
        {
            validator.error("interface", interfaceName, Endpoint.parseIpv4(interfaceName) >= 0 ?
                "expected a device name (AF_XDP binds a device queue, not an address)" : "invalid device name");
        }
        validator.range("queue", queue, 0, 1023);
        validator.required("xdp_mode", xdpMode);
        if (validator.required("bind", bind) && XdpBindMode.ZERO_COPY == bind && XdpMode.GENERIC == xdpMode)
        {
            validator.error("bind", bind, "zero-copy needs xdp_mode = \"native\"");
        }
        if (2048 != umemFrameSizeBytes && 4096 != umemFrameSizeBytes)
        {
            validator.error("umem_frame_size_bytes", umemFrameSizeBytes, "invalid value, expected one of 2048, 4096");
        }

        final boolean ringValid = validator.powerOfTwo("ring_size", ringSize, 64, 32768);
        if (validator.powerOfTwo("umem_frame_count", umemFrameCount, 64, 1 << 20) && ringValid &&
            umemFrameCount < 2L * ringSize)
        {
            validator.error("umem_frame_count", umemFrameCount,
                "too few frames to fill the fill and TX rings (at least 2 x ring_size = " + 2L * ringSize + ")");
        }
    }
}
