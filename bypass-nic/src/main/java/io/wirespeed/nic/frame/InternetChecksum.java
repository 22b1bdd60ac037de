package io.wirespeed.nic.frame;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * The Internet checksum (RFC 1071): the ones' complement of the ones' complement sum of 16-bit big-endian words.
 * <p>
 * Partial sums are plain {@code long}s so headers, pseudo-headers and payloads can be added up separately and
 * {@link #fold(long) folded} once; a region is summed 32 bits at a time, which folds to the same 16-bit sum.
 */
public final class InternetChecksum
{
    /** A folded sum of a region that includes a correct checksum field. */
    public static final int VALID_SUM = 0xFFFF;

    private InternetChecksum()
    {
    }

    /**
     * Add a region's 16-bit words to a partial sum; an odd last byte is padded with a zero byte.
     *
     * @param sum    partial sum so far, 0 to start.
     * @param buffer holding the region.
     * @param offset of the region's first byte.
     * @param length of the region in bytes.
     * @return the new partial sum.
     */
    public static long add(final long sum, final DirectBuffer buffer, final int offset, final int length)
    {
        long acc = sum;
        int i = offset;
        final int end = offset + length;
        while (end - i >= 8)
        {
            final long word = buffer.getLong(i, ByteOrder.BIG_ENDIAN);
            acc += (word >>> 32) + (word & 0xFFFF_FFFFL);
            i += 8;
        }
        if (end - i >= 4)
        {
            acc += buffer.getInt(i, ByteOrder.BIG_ENDIAN) & 0xFFFF_FFFFL;
            i += 4;
        }
        if (end - i >= 2)
        {
            acc += buffer.getShort(i, ByteOrder.BIG_ENDIAN) & 0xFFFF;
            i += 2;
        }
        if (end - i == 1)
        {
            acc += (buffer.getByte(i) & 0xFF) << 8;
        }
        return acc;
    }

    /**
     * The partial sum of an IPv4 pseudo-header, as UDP and TCP checksums cover it.
     * <pre>
     *   +-----------------------------------+
     *   | source address (4)                |
     *   | destination address (4)           |
     *   | zero (1) | protocol (1) | length (2) |
     *   +-----------------------------------+
     * </pre>
     *
     * @param source      IPv4 source address.
     * @param destination IPv4 destination address.
     * @param protocol    IP protocol number.
     * @param length      of the UDP datagram or TCP segment, header included.
     * @return the partial sum.
     */
    public static long pseudoHeaderSum(final int source, final int destination, final int protocol, final int length)
    {
        return (source & 0xFFFF_FFFFL) + (destination & 0xFFFF_FFFFL) + (protocol & 0xFF) + (length & 0xFFFF);
    }

    /**
     * Fold a partial sum to 16 bits with end-around carry.
     *
     * @param sum partial sum.
     * @return the 16-bit ones' complement sum.
     */
    public static int fold(final long sum)
    {
        long folded = sum;
        while ((folded >>> 16) != 0)
        {
            folded = (folded & 0xFFFF) + (folded >>> 16);
        }
        return (int)folded;
    }

    /**
     * The checksum to write for a partial sum taken with the checksum field zeroed.
     *
     * @param sum partial sum.
     * @return the 16-bit checksum.
     */
    public static int finish(final long sum)
    {
        return ~fold(sum) & 0xFFFF;
    }

    /**
     * The checksum of one region taken with its checksum field zeroed.
     *
     * @param buffer holding the region.
     * @param offset of the region.
     * @param length of the region in bytes.
     * @return the 16-bit checksum.
     */
    public static int compute(final DirectBuffer buffer, final int offset, final int length)
    {
        return finish(add(0, buffer, offset, length));
    }
}
