package io.wirespeed.sim;

/**
 * The snapshot loop and the instrument definition loop of a channel: every period, one packet per instrument in
 * configuration order, MsgSeqNum from 1 on each loop.
 */
final class RecoveryLoops
{
    private static final int PACKETS_PER_DUTY_CYCLE = MarketDataSimulator.RECOVERY_PACKETS_PER_DUTY_CYCLE;

    private final SimInstrument[] instruments;
    private final RecoveryEncoder recovery;
    private final DefinitionEncoder definitions;
    private final FeedPublisher snapshotFeed;
    private final FeedPublisher definitionFeed;
    private final SimCounters counters;
    private final long startNs;
    private final long snapshotIntervalNs;
    private final long definitionIntervalNs;
    private long nextSnapshotLoopNs;
    private long nextDefinitionLoopNs;
    private int snapshotIndex = -1;
    private long snapshotSeqNum;
    private int definitionIndex = -1;
    private long definitionSeqNum;

    RecoveryLoops(
        final SimInstrument[] instruments,
        final RecoveryEncoder recovery,
        final DefinitionEncoder definitions,
        final FeedPublisher snapshotFeed,
        final FeedPublisher definitionFeed,
        final SimCounters counters,
        final long startNs,
        final long snapshotIntervalNs,
        final long definitionIntervalNs)
    {
        this.instruments = instruments;
        this.recovery = recovery;
        this.definitions = definitions;
        this.snapshotFeed = snapshotFeed;
        this.definitionFeed = definitionFeed;
        this.counters = counters;
        this.startNs = startNs;
        this.snapshotIntervalNs = snapshotIntervalNs;
        this.definitionIntervalNs = definitionIntervalNs;
        this.nextSnapshotLoopNs = startNs;
        this.nextDefinitionLoopNs = startNs;
    }

    /**
     * Send what the loops have due, each snapshot reflecting the incremental feed up to {@code lastMsgSeqNum}.
     *
     * @return packets sent.
     */
    int doWork(final long nowNs, final long lastMsgSeqNum, final int tradeDate)
    {
        return snapshotLoop(nowNs, lastMsgSeqNum, tradeDate) + definitionLoop(nowNs);
    }

    private int snapshotLoop(final long nowNs, final long lastMsgSeqNum, final int tradeDate)
    {
        if (snapshotIndex < 0)
        {
            if (0 == instruments.length || nowNs - nextSnapshotLoopNs < 0)
            {
                return 0;
            }
            snapshotIndex = 0;
            snapshotSeqNum = 0;
            nextSnapshotLoopNs = nextLoopNs(nowNs, nextSnapshotLoopNs, snapshotIntervalNs);
        }

        int sent = 0;
        while (snapshotIndex >= 0 && sent < PACKETS_PER_DUTY_CYCLE)
        {
            final int length = recovery.writeSnapshot(snapshotSeqNum + 1, nowNs, instruments[snapshotIndex],
                instruments.length, lastMsgSeqNum, startNs, tradeDate);
            if (!snapshotFeed.send(recovery.buffer(), 0, length))
            {
                counters.increment(SimCounter.TX_BACK_PRESSURE);
                break;
            }
            snapshotSeqNum++;
            sent++;
            counters.increment(SimCounter.SNAPSHOT_PACKETS);
            if (++snapshotIndex == instruments.length)
            {
                snapshotIndex = -1;
                counters.increment(SimCounter.SNAPSHOT_LOOPS);
            }
        }
        return sent;
    }

    private int definitionLoop(final long nowNs)
    {
        if (null == definitionFeed)
        {
            return 0;
        }
        if (definitionIndex < 0)
        {
            if (0 == instruments.length || nowNs - nextDefinitionLoopNs < 0)
            {
                return 0;
            }
            definitionIndex = 0;
            definitionSeqNum = 0;
            nextDefinitionLoopNs = nextLoopNs(nowNs, nextDefinitionLoopNs, definitionIntervalNs);
        }

        int sent = 0;
        while (definitionIndex >= 0 && sent < PACKETS_PER_DUTY_CYCLE)
        {
            final int length = definitions.writeDefinition(
                definitionSeqNum + 1, nowNs, instruments[definitionIndex], instruments.length, startNs);
            if (!definitionFeed.send(definitions.buffer(), 0, length))
            {
                counters.increment(SimCounter.TX_BACK_PRESSURE);
                break;
            }
            definitionSeqNum++;
            sent++;
            counters.increment(SimCounter.DEFINITION_PACKETS);
            if (++definitionIndex == instruments.length)
            {
                definitionIndex = -1;
                counters.increment(SimCounter.DEFINITION_LOOPS);
            }
        }
        return sent;
    }

    private static long nextLoopNs(final long nowNs, final long dueNs, final long intervalNs)
    {
        final long next = dueNs + intervalNs;
        return next - nowNs <= 0 ? nowNs + intervalNs : next;
    }
}
