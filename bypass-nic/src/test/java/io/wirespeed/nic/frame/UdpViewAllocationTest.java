package io.wirespeed.nic.frame;

import io.wirespeed.nic.AllocationMeter;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.NicCounters;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Parsing frames into a {@link UdpView} allocates nothing, for good frames and counted bad ones alike.
 */
final class UdpViewAllocationTest
{
    private static final int FRAMES = 1_000_000;
    private static final int SLOT = 256;

    private final NicCounters counters = FrameTestSupport.newCounters("alloc");
    private final UdpFrameDecoder decoder = new UdpFrameDecoder(counters);
    private final UdpView view = new UdpView();
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(SLOT * 4));
    private final int[] lengths = new int[4];
    private long checksum;

    @AfterEach
    void close()
    {
        counters.close();
    }

    @Test
    void parsingAMillionFramesAllocatesNothing()
    {
        final UdpFrameEncoder encoder = new UdpFrameEncoder()
            .source(0x0200_0000_0001L, 0xC612_0001, 40000)
            .multicastDestination(0xEF01_0203, 14310);
        for (int slot = 0; slot < 4; slot++)
        {
            lengths[slot] = encoder.encode(buffer, slot * SLOT, 64 + slot * 32);
        }
        encoder.vlan(1, 7).encode(buffer, 2 * SLOT, 100);
        lengths[2] = encoder.frameLength(100);
        buffer.putByte(3 * SLOT + UdpFrameEncoder.HEADER_LENGTH, (byte)0x5A);

        final long allocated = AllocationMeter.measure(() -> decodeFrames(FRAMES), () -> decodeFrames(FRAMES));

        assertEquals(0, allocated, "bytes allocated decoding " + FRAMES + " frames");
        assertEquals(FRAMES / 2, counters.value(NicCounter.MALFORMED_BAD_UDP_CHECKSUM));
    }

    private void decodeFrames(final int count)
    {
        long sum = 0;
        for (int i = 0; i < count; i++)
        {
            final int slot = i & 3;
            if (UdpFrameDecoder.UDP == decoder.decode(buffer, slot * SLOT, lengths[slot], i, view))
            {
                sum += view.payloadLength() + view.sourcePort() + view.vlanId();
            }
        }
        checksum += sum;
    }
}
