package io.wirespeed.deploy;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.wirespeed.codecs.internal.BookUpdateDecoder;
import io.wirespeed.codecs.internal.FeedStateDecoder;
import io.wirespeed.codecs.internal.FeedStateValue;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.codecs.internal.TopOfBookDecoder;
import io.wirespeed.codecs.internal.TradeDecoder;
import io.wirespeed.config.AgentRole;
import io.wirespeed.config.ChannelContext;
import io.wirespeed.config.FeedName;
import io.wirespeed.config.IdleStrategies;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.feed.FeedChannel;
import io.wirespeed.feed.FeedCounter;
import io.wirespeed.feed.FeedHandlerAgent;
import io.wirespeed.feed.OrderBook;
import io.wirespeed.nic.shm.ShmFeedPorts;
import io.wirespeed.nic.shm.ShmNicPort;
import io.wirespeed.nic.status.CountersFile;
import io.wirespeed.sim.MarketDataPorts;
import io.wirespeed.sim.MarketDataSimulator;
import io.wirespeed.sim.MbpBook;
import io.wirespeed.sim.Side;
import io.wirespeed.sim.SimCounters;
import org.HdrHistogram.Histogram;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.IoUtil;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The feed path as the appliance runs it: the exchange simulator on the venue side of per-feed shm wires, the feed
 * handler on the other side publishing normalized market data over Aeron IPC (embedded media driver), and a
 * strategy-side subscriber recording, per message, the time from the frame reaching the NIC to its decode.
 */
final class FeedPathRun implements FragmentHandler
{
    private final WirespeedConfig config;
    private final EpochNanoClock clock = new OffsetEpochNanoClock();
    private final Histogram wireToStrategy = new Histogram(60_000_000_000L, 3);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final BookUpdateDecoder bookUpdate = new BookUpdateDecoder();
    private final TopOfBookDecoder topOfBook = new TopOfBookDecoder();
    private final TradeDecoder trade = new TradeDecoder();
    private final FeedStateDecoder feedState = new FeedStateDecoder();
    private long messages;
    private long staleMessages;

    FeedPathRun(final WirespeedConfig config)
    {
        this.config = config;
    }

