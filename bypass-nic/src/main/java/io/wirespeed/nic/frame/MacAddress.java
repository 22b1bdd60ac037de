package io.wirespeed.nic.frame;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * 48-bit MAC addresses held in the low bits of a {@code long}, read and written in network byte order.
 */
public final class MacAddress
{
    /** Bytes in a MAC address. */
    public static final int LENGTH = 6;
    /** ff:ff:ff:ff:ff:ff. */
    public static final long BROADCAST = 0xFFFF_FFFF_FFFFL;
    /** 01:00:5e:00:00:00, the prefix of IPv4 multicast MAC addresses (RFC 1112). */
    public static final long IPV4_MULTICAST_PREFIX = 0x0100_5E00_0000L;

    private static final long MASK = 0xFFFF_FFFF_FFFFL;

    private MacAddress()
    {
    }

    /**
     * Read a MAC address.
     *
     * @param buffer holding it.
     * @param offset of its first byte.
     * @return the address in the low 48 bits.
     */
    public static long get(final DirectBuffer buffer, final int offset)
    {
        return ((buffer.getShort(offset, ByteOrder.BIG_ENDIAN) & 0xFFFFL) << 32) |
            (buffer.getInt(offset + 2, ByteOrder.BIG_ENDIAN) & 0xFFFF_FFFFL);
    }

    /**
     * Write a MAC address.
     *
     * @param buffer to write into.
     * @param offset of its first byte.
     * @param mac    the address in the low 48 bits.
     */
    public static void put(final MutableDirectBuffer buffer, final int offset, final long mac)
    {
        buffer.putShort(offset, (short)(mac >>> 32), ByteOrder.BIG_ENDIAN);
        buffer.putInt(offset + 2, (int)mac, ByteOrder.BIG_ENDIAN);
    }

    /**
     * The Ethernet address an IPv4 multicast group maps to: 01:00:5e followed by the group's low 23 bits.
     *
     * @param group IPv4 multicast address.
     * @return the MAC address.
     */
    public static long ofIpv4Multicast(final int group)
    {
        return IPV4_MULTICAST_PREFIX | (group & 0x7F_FFFF);
    }

    /**
     * Whether the group bit (the low bit of the first byte) is set: multicast or broadcast.
     *
     * @param mac the address.
     * @return true for a group address.
     */
    public static boolean isGroup(final long mac)
    {
        return (mac & 0x0100_0000_0000L) != 0;
    }

    /**
     * A MAC address from six bytes, e.g. {@link java.net.NetworkInterface#getHardwareAddress()}.
     *
     * @param bytes six bytes, or null for 00:00:00:00:00:00.
     * @return the address in the low 48 bits.
     */
    public static long of(final byte[] bytes)
    {
        if (null == bytes)
        {
            return 0;
        }
        if (bytes.length != LENGTH)
        {
            throw new IllegalArgumentException("a MAC address has 6 bytes, not " + bytes.length);
        }
        long mac = 0;
        for (final byte b : bytes)
        {
            mac = (mac << 8) | (b & 0xFF);
        }
        return mac;
    }

    /**
     * Parse {@code "01:00:5e:01:02:03"}.
     *
     * @param text six hex bytes separated by colons.
     * @return the address in the low 48 bits.
     */
    public static long parse(final String text)
    {
        final String[] parts = text.split(":", -1);
        if (parts.length != LENGTH)
        {
            throw new IllegalArgumentException("invalid MAC address: " + text);
        }
        long mac = 0;
        for (final String part : parts)
        {
            if (part.length() != 2 || Character.digit(part.charAt(0), 16) < 0 ||
                Character.digit(part.charAt(1), 16) < 0)
            {
                throw new IllegalArgumentException("invalid MAC address: " + text);
            }
            mac = (mac << 8) | Integer.parseInt(part, 16);
        }
        return mac;
    }

    /**
     * Format as {@code "01:00:5e:01:02:03"}; allocates, for tools and messages.
     *
     * @param mac the address in the low 48 bits.
     * @return the text.
     */
    public static String toString(final long mac)
    {
        final long value = mac & MASK;
        final StringBuilder sb = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8)
        {
            final int b = (int)(value >>> shift) & 0xFF;
            sb.append(Character.forDigit(b >>> 4, 16)).append(Character.forDigit(b & 0xF, 16));
            if (shift > 0)
            {
                sb.append(':');
            }
        }
        return sb.toString();
    }
}
