package io.wirespeed.replay;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.feed.FeedChannel;
import io.wirespeed.feed.FeedHandlerAgent;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.status.CountersFile;
import io.wirespeed.replay.nic.JournalRuns;
import org.agrona.CloseHelper;
import org.agrona.IoUtil;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SystemNanoClock;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A replay: captures or a journal run through the real feed handler on one thread and one clock, the recorded time.
 * <p>
 * An embedded Aeron media driver in invoker mode, in a temporary directory deleted afterwards, carries the feed
 * handler's publication to a subscription on the same stream; each duty cycle invokes the driver, the client
 * conductor, the feed handler, then every {@link ReplayParticipant}'s agent, then drains the subscription. The clock
 * handed to the feed handler is a {@link PacedClock}: the pace only delays each move to the next recorded instant, so
 * every pace shows the pipeline the same instants and the same frames at each. The replay ends once every frame has
 * been delivered, the participants have no event left and nothing is left to drain.
 */
public final class Replay
{
    private static final int FRAGMENT_LIMIT = 1024;
    /**
     * Busy duty cycles between two invocations of the driver and the client conductor: they only move the
     * publication's limit and keep the client alive, and a few cycles publish far less than the term window.
     */
    private static final int AERON_INVOKE_INTERVAL = 16;
    private static final long NO_TIME = Pacer.NO_STOP;

    private final ReplayOptions options;
    private final PrintStream out;

    private Replay(final ReplayOptions options)
    {
        this.options = options;
        this.out = options.out();
    }

    /**
     * Run a replay to its end (or its stop), printing the session summary.
     *
     * @param options       what to replay and how.
     * @param stopRequested polled every duty cycle: true stops the replay, with the summary.
     * @throws ReplayException naming the option or key that cannot be honoured.
     */
    public static void run(final ReplayOptions options, final BooleanSupplier stopRequested)
    {
        new Replay(options).run(stopRequested);
    }

