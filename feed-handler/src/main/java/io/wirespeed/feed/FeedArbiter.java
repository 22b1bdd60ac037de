package io.wirespeed.feed;

import io.wirespeed.config.ChannelContext;
import org.agrona.DirectBuffer;

import java.util.concurrent.TimeUnit;

/**
 * A/B arbitration of one channel's incremental feeds by MsgSeqNum: the first copy of a packet wins and the other is
 * counted as a duplicate of its feed; packets ahead of the next expected one wait (up to gapBufferPackets) for the
 * other feed to fill the hole; a hole not filled within gapTimeoutMs, or wider than the buffer, is a gap.
 * <p>
 * A gap is one run of lost MsgSeqNums: while no packet has been delivered since a gap was declared, a further skip
 * (the venue's snapshots showing it has sent more, or the packet that ends the run) extends the same gap, so it is
 * counted once however many times the run is seen to grow; {@link FeedCounter#PACKETS_LOST} stays exact.
 * <p>
 * A MsgSeqNum that starts again (venue failover or restart) is told from an old duplicate by this rule: a packet
 * below the expected MsgSeqNum is a restart candidate when its MsgSeqNum is 1 (and the channel is past 2), or when it
 * is more than gapBufferPackets below the expected one, farther than any late copy can be; any other packet below is a
 * duplicate. The candidate is held, not applied. A second candidate within gapBufferPackets of the first confirms the
 * restart when it comes on the other feed (a venue restarts both), or on the same feed with a later MsgSeqNum while
 * the other feed is silent (a channel received on one feed, or configured without feed B, which counts as silent from
 * the start and is never reported as going silent); so a feed lagging the other by more than the buffer,
 * whose every packet is far below, is never taken for a restart. A packet of the current numbering on the
 * candidate's feed, or gapTimeoutMs without confirmation, makes the candidate the duplicate it was. On confirmation
 * the restart is counted ({@link FeedCounter#SEQUENCE_RESETS}), what waits in the gap buffer is dropped, the listener
 * is told (the channel goes stale and recovers from snapshots), and the channel follows the new numbering from the
 * lower of the two candidates. A single old duplicate is never a restart.
 */
final class FeedArbiter
{
    /**
     * Receives packets in sequence, gaps and the first packet.
     */
    interface Listener
    {
        /**
         * The first packet the channel sees.
         *
         * @param seqNum        its MsgSeqNum.
         * @param rxTimestampNs of its frame.
         */
        void onFirstPacket(long seqNum, long rxTimestampNs);

        /**
         * The next packet in sequence.
         *
         * @param buffer        holding the packet.
         * @param offset        of the packet.
         * @param length        of the packet.
         * @param rxTimestampNs of its frame.
         */
        void onSequencedPacket(DirectBuffer buffer, int offset, int length, long rxTimestampNs);

        /**
         * The MsgSeqNum started again; the packets of the new numbering follow, from firstSeqNum.
         *
         * @param expectedSeqNum the MsgSeqNum the old numbering was at.
         * @param firstSeqNum    the first MsgSeqNum of the new numbering.
         */
        void onSequenceReset(long expectedSeqNum, long firstSeqNum);

        /**
         * Packets were lost on both feeds; the next one delivered follows the gap.
         *
         * @param lostPackets how many.
         * @param nextSeqNum  the MsgSeqNum expected next, the first after the lost ones.
         */
        void onGap(long lostPackets, long nextSeqNum);
    }

    private static final int NO_CANDIDATE = -1;

    private final ChannelCounters counters;
    private final Listener listener;
    private final Mdp3PacketDecoder headerReader;
    private final PacketSlots pending;
    private final PacketSlots candidate = new PacketSlots(1);
    private final long gapTimeoutNs;
    private final long feedSilenceNs;
    private final long[] lastPacketNs = new long[2];
    private final boolean[] silent = new boolean[2];
    private long expectedSeqNum;
    private long knownSeqNum;
    private int pendingCount;
    private boolean gapTimerActive;
    private long gapDeadlineNs;
    private boolean started;
    private boolean lostRunOpen;
    private int candidateFeed = NO_CANDIDATE;
    private long candidateDeadlineNs;
    private long nowNs;

    FeedArbiter(final ChannelContext context, final ChannelCounters counters, final Listener listener)
    {
        this.counters = counters;
        this.listener = listener;
        headerReader = new Mdp3PacketDecoder(counters);
        pending = new PacketSlots(context.gapBufferPackets());
        gapTimeoutNs = TimeUnit.MILLISECONDS.toNanos(context.gapTimeoutMs());
        feedSilenceNs = TimeUnit.MILLISECONDS.toNanos(context.feedSilenceMs());
        silent[FeedChannel.FEED_B] = null == context.incrementalB();
    }

