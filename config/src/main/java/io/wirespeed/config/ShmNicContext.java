package io.wirespeed.config;

import java.nio.file.Path;

/**
 * The shared-memory virtual NIC, {@code [nic.shm]}: a memory-mapped file of RX and TX descriptor rings over frames.
 */
public final class ShmNicContext extends ConfigContext<ShmNicContext>
{
    /**
     * Default file name prefix under /dev/shm; the user name is appended.
     */
    public static final String PATH_PREFIX_DEFAULT = "wirespeed-nic-";

    /**
     * Default descriptors per ring.
     */
    public static final int RING_CAPACITY_DEFAULT = 1024;

    /**
     * Default frame slot size: room for a standard Ethernet frame and headroom.
     */
    public static final int FRAME_SIZE_BYTES_DEFAULT = 2048;

    /**
     * Default number of frame slots.
     */
    public static final int FRAME_COUNT_DEFAULT = 4096;

    private Path path;
    private int ringCapacity = RING_CAPACITY_DEFAULT;
    private int frameSizeBytes = FRAME_SIZE_BYTES_DEFAULT;
    private int frameCount = FRAME_COUNT_DEFAULT;

    /**
     * A context holding the defaults.
     */
    public ShmNicContext()
    {
        super("nic.shm");
    }

    /**
     * The memory-mapped file shared with the far end, {@code path}.
     *
     * @return the path, or null before conclude when not set.
     */
    public Path path()
    {
        return path;
    }

    /**
     * The memory-mapped file shared with the far end, {@code path}; defaults to /dev/shm/wirespeed-nic-USER.
     *
     * @param path of the file.
     * @return this for a fluent API.
     */
    public ShmNicContext path(final Path path)
    {
        this.path = path;
        return this;
    }

    /**
     * Descriptors in each of the RX and TX rings, {@code ring_capacity}.
     *
     * @return the capacity.
     */
    public int ringCapacity()
    {
        return ringCapacity;
    }

    /**
     * Descriptors in each of the RX and TX rings, {@code ring_capacity}: a power of two in 16..1048576.
     *
     * @param ringCapacity descriptors per ring.
     * @return this for a fluent API.
     */
    public ShmNicContext ringCapacity(final int ringCapacity)
    {
        this.ringCapacity = ringCapacity;
        return this;
    }

    /**
     * Size of each frame slot, {@code frame_size_bytes}.
     *
     * @return the size in bytes.
     */
    public int frameSizeBytes()
    {
        return frameSizeBytes;
    }

    /**
     * Size of each frame slot, {@code frame_size_bytes}: 128..16384, a multiple of 64.
     *
     * @param frameSizeBytes slot size.
     * @return this for a fluent API.
     */
    public ShmNicContext frameSizeBytes(final int frameSizeBytes)
    {
        this.frameSizeBytes = frameSizeBytes;
        return this;
    }

    /**
     * Number of frame slots, {@code frame_count}.
     *
     * @return the count.
     */
    public int frameCount()
    {
        return frameCount;
    }

    /**
     * Number of frame slots, {@code frame_count}: at least twice the ring capacity so both rings can be full.
     *
     * @param frameCount slots.
     * @return this for a fluent API.
     */
    public ShmNicContext frameCount(final int frameCount)
    {
        this.frameCount = frameCount;
        return this;
    }

    @Override
    void read(final ConfigReader.Table table)
    {
        table.path("path", this::path);
        table.int32("ring_capacity", this::ringCapacity);
        table.int32("frame_size_bytes", this::frameSizeBytes);
        table.int32("frame_count", this::frameCount);
    }

    @Override
    void validate(final Validator validator)
    {
        if (null == path)
        {
            path = Defaults.sharedMemoryPath(PATH_PREFIX_DEFAULT);
        }

        final boolean ringValid = validator.powerOfTwo("ring_capacity", ringCapacity, 16, 1 << 20);
        if (validator.range("frame_size_bytes", frameSizeBytes, 128, 16384) && 0 != frameSizeBytes % 64)
        {
            validator.error("frame_size_bytes", frameSizeBytes, "not a multiple of 64");
        }
        if (validator.range("frame_count", frameCount, 32, 1 << 22) && ringValid && frameCount < 2L * ringCapacity)
        {
            validator.error("frame_count", frameCount,
                "too few frames to fill the RX and TX rings (at least 2 x ring_capacity = " + 2L * ringCapacity + ")");
        }
    }
}
