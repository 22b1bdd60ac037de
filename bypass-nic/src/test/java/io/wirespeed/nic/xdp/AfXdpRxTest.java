package io.wirespeed.nic.xdp;

import io.wirespeed.nic.frame.ReceivedDatagrams;
import io.wirespeed.config.XdpMode;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.RxQueue;
import io.wirespeed.nic.frame.FrameTestSupport;
import io.wirespeed.nic.frame.Ipv4Address;
import io.wirespeed.nic.frame.MacAddress;
import org.agrona.CloseHelper;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Test 1 and, over both modes, half of test 6: a kernel UDP sender in namespace A sends unicast and multicast
 * datagrams to the root end of the veth pair, where the AF_XDP port receives every subscribed one, in order, with its
 * payload and valid checksums; datagrams to a port nobody subscribed still reach an ordinary kernel socket, and ARP
 * and ping work both ways while the program is attached. The group is joined for IGMP on the interface.
 */
@Tag("privileged")
@Timeout(120)
final class AfXdpRxTest
{
    private static final int COUNT = 500;
    private static final int UNSUBSCRIBED_COUNT = 20;
    private static final int UNICAST_PORT = 15_000;
    private static final int MULTICAST_PORT = 15_001;
    private static final int KERNEL_PORT = 15_002;
    private static final String GROUP = "239.77.0.1";
    private static final long RECEIVE_TIMEOUT_MS = 30_000;

    private VethNetwork network;
    private AfXdpNicPort port;
    private ChildJvm sender;
    private DatagramChannel kernelSocket;

    @AfterEach
    void close()
    {
        CloseHelper.closeAll(sender, kernelSocket, port, network);
    }

    @ParameterizedTest
    @EnumSource(XdpMode.class)
    void kernelUnicastAndMulticastArriveThroughXdpWhileArpAndPingKeepWorking(final XdpMode mode) throws IOException
    {
        VethNetwork.skipUnless(VethNetwork.onPath("ping"), "no 'ping' command (apt-get install iputils-ping)");
        network = VethNetwork.create();
        port = AfXdpNicPort.open("xdp-rx", new AfXdpNicOptions().interfaceName(network.rootInterface).xdpMode(mode),
            FrameTestSupport.newAllocator(), new SystemEpochNanoClock());
        port.subscribe(network.rootAddress, UNICAST_PORT);
        final XdpSubscription group = port.subscribeMulticast(GROUP, MULTICAST_PORT);
        assertTrue(group.isMulticast());
        kernelSocket = DatagramChannel.open()
            .bind(new InetSocketAddress(Ipv4Address.toInetAddress(network.rootAddress), KERNEL_PORT));
        kernelSocket.configureBlocking(false);

        final String link = network.rootLink();
        assertTrue(link.matches("(?s).* mtu \\d+ " + (XdpMode.GENERIC == mode ? "xdpgeneric" : "xdp") + " .*"), link);
        assertTrue(link.contains("prog/xdp") && link.contains("wirespeed_xdp"), link);
        assertTrue(VethNetwork.run(List.of("ip", "maddress", "show", "dev", network.rootInterface)).contains(GROUP),
            "group joined on the interface for IGMP");

        final String root = Ipv4Address.toString(network.rootAddress);
        sender = ChildJvm.start(network.inPeer(), KernelPeer.class, "send", Integer.toString(COUNT), "32", "200",
            root + ":" + UNICAST_PORT + ":u", GROUP + ":" + MULTICAST_PORT + ":m");
        final ReceivedDatagrams frames = new ReceivedDatagrams(port.counters());
        final RxQueue rx = port.rxQueue(0);
        final long deadlineMs = System.currentTimeMillis() + RECEIVE_TIMEOUT_MS;
        while (frames.datagrams.size() < 2 * COUNT && System.currentTimeMillis() < deadlineMs)
        {
            rx.poll(frames, 64);
        }
        assertEquals(0, sender.awaitExit(RECEIVE_TIMEOUT_MS), sender.output());

        int nextUnicast = 0;
        int nextMulticast = 0;
        for (final ReceivedDatagrams.Datagram datagram : frames.datagrams)
        {
            assertEquals(network.peerAddress, datagram.sourceAddress());
            if (datagram.destinationPort() == UNICAST_PORT)
            {
                assertEquals("u" + nextUnicast++, datagram.payload());
                assertEquals(network.rootAddress, datagram.destinationAddress());
                assertEquals(network.rootMac(), datagram.destinationMac());
            }
            else
            {
                assertEquals(MULTICAST_PORT, datagram.destinationPort());
                assertEquals("m" + nextMulticast++, datagram.payload());
                assertEquals(Ipv4Address.parse(GROUP), datagram.destinationAddress());
                assertEquals(MacAddress.ofIpv4Multicast(Ipv4Address.parse(GROUP)), datagram.destinationMac());
            }
        }
        assertEquals(COUNT, nextUnicast, "unicast datagrams received");
        assertEquals(COUNT, nextMulticast, "multicast datagrams received");
        assertEquals(2 * COUNT, port.counters().value(NicCounter.RX_FRAMES));
        assertEquals(0, port.sampleKernelStatistics(), "kernel drops");

        sender = ChildJvm.start(network.inPeer(), KernelPeer.class, "send", Integer.toString(UNSUBSCRIBED_COUNT),
            "32", "0", root + ":" + KERNEL_PORT + ":k");
        assertEquals(0, sender.awaitExit(RECEIVE_TIMEOUT_MS), sender.output());
        assertEquals(UNSUBSCRIBED_COUNT, drainKernelSocket(), "unsubscribed datagrams passed to the kernel");
        assertEquals(0, rx.poll(frames, 64));

        final String peer = Ipv4Address.toString(network.peerAddress);
        VethNetwork.run(network.inPeer("ping", "-c", "3", "-i", "0.2", "-W", "5", root));
        VethNetwork.run(List.of("ping", "-c", "3", "-i", "0.2", "-W", "5", peer));
        final String neighbours = VethNetwork.run(network.inPeer("ip", "neighbour", "show", root));
        assertTrue(neighbours.contains(MacAddress.toString(network.rootMac())), "ARP resolved: " + neighbours);
        assertEquals(mode == XdpMode.GENERIC ? AfXdpMode.GENERIC_COPY : AfXdpMode.NATIVE_COPY, port.mode());
        assertEquals(port.mode().code(), port.counters().value(NicCounter.XDP_MODE));
    }

    private int drainKernelSocket() throws IOException
    {
        final ByteBuffer buffer = ByteBuffer.allocate(2048);
        int received = 0;
        final long deadlineMs = System.currentTimeMillis() + RECEIVE_TIMEOUT_MS;
        while (received < UNSUBSCRIBED_COUNT && System.currentTimeMillis() < deadlineMs)
        {
            buffer.clear();
            if (null != kernelSocket.receive(buffer))
            {
                buffer.flip();
                assertEquals("k" + received, StandardCharsets.US_ASCII.decode(buffer).toString());
                received++;
            }
            else
            {
                ChildJvm.pause();
            }
        }
        return received;
    }
}
