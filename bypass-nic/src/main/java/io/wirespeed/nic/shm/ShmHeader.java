package io.wirespeed.nic.shm;

import org.agrona.concurrent.AtomicBuffer;

import java.nio.file.Path;

/**
 * Writes and checks the header of a shared-memory NIC file, so two peers agree on its layout before moving frames.
 */
final class ShmHeader
{
    private ShmHeader()
    {
    }

    /**
     * Write every header field, the magic last with release so an attacher that sees the magic sees the rest.
     *
     * @param buffer over the whole file, zeroed.
     * @param layout of the file.
     */
    static void initialise(final AtomicBuffer buffer, final ShmLayout layout)
    {
        buffer.putInt(ShmLayout.LAYOUT_VERSION_OFFSET, ShmLayout.LAYOUT_VERSION);
        buffer.putInt(ShmLayout.HEADER_LENGTH_OFFSET, ShmLayout.HEADER_LENGTH);
        buffer.putInt(ShmLayout.RING_CAPACITY_OFFSET, layout.ringCapacity());
        buffer.putInt(ShmLayout.FRAME_SIZE_OFFSET, layout.frameSize());
        buffer.putInt(ShmLayout.FRAME_COUNT_OFFSET, layout.frameCount());
        buffer.putInt(ShmLayout.DESCRIPTOR_LENGTH_OFFSET, ShmLayout.DESCRIPTOR_LENGTH);
        buffer.putLong(ShmLayout.FILE_LENGTH_OFFSET, layout.fileLength());
        buffer.putLongRelease(ShmLayout.MAGIC_OFFSET, ShmLayout.MAGIC);
    }

    /**
     * Check that a file was written by a peer with the same layout, naming the first field that differs.
     *
     * @param buffer over the whole file.
     * @param layout expected by this side's configuration.
     * @param path   of the file, for the message.
     * @throws IllegalStateException naming the field, the expected and the found value.
     */
    static void verify(final AtomicBuffer buffer, final ShmLayout layout, final Path path)
    {
        if (buffer.capacity() < ShmLayout.HEADER_LENGTH)
        {
            throw mismatch(path, "file length", ShmLayout.HEADER_LENGTH + " or more", buffer.capacity());
        }

        final long magic = buffer.getLongAcquire(ShmLayout.MAGIC_OFFSET);
        if (ShmLayout.MAGIC != magic)
        {
            throw new IllegalStateException("shm NIC file " + path + ": magic mismatch: expected 0x" +
                Long.toHexString(ShmLayout.MAGIC) + " (\"WSSHMNIC\"), found 0x" + Long.toHexString(magic) +
                (0 == magic ? " (not initialised yet, or not a shm NIC file)" : " (not a shm NIC file)"));
        }

        check(path, "layout version", ShmLayout.LAYOUT_VERSION, buffer.getInt(ShmLayout.LAYOUT_VERSION_OFFSET));
        check(path, "header length", ShmLayout.HEADER_LENGTH, buffer.getInt(ShmLayout.HEADER_LENGTH_OFFSET));
        check(path, "ring_capacity", layout.ringCapacity(), buffer.getInt(ShmLayout.RING_CAPACITY_OFFSET));
        check(path, "frame_size_bytes", layout.frameSize(), buffer.getInt(ShmLayout.FRAME_SIZE_OFFSET));
        check(path, "frame_count", layout.frameCount(), buffer.getInt(ShmLayout.FRAME_COUNT_OFFSET));
        check(path, "descriptor length", ShmLayout.DESCRIPTOR_LENGTH,
            buffer.getInt(ShmLayout.DESCRIPTOR_LENGTH_OFFSET));
        check(path, "file length (header)", layout.fileLength(), buffer.getLong(ShmLayout.FILE_LENGTH_OFFSET));
        check(path, "file length (on disk)", layout.fileLength(), buffer.capacity());
    }

    private static void check(final Path path, final String field, final long expected, final long found)
    {
        if (expected != found)
        {
            throw mismatch(path, field, Long.toString(expected), found);
        }
    }

    private static IllegalStateException mismatch(
        final Path path, final String field, final String expected, final long found)
    {
        return new IllegalStateException(
            "shm NIC file " + path + ": " + field + " mismatch: expected " + expected + ", found " + found);
    }
}
