package io.wirespeed.deploy;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.codecs.internal.MessageHeaderEncoder;
import io.wirespeed.codecs.internal.TopOfBookDecoder;
import io.wirespeed.codecs.internal.TopOfBookEncoder;
import org.HdrHistogram.Histogram;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.PrintWriter;
import java.nio.ByteBuffer;

/**
 * Sends normalized top-of-book messages through Aeron IPC on an embedded media driver at a fixed rate (open loop) and
 * records one-way latency from each message's intended send time to its decode on the subscriber thread, so a stalled
 * publisher shows up as latency instead of hiding it (no coordinated omission).
 */
final class IpcMarketDataRun
{
    private static final long PRICE_9 = 1_000_000_000L;

    private final EpochNanoClock clock = new OffsetEpochNanoClock();
    private final String aeronDir;
    private final String channel;
    private final int streamId;
    private final Histogram histogram = new Histogram(10_000_000_000L, 3);
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final TopOfBookDecoder decoder = new TopOfBookDecoder();
    private long received;
    private long lastRptSeq;
    private long outOfOrder;

    IpcMarketDataRun(final String aeronDir, final String channel, final int streamId)
    {
        this.aeronDir = aeronDir;
        this.channel = channel;
        this.streamId = streamId;
    }

    /**
     * Run the given number of messages through a fresh embedded driver.
     *
     * @param messages      how many to send.
     * @param ratePerSecond messages per second the publisher aims for.
     * @param progress      where progress lines go.
     * @return the wall-clock duration of the run in nanoseconds.
     */
    long run(final long messages, final long ratePerSecond, final PrintWriter progress)
    {
        final MediaDriver.Context driverContext = new MediaDriver.Context()
            .aeronDirectoryName(aeronDir)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new BackoffIdleStrategy())
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true);
        MediaDriver driver = null;
        Aeron aeron = null;
        try
        {
            driver = MediaDriver.launchEmbedded(driverContext);
            aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
            final Subscription subscription = aeron.addSubscription(channel, streamId);
            final Publication publication = aeron.addExclusivePublication(channel, streamId);
            while (!publication.isConnected() || !subscription.isConnected())
            {
                Thread.onSpinWait();
            }
            progress.printf("  media driver up at %s, %s stream %d connected%n", aeronDir, channel, streamId);
            progress.flush();

            final Thread publisher = new Thread(
                () -> publish(publication, messages, 1_000_000_000L / ratePerSecond, clock), "ipc-publisher");
            final long startNs = System.nanoTime();
            publisher.start();

            final FragmentHandler handler = this::onFragment;
            final BackoffIdleStrategy idle = new BackoffIdleStrategy();
            long nextReport = messages / 4;
            while (received < messages)
            {
                idle.idle(subscription.poll(handler, 256));
                if (received >= nextReport && received < messages)
                {
                    progress.printf("  %,d / %,d messages%n", received, messages);
                    progress.flush();
                    nextReport += messages / 4;
                }
            }
            final long durationNs = System.nanoTime() - startNs;
            publisher.join();
            return durationNs;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
        finally
        {
            CloseHelper.closeAll(aeron, driver);
        }
    }

    Histogram histogram()
    {
        return histogram;
    }

    long received()
    {
        return received;
    }

    long outOfOrder()
    {
        return outOfOrder;
    }

    private static void publish(
        final Publication publication, final long messages, final long intervalNs, final EpochNanoClock clock)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(256));
        final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
        final TopOfBookEncoder encoder = new TopOfBookEncoder();
        final BackoffIdleStrategy idle = new BackoffIdleStrategy();
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + TopOfBookEncoder.BLOCK_LENGTH;
        final long startNs = clock.nanoTime();
        for (long i = 1; i <= messages; i++)
        {
            final long intendedNs = startNs + i * intervalNs;
            while (clock.nanoTime() - intendedNs < 0)
            {
                Thread.onSpinWait();
            }
            final long mid = 5_000 * PRICE_9 + (i % 16) * (PRICE_9 / 4);
            encoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
                .securityId(1001)
                .rptSeq(i)
                .bidPrice(mid - PRICE_9 / 4).bidQty(10 + (i % 7)).bidOrderCount(3)
                .askPrice(mid + PRICE_9 / 4).askQty(12 + (i % 5)).askOrderCount(4)
                .sendingTimeNs(intendedNs)
                .rxTimestampNs(intendedNs)
                .publishTimestampNs(intendedNs);
            while (publication.offer(buffer, 0, length) < 0)
            {
                idle.idle();
            }
            idle.reset();
        }
    }

    private void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        final long nowNs = clock.nanoTime();
        headerDecoder.wrap(buffer, offset);
        if (headerDecoder.templateId() != TopOfBookDecoder.TEMPLATE_ID)
        {
            return;
        }
        decoder.wrapAndApplyHeader(buffer, offset, headerDecoder);
        final long rptSeq = decoder.rptSeq();
        if (rptSeq != lastRptSeq + 1)
        {
            outOfOrder++;
        }
        lastRptSeq = rptSeq;
        histogram.recordValue(Math.max(0, nowNs - decoder.publishTimestampNs()));
        received++;
    }
}
