package io.wirespeed.sim;

import io.wirespeed.codecs.mdp3.GroupSizeEncoder;
import io.wirespeed.codecs.mdp3.MDEntryTypeDailyStatistics;
import io.wirespeed.codecs.mdp3.MDEntryTypeStatistics;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshDailyStatistics49Encoder;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshLimitsBanding50Encoder;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshSessionStatistics51Encoder;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshVolume37Encoder;
import io.wirespeed.codecs.mdp3.MDUpdateAction;
import io.wirespeed.codecs.mdp3.MessageHeaderEncoder;
import io.wirespeed.codecs.mdp3.MessageSizeEncoder;
import io.wirespeed.codecs.mdp3.OpenCloseSettlFlag;
import io.wirespeed.codecs.mdp3.SettlPriceTypeEncoder;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Writes the incremental feed's statistics messages of one instrument into {@link PacketStaging}, each entry with
 * the instrument's next RptSeq: electronic volume (37), daily statistics (49), limits and banding (50) and session
 * statistics (51), MatchEventIndicator marking the last message of its kind and the last of the event as CME does.
 */
final class StatisticsEncoder
{
    private static final int PREFIX_LENGTH = MessageSizeEncoder.ENCODED_LENGTH + MessageHeaderEncoder.ENCODED_LENGTH;
    private static final int GROUP_HEADER_LENGTH = GroupSizeEncoder.ENCODED_LENGTH;

    private final PacketStaging staging;
    private final UnsafeBuffer buffer;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final MDIncrementalRefreshVolume37Encoder volume = new MDIncrementalRefreshVolume37Encoder();
    private final MDIncrementalRefreshDailyStatistics49Encoder daily =
        new MDIncrementalRefreshDailyStatistics49Encoder();
    private final MDIncrementalRefreshLimitsBanding50Encoder limits = new MDIncrementalRefreshLimitsBanding50Encoder();
    private final MDIncrementalRefreshSessionStatistics51Encoder session =
        new MDIncrementalRefreshSessionStatistics51Encoder();

    StatisticsEncoder(final PacketStaging staging)
    {
        this.staging = staging;
        this.buffer = staging.buffer();
    }

    /**
     * The instrument's cumulative electronic volume for the session.
     */
    void writeVolume(final SimInstrument instrument, final long transactTimeNs, final boolean endOfEvent)
    {
        final int offset = staging.claimMessage(PREFIX_LENGTH + MDIncrementalRefreshVolume37Encoder.BLOCK_LENGTH +
            GROUP_HEADER_LENGTH + MDIncrementalRefreshVolume37Encoder.NoMDEntriesEncoder.sbeBlockLength());
        volume.wrapAndApplyHeader(buffer, offset + MessageSizeEncoder.ENCODED_LENGTH, header)
            .transactTime(transactTimeNs);
        volume.matchEventIndicator().clear().lastVolumeMsg(true).endOfEvent(endOfEvent);
        volume.noMDEntriesCount(1).next()
            .mDEntrySize(InstrumentStatistics.size(instrument.stats.sessionVolume))
            .securityID(instrument.securityId)
            .rptSeq(instrument.nextRptSeq())
            .mDUpdateAction(MDUpdateAction.New);
        staging.commitMessage(PREFIX_LENGTH + volume.encodedLength());
    }

    /**
     * Session statistics entries (opening, indicative opening, high, low, highest bid, lowest offer).
     */
    void writeSession(
        final SimInstrument instrument, final StatEntries entries, final long transactTimeNs, final boolean endOfEvent)
    {
        final int count = entries.count();
        final int offset = staging.claimMessage(PREFIX_LENGTH +
            MDIncrementalRefreshSessionStatistics51Encoder.BLOCK_LENGTH + GROUP_HEADER_LENGTH +
            count * MDIncrementalRefreshSessionStatistics51Encoder.NoMDEntriesEncoder.sbeBlockLength());
        session.wrapAndApplyHeader(buffer, offset + MessageSizeEncoder.ENCODED_LENGTH, header)
            .transactTime(transactTimeNs);
        session.matchEventIndicator().clear().lastStatsMsg(true).endOfEvent(endOfEvent);
        final MDIncrementalRefreshSessionStatistics51Encoder.NoMDEntriesEncoder group =
            session.noMDEntriesCount(count);
        for (int i = 0; i < count; i++)
        {
            group.next();
            group.mDEntryPx().mantissa(entries.price(i));
            group.securityID(instrument.securityId)
                .rptSeq(instrument.nextRptSeq())
                .openCloseSettlFlag(OpenCloseSettlFlag.get(entries.openCloseFlag(i)))
                .mDUpdateAction(MDUpdateAction.New)
                .mDEntryType(MDEntryTypeStatistics.get(entries.type(i)))
                .mDEntrySize(entries.size(i));
        }
        staging.commitMessage(PREFIX_LENGTH + session.encodedLength());
    }

