package io.wirespeed.nic.xdp;

import io.wirespeed.config.XdpMode;
import io.wirespeed.nic.AllocationMeter;
import io.wirespeed.nic.FrameClaim;
import io.wirespeed.nic.FrameHandler;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.RxQueue;
import io.wirespeed.nic.TxQueue;
import io.wirespeed.nic.frame.FrameTestSupport;
import io.wirespeed.nic.frame.Ipv4Address;
import io.wirespeed.nic.frame.UdpFrameDecoder;
import io.wirespeed.nic.frame.UdpFrameEncoder;
import io.wirespeed.nic.frame.UdpView;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The AF_XDP data path allocates nothing: a million frames received from a kernel flood in namespace A, each parsed
 * by the UDP view, and a million frames claimed, encoded and committed to the TX ring (to an address A drops
 * silently, since it does not forward), measured on the polling thread after a warm-up. The clock is an
 * {@link OffsetEpochNanoClock}: Agrona's SystemEpochNanoClock reads {@code Instant.now()}, which allocates wherever
 * escape analysis does not remove it.
 */
@Tag("privileged")
@Tag("slow")
@Timeout(300)
final class AfXdpAllocationTest
{
    private static final int WARM_UP = 100_000;
    private static final int FRAMES = 1_000_000;
    private static final int BURST = 32;
    private static final int PAYLOAD_LENGTH = 64;
    private static final int PORT = 17_000;
    private static final long FLOOD_MAX = 20_000_000;
    private static final long FLOOD_MAX_MS = 240_000;

    private final FrameClaim claim = new FrameClaim();
    private final UdpFrameEncoder encoder = new UdpFrameEncoder();
    private final UdpView view = new UdpView();
    private final Receiver receiver = new Receiver();
    private VethNetwork network;
    private AfXdpNicPort port;
    private ChildJvm flood;
    private UdpFrameDecoder decoder;
    private long received;
    private long notUdp;
    private long sent;

    @AfterEach
    void close()
    {
        CloseHelper.closeAll(flood, port, network);
    }

    @Test
    void aMillionFramesThroughRxAndTxAllocateNothing()
    {
        network = VethNetwork.create();
        port = AfXdpNicPort.open("alloc", new AfXdpNicOptions().interfaceName(network.rootInterface)
            .xdpMode(XdpMode.NATIVE), FrameTestSupport.newAllocator(), new OffsetEpochNanoClock());
        decoder = new UdpFrameDecoder(port.counters());
        port.subscribe(network.rootAddress, PORT);
        flood = ChildJvm.start(network.inPeer(), KernelPeer.class, "flood", Ipv4Address.toString(network.rootAddress),
            Integer.toString(PORT), Long.toString(FLOOD_MAX), Long.toString(FLOOD_MAX_MS),
            Integer.toString(PAYLOAD_LENGTH));

        final long rxAllocated = AllocationMeter.measure(() -> receive(WARM_UP), () -> receive(FRAMES));
        flood.kill();
        System.out.println("AF_XDP RX: " + rxAllocated + " bytes allocated over " + FRAMES + " frames");
        assertEquals(0, rxAllocated);
        assertEquals(WARM_UP + FRAMES, received);
        assertEquals(0, notUdp);

        final int silentlyDropped = network.peerAddress ^ 0x8000;
        encoder.source(port.macAddress(), network.rootAddress, PORT)
            .destination(network.peerMac(), silentlyDropped, PORT);
        final long txAllocated = AllocationMeter.measure(() -> send(WARM_UP), () -> send(FRAMES));
        System.out.println("AF_XDP TX: " + txAllocated + " bytes allocated over " + FRAMES + " frames, " +
            port.counters().value(NicCounter.XDP_TX_WAKEUPS) + " wakeups");
        assertEquals(0, txAllocated);
        assertEquals(WARM_UP + FRAMES, port.counters().value(NicCounter.TX_FRAMES));
    }

    private void receive(final int count)
    {
        final RxQueue rx = port.rxQueue(0);
        final long end = received + count;
        while (received < end)
        {
            rx.poll(receiver, (int)Math.min(BURST, end - received));
        }
    }

    private void send(final int count)
    {
        final TxQueue tx = port.txQueue(0);
        final long end = sent + count;
        while (sent < end)
        {
            final int burst = (int)Math.min(BURST, end - sent);
            for (int i = 0; i < burst; i++)
            {
                if (tx.tryClaim(encoder.frameLength(PAYLOAD_LENGTH), claim))
                {
                    claim.buffer().putLong(claim.offset() + encoder.headerLength(), sent++, ByteOrder.LITTLE_ENDIAN);
                    encoder.encode(claim.buffer(), claim.offset(), PAYLOAD_LENGTH);
                }
            }
            tx.commit();
        }
    }

    private final class Receiver implements FrameHandler
    {
        public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs)
        {
            if (UdpFrameDecoder.UDP == decoder.decode(buffer, offset, length, rxTimestampNs, view) &&
                PORT == view.destinationPort())
            {
                received++;
            }
            else
            {
                notUdp++;
            }
        }
    }
}
