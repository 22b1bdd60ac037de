package io.wirespeed.nic.kernel;

import io.wirespeed.nic.frame.ReceivedDatagrams;
import io.wirespeed.config.KernelNicContext;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.NicCounters;
import io.wirespeed.nic.RxQueue;
import io.wirespeed.nic.frame.FrameTestSupport;
import io.wirespeed.nic.frame.Ipv4Address;
import io.wirespeed.nic.status.CounterAllocator;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Unicast datagrams on loopback come up through the kernel backend as UDP frames the UDP view parses, with the real
 * sender and the subscription's address; always runs.
 */
@Timeout(30)
final class KernelNicPortTest
{
    private static final int LOCALHOST = Ipv4Address.parse("127.0.0.1");

    private final CounterAllocator allocator = FrameTestSupport.newAllocator();
    private final AtomicLong clock = new AtomicLong(1_000_000L);
    private KernelNicPort port;
    private DatagramChannel sender;

    @AfterEach
    void close()
    {
        CloseHelper.closeAll(sender, port);
    }

    @Test
    void unicastDatagramsArriveAsUdpFrames() throws IOException
    {
        port = KernelNicPort.open("lo", new KernelNicOptions(), allocator, clock::incrementAndGet);
        final KernelSubscription subscription = port.subscribeUnicast("127.0.0.1", 0);
        sender = openSender();
        final int senderPort = ((InetSocketAddress)sender.getLocalAddress()).getPort();

        final int count = 100;
        long payloadBytes = 0;
        for (int i = 0; i < count; i++)
        {
            payloadBytes += send(sender, "datagram " + i, LOCALHOST, subscription.port());
        }
        final ReceivedDatagrams frames = pollUntil(port, count);

        for (int i = 0; i < count; i++)
        {
            final ReceivedDatagrams.Datagram datagram = frames.datagrams.get(i);
            assertEquals("datagram " + i, datagram.payload());
            assertEquals(LOCALHOST, datagram.sourceAddress());
            assertEquals(senderPort, datagram.sourcePort());
            assertEquals(LOCALHOST, datagram.destinationAddress());
            assertEquals(subscription.port(), datagram.destinationPort());
        }
        assertEquals(1_000_001L, frames.datagrams.get(0).rxTimestampNs());
        assertEquals(count, port.counters().value(NicCounter.RX_FRAMES));
        assertEquals(payloadBytes + 42L * count, port.counters().value(NicCounter.RX_BYTES));
        assertEquals(0, malformed(port.counters()));
    }

    @Test
    void pollHandsOverAtMostTheLimit() throws IOException
    {
        port = KernelNicPort.open("lo", new KernelNicOptions(), allocator, clock::incrementAndGet);
        final KernelSubscription subscription = port.subscribeUnicast(LOCALHOST, 0);
        sender = openSender();
        for (int i = 0; i < 5; i++)
        {
            send(sender, "x" + i, LOCALHOST, subscription.port());
        }
        final ReceivedDatagrams frames = new ReceivedDatagrams(port.counters());
        final RxQueue rx = port.rxQueue(0);
        while (frames.datagrams.isEmpty())
        {
            rx.poll(frames, 2);
        }
        assertEquals(2, frames.datagrams.size());
        while (frames.datagrams.size() < 5)
        {
            rx.poll(frames, 2);
        }
        assertEquals("x4", frames.datagrams.get(4).payload());
    }

    @Test
    void oversizeDatagramIsDroppedAndCounted() throws IOException
    {
        port = KernelNicPort.open("lo", new KernelNicOptions().maxFrameLength(256), allocator, clock::incrementAndGet);
        final KernelSubscription subscription = port.subscribeUnicast(LOCALHOST, 0);
        sender = openSender();
        send(sender, "y".repeat(256 - 42 + 1), LOCALHOST, subscription.port());
        send(sender, "z".repeat(256 - 42), LOCALHOST, subscription.port());

        final ReceivedDatagrams frames = pollUntil(port, 1);
        assertEquals(256 - 42, frames.datagrams.get(0).payload().length());
        assertEquals(1, port.counters().value(NicCounter.RX_DROPPED_OVERSIZE));
        assertEquals(1, port.counters().value(NicCounter.RX_FRAMES));
    }

