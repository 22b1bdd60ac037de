package io.wirespeed.journal;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.wirespeed.codecs.internal.JournalLossDecoder;
import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.codecs.internal.MessageHeaderEncoder;
import io.wirespeed.codecs.internal.NewOrderEncoder;
import io.wirespeed.codecs.internal.TradeDecoder;
import io.wirespeed.codecs.internal.TradeEncoder;
import io.wirespeed.config.JournalRetentionAction;
import io.wirespeed.nic.status.CountersFile;
import net.openhft.chronicle.queue.RollCycles;
import org.agrona.CloseHelper;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journal's Aeron subscriptions on an embedded media driver (IPC): messages classified by template, and a journal
 * that stalls while a publisher writes several term lengths is left behind by the publisher (which keeps going) and
 * says what it lost in a {@code JournalLoss} record.
 * <p>
 * Found on Aeron 1.51: the untethered timeouts given as subscription URI parameters are not honoured for IPC (the
 * publisher was held about 10 s, the driver defaults); the driver's own {@code untetheredWindowLimitTimeoutNs},
 * {@code untetheredRestingTimeoutNs} and a {@code timerIntervalNs} below them are, so the driver here is configured
 * with them, as the appliance's must be. And an untethered subscription is only left behind relative to a faster
 * (tethered) subscriber of the same publication: when the journal is the only subscriber, it holds the publisher.
 */
class UntetheredJournalTest
{
    private static final int TERM_LENGTH = 64 * 1024;
    private static final int STREAM_ID = 1001;
    private static final int FRAME_LENGTH = 128;

    @TempDir
    Path dir;

    private MediaDriver driver;
    private Aeron aeron;
    private CountersFile counters;
    private Journal journal;

