package io.wirespeed.nic.xdp;

import io.wirespeed.config.XdpMode;
import io.wirespeed.nic.FrameClaim;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.TxQueue;
import io.wirespeed.nic.frame.FrameTestSupport;
import io.wirespeed.nic.frame.UdpFrameEncoder;
import org.agrona.CloseHelper;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Test 2 and, over both modes, the other half of test 6: frames built with {@link UdpFrameEncoder} and sent through
 * the AF_XDP TX ring reach an ordinary kernel UDP socket in namespace A, every one, in order; the kernel there counts
 * no checksum or header errors (it verifies both and drops what fails), and the kernel rejected no TX descriptor.
 * The sender keeps at most a window of datagrams ahead of what the receiver reported, so its socket buffer never
 * overflows.
 */
@Tag("privileged")
@Timeout(120)
final class AfXdpTxTest
{
    private static final int COUNT = 500;
    private static final int BURST = 16;
    private static final int WINDOW = 128;
    private static final int SOURCE_PORT = 16_000;
    private static final int DESTINATION_PORT = 16_001;
    private static final long TIMEOUT_MS = 30_000;

    private VethNetwork network;
    private AfXdpNicPort port;
    private ChildJvm receiver;

    @AfterEach
    void close()
    {
        CloseHelper.closeAll(receiver, port, network);
    }

    @ParameterizedTest
    @EnumSource(XdpMode.class)
    void framesSentThroughXdpReachAKernelSocketWithValidChecksums(final XdpMode mode)
    {
        network = VethNetwork.create();
        port = AfXdpNicPort.open("xdp-tx", new AfXdpNicOptions().interfaceName(network.rootInterface).xdpMode(mode),
            FrameTestSupport.newAllocator(), new SystemEpochNanoClock());
        receiver = ChildJvm.start(network.inPeer(), KernelPeer.class, "receive", Integer.toString(DESTINATION_PORT),
            Integer.toString(COUNT), Long.toString(TIMEOUT_MS));
        receiver.awaitLine("ready", TIMEOUT_MS);
        final Snmp before = Snmp.read(network);

        final UdpFrameEncoder encoder = new UdpFrameEncoder()
            .source(port.macAddress(), network.rootAddress, SOURCE_PORT)
            .destination(network.peerMac(), network.peerAddress, DESTINATION_PORT);
        final TxQueue tx = port.txQueue(0);
        final FrameClaim claim = new FrameClaim();
        int sent = 0;
        while (sent < COUNT)
        {
            while (sent - receiver.progress() >= WINDOW)
            {
                ChildJvm.pause();
            }
            final int burst = Math.min(BURST, COUNT - sent);
            for (int i = 0; i < burst; i++)
            {
                final byte[] payload = ("tx" + sent).getBytes(StandardCharsets.US_ASCII);
                if (tx.tryClaim(encoder.frameLength(payload.length), claim))
                {
                    claim.buffer().putBytes(claim.offset() + encoder.headerLength(), payload);
                    encoder.encode(claim.buffer(), claim.offset(), payload.length);
                    sent++;
                }
            }
            tx.commit();
        }

        assertEquals(0, receiver.awaitExit(TIMEOUT_MS), receiver.output());
        final List<String> payloads = new ArrayList<>();
        for (final String line : receiver.lines())
        {
            if (line.startsWith("payload "))
            {
                payloads.add(line.substring("payload ".length()));
            }
        }
        final List<String> expected = new ArrayList<>();
        for (int i = 0; i < COUNT; i++)
        {
            expected.add("tx" + i);
        }
        assertEquals(expected, payloads);

        final Snmp after = Snmp.read(network);
        assertEquals(before.udpChecksumErrors, after.udpChecksumErrors, "UDP InCsumErrors in namespace A");
        assertEquals(before.udpInErrors, after.udpInErrors, "UDP InErrors in namespace A");
        assertEquals(before.ipHeaderErrors, after.ipHeaderErrors, "IP InHdrErrors in namespace A");
        assertEquals(COUNT, port.counters().value(NicCounter.TX_FRAMES));
        port.sampleKernelStatistics();
        assertEquals(0, port.counters().value(NicCounter.XDP_KERNEL_TX_INVALID));
    }
}
