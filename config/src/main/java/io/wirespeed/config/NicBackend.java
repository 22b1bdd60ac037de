package io.wirespeed.config;

/**
 * Which NIC implementation moves frames.
 */
public enum NicBackend implements ConfigEnum
{
    /**
     * A shared-memory virtual NIC with descriptor rings over a frame area in a memory-mapped file.
     */
    SHM("shm"),

    /**
     * Linux kernel bypass through an AF_XDP socket and its UMEM.
     */
    AF_XDP("af_xdp"),

    /**
     * Ordinary non-blocking sockets, busy-polled: the baseline and the fallback.
     */
    KERNEL("kernel"),

    /**
     * Reads and writes pcap or pcapng captures as if they were a NIC.
     */
    PCAP("pcap");

    private final String text;

    NicBackend(final String text)
    {
        this.text = text;
    }

    @Override
    public String text()
    {
        return text;
    }
}
