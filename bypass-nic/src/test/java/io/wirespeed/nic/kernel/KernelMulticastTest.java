package io.wirespeed.nic.kernel;

import io.wirespeed.nic.frame.ReceivedDatagrams;
import io.wirespeed.nic.frame.FrameTestSupport;
import io.wirespeed.nic.frame.Ipv4Address;
import io.wirespeed.nic.frame.MacAddress;
import org.agrona.CloseHelper;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Multicast on loopback: datagrams from a plain sender socket to two groups on one port come up through the kernel
 * backend, each from its own group's socket, with the group as destination. Needs no route: the sender names the
 * interface with IP_MULTICAST_IF and the port joins on "lo".
 */
@Timeout(30)
final class KernelMulticastTest
{
    private static final int GROUP_A = Ipv4Address.parse("239.255.77.1");
    private static final int GROUP_B = Ipv4Address.parse("239.255.77.2");

    private KernelNicPort port;
    private DatagramChannel sender;

    @AfterEach
    void close()
    {
        CloseHelper.closeAll(sender, port);
    }

    @Test
    void groupsJoinedOnLoopbackDeliverWithGroupAndSender() throws IOException
    {
        port = KernelNicPort.open("lo-mc", new KernelNicOptions().interfaceName("lo"),
            FrameTestSupport.newAllocator(), new SystemEpochNanoClock());
        final KernelSubscription a = port.subscribeMulticast(GROUP_A, 0);
        final KernelSubscription b = port.subscribeMulticast("239.255.77.2", a.port());
        assertTrue(a.isMulticast());
        assertEquals(a.port(), b.port());

        sender = KernelNicPortTest.openSender();
        sender.setOption(StandardSocketOptions.IP_MULTICAST_IF, NetworkInterface.getByName("lo"));
        sender.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
        final int senderPort = ((InetSocketAddress)sender.getLocalAddress()).getPort();

        final int count = 20;
        for (int i = 0; i < count; i++)
        {
            KernelNicPortTest.send(sender, "A" + i, GROUP_A, a.port());
            KernelNicPortTest.send(sender, "B" + i, GROUP_B, b.port());
        }

        final List<ReceivedDatagrams.Datagram> datagrams = KernelNicPortTest.pollUntil(port, 2 * count).datagrams;
        int nextA = 0;
        int nextB = 0;
        for (final ReceivedDatagrams.Datagram datagram : datagrams)
        {
            assertEquals(Ipv4Address.parse("127.0.0.1"), datagram.sourceAddress());
            assertEquals(senderPort, datagram.sourcePort());
            assertEquals(a.port(), datagram.destinationPort());
            if (datagram.destinationAddress() == GROUP_A)
            {
                assertEquals("A" + nextA++, datagram.payload());
                assertEquals(MacAddress.ofIpv4Multicast(GROUP_A), datagram.destinationMac());
            }
            else
            {
                assertEquals(GROUP_B, datagram.destinationAddress());
                assertEquals("B" + nextB++, datagram.payload());
                assertEquals(MacAddress.parse("01:00:5e:7f:4d:02"), datagram.destinationMac());
            }
        }
        assertEquals(count, nextA);
        assertEquals(count, nextB);
    }
}
