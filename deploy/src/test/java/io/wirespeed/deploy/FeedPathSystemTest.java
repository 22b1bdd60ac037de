package io.wirespeed.deploy;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.logbuffer.FragmentHandler;
import io.wirespeed.codecs.internal.FeedStateDecoder;
import io.wirespeed.codecs.internal.FeedStateValue;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.config.ChannelContext;
import io.wirespeed.config.FaultContext;
import io.wirespeed.config.FeedName;
import io.wirespeed.config.InstrumentContext;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.feed.FeedChannel;
import io.wirespeed.feed.FeedCounter;
import io.wirespeed.feed.FeedHandlerAgent;
import io.wirespeed.feed.OrderBook;
import io.wirespeed.codecs.print.FramePrinter;
import io.wirespeed.codecs.print.MessagePrinter;
import io.wirespeed.codecs.print.PrintFormat;
import io.wirespeed.nic.FrameHandler;
import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.NicCounters;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.RxQueue;
import io.wirespeed.nic.TxQueue;
import io.wirespeed.nic.frame.UdpFrameDecoder;
import io.wirespeed.nic.frame.UdpView;
import io.wirespeed.nic.fault.FaultInjectingPort;
import io.wirespeed.nic.shm.ShmFeedPorts;
import io.wirespeed.nic.shm.ShmNicPort;
import io.wirespeed.nic.status.CountersFile;
import io.wirespeed.sim.MarketDataPorts;
import io.wirespeed.sim.MarketDataSimulator;
import io.wirespeed.sim.MbpBook;
import io.wirespeed.sim.Side;
import io.wirespeed.sim.SimCounters;
import org.agrona.CloseHelper;
import org.agrona.collections.IntHashSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The feed path end to end with real parts: the exchange simulator publishing MDP3 on A, B, snapshot and definition
 * shm wires, the feed handler on the far side, normalized market data over Aeron IPC on an embedded media driver.
 * Time is a clock the test advances, so runs are exact and fast; both agents are driven by calling doWork().
 */
@Tag("slow")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
final class FeedPathSystemTest
{
    private static final int CHANNEL = 310;
    private static final long STEP_NS = 50_000;

    @TempDir
    Path dir;

    @Test
    void losslessMillionPacketsLeaveEveryBookEqualToTheSimulators()
    {
        final Run run = new Run(dir, (config) -> {});
        run.runUntil(1_000_000);
        run.settleAndCompare();
        run.report("lossless, " + run.sim.lastMsgSeqNum() + " packets");
        assertEquals(0, run.counter(FeedCounter.GAPS));
        assertEquals(0, run.staleInstruments.size(), "no instrument may go stale without loss");
        run.close();
    }

    @Test
    void onePercentLossOnAOnlyThenBOnlyDeliversNoGap()
    {
        for (final FeedName lossy : new FeedName[]{ FeedName.A, FeedName.B })
        {
            final Run run = new Run(dir.resolve(lossy.text()), (config) -> config.addFault(
                new FaultContext(CHANNEL, lossy).enabled(true).seed(7).lossRate(0.01)));
            run.runUntil(200_000);
            run.settleAndCompare();
            final long dropped = run.applianceWires[lossy.ordinal()].counters().value(NicCounter.FAULT_DROPPED);
            run.report("1% loss on " + lossy.text() + ", " + dropped + " frames dropped");
            assertTrue(dropped > 1_000, "1% of 200,000 frames dropped on " + lossy.text() + ": " + dropped);
            assertEquals(0, run.counter(FeedCounter.GAPS), lossy.text());
            assertEquals(0, run.staleInstruments.size(), lossy.text());
            run.close();
        }
    }

    @Test
    void burstsLostOnBothFeedsAreDetectedAndRecoveredFromSnapshots()
    {
        for (final int burst : new int[]{ 1, 5, 100, 10_000 })
        {
            final long[] positions = new long[burst];
            for (int i = 0; i < burst; i++)
            {
                positions[i] = 50_000 + i;
            }
            final Run run = new Run(dir.resolve("burst-" + burst), (config) ->
            {
                config.addFault(new FaultContext(CHANNEL, FeedName.A).enabled(true).lossPositions(positions));
                config.addFault(new FaultContext(CHANNEL, FeedName.B).enabled(true).lossPositions(positions));
            });
            run.runUntil(100_000);
            run.settleAndCompare();
            run.report("burst of " + burst + " lost on both feeds");
            assertEquals(1, run.counter(FeedCounter.GAPS), "one lost run is one gap, burst " + burst);
            assertEquals(burst, run.counter(FeedCounter.PACKETS_LOST), "burst " + burst);
            assertTrue(run.staleInstruments.size() >= 1, "an affected instrument was marked stale, burst " + burst);
            assertEquals(run.staleInstruments.size(), run.counter(FeedCounter.RECOVERIES),
                "one recovery per affected instrument, burst " + burst);
            run.close();
        }
    }

