package io.wirespeed.sim;

import io.wirespeed.codecs.mdp3.AdminHeartbeat12Encoder;
import io.wirespeed.codecs.mdp3.AggressorSide;
import io.wirespeed.codecs.mdp3.ChannelReset4Encoder;
import io.wirespeed.codecs.mdp3.GroupSize8ByteEncoder;
import io.wirespeed.codecs.mdp3.GroupSizeEncoder;
import io.wirespeed.codecs.mdp3.MDEntryTypeBook;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshBook46Encoder;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshTradeSummary48Encoder;
import io.wirespeed.codecs.mdp3.MDUpdateAction;
import io.wirespeed.codecs.mdp3.MessageHeaderEncoder;
import io.wirespeed.codecs.mdp3.MessageSizeEncoder;
import io.wirespeed.codecs.mdp3.SecurityStatus30Encoder;
import io.wirespeed.codecs.mdp3.SecurityTradingEvent;
import io.wirespeed.codecs.mdp3.SecurityTradingStatus;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Writes the incremental feed's events into {@link PacketStaging} in the order CME's event-based messaging uses:
 * trade summary, electronic volume, book updates (in as many MDIncrementalRefreshBook46 messages as packets need),
 * then the statistics the event made (session statistics, a band move), EndOfEvent on the event's last message;
 * statistics events, SecurityStatus30, ChannelReset4 and AdminHeartbeat12 on their own.
 */
final class IncrementalEncoder
{
    static final int MESSAGE_PREFIX_LENGTH = MessageSizeEncoder.ENCODED_LENGTH + MessageHeaderEncoder.ENCODED_LENGTH;
    static final int BOOK_ENTRY_LENGTH = MDIncrementalRefreshBook46Encoder.NoMDEntriesEncoder.sbeBlockLength();
    static final int BOOK_FIXED_LENGTH = MESSAGE_PREFIX_LENGTH + MDIncrementalRefreshBook46Encoder.BLOCK_LENGTH +
        GroupSizeEncoder.ENCODED_LENGTH + GroupSize8ByteEncoder.ENCODED_LENGTH;
    static final int TRADE_ENTRY_LENGTH = MDIncrementalRefreshTradeSummary48Encoder.NoMDEntriesEncoder.sbeBlockLength();
    static final int TRADE_ORDER_LENGTH =
        MDIncrementalRefreshTradeSummary48Encoder.NoOrderIDEntriesEncoder.sbeBlockLength();
    static final int TRADE_FIXED_LENGTH = MESSAGE_PREFIX_LENGTH +
        MDIncrementalRefreshTradeSummary48Encoder.BLOCK_LENGTH + GroupSizeEncoder.ENCODED_LENGTH +
        GroupSize8ByteEncoder.ENCODED_LENGTH;
    static final int MAX_GROUP_COUNT = 255;

    private final PacketStaging staging;
    private final UnsafeBuffer buffer;
    private final int channelId;
    private final FeedTemplates templates;
    private final StatisticsEncoder statistics;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final MDIncrementalRefreshBook46Encoder book = new MDIncrementalRefreshBook46Encoder();
    private final MDIncrementalRefreshTradeSummary48Encoder trade = new MDIncrementalRefreshTradeSummary48Encoder();
    private final SecurityStatus30Encoder status = new SecurityStatus30Encoder();
    private final ChannelReset4Encoder reset = new ChannelReset4Encoder();
    private final AdminHeartbeat12Encoder heartbeat = new AdminHeartbeat12Encoder();
    private final StatEntries sessionEntries = new StatEntries();
    private final long[] tradePrices;
    private final long[] tradeQuantities;
    private final int[] tradeFirstFills;
    private final int[] tradeFillCounts;

    IncrementalEncoder(
        final PacketStaging staging, final int channelId, final int maxFills, final FeedTemplates templates)
    {
        this.staging = staging;
        this.buffer = staging.buffer();
        this.channelId = channelId;
        this.templates = templates;
        this.statistics = new StatisticsEncoder(staging);
        tradePrices = new long[maxFills];
        tradeQuantities = new long[maxFills];
        tradeFirstFills = new int[maxFills];
        tradeFillCounts = new int[maxFills];
    }