    long expectedSeqNum()
    {
        return expectedSeqNum;
    }

    int capacity()
    {
        return pending.capacity();
    }

    boolean isFeedSilent(final int feed)
    {
        return silent[feed];
    }

    void onPacket(
        final int feed,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long rxTimestampNs,
        final long nowNs)
    {
        this.nowNs = nowNs;
        counters.increment(FeedChannel.FEED_A == feed ? FeedCounter.PACKETS_A : FeedCounter.PACKETS_B);
        lastPacketNs[feed] = nowNs;
        silent[feed] = false;
        if (!headerReader.readHeader(buffer, offset, length))
        {
            return;
        }
        final long seqNum = headerReader.msgSeqNum();
        if (0 == expectedSeqNum)
        {
            expectedSeqNum = seqNum;
            listener.onFirstPacket(seqNum, rxTimestampNs);
        }
        if (seqNum < expectedSeqNum)
        {
            if (isRestartCandidate(seqNum))
            {
                onCandidate(feed, seqNum, buffer, offset, length, rxTimestampNs);
            }
            else
            {
                if (feed == candidateFeed)
                {
                    dropCandidate();
                }
                duplicate(feed);
            }
            return;
        }
        if (feed == candidateFeed)
        {
            dropCandidate();
        }
        sequence(feed, seqNum, buffer, offset, length, rxTimestampNs);
    }

    private void sequence(
        final int feed,
        final long seqNum,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long rxTimestampNs)
    {
        final int capacity = pending.capacity();
        while (seqNum - expectedSeqNum >= capacity)
        {
            if (pendingCount > 0)
            {
                declareGap();
            }
            else
            {
                gap(seqNum);
            }
        }
        if (seqNum == expectedSeqNum)
        {
            deliver(buffer, offset, length, rxTimestampNs);
            if (gapTimerActive)
            {
                drainPending();
            }
            return;
        }
        final int slot = (int)(seqNum % capacity);
        if (pending.seqNum(slot) == seqNum)
        {
            duplicate(feed);
            return;
        }
        if (!pending.store(slot, seqNum, buffer, offset, length, rxTimestampNs))
        {
            counters.increment(FeedCounter.PACKETS_TOO_LONG);
            return;
        }
        pendingCount++;
        if (!gapTimerActive)
        {
            gapTimerActive = true;
            gapDeadlineNs = nowNs + gapTimeoutNs;
        }
    }

    /**
     * The venue says it sent packets up to a MsgSeqNum (a snapshot's LastMsgSeqNumProcessed): if they have not
     * arrived within gapTimeoutMs they are a gap, even with no later packet to show it.
     *
     * @param seqNum the highest MsgSeqNum the venue has sent.
     * @param nowNs  the agent's clock for this duty cycle.
     */
    void onSentUpTo(final long seqNum, final long nowNs)
    {
        if (0 != expectedSeqNum && seqNum >= expectedSeqNum && seqNum > knownSeqNum)
        {
            knownSeqNum = seqNum;
            if (!gapTimerActive)
            {
                gapTimerActive = true;
                gapDeadlineNs = nowNs + gapTimeoutNs;
            }
        }
    }

    int onTimer(final long nowNs)
    {
        this.nowNs = nowNs;
        int work = 0;
        if (!started)
        {
            started = true;
            lastPacketNs[FeedChannel.FEED_A] = nowNs;
            lastPacketNs[FeedChannel.FEED_B] = nowNs;
        }
        if (gapTimerActive && gapDeadlineNs - nowNs <= 0)
        {
            declareGap();
            work++;
        }
        if (NO_CANDIDATE != candidateFeed && candidateDeadlineNs - nowNs <= 0)
        {
            dropCandidate();
            work++;
        }
        for (int feed = FeedChannel.FEED_A; feed <= FeedChannel.FEED_B; feed++)
        {
            if (!silent[feed] && nowNs - lastPacketNs[feed] > feedSilenceNs)
            {
                silent[feed] = true;
                counters.increment(FeedChannel.FEED_A == feed ? FeedCounter.SILENT_A : FeedCounter.SILENT_B);
                work++;
            }
        }
        return work;
    }

    /**
     * The earliest time a timer of {@link #onTimer(long)} is due: the gap timer, a restart candidate's expiry, a
     * feed's silence (due once {@code now - lastPacket > feedSilence}).
     *
     * @return epoch nanoseconds, or {@link Long#MAX_VALUE} when no timer is pending or timers have not started.
     */
    long nextDeadlineNs()
    {
        long deadlineNs = Long.MAX_VALUE;
        if (!started)
        {
            return deadlineNs;
        }
        if (gapTimerActive)
        {
            deadlineNs = gapDeadlineNs;
        }
        if (NO_CANDIDATE != candidateFeed)
        {
            deadlineNs = Math.min(deadlineNs, candidateDeadlineNs);
        }
        for (int feed = FeedChannel.FEED_A; feed <= FeedChannel.FEED_B; feed++)
        {
            if (!silent[feed])
            {
                deadlineNs = Math.min(deadlineNs, lastPacketNs[feed] + feedSilenceNs + 1);
            }
        }
        return deadlineNs;
    }

