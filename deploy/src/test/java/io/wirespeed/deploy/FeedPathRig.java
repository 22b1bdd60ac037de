package io.wirespeed.deploy;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.wirespeed.codecs.internal.FeedStateDecoder;
import io.wirespeed.codecs.internal.FeedStateReason;
import io.wirespeed.codecs.internal.FeedStateValue;
import io.wirespeed.codecs.internal.BookAction;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.codecs.internal.StatisticDecoder;
import io.wirespeed.codecs.internal.StatisticType;
import io.wirespeed.config.ChannelContext;
import io.wirespeed.config.FaultContext;
import io.wirespeed.config.FeedName;
import io.wirespeed.config.InstrumentContext;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.feed.FeedChannel;
import io.wirespeed.feed.FeedCounter;
import io.wirespeed.feed.FeedHandlerAgent;
import io.wirespeed.feed.OrderBook;
import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.fault.FaultInjectingPort;
import io.wirespeed.nic.shm.ShmFeedPorts;
import io.wirespeed.nic.shm.ShmNicPort;
import io.wirespeed.nic.status.CounterAllocator;
import io.wirespeed.nic.status.CountersFile;
import io.wirespeed.sim.MarketDataPorts;
import io.wirespeed.sim.MarketDataSimulator;
import io.wirespeed.sim.MbpBook;
import io.wirespeed.sim.Side;
import io.wirespeed.sim.SimCounters;
import io.wirespeed.sim.SimStatistic;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.collections.IntHashSet;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.EpochNanoClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One simulator and one feed handler joined by a channel's four feed wires (shm or kernel sockets), with an
 * embedded media driver; the test drives both agents from its own thread with a clock it advances.
 */
final class FeedPathRig implements FragmentHandler, AutoCloseable
{
    static final int CHANNEL = 310;
    static final long STEP_NS = 50_000;
    static final long NO_STATISTIC = Long.MIN_VALUE;

    /**
     * The wires a channel's feeds travel on, venue side and appliance side, one pair per {@link FeedName}.
     */
    interface Wires extends AutoCloseable
    {
        /**
         * Before the configuration is concluded: point it at these wires.
         *
         * @param config    to adjust.
         * @param dir       scratch directory of the run.
         * @param allocator for the ports' counters.
         * @param clock     for the ports' time stamps.
         */
        void configure(WirespeedConfig config, Path dir, CounterAllocator allocator, EpochNanoClock clock);

        /**
         * After the configuration is concluded: open whatever configure did not.
         *
         * @param config    concluded.
         * @param allocator for the ports' counters.
         * @param clock     for the ports' time stamps.
         */
        void open(WirespeedConfig config, CounterAllocator allocator, EpochNanoClock clock);

        /**
         * The ports the simulator sends through.
         *
         * @return the ports.
         */
        MarketDataPorts venue();

        /**
         * The port a feed arrives on at the appliance, before any fault injection.
         *
         * @param feed the feed.
         * @return its port.
         */
        NicPort appliance(FeedName feed);

        /**
         * Close both sides.
         */
        void close();
    }

    final ManualEpochNanoClock clock = new ManualEpochNanoClock(1_700_000_000_000_000_000L);
    final IntHashSet staleInstruments = new IntHashSet();
    long publicationLossStale;
    final WirespeedConfig config;
    final CountersFile counters;
    final Wires wires;
    final MediaDriver driver;
    final Aeron aeron;
    final Subscription subscription;
    final MarketDataSimulator sim;
    final FeedHandlerAgent feed;
    final FeedChannel channel;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final FeedStateDecoder feedState = new FeedStateDecoder();
    private final StatisticDecoder statistic = new StatisticDecoder();
    private final Long2LongHashMap statistics = new Long2LongHashMap(NO_STATISTIC);
    long published;
    long statisticsPublished;

    FeedPathRig(final Path dir, final Consumer<WirespeedConfig> adjust)
    {
        this(dir, shm(), adjust, List.of(), UnaryOperator.identity());
    }

