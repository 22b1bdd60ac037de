package io.wirespeed.nic.xdp;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * One of an AF_XDP socket's four rings, mapped from the kernel: single-producer single-consumer, with the kernel on
 * the other side. Offsets come from {@code getsockopt(XDP_MMAP_OFFSETS)}; on Linux 6.x they are:
 * <pre>
 *   0        producer u32 (own cache line)
 *   128      consumer u32 (own cache line)
 *   196      flags u32    (XDP_RING_NEED_WAKEUP = 1)
 *   320      entries[size]: fill/completion u64 UMEM address; RX/TX { u64 addr; u32 len; u32 options }
 * </pre>
 * Indices are free-running u32 counters; an entry's slot is {@code index & (size - 1)}. Whoever owns an index
 * publishes it with a release store after writing the entries; the other side reads it with an acquire load.
 */
final class XskRing
{
    static final int NEED_WAKEUP = 1;
    static final int ADDRESS_ENTRY_LENGTH = 8;
    static final int DESCRIPTOR_ENTRY_LENGTH = 16;
    static final int DESCRIPTOR_LENGTH_OFFSET = 8;
    static final int DESCRIPTOR_OPTIONS_OFFSET = 12;

    final UnsafeBuffer memory;
    final long address;
    final long length;
    final int producerOffset;
    final int consumerOffset;
    final int flagsOffset;
    final int entriesOffset;
    final int entryLength;
    final int size;
    final int mask;

    XskRing(final long address, final long length, final long[] offsets, final int ring, final int size,
        final int entryLength)
    {
        final int base = ring * XdpNative.OFFSETS_PER_RING;
        this.address = address;
        this.length = length;
        this.memory = new UnsafeBuffer(address, (int)length);
        this.producerOffset = (int)offsets[base];
        this.consumerOffset = (int)offsets[base + 1];
        this.entriesOffset = (int)offsets[base + 2];
        this.flagsOffset = (int)offsets[base + 3];
        this.entryLength = entryLength;
        this.size = size;
        this.mask = size - 1;
    }

    /**
     * The bytes to map for a ring.
     *
     * @param offsets     from {@code XDP_MMAP_OFFSETS}.
     * @param ring        which ring.
     * @param size        entries.
     * @param entryLength bytes per entry.
     * @return the mapping length.
     */
    static long mappingLength(final long[] offsets, final int ring, final int size, final int entryLength)
    {
        return offsets[ring * XdpNative.OFFSETS_PER_RING + 2] + (long)size * entryLength;
    }

    int producerAcquire()
    {
        return memory.getIntAcquire(producerOffset);
    }

    void producerRelease(final int index)
    {
        memory.putIntRelease(producerOffset, index);
    }

    int consumerAcquire()
    {
        return memory.getIntAcquire(consumerOffset);
    }

    void consumerRelease(final int index)
    {
        memory.putIntRelease(consumerOffset, index);
    }

    boolean needsWakeup()
    {
        return (memory.getIntVolatile(flagsOffset) & NEED_WAKEUP) != 0;
    }

    int entryOffset(final int index)
    {
        return entriesOffset + (index & mask) * entryLength;
    }
}
