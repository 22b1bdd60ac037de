package io.wirespeed.nic.kernel;

import io.wirespeed.nic.FrameHandler;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.NicCounters;
import io.wirespeed.nic.RxQueue;
import io.wirespeed.nic.frame.UdpFrameEncoder;
import org.agrona.BufferUtil;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The RX queue of a {@link KernelNicPort}: polls each subscription's socket in turn and hands every datagram up as a
 * synthesized Ethernet/IPv4/UDP frame, the datagram received straight into the frame at the payload offset.
 * <pre>
 *   0                14                         34            42
 *   +----------------+--------------------------+-------------+-------------------------------+
 *   | Ethernet       | IPv4                     | UDP         | the datagram, as receive()    |
 *   | dst: group MAC | src: sender address      | sender port | wrote it: no copy             |
 *   |   or interface | dst: group or bound addr | bound port  |                               |
 *   | src: 0         | DF, TTL 64, checksum set | checksum 0  |                               |
 *   +----------------+--------------------------+-------------+-------------------------------+
 * </pre>
 * Costs one {@code recvfrom} system call per datagram, plus one per idle subscription per sweep: inherent to sockets.
 */
final class KernelRxQueue implements RxQueue
{
    /** The largest frame: a 65507-byte datagram behind untagged headers. */
    static final int LARGEST_FRAME_LENGTH = UdpFrameEncoder.HEADER_LENGTH + UdpFrameEncoder.MAX_PAYLOAD_LENGTH;

    private static final KernelSubscription[] NONE = new KernelSubscription[0];
    private static final int NOTHING = 0;
    private static final int DELIVERED = 1;
    private static final int DROPPED = 2;

    private final NicCounters counters;
    private final EpochNanoClock clock;
    private final int maxFrameLength;
    private final ByteBuffer frame;
    private final UnsafeBuffer frameBuffer;
    private final UdpFrameEncoder encoder = new UdpFrameEncoder().udpChecksum(false);
    private KernelSubscription[] subscriptions = NONE;
    private int cursor;

    KernelRxQueue(final NicCounters counters, final EpochNanoClock clock, final int maxFrameLength)
    {
        this.counters = counters;
        this.clock = clock;
        this.maxFrameLength = maxFrameLength;
        this.frame = BufferUtil.allocateDirectAligned(maxFrameLength + 1, 64);
        this.frameBuffer = new UnsafeBuffer(frame);
    }

    /**
     * {@inheritDoc}
     */
    public int poll(final FrameHandler handler, final int limit)
    {
        final KernelSubscription[] subscriptions = this.subscriptions;
        final int count = subscriptions.length;
        int delivered = 0;
        int work = 0;
        int idle = 0;
        while (work < limit && idle < count)
        {
            if (cursor >= count)
            {
                cursor = 0;
            }
            final int outcome = receive(subscriptions[cursor++], handler);
            if (NOTHING == outcome)
            {
                idle++;
            }
            else
            {
                idle = 0;
                work++;
                if (DELIVERED == outcome)
                {
                    delivered++;
                }
            }
        }
        return delivered;
    }

    /**
     * {@inheritDoc}
     */
    public int queueId()
    {
        return 0;
    }

    void add(final KernelSubscription subscription)
    {
        final KernelSubscription[] grown = Arrays.copyOf(subscriptions, subscriptions.length + 1);
        grown[subscriptions.length] = subscription;
        subscriptions = grown;
    }

    void remove(final KernelSubscription subscription)
    {
        final KernelSubscription[] current = subscriptions;
        for (int i = 0; i < current.length; i++)
        {
            if (current[i] == subscription)
            {
                final KernelSubscription[] shrunk = new KernelSubscription[current.length - 1];
                System.arraycopy(current, 0, shrunk, 0, i);
                System.arraycopy(current, i + 1, shrunk, i, current.length - i - 1);
                subscriptions = shrunk;
                cursor = 0;
                return;
            }
        }
    }

    KernelSubscription[] subscriptions()
    {
        return subscriptions;
    }

    private int receive(final KernelSubscription subscription, final FrameHandler handler)
    {
        final ByteBuffer frame = this.frame;
        frame.limit(frame.capacity()).position(UdpFrameEncoder.HEADER_LENGTH);
        final SocketAddress sender;
        try
        {
            sender = subscription.channel.receive(frame);
        }
        catch (final IOException ex)
        {
            counters.increment(NicCounter.SOCKET_ERRORS);
            return NOTHING;
        }
        if (null == sender)
        {
            return NOTHING;
        }

        final long rxTimestampNs = clock.nanoTime();
        final int frameLength = frame.position();
        if (frameLength > maxFrameLength)
        {
            counters.increment(NicCounter.RX_DROPPED_OVERSIZE);
            return DROPPED;
        }

        subscription.onSender(sender);
        encoder
            .source(0, subscription.lastSenderAddress(), subscription.lastSenderPort())
            .destination(subscription.destinationMac, subscription.destinationAddress, subscription.destinationPort)
            .encode(frameBuffer, 0, frameLength - UdpFrameEncoder.HEADER_LENGTH);

        counters.increment(NicCounter.RX_FRAMES);
        counters.add(NicCounter.RX_BYTES, frameLength);
        handler.onFrame(frameBuffer, 0, frameLength, rxTimestampNs);
        return DELIVERED;
    }
}
