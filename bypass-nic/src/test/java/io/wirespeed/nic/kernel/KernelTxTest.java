package io.wirespeed.nic.kernel;

import io.wirespeed.nic.FrameClaim;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.TxQueue;
import io.wirespeed.nic.frame.ArpEncoder;
import io.wirespeed.nic.frame.EthernetDecoder;
import io.wirespeed.nic.frame.EthernetEncoder;
import io.wirespeed.nic.frame.FrameTestSupport;
import io.wirespeed.nic.frame.Ipv4Address;
import io.wirespeed.nic.frame.UdpFrameEncoder;
import org.agrona.CloseHelper;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Frames claimed and committed on the kernel backend's TX queue arrive at plain receiver sockets as their UDP
 * payloads; frames that are not IPv4/UDP are dropped and counted; claims beyond the ring or a slot are refused.
 */
@Timeout(30)
final class KernelTxTest
{
    private static final int LOCALHOST = Ipv4Address.parse("127.0.0.1");
    private static final int GROUP = Ipv4Address.parse("239.255.78.1");

    private final FrameClaim claim = new FrameClaim();
    private final UdpFrameEncoder encoder = new UdpFrameEncoder().source(0x0200_0000_0001L, 0x0A00_0001, 1234);
    private final ByteBuffer received = ByteBuffer.allocate(2048);
    private KernelNicPort port;
    private DatagramChannel receiver;

    @AfterEach
    void close()
    {
        CloseHelper.closeAll(receiver, port);
    }

    @Test
    void committedBurstArrivesInOrderFromTheTxSocket() throws IOException
    {
        open(new KernelNicOptions());
        receiver = openReceiver();
        final int receiverPort = localPort(receiver);
        encoder.destination(0, LOCALHOST, receiverPort);

        final TxQueue tx = port.txQueue(0);
        for (int i = 0; i < 10; i++)
        {
            assertTrue(claimUdp(tx, "frame " + i));
        }
        assertEquals(10, tx.commit());

        for (int i = 0; i < 10; i++)
        {
            final SocketAddress from = awaitDatagram(receiver);
            assertEquals("frame " + i, receivedText());
            assertEquals(port.txLocalPort(), ((InetSocketAddress)from).getPort());
        }
        assertEquals(10, port.counters().value(NicCounter.TX_FRAMES));
        assertEquals(10L * 42 + 10 * "frame 0".length(), port.counters().value(NicCounter.TX_BYTES));
    }

    @Test
    void multicastFrameArrivesAtAGroupMemberOnLoopback() throws IOException
    {
        open(new KernelNicOptions().interfaceName("lo").multicastTtl(0));
        receiver = DatagramChannel.open(StandardProtocolFamily.INET);
        receiver.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        receiver.bind(new InetSocketAddress(Ipv4Address.toInetAddress(GROUP), 0));
        receiver.join(Ipv4Address.toInetAddress(GROUP), NetworkInterface.getByName("lo"));
        receiver.configureBlocking(false);
        encoder.multicastDestination(GROUP, localPort(receiver));

        final TxQueue tx = port.txQueue(0);
        assertTrue(claimUdp(tx, "to the group"));
        assertEquals(1, tx.commit());
        awaitDatagram(receiver);
        assertEquals("to the group", receivedText());
    }

    @Test
    void vlanTaggedAndShrunkFramesAreSent() throws IOException
    {
        open(new KernelNicOptions());
        receiver = openReceiver();
        encoder.destination(0, LOCALHOST, localPort(receiver)).vlan(2, 300);

        final TxQueue tx = port.txQueue(0);
        assertTrue(tx.tryClaim(tx.maxFrameLength(), claim));
        final byte[] payload = "tagged".getBytes(StandardCharsets.US_ASCII);
        claim.buffer().putBytes(claim.offset() + encoder.headerLength(), payload);
        claim.length(encoder.encode(claim.buffer(), claim.offset(), payload.length));
        assertEquals(1, tx.commit());

        awaitDatagram(receiver);
        assertEquals("tagged", receivedText());
        assertEquals(UdpFrameEncoder.VLAN_HEADER_LENGTH + payload.length, port.counters().value(NicCounter.TX_BYTES));
    }

