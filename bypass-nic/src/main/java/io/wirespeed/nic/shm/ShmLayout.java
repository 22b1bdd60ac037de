package io.wirespeed.nic.shm;

import org.agrona.BitUtil;

/**
 * Where everything lives in a shared-memory NIC file, for one ring capacity, frame size and frame count.
 * <pre>
 *   File
 *   0                                                                     HEADER_LENGTH
 *   +---------------------------------------------------------------------+
 *   | header (below)                                                      |
 *   +---------------------------------------------------------------------+
 *   | ring 0: creator -> attacher                                         |
 *   +---------------------------------------------------------------------+
 *   | ring 1: attacher -> creator                                         |
 *   +---------------------------------------------------------------------+
 *   | padding to a page                                                   |
 *   +---------------------------------------------------------------------+ frameAreaOffset
 *   | frame slots 0 .. frameCount/2 - 1: frames of ring 0                 |
 *   | frame slots frameCount/2 .. 2 * (frameCount/2) - 1: frames of ring 1|
 *   +---------------------------------------------------------------------+
 *
 *   Header
 *    0                   4                   8
 *    +-------------------+-------------------+
 *    | magic "WSSHMNIC" (little-endian long) |   written last by the creator, with release
 *    +-------------------+-------------------+
 *    | layout version    | header length     |   8
 *    | ring capacity     | frame size        |  16
 *    | frame count       | descriptor length |  24
 *    | file length (long)                    |  32
 *    | reserved to 128                       |
 *    +---------------------------------------+ 128
 *    | creator pid (long)                    |
 *    | creator heartbeat ns (long)           |
 *    | padding to 256                        |
 *    +---------------------------------------+ 256
 *    | attacher pid (long)                   |
 *    | attacher heartbeat ns (long)          |
 *    | padding to 384                        |
 *    +---------------------------------------+ 384
 *    | reserved to 512                       |
 *    +---------------------------------------+ 512
 *
 *   Ring (single producer, single consumer; positions count frames and never wrap)
 *    +---------------------------------------+ 0
 *    | producer position (long), padded      |   written only by the producer, with release
 *    +---------------------------------------+ 128
 *    | consumer position (long), padded      |   written only by the consumer, with release
 *    +---------------------------------------+ 256
 *    | descriptor[ringCapacity]              |   descriptor of position p at index p mod ringCapacity
 *    +---------------------------------------+
 *
 *   Descriptor
 *    0                   4                   8
 *    +-------------------+-------------------+
 *    | frame offset in the file (long)       |
 *    | frame length      | reserved          |   8
 *    | timestamp ns, stamped by the sender   |  16
 *    | reserved                              |  24
 *    +---------------------------------------+  32
 * </pre>
 * Positions are padded to two cache lines so the producer's and consumer's stores never share a line, even with the
 * adjacent-line prefetcher.
 */
public final class ShmLayout
{
    /** "WSSHMNIC" read as a little-endian long. */
    public static final long MAGIC = 0x43494E4D48535357L;
    /** Layout version; bump on any change a peer would misread. */
    public static final int LAYOUT_VERSION = 1;

    /** Offset of the magic. */
    public static final int MAGIC_OFFSET = 0;
    /** Offset of the layout version. */
    public static final int LAYOUT_VERSION_OFFSET = 8;
    /** Offset of the header length. */
    public static final int HEADER_LENGTH_OFFSET = 12;
    /** Offset of the ring capacity. */
    public static final int RING_CAPACITY_OFFSET = 16;
    /** Offset of the frame size. */
    public static final int FRAME_SIZE_OFFSET = 20;
    /** Offset of the frame count. */
    public static final int FRAME_COUNT_OFFSET = 24;
    /** Offset of the descriptor length. */
    public static final int DESCRIPTOR_LENGTH_OFFSET = 28;
    /** Offset of the file length. */
    public static final int FILE_LENGTH_OFFSET = 32;
    /** Offset of the creator's pid. */
    public static final int CREATOR_PID_OFFSET = 128;
    /** Offset of the creator's heartbeat. */
    public static final int CREATOR_HEARTBEAT_OFFSET = 136;
    /** Offset of the attacher's pid. */
    public static final int ATTACHER_PID_OFFSET = 256;
    /** Offset of the attacher's heartbeat. */
    public static final int ATTACHER_HEARTBEAT_OFFSET = 264;
    /** Length of the header. */
    public static final int HEADER_LENGTH = 512;

