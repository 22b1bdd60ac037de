package io.wirespeed.nic.xdp;

import io.wirespeed.nic.frame.ReceivedDatagrams;
import io.wirespeed.config.PcapPacing;
import io.wirespeed.config.XdpMode;
import io.wirespeed.nic.FrameClaim;
import io.wirespeed.nic.RxQueue;
import io.wirespeed.nic.TxQueue;
import io.wirespeed.nic.frame.FrameTestSupport;
import io.wirespeed.nic.frame.Ipv4Address;
import io.wirespeed.nic.frame.UdpFrameEncoder;
import io.wirespeed.nic.pcap.PcapNicPort;
import io.wirespeed.nic.pcap.PcapPortOptions;
import org.agrona.CloseHelper;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Test 4: a capture written by wirespeed's own pcap TX (unicast and multicast UDP frames addressed to the root end)
 * is replayed by tcpreplay, a tool nobody here wrote, onto the veth in namespace A; the AF_XDP port receives every
 * packet of it, in order, byte for byte the payload written.
 */
@Tag("privileged")
@Timeout(120)
final class AfXdpTcpreplayTest
{
    private static final int COUNT = 300;
    private static final int UNICAST_PORT = 18_000;
    private static final int MULTICAST_PORT = 18_001;
    private static final int GROUP = Ipv4Address.parse("239.77.0.2");
    private static final long TIMEOUT_MS = 30_000;

    @TempDir
    Path directory;

    private VethNetwork network;
    private AfXdpNicPort port;

    @AfterEach
    void close()
    {
        CloseHelper.closeAll(port, network);
    }

    @Test
    void everyPacketOfACaptureReplayedByTcpreplayArrives()
    {
        VethNetwork.skipUnless(VethNetwork.onPath("tcpreplay"), "no 'tcpreplay' (apt-get install tcpreplay)");
        network = VethNetwork.create();
        port = AfXdpNicPort.open("xdp-replay", new AfXdpNicOptions().interfaceName(network.rootInterface)
            .xdpMode(XdpMode.GENERIC), FrameTestSupport.newAllocator(), new SystemEpochNanoClock());
        port.subscribe(network.rootAddress, UNICAST_PORT);
        port.subscribe(GROUP, MULTICAST_PORT);

        final Path capture = directory.resolve("replay.pcap");
        writeCapture(capture);
        final String replay = VethNetwork.run(network.inPeer("tcpreplay", "--intf1=" + network.peerInterface,
            "--topspeed", capture.toString()));
        assertTrue(replay.matches("(?s).*Successful packets:\\s+" + COUNT + "\\s.*"), replay);

        final ReceivedDatagrams frames = new ReceivedDatagrams(port.counters());
        final RxQueue rx = port.rxQueue(0);
        final long deadlineMs = System.currentTimeMillis() + TIMEOUT_MS;
        while (frames.datagrams.size() < COUNT && System.currentTimeMillis() < deadlineMs)
        {
            rx.poll(frames, 64);
        }
        assertEquals(COUNT, frames.datagrams.size());
        for (int i = 0; i < COUNT; i++)
        {
            final ReceivedDatagrams.Datagram datagram = frames.datagrams.get(i);
            assertEquals("replayed " + i, datagram.payload());
            assertEquals(network.peerAddress, datagram.sourceAddress());
            assertEquals(i % 2 == 0 ? UNICAST_PORT : MULTICAST_PORT, datagram.destinationPort());
            assertEquals(i % 2 == 0 ? network.rootAddress : GROUP, datagram.destinationAddress());
        }
        assertEquals(0, port.sampleKernelStatistics());
    }

    private void writeCapture(final Path capture)
    {
        try (PcapNicPort writer = PcapNicPort.open("writer", null, capture, PcapPacing.MAX,
            FrameTestSupport.newAllocator(), new SystemEpochNanoClock(), new PcapPortOptions()))
        {
            final UdpFrameEncoder unicast = new UdpFrameEncoder()
                .source(network.peerMac(), network.peerAddress, 18_100)
                .destination(network.rootMac(), network.rootAddress, UNICAST_PORT);
            final UdpFrameEncoder multicast = new UdpFrameEncoder()
                .source(network.peerMac(), network.peerAddress, 18_100)
                .multicastDestination(GROUP, MULTICAST_PORT);
            final TxQueue tx = writer.txQueue(0);
            final FrameClaim claim = new FrameClaim();
            for (int i = 0; i < COUNT; i++)
            {
                final UdpFrameEncoder encoder = i % 2 == 0 ? unicast : multicast;
                final byte[] payload = ("replayed " + i).getBytes(StandardCharsets.US_ASCII);
                assertTrue(tx.tryClaim(encoder.frameLength(payload.length), claim));
                claim.buffer().putBytes(claim.offset() + encoder.headerLength(), payload);
                encoder.encode(claim.buffer(), claim.offset(), payload.length);
                tx.commit();
            }
        }
    }
}