    @Test
    void framesThatAreNotUdpOverIpv4AreDroppedAndCounted() throws IOException
    {
        open(new KernelNicOptions());
        receiver = openReceiver();
        encoder.destination(0, LOCALHOST, localPort(receiver));
        final TxQueue tx = port.txQueue(0);

        assertTrue(tx.tryClaim(42, claim));
        final EthernetEncoder ethernet = new EthernetEncoder().wrap(claim.buffer(), claim.offset());
        ethernet.etherType(EthernetDecoder.ETHER_TYPE_ARP);
        new ArpEncoder().wrap(claim.buffer(), ethernet.payloadOffset()).request(1, 2, 3);

        assertTrue(claimUdp(tx, "tcp"));
        claim.buffer().putByte(claim.offset() + 14 + 9, (byte)6);

        assertTrue(claimUdp(tx, "fragment"));
        claim.buffer().putShort(claim.offset() + 14 + 6, (short)0x2000, ByteOrder.BIG_ENDIAN);

        assertTrue(claimUdp(tx, "liar"));
        claim.buffer().putShort(claim.offset() + 14 + 2, (short)1500, ByteOrder.BIG_ENDIAN);

        assertTrue(claimUdp(tx, "good"));
        assertEquals(5, tx.commit());

        awaitDatagram(receiver);
        assertEquals("good", receivedText());
        assertEquals(4, port.counters().value(NicCounter.TX_DROPPED_MALFORMED));
        assertEquals(1, port.counters().value(NicCounter.TX_FRAMES));
    }

    @Test
    void abortGivesBackUncommittedClaims() throws IOException
    {
        open(new KernelNicOptions());
        receiver = openReceiver();
        encoder.destination(0, LOCALHOST, localPort(receiver));
        final TxQueue tx = port.txQueue(0);

        assertTrue(claimUdp(tx, "aborted 1"));
        assertTrue(claimUdp(tx, "aborted 2"));
        tx.abort();
        assertTrue(claimUdp(tx, "kept"));
        assertEquals(1, tx.commit());

        awaitDatagram(receiver);
        assertEquals("kept", receivedText());
        assertEquals(1, port.counters().value(NicCounter.TX_FRAMES));
    }

    @Test
    void claimsBeyondTheRingOrASlotAreRefusedAndCounted() throws IOException
    {
        open(new KernelNicOptions().txSlotCount(4).maxFrameLength(128));
        receiver = openReceiver();
        encoder.destination(0, LOCALHOST, localPort(receiver));
        final TxQueue tx = port.txQueue(0);

        assertFalse(tx.tryClaim(129, claim));
        assertEquals(1, port.counters().value(NicCounter.TX_FRAME_TOO_LARGE));

        for (int i = 0; i < 4; i++)
        {
            assertTrue(claimUdp(tx, "r" + i));
        }
        assertFalse(tx.tryClaim(64, claim));
        assertEquals(1, port.counters().value(NicCounter.TX_RING_FULL));
        assertEquals(4, tx.commit());
        assertTrue(claimUdp(tx, "r4"));
        assertEquals(1, tx.commit());

        for (int i = 0; i < 5; i++)
        {
            awaitDatagram(receiver);
            assertEquals("r" + i, receivedText());
        }
    }

    private void open(final KernelNicOptions options)
    {
        port = KernelNicPort.open("tx", options, FrameTestSupport.newAllocator(), new SystemEpochNanoClock());
    }

    private boolean claimUdp(final TxQueue tx, final String text)
    {
        final byte[] payload = text.getBytes(StandardCharsets.US_ASCII);
        if (!tx.tryClaim(encoder.frameLength(payload.length), claim))
        {
            return false;
        }
        final MutableDirectBuffer buffer = claim.buffer();
        buffer.putBytes(claim.offset() + encoder.headerLength(), payload);
        encoder.encode(buffer, claim.offset(), payload.length);
        return true;
    }

    private SocketAddress awaitDatagram(final DatagramChannel channel) throws IOException
    {
        received.clear();
        SocketAddress from;
        while (null == (from = channel.receive(received)))
        {
            Thread.onSpinWait();
        }
        received.flip();
        return from;
    }

    private String receivedText()
    {
        return StandardCharsets.US_ASCII.decode(received).toString();
    }

    private static DatagramChannel openReceiver() throws IOException
    {
        final DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        channel.bind(new InetSocketAddress(Ipv4Address.toInetAddress(LOCALHOST), 0));
        channel.configureBlocking(false);
        return channel;
    }

    private static int localPort(final DatagramChannel channel) throws IOException
    {
        return ((InetSocketAddress)channel.getLocalAddress()).getPort();
    }
}