    @Test
    void closedSubscriptionStopsBeingPolled() throws IOException
    {
        port = KernelNicPort.open("lo", new KernelNicOptions(), allocator, clock::incrementAndGet);
        final KernelSubscription first = port.subscribeUnicast(LOCALHOST, 0);
        final KernelSubscription second = port.subscribeUnicast(LOCALHOST, 0);
        sender = openSender();
        send(sender, "to first", LOCALHOST, first.port());
        first.close();
        first.close();
        send(sender, "to second", LOCALHOST, second.port());

        final ReceivedDatagrams frames = pollUntil(port, 1);
        assertEquals("to second", frames.datagrams.get(0).payload());
        assertEquals(0, port.rxQueue(0).poll(frames, 10));
        assertEquals(1, frames.datagrams.size());
    }

    @Test
    void opensFromItsContextAndByInterfaceAddress()
    {
        port = KernelNicPort.open("ctx", new KernelNicContext(), allocator, clock::incrementAndGet);
        assertEquals("ctx", port.name());
        assertEquals(1, port.rxQueueCount());
        assertEquals(1, port.txQueueCount());
        assertEquals(KernelNicOptions.MAX_FRAME_LENGTH_DEFAULT, port.txQueue(0).maxFrameLength());
        assertThrows(IndexOutOfBoundsException.class, () -> port.rxQueue(1));
        port.close();

        port = KernelNicPort.open("addr", new KernelNicOptions().interfaceName("127.0.0.1"), allocator,
            clock::incrementAndGet);
        assertEquals("addr", port.name());
    }

    @Test
    void badSettingsAreRefusedClearly()
    {
        assertThrows(IllegalArgumentException.class, () -> KernelNicPort.open(
            "x", new KernelNicOptions().interfaceName("no-such-if0"), allocator, clock::incrementAndGet));
        assertThrows(IllegalArgumentException.class, () -> KernelNicPort.open(
            "x", new KernelNicOptions().txSlotCount(3), allocator, clock::incrementAndGet));
        assertThrows(IllegalArgumentException.class, () -> KernelNicPort.open(
            "x", new KernelNicOptions().maxFrameLength(70_000), allocator, clock::incrementAndGet));
        port = KernelNicPort.open("lo", new KernelNicOptions(), allocator, clock::incrementAndGet);
        assertThrows(IllegalArgumentException.class, () -> port.subscribeMulticast("10.0.0.1", 1));
    }

    static DatagramChannel openSender() throws IOException
    {
        final DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        channel.bind(new InetSocketAddress(Ipv4Address.toInetAddress(LOCALHOST), 0));
        return channel;
    }

    static int send(final DatagramChannel channel, final String payload, final int address, final int port)
        throws IOException
    {
        final byte[] bytes = payload.getBytes(StandardCharsets.US_ASCII);
        channel.send(ByteBuffer.wrap(bytes), new InetSocketAddress(Ipv4Address.toInetAddress(address), port));
        return bytes.length;
    }

    static ReceivedDatagrams pollUntil(final KernelNicPort port, final int count)
    {
        final ReceivedDatagrams frames = new ReceivedDatagrams(port.counters());
        final RxQueue rx = port.rxQueue(0);
        while (frames.datagrams.size() < count)
        {
            rx.poll(frames, 16);
        }
        return frames;
    }

    static long malformed(final NicCounters counters)
    {
        return FrameTestSupport.nonZero(counters).keySet().stream()
            .filter((counter) -> counter.name().startsWith("MALFORMED") || counter == NicCounter.SOCKET_ERRORS)
            .count();
    }
}