    /**
     * The messages of one event on one instrument: its trades, volume, book updates and the statistics they make.
     * Each trade entry (one per price level) takes the instrument's next MDTradeEntryID, which its fills carry.
     *
     * @return the number of messages written.
     */
    int writeEvent(
        final SimInstrument instrument, final Fills fills, final BookEntries entries, final long transactTimeNs)
    {
        final int tradeCount = aggregateTrades(instrument, fills);
        final int entryCount = entries.count();
        if (0 == tradeCount && 0 == entryCount)
        {
            return 0;
        }
        instrument.lastTransactTimeNs = transactTimeNs;

        final InstrumentStatistics stats = instrument.stats;
        final StatEntries session = sessionEntries;
        session.reset();
        boolean bandMoved = false;
        if (tradeCount > 0)
        {
            stats.onTrades(tradePrices, tradeQuantities, tradeCount, session);
            bandMoved = stats.moveBand(tradePrices[tradeCount - 1]);
        }
        if (SecurityTradingStatus.ReadyToTrade == instrument.status)
        {
            final MbpBook mbp = instrument.mbp;
            stats.onTopOfBook(
                0 == mbp.levelCount(Side.BID) ? InstrumentStatistics.NULL_PRICE : mbp.price(Side.BID, 1),
                0 == mbp.levelCount(Side.ASK) ? InstrumentStatistics.NULL_PRICE : mbp.price(Side.ASK, 1),
                session);
        }
        final boolean volume = templates.volume && tradeCount > 0;
        final boolean sessionStats = templates.sessionStatistics && session.count() > 0;
        final boolean limits = templates.limitsBanding && bandMoved;
        final boolean statsFollow = sessionStats || limits;

        int messages = 0;
        if (tradeCount > 0)
        {
            writeTrades(instrument, fills, tradeCount, transactTimeNs, !volume && 0 == entryCount && !statsFollow);
            messages++;
        }
        if (volume)
        {
            statistics.writeVolume(instrument, transactTimeNs, 0 == entryCount && !statsFollow);
            messages++;
        }
        messages += writeBookUpdates(instrument, entries, transactTimeNs, statsFollow);
        if (sessionStats)
        {
            statistics.writeSession(instrument, session, transactTimeNs, !limits);
            messages++;
        }
        if (limits)
        {
            statistics.writeLimits(instrument, transactTimeNs, true);
            messages++;
        }
        return messages;
    }

    /**
     * Trades that could not be staged: their fills still get trade entry ids and the session's statistics still
     * count them, so that the next volume and the snapshots are right.
     */
    void onUnpublishedTrades(final SimInstrument instrument, final Fills fills)
    {
        final int tradeCount = aggregateTrades(instrument, fills);
        if (tradeCount > 0)
        {
            sessionEntries.reset();
            instrument.stats.onTrades(tradePrices, tradeQuantities, tradeCount, sessionEntries);
        }
    }

    /**
     * A statistics event of its own on one instrument: daily statistics, session statistics and limits, the last
     * one carrying EndOfEvent; nothing when all are empty.
     *
     * @return the number of messages written.
     */
    int writeStatisticsEvent(
        final SimInstrument instrument,
        final StatEntries daily,
        final boolean limits,
        final StatEntries session,
        final long transactTimeNs)
    {
        final boolean dailyStats = templates.dailyStatistics && daily.count() > 0;
        final boolean limitsBanding = templates.limitsBanding && limits;
        final boolean sessionStats = templates.sessionStatistics && session.count() > 0;
        if (!dailyStats && !limitsBanding && !sessionStats)
        {
            return 0;
        }
        instrument.lastTransactTimeNs = transactTimeNs;
        int messages = 0;
        if (dailyStats)
        {
            statistics.writeDaily(instrument, daily, transactTimeNs, !sessionStats && !limitsBanding);
            messages++;
        }
        if (sessionStats)
        {
            statistics.writeSession(instrument, session, transactTimeNs, !limitsBanding);
            messages++;
        }
        if (limitsBanding)
        {
            statistics.writeLimits(instrument, transactTimeNs, true);
            messages++;
        }
        return messages;
    }