    private void run(final BooleanSupplier stopRequested)
    {
        final JournalRuns.Choice choice = ReplayInput.choose(options.inputs(), options.run());
        final WirespeedConfig preliminary = null == choice ?
            ReplayConfig.build(options.config(), null, options.feeds()) : null;
        final Path workDir = tempDir();
        final List<AutoCloseable> closeables = new ArrayList<>();
        try
        {
            final CountersFile counters = CountersFile.create(workDir.resolve("counters"), 8192);
            closeables.add(counters);
            final ReplayInput input = ReplayInput.open(options.inputs(), choice, counters);
            closeables.add(0, input);
            final WirespeedConfig config = null != preliminary ? preliminary :
                ReplayConfig.build(options.config(), input.recordedConfig(), options.feeds());

            double rawSeconds = 0;
            long rawFrames = 0;
            if (options.rawBaseline())
            {
                final long startNs = System.nanoTime();
                rawFrames = input.readRaw(counters);
                rawSeconds = (System.nanoTime() - startNs) / 1e9;
            }

            final MediaDriver driver = MediaDriver.launch(new MediaDriver.Context()
                .aeronDirectoryName(workDir.resolve("aeron").toString())
                .threadingMode(ThreadingMode.INVOKER)
                .ipcTermBufferLength(config.aeron().ipcTermLengthBytes())
                .dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true));
            closeables.add(0, driver);
            final AgentInvoker driverInvoker = driver.sharedAgentInvoker();
            final Aeron aeron = Aeron.connect(new Aeron.Context()
                .aeronDirectoryName(driver.aeronDirectoryName())
                .useConductorAgentInvoker(true)
                .driverAgentInvoker(driverInvoker));
            closeables.add(0, aeron);
            final AgentInvoker conductor = aeron.conductorAgentInvoker();
            final int streamId = config.aeron().marketDataStreamId();
            final Subscription subscription = aeron.addSubscription("aeron:ipc", streamId);
            final ExclusivePublication publication = aeron.addExclusivePublication("aeron:ipc", streamId);
            while (!publication.isConnected() || !subscription.isConnected())
            {
                driverInvoker.invoke();
                conductor.invoke();
            }
            final MarketDataRecorder recorder = new MarketDataRecorder(options.output());
            closeables.add(0, recorder);
            final ReplayParticipant[] participants = options.participants().toArray(new ReplayParticipant[0]);
            for (final ReplayParticipant participant : participants)
            {
                closeables.add(0, participant);
            }

            final Pacer pacer = new Pacer(options.pace(), SystemNanoClock.INSTANCE);
            final PacedClock clock = new PacedClock(input.clock(), pacer, participants);
            final long firstNs = input.clock().nanoTime();
            pacer.origin(firstNs);
            final FeedHandlerAgent feed = FeedHandlerAgent.create(
                config, new NicPort[]{ input.port() }, publication, counters, clock);
            final List<FeedChannel> channels = new ArrayList<>();
            for (final var context : config.channels())
            {
                channels.add(feed.channel(context.id()));
            }
            out.println("replay of " + options.inputs() + " at pace " + options.pace() + ", channels " +
                channelList(config) + ", from " + ReplayTimes.format(firstNs));

            final Loop loop = new Loop(feed, participants, driverInvoker, conductor, subscription, recorder, pacer,
                clock, channels, firstNs);
            final long startNs = System.nanoTime();
            final String why = loop.run(stopRequested);
            final double seconds = (System.nanoTime() - startNs) / 1e9;
            recorder.close();
            feed.onClose();

            final ReplaySummary summary = new ReplaySummary(out);
            if (null != why)
            {
                out.println("replay stopped: " + why + " at " + ReplayTimes.format(clock.nanoTime()));
            }
            summary.input(input);
            summary.channels(channels, feed, recorder);
            summary.participants(participants);
            summary.speed(input.framesDelivered(), seconds, recorder.messages(), rawFrames, rawSeconds,
                options.rawBaseline());
            if (null != options.booksJson())
            {
                writeBooksJson(channels);
            }
        }
        finally
        {
            CloseHelper.quietCloseAll(closeables);
            IoUtil.delete(workDir.toFile(), true);
        }
    }

    private void writeBooksJson(final List<FeedChannel> channels)
    {
        try
        {
            Files.writeString(options.booksJson(), Books.json(channels), StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw ReplayException.refused("--books-json " + options.booksJson() + ": cannot write (" + ex + ")");
        }
    }

    private static String channelList(final WirespeedConfig config)
    {
        final StringBuilder text = new StringBuilder();
        for (final var channel : config.channels())
        {
            text.append(text.length() == 0 ? "" : ", ").append(channel.id()).append(" (")
                .append(null == channel.incrementalA() ? "" : "a=" + channel.incrementalA())
                .append(null == channel.incrementalB() ? "" : " b=" + channel.incrementalB())
                .append(null == channel.snapshot() ? "" : " s=" + channel.snapshot())
                .append(null == channel.instrumentDefinition() ? "" : " d=" + channel.instrumentDefinition())
                .append(')');
        }
        return text.toString();
    }

    private static Path tempDir()
    {
        try
        {
            return Files.createTempDirectory("wirespeed-replay-");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * The duty cycle and what steers it: stop times, step commands, the end.
     */
    private final class Loop
    {
        private final FeedHandlerAgent feed;
        private final ReplayParticipant[] participants;
        private final AgentInvoker driverInvoker;
        private final AgentInvoker conductor;
        private final Subscription subscription;
        private final MarketDataRecorder recorder;
        private final Pacer pacer;
        private final PacedClock clock;
        private final List<FeedChannel> channels;
        private final long firstNs;
        private final IdleStrategy idle = new BackoffIdleStrategy();
        private final StepCommands commands;
        private long booksAtNs = NO_TIME;
        private long stepToNs = NO_TIME;
        private boolean prompted;
        private int cycle;

        Loop(
            final FeedHandlerAgent feed,
            final ReplayParticipant[] participants,
            final AgentInvoker driverInvoker,
            final AgentInvoker conductor,
            final Subscription subscription,
            final MarketDataRecorder recorder,
            final Pacer pacer,
            final PacedClock clock,
            final List<FeedChannel> channels,
            final long firstNs)
        {
            this.feed = feed;
            this.participants = participants;
            this.driverInvoker = driverInvoker;
            this.conductor = conductor;
            this.subscription = subscription;
            this.recorder = recorder;
            this.pacer = pacer;
            this.clock = clock;
            this.channels = channels;
            this.firstNs = firstNs;
            commands = ReplayPace.Mode.STEP == options.pace().mode() ? new StepCommands(options.commands()) : null;
            if (null != options.booksAt())
            {
                booksAtNs = ReplayTimes.parse("--books-at", options.booksAt(), firstNs);
            }
            pacer.stopAt(booksAtNs);
        }

        /**
         * Duty cycles to the end.
         *
         * @return why it stopped early, or null at the end of the recording.
         */
        String run(final BooleanSupplier stopRequested)
        {
            for (final ReplayParticipant participant : participants)
            {
                participant.agent().onStart();
            }
            while (true)
            {
                if (stopRequested.getAsBoolean())
                {
                    return "stop requested";
                }
                int work = 0;
                if (++cycle >= AERON_INVOKE_INTERVAL)
                {
                    cycle = 0;
                    work += driverInvoker.invoke() + conductor.invoke();
                }
                int pipelineWork = feed.doWork();
                for (final ReplayParticipant participant : participants)
                {
                    try
                    {
                        pipelineWork += participant.agent().doWork();
                    }
                    catch (final Exception ex)
                    {
                        throw new IllegalStateException(participant.agent().roleName() + ": " + ex, ex);
                    }
                }
                pipelineWork += subscription.poll(recorder, FRAGMENT_LIMIT);
                work += pipelineWork;

                if (pacer.isHeldAtStop() && onStop())
                {
                    return "--books-at " + options.booksAt() + " reached";
                }
                if (pacer.isHeldForStep())
                {
                    final String why = onStepCommand();
                    if (null != why)
                    {
                        return why;
                    }
                }
                if (0 == pipelineWork)
                {
                    cycle = AERON_INVOKE_INTERVAL;
                }
                if (0 == pipelineWork && clock.isEndOfRecording())
                {
                    if (NO_TIME != booksAtNs)
                    {
                        out.print(Books.text(channels, options.instrument(), clock.nanoTime()));
                        out.println("(the recording ends at " + ReplayTimes.format(clock.nanoTime()) +
                            ", before --books-at " + options.booksAt() + ")");
                    }
                    return null;
                }
                idle.idle(work);
            }
        }

        /**
         * The next instant lies past a stop time.
         *
         * @return true when the replay stops here.
         */
        private boolean onStop()
        {
            if (booksAtNs <= stepToNs)
            {
                out.print(Books.text(channels, options.instrument(), booksAtNs));
                booksAtNs = NO_TIME;
                if (!options.continueAfterBooks())
                {
                    return true;
                }
            }
            else
            {
                stepToNs = NO_TIME;
                pacer.holdSteps();
                prompted = false;
            }
            pacer.stopAt(Math.min(booksAtNs, stepToNs));
            return false;
        }

        private String onStepCommand()
        {
            if (!prompted)
            {
                prompted = true;
                out.printf("step: at %s (+%.9f s); [n [COUNT]] | to TIME | books [ID] | c | q%n",
                    ReplayTimes.format(clock.nanoTime()), (clock.nanoTime() - firstNs) / 1e9);
                out.flush();
            }
            final String command = commands.poll();
            if (null == command)
            {
                return null;
            }
            prompted = false;
            final String[] words = command.split("\\s+");
            try
            {
                if (StepCommands.END.equals(command) || "c".equals(words[0]))
                {
                    pacer.continueAtMaxPace();
                }
                else if (command.isEmpty() || "n".equals(words[0]))
                {
                    pacer.step(words.length > 1 ? Long.parseLong(words[1]) : 1);
                }
                else if ("to".equals(words[0]) && words.length > 1)
                {
                    stepToNs = ReplayTimes.parse("to", words[1], firstNs);
                    pacer.stopAt(Math.min(booksAtNs, stepToNs));
                    pacer.step(Long.MAX_VALUE / 2);
                }
                else if ("books".equals(words[0]))
                {
                    out.print(Books.text(channels, words.length > 1 ? Integer.parseInt(words[1]) : 0,
                        clock.nanoTime()));
                }
                else if ("q".equals(words[0]))
                {
                    return "q";
                }
                else
                {
                    out.println("step: unknown command '" + command + "'");
                }
            }
            catch (final NumberFormatException | ReplayException ex)
            {
                out.println("step: " + command + ": " + ex.getMessage());
            }
            return null;
        }
    }
}
