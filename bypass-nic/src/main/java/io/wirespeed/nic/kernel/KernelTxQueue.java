package io.wirespeed.nic.kernel;

import io.wirespeed.nic.FrameClaim;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.NicCounters;
import io.wirespeed.nic.TxQueue;
import io.wirespeed.nic.frame.EthernetDecoder;
import io.wirespeed.nic.frame.Ipv4Address;
import io.wirespeed.nic.frame.Ipv4Decoder;
import io.wirespeed.nic.frame.UdpDecoder;
import org.agrona.BufferUtil;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * The TX queue of a {@link KernelNicPort}: frames are claimed in a ring of slots; commit reads each frame's IPv4 and
 * UDP headers and sends its UDP payload to the destination address and port with one {@code sendto} system call.
 * <p>
 * The kernel writes its own headers: the frame's MAC addresses, source address and port, TTL and checksums are not
 * used (the source is the port's sending socket). Frames the socket cannot take yet (send buffer full) stay in the
 * ring and go out, in order, on the next commit or claim; claims fail, counted, while the ring is full of them.
 * <pre>
 *   slot 0            slot 1            ...  slot N-1        each slot maxFrameLength bytes
 *   +-----------------+-----------------+----+-----------------+
 *   | frame           | frame           |    |                 |
 *   +-----------------+-----------------+----+-----------------+
 *     ^ sent            ^ committed            ^ claimed        positions, modulo N
 * </pre>
 */
final class KernelTxQueue implements TxQueue
{
    private static final int DESTINATION_CACHE_LIMIT = 4096;

    private final DatagramChannel channel;
    private final NicCounters counters;
    private final int slotLength;
    private final int mask;
    private final int[] lengths;
    private final ByteBuffer slots;
    private final UnsafeBuffer slotsBuffer;
    private final EthernetDecoder ethernet = new EthernetDecoder();
    private final Ipv4Decoder ip = new Ipv4Decoder();
    private final UdpDecoder udp = new UdpDecoder();
    private final Long2ObjectHashMap<InetSocketAddress> destinations = new Long2ObjectHashMap<>();
    private long sentPosition;
    private long committedPosition;
    private long claimedPosition;
    private FrameClaim lastClaim;
    private int lastClaimSlot;

    KernelTxQueue(final DatagramChannel channel, final NicCounters counters, final int slotLength, final int slotCount)
    {
        this.channel = channel;
        this.counters = counters;
        this.slotLength = slotLength;
        this.mask = slotCount - 1;
        this.lengths = new int[slotCount];
        this.slots = BufferUtil.allocateDirectAligned(slotLength * slotCount, 64);
        this.slotsBuffer = new UnsafeBuffer(slots);
    }

    /**
     * {@inheritDoc}
     */
    public boolean tryClaim(final int length, final FrameClaim claim)
    {
        if (length > slotLength)
        {
            counters.increment(NicCounter.TX_FRAME_TOO_LARGE);
            return false;
        }
        if (length < 0)
        {
            return false;
        }
        sealLastClaim();
        if (claimedPosition - sentPosition > mask)
        {
            flush();
            if (claimedPosition - sentPosition > mask)
            {
                counters.increment(NicCounter.TX_RING_FULL);
                return false;
            }
        }

        final int slot = (int)claimedPosition & mask;
        lengths[slot] = length;
        claim.wrap(slotsBuffer, slot * slotLength, length, slotLength);
        lastClaim = claim;
        lastClaimSlot = slot;
        claimedPosition++;
        return true;
    }

    /**
     * {@inheritDoc}
     */
    public int commit()
    {
        sealLastClaim();
        final int committed = (int)(claimedPosition - committedPosition);
        committedPosition = claimedPosition;
        flush();
        return committed;
    }

    /**
     * {@inheritDoc}
     */
    public void abort()
    {
        lastClaim = null;
        claimedPosition = committedPosition;
    }

    /**
     * {@inheritDoc}
     */
    public int maxFrameLength()
    {
        return slotLength;
    }

    /**
     * {@inheritDoc}
     */
    public int queueId()
    {
        return 0;
    }

    /**
     * Frames committed that the socket has not taken yet.
     *
     * @return the count.
     */
    int pending()
    {
        return (int)(committedPosition - sentPosition);
    }

    private void sealLastClaim()
    {
        if (null != lastClaim)
        {
            lengths[lastClaimSlot] = lastClaim.length();
            lastClaim = null;
        }
    }

    private void flush()
    {
        while (sentPosition < committedPosition)
        {
            if (!send((int)sentPosition & mask))
            {
                return;
            }
            sentPosition++;
        }
    }

    /**
     * Send one slot's datagram.
     *
     * @return false when the socket could not take it yet; true when it was sent or dropped and counted.
     */
    private boolean send(final int slot)
    {
        final int offset = slot * slotLength;
        final int length = lengths[slot];
        if (!ethernet.wrap(slotsBuffer, offset, length) || EthernetDecoder.ETHER_TYPE_IPV4 != ethernet.etherType() ||
            !ip.wrap(slotsBuffer, ethernet.payloadOffset(), ethernet.payloadLength()) || ip.version() != 4)
        {
            counters.increment(NicCounter.TX_DROPPED_MALFORMED);
            return true;
        }
        final int headerLength = ip.headerLength();
        final int totalLength = ip.totalLength();
        if (headerLength < Ipv4Decoder.MIN_HEADER_LENGTH || totalLength < headerLength ||
            totalLength > ethernet.payloadLength() || ip.isFragment() || ip.protocol() != Ipv4Decoder.PROTOCOL_UDP ||
            !udp.wrap(slotsBuffer, ip.payloadOffset(), totalLength - headerLength) ||
            udp.length() != totalLength - headerLength)
        {
            counters.increment(NicCounter.TX_DROPPED_MALFORMED);
            return true;
        }

        final int payloadLength = udp.payloadLength();
        final int payloadOffset = udp.payloadOffset();
        final InetSocketAddress target = destination(ip.destination(), udp.destinationPort());
        slots.limit(payloadOffset + payloadLength).position(payloadOffset);
        final int sent;
        try
        {
            sent = channel.send(slots, target);
        }
        catch (final IOException ex)
        {
            counters.increment(NicCounter.SOCKET_ERRORS);
            return true;
        }
        if (0 == sent && payloadLength > 0)
        {
            return false;
        }
        counters.increment(NicCounter.TX_FRAMES);
        counters.add(NicCounter.TX_BYTES, length);
        return true;
    }

    private InetSocketAddress destination(final int address, final int port)
    {
        final long key = ((address & 0xFFFF_FFFFL) << 16) | port;
        InetSocketAddress target = destinations.get(key);
        if (null == target)
        {
            if (destinations.size() >= DESTINATION_CACHE_LIMIT)
            {
                destinations.clear();
            }
            target = new InetSocketAddress(Ipv4Address.toInetAddress(address), port);
            destinations.put(key, target);
        }
        return target;
    }
}