    private boolean isRestartCandidate(final long seqNum)
    {
        return (1 == seqNum && expectedSeqNum > 2) || expectedSeqNum - seqNum > pending.capacity();
    }

    private void onCandidate(
        final int feed,
        final long seqNum,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long rxTimestampNs)
    {
        if (NO_CANDIDATE != candidateFeed)
        {
            final long held = candidate.seqNum(0);
            final boolean confirms = feed != candidateFeed || (seqNum > held && silent[1 - feed]);
            if (confirms && Math.abs(seqNum - held) < pending.capacity())
            {
                restart(feed, seqNum, buffer, offset, length, rxTimestampNs);
                return;
            }
            dropCandidate();
        }
        if (candidate.store(0, seqNum, buffer, offset, length, rxTimestampNs))
        {
            candidateFeed = feed;
            candidateDeadlineNs = nowNs + gapTimeoutNs;
        }
        else
        {
            counters.increment(FeedCounter.PACKETS_TOO_LONG);
        }
    }

    private void dropCandidate()
    {
        duplicate(candidateFeed);
        candidate.free(0);
        candidateFeed = NO_CANDIDATE;
    }

    private void restart(
        final int feed,
        final long seqNum,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long rxTimestampNs)
    {
        final long oldExpectedSeqNum = expectedSeqNum;
        final int heldFeed = candidateFeed;
        final long heldSeqNum = candidate.seqNum(0);
        candidateFeed = NO_CANDIDATE;
        counters.increment(FeedCounter.SEQUENCE_RESETS);
        for (int slot = 0, capacity = pending.capacity(); slot < capacity; slot++)
        {
            pending.free(slot);
        }
        pendingCount = 0;
        gapTimerActive = false;
        knownSeqNum = 0;
        lostRunOpen = false;
        expectedSeqNum = Math.min(heldSeqNum, seqNum);
        listener.onSequenceReset(oldExpectedSeqNum, expectedSeqNum);
        sequence(heldFeed, heldSeqNum, candidate.buffer(), candidate.offset(0), candidate.length(0),
            candidate.rxTimestampNs(0));
        candidate.free(0);
        if (seqNum < expectedSeqNum)
        {
            duplicate(feed);
        }
        else
        {
            sequence(feed, seqNum, buffer, offset, length, rxTimestampNs);
        }
    }

    private void duplicate(final int feed)
    {
        counters.increment(FeedChannel.FEED_A == feed ? FeedCounter.DUPLICATES_A : FeedCounter.DUPLICATES_B);
    }

    private void drainPending()
    {
        final int capacity = pending.capacity();
        boolean drained = false;
        while (pendingCount > 0)
        {
            final int slot = (int)(expectedSeqNum % capacity);
            if (pending.seqNum(slot) != expectedSeqNum)
            {
                break;
            }
            deliver(pending.buffer(), pending.offset(slot), pending.length(slot), pending.rxTimestampNs(slot));
            pending.free(slot);
            pendingCount--;
            drained = true;
        }
        if (0 == pendingCount && knownSeqNum < expectedSeqNum)
        {
            if (drained && gapTimerActive)
            {
                counters.increment(FeedCounter.GAPS_FILLED);
            }
            gapTimerActive = false;
        }
        else if (drained || !gapTimerActive)
        {
            gapTimerActive = true;
            gapDeadlineNs = nowNs + gapTimeoutNs;
        }
    }

    private void declareGap()
    {
        final int capacity = pending.capacity();
        long lowest = expectedSeqNum + 1;
        if (0 == pendingCount)
        {
            lowest = Math.max(lowest, knownSeqNum + 1);
        }
        else
        {
            while (pending.seqNum((int)(lowest % capacity)) != lowest)
            {
                lowest++;
            }
        }
        gap(lowest);
        gapTimerActive = false;
        drainPending();
    }

    private void deliver(final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs)
    {
        expectedSeqNum++;
        lostRunOpen = false;
        listener.onSequencedPacket(buffer, offset, length, rxTimestampNs);
    }

    private void gap(final long nextSeqNum)
    {
        final long lostPackets = nextSeqNum - expectedSeqNum;
        if (!lostRunOpen)
        {
            lostRunOpen = true;
            counters.increment(FeedCounter.GAPS);
        }
        counters.add(FeedCounter.PACKETS_LOST, lostPackets);
        expectedSeqNum = nextSeqNum;
        listener.onGap(lostPackets, nextSeqNum);
    }
}
