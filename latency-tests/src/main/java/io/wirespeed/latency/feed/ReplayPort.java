package io.wirespeed.latency.feed;

import io.wirespeed.nic.FrameHandler;
import io.wirespeed.nic.NicCounters;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.RxQueue;
import io.wirespeed.nic.TxQueue;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.EpochNanoClock;

import java.nio.ByteOrder;

/**
 * A port whose RX queue hands out the frames of a {@link FrameLog} in place, again and again until a frame budget is
 * spent; each pass adds the log's packet count to every MDP3 MsgSeqNum and the log's span to every time stamp, so
 * the packets a feed handler sees keep counting up. The log must start with a ChannelReset4 packet, so every pass
 * starts the books afresh. Also the clock of the replay: the time stamp of the next frame.
 */
final class ReplayPort implements NicPort, RxQueue, EpochNanoClock
{
    private static final int ETHERNET_HEADER_LENGTH = 14;
    private static final int UDP_HEADER_LENGTH = 8;

    private final String name;
    private final FrameLog log;
    private final NicCounters counters;
    private final MutableDirectBuffer buffer;
    private final long spanNs;
    private long frameBudget;
    private long replayed;
    private int cursor;
    private long pass;
    private long timeOffsetNs;

    ReplayPort(final String name, final FrameLog log, final NicCounters counters)
    {
        this.name = name;
        this.log = log;
        this.counters = counters;
        this.buffer = log.buffer();
        long lastNs = 0;
        for (int offset = 0; offset < log.limit(); offset += FrameLog.recordLength(length(offset)))
        {
            lastNs = buffer.getLong(offset + FrameLog.TIME_OFFSET);
        }
        this.spanNs = lastNs - buffer.getLong(FrameLog.TIME_OFFSET) + 1_000_000L;
    }

    /**
     * Hand out this many more frames, continuing where the replay stopped.
     *
     * @param frames to add to the budget.
     */
    void extendBudget(final long frames)
    {
        frameBudget += frames;
    }

    /**
     * Whether every frame of the budget has been handed out.
     *
     * @return true when done.
     */
    boolean isDone()
    {
        return replayed >= frameBudget;
    }

    long replayed()
    {
        return replayed;
    }

    public long nanoTime()
    {
        return buffer.getLong(cursor + FrameLog.TIME_OFFSET) + timeOffsetNs;
    }

    public int poll(final FrameHandler handler, final int limit)
    {
        int polled = 0;
        while (polled < limit && replayed < frameBudget)
        {
            final int offset = cursor;
            final int length = length(offset);
            final int frameOffset = offset + FrameLog.FRAME_OFFSET;
            if (pass > 0)
            {
                final int seqOffset = frameOffset + ETHERNET_HEADER_LENGTH +
                    ((buffer.getByte(frameOffset + ETHERNET_HEADER_LENGTH) & 0x0F) << 2) + UDP_HEADER_LENGTH;
                buffer.putInt(seqOffset,
                    buffer.getInt(seqOffset, ByteOrder.LITTLE_ENDIAN) + (int)log.frameCount(), ByteOrder.LITTLE_ENDIAN);
            }
            handler.onFrame(buffer, frameOffset, length, buffer.getLong(offset + FrameLog.TIME_OFFSET) + timeOffsetNs);
            replayed++;
            polled++;
            cursor += FrameLog.recordLength(length);
            if (cursor >= log.limit())
            {
                cursor = 0;
                pass++;
                timeOffsetNs += spanNs;
            }
        }
        return polled;
    }

    public int queueId()
    {
        return 0;
    }

    public String name()
    {
        return name;
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
        throw new IndexOutOfBoundsException("a replay port has no TX queue");
    }

    public NicCounters counters()
    {
        return counters;
    }

    public void close()
    {
        counters.close();
    }

    private int length(final int offset)
    {
        return buffer.getInt(offset + FrameLog.LENGTH_OFFSET);
    }
}
