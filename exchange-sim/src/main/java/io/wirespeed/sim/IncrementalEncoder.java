package io.wirespeed.sim;

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
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Writes the incremental feed's messages into {@link PacketStaging}: per event the trade summary, then the MBP book
 * updates in as many MDIncrementalRefreshBook46 messages as packets need, EndOfEvent on the event's last message;
 * ChannelReset4 and SecurityStatus30 on command.
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
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final MDIncrementalRefreshBook46Encoder book = new MDIncrementalRefreshBook46Encoder();
    private final MDIncrementalRefreshTradeSummary48Encoder trade = new MDIncrementalRefreshTradeSummary48Encoder();
    private final SecurityStatus30Encoder status = new SecurityStatus30Encoder();
    private final ChannelReset4Encoder reset = new ChannelReset4Encoder();
    private final long[] tradePrices;
    private final long[] tradeQuantities;
    private final int[] tradeOrderCounts;
    private long tradeEntryId;

    IncrementalEncoder(final PacketStaging staging, final int channelId, final int maxFills)
    {
        this.staging = staging;
        this.buffer = staging.buffer();
        this.channelId = channelId;
        tradePrices = new long[maxFills];
        tradeQuantities = new long[maxFills];
        tradeOrderCounts = new int[maxFills];
    }

    /**
     * The messages of one event on one instrument: its trades, then its book updates.
     *
     * @return the number of messages written.
     */
    int writeEvent(
        final SimInstrument instrument, final Fills fills, final BookEntries entries, final long transactTimeNs)
    {
        final int tradeCount = aggregateTrades(fills);
        final int entryCount = entries.count();
        if (0 == tradeCount && 0 == entryCount)
        {
            return 0;
        }
        instrument.lastTransactTimeNs = transactTimeNs;

        int messages = 0;
        if (tradeCount > 0)
        {
            writeTrades(instrument, fills, tradeCount, transactTimeNs, 0 == entryCount);
            messages++;
        }

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
            writeBook(instrument, entries, written, batch, transactTimeNs, written + batch == entryCount);
            written += batch;
            messages++;
        }
        return messages;
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
        staging.commitMessage(MessageSizeEncoder.ENCODED_LENGTH + MessageHeaderEncoder.ENCODED_LENGTH +
            reset.encodedLength());
    }

    void writeSecurityStatus(final SimInstrument instrument, final long transactTimeNs, final int tradeDate)
    {
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
            .securityTradingEvent(SecurityTradingEvent.NoEvent);
        staging.commitMessage(MessageSizeEncoder.ENCODED_LENGTH + MessageHeaderEncoder.ENCODED_LENGTH +
            status.encodedLength());
    }

    private int aggregateTrades(final Fills fills)
    {
        int count = 0;
        for (int i = 0; i < fills.count(); i++)
        {
            if (count > 0 && tradePrices[count - 1] == fills.price(i))
            {
                tradeQuantities[count - 1] += fills.qty(i);
                tradeOrderCounts[count - 1]++;
            }
            else
            {
                tradePrices[count] = fills.price(i);
                tradeQuantities[count] = fills.qty(i);
                tradeOrderCounts[count] = 2;
                count++;
            }
        }
        return count;
    }

    private void writeTrades(
        final SimInstrument instrument,
        final Fills fills,
        final int tradeCount,
        final long transactTimeNs,
        final boolean endOfEvent)
    {
        final int entries = Math.min(tradeCount, MAX_GROUP_COUNT);
        final int withoutOrders = TRADE_FIXED_LENGTH + entries * TRADE_ENTRY_LENGTH;
        final int withOrders = withoutOrders + (fills.count() + 1) * TRADE_ORDER_LENGTH;
        final boolean orders = withOrders <= staging.maxMessageLength() && fills.count() + 1 <= MAX_GROUP_COUNT;
        final int length = orders ? withOrders : withoutOrders;
        final int offset = staging.claimMessage(length);

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
                .numberOfOrders(tradeOrderCounts[i])
                .aggressorSide(aggressor)
                .mDUpdateAction(MDUpdateAction.New)
                .mDTradeEntryID(++tradeEntryId);
        }

        final MDIncrementalRefreshTradeSummary48Encoder.NoOrderIDEntriesEncoder orderGroup =
            trade.noOrderIDEntriesCount(orders ? fills.count() + 1 : 0);
        if (orders)
        {
            long aggressorQty = 0;
            for (int i = 0; i < fills.count(); i++)
            {
                aggressorQty += fills.qty(i);
            }
            orderGroup.next().orderID(fills.aggressorOrderId()).lastQty((int)aggressorQty);
            for (int i = 0; i < fills.count(); i++)
            {
                orderGroup.next().orderID(fills.restingOrderId(i)).lastQty((int)fills.qty(i));
            }
        }
        staging.commitMessage(MessageSizeEncoder.ENCODED_LENGTH + MessageHeaderEncoder.ENCODED_LENGTH +
            trade.encodedLength());
    }

    private void writeBook(
        final SimInstrument instrument,
        final BookEntries entries,
        final int from,
        final int count,
        final long transactTimeNs,
        final boolean endOfEvent)
    {
        final int offset = staging.claimMessage(BOOK_FIXED_LENGTH + count * BOOK_ENTRY_LENGTH);
        book.wrapAndApplyHeader(buffer, offset + MessageSizeEncoder.ENCODED_LENGTH, header)
            .transactTime(transactTimeNs);
        book.matchEventIndicator().clear().lastQuoteMsg(endOfEvent).endOfEvent(endOfEvent);
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
        staging.commitMessage(MessageSizeEncoder.ENCODED_LENGTH + MessageHeaderEncoder.ENCODED_LENGTH +
            book.encodedLength());
    }
}