    /** Padding unit of the positions: two cache lines. */
    public static final int POSITION_PAD = 2 * BitUtil.CACHE_LINE_LENGTH;
    /** Offset of the producer position within a ring. */
    public static final int PRODUCER_POSITION_OFFSET = 0;
    /** Offset of the consumer position within a ring. */
    public static final int CONSUMER_POSITION_OFFSET = POSITION_PAD;
    /** Offset of the first descriptor within a ring. */
    public static final int DESCRIPTORS_OFFSET = 2 * POSITION_PAD;

    /** Length of a descriptor. */
    public static final int DESCRIPTOR_LENGTH = 32;
    /** Offset of the frame offset within a descriptor. */
    public static final int DESCRIPTOR_FRAME_OFFSET = 0;
    /** Offset of the frame length within a descriptor. */
    public static final int DESCRIPTOR_FRAME_LENGTH = 8;
    /** Offset of the timestamp within a descriptor. */
    public static final int DESCRIPTOR_TIMESTAMP = 16;

    private static final int DESCRIPTOR_SHIFT = 5;
    private static final int FRAME_AREA_ALIGNMENT = 4096;

    private final int ringCapacity;
    private final int frameSize;
    private final int frameCount;
    private final int ringLength;
    private final int slotsPerRing;
    private final long frameAreaOffset;
    private final long fileLength;

    /**
     * The layout for a geometry; sizes are checked so every offset fits the int-indexed buffers.
     *
     * @param ringCapacity descriptors per ring, a power of two.
     * @param frameSize    bytes per frame slot, a positive multiple of 64.
     * @param frameCount   frame slots in all, at least twice the ring capacity.
     */
    public ShmLayout(final int ringCapacity, final int frameSize, final int frameCount)
    {
        if (ringCapacity < 2 || !BitUtil.isPowerOfTwo(ringCapacity))
        {
            throw new IllegalArgumentException("ring_capacity " + ringCapacity + " is not a power of two >= 2");
        }
        if (frameSize < 64 || 0 != frameSize % 64)
        {
            throw new IllegalArgumentException("frame_size_bytes " + frameSize + " is not a positive multiple of 64");
        }
        if (frameCount < 2L * ringCapacity)
        {
            throw new IllegalArgumentException("frame_count " + frameCount + " is less than 2 x ring_capacity " +
                ringCapacity);
        }

        this.ringCapacity = ringCapacity;
        this.frameSize = frameSize;
        this.frameCount = frameCount;
        this.ringLength = DESCRIPTORS_OFFSET + (ringCapacity << DESCRIPTOR_SHIFT);
        this.slotsPerRing = frameCount / 2;
        this.frameAreaOffset = BitUtil.align(HEADER_LENGTH + 2L * ringLength, FRAME_AREA_ALIGNMENT);
        this.fileLength = frameAreaOffset + (long)frameCount * frameSize;
        if (fileLength > Integer.MAX_VALUE)
        {
            throw new IllegalArgumentException("shm NIC file of " + fileLength + " bytes exceeds the 2 GiB limit " +
                "(frame_count " + frameCount + " x frame_size_bytes " + frameSize + ")");
        }
    }

    /**
     * Descriptors per ring.
     *
     * @return descriptors per ring.
     */
    public int ringCapacity()
    {
        return ringCapacity;
    }

    /**
     * Bytes per frame slot.
     *
     * @return bytes per frame slot.
     */
    public int frameSize()
    {
        return frameSize;
    }

    /**
     * Frame slots in all.
     *
     * @return frame slots in all.
     */
    public int frameCount()
    {
        return frameCount;
    }

    /**
     * Frame slots owned by each ring's producer.
     *
     * @return frame slots owned by each ring's producer.
     */
    public int slotsPerRing()
    {
        return slotsPerRing;
    }

    /**
     * Length of the file.
     *
     * @return length of the file in bytes.
     */
    public int fileLength()
    {
        return (int)fileLength;
    }

    /**
     * Where a ring starts.
     *
     * @param ring 0 (creator to attacher) or 1 (attacher to creator).
     * @return offset of the ring in the file.
     */
    public int ringOffset(final int ring)
    {
        return HEADER_LENGTH + ring * ringLength;
    }

    /**
     * Where the first frame slot of a ring starts.
     *
     * @param ring 0 or 1.
     * @return offset of the ring's first slot in the file.
     */
    public int slotAreaOffset(final int ring)
    {
        return (int)(frameAreaOffset + (long)ring * slotsPerRing * frameSize);
    }

    /**
     * Where the descriptor of a position lies within a ring.
     *
     * @param ringOffset of the ring.
     * @param position   of the frame in the ring.
     * @return offset of the descriptor in the file.
     */
    public int descriptorOffset(final int ringOffset, final long position)
    {
        return ringOffset + DESCRIPTORS_OFFSET + ((int)position & (ringCapacity - 1)) * DESCRIPTOR_LENGTH;
    }
}