    /**
     * After a channel reset, one event per instrument publishing afresh what a receiver emptied: the session's
     * volume, its book as New entries, its session statistics and its limits.
     */
    void writeRepublishEvent(final SimInstrument instrument, final BookEntries entries, final long transactTimeNs)
    {
        final StatEntries session = sessionEntries;
        session.reset();
        instrument.stats.sessionEntries(session);
        final int entryCount = entries.count();
        final boolean volume = templates.volume && instrument.stats.sessionVolume > 0;
        final boolean sessionStats = templates.sessionStatistics && session.count() > 0;
        final boolean limits = templates.limitsBanding;
        if (!volume && 0 == entryCount && !sessionStats && !limits)
        {
            return;
        }
        instrument.lastTransactTimeNs = transactTimeNs;
        if (volume)
        {
            statistics.writeVolume(instrument, transactTimeNs, 0 == entryCount && !sessionStats && !limits);
        }
        writeBookUpdates(instrument, entries, transactTimeNs, sessionStats || limits);
        if (sessionStats)
        {
            statistics.writeSession(instrument, session, transactTimeNs, !limits);
        }
        if (limits)
        {
            statistics.writeLimits(instrument, transactTimeNs, true);
        }
    }

    void writeChannelReset(final long transactTimeNs)
    {
        final int length = MESSAGE_PREFIX_LENGTH + ChannelReset4Encoder.BLOCK_LENGTH + GroupSizeEncoder.ENCODED_LENGTH +
            ChannelReset4Encoder.NoMDEntriesEncoder.sbeBlockLength();
        final int offset = staging.claimMessage(length);
        reset.wrapAndApplyHeader(buffer, offset + MessageSizeEncoder.ENCODED_LENGTH, header)
            .transactTime(transactTimeNs);
        reset.matchEventIndicator().clear().endOfEvent(true);
        reset.noMDEntriesCount(1).next().applID((short)channelId);
        staging.commitMessage(MESSAGE_PREFIX_LENGTH + reset.encodedLength());
    }

    void writeSecurityStatus(
        final SimInstrument instrument,
        final long transactTimeNs,
        final int tradeDate,
        final SecurityTradingEvent event)
    {
        instrument.lastTransactTimeNs = transactTimeNs;
        final int length = MESSAGE_PREFIX_LENGTH + SecurityStatus30Encoder.BLOCK_LENGTH;
        final int offset = staging.claimMessage(length);
        status.wrapAndApplyHeader(buffer, offset + MessageSizeEncoder.ENCODED_LENGTH, header)
            .transactTime(transactTimeNs)
            .putSecurityGroup(instrument.securityGroup, 0)
            .putAsset(instrument.asset, 0)
            .securityID(instrument.securityId)
            .tradeDate(tradeDate);
        status.matchEventIndicator().clear().endOfEvent(true);
        status.securityTradingStatus(instrument.status)
            .haltReason(instrument.haltReason)
            .securityTradingEvent(event);
        staging.commitMessage(MESSAGE_PREFIX_LENGTH + status.encodedLength());
    }

    /**
     * A packet of its own holding one AdminHeartbeat12, for an idle channel.
     */
    void writeHeartbeat()
    {
        staging.endPacket();
        final int offset = staging.claimMessage(MESSAGE_PREFIX_LENGTH + AdminHeartbeat12Encoder.BLOCK_LENGTH);
        heartbeat.wrapAndApplyHeader(buffer, offset + MessageSizeEncoder.ENCODED_LENGTH, header);
        staging.commitMessage(MESSAGE_PREFIX_LENGTH + heartbeat.encodedLength());
        staging.endPacket();
    }

    /**
     * Fills by price level, in match order; each level's fills get the level's trade entry id.
     */
    private int aggregateTrades(final SimInstrument instrument, final Fills fills)
    {
        int count = 0;
        for (int i = 0; i < fills.count(); i++)
        {
            if (count > 0 && tradePrices[count - 1] == fills.price(i))
            {
                tradeQuantities[count - 1] += fills.qty(i);
                tradeFillCounts[count - 1]++;
            }
            else
            {
                tradePrices[count] = fills.price(i);
                tradeQuantities[count] = fills.qty(i);
                tradeFirstFills[count] = i;
                tradeFillCounts[count] = 1;
                instrument.nextTradeEntryId();
                count++;
            }
            fills.tradeEntryId(i, instrument.mdTradeEntryId);
        }
        return count;
    }

