package io.wirespeed.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * A multicast feed endpoint, written {@code "group:port"}, e.g. {@code "239.1.1.1:14310"}.
 *
 * @param group IPv4 multicast group in dotted-quad form, within 224.0.0.0/4.
 * @param port  UDP port, 1..65535.
 */
public record Endpoint(String group, int port)
{
    /**
     * Validates the group and port.
     *
     * @throws IllegalArgumentException naming what is wrong.
     */
    public Endpoint
    {
        final long address = parseIpv4(group);
        if (address < 0)
        {
            throw new IllegalArgumentException("group " + ConfigValues.quote(group) + " is not an IPv4 address");
        }
        if ((address >>> 28) != 0xE)
        {
            throw new IllegalArgumentException("group " + group + " is not multicast (224.0.0.0/4)");
        }
        if (port < 1 || port > 65535)
        {
            throw new IllegalArgumentException("port " + port + " out of range (1..65535)");
        }
    }

    /**
     * Parse {@code "group:port"}.
     *
     * @param text to parse.
     * @return the endpoint.
     * @throws IllegalArgumentException naming what is wrong.
     */
    public static Endpoint parse(final String text)
    {
        final int colon = text.lastIndexOf(':');
        if (colon < 0)
        {
            throw new IllegalArgumentException("invalid endpoint, expected \"group:port\"");
        }

        final String portText = text.substring(colon + 1);
        if (portText.isEmpty() || portText.length() > 5 || !portText.chars().allMatch(Character::isDigit))
        {
            throw new IllegalArgumentException("port " + ConfigValues.quote(portText) + " is not a number");
        }

        return new Endpoint(text.substring(0, colon), Integer.parseInt(portText));
    }

    /**
     * The group as a socket address with the port, built without any name lookup.
     *
     * @return the socket address.
     */
    public InetSocketAddress toSocketAddress()
    {
        final long address = parseIpv4(group);
        final byte[] bytes =
            { (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address };
        try
        {
            return new InetSocketAddress(InetAddress.getByAddress(bytes), port);
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public String toString()
    {
        return group + ":" + port;
    }

    /**
     * Strict dotted-quad IPv4: four decimal octets, no leading zeros.
     *
     * @return the address as an unsigned 32-bit value, or -1 when the text is not one.
     */
    static long parseIpv4(final String text)
    {
        final String[] octets = text.split("\\.", -1);
        if (4 != octets.length)
        {
            return -1;
        }

        long address = 0;
        for (final String octet : octets)
        {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch((c) -> c >= '0' && c <= '9') ||
                (octet.length() > 1 && '0' == octet.charAt(0)))
            {
                return -1;
            }

            final int value = Integer.parseInt(octet);
            if (value > 255)
            {
                return -1;
            }
            address = (address << 8) | value;
        }

        return address;
    }
}