    /**
     * Daily statistics entries (settlement, cleared volume, open interest); CME marks only the end of the event.
     */
    void writeDaily(
        final SimInstrument instrument, final StatEntries entries, final long transactTimeNs, final boolean endOfEvent)
    {
        final int count = entries.count();
        final int offset = staging.claimMessage(PREFIX_LENGTH +
            MDIncrementalRefreshDailyStatistics49Encoder.BLOCK_LENGTH + GROUP_HEADER_LENGTH +
            count * MDIncrementalRefreshDailyStatistics49Encoder.NoMDEntriesEncoder.sbeBlockLength());
        daily.wrapAndApplyHeader(buffer, offset + MessageSizeEncoder.ENCODED_LENGTH, header)
            .transactTime(transactTimeNs);
        daily.matchEventIndicator().clear().endOfEvent(endOfEvent);
        final MDIncrementalRefreshDailyStatistics49Encoder.NoMDEntriesEncoder group = daily.noMDEntriesCount(count);
        for (int i = 0; i < count; i++)
        {
            group.next();
            group.mDEntryPx().mantissa(entries.price(i));
            group.mDEntrySize(entries.size(i))
                .securityID(instrument.securityId)
                .rptSeq(instrument.nextRptSeq())
                .tradingReferenceDate(entries.date(i));
            settlPriceType(group.settlPriceType(), entries.settlFlags(i));
            group.mDUpdateAction(MDUpdateAction.New)
                .mDEntryType(MDEntryTypeDailyStatistics.get(entries.type(i)));
        }
        staging.commitMessage(PREFIX_LENGTH + daily.encodedLength());
    }

    /**
     * The instrument's high and low limit prices and price band.
     */
    void writeLimits(final SimInstrument instrument, final long transactTimeNs, final boolean endOfEvent)
    {
        final int offset = staging.claimMessage(PREFIX_LENGTH +
            MDIncrementalRefreshLimitsBanding50Encoder.BLOCK_LENGTH + GROUP_HEADER_LENGTH +
            MDIncrementalRefreshLimitsBanding50Encoder.NoMDEntriesEncoder.sbeBlockLength());
        limits.wrapAndApplyHeader(buffer, offset + MessageSizeEncoder.ENCODED_LENGTH, header)
            .transactTime(transactTimeNs);
        limits.matchEventIndicator().clear().endOfEvent(endOfEvent);
        final InstrumentStatistics stats = instrument.stats;
        final MDIncrementalRefreshLimitsBanding50Encoder.NoMDEntriesEncoder group = limits.noMDEntriesCount(1).next();
        group.highLimitPrice().mantissa(stats.highLimit);
        group.lowLimitPrice().mantissa(stats.lowLimit);
        group.maxPriceVariation().mantissa(stats.maxPriceVariation);
        group.securityID(instrument.securityId).rptSeq(instrument.nextRptSeq());
        staging.commitMessage(PREFIX_LENGTH + limits.encodedLength());
    }

    static void settlPriceType(final SettlPriceTypeEncoder encoder, final int flags)
    {
        encoder.clear()
            .finalDaily(0 != (flags & StatEntries.SETTLE_FINAL))
            .actual(0 != (flags & StatEntries.SETTLE_ACTUAL))
            .intraday(0 != (flags & StatEntries.SETTLE_INTRADAY))
            .nullValue(0 != (flags & StatEntries.SETTLE_NULL));
    }
}
