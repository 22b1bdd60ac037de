package io.wirespeed.nic.xdp;

/**
 * How an {@link AfXdpNicPort} ended up attached and bound: the XDP hook its program runs in, and whether frames are
 * copied between the driver and the UMEM.
 */
public enum AfXdpMode
{
    /** Generic (SKB) XDP, copy mode: works on every driver. */
    GENERIC_COPY(1, "generic XDP, copy mode"),
    /** The driver's native XDP, copy mode. */
    NATIVE_COPY(2, "native XDP, copy mode"),
    /** The driver's native XDP, zero-copy: the NIC DMAs straight into the UMEM. */
    NATIVE_ZERO_COPY(3, "native XDP, zero-copy");

    private final int code;
    private final String label;

    AfXdpMode(final int code, final String label)
    {
        this.code = code;
        this.label = label;
    }

    /**
     * The value the port's mode counter holds.
     *
     * @return 1, 2 or 3.
     */
    public int code()
    {
        return code;
    }

    /**
     * For messages and reports.
     *
     * @return e.g. {@code "native XDP, copy mode"}.
     */
    public String label()
    {
        return label;
    }
}