    /**
     * Summary entries by price level, then per level the order details CME sends: the aggressor's order for the
     * level's quantity first, then each resting order filled; NumberOfOrders counts a level's details.
     */
    private void writeTrades(
        final SimInstrument instrument,
        final Fills fills,
        final int tradeCount,
        final long transactTimeNs,
        final boolean endOfEvent)
    {
        final int entries = Math.min(tradeCount, MAX_GROUP_COUNT);
        int orderCount = 0;
        for (int i = 0; i < entries; i++)
        {
            orderCount += 1 + tradeFillCounts[i];
        }
        final int withoutOrders = TRADE_FIXED_LENGTH + entries * TRADE_ENTRY_LENGTH;
        final int withOrders = withoutOrders + orderCount * TRADE_ORDER_LENGTH;
        final boolean orders = withOrders <= staging.maxMessageLength() && orderCount <= MAX_GROUP_COUNT;
        final int offset = staging.claimMessage(orders ? withOrders : withoutOrders);

        trade.wrapAndApplyHeader(buffer, offset + MessageSizeEncoder.ENCODED_LENGTH, header)
            .transactTime(transactTimeNs);
        trade.matchEventIndicator().clear().lastTradeMsg(true).endOfEvent(endOfEvent);
        final AggressorSide aggressor = Side.BID == fills.aggressorSide() ? AggressorSide.Buy : AggressorSide.Sell;
        final MDIncrementalRefreshTradeSummary48Encoder.NoMDEntriesEncoder group = trade.noMDEntriesCount(entries);
        for (int i = 0; i < entries; i++)
        {
            group.next();
            group.mDEntryPx().mantissa(tradePrices[i]);
            group.mDEntrySize((int)tradeQuantities[i])
                .securityID(instrument.securityId)
                .rptSeq(instrument.nextRptSeq())
                .numberOfOrders(1 + tradeFillCounts[i])
                .aggressorSide(aggressor)
                .mDUpdateAction(MDUpdateAction.New)
                .mDTradeEntryID(fills.tradeEntryId(tradeFirstFills[i]));
        }

        final MDIncrementalRefreshTradeSummary48Encoder.NoOrderIDEntriesEncoder orderGroup =
            trade.noOrderIDEntriesCount(orders ? orderCount : 0);
        if (orders)
        {
            for (int i = 0; i < entries; i++)
            {
                orderGroup.next().orderID(fills.aggressorOrderId()).lastQty((int)tradeQuantities[i]);
                final int first = tradeFirstFills[i];
                for (int f = first; f < first + tradeFillCounts[i]; f++)
                {
                    orderGroup.next().orderID(fills.restingOrderId(f)).lastQty((int)fills.qty(f));
                }
            }
        }
        staging.commitMessage(MESSAGE_PREFIX_LENGTH + trade.encodedLength());
    }

    private int writeBookUpdates(
        final SimInstrument instrument, final BookEntries entries, final long transactTimeNs, final boolean more)
    {
        final int entryCount = entries.count();
        int messages = 0;
        int written = 0;
        while (written < entryCount)
        {
            final int fit = (staging.room() - BOOK_FIXED_LENGTH) / BOOK_ENTRY_LENGTH;
            if (fit < 1)
            {
                staging.endPacket();
                continue;
            }
            final int batch = Math.min(Math.min(fit, MAX_GROUP_COUNT), entryCount - written);
            final boolean last = written + batch == entryCount;
            writeBook(instrument, entries, written, batch, transactTimeNs, last, last && !more);
            written += batch;
            messages++;
        }
        return messages;
    }

    private void writeBook(
        final SimInstrument instrument,
        final BookEntries entries,
        final int from,
        final int count,
        final long transactTimeNs,
        final boolean lastQuote,
        final boolean endOfEvent)
    {
        final int offset = staging.claimMessage(BOOK_FIXED_LENGTH + count * BOOK_ENTRY_LENGTH);
        book.wrapAndApplyHeader(buffer, offset + MessageSizeEncoder.ENCODED_LENGTH, header)
            .transactTime(transactTimeNs);
        book.matchEventIndicator().clear().lastQuoteMsg(lastQuote).endOfEvent(endOfEvent);
        final MDIncrementalRefreshBook46Encoder.NoMDEntriesEncoder group = book.noMDEntriesCount(count);
        for (int i = from; i < from + count; i++)
        {
            group.next();
            group.mDEntryPx().mantissa(entries.price(i));
            group.mDEntrySize((int)entries.qty(i))
                .numberOfOrders(entries.orderCount(i))
                .securityID(instrument.securityId)
                .rptSeq(instrument.nextRptSeq())
                .mDPriceLevel((short)entries.level(i))
                .mDUpdateAction(entries.action(i))
                .mDEntryType(Side.BID == entries.side(i) ? MDEntryTypeBook.Bid : MDEntryTypeBook.Offer);
        }
        book.noOrderIDEntriesCount(0);
        staging.commitMessage(MESSAGE_PREFIX_LENGTH + book.encodedLength());
    }
}
