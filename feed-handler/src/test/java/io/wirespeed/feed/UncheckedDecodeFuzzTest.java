package io.wirespeed.feed;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The decode path with Agrona bounds checks off, as production may run it: each fuzzed packet ends exactly where a
 * file mapping stops being readable, so a read past the packet faults (an InternalError, or a crashed fork) instead
 * of going unseen. Runs in the surefire execution {@code bounds-checks-off}, in its own JVM, and fails there if bounds
 * checks are on; anywhere else (a {@code -Dtest=} run of the default execution) it is skipped.
 * <pre>
 *   mapping:  | readable: the file's DATA_LENGTH bytes .......[packet]| past the file's end: SIGBUS |
 * </pre>
 */
class UncheckedDecodeFuzzTest
{
    /** Set by the surefire execution bounds-checks-off, whose JVM has -Dagrona.disable.bounds.checks=true. */
    static final String BOUNDS_CHECKS_OFF_PROP_NAME = "wirespeed.test.boundsChecksOff";

    private static final int DATA_LENGTH = 64 * 1024;

    @TempDir
    Path dir;

    @Test
    void aMillionFuzzedPacketsNeverReadPastTheirEndWithBoundsChecksOff() throws IOException
    {
        assumeTrue(Boolean.getBoolean(BOUNDS_CHECKS_OFF_PROP_NAME), "runs in the bounds-checks-off execution only");
        assertFalse(UnsafeBuffer.SHOULD_BOUNDS_CHECK, "the bounds-checks-off JVM has bounds checks on");
        try (PageEndPlacement placement = new PageEndPlacement(dir.resolve("packet-at-the-edge")))
        {
            assertTrue(placement.readPastTheEndFaults(), "the byte past the end must fault");
            final DecodeFuzz fuzz = new DecodeFuzz(dir, 42, placement);
            fuzz.run(DecodeFuzz.PACKETS);
            fuzz.assertEveryOutcomeCounted();
        }
    }

    /**
     * Puts each packet at the end of the readable part of a mapping whose next bytes lie past the end of its file.
     */
    private static final class PageEndPlacement implements DecodeFuzz.Placement, AutoCloseable
    {
        private final FileChannel channel;
        private final UnsafeBuffer buffer;

        PageEndPlacement(final Path file) throws IOException
        {
            channel = FileChannel.open(file, CREATE_NEW, READ, WRITE);
            final MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, 2L * DATA_LENGTH);
            channel.truncate(DATA_LENGTH);
            buffer = new UnsafeBuffer(mapped);
        }

        public int place(final byte[] bytes)
        {
            final int offset = DATA_LENGTH - bytes.length;
            buffer.putBytes(offset, bytes);
            return offset;
        }

        public DirectBuffer buffer()
        {
            return buffer;
        }

        /**
         * The JVM raises the fault of an unsafe access asynchronously; leaving native code (a yield) delivers it.
         */
        boolean readPastTheEndFaults()
        {
            try
            {
                long sum = buffer.getByte(DATA_LENGTH);
                for (int i = 0; i < 100; i++)
                {
                    Thread.yield();
                    sum += i;
                }
                return sum < 0;
            }
            catch (final InternalError ex)
            {
                return true;
            }
        }

        public void close() throws IOException
        {
            channel.close();
        }
    }
}