    /**
     * Run for a time, then stop the simulator, let the handler drain, and compare every book with the simulator's.
     *
     * @param seconds how long the simulator publishes.
     * @param out     progress and results.
     * @return true when every book equals the simulator's.
     */
    boolean run(final long seconds, final PrintWriter out)
    {
        final Path shmPath = config.nic().shm().path();
        final List<ShmNicPort> ports = new ArrayList<>();
        final List<MarketDataSimulator> simulators = new ArrayList<>();
        CountersFile counters = null;
        MediaDriver driver = null;
        Aeron aeron = null;
        AgentRunner simRunner = null;
        AgentRunner feedRunner = null;
        final FeedHandlerAgent feed;
        try
        {
            counters = CountersFile.create(Path.of(shmPath + "-counters"), 4096);
            final List<ShmNicPort> appliancePorts = new ArrayList<>();
            for (final ChannelContext channel : config.channels())
            {
                final ShmNicPort[] venue = ShmFeedPorts.create(config.nic().shm(), channel.id(), counters, clock);
                ports.addAll(List.of(venue));
                final ShmNicPort[] appliance = ShmFeedPorts.attach(config.nic().shm(), channel.id(), counters, clock);
                ports.addAll(List.of(appliance));
                appliancePorts.addAll(List.of(appliance));
                simulators.add(new MarketDataSimulator(config.sim(), channel, config.instruments(),
                    new MarketDataPorts(venue[FeedName.A.ordinal()], venue[FeedName.B.ordinal()],
                    venue[FeedName.SNAPSHOT.ordinal()], venue[FeedName.DEFINITION.ordinal()]),
                    clock, new SimCounters(counters, channel.id())));
            }

            driver = MediaDriver.launchEmbedded(new MediaDriver.Context()
                .aeronDirectoryName(config.aeron().dir().toString())
                .threadingMode(ThreadingMode.SHARED)
                .sharedIdleStrategy(new BackoffIdleStrategy())
                .dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true));
            aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
            final Subscription subscription = aeron.addSubscription(
                config.aeron().channel(), config.aeron().marketDataStreamId());
            final Publication publication = aeron.addExclusivePublication(
                config.aeron().channel(), config.aeron().marketDataStreamId());
            while (!publication.isConnected())
            {
                Thread.onSpinWait();
            }
            feed = FeedHandlerAgent.create(config, appliancePorts.toArray(new ShmNicPort[0]), publication, counters,
                clock);
            out.printf("  %d channel(s) over shm wires at %s-*, media driver at %s%n",
                config.channels().size(), shmPath, config.aeron().dir());
            out.flush();

            feedRunner = new AgentRunner(IdleStrategies.of(config.agent(AgentRole.FEED)), Throwable::printStackTrace,
                null, feed);
            simRunner = new AgentRunner(IdleStrategies.of(config.agent(AgentRole.SIM)), Throwable::printStackTrace,
                null, simulators.size() == 1 ? simulators.get(0) :
                new CompositeAgent(simulators.toArray(new MarketDataSimulator[0])));
            AgentThreads.start(feedRunner, config.agent(AgentRole.FEED), out);
            AgentThreads.start(simRunner, config.agent(AgentRole.SIM), out);

            final BackoffIdleStrategy idle = new BackoffIdleStrategy();
            final long startNs = System.nanoTime();
            long nextReportNs = startNs + TimeUnit.SECONDS.toNanos(1);
            while (System.nanoTime() - startNs < TimeUnit.SECONDS.toNanos(seconds))
            {
                idle.idle(subscription.poll(this, 256));
                if (System.nanoTime() - nextReportNs >= 0)
                {
                    progress(out, feed, simulators);
                    nextReportNs += TimeUnit.SECONDS.toNanos(1);
                }
            }

            CloseHelper.close(simRunner);
            simRunner = null;
            long quietSinceNs = System.nanoTime();
            while (System.nanoTime() - quietSinceNs < TimeUnit.MILLISECONDS.toNanos(200))
            {
                if (subscription.poll(this, 256) > 0)
                {
                    quietSinceNs = System.nanoTime();
                }
            }
            CloseHelper.close(feedRunner);
            feedRunner = null;
            progress(out, feed, simulators);
            return compareBooks(out, feed, simulators);
        }
        finally
        {
            CloseHelper.closeAll(simRunner, feedRunner, aeron, driver);
            CloseHelper.closeAll(ports);
            CloseHelper.close(counters);
            deleteWires(shmPath);
        }
    }

    private void deleteWires(final Path shmPath)
    {
        // the demo owns both sides of every wire, so it removes them on exit like the embedded media driver's dir
        IoUtil.deleteIfExists(Path.of(shmPath + "-counters").toFile());
        for (final ChannelContext channel : config.channels())
        {
            for (final FeedName feed : FeedName.values())
            {
                IoUtil.deleteIfExists(ShmFeedPorts.feedContext(config.nic().shm(), channel.id(), feed).path().toFile());
            }
        }
    }

    Histogram wireToStrategy()
    {
        return wireToStrategy;
    }

    long messages()
    {
        return messages;
    }

    public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header h)
    {
        final long nowNs = clock.nanoTime();
        header.wrap(buffer, offset);
        final long rxTimestampNs;
        switch (header.templateId())
        {
            case BookUpdateDecoder.TEMPLATE_ID:
                rxTimestampNs = bookUpdate.wrapAndApplyHeader(buffer, offset, header).rxTimestampNs();
                break;
            case TopOfBookDecoder.TEMPLATE_ID:
                rxTimestampNs = topOfBook.wrapAndApplyHeader(buffer, offset, header).rxTimestampNs();
                break;
            case TradeDecoder.TEMPLATE_ID:
                rxTimestampNs = trade.wrapAndApplyHeader(buffer, offset, header).rxTimestampNs();
                break;
            case FeedStateDecoder.TEMPLATE_ID:
                staleMessages += FeedStateValue.STALE == feedState.wrapAndApplyHeader(buffer, offset, header).state() ?
                    1 : 0;
                rxTimestampNs = 0;
                break;
            default:
                rxTimestampNs = 0;
        }
        messages++;
        if (rxTimestampNs > 0)
        {
            wireToStrategy.recordValue(Math.max(0, nowNs - rxTimestampNs));
        }
    }

    private void progress(final PrintWriter out, final FeedHandlerAgent feed, final List<MarketDataSimulator> sims)
    {
        for (final MarketDataSimulator sim : sims)
        {
            out.printf("  %s: venue sent MsgSeqNum %,d; %,d normalized messages received, %d stale%n",
                sim.roleName(), sim.lastMsgSeqNum(), messages, staleMessages);
        }
        out.flush();
    }

    private boolean compareBooks(
        final PrintWriter out, final FeedHandlerAgent feed, final List<MarketDataSimulator> sims)
    {
        boolean allEqual = true;
        for (final MarketDataSimulator sim : sims)
        {
            for (final ChannelContext context : config.channels())
            {
                final FeedChannel channel = feed.channel(context.id());
                for (int i = 0; i < sim.instrumentCount(); i++)
                {
                    final int securityId = sim.securityId(i);
                    if (null == channel.instrument(securityId))
                    {
                        continue;
                    }
                    final boolean equal = sameBook(sim.book(securityId), channel.instrument(securityId).book(),
                        context.bookDepth());
                    allEqual &= equal;
                    out.printf("  book %d: %s (handler expects MsgSeqNum %,d; gaps %d)%n", securityId,
                        equal ? "equal to the simulator's" : "DIFFERS from the simulator's",
                        channel.expectedSeqNum(), channel.counters().get(FeedCounter.GAPS));
                }
            }
        }
        out.flush();
        return allEqual;
    }

    private static boolean sameBook(final MbpBook venue, final OrderBook handler, final int depth)
    {
        for (final Side side : Side.values())
        {
            final int handlerSide = Side.BID == side ? OrderBook.BID : OrderBook.ASK;
            for (int level = 1; level <= depth; level++)
            {
                final boolean present = level <= venue.levelCount(side);
                if ((present ? venue.price(side, level) : OrderBook.NULL_PRICE) != handler.price(handlerSide, level) ||
                    (present ? venue.qty(side, level) : 0) != handler.quantity(handlerSide, level) ||
                    (present ? venue.orderCount(side, level) : 0) != handler.orderCount(handlerSide, level))
                {
                    return false;
                }
            }
        }
        return true;
    }
}
