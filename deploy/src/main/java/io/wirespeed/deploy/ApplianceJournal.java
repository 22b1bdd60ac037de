package io.wirespeed.deploy;

import io.aeron.Aeron;
import io.aeron.Subscription;
import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.config.AeronContext;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.gateway.GatewayStateFold;
import io.wirespeed.gateway.RestoredGatewayState;
import io.wirespeed.journal.Journal;
import io.wirespeed.journal.JournalAgent;
import io.wirespeed.nic.status.CountersFile;
import io.wirespeed.nic.status.ErrorLogFile;
import io.wirespeed.nic.tap.JournalTap;
import io.wirespeed.nic.tap.TapRing;
import org.agrona.CloseHelper;
import org.agrona.concurrent.EpochNanoClock;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The appliance's journal ({@code journal.enabled = true}): the queue, the two tap rings its hot threads write (the
 * feed thread's raw frames, the gateway thread's venue bytes and gateway state), beside the counters file, and the
 * journal agent that drains them and the Aeron streams on its own thread.
 * <p>
 * The order at start matters: open the queue, journal what the rings of a dead previous appliance still hold (their
 * files survive kill -9), journal the effective configuration, and only then create fresh rings in their place; the
 * gateway restores from the queue after that, so it sees every record the dead process committed.
 */
final class ApplianceJournal implements AutoCloseable
{
    /**
     * Suffix of the feed thread's ring file, after {@code nic.shm.path}.
     */
    static final String FEED_RING_SUFFIX = "-journal-feed";

    /**
     * Suffix of the gateway thread's ring file, after {@code nic.shm.path}.
     */
    static final String GATEWAY_RING_SUFFIX = "-journal-gateway";

    final Journal journal;
    final long leftoverRecords;
    final TapRing feedRing;
    final TapRing gatewayRing;
    final JournalTap feedTap;
    final JournalTap gatewayTap;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private JournalAgent agent;

    private ApplianceJournal(
        final Journal journal,
        final long leftoverRecords,
        final TapRing feedRing,
        final TapRing gatewayRing,
        final CountersFile counters)
    {
        this.journal = journal;
        this.leftoverRecords = leftoverRecords;
        this.feedRing = feedRing;
        this.gatewayRing = gatewayRing;
        this.feedTap = new JournalTap(feedRing, counters.newCounter(JournalTapCounter.FEED_LOST.typeId(),
            JournalTapCounter.FEED_LOST.label()));
        this.gatewayTap = new JournalTap(gatewayRing, counters.newCounter(JournalTapCounter.GATEWAY_LOST.typeId(),
            JournalTapCounter.GATEWAY_LOST.label()));
    }

    /**
     * Open the journal, drain a dead appliance's rings into it, journal the configuration and create the rings.
     *
     * @param config   concluded configuration, {@code journal.enabled = true}.
     * @param clock    the appliance's clock.
     * @param counters where the taps' lost-record counters live.
     * @return the journal, its agent not created yet ({@link #startAgent}).
     * @throws Refusal naming {@code journal.dir} when the queue cannot be opened there.
     */
    static ApplianceJournal open(final WirespeedConfig config, final EpochNanoClock clock, final CountersFile counters)
    {
        final Journal journal;
        try
        {
            journal = Journal.open(config.journal(), clock);
        }
        catch (final RuntimeException ex)
        {
            throw Refusal.of("journal.dir", config.journal().dir().toString(), "cannot open the journal there (" +
                ex.getMessage() + "); point journal.dir at a writable directory or set journal.enabled = false");
        }
        TapRing feedRing = null;
        try
        {
            final long leftover = journal.drainLeftover(feedRingPath(config)) +
                journal.drainLeftover(gatewayRingPath(config));
            journal.appendConfig(EffectiveConfig.text(config));
            final int capacity = config.journal().tapRingBytes();
            feedRing = TapRing.create(feedRingPath(config), capacity);
            final TapRing gatewayRing = TapRing.create(gatewayRingPath(config), capacity);
            return new ApplianceJournal(journal, leftover, feedRing, gatewayRing, counters);
        }
        catch (final RuntimeException ex)
        {
            if (null != feedRing)
            {
                feedRing.delete();
            }
            CloseHelper.quietClose(journal);
            throw ex;
        }
    }

    /**
     * The feed thread's ring file.
     *
     * @param config the configuration.
     * @return the path.
     */
    static Path feedRingPath(final WirespeedConfig config)
    {
        return Path.of(config.nic().shm().path() + FEED_RING_SUFFIX);
    }

    /**
     * The gateway thread's ring file.
     *
     * @param config the configuration.
     * @return the path.
     */
    static Path gatewayRingPath(final WirespeedConfig config)
    {
        return Path.of(config.nic().shm().path() + GATEWAY_RING_SUFFIX);
    }

    /**
     * Subscribe to the appliance's streams (untethered: a journal that falls behind is left behind, never slows the
     * publishers) and create the agent over them and the rings.
     *
     * @param config   the configuration.
     * @param aeron    the appliance's client.
     * @param errorLog the appliance's error log, whose distinct errors are journaled.
     * @param counters where the agent's counters live.
     * @param clock    the appliance's clock.
     * @return the agent, to run on its own thread.
     */
    JournalAgent startAgent(
        final WirespeedConfig config,
        final Aeron aeron,
        final ErrorLogFile errorLog,
        final CountersFile counters,
        final EpochNanoClock clock)
    {
        final AeronContext context = config.aeron();
        final String channel = JournalAgent.subscriptionChannel(context.channel());
        for (final int streamId : new int[]{ context.marketDataStreamId(), context.orderStreamId(),
            context.executionStreamId(), context.controlStreamId() })
        {
            subscriptions.add(aeron.addSubscription(channel, streamId));
        }
        agent = new JournalAgent(journal, List.of(feedRing, gatewayRing), List.copyOf(subscriptions),
            errorLog.buffer(), counters, clock);
        return agent;
    }

    /**
     * What the gateway restores from: its GATEWAY_STATE records and the venue bytes it sent and received, folded in
     * journal order; called after the leftover rings were drained, before the gateway runs.
     *
     * @return the state, {@link RestoredGatewayState#EMPTY} when the journal holds none.
     */
    RestoredGatewayState restoreGateway()
    {
        final GatewayStateFold fold = new GatewayStateFold();
        Journal.replay(journal.dir(), EnumSet.of(JournalStream.GATEWAY_STATE, JournalStream.VENUE_OUT,
            JournalStream.VENUE_IN), (stream, sourceId, sequence, timestampNs, buffer, offset, length) ->
            fold.onRecord(stream, buffer, offset, length));
        return fold.result();
    }

    /**
     * The agent, once {@link #startAgent started}.
     *
     * @return the agent or null.
     */
    JournalAgent agent()
    {
        return agent;
    }

    /**
     * Journal what the rings still hold (the hot threads have stopped), delete them and close the queue; the agent
     * closed its subscriptions. A ring that cannot be drained stays for the next start to journal.
     */
    public void close()
    {
        CloseHelper.closeAll(subscriptions);
        feedRing.close();
        gatewayRing.close();
        try
        {
            journal.drainLeftover(feedRing.path());
            journal.drainLeftover(gatewayRing.path());
        }
        finally
        {
            CloseHelper.quietClose(journal);
        }
    }
}
