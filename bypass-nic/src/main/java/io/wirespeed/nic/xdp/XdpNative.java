package io.wirespeed.nic.xdp;

/**
 * The system calls of the AF_XDP setup library (src/main/c/wirespeed_xdp.c): each returns a non-negative result or
 * the negated errno. Only {@link #wakeTx} and {@link #wakeRx} are called on the data path, when a ring asks for it.
 */
final class XdpNative
{
    static final int RING_FILL = 0;
    static final int RING_COMPLETION = 1;
    static final int RING_RX = 2;
    static final int RING_TX = 3;

    /** Per ring in {@link #ringOffsets}: producer, consumer, descriptors, flags. */
    static final int OFFSETS_PER_RING = 4;
    static final int OFFSETS_LENGTH = 4 * OFFSETS_PER_RING;

    static final int STATISTIC_RX_DROPPED = 0;
    static final int STATISTIC_RX_INVALID_DESCRIPTORS = 1;
    static final int STATISTIC_TX_INVALID_DESCRIPTORS = 2;
    static final int STATISTIC_RX_RING_FULL = 3;
    static final int STATISTIC_FILL_RING_EMPTY = 4;
    static final int STATISTIC_TX_RING_EMPTY = 5;
    static final int STATISTICS_LENGTH = 6;

    static
    {
        XdpLibrary.isAvailable();
    }

    private XdpNative()
    {
    }

    static native int interfaceIndex(String name);

    static native int openSocket();

    static native long mapMemory(long length, boolean hugePages);

    static native int unmapMemory(long address, long length);

    static native int registerUmem(int fd, long address, long length, int frameSize);

    static native int ringSize(int fd, int ring, int size);

    static native int ringOffsets(int fd, long[] offsets);

    static native long mapRing(int fd, int ring, long length);

    static native int bind(int fd, int ifIndex, int queue, boolean zeroCopy);

    static native int zeroCopyInUse(int fd);

    static native int createSocketMap(int entries);

    static native int createFilterMap(int entries);

    static native int putSocket(int mapFd, int key, int socketFd);

    static native int addFilter(int mapFd, int address, int port);

    static native int removeFilter(int mapFd, int address, int port);

    static native int loadProgram(int socketMapFd, int filterMapFd, byte[] log);

    static native int attachProgram(int programFd, int ifIndex, boolean nativeMode);

    static native int wakeTx(int fd);

    static native int wakeRx(int fd);

    static native int statistics(int fd, long[] values);

    static native int close(int fd);

    static native String errorText(int errno);
}