    @Test
    void onlyInstrumentsWithEntriesInTheLostPacketsGoStale()
    {
        for (final int burst : new int[]{ 1, 3 })
        {
            final long[] positions = new long[burst];
            for (int i = 0; i < burst; i++)
            {
                positions[i] = 30_000 + i;
            }
            final LostFrameTap tap = new LostFrameTap(positions);
            final Run run = new Run(dir.resolve("stale-" + burst), (config) ->
            {
                for (int i = 1; i <= 6; i++)
                {
                    config.addInstrument(new InstrumentContext().symbol("X" + i).securityId(2000 + i)
                        .channel(CHANNEL).tickSize(new BigDecimal("0.25")).contractMultiplier(BigDecimal.TEN));
                }
                config.addFault(new FaultContext(CHANNEL, FeedName.A).enabled(true).lossPositions(positions));
                config.addFault(new FaultContext(CHANNEL, FeedName.B).enabled(true).lossPositions(positions));
            }, List.of(), tap);
            run.runUntil(60_000);
            run.settleAndCompare();
            run.report("burst of " + burst + " with 8 instruments, lost packets carried " + tap.touched);
            final int touched = tap.touched.size();
            assertTrue(touched >= 1 && touched < run.sim.instrumentCount(), tap.touched::toString);
            assertEquals(tap.touched, run.staleInstruments,
                "stale exactly the instruments with entries in the lost packets");
            assertEquals(1, run.counter(FeedCounter.GAPS), "burst " + burst);
            assertEquals(touched, run.counter(FeedCounter.RECOVERIES), "burst " + burst);
            run.close();
        }
    }

    @Test
    void duplicatesAndReorderingWithinAWindowOnBothFeedsChangeNothing()
    {
        final Run run = new Run(dir, (config) ->
        {
            config.addFault(new FaultContext(CHANNEL, FeedName.A).enabled(true).seed(11)
                .duplicateRate(0.05).reorderRate(0.05).reorderWindow(4));
            config.addFault(new FaultContext(CHANNEL, FeedName.B).enabled(true).seed(12)
                .duplicateRate(0.05).reorderRate(0.05).reorderWindow(4));
        });
        run.runUntil(200_000);
        run.settleAndCompare();
        run.report("5% duplicates and 5% reordering (window 4) on both feeds");
        final long duplicated = run.applianceWires[FeedName.A.ordinal()].counters().value(NicCounter.FAULT_DUPLICATED);
        final long reordered = run.applianceWires[FeedName.B.ordinal()].counters().value(NicCounter.FAULT_REORDERED);
        assertTrue(duplicated > 1_000 && reordered > 1_000, duplicated + " duplicated, " + reordered + " reordered");
        assertTrue(run.counter(FeedCounter.DUPLICATES_A) + run.counter(FeedCounter.DUPLICATES_B) > 200_000);
        assertEquals(0, run.counter(FeedCounter.GAPS));
        assertEquals(0, run.staleInstruments.size());
        run.close();
    }

    @Test
    void channelResetEmptiesTheBooksAndTheyRebuildEqual()
    {
        final Run run = new Run(dir, (config) -> {});
        run.runUntil(50_000);
        run.sim.requestChannelReset();
        run.runUntil(100_000);
        run.settleAndCompare();
        run.report("channel reset at 50,000");
        assertEquals(1, run.counter(FeedCounter.CHANNEL_RESETS));
        assertEquals(0, run.counter(FeedCounter.GAPS));
        run.close();
    }

    @Test
    void anInstrumentOnlyTheVenueKnowsIsCountedThenLearnedFromTheDefinitionLoop()
    {
        final InstrumentContext unknown = new InstrumentContext().symbol("YMZ5").securityId(1003).channel(CHANNEL)
            .tickSize(new BigDecimal("1")).contractMultiplier(new BigDecimal("5"));
        unknown.conclude();
        final Run run = new Run(dir, (config) -> config.sim().definitionIntervalMs(500), List.of(unknown));
        run.runUntil(100_000);
        run.settleAndCompare();
        run.report("venue-only instrument 1003");
        assertTrue(run.counter(FeedCounter.UNKNOWN_INSTRUMENTS) > 0, "entries before its definition were counted");
        assertTrue(null != run.channel.instrument(1003), "learned from the definition loop");
        run.close();
    }

    /**
     * One simulator and one feed handler over shm, with an embedded media driver.
     */
    private static final class Run implements FragmentHandler, AutoCloseable
    {
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(1_700_000_000_000_000_000L);
        final IntHashSet staleInstruments = new IntHashSet();
        final WirespeedConfig config;
        final CountersFile counters;
        final ShmNicPort[] venue;
        final ShmNicPort[] applianceWires;
        final MediaDriver driver;
        final Aeron aeron;
        final Subscription subscription;
        final MarketDataSimulator sim;
        final FeedHandlerAgent feed;
        final FeedChannel channel;
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final FeedStateDecoder feedState = new FeedStateDecoder();
        long published;

        Run(final Path dir, final Consumer<WirespeedConfig> adjust)
        {
            this(dir, adjust, List.of());
        }

        Run(final Path dir, final Consumer<WirespeedConfig> adjust, final List<InstrumentContext> venueOnly)
        {
            this(dir, adjust, venueOnly, null);
        }

