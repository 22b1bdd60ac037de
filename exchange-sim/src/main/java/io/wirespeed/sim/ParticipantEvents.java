package io.wirespeed.sim;

import io.wirespeed.codecs.mdp3.HaltReason;
import io.wirespeed.codecs.mdp3.SecurityTradingEvent;
import io.wirespeed.codecs.mdp3.SecurityTradingStatus;
import org.agrona.collections.Int2ObjectHashMap;

/**
 * The events of a schedule slot (simulated participants acting on instruments open for trading) and of the
 * operator's commands (channel reset, trading status), written in {@link PacketStaging}. A channel reset, as CME's,
 * restarts every RptSeq at 1 and publishes each book afresh with the session's statistics; daily statistics are not
 * resent.
 */
final class ParticipantEvents implements SimCommands.Handler
{
    private final SimInstrument[] instruments;
    private final Int2ObjectHashMap<SimInstrument> instrumentsById;
    private final SimRandom random;
    private final MarketGenerator generator;
    private final Fills fills;
    private final BookEntries entries;
    private final PacketStaging staging;
    private final IncrementalEncoder incremental;
    private final ClientMarket clientMarket;
    private final TradingSchedule schedule;
    private final SimCounters counters;
    private long nowNs;

    ParticipantEvents(
        final SimInstrument[] instruments,
        final Int2ObjectHashMap<SimInstrument> instrumentsById,
        final SimRandom random,
        final MarketGenerator generator,
        final Fills fills,
        final BookEntries entries,
        final PacketStaging staging,
        final IncrementalEncoder incremental,
        final ClientMarket clientMarket,
        final TradingSchedule schedule,
        final SimCounters counters)
    {
        this.instruments = instruments;
        this.instrumentsById = instrumentsById;
        this.random = random;
        this.generator = generator;
        this.fills = fills;
        this.entries = entries;
        this.staging = staging;
        this.incremental = incremental;
        this.clientMarket = clientMarket;
        this.schedule = schedule;
        this.counters = counters;
    }

    /**
     * The time commands are stamped with.
     */
    void nowNs(final long nowNs)
    {
        this.nowNs = nowNs;
    }

    /**
     * One schedule slot: one to {@code maxEvents} participant events, each on a random instrument, none on an
     * instrument not ReadyToTrade.
     */
    void runSlot(final long intendedNs, final int maxEvents)
    {
        counters.increment(SimCounter.SCHEDULE_SLOTS);
        final long timeNs = staging.eventTime(intendedNs);
        final int events = 1 + random.nextInt(maxEvents);
        final int count = instruments.length;
        for (int i = 0; i < events && count > 0; i++)
        {
            final SimInstrument instrument = instruments[random.nextInt(count)];
            if (SecurityTradingStatus.ReadyToTrade == instrument.status)
            {
                generator.act(instrument, fills);
                publishBook(instrument, timeNs);
                clientMarket.onParticipantEvent(instrument, fills, timeNs);
            }
        }
        staging.endPacket();
    }

    /**
     * {@inheritDoc}
     */
    public void onChannelReset()
    {
        counters.increment(SimCounter.CHANNEL_RESETS);
        final long timeNs = staging.eventTime(nowNs);
        incremental.writeChannelReset(timeNs);
        staging.endPacket();
        for (final SimInstrument instrument : instruments)
        {
            instrument.rptSeq = 0;
            instrument.mbp.clear();
            entries.reset();
            instrument.mbp.update(instrument.book, Side.BID, entries);
            instrument.mbp.update(instrument.book, Side.ASK, entries);
            incremental.writeRepublishEvent(instrument, entries, timeNs);
            staging.endPacket();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onTradingStatus(final int securityId, final SecurityTradingStatus status, final HaltReason haltReason)
    {
        final SimInstrument instrument = instrumentsById.get(securityId);
        if (null == instrument)
        {
            counters.increment(SimCounter.UNKNOWN_INSTRUMENT_COMMANDS);
            return;
        }
        instrument.status = status;
        instrument.haltReason = haltReason;
        counters.increment(SimCounter.STATUS_CHANGES);
        final long timeNs = staging.eventTime(nowNs);
        incremental.writeSecurityStatus(instrument, timeNs, schedule.tradeDate(), SecurityTradingEvent.NoEvent);
        staging.endPacket();
    }

    private void publishBook(final SimInstrument instrument, final long timeNs)
    {
        entries.reset();
        instrument.mbp.update(instrument.book, Side.BID, entries);
        instrument.mbp.update(instrument.book, Side.ASK, entries);
        incremental.writeEvent(instrument, fills, entries, timeNs);
    }
}
