package io.wirespeed.sim;

import io.wirespeed.codecs.mdp3.HaltReason;
import io.wirespeed.codecs.mdp3.SecurityTradingStatus;
import io.wirespeed.config.ChannelContext;
import io.wirespeed.config.InstrumentContext;
import io.wirespeed.config.SimContext;
import io.wirespeed.config.WirespeedConfig;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The venue's market-data side for one channel: simulated participants trade on a price-time matching engine per
 * instrument, and the agent publishes the MDP3-style incremental feed on A and B (identical packets), the snapshot
 * loop and the instrument definition loop through {@link MarketDataPorts}, as a CME channel does: every event in
 * CME's order (trade summary, electronic volume, book, statistics) with per-instrument RptSeq on every entry and
 * EndOfEvent on its last message, a trading-session schedule ({@link TradingSchedule}: pre-open, open, close) with
 * every status change and the statistics each step makes ({@link SessionEvents}), periodic statistics, and an
 * AdminHeartbeat12 when the incremental feed has been idle for {@code heartbeat_interval_ms}.
 * <p>
 * Packets are scheduled from the clock: slot k is due at the start time plus the sum of k gaps, each gap a blend (by
 * burstiness) of the mean and an exponentially distributed draw, and carries one to {@value #MAX_EVENTS_PER_SLOT}
 * participant events, so the mean event rate is {@code message_rate_per_second} (an event that changes the published
 * book or trades is one to a few messages: about 1.5 messages per event with the default market, a trade adding its
 * volume). An event may spill into further packets with the same SendingTime; events are never split across slots. In
 * open-loop mode each packet's SendingTime (and TransactTime) is its slot's intended time, however late it leaves, so
 * latency measured against it has no coordinated omission; in closed-loop mode it is the time it is sent and the next
 * slot is scheduled from then. The same seed and the same sequence of clock readings give the same packets, bit for
 * bit. SendingTime and TransactTime never go backwards on the incremental feed: an event stamped before one already
 * written (a slot running late behind a client order) takes the later time. The first trading day starts as the
 * simulator is built (its status and statistics staged then, stamped with that time, sent by the first duty cycle), so
 * instruments have their status from the start and no snapshot's TransactTime is ever 0.
 * <p>
 * The snapshot and definition loops each restart their own MsgSeqNum at 1 on every loop, as CME's market recovery
 * and instrument replay feeds do, with TotNumReports the number of instruments on the channel.
 * <p>
 * Packets go to A and B together: when either TX ring is full neither gets the packet, and it is retried on the next
 * duty cycle (counted in {@link SimCounter#TX_BACK_PRESSURE}); snapshots are built only when every incremental packet
 * so far has left, so LastMsgSeqNumProcessed always names a packet already on the wire.
 * <p>
 * Queries ({@link #book}, {@link #rptSeq}...) read the agent's state: call them on the agent's thread or while it is
 * not running; {@link #lastMsgSeqNum} and {@link #counters} may be read from any thread. Commands
 * ({@link #requestChannelReset}, {@link #requestTradingStatus}) may come from any thread.
 */
public final class MarketDataSimulator implements Agent
{
    /**
     * The most participant events in one schedule slot.
     */
    public static final int MAX_EVENTS_PER_SLOT = 4;

    /**
     * The most schedule slots one duty cycle catches up on.
     */
    public static final int SLOTS_PER_DUTY_CYCLE = 64;

    /**
     * The most snapshot or definition packets one duty cycle sends.
     */
    public static final int RECOVERY_PACKETS_PER_DUTY_CYCLE = 16;

    private static final int CLIENT_STAGING_PACKETS = 64;
    private static final double MEAN_EVENTS_PER_SLOT = (1 + MAX_EVENTS_PER_SLOT) / 2.0;

    private final EpochNanoClock clock;
    private final String roleName;
    private final int channelId;
    private final SimInstrument[] instruments;
    private final Int2ObjectHashMap<SimInstrument> instrumentsById = new Int2ObjectHashMap<>();
    private final SimRandom scheduleRandom;
    private final PacketStaging staging;
    private final IncrementalEncoder incremental;
    private final IncrementalTransmitter transmitter;
    private final ClientMarket clientMarket;
    private final ParticipantEvents participants;
    private final RecoveryLoops recoveryLoops;
    private final TradingSchedule schedule;
    private final SessionEvents sessionEvents;
    private final SimCommands commands;
    private final boolean openLoop;
    private final double burstiness;
    private final double meanGapNs;
    private final long heartbeatIntervalNs;

    private final SimCounters counters;
    private long nowNs;
    private long nextSlotNs;
    private long lastActivityNs;
    private long lastSeenSeqNum;
    private volatile boolean participantsStopped;

    /**
     * A simulator for one channel, its schedule starting at the clock's current time.
     *
     * @param sim         seed, rate, burstiness, participants, the depth participants quote and the loop periods.
     * @param channel     the channel: id, endpoints and the published book depth.
     * @param instruments instruments of every channel; those of this channel are simulated, in this order.
     * @param ports       where the feeds leave.
     * @param clock       the time source, read once per duty cycle.
     * @throws IllegalArgumentException when the depth needs snapshots larger than a packet.
     */
    public MarketDataSimulator(
        final SimContext sim,
        final ChannelContext channel,
        final List<InstrumentContext> instruments,
        final MarketDataPorts ports,
        final EpochNanoClock clock)
    {
        this(sim, channel, instruments, ports, clock, SimCounters.inMemory(channel.id()));
    }

    /**
     * A simulator for one channel whose counters live where another process can read them.
     *
     * @param sim         seed, rate, burstiness, participants, the depth participants quote and the loop periods.
     * @param channel     the channel: id, endpoints and the published book depth.
     * @param instruments instruments of every channel; those of this channel are simulated, in this order.
     * @param ports       where the feeds leave.
     * @param clock       the time source, read once per duty cycle.
     * @param counters    the channel's counters, e.g. {@code new SimCounters(countersFile, channelId)}.
     * @throws IllegalArgumentException when the depth needs snapshots larger than a packet.
     */
    public MarketDataSimulator(
        final SimContext sim,
        final ChannelContext channel,
        final List<InstrumentContext> instruments,
        final MarketDataPorts ports,
        final EpochNanoClock clock,
        final SimCounters counters)
    {
        this.clock = clock;
        this.counters = counters;
        this.channelId = channel.id();
        this.roleName = "market-data-sim-" + channelId;
        this.openLoop = sim.openLoop();
        this.burstiness = sim.burstiness();
        this.meanGapNs = MEAN_EVENTS_PER_SLOT * TimeUnit.SECONDS.toNanos(1) / sim.messageRatePerSecond();

        final FeedPublisher feedA = new FeedPublisher(ports.incrementalA(), channel.incrementalA(), ports.sourceMac(),
            ports.sourceIp());
        final FeedPublisher feedB = null == ports.incrementalB() || null == channel.incrementalB() ?
            null : new FeedPublisher(ports.incrementalB(), channel.incrementalB(), ports.sourceMac(), ports.sourceIp());
        final FeedPublisher snapshotFeed = new FeedPublisher(ports.snapshot(), channel.snapshot(), ports.sourceMac(),
            ports.sourceIp());
        final FeedPublisher definitionFeed = null == ports.definition() || null == channel.instrumentDefinition() ?
            null : new FeedPublisher(ports.definition(), channel.instrumentDefinition(), ports.sourceMac(),
            ports.sourceIp());
        final int maxPayload = maxPayload(feedA, feedB, snapshotFeed, definitionFeed);

        final int depth = channel.bookDepth();
        final FeedTemplates templates = new FeedTemplates(sim);
        final long startNs = clock.nanoTime();
        if (RecoveryEncoder.snapshotLength(depth) > maxPayload)
        {
            throw new IllegalArgumentException("channel " + channelId + ": book_depth " + depth + " needs " +
                RecoveryEncoder.snapshotLength(depth) + "-byte snapshots, more than the " + maxPayload +
                "-byte packets the ports carry");
        }

        final List<SimInstrument> ofChannel = new ArrayList<>();
        final int maxOrders = MarketGenerator.maxOrders(sim.bookDepth());
        final int maxClientOrders = sim.maxClientOrders();
        for (final InstrumentContext instrument : instruments)
        {
            if (instrument.channel() == channelId)
            {
                final SimInstrument simInstrument = new SimInstrument(
                    instrument, depth, maxOrders, maxClientOrders, sim.bookDepth() * 4L, ofChannel.size(), startNs);
                ofChannel.add(simInstrument);
                instrumentsById.put(simInstrument.securityId, simInstrument);
            }
        }
        this.instruments = ofChannel.toArray(new SimInstrument[0]);

        final SimRandom marketRandom = new SimRandom(sim.seed());
        scheduleRandom = new SimRandom(~sim.seed());
        final MarketGenerator generator = new MarketGenerator(marketRandom, sim.participants(), sim.bookDepth());
        final int maxFills = maxOrders + maxClientOrders + 1;
        final Fills fills = new Fills(maxFills);
        final BookEntries entries = new BookEntries(4 * depth + 4);
        staging = new PacketStaging(maxPayload, 64 + 4 * this.instruments.length + CLIENT_STAGING_PACKETS);
        incremental = new IncrementalEncoder(staging, channelId, maxFills, templates);
        transmitter = new IncrementalTransmitter(staging, feedA, feedB, counters);
        schedule = new TradingSchedule(sim, startNs);
        clientMarket = new ClientMarket(
            instrumentsById, staging, incremental, transmitter, schedule, entries, counters, maxFills);
        sessionEvents = new SessionEvents(this.instruments, staging, incremental, schedule, generator,
            new SimRandom(sim.seed() * 31 + 7), counters, sim.preOpenMs() > 0,
            TimeUnit.MILLISECONDS.toNanos(sim.statisticsIntervalMs()), startNs);
        participants = new ParticipantEvents(this.instruments, instrumentsById, marketRandom, generator, fills, entries,
            staging, incremental, clientMarket, schedule, counters);
        commands = new SimCommands(participants);
        heartbeatIntervalNs = TimeUnit.MILLISECONDS.toNanos(sim.heartbeatIntervalMs());

        nowNs = startNs;
        lastActivityNs = startNs;
        nextSlotNs = startNs + nextGapNs();
        stageTransitionsDue();
        recoveryLoops = new RecoveryLoops(this.instruments, new RecoveryEncoder(maxPayload, templates),
            new DefinitionEncoder(maxPayload, channelId, depth, templates), snapshotFeed, definitionFeed, counters,
            startNs, TimeUnit.MILLISECONDS.toNanos(sim.snapshotIntervalMs()),
            TimeUnit.MILLISECONDS.toNanos(sim.definitionIntervalMs()));
    }

    /**
     * A simulator for one channel of a configuration.
     *
     * @param config    a concluded configuration.
     * @param channelId which channel.
     * @param ports     where its feeds leave.
     * @param clock     the time source.
     * @return the simulator.
     */
    public static MarketDataSimulator forChannel(
        final WirespeedConfig config, final int channelId, final MarketDataPorts ports, final EpochNanoClock clock)
    {
        return new MarketDataSimulator(config.sim(), config.channel(channelId), config.instruments(), ports, clock);
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return roleName;
    }

    /**
     * Read the clock once; send what is staged, then what commands, schedule transitions, the recovery loops, the
     * schedule slots and periodic statistics make due, in time order, and a heartbeat when the feed is idle.
     *
     * @return the number of packets sent and commands handled.
     */
    public int doWork()
    {
        nowNs = Math.max(nowNs, clock.nanoTime());
        staging.endPacket();
        int work = transmit();
        if (staging.isEmpty())
        {
            participants.nowNs(nowNs);
            work += commands.read(1);
            work += transmit();
        }
        work += runDue(true);
        if (staging.isEmpty())
        {
            work += recoveryLoops.doWork(nowNs, staging.lastSeqNum(), schedule.tradeDate());
        }
        work += runDue(false);
        return work + heartbeat();
    }

    /**
     * Stop the simulated participants (from any thread): no more market events, while the snapshot and definition
     * loops and client order entry go on, so a receiver can finish recovering and then see a still market.
     */
    public void stopParticipants()
    {
        participantsStopped = true;
    }

    /**
     * Ask for a ChannelReset4: every instrument's RptSeq restarts at 1, MsgSeqNum continues, and each book is then
     * published afresh as New entries.
     *
     * @return false when the command queue is full.
     */
    public boolean requestChannelReset()
    {
        return commands.offerChannelReset();
    }

    /**
     * Ask for a trading status change, published as SecurityStatus30; instruments not ReadyToTrade get no events.
     *
     * @param securityId of the instrument.
     * @param status     the new status.
     * @param haltReason why.
     * @return false when the command queue is full.
     */
    public boolean requestTradingStatus(
        final int securityId, final SecurityTradingStatus status, final HaltReason haltReason)
    {
        return commands.offerTradingStatus(securityId, status, haltReason);
    }

    /**
     * The books as the venue's order-entry clients reach them; use on the agent's thread only.
     *
     * @return the client market.
     */
    public ClientMarket clientMarket()
    {
        return clientMarket;
    }

    /**
     * The published MBP book of an instrument.
     *
     * @param securityId of the instrument.
     * @return the book, or null when the channel has no such instrument.
     */
    public MbpBook book(final int securityId)
    {
        final SimInstrument instrument = instrumentsById.get(securityId);
        return null == instrument ? null : instrument.mbp;
    }

    /**
     * The matching engine of an instrument, every resting order and level.
     *
     * @param securityId of the instrument.
     * @return the engine's book, or null when the channel has no such instrument.
     */
    public OrderBook orderBook(final int securityId)
    {
        final SimInstrument instrument = instrumentsById.get(securityId);
        return null == instrument ? null : instrument.book;
    }

    /**
     * The fingerprint of an instrument's published book, {@link MbpBook#hash()}.
     *
     * @param securityId of the instrument.
     * @return the hash, or {@link MbpBook#FNV_OFFSET_BASIS} when the channel has no such instrument.
     */
    public long bookHash(final int securityId)
    {
        final SimInstrument instrument = instrumentsById.get(securityId);
        return null == instrument ? MbpBook.FNV_OFFSET_BASIS : instrument.mbp.hash();
    }

    /**
     * The last RptSeq an instrument's entries used.
     *
     * @param securityId of the instrument.
     * @return the RptSeq, 0 before any, or -1 when the channel has no such instrument.
     */
    public long rptSeq(final int securityId)
    {
        final SimInstrument instrument = instrumentsById.get(securityId);
        return null == instrument ? -1 : instrument.rptSeq;
    }

    /**
     * One statistic of an instrument as the venue holds it now, which is what its feed last sent for it.
     *
     * @param securityId of the instrument.
     * @param statistic  which one.
     * @return a price mantissa (exponent -9, {@link InstrumentStatistics#NULL_PRICE} when none) or a quantity; -1
     * when the channel has no such instrument.
     */
    public long statistic(final int securityId, final SimStatistic statistic)
    {
        final SimInstrument instrument = instrumentsById.get(securityId);
        if (null == instrument)
        {
            return -1;
        }
        return instrument.stats.value(statistic);
    }

    /**
     * The trading status of an instrument.
     *
     * @param securityId of the instrument.
     * @return the status, or null when the channel has no such instrument.
     */
    public SecurityTradingStatus tradingStatus(final int securityId)
    {
        final SimInstrument instrument = instrumentsById.get(securityId);
        return null == instrument ? null : instrument.status;
    }

    /**
     * The MsgSeqNum of the last incremental packet sent on the feeds, safe to read from any thread.
     *
     * @return the sequence number, 0 before the first.
     */
    public long lastMsgSeqNum()
    {
        return counters.value(SimCounter.LAST_MSG_SEQ_NUM);
    }

    /**
     * The channel's counters.
     *
     * @return the counters.
     */
    public SimCounters counters()
    {
        return counters;
    }

    /**
     * Free the counters; the ports belong to the caller.
     */
    public void onClose()
    {
        counters.close();
    }

    /**
     * The channel's id.
     *
     * @return the id.
     */
    public int channelId()
    {
        return channelId;
    }

    /**
     * Instruments simulated on the channel.
     *
     * @return the count.
     */
    public int instrumentCount()
    {
        return instruments.length;
    }

    /**
     * An instrument by position, in configuration order.
     *
     * @param index 0..instrumentCount-1.
     * @return its security id.
     */
    public int securityId(final int index)
    {
        return instruments[index].securityId;
    }

    /**
     * When the next schedule slot is due.
     *
     * @return epoch nanoseconds.
     */
    public long nextSlotNs()
    {
        return nextSlotNs;
    }

    /**
     * Schedule slots run so far.
     *
     * @return the count.
     */
    public long slotCount()
    {
        return counters.value(SimCounter.SCHEDULE_SLOTS);
    }

    /**
     * Times a packet waited because a TX ring was full.
     *
     * @return the count.
     */
    public long backPressureCount()
    {
        return counters.value(SimCounter.TX_BACK_PRESSURE);
    }

    /**
     * Snapshot loops completed.
     *
     * @return the count.
     */
    public long snapshotLoopCount()
    {
        return counters.value(SimCounter.SNAPSHOT_LOOPS);
    }

    /**
     * Instrument definition loops completed.
     *
     * @return the count.
     */
    public long definitionLoopCount()
    {
        return counters.value(SimCounter.DEFINITION_LOOPS);
    }

    /**
     * Channel resets sent.
     *
     * @return the count.
     */
    public long channelResetCount()
    {
        return counters.value(SimCounter.CHANNEL_RESETS);
    }

    /**
     * Commands naming a security id the channel does not carry, ignored.
     *
     * @return the count.
     */
    public long unknownInstrumentCount()
    {
        return counters.value(SimCounter.UNKNOWN_INSTRUMENT_COMMANDS);
    }

    private static int maxPayload(
        final FeedPublisher feedA,
        final FeedPublisher feedB,
        final FeedPublisher snapshotFeed,
        final FeedPublisher definitionFeed)
    {
        int maxPayload = Math.min(feedA.maxPayload(), snapshotFeed.maxPayload());
        if (null != feedB)
        {
            maxPayload = Math.min(maxPayload, feedB.maxPayload());
        }
        if (null != definitionFeed)
        {
            maxPayload = Math.min(maxPayload, definitionFeed.maxPayload());
        }
        return maxPayload;
    }

    private long nextGapNs()
    {
        final double exponential = -Math.log(1.0 - scheduleRandom.nextDouble()) * meanGapNs;
        return Math.round((1.0 - burstiness) * meanGapNs + burstiness * exponential);
    }

    /**
     * Run what is due in time order, schedule transitions and periodic statistics before a slot due at the same time.
     *
     * @param transitionsOnly stop at the first thing due that is not a schedule transition.
     */
    private int runDue(final boolean transitionsOnly)
    {
        int work = 0;
        int steps = 0;
        final boolean events = !participantsStopped;
        while (staging.isEmpty() && steps < SLOTS_PER_DUTY_CYCLE)
        {
            final long slotNs = events ? nextSlotNs : TradingSchedule.NEVER;
            final long sessionNs = sessionEvents.nextDueNs(events);
            final boolean sessionFirst = sessionNs - slotNs <= 0;
            if (nowNs - (sessionFirst ? sessionNs : slotNs) < 0 ||
                (transitionsOnly && !(sessionFirst && sessionEvents.isTransitionNext(events))))
            {
                break;
            }
            if (sessionFirst)
            {
                sessionEvents.runNext(nowNs, openLoop, events);
            }
            else
            {
                final long intendedNs = nextSlotNs;
                counters.set(SimCounter.SCHEDULE_LAG_NS, nowNs - intendedNs);
                participants.runSlot(openLoop ? intendedNs : nowNs, MAX_EVENTS_PER_SLOT);
                nextSlotNs = (openLoop ? intendedNs : nowNs) + nextGapNs();
            }
            steps++;
            work += 1 + transmit();
        }
        return work;
    }

    /**
     * The schedule's transitions due at the start (the trading day's start, and the open when there is no pre-open),
     * staged so that instruments have their status from construction on; the first duty cycle sends them.
     */
    private void stageTransitionsDue()
    {
        while (sessionEvents.isTransitionNext(true) && sessionEvents.nextDueNs(true) - nowNs <= 0)
        {
            sessionEvents.runNext(nowNs, openLoop, true);
        }
    }

    private int heartbeat()
    {
        if (staging.lastSeqNum() != lastSeenSeqNum)
        {
            lastSeenSeqNum = staging.lastSeqNum();
            lastActivityNs = nowNs;
        }
        else if (0 != heartbeatIntervalNs && staging.isEmpty() && nowNs - lastActivityNs >= heartbeatIntervalNs)
        {
            staging.eventTime(nowNs);
            incremental.writeHeartbeat();
            counters.increment(SimCounter.HEARTBEATS);
            lastSeenSeqNum = staging.lastSeqNum();
            lastActivityNs = nowNs;
            return 1 + transmit();
        }
        return 0;
    }

    private int transmit()
    {
        return transmitter.transmit();
    }
}
