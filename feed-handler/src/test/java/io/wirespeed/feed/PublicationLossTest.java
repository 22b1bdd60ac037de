package io.wirespeed.feed;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.logbuffer.FragmentHandler;
import io.wirespeed.codecs.internal.BookType;
import io.wirespeed.codecs.internal.BookUpdateDecoder;
import io.wirespeed.codecs.internal.FeedStateDecoder;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TopOfBookDecoder;
import io.wirespeed.config.ChannelContext;
import io.wirespeed.config.Endpoint;
import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.status.CountersFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.wirespeed.codecs.mdp3.MDUpdateAction.Change;
import static io.wirespeed.codecs.mdp3.MDUpdateAction.New;
import static io.wirespeed.feed.PacketBuilder.ask;
import static io.wirespeed.feed.PacketBuilder.bid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A subscriber that stops polling until the feed handler's publication (a small term) is back pressured, then
 * resumes: it sees the gap in streamSeq, the instrument STALE, then a book equal to the feed handler's own.
 */
class PublicationLossTest
{
    private static final int STREAM_ID = 1002;
    private static final int ES = 10;
    private static final String GROUP_A = "239.1.1.1";
    private static final int PORT = 14320;

    @TempDir
    Path dir;

    private final OrderBook mirror = new OrderBook(ChannelContext.BOOK_DEPTH_DEFAULT);
    private final List<String> states = new ArrayList<>();
    private long expectedStreamSeq;
    private long lostMessages;
    private long gaps;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aBackPressuredSubscriberSeesTheGapThenStaleThenTheFeedHandlersBook()
    {
        final MediaDriver.Context driverContext = new MediaDriver.Context()
            .aeronDirectoryName(dir.resolve("aeron").toString())
            .threadingMode(ThreadingMode.SHARED)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true);
        final String channel = "aeron:ipc?term-length=65536";
        try (MediaDriver driver = MediaDriver.launchEmbedded(driverContext);
            Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
            Subscription subscription = aeron.addSubscription(channel, STREAM_ID);
            ExclusivePublication publication = aeron.addExclusivePublication(channel, STREAM_ID);
            CountersFile countersFile = CountersFile.create(dir.resolve("counters"), 256);
            ScriptedNicPort port = new ScriptedNicPort(countersFile);
            ChannelCounters counters = new ChannelCounters(countersFile, 1))
        {
            while (!publication.isConnected())
            {
                Thread.onSpinWait();
            }
            final ChannelContext context = new ChannelContext().id(1).incrementalA(new Endpoint(GROUP_A, PORT));
            final FeedChannel feed = new FeedChannel(context, new AeronMarketDataSink(publication, 16), counters);
            feed.addInstrument(ES, "ESZ6");
            final ManualEpochNanoClock clock = new ManualEpochNanoClock(1_000_000_000L);
            final FeedHandlerAgent agent = new FeedHandlerAgent(
                clock, new NicPort[]{ port }, new FeedChannel[]{ feed }, new ChannelContext[]{ context }, 16);
            final FragmentHandler handler = this::onMessage;
            final PacketBuilder packet = new PacketBuilder();
            port.queue(GROUP_A, PORT, packet.begin(1).book(true, bid(ES, 1, New, 1, 100, 5, 1),
                ask(ES, 2, New, 1, 101, 6, 1), bid(ES, 3, New, 2, 99, 4, 1)));
            agent.doWork();
            drain(subscription, handler);
            assertEquals(0, lostMessages);

            // the subscriber stops polling while the book keeps changing, until the publication gives up
            int seq = 2;
            while (0 == counters.get(FeedCounter.PUBLISH_DROPPED))
            {
                port.queue(GROUP_A, PORT, packet.begin(seq).book(true, bid(ES, seq + 2, Change, 1, 100, seq, 1)));
                agent.doWork();
                seq++;
            }
            for (int i = 0; i < 5; i++, seq++)
            {
                port.queue(GROUP_A, PORT, packet.begin(seq).book(true, ask(ES, seq + 2, Change, 1, 101, seq, 1)));
                agent.doWork();
            }
            assertTrue(feed.stream().isRepublishPending());

            // it resumes; the feed handler republishes once the publication has room
            while (0 == counters.get(FeedCounter.REPUBLISHED_AFTER_LOSS))
            {
                drain(subscription, handler);
                agent.doWork();
            }
            drain(subscription, handler);

            assertTrue(gaps >= 1, "the lost messages show as a gap in streamSeq");
            assertTrue(lostMessages > 0);
            final int stale = states.indexOf("STALE PUBLICATION_LOSS");
            assertTrue(stale >= 0, states.toString());
            assertEquals("OK REPUBLISHED", states.get(states.size() - 1));
            final OrderBook own = feed.instrument(ES).book();
            assertEquals(seq - 1, own.quantity(OrderBook.ASK, 1));
            assertEquals(own.toString(), mirror.toString(), "the subscriber's book is the feed handler's");
            assertEquals(own.hash(), mirror.hash());
        }
    }

    private static void drain(final Subscription subscription, final FragmentHandler handler)
    {
        while (subscription.poll(handler, 64) > 0)
        {
            Thread.onSpinWait();
        }
    }

    private void onMessage(
        final org.agrona.DirectBuffer buffer, final int offset, final int length, final io.aeron.logbuffer.Header h)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, offset);
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        switch (header.templateId())
        {
            case BookUpdateDecoder.TEMPLATE_ID:
            {
                final BookUpdateDecoder update =
                    new BookUpdateDecoder().wrap(buffer, body, header.blockLength(), header.version());
                onStreamSeq(update.streamSeq());
                if (BookType.OUTRIGHT == update.bookType())
                {
                    for (final BookUpdateDecoder.LevelsDecoder level : update.levels())
                    {
                        apply(level);
                    }
                }
                break;
            }
            case TopOfBookDecoder.TEMPLATE_ID:
                onStreamSeq(new TopOfBookDecoder().wrap(buffer, body, header.blockLength(), header.version())
                    .streamSeq());
                break;
            case FeedStateDecoder.TEMPLATE_ID:
            {
                final FeedStateDecoder state =
                    new FeedStateDecoder().wrap(buffer, body, header.blockLength(), header.version());
                onStreamSeq(state.streamSeq());
                states.add(state.state() + " " + state.reason());
                break;
            }
            default:
                throw new AssertionError("unexpected template " + header.templateId());
        }
    }

    private void onStreamSeq(final long streamSeq)
    {
        if (0 != expectedStreamSeq && streamSeq != expectedStreamSeq)
        {
            gaps++;
            lostMessages += streamSeq - expectedStreamSeq;
        }
        expectedStreamSeq = streamSeq + 1;
    }

    /**
     * MDP 3.0 update actions applied as CME documents them for a market-by-price book.
     */
    private void apply(final BookUpdateDecoder.LevelsDecoder level)
    {
        final int side = Side.BUY == level.side() ? OrderBook.BID : OrderBook.ASK;
        switch (level.action())
        {
            case NEW -> mirror.add(side, level.level(), level.price(), level.qty(), level.orderCount());
            case CHANGE, OVERLAY -> mirror.set(side, level.level(), level.price(), level.qty(), level.orderCount());
            case DELETE -> mirror.delete(side, level.level());
            case DELETE_FROM -> mirror.deleteFrom(side, level.level());
            case DELETE_THRU, CLEAR -> mirror.clearSide(side);
            default -> throw new AssertionError("unexpected action " + level.action());
        }
    }
}
