package io.wirespeed.replay.decode;

import io.wirespeed.codecs.print.PrintFormat;
import org.agrona.collections.IntHashSet;

/**
 * What {@code wirespeed decode} prints and which packets it decodes.
 * <p>
 * With no port given, every UDP datagram is read as an MDP3 packet and every TCP segment as part of an iLink 3
 * stream. Once any port is given, only UDP to or from an {@link #mdp3Port(int) MDP3 port} and TCP to or from an
 * {@link #ilink3Port(int) iLink 3 port} are decoded; the rest are counted as left out.
 */
public final class DecodeOptions
{
    /** Out-of-order TCP payload held per direction before the hole in front of it is given up, by default. */
    public static final int DEFAULT_MAX_HELD_BYTES = 4 * 1024 * 1024;

    private final IntHashSet mdp3Ports = new IntHashSet();
    private final IntHashSet ilink3Ports = new IntHashSet();
    private PrintFormat format = PrintFormat.TEXT;
    private int maxHeldBytes = DEFAULT_MAX_HELD_BYTES;

    /**
     * Print text lines or JSON lines.
     *
     * @param format {@link PrintFormat#TEXT} (default) or {@link PrintFormat#JSON}.
     * @return this.
     */
    public DecodeOptions format(final PrintFormat format)
    {
        this.format = format;
        return this;
    }

    /**
     * The output format.
     *
     * @return text or JSON.
     */
    public PrintFormat format()
    {
        return format;
    }

    /**
     * Decode UDP to or from this port as MDP3 (and, once any port is given, only listed ports).
     *
     * @param port 0 to 65535.
     * @return this.
     */
    public DecodeOptions mdp3Port(final int port)
    {
        mdp3Ports.add(checkPort(port));
        return this;
    }

    /**
     * Decode TCP to or from this port as iLink 3 (and, once any port is given, only listed ports).
     *
     * @param port 0 to 65535.
     * @return this.
     */
    public DecodeOptions ilink3Port(final int port)
    {
        ilink3Ports.add(checkPort(port));
        return this;
    }

    /**
     * Bound the out-of-order TCP payload held per direction.
     *
     * @param bytes at least 1.
     * @return this.
     */
    public DecodeOptions maxHeldBytes(final int bytes)
    {
        if (bytes < 1)
        {
            throw new IllegalArgumentException("the out-of-order buffer must hold at least 1 byte: " + bytes);
        }
        this.maxHeldBytes = bytes;
        return this;
    }

    /**
     * The bound on out-of-order TCP payload held per direction.
     *
     * @return bytes.
     */
    public int maxHeldBytes()
    {
        return maxHeldBytes;
    }

    boolean decodesUdp(final int sourcePort, final int destinationPort)
    {
        return noPortGiven() || mdp3Ports.contains(sourcePort) || mdp3Ports.contains(destinationPort);
    }

    boolean decodesTcp(final int sourcePort, final int destinationPort)
    {
        return noPortGiven() || ilink3Ports.contains(sourcePort) || ilink3Ports.contains(destinationPort);
    }

    private boolean noPortGiven()
    {
        return mdp3Ports.isEmpty() && ilink3Ports.isEmpty();
    }

    private static int checkPort(final int port)
    {
        if (port < 0 || port > 0xFFFF)
        {
            throw new IllegalArgumentException("not a port number (0 to 65535): " + port);
        }
        return port;
    }
}