    @BeforeEach
    void setUp()
    {
        driver = MediaDriver.launchEmbedded(new MediaDriver.Context()
            .aeronDirectoryName(dir.resolve("aeron").toString())
            .threadingMode(ThreadingMode.SHARED)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true)
            .timerIntervalNs(TimeUnit.MILLISECONDS.toNanos(10))
            .untetheredWindowLimitTimeoutNs(JournalAgent.UNTETHERED_WINDOW_LIMIT_TIMEOUT_NS)
            .untetheredRestingTimeoutNs(JournalAgent.UNTETHERED_RESTING_TIMEOUT_NS));
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
        counters = CountersFile.create(dir.resolve("counters"), 64);
        journal = Journal.open(dir.resolve("journal"), RollCycles.FAST_HOURLY,
            new Retention(dir.resolve("journal"), 0, JournalRetentionAction.DELETE, null), new SystemEpochNanoClock());
    }

    @AfterEach
    void tearDown()
    {
        CloseHelper.closeAll(journal, counters, aeron, driver);
    }

    @Test
    void theSubscriptionChannelIsTheConfiguredOneUntethered()
    {
        final String channel = JournalAgent.subscriptionChannel("aeron:ipc?term-length=65536");
        assertTrue(channel.startsWith("aeron:ipc?"), channel);
        assertTrue(channel.contains("tether=false"), channel);
        assertTrue(channel.contains("term-length=65536"), channel);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void messagesAreJournaledByTemplateWithTheStreamIdAsSource()
    {
        final Subscription subscription = aeron.addSubscription(
            JournalAgent.subscriptionChannel("aeron:ipc"), STREAM_ID);
        final Publication publication = aeron.addExclusivePublication("aeron:ipc", STREAM_ID);
        final JournalAgent agent = new JournalAgent(journal, List.of(), List.of(subscription), null, counters,
            new SystemEpochNanoClock());
        agent.onStart();
        awaitConnected(publication, agent);

        final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(256));
        final int tradeLength = trade(buffer, 1);
        offer(publication, buffer, tradeLength);
        final int orderLength = MessageHeaderEncoder.ENCODED_LENGTH + new NewOrderEncoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder()).strategyId(7).clOrdId(42).securityId(5)
            .encodedLength();
        offer(publication, buffer, orderLength);
        buffer.putShort(2, (short)999);
        offer(publication, buffer, orderLength);
        while (agent.counters().get(JournalCounter.RECORDS) + agent.counters().get(JournalCounter.UNREADABLE) < 3)
        {
            agent.doWork();
        }

        final List<String> seen = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(dir.resolve("journal"), new JournalQuery()))
        {
            reader.readAll((stream, sourceId, sequence, timestampNs, b, offset, length) ->
                seen.add(stream + " " + sourceId + " " + sequence));
        }
        assertEquals(List.of("MARKET_DATA 1001 0", "ORDER 1001 0"), seen);
        assertEquals(1, agent.counters().get(JournalCounter.UNREADABLE));
        agent.onClose();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aStalledJournalIsLeftBehindAndJournalsWhatItLost()
    {
        final Subscription subscription = aeron.addSubscription(
            JournalAgent.subscriptionChannel("aeron:ipc"), STREAM_ID);
        final Subscription hot = aeron.addSubscription("aeron:ipc", STREAM_ID);
        final Publication publication = aeron.addExclusivePublication(
            "aeron:ipc?term-length=" + TERM_LENGTH, STREAM_ID);
        final JournalAgent agent = new JournalAgent(journal, List.of(), List.of(subscription), null, counters,
            new SystemEpochNanoClock());
        agent.onStart();
        awaitConnected(publication, agent);
        while (hot.imageCount() == 0 || subscription.imageCount() == 0)
        {
            agent.doWork();
        }
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);

        final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(256));
        final long messages = 8L * TERM_LENGTH / FRAME_LENGTH;
        long backPressured = 0;
        long longestBackPressureNs = 0;
        for (long id = 1; id <= messages; id++)
        {
            final int length = trade(buffer, id);
            long result;
            long firstRefusedNs = 0;
            while ((result = publication.offer(buffer, 0, length)) < 0)
            {
                assertTrue(Publication.BACK_PRESSURED == result || Publication.ADMIN_ACTION == result,
                    "offer: " + result);
                assertTrue(System.nanoTime() - deadlineNs < 0, "the stalled journal holds the publisher back");
                hot.poll((b, o, l, h) -> {}, 100);
                if (Publication.BACK_PRESSURED == result)
                {
                    backPressured++;
                    firstRefusedNs = 0 == firstRefusedNs ? System.nanoTime() : firstRefusedNs;
                }
                Thread.onSpinWait();
            }
            hot.poll((b, o, l, h) -> {}, 100);
            if (0 != firstRefusedNs)
            {
                longestBackPressureNs = Math.max(longestBackPressureNs, System.nanoTime() - firstRefusedNs);
            }
        }
        System.out.println("publisher: " + messages + " messages, " + messages * FRAME_LENGTH / TERM_LENGTH +
            " term lengths while the journal stalled; offers back pressured " + backPressured +
            ", longest back pressure " + TimeUnit.NANOSECONDS.toMicros(longestBackPressureNs) + " us");

        for (long id = messages + 1; id <= messages + 10; id++)
        {
            agent.doWork();
            offer(publication, buffer, trade(buffer, id));
        }
        final long end = publication.position();
        while (subscription.imageCount() == 0 || subscription.imageAtIndex(0).position() < end)
        {
            agent.doWork();
        }
        agent.doWork();

        final List<Long> ids = new ArrayList<>();
        final List<Long> gapsJournaled = new ArrayList<>();
        final long[] lostBytes = {0};
        try (JournalReader reader = JournalReader.open(dir.resolve("journal"),
            new JournalQuery().streams(Set.of(JournalStream.MARKET_DATA, JournalStream.JOURNAL))))
        {
            reader.readAll((stream, sourceId, sequence, timestampNs, b, offset, length) ->
            {
                final MessageHeaderDecoder header = new MessageHeaderDecoder();
                if (JournalStream.JOURNAL == stream)
                {
                    final JournalLossDecoder loss = new JournalLossDecoder().wrapAndApplyHeader(b, offset, header);
                    assertEquals(JournalStream.MARKET_DATA, loss.stream());
                    assertEquals(STREAM_ID, loss.sourceId());
                    lostBytes[0] += loss.lostBytes();
                    gapsJournaled.add((long)ids.size());
                }
                else
                {
                    ids.add(new TradeDecoder().wrapAndApplyHeader(b, offset, header).streamSeq());
                }
            });
        }
        final List<Long> gapsSeen = new ArrayList<>();
        if (ids.get(0) != 1)
        {
            gapsSeen.add(0L);
        }
        for (int i = 1; i < ids.size(); i++)
        {
            assertTrue(ids.get(i) > ids.get(i - 1), "ids in order");
            if (ids.get(i) != ids.get(i - 1) + 1)
            {
                gapsSeen.add((long)i);
            }
        }
        System.out.println("journal: " + ids.size() + " of " + messages + " journaled, JournalLoss records at " +
            gapsJournaled + " totalling " + lostBytes[0] + " bytes; lost-bytes counter " +
            agent.counters().get(JournalCounter.BYTES_LOST));
        assertTrue(ids.size() < messages, "the stalled journal was left behind");
        assertEquals(messages + 10, ids.get(ids.size() - 1), "it rejoined and journaled the newest message");
        assertEquals(gapsSeen, gapsJournaled, "every gap has its JournalLoss record, right before it");
        assertTrue(lostBytes[0] >= (messages - ids.size()) * FRAME_LENGTH, "the loss covers the messages missing");
        assertEquals(lostBytes[0], agent.counters().get(JournalCounter.BYTES_LOST));
        agent.onClose();
    }

    private static void awaitConnected(final Publication publication, final JournalAgent agent)
    {
        while (!publication.isConnected())
        {
            agent.doWork();
            Thread.onSpinWait();
        }
    }

    private static void offer(final Publication publication, final UnsafeBuffer buffer, final int length)
    {
        while (publication.offer(buffer, 0, length) < 0)
        {
            Thread.onSpinWait();
        }
    }

    private static int trade(final UnsafeBuffer buffer, final long id)
    {
        final TradeEncoder trade = new TradeEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder());
        trade.securityId(5).streamSeq(id);
        return MessageHeaderEncoder.ENCODED_LENGTH + trade.encodedLength();
    }
}
