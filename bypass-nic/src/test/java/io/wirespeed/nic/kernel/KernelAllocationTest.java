package io.wirespeed.nic.kernel;

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
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The kernel backend's steady state allocates nothing on the polling thread: a million datagrams sent through its
 * TX queue to its own unicast subscription on loopback, received, and parsed by the UDP view.
 */
@Tag("slow")
@Timeout(120)
final class KernelAllocationTest
{
    private static final int WARM_UP = 100_000;
    private static final int DATAGRAMS = 1_000_000;
    private static final int BURST = 16;
    private static final int PAYLOAD_LENGTH = 64;

    private final FrameClaim claim = new FrameClaim();
    private final UdpFrameEncoder encoder = new UdpFrameEncoder();
    private final UdpView view = new UdpView();
    private final Receiver receiver = new Receiver();
    private KernelNicPort port;
    private UdpFrameDecoder decoder;
    private long sent;
    private long received;
    private long sequenceErrors;

    @AfterEach
    void close()
    {
        CloseHelper.close(port);
    }

    @Test
    void aMillionDatagramsThroughTxAndRxAllocateNothing()
    {
        port = KernelNicPort.open("alloc", new KernelNicOptions(), FrameTestSupport.newAllocator(),
            new SystemEpochNanoClock());
        decoder = new UdpFrameDecoder(port.counters());
        final KernelSubscription subscription = port.subscribeUnicast("127.0.0.1", 0);
        final int localhost = Ipv4Address.parse("127.0.0.1");
        encoder.source(0, localhost, 0).destination(0, localhost, subscription.port());

        final long allocated = AllocationMeter.measure(() -> exchange(WARM_UP), () -> exchange(DATAGRAMS));

        System.out.println("kernel backend: " + allocated + " bytes allocated over " + DATAGRAMS +
            " datagrams sent and received on one thread");
        assertEquals(0, allocated);
        assertEquals(WARM_UP + DATAGRAMS, received);
        assertEquals(0, sequenceErrors);
        assertEquals(WARM_UP + DATAGRAMS, port.counters().value(NicCounter.RX_FRAMES));
        assertEquals(WARM_UP + DATAGRAMS, port.counters().value(NicCounter.TX_FRAMES));
    }

    private void exchange(final int count)
    {
        final TxQueue tx = port.txQueue(0);
        final RxQueue rx = port.rxQueue(0);
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
            while (received < sent)
            {
                rx.poll(receiver, BURST);
            }
        }
    }

    private final class Receiver implements FrameHandler
    {
        public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs)
        {
            if (UdpFrameDecoder.UDP == decoder.decode(buffer, offset, length, rxTimestampNs, view))
            {
                if (buffer.getLong(view.payloadOffset(), ByteOrder.LITTLE_ENDIAN) != received)
                {
                    sequenceErrors++;
                }
                received++;
            }
        }
    }
}
