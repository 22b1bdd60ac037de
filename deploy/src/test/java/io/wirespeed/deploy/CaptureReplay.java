package io.wirespeed.deploy;

import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.wirespeed.codecs.internal.FeedStateDecoder;
import io.wirespeed.codecs.internal.FeedStateReason;
import io.wirespeed.codecs.internal.FeedStateValue;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.config.PcapNicContext;
import io.wirespeed.feed.FeedChannel;
import io.wirespeed.feed.FeedCounter;
import io.wirespeed.feed.FeedHandlerAgent;
import io.wirespeed.feed.OrderBook;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.pcap.PcapNicPort;
import io.wirespeed.nic.status.CountersFile;
import io.wirespeed.sim.MbpBook;
import io.wirespeed.sim.Side;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A feed handler fed by captures the way {@code wirespeed run} with {@code nic.backend = "pcap"} feeds it: the port
 * opened from a {@code [nic.pcap]} section, the agent built by {@link FeedHandlerAgent#create} with the port's timer
 * clock, driven by the test's thread; it notes the instant of every gap and every STALE(GAP) it publishes.
 */
final class CaptureReplay implements FragmentHandler, AutoCloseable
{
    final CountersFile counters;
    final PcapNicPort port;
    final FeedHandlerAgent agent;
    final FeedChannel channel;
    final List<Long> gapInstantsNs = new ArrayList<>();
    final List<Long> staleGapPublishedNs = new ArrayList<>();
    private final Publication publication;
    private final Subscription subscription;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final FeedStateDecoder feedState = new FeedStateDecoder();

    CaptureReplay(final FeedPathRig live, final Path dir, final PcapNicContext pcap, final int streamId)
    {
        this(live, dir, pcap, streamId, SystemEpochNanoClock.INSTANCE);
    }

    CaptureReplay(
        final FeedPathRig live, final Path dir, final PcapNicContext pcap, final int streamId,
        final EpochNanoClock hostClock)
    {
        counters = CountersFile.create(dir.resolve("replay-counters-" + streamId), 1024);
        port = PcapNicPort.open("pcap-" + streamId, pcap, counters, hostClock);
        final String channelUri = live.config.aeron().channel();
        subscription = live.aeron.addSubscription(channelUri, streamId);
        publication = live.aeron.addExclusivePublication(channelUri, streamId);
        while (!publication.isConnected())
        {
            Thread.onSpinWait();
        }
        agent = FeedHandlerAgent.create(live.config, new NicPort[]{ port }, publication, counters, port.timerClock());
        channel = agent.channel(FeedPathRig.CHANNEL);
    }

    /**
     * Duty cycles until the port reports the end of the capture, noting the clock's instant of each gap declared.
     */
    void runToTheEnd()
    {
        while (!port.isEndOfCapture())
        {
            dutyCycle();
        }
        dutyCycle();
        System.out.println(port.summary());
    }

    /**
     * One duty cycle of the agent, then the publications it made.
     *
     * @return the agent's work count.
     */
    int dutyCycle()
    {
        final long instantNs = port.timerClock().nanoTime();
        final long gaps = counter(FeedCounter.GAPS);
        final int work = agent.doWork();
        if (counter(FeedCounter.GAPS) != gaps)
        {
            gapInstantsNs.add(instantNs);
        }
        while (subscription.poll(this, 1024) > 0)
        {
            Thread.onSpinWait();
        }
        return work;
    }

    long counter(final FeedCounter counter)
    {
        return channel.counters().get(counter);
    }

    /**
     * Every book of the venue, level by level, equals the replay's and the live feed handler's.
     */
    void assertBooksEqual(final FeedPathRig live)
    {
        final int depth = live.config.channel(FeedPathRig.CHANNEL).bookDepth();
        for (int i = 0; i < live.sim.instrumentCount(); i++)
        {
            final int securityId = live.sim.securityId(i);
            final String venue = levels(live.sim.book(securityId), depth);
            assertEquals(venue, levels(live.channel.instrument(securityId).book(), depth),
                "the live feed handler's book of " + securityId);
            assertEquals(venue, levels(channel.instrument(securityId).book(), depth),
                "the replay's book of " + securityId);
        }
    }

    public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header h)
    {
        header.wrap(buffer, offset);
        if (FeedStateDecoder.TEMPLATE_ID == header.templateId())
        {
            feedState.wrapAndApplyHeader(buffer, offset, header);
            if (FeedStateValue.STALE == feedState.state() && FeedStateReason.GAP == feedState.reason())
            {
                staleGapPublishedNs.add(feedState.publishTimestampNs());
            }
        }
    }

    public void close()
    {
        agent.onClose();
        CloseHelper.closeAll(subscription, publication, port, counters);
    }

    private static String levels(final MbpBook book, final int depth)
    {
        final StringBuilder out = new StringBuilder();
        for (final Side side : Side.values())
        {
            for (int level = 1; level <= depth; level++)
            {
                final boolean present = level <= book.levelCount(side);
                out.append(String.format("%n  %s %2d %d x %d (%d)", side, level,
                    present ? book.price(side, level) : OrderBook.NULL_PRICE, present ? book.qty(side, level) : 0,
                    present ? book.orderCount(side, level) : 0));
            }
        }
        return out.toString();
    }

    private static String levels(final OrderBook book, final int depth)
    {
        final StringBuilder out = new StringBuilder();
        for (final Side side : Side.values())
        {
            final int bookSide = Side.BID == side ? OrderBook.BID : OrderBook.ASK;
            for (int level = 1; level <= depth; level++)
            {
                out.append(String.format("%n  %s %2d %d x %d (%d)", side, level, book.price(bookSide, level),
                    book.quantity(bookSide, level), book.orderCount(bookSide, level)));
            }
        }
        return out.toString();
    }
}
