package io.wirespeed.feed;

import io.wirespeed.nic.FrameHandler;
import io.wirespeed.nic.NicCounters;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.RxQueue;
import io.wirespeed.nic.TxQueue;
import io.wirespeed.nic.frame.Ipv4Address;
import io.wirespeed.nic.frame.UdpFrameEncoder;
import io.wirespeed.nic.status.CounterAllocator;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayDeque;

/**
 * An RX-only NIC port whose frames a test queues (wrapped in Ethernet/IPv4/UDP to a group and port), or that
 * repeats one frame with its MsgSeqNum and RptSeqs advanced, for driving {@link FeedHandlerAgent} by hand.
 */
final class ScriptedNicPort implements NicPort, RxQueue
{
    private final NicCounters counters;
    private final ArrayDeque<byte[]> frames = new ArrayDeque<>();
    private final UdpFrameEncoder encoder = new UdpFrameEncoder();
    private final UnsafeBuffer frameBuffer = new UnsafeBuffer(new byte[4096]);
    private UnsafeBuffer repeatFrame;
    private int repeatLength;
    private int repeatPayloadOffset;
    private int[] repeatRptSeqOffsets;
    private long repeatSeqNum;
    private long repeatRemaining;
    long rxTimestampNs = 1;

    ScriptedNicPort(final CounterAllocator allocator)
    {
        counters = new NicCounters(allocator, "scripted");
        encoder.source(0x02_00_00_00_00_01L, Ipv4Address.parse("198.18.0.1"), 5000).udpChecksum(false);
    }

    void queue(final String group, final int port, final PacketBuilder packet)
    {
        encoder.multicastDestination(Ipv4Address.parse(group), port);
        frameBuffer.putBytes(encoder.headerLength(), packet.buffer(), 0, packet.length());
        final int length = encoder.encode(frameBuffer, 0, packet.length());
        final byte[] frame = new byte[length];
        frameBuffer.getBytes(0, frame);
        frames.add(frame);
    }

    void repeat(
        final String group,
        final int port,
        final PacketBuilder packet,
        final int[] rptSeqOffsets,
        final long firstSeqNum,
        final long count)
    {
        encoder.multicastDestination(Ipv4Address.parse(group), port);
        frameBuffer.putBytes(encoder.headerLength(), packet.buffer(), 0, packet.length());
        repeatLength = encoder.encode(frameBuffer, 0, packet.length());
        repeatFrame = new UnsafeBuffer(new byte[repeatLength]);
        repeatFrame.putBytes(0, frameBuffer, 0, repeatLength);
        repeatPayloadOffset = encoder.headerLength();
        repeatRptSeqOffsets = rptSeqOffsets;
        repeatSeqNum = firstSeqNum;
        repeatRemaining = count;
    }

    public int poll(final FrameHandler handler, final int limit)
    {
        int polled = 0;
        while (polled < limit && repeatRemaining > 0)
        {
            repeatFrame.putInt(repeatPayloadOffset, (int)repeatSeqNum, java.nio.ByteOrder.LITTLE_ENDIAN);
            for (final int offset : repeatRptSeqOffsets)
            {
                repeatFrame.putInt(repeatPayloadOffset + offset, (int)repeatSeqNum, java.nio.ByteOrder.LITTLE_ENDIAN);
            }
            handler.onFrame(repeatFrame, 0, repeatLength, rxTimestampNs);
            repeatSeqNum++;
            repeatRemaining--;
            polled++;
        }
        while (polled < limit && !frames.isEmpty())
        {
            final byte[] frame = frames.poll();
            handler.onFrame(new UnsafeBuffer(frame), 0, frame.length, rxTimestampNs);
            polled++;
        }
        return polled;
    }

    public int queueId()
    {
        return 0;
    }

    public String name()
    {
        return "scripted";
    }

    public int rxQueueCount()
    {
        return 1;
    }

    public int txQueueCount()
    {
        return 0;
    }

    public RxQueue rxQueue(final int queueId)
    {
        return this;
    }

    public TxQueue txQueue(final int queueId)
    {
        throw new IllegalArgumentException("no TX queue");
    }

    public NicCounters counters()
    {
        return counters;
    }

    public void close()
    {
        counters.close();
    }
}