        Run(
            final Path dir,
            final Consumer<WirespeedConfig> adjust,
            final List<InstrumentContext> venueOnly,
            final LostFrameTap tapOnA)
        {
            config = WirespeedConfig.readDefault();
            config.nic().shm().path(dir.resolve("nic"));
            config.aeron().dir(dir.resolve("aeron"));
            config.sim().snapshotIntervalMs(20);
            adjust.accept(config);
            config.conclude();

            try
            {
                Files.createDirectories(dir);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
            counters = CountersFile.create(dir.resolve("counters"), 2048);
            venue = ShmFeedPorts.create(config.nic().shm(), CHANNEL, counters, clock);
            applianceWires = ShmFeedPorts.attach(config.nic().shm(), CHANNEL, counters, clock);
            final NicPort[] appliance = new NicPort[applianceWires.length];
            for (final FeedName feedName : FeedName.values())
            {
                final FaultContext fault = config.fault(CHANNEL, feedName);
                final NicPort wire = null != tapOnA && FeedName.A == feedName ?
                    tapOnA.wrap(applianceWires[feedName.ordinal()]) : applianceWires[feedName.ordinal()];
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
            sim = new MarketDataSimulator(config.sim(), channelContext, venueInstruments,
                new MarketDataPorts(venue[FeedName.A.ordinal()], venue[FeedName.B.ordinal()],
                venue[FeedName.SNAPSHOT.ordinal()], venue[FeedName.DEFINITION.ordinal()]),
                clock, new SimCounters(counters, CHANNEL));
            feed = FeedHandlerAgent.create(config, appliance, publication, counters, clock);
            channel = feed.channel(CHANNEL);
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
                "recoveries %d, duplicates A/B %d/%d, published %,d%n", what, counter(FeedCounter.GAPS),
                counter(FeedCounter.PACKETS_LOST), counter(FeedCounter.RECOVERY_BUFFER_OVERFLOWS),
                counter(FeedCounter.INSTRUMENT_GAPS), counter(FeedCounter.RECOVERIES),
                counter(FeedCounter.DUPLICATES_A), counter(FeedCounter.DUPLICATES_B), published);
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

        public void onFragment(
            final org.agrona.DirectBuffer buffer, final int offset, final int length, final io.aeron.logbuffer.Header h)
        {
            published++;
            header.wrap(buffer, offset);
            if (FeedStateDecoder.TEMPLATE_ID == header.templateId())
            {
                feedState.wrapAndApplyHeader(buffer, offset, header);
                if (FeedStateValue.STALE == feedState.state())
                {
                    staleInstruments.add(feedState.securityId());
                }
            }
        }

        public void close()
        {
            CloseHelper.closeAll(aeron, driver);
            CloseHelper.closeAll(applianceWires);
            CloseHelper.closeAll(venue);
            feed.onClose();
            sim.onClose();
            counters.close();
        }
    }

    /**
     * Sits between a feed's wire and its fault injector and records which instruments the frames at the given
     * ordinals carried, so a test knows what a loss took away.
     */
    private static final class LostFrameTap
    {
        final IntHashSet touched = new IntHashSet();
        private final long[] positions;
        private final FramePrinter printer = new FramePrinter(MessagePrinter.fromClasspath());
        private final Pattern securityId = Pattern.compile("SecurityID=(\\d+)");
        private long ordinal;

        LostFrameTap(final long[] positions)
        {
            this.positions = positions;
        }

        NicPort wrap(final NicPort port)
        {
            final UdpFrameDecoder decoder = new UdpFrameDecoder(port.counters());
            final UdpView view = new UdpView();
            final RxQueue rx = port.rxQueue(0);
            final RxQueue tapped = new RxQueue()
            {
                public int poll(final FrameHandler handler, final int limit)
                {
                    return rx.poll((buffer, offset, length, rxTimestampNs) ->
                    {
                        ordinal++;
                        if (LongStream.of(positions).anyMatch((p) -> p == ordinal) &&
                            UdpFrameDecoder.UDP == decoder.decode(buffer, offset, length, rxTimestampNs, view))
                        {
                            final Matcher matcher = securityId.matcher(printer.mdp3Packet(
                                PrintFormat.TEXT, view.buffer(), view.payloadOffset(), view.payloadLength()));
                            while (matcher.find())
                            {
                                touched.add(Integer.parseInt(matcher.group(1)));
                            }
                        }
                        handler.onFrame(buffer, offset, length, rxTimestampNs);
                    }, limit);
                }

                public int queueId()
                {
                    return rx.queueId();
                }
            };
            return new NicPort()
            {
                public String name()
                {
                    return port.name();
                }

                public int rxQueueCount()
                {
                    return 1;
                }

                public int txQueueCount()
                {
                    return port.txQueueCount();
                }

                public RxQueue rxQueue(final int queueId)
                {
                    return tapped;
                }

                public TxQueue txQueue(final int queueId)
                {
                    return port.txQueue(queueId);
                }

                public NicCounters counters()
                {
                    return port.counters();
                }

                public void close()
                {
                }
            };
        }
    }
}
