package io.wirespeed.feed;

import io.wirespeed.codecs.mdp3.ChannelReset4Decoder;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshBook46Decoder;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshDailyStatistics49Decoder;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshLimitsBanding50Decoder;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshSessionStatistics51Decoder;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshTradeSummary48Decoder;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshVolume37Decoder;
import io.wirespeed.codecs.mdp3.MDInstrumentDefinitionFuture54Decoder;
import io.wirespeed.codecs.mdp3.SecurityStatus30Decoder;
import io.wirespeed.codecs.mdp3.SnapshotFullRefresh52Decoder;

/**
 * Reads each message it is given: every group entry (SBE's skip), some fields by hand, and every field of one message
 * in eight (SBE's appendTo), so a read outside the message would show.
 */
final class TouchingListener implements Mdp3Listener
{
    private final StringBuilder text = new StringBuilder();
    long touched;
    long messages;

    public void onChannelReset(final ChannelReset4Decoder decoder)
    {
        messages++;
        touched += 0 == (messages & 7) ? decoder.appendTo(clear()).length() : decoder.sbeDecodedLength();
        final ChannelReset4Decoder.NoMDEntriesDecoder entries = decoder.noMDEntries();
        while (entries.hasNext())
        {
            touched += entries.next().applID();
        }
    }

    public void onBook(final MDIncrementalRefreshBook46Decoder decoder)
    {
        messages++;
        touched += 0 == (messages & 7) ? decoder.appendTo(clear()).length() : decoder.sbeDecodedLength();
        final MDIncrementalRefreshBook46Decoder.NoMDEntriesDecoder entries = decoder.noMDEntries();
        while (entries.hasNext())
        {
            entries.next();
            touched += entries.mDEntryPx().mantissa() + entries.mDEntrySize() + entries.rptSeq() +
                entries.mDEntryTypeRaw() + entries.mDUpdateActionRaw() + entries.mDPriceLevel();
        }
        final MDIncrementalRefreshBook46Decoder.NoOrderIDEntriesDecoder orders = decoder.noOrderIDEntries();
        while (orders.hasNext())
        {
            touched += orders.next().orderID() + orders.orderUpdateActionRaw();
        }
    }

    public void onTrades(final MDIncrementalRefreshTradeSummary48Decoder decoder)
    {
        messages++;
        touched += 0 == (messages & 7) ? decoder.appendTo(clear()).length() : decoder.sbeDecodedLength();
        final MDIncrementalRefreshTradeSummary48Decoder.NoMDEntriesDecoder entries = decoder.noMDEntries();
        while (entries.hasNext())
        {
            touched += entries.next().mDEntryPx().mantissa() + entries.mDTradeEntryID();
        }
        final MDIncrementalRefreshTradeSummary48Decoder.NoOrderIDEntriesDecoder orders =
            decoder.noOrderIDEntries();
        while (orders.hasNext())
        {
            touched += orders.next().lastQty();
        }
    }

    public void onVolume(final MDIncrementalRefreshVolume37Decoder decoder)
    {
        messages++;
        touched += 0 == (messages & 7) ? decoder.appendTo(clear()).length() : decoder.sbeDecodedLength();
        final MDIncrementalRefreshVolume37Decoder.NoMDEntriesDecoder entries = decoder.noMDEntries();
        while (entries.hasNext())
        {
            touched += entries.next().mDEntrySize() + entries.rptSeq() + entries.mDUpdateActionRaw();
        }
    }

    public void onDailyStatistics(final MDIncrementalRefreshDailyStatistics49Decoder decoder)
    {
        messages++;
        touched += 0 == (messages & 7) ? decoder.appendTo(clear()).length() : decoder.sbeDecodedLength();
        final MDIncrementalRefreshDailyStatistics49Decoder.NoMDEntriesDecoder entries = decoder.noMDEntries();
        while (entries.hasNext())
        {
            touched += entries.next().mDEntryPx().mantissa() + entries.settlPriceType().getRaw() +
                entries.mDEntryTypeRaw() + entries.tradingReferenceDate();
        }
    }

    public void onLimitsBanding(final MDIncrementalRefreshLimitsBanding50Decoder decoder)
    {
        messages++;
        touched += 0 == (messages & 7) ? decoder.appendTo(clear()).length() : decoder.sbeDecodedLength();
        final MDIncrementalRefreshLimitsBanding50Decoder.NoMDEntriesDecoder entries = decoder.noMDEntries();
        while (entries.hasNext())
        {
            touched += entries.next().maxPriceVariation().mantissa() + entries.rptSeq();
        }
    }

    public void onSessionStatistics(final MDIncrementalRefreshSessionStatistics51Decoder decoder)
    {
        messages++;
        touched += 0 == (messages & 7) ? decoder.appendTo(clear()).length() : decoder.sbeDecodedLength();
        final MDIncrementalRefreshSessionStatistics51Decoder.NoMDEntriesDecoder entries = decoder.noMDEntries();
        while (entries.hasNext())
        {
            touched += entries.next().mDEntrySize() + entries.openCloseSettlFlagRaw() + entries.mDEntryTypeRaw();
        }
    }

    public void onSecurityStatus(final SecurityStatus30Decoder decoder)
    {
        messages++;
        touched += 0 == (messages & 7) ? decoder.appendTo(clear()).length() : decoder.sbeDecodedLength();
        touched += decoder.securityID() + decoder.securityTradingEventRaw();
    }

    public void onSnapshot(final SnapshotFullRefresh52Decoder decoder)
    {
        messages++;
        touched += 0 == (messages & 7) ? decoder.appendTo(clear()).length() : decoder.sbeDecodedLength();
        touched += decoder.maxPriceVariation().mantissa();
        final SnapshotFullRefresh52Decoder.NoMDEntriesDecoder entries = decoder.noMDEntries();
        while (entries.hasNext())
        {
            touched += entries.next().mDEntryTypeRaw() + entries.mDPriceLevel();
        }
    }

    public void onDefinition(final MDInstrumentDefinitionFuture54Decoder decoder)
    {
        messages++;
        touched += 0 == (messages & 7) ? decoder.appendTo(clear()).length() : decoder.sbeDecodedLength();
        touched += decoder.securityID() + decoder.tradingReferenceDate() + decoder.minPriceIncrement().mantissa();
    }

    private StringBuilder clear()
    {
        text.setLength(0);
        return text;
    }
}
