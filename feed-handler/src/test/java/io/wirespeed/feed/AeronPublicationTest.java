package io.wirespeed.feed;

import io.wirespeed.nic.ManualEpochNanoClock;
import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.logbuffer.FragmentHandler;
import io.wirespeed.codecs.internal.BookUpdateDecoder;
import io.wirespeed.codecs.internal.FeedStateDecoder;
import io.wirespeed.codecs.internal.FeedStateValue;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TopOfBookDecoder;
import io.wirespeed.config.AgentRole;
import io.wirespeed.config.IdleStrategies;
import io.wirespeed.config.ChannelContext;
import io.wirespeed.config.WirespeedConfig;
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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AeronPublicationTest
{
    private static final int STREAM_ID = 1001;
    private static final int ES = 10;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void subscriberReceivesAndDecodesNormalizedMessages()
    {
        final MediaDriver.Context driverContext = new MediaDriver.Context()
            .aeronDirectoryName(dir.resolve("aeron").toString())
            .threadingMode(ThreadingMode.SHARED)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true);
        try (MediaDriver driver = MediaDriver.launchEmbedded(driverContext);
            Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
            Subscription subscription = aeron.addSubscription("aeron:ipc", STREAM_ID);
            ExclusivePublication publication = aeron.addExclusivePublication("aeron:ipc", STREAM_ID);
            CountersFile countersFile = CountersFile.create(dir.resolve("counters"), 256))
        {
            while (!publication.isConnected())
            {
                Thread.onSpinWait();
            }
            final ChannelCounters counters = new ChannelCounters(countersFile, 1);
            final FeedChannel channel = new FeedChannel(
                new ChannelContext().id(1).gapTimeoutMs(10), new AeronMarketDataSink(publication, 16), counters);
            channel.addInstrument(ES, "ESZ6");
            final PacketBuilder packet = new PacketBuilder();
            final long rxNs = 1_700_000_000_000_000_000L;
            channel.onTimer(rxNs);
            packet.begin(1).book(true, bid(ES, 1, New, 1, 100, 5, 2), ask(ES, 2, New, 1, 101, 6, 3));
            channel.onIncremental(FeedChannel.FEED_A, packet.buffer(), 0, packet.length(), rxNs - 500, rxNs);
            packet.begin(3).book(true, bid(ES, 4, Change, 1, 100, 9, 2));
            channel.onIncremental(FeedChannel.FEED_A, packet.buffer(), 0, packet.length(), rxNs - 400, rxNs);
            channel.onTimer(rxNs + 20_000_000L);

            final List<String> received = new ArrayList<>();
            final MessageHeaderDecoder header = new MessageHeaderDecoder();
            final BookUpdateDecoder bookUpdate = new BookUpdateDecoder();
            final TopOfBookDecoder topOfBook = new TopOfBookDecoder();
            final FeedStateDecoder feedState = new FeedStateDecoder();
            final FragmentHandler handler = (buffer, offset, length, h) ->
            {
                header.wrap(buffer, offset);
                final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
                switch (header.templateId())
                {
                    case BookUpdateDecoder.TEMPLATE_ID:
                        bookUpdate.wrap(buffer, body, header.blockLength(), header.version());
                        final BookUpdateDecoder.LevelsDecoder levels = bookUpdate.levels();
                        final StringBuilder text = new StringBuilder("BookUpdate " + bookUpdate.securityId() +
                            " rx=" + bookUpdate.rxTimestampNs() + " pub=" + bookUpdate.publishTimestampNs());
                        while (levels.hasNext())
                        {
                            levels.next();
                            text.append(' ').append(levels.side() == Side.BUY ? 'B' : 'S').append(levels.qty())
                                .append('@').append(levels.price()).append('x').append(levels.orderCount());
                        }
                        received.add(text.toString());
                        break;
                    case TopOfBookDecoder.TEMPLATE_ID:
                        topOfBook.wrap(buffer, body, header.blockLength(), header.version());
                        received.add("TopOfBook " + topOfBook.bidQty() + "@" + topOfBook.bidPrice() + " " +
                            topOfBook.askQty() + "@" + topOfBook.askPrice());
                        break;
                    case FeedStateDecoder.TEMPLATE_ID:
                        feedState.wrap(buffer, body, header.blockLength(), header.version());
                        received.add("FeedState " + feedState.securityId() + " " + feedState.state() + " " +
                            feedState.reason() + " " + feedState.expectedSeqNum() + "->" + feedState.receivedSeqNum());
                        break;
                    default:
                        received.add("template " + header.templateId());
                        break;
                }
            };
            while (received.size() < 3)
            {
                if (0 == subscription.poll(handler, 10))
                {
                    Thread.onSpinWait();
                }
            }
            assertEquals(List.of(
                "BookUpdate 10 rx=" + (rxNs - 500) + " pub=" + rxNs + " B5@100x2 S6@101x3",
                "TopOfBook 5@100 6@101",
                "FeedState 10 STALE GAP 3->4"), received);
            assertEquals(FeedStateValue.STALE, channel.state(ES));
            assertTrue(counters.get(FeedCounter.PUBLISH_DROPPED) == 0);
            counters.close();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void agentBuiltFromTheDefaultConfigurationPublishesWhatItsNicCarries()
    {
        final WirespeedConfig config = WirespeedConfig.loadDefault();
        assertNotNull(IdleStrategies.of(config.agent(AgentRole.FEED)));
        final MediaDriver.Context driverContext = new MediaDriver.Context()
            .aeronDirectoryName(dir.resolve("aeron").toString())
            .threadingMode(ThreadingMode.SHARED)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true);
        try (MediaDriver driver = MediaDriver.launchEmbedded(driverContext);
            Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
            Subscription subscription = aeron.addSubscription("aeron:ipc", STREAM_ID);
            ExclusivePublication publication = aeron.addExclusivePublication("aeron:ipc", STREAM_ID);
            CountersFile countersFile = CountersFile.create(dir.resolve("counters"), 256);
            ScriptedNicPort port = new ScriptedNicPort(countersFile))
        {
            while (!publication.isConnected())
            {
                Thread.onSpinWait();
            }
            final ManualEpochNanoClock clock = new ManualEpochNanoClock(1_000_000_000L);
            final FeedHandlerAgent agent = FeedHandlerAgent.create(
                config, new NicPort[]{ port }, publication, countersFile, clock);
            final ChannelContext channel = config.channels().get(0);
            final int securityId = config.instruments().get(0).securityId();
            port.queue(channel.incrementalB().group(), channel.incrementalB().port(),
                new PacketBuilder().begin(1).book(true, bid(securityId, 1, New, 1, 100, 5, 2)));
            assertEquals(1, agent.doWork());
            assertEquals(5, agent.channel(channel.id()).instrument(securityId).book().quantity(OrderBook.BID, 1));
            final MessageHeaderDecoder header = new MessageHeaderDecoder();
            final List<Integer> templates = new ArrayList<>();
            while (templates.size() < 2)
            {
                if (0 == subscription.poll((buffer, offset, length, h) ->
                    templates.add(header.wrap(buffer, offset).templateId()), 10))
                {
                    Thread.onSpinWait();
                }
            }
            assertEquals(List.of(BookUpdateDecoder.TEMPLATE_ID, TopOfBookDecoder.TEMPLATE_ID), templates);
            agent.onClose();
        }
    }
}
