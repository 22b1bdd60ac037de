package io.wirespeed.latency.feed;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshBook46Decoder;
import io.wirespeed.codecs.mdp3.MessageHeaderDecoder;
import io.wirespeed.config.FeedName;
import io.wirespeed.config.InstrumentContext;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.feed.FeedChannel;
import io.wirespeed.feed.FeedCounter;
import io.wirespeed.feed.FeedHandlerAgent;
import io.wirespeed.nic.NicCounters;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.status.CountersFile;
import io.wirespeed.sim.MarketDataPorts;
import io.wirespeed.sim.MarketDataSimulator;
import io.wirespeed.sim.SimCounters;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.EpochNanoClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the feed-handler benchmarks share: a configuration with a chosen number of instruments, MDP3 packets recorded
 * from the simulator into memory, an embedded media driver with a subscriber draining normalized market data on its
 * own thread, and feed handler agents built with {@link FeedHandlerAgent#create} over a {@link ReplayPort}.
 */
final class FeedBench implements AutoCloseable
{
    static final int CHANNEL = 310;
    static final long STEP_NS = 50_000;
    static final int COUNTERS = 4096;
    /** A wide window (half a term) so a subscriber descheduled for a while on a busy box does not back-pressure. */
    static final int IPC_TERM_LENGTH = 128 * 1024 * 1024;

    final Path dir;
    final WirespeedConfig config;
    final CountersFile counters;
    final MediaDriver driver;
    final Aeron aeron;
    final ExclusivePublication publication;
    final Drainer drainer;
    private final Thread drainerThread;

    /**
     * A configuration with this many instruments on the channel, a media driver and a draining subscriber.
     *
     * @param instruments on channel 310, the configured defaults included.
     */
    FeedBench(final int instruments)
    {
        try
        {
            final Path shm = Path.of("/dev/shm");
            dir = Files.isDirectory(shm) && Files.isWritable(shm) ?
                Files.createTempDirectory(shm, "wirespeed-feed-bench-") :
                Files.createTempDirectory("wirespeed-feed-bench-");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        config = WirespeedConfig.readDefault();
        config.aeron().dir(dir.resolve("aeron"));
        config.sim().maxClientOrders(0); // no order entry here: no room kept for client orders on every book
        for (int i = config.instruments().size(); i < instruments; i++)
        {
            config.addInstrument(new InstrumentContext().symbol("B" + i).securityId(100_000 + i).channel(CHANNEL)
                .tickSize(new BigDecimal("0.25")).contractMultiplier(BigDecimal.TEN));
        }
        config.conclude();
        counters = CountersFile.create(dir.resolve("counters"), COUNTERS);

        driver = MediaDriver.launchEmbedded(new MediaDriver.Context()
            .aeronDirectoryName(config.aeron().dir().toString())
            .threadingMode(ThreadingMode.INVOKER)
            .ipcTermBufferLength(IPC_TERM_LENGTH)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
        drainer = new Drainer(driver.sharedAgentInvoker());
        drainerThread = new Thread(drainer, "md-subscriber");
        drainerThread.setDaemon(true);
        drainerThread.start();
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
        final Subscription subscription =
            aeron.addSubscription(config.aeron().channel(), config.aeron().marketDataStreamId());
        publication = aeron.addExclusivePublication(config.aeron().channel(), config.aeron().marketDataStreamId());
        while (!publication.isConnected() || 0 == subscription.imageCount())
        {
            Thread.yield();
        }
        drainer.image = subscription.imageAtIndex(0);
    }

    /**
     * Run the simulator on a hand clock until it has sent this many packets on feed A, starting with a channel reset.
     *
     * @param packets on feed A.
     * @return feed A's packets; the other feeds are discarded.
     */
    FrameLog record(final long packets)
    {
        final FrameLog log = new FrameLog();
        final ManualClock clock = new ManualClock(1_700_000_000_000_000_000L);
        final NicPort a = log.recorder("sim-a", new NicCounters(counters, "sim-a"), clock);
        final NicPort b = FrameLog.discarder("sim-b", new NicCounters(counters, "sim-b"));
        final NicPort snapshot = FrameLog.discarder("sim-snapshot", new NicCounters(counters, "sim-snapshot"));
        final NicPort definition = FrameLog.discarder("sim-definition", new NicCounters(counters, "sim-definition"));
        final SimCounters simCounters = new SimCounters(counters, CHANNEL);
        final MarketDataSimulator sim = new MarketDataSimulator(config.sim(), config.channel(CHANNEL),
            config.instruments(), new MarketDataPorts(a, b, snapshot, definition), clock, simCounters);
        try
        {
            if (!sim.requestChannelReset())
            {
                throw new IllegalStateException("the simulator refused a channel reset");
            }
            while (sim.lastMsgSeqNum() < packets)
            {
                clock.advance(STEP_NS);
                sim.doWork();
            }
        }
        finally
        {
            sim.onClose();
            CloseHelper.closeAll(a, b, snapshot, definition);
        }
        return log;
    }

    /**
     * A feed handler agent for the configuration, fed by a replay port and timed by it.
     *
     * @param port the replay.
     * @return the agent, whose channel counters are allocated in this bench's counters file.
     */
    FeedHandlerAgent agent(final ReplayPort port)
    {
        return FeedHandlerAgent.create(config, new NicPort[]{ port }, publication, counters, port);
    }

    /**
     * A replay port over a log.
     *
     * @param log to replay.
     * @return the port, with no frame budget yet.
     */
    ReplayPort replay(final FrameLog log)
    {
        return new ReplayPort("replay-" + FeedName.A.text(), log, new NicCounters(counters, "replay"));
    }

    /**
     * Run an agent until its replay port has handed out its whole budget.
     *
     * @param agent to run.
     * @param port  feeding it.
     * @return nanoseconds it took.
     */
    static long runToEnd(final FeedHandlerAgent agent, final ReplayPort port)
    {
        final long startNs = System.nanoTime();
        while (!port.isDone())
        {
            agent.doWork();
        }
        return System.nanoTime() - startNs;
    }

    /**
     * Wait until the subscriber has consumed everything published so far.
     */
    void awaitDrained()
    {
        final long target = publication.position();
        while (drainer.drainedPosition < target)
        {
            Thread.yield();
        }
    }

    static long counter(final FeedHandlerAgent agent, final FeedCounter counter)
    {
        final FeedChannel channel = agent.channel(CHANNEL);
        return channel.counters().get(counter);
    }

    /**
     * MDP3 book entries (NoMDEntries of MDIncrementalRefreshBook46) in every packet of a log.
     *
     * @param log of frames as the simulator sent them.
     * @return the number of book entries.
     */
    static long bookEntries(final FrameLog log)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final MDIncrementalRefreshBook46Decoder book = new MDIncrementalRefreshBook46Decoder();
        final DirectBuffer buffer = log.buffer();
        long entries = 0;
        int offset = 0;
        while (offset < log.limit())
        {
            final int length = buffer.getInt(offset + FrameLog.LENGTH_OFFSET);
            final int frame = offset + FrameLog.FRAME_OFFSET;
            final int payload = frame + 14 + ((buffer.getByte(frame + 14) & 0x0F) << 2) + 8;
            final int end = frame + length;
            int message = payload + 12;
            while (message + 2 <= end)
            {
                final int size = buffer.getShort(message, java.nio.ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
                if (size < 2 + MessageHeaderDecoder.ENCODED_LENGTH)
                {
                    break;
                }
                header.wrap(buffer, message + 2);
                if (MDIncrementalRefreshBook46Decoder.TEMPLATE_ID == header.templateId())
                {
                    book.wrapAndApplyHeader(buffer, message + 2, header);
                    entries += book.noMDEntries().count();
                }
                message += size;
            }
            offset += FrameLog.recordLength(length);
        }
        return entries;
    }

    public void close()
    {
        drainer.running = false;
        try
        {
            drainerThread.join();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        CloseHelper.closeAll(aeron, driver, counters);
        try (var paths = Files.walk(dir))
        {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Runs the media driver's duty cycle (INVOKER mode, so it is never starved of a core) and drains the market
     * data stream on one thread, counting fragments and bytes.
     */
    static final class Drainer implements Runnable, FragmentHandler
    {
        volatile boolean running = true;
        volatile boolean paused;
        volatile long fragments;
        volatile long bytes;
        volatile long drainedPosition;
        volatile Image image;
        private final AgentInvoker driverInvoker;
        private long fragmentCount;
        private long byteCount;

        Drainer(final AgentInvoker driverInvoker)
        {
            this.driverInvoker = driverInvoker;
        }

        public void run()
        {
            while (running)
            {
                final Image image = this.image;
                final int work = driverInvoker.invoke();
                final int polled = null == image || paused ? 0 : image.poll(this, 1024);
                if (0 == polled)
                {
                    if (0 == work)
                    {
                        Thread.yield();
                    }
                }
                else
                {
                    fragments = fragmentCount;
                    bytes = byteCount;
                    drainedPosition = image.position();
                }
            }
        }

        public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            fragmentCount++;
            byteCount += length;
        }
    }

    /**
     * A clock the recorder advances by hand.
     */
    static final class ManualClock implements EpochNanoClock
    {
        private long nowNs;

        ManualClock(final long nowNs)
        {
            this.nowNs = nowNs;
        }

        void advance(final long ns)
        {
            nowNs += ns;
        }

        public long nanoTime()
        {
            return nowNs;
        }
    }
}
