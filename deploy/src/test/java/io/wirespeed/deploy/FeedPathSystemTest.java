package io.wirespeed.deploy;

import io.wirespeed.codecs.print.FramePrinter;
import io.wirespeed.codecs.print.MessagePrinter;
import io.wirespeed.codecs.print.PrintFormat;
import io.wirespeed.config.FaultContext;
import io.wirespeed.config.FeedName;
import io.wirespeed.config.InstrumentContext;
import io.wirespeed.feed.FeedCounter;
import io.wirespeed.nic.FrameHandler;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.NicCounters;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.RxQueue;
import io.wirespeed.nic.TxQueue;
import io.wirespeed.nic.frame.UdpFrameDecoder;
import io.wirespeed.nic.frame.UdpView;
import org.agrona.collections.IntHashSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
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
    private static final int CHANNEL = FeedPathRig.CHANNEL;

    @TempDir
    Path dir;

    @Test
    void losslessMillionPacketsLeaveEveryBookEqualToTheSimulators()
    {
        // trading days of 4 s open and 0.5 s closed, so the run crosses several opens, closes and settlements
        final FeedPathRig run = new FeedPathRig(dir, (config) -> config.sim().openSessionMs(4_000).closedMs(500));
        final long startNs = run.clock.nanoTime();
        run.runUntil(1_000_000);
        run.settleAndCompare();
        run.report("lossless, " + run.sim.lastMsgSeqNum() + " packets over " +
            TimeUnit.NANOSECONDS.toMillis(run.clock.nanoTime() - startNs) + " ms of venue time");
        assertEquals(0, run.counter(FeedCounter.GAPS));
        assertEquals(0, run.staleInstruments.size(), "no instrument may go stale without loss");

        // a real channel's templates, every one decoded, none unknown, every statistic published as the venue holds it
        assertEquals(0, run.counter(FeedCounter.MALFORMED_UNKNOWN_TEMPLATE), "unknown templates");
        assertEquals(0, run.counter(FeedCounter.STATISTIC_ENTRIES_REJECTED), "statistic entries rejected");
        // (a busy channel sends no heartbeat: RealisticChannelTest in exchange-sim sees them on an idle one)
        for (final FeedCounter decoded : List.of(FeedCounter.DECODED_SECURITY_STATUS_30,
            FeedCounter.DECODED_VOLUME_37, FeedCounter.DECODED_BOOK_46,
            FeedCounter.DECODED_TRADE_SUMMARY_48, FeedCounter.DECODED_DAILY_STATISTICS_49,
            FeedCounter.DECODED_LIMITS_BANDING_50, FeedCounter.DECODED_SESSION_STATISTICS_51,
            FeedCounter.DECODED_SNAPSHOT_52, FeedCounter.DECODED_DEFINITION_54))
        {
            assertTrue(run.counter(decoded) > 0, decoded.name());
        }
        for (final FeedCounter published : FeedCounter.values())
        {
            if (published.name().startsWith("STATISTICS_") && FeedCounter.STATISTICS_FIXING_PRICE != published)
            {
                assertTrue(run.counter(published) > 0, published.name() + " (the simulator sends no fixing price)");
            }
        }
        run.reportTemplates();
        run.assertStatisticsEqual();
        run.close();
    }

    @Test
    void onePercentLossOnAOnlyThenBOnlyDeliversNoGap()
    {
        for (final FeedName lossy : new FeedName[]{ FeedName.A, FeedName.B })
        {
            final FeedPathRig run = new FeedPathRig(dir.resolve(lossy.text()), (config) -> config.addFault(
                new FaultContext(CHANNEL, lossy).enabled(true).seed(7).lossRate(0.01)));
            run.runUntil(200_000);
            run.settleAndCompare();
            final long dropped = run.wires.appliance(lossy).counters().value(NicCounter.FAULT_DROPPED);
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
            final FeedPathRig run = new FeedPathRig(dir.resolve("burst-" + burst), (config) ->
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
            final FeedPathRig run = new FeedPathRig(dir.resolve("stale-" + burst), FeedPathRig.shm(), (config) ->
            {
                for (int i = 1; i <= 6; i++)
                {
                    config.addInstrument(new InstrumentContext().symbol("X" + i).securityId(2000 + i)
                        .channel(CHANNEL).tickSize(new BigDecimal("0.25")).contractMultiplier(BigDecimal.TEN));
                }
                config.addFault(new FaultContext(CHANNEL, FeedName.A).enabled(true).lossPositions(positions));
                config.addFault(new FaultContext(CHANNEL, FeedName.B).enabled(true).lossPositions(positions));
            }, List.of(), tap::wrap);
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
        final FeedPathRig run = new FeedPathRig(dir, (config) ->
        {
            config.addFault(new FaultContext(CHANNEL, FeedName.A).enabled(true).seed(11)
                .duplicateRate(0.05).reorderRate(0.05).reorderWindow(4));
            config.addFault(new FaultContext(CHANNEL, FeedName.B).enabled(true).seed(12)
                .duplicateRate(0.05).reorderRate(0.05).reorderWindow(4));
        });
        run.runUntil(200_000);
        run.settleAndCompare();
        run.report("5% duplicates and 5% reordering (window 4) on both feeds");
        final long duplicated = run.wires.appliance(FeedName.A).counters().value(NicCounter.FAULT_DUPLICATED);
        final long reordered = run.wires.appliance(FeedName.B).counters().value(NicCounter.FAULT_REORDERED);
        assertTrue(duplicated > 1_000 && reordered > 1_000, duplicated + " duplicated, " + reordered + " reordered");
        assertTrue(run.counter(FeedCounter.DUPLICATES_A) + run.counter(FeedCounter.DUPLICATES_B) > 200_000);
        assertEquals(0, run.counter(FeedCounter.GAPS));
        assertEquals(0, run.staleInstruments.size());
        run.close();
    }

    @Test
    void channelResetEmptiesTheBooksAndTheyRebuildEqual()
    {
        final FeedPathRig run = new FeedPathRig(dir, (config) -> {});
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
        final FeedPathRig run = new FeedPathRig(dir, FeedPathRig.shm(),
            (config) -> config.sim().definitionIntervalMs(500), List.of(unknown), UnaryOperator.identity());
        run.runUntil(100_000);
        run.settleAndCompare();
        run.report("venue-only instrument 1003");
        assertTrue(run.counter(FeedCounter.UNKNOWN_INSTRUMENTS) > 0, "entries before its definition were counted");
        assertTrue(null != run.channel.instrument(1003), "learned from the definition loop");
        run.close();
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
