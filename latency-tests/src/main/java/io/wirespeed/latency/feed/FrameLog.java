package io.wirespeed.latency.feed;

import io.wirespeed.nic.FrameClaim;
import io.wirespeed.nic.NicCounters;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.RxQueue;
import io.wirespeed.nic.TxQueue;
import org.agrona.BitUtil;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.EpochNanoClock;

/**
 * Frames a simulator sent, kept in memory in the order sent, each with its send time, to be replayed later.
 * <pre>
 *   0        4        12                      aligned to 8
 *   +--------+--------+-----------------------+
 *   | length | timeNs | frame (length bytes)  | ... next record
 *   +--------+--------+-----------------------+
 * </pre>
 */
final class FrameLog
{
    static final int LENGTH_OFFSET = 0;
    static final int TIME_OFFSET = 4;
    static final int FRAME_OFFSET = 12;

    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(64 * 1024 * 1024);
    private int limit;
    private long frameCount;

    MutableDirectBuffer buffer()
    {
        return buffer;
    }

    int limit()
    {
        return limit;
    }

    long frameCount()
    {
        return frameCount;
    }

    static int recordLength(final int frameLength)
    {
        return BitUtil.align(FRAME_OFFSET + frameLength, 8);
    }

    /**
     * A port whose TX queue appends every committed frame to this log, stamped with the clock.
     *
     * @param name     of the port.
     * @param counters the port's counters.
     * @param clock    stamps frames as they are committed.
     * @return the port.
     */
    NicPort recorder(final String name, final NicCounters counters, final EpochNanoClock clock)
    {
        return new LogPort(name, counters, new Recorder(this, clock));
    }

    /**
     * A port whose TX queue throws every frame away.
     *
     * @param name     of the port.
     * @param counters the port's counters.
     * @return the port.
     */
    static NicPort discarder(final String name, final NicCounters counters)
    {
        return new LogPort(name, counters, new Recorder(null, null));
    }

    /**
     * Claims go straight into the log (or into a scratch slot when discarding); commit makes them part of it.
     */
    private static final class Recorder implements TxQueue
    {
        private static final int MAX_FRAME_LENGTH = 2048;

        private final FrameLog log;
        private final EpochNanoClock clock;
        private final ExpandableArrayBuffer scratch = new ExpandableArrayBuffer(MAX_FRAME_LENGTH);
        private int pendingLimit;
        private long pendingFrames;

        Recorder(final FrameLog log, final EpochNanoClock clock)
        {
            this.log = log;
            this.clock = clock;
        }

        public boolean tryClaim(final int length, final FrameClaim claim)
        {
            if (length < 0 || length > MAX_FRAME_LENGTH)
            {
                return false;
            }
            if (null == log)
            {
                claim.wrap(scratch, 0, length, MAX_FRAME_LENGTH);
                pendingFrames++;
                return true;
            }
            if (0 == pendingFrames)
            {
                pendingLimit = log.limit;
            }
            final int offset = pendingLimit;
            log.buffer.checkLimit(offset + recordLength(length));
            log.buffer.putInt(offset + LENGTH_OFFSET, length);
            log.buffer.putLong(offset + TIME_OFFSET, clock.nanoTime());
            claim.wrap(log.buffer, offset + FRAME_OFFSET, length, length);
            pendingLimit += recordLength(length);
            pendingFrames++;
            return true;
        }

        public int commit()
        {
            final int committed = (int)pendingFrames;
            if (null != log && committed > 0)
            {
                log.limit = pendingLimit;
                log.frameCount += committed;
            }
            pendingFrames = 0;
            return committed;
        }

        public void abort()
        {
            pendingFrames = 0;
        }

        public int maxFrameLength()
        {
            return MAX_FRAME_LENGTH;
        }

        public int queueId()
        {
            return 0;
        }
    }

    private static final class LogPort implements NicPort
    {
        private final String name;
        private final NicCounters counters;
        private final Recorder tx;

        LogPort(final String name, final NicCounters counters, final Recorder tx)
        {
            this.name = name;
            this.counters = counters;
            this.tx = tx;
        }

        public String name()
        {
            return name;
        }

        public int rxQueueCount()
        {
            return 0;
        }

        public int txQueueCount()
        {
            return 1;
        }

        public RxQueue rxQueue(final int queueId)
        {
            throw new IndexOutOfBoundsException("a frame log port has no RX queue");
        }

        public TxQueue txQueue(final int queueId)
        {
            return tx;
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
}