    /**
     * A rig over the given wires.
     *
     * @param dir       scratch directory.
     * @param wires     the feed wires, not yet configured.
     * @param adjust    changes to the default configuration before it is concluded.
     * @param venueOnly instruments the simulator publishes that the appliance is not configured with.
     * @param tapOnA    wraps the appliance's feed A port, inside any fault injection.
     */
    FeedPathRig(
        final Path dir,
        final Wires wires,
        final Consumer<WirespeedConfig> adjust,
        final List<InstrumentContext> venueOnly,
        final UnaryOperator<NicPort> tapOnA)
    {
        this.wires = wires;
        try
        {
            Files.createDirectories(dir);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        counters = CountersFile.create(dir.resolve("counters"), 2048);

        config = WirespeedConfig.readDefault();
        config.aeron().dir(dir.resolve("aeron"));
        config.sim().snapshotIntervalMs(20);
        wires.configure(config, dir, counters, clock);
        adjust.accept(config);
        config.conclude();
        wires.open(config, counters, clock);

        final NicPort[] appliance = new NicPort[FeedName.values().length];
        for (final FeedName feedName : FeedName.values())
        {
            final FaultContext fault = config.fault(CHANNEL, feedName);
            final NicPort wire = FeedName.A == feedName ?
                tapOnA.apply(wires.appliance(feedName)) : wires.appliance(feedName);
            appliance[feedName.ordinal()] = null == fault ? wire : FaultInjectingPort.wrap(wire, fault, clock);
        }

        driver = MediaDriver.launchEmbedded(new MediaDriver.Context()
            .aeronDirectoryName(config.aeron().dir().toString())
            .threadingMode(ThreadingMode.SHARED)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
        subscription = aeron.addSubscription(config.aeron().channel(), config.aeron().marketDataStreamId());
        final Publication publication = aeron.addExclusivePublication(
            config.aeron().channel(), config.aeron().marketDataStreamId());
        while (!publication.isConnected())
        {
            Thread.onSpinWait();
        }

        final ChannelContext channelContext = config.channel(CHANNEL);
        final List<InstrumentContext> venueInstruments = new ArrayList<>(config.instruments());
        venueInstruments.addAll(venueOnly);
        sim = new MarketDataSimulator(config.sim(), channelContext, venueInstruments, wires.venue(), clock,
            new SimCounters(counters, CHANNEL));
        feed = FeedHandlerAgent.create(config, appliance, publication, counters, clock);
        channel = feed.channel(CHANNEL);
    }

    /**
     * Wires over the shm virtual NIC, files under the run's directory.
     *
     * @return wires to pass to a rig.
     */
    static Wires shm()
    {
        return new ShmWires();
    }

    void runUntil(final long packets)
    {
        while (sim.lastMsgSeqNum() < packets)
        {
            step();
        }
    }

    void settleAndCompare()
    {
        for (int i = 0; i < 2_000_000; i++)
        {
            step();
            if (caughtUp())
            {
                assertBooksEqual();
                return;
            }
        }
        throw new AssertionError("the feed handler never caught up: expected seq " + channel.expectedSeqNum() +
            ", simulator at " + sim.lastMsgSeqNum());
    }

    void report(final String what)
    {
        System.out.printf("%s: gaps %d, packets lost %d, buffer overflows %d, instruments stale %d, " +
            "recoveries %d, duplicates A/B %d/%d, published %,d, publication drops %d (STALE %d, republished %d)%n",
            what, counter(FeedCounter.GAPS),
            counter(FeedCounter.PACKETS_LOST), counter(FeedCounter.RECOVERY_BUFFER_OVERFLOWS),
            counter(FeedCounter.INSTRUMENT_GAPS), counter(FeedCounter.RECOVERIES),
            counter(FeedCounter.DUPLICATES_A), counter(FeedCounter.DUPLICATES_B), published,
            counter(FeedCounter.PUBLISH_DROPPED), publicationLossStale, counter(FeedCounter.REPUBLISHED_AFTER_LOSS));
    }

    void reportTemplates()
    {
        final StringBuilder out = new StringBuilder("decoded by template:");
        for (final FeedCounter counter : FeedCounter.values())
        {
            if (counter.name().startsWith("DECODED_") || counter.name().startsWith("STATISTICS_"))
            {
                out.append(' ').append(counter.name()).append('=').append(counter(counter));
            }
        }
        System.out.println(out);
    }

    long counter(final FeedCounter counter)
    {
        return channel.counters().get(counter);
    }

    private void step()
    {
        clock.advance(STEP_NS);
        sim.doWork();
        while (feed.doWork() > 0)
        {
            subscription.poll(this, 1024);
        }
        subscription.poll(this, 1024);
    }

    private boolean caughtUp()
    {
        if (channel.expectedSeqNum() != sim.lastMsgSeqNum() + 1)
        {
            return false;
        }
        for (int i = 0; i < channel.instrumentCount(); i++)
        {
            if (channel.instrumentAt(i).state() != FeedStateValue.OK)
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Every instrument's book equals the simulator's: a hash per instrument, and level by level so a mismatch
     * shows where.
     */
    private void assertBooksEqual()
    {
        final int depth = config.channel(CHANNEL).bookDepth();
        for (int i = 0; i < sim.instrumentCount(); i++)
        {
            final int securityId = sim.securityId(i);
            final MbpBook venueBook = sim.book(securityId);
            final OrderBook handlerBook = channel.instrument(securityId).book();
            final StringBuilder venueLevels = new StringBuilder();
            final StringBuilder handlerLevels = new StringBuilder();
            long venueHash = 0xcbf29ce484222325L;
            long handlerHash = 0xcbf29ce484222325L;
            for (final Side side : Side.values())
            {
                final int handlerSide = Side.BID == side ? OrderBook.BID : OrderBook.ASK;
                for (int level = 1; level <= depth; level++)
                {
                    final boolean present = level <= venueBook.levelCount(side);
                    final long venuePrice = present ? venueBook.price(side, level) : OrderBook.NULL_PRICE;
                    final long venueQty = present ? venueBook.qty(side, level) : 0;
                    final int venueCount = present ? venueBook.orderCount(side, level) : 0;
                    venueHash = fnv(fnv(fnv(venueHash, venuePrice), venueQty), venueCount);
                    handlerHash = fnv(fnv(fnv(handlerHash, handlerBook.price(handlerSide, level)),
                        handlerBook.quantity(handlerSide, level)), handlerBook.orderCount(handlerSide, level));
                    venueLevels.append(String.format("%n  %s %2d %d x %d (%d)", side, level, venuePrice,
                        venueQty, venueCount));
                    handlerLevels.append(String.format("%n  %s %2d %d x %d (%d)", side, level,
                        handlerBook.price(handlerSide, level), handlerBook.quantity(handlerSide, level),
                        handlerBook.orderCount(handlerSide, level)));
                }
            }
            assertEquals(venueLevels.toString(), handlerLevels.toString(), "book of " + securityId);
            assertEquals(venueHash, handlerHash, "book hash of " + securityId);
        }
        assertTrue(published > 0, "normalized market data was published over Aeron");
    }

    private static long fnv(final long hash, final long value)
    {
        long h = hash;
        for (int i = 0; i < 8; i++)
        {
            h ^= (value >>> (8 * i)) & 0xFF;
            h *= 0x100000001b3L;
        }
        return h;
    }

    public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header h)
    {
        published++;
        header.wrap(buffer, offset);
        if (FeedStateDecoder.TEMPLATE_ID == header.templateId())
        {
            feedState.wrapAndApplyHeader(buffer, offset, header);
            if (FeedStateValue.STALE == feedState.state())
            {
                // a publication loss (this subscriber fell behind, the feed handler dropped and republished) is the
                // stream's matter, not the venue feed path's; it is counted apart
                if (FeedStateReason.PUBLICATION_LOSS == feedState.reason())
                {
                    publicationLossStale++;
                }
                else
                {
                    staleInstruments.add(feedState.securityId());
                }
            }
        }
        else if (StatisticDecoder.TEMPLATE_ID == header.templateId())
        {
            statistic.wrapAndApplyHeader(buffer, offset, header);
            onStatistic(statistic);
        }
    }

    /**
     * The last value of each statistic of each instrument, as a subscriber builds it from the Statistic messages.
     */
    private void onStatistic(final StatisticDecoder message)
    {
        statisticsPublished++;
        final int securityId = message.securityId();
        final BookAction action = message.action();
        if (BookAction.CLEAR == action)
        {
            for (final StatisticType type : StatisticType.values())
            {
                statistics.remove(statisticKey(securityId, type));
            }
            return;
        }
        final StatisticType type = message.statisticType();
        if (BookAction.DELETE == action)
        {
            statistics.remove(statisticKey(securityId, type));
            return;
        }
        final long value = StatisticDecoder.priceNullValue() != message.price() ? message.price() : message.qty();
        statistics.put(statisticKey(securityId, type), value);
    }

    private static long statisticKey(final int securityId, final StatisticType type)
    {
        return ((long)securityId << 8) | type.value();
    }

    /**
     * A statistic's last published value for an instrument, or {@link #NO_STATISTIC} when none stands.
     */
    long publishedStatistic(final int securityId, final StatisticType type)
    {
        return statistics.get(statisticKey(securityId, type));
    }

    /**
     * Every statistic the venue holds for every instrument equals the last value the feed handler published for it;
     * a statistic the venue holds no value for has none published either.
     */
    void assertStatisticsEqual()
    {
        final long nullPrice = Long.MAX_VALUE;
        int compared = 0;
        for (int i = 0; i < sim.instrumentCount(); i++)
        {
            final int securityId = sim.securityId(i);
            for (final SimStatistic venueStatistic : SimStatistic.values())
            {
                final long venue = sim.statistic(securityId, venueStatistic);
                final long published = publishedStatistic(securityId, StatisticType.valueOf(venueStatistic.name()));
                final long expected = nullPrice == venue ? NO_STATISTIC : venue;
                assertEquals(expected, published, "instrument " + securityId + " " + venueStatistic);
                compared++;
            }
        }
        System.out.printf("statistics: %,d published, %d values compared with the venue's, all equal%n",
            statisticsPublished, compared);
    }

    public void close()
    {
        CloseHelper.closeAll(aeron, driver);
        CloseHelper.closeAll(wires);
        feed.onClose();
        sim.onClose();
        counters.close();
    }

    /**
     * The shm virtual NIC: one ring pair per feed, created by the venue side and attached by the appliance.
     */
    private static final class ShmWires implements Wires
    {
        private ShmNicPort[] venue;
        private ShmNicPort[] appliance;

        public void configure(
            final WirespeedConfig config, final Path dir, final CounterAllocator allocator, final EpochNanoClock clock)
        {
            config.nic().shm().path(dir.resolve("nic"));
        }

        public void open(final WirespeedConfig config, final CounterAllocator allocator, final EpochNanoClock clock)
        {
            venue = ShmFeedPorts.create(config.nic().shm(), CHANNEL, allocator, clock);
            appliance = ShmFeedPorts.attach(config.nic().shm(), CHANNEL, allocator, clock);
        }

        public MarketDataPorts venue()
        {
            return new MarketDataPorts(venue[FeedName.A.ordinal()], venue[FeedName.B.ordinal()],
                venue[FeedName.SNAPSHOT.ordinal()], venue[FeedName.DEFINITION.ordinal()]);
        }

        public NicPort appliance(final FeedName feed)
        {
            return appliance[feed.ordinal()];
        }

        public void close()
        {
            CloseHelper.closeAll(appliance);
            CloseHelper.closeAll(venue);
        }
    }
}
