package io.wirespeed.nic.frame;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * IPv4 addresses held in an {@code int}, most significant byte first (192.0.2.1 is {@code 0xC0000201}).
 */
public final class Ipv4Address
{
    /** 0.0.0.0. */
    public static final int ANY = 0;
    /** 224.0.0.2, all routers: where IGMPv2 leaves go. */
    public static final int ALL_ROUTERS = 0xE000_0002;
    /** 224.0.0.22, IGMPv3-capable routers: where IGMPv3 reports go. */
    public static final int IGMPV3_ROUTERS = 0xE000_0016;

    private Ipv4Address()
    {
    }

    /**
     * Whether an address is in 224.0.0.0/4.
     *
     * @param address IPv4 address.
     * @return true for a multicast address.
     */
    public static boolean isMulticast(final int address)
    {
        return (address >>> 28) == 0xE;
    }

    /**
     * Parse a dotted quad without any name lookup.
     *
     * @param text e.g. {@code "239.1.2.3"}.
     * @return the address.
     */
    public static int parse(final String text)
    {
        final long address = tryParse(text);
        if (address < 0)
        {
            throw new IllegalArgumentException("invalid IPv4 address: " + text);
        }
        return (int)address;
    }

    /**
     * Parse a dotted quad without any name lookup, telling a bad one apart without an exception.
     *
     * @param text e.g. {@code "239.1.2.3"}.
     * @return the address as an unsigned value, or -1 when the text is not a dotted quad.
     */
    public static long tryParse(final String text)
    {
        final String[] parts = text.split("\\.", -1);
        if (parts.length != 4)
        {
            return -1;
        }
        long address = 0;
        for (final String part : parts)
        {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch((c) -> c >= '0' && c <= '9'))
            {
                return -1;
            }
            final int value = Integer.parseInt(part);
            if (value > 255)
            {
                return -1;
            }
            address = (address << 8) | value;
        }
        return address;
    }

    /**
     * The address of an {@link Inet4Address}; allocates, for setup paths.
     *
     * @param address an IPv4 address.
     * @return the address as an int.
     */
    public static int of(final InetAddress address)
    {
        if (!(address instanceof Inet4Address))
        {
            throw new IllegalArgumentException("not an IPv4 address: " + address);
        }
        final byte[] b = address.getAddress();
        return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }

    /**
     * An {@link InetAddress} for an address, without any name lookup; allocates, for setup paths.
     *
     * @param address IPv4 address.
     * @return the address object.
     */
    public static InetAddress toInetAddress(final int address)
    {
        final byte[] bytes = { (byte)(address >>> 24), (byte)(address >>> 16), (byte)(address >>> 8), (byte)address };
        try
        {
            return InetAddress.getByAddress(bytes);
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Format as a dotted quad; allocates, for tools and messages.
     *
     * @param address IPv4 address.
     * @return the text.
     */
    public static String toString(final int address)
    {
        return (address >>> 24) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "." +
            (address & 0xFF);
    }
}
