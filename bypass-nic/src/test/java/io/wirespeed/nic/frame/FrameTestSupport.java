package io.wirespeed.nic.frame;

import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.NicCounters;
import io.wirespeed.nic.status.CounterAllocator;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counters in plain memory, frames from hex, and exact-size buffers for tests of the frame layer.
 */
public final class FrameTestSupport
{
    private static final int MAX_COUNTERS = 128;

    private FrameTestSupport()
    {
    }

    /**
     * A port's counters allocated in a private counters manager.
     *
     * @param portName for labels.
     * @return the counters.
     */
    public static NicCounters newCounters(final String portName)
    {
        return new NicCounters(newAllocator(), portName);
    }

    /**
     * An allocator of counters in a private counters manager in memory.
     *
     * @return the allocator.
     */
    public static CounterAllocator newAllocator()
    {
        final CountersManager manager = new CountersManager(
            new UnsafeBuffer(ByteBuffer.allocateDirect(MAX_COUNTERS * CountersReader.METADATA_LENGTH)),
            new UnsafeBuffer(ByteBuffer.allocateDirect(MAX_COUNTERS * CountersReader.COUNTER_LENGTH)));
        return (typeId, label) -> manager.newCounter(label, typeId);
    }

    /**
     * Every non-zero counter.
     *
     * @param counters to read.
     * @return counter to value, zeros left out.
     */
    public static Map<NicCounter, Long> nonZero(final NicCounters counters)
    {
        final Map<NicCounter, Long> values = new EnumMap<>(NicCounter.class);
        for (final NicCounter counter : NicCounter.values())
        {
            final long value = counters.value(counter);
            if (0 != value)
            {
                values.put(counter, value);
            }
        }
        return values;
    }

    /**
     * Bytes from hex text; spaces are ignored.
     *
     * @param hex e.g. {@code "01 00 5e"}.
     * @return the bytes.
     */
    public static byte[] bytes(final String hex)
    {
        final String digits = hex.replace(" ", "");
        final byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++)
        {
            bytes[i] = (byte)Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    /**
     * A buffer holding exactly these bytes: with bounds checks on, any read past them throws.
     *
     * @param bytes the frame.
     * @return a buffer of exactly that capacity.
     */
    public static UnsafeBuffer exact(final byte[] bytes)
    {
        return new UnsafeBuffer(bytes.clone());
    }

    /**
     * A buffer holding the first {@code length} of some bytes and nothing more.
     *
     * @param bytes  the frame.
     * @param length how many to keep.
     * @return a buffer of exactly that capacity.
     */
    public static UnsafeBuffer truncated(final byte[] bytes, final int length)
    {
        final byte[] copy = new byte[length];
        System.arraycopy(bytes, 0, copy, 0, length);
        return new UnsafeBuffer(copy);
    }
}
