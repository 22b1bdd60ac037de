package io.wirespeed.sim;

import io.wirespeed.codecs.mdp3.BinaryPacketHeaderDecoder;
import io.wirespeed.codecs.mdp3.MDEntryType;
import io.wirespeed.codecs.mdp3.MDInstrumentDefinitionFuture54Decoder;
import io.wirespeed.codecs.mdp3.MessageHeaderDecoder;
import io.wirespeed.codecs.mdp3.MessageSizeDecoder;
import io.wirespeed.codecs.mdp3.SecurityTradingStatus;
import io.wirespeed.codecs.mdp3.SnapshotFullRefresh52Decoder;
import org.agrona.DirectBuffer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The snapshot and instrument definition feeds as a receiver reads them: each snapshot decoded (book levels,
 * statistics entries, limits, TransactTime) and, once the incremental feed reaches its LastMsgSeqNumProcessed,
 * compared with the book and statistics {@link FeedRecorder} rebuilt; each definition decoded in full.
 */
final class RecoveryRecorder
{
    record Snapshot(long msgSeqNum, long lastMsgSeqNumProcessed, long totNumReports, int securityId, long rptSeq,
        SecurityTradingStatus status, long transactTimeNs, int tradeDate, List<ReferenceBook.Level> bids,
        List<ReferenceBook.Level> asks, List<ReferenceStats.Entry> statistics, long highLimit, long lowLimit,
        long maxPriceVariation)
    {
    }

    record Definition(long msgSeqNum, long totNumReports, int securityId, String symbol, long minPriceIncrement,
        long displayFactor, int marketDepth, int applId, long unitOfMeasureQty)
    {
    }

    /**
     * The rest of a definition: the fields a CME future carries besides those of {@link Definition}.
     */
    record Terms(int maturityYear, short maturityMonth, String securityType, String cfiCode, String unitOfMeasure,
        short underlyingProduct, int contractMultiplier, long tickValue, List<String> events, List<String> feedTypes,
        long attributes, List<String> lotTypes, long tradingReferencePrice, int tradingReferenceDate,
        int settlPriceType, int openInterest, int clearedVolume, long highLimit, long lowLimit,
        long maxPriceVariation, String currency, char matchAlgorithm)
    {
    }

    final List<Snapshot> snapshots = new ArrayList<>();
    final List<Snapshot> pendingSnapshots = new ArrayList<>();
    final List<Definition> definitions = new ArrayList<>();
    final Map<Integer, Terms> terms = new HashMap<>();
    private final FeedRecorder feed;
    private final BinaryPacketHeaderDecoder packetHeader = new BinaryPacketHeaderDecoder();
    private final MessageSizeDecoder messageSize = new MessageSizeDecoder();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final SnapshotFullRefresh52Decoder snapshot = new SnapshotFullRefresh52Decoder();
    private final MDInstrumentDefinitionFuture54Decoder definition = new MDInstrumentDefinitionFuture54Decoder();
    private long lastSnapshotSendingTimeNs;
    private long lastDefinitionSendingTimeNs;

    RecoveryRecorder(final FeedRecorder feed)
    {
        this.feed = feed;
    }

    void onSnapshot(final DirectBuffer buffer, final int offset, final int length)
    {
        final int bodyOffset = open(buffer, offset, length, SnapshotFullRefresh52Decoder.TEMPLATE_ID);
        final long sendingTimeNs = packetHeader.sendingTime();
        assertTrue(sendingTimeNs >= lastSnapshotSendingTimeNs, "snapshot SendingTime went back");
        lastSnapshotSendingTimeNs = sendingTimeNs;
        snapshot.wrap(buffer, bodyOffset, header.blockLength(), header.version());
        assertNotEquals(0, snapshot.transactTime(), "a snapshot's TransactTime is the instrument's last event");
        assertTrue(snapshot.transactTime() <= sendingTimeNs, "a snapshot's TransactTime is past");

        final List<ReferenceBook.Level> bids = new ArrayList<>();
        final List<ReferenceBook.Level> asks = new ArrayList<>();
        final List<ReferenceStats.Entry> statistics = new ArrayList<>();
        for (final SnapshotFullRefresh52Decoder.NoMDEntriesDecoder entry : snapshot.noMDEntries())
        {
            final MDEntryType type = entry.mDEntryType();
            if (MDEntryType.Bid == type || MDEntryType.Offer == type)
            {
                final List<ReferenceBook.Level> levels = MDEntryType.Bid == type ? bids : asks;
                assertEquals(levels.size() + 1, entry.mDPriceLevel(), "snapshot levels in order");
                levels.add(new ReferenceBook.Level(
                    entry.mDEntryPx().mantissa(), entry.mDEntrySize(), entry.numberOfOrders()));
            }
            else
            {
                statistics.add(new ReferenceStats.Entry((char)entry.mDEntryTypeRaw(), entry.mDEntryPx().mantissa(),
                    entry.mDEntrySize(), entry.openCloseSettlFlagRaw(), entry.tradingReferenceDate(),
                    entry.settlPriceType().getRaw()));
            }
        }
        final Snapshot received = new Snapshot(packetHeader.msgSeqNum(), snapshot.lastMsgSeqNumProcessed(),
            snapshot.totNumReports(), snapshot.securityID(), snapshot.rptSeq(), snapshot.mDSecurityTradingStatus(),
            snapshot.transactTime(), snapshot.tradeDate(), bids, asks, ReferenceStats.sorted(statistics),
            snapshot.highLimitPrice().mantissa(), snapshot.lowLimitPrice().mantissa(),
            snapshot.maxPriceVariation().mantissa());
        snapshots.add(received);
        pendingSnapshots.add(received);
        assertEquals(length - BinaryPacketHeaderDecoder.ENCODED_LENGTH,
            MessageSizeDecoder.ENCODED_LENGTH + MessageHeaderDecoder.ENCODED_LENGTH + snapshot.encodedLength());
    }

    void onDefinition(final DirectBuffer buffer, final int offset, final int length)
    {
        final int bodyOffset = open(buffer, offset, length, MDInstrumentDefinitionFuture54Decoder.TEMPLATE_ID);
        assertTrue(packetHeader.sendingTime() >= lastDefinitionSendingTimeNs, "definition SendingTime went back");
        lastDefinitionSendingTimeNs = packetHeader.sendingTime();
        final MDInstrumentDefinitionFuture54Decoder d = definition;
        d.wrap(buffer, bodyOffset, header.blockLength(), header.version());
        final long totNumReports = d.totNumReports();
        final int applId = d.applID();
        final String securityType = d.securityType().trim();
        final String cfiCode = d.cFICode();
        final int securityId = d.securityID();
        final String symbol = d.symbol().trim();
        final int year = d.maturityMonthYear().year();
        final short month = d.maturityMonthYear().month();
        final String currency = d.currency();
        final char matchAlgorithm = (char)d.matchAlgorithm();
        final long minPriceIncrement = d.minPriceIncrement().mantissa();
        final long displayFactor = d.displayFactor().mantissa();
        final String unitOfMeasure = d.unitOfMeasure().trim();
        final long unitOfMeasureQty = d.unitOfMeasureQty().mantissa();
        final long tradingReferencePrice = d.tradingReferencePrice().mantissa();
        final int settlPriceType = d.settlPriceType().getRaw();
        final int openInterest = d.openInterestQty();
        final int clearedVolume = d.clearedVolume();
        final long highLimit = d.highLimitPrice().mantissa();
        final long lowLimit = d.lowLimitPrice().mantissa();
        final long maxPriceVariation = d.maxPriceVariation().mantissa();
        final int contractMultiplier = d.contractMultiplier();
        final long tickValue = d.minPriceIncrementAmount().mantissa();
        final int tradingReferenceDate = d.tradingReferenceDate();
        final short underlyingProduct = d.underlyingProduct();

        final List<String> events = new ArrayList<>();
        for (final MDInstrumentDefinitionFuture54Decoder.NoEventsDecoder event : d.noEvents())
        {
            events.add(event.eventType() + "@" + event.eventTime());
        }
        final List<String> feedTypes = new ArrayList<>();
        int marketDepth = -1;
        for (final MDInstrumentDefinitionFuture54Decoder.NoMDFeedTypesDecoder feedType : d.noMDFeedTypes())
        {
            final String name = feedType.mDFeedType();
            feedTypes.add(name + ":" + feedType.marketDepth());
            marketDepth = "GBX".equals(name) ? feedType.marketDepth() : marketDepth;
        }
        long attributes = 0;
        for (final MDInstrumentDefinitionFuture54Decoder.NoInstAttribDecoder attribute : d.noInstAttrib())
        {
            attributes = attribute.instAttribValue().getRaw();
        }
        final List<String> lotTypes = new ArrayList<>();
        for (final MDInstrumentDefinitionFuture54Decoder.NoLotTypeRulesDecoder lotType : d.noLotTypeRules())
        {
            lotTypes.add(lotType.lotType() + ":" + lotType.minLotSize().mantissa());
        }
        definitions.add(new Definition(packetHeader.msgSeqNum(), totNumReports, securityId, symbol,
            minPriceIncrement, displayFactor, marketDepth, applId, unitOfMeasureQty));
        terms.put(securityId, new Terms(year, month, securityType, cfiCode, unitOfMeasure, underlyingProduct,
            contractMultiplier, tickValue, events, feedTypes, attributes, lotTypes, tradingReferencePrice,
            tradingReferenceDate, settlPriceType, openInterest, clearedVolume, highLimit, lowLimit,
            maxPriceVariation, currency, matchAlgorithm));
        assertEquals(length - BinaryPacketHeaderDecoder.ENCODED_LENGTH,
            MessageSizeDecoder.ENCODED_LENGTH + MessageHeaderDecoder.ENCODED_LENGTH + d.encodedLength());
    }

    /**
     * Compare with the rebuilt state the snapshots whose LastMsgSeqNumProcessed the incremental feed has reached.
     */
    void checkSnapshots(final long appliedMsgSeqNum)
    {
        final Iterator<Snapshot> iterator = pendingSnapshots.iterator();
        while (iterator.hasNext())
        {
            final Snapshot pending = iterator.next();
            if (pending.lastMsgSeqNumProcessed() == appliedMsgSeqNum)
            {
                final ReferenceBook reference = feed.book(pending.securityId());
                assertEquals(reference.side(Side.BID), pending.bids(), () -> "snapshot bids " + pending);
                assertEquals(reference.side(Side.ASK), pending.asks(), () -> "snapshot asks " + pending);
                assertEquals(reference.lastRptSeq, pending.rptSeq(), () -> "snapshot RptSeq " + pending);
                assertEquals(reference.lastTransactTimeNs, pending.transactTimeNs(),
                    () -> "snapshot TransactTime: the instrument's last event " + pending);
                assertEquals(reference.stats.entries(), pending.statistics(), () -> "snapshot statistics " + pending);
                assertEquals(List.of(reference.stats.highLimit, reference.stats.lowLimit,
                    reference.stats.maxPriceVariation),
                    List.of(pending.highLimit(), pending.lowLimit(), pending.maxPriceVariation()),
                    () -> "snapshot limits " + pending);
                feed.snapshotsChecked++;
                iterator.remove();
            }
            else
            {
                assertTrue(pending.lastMsgSeqNumProcessed() > appliedMsgSeqNum,
                    () -> "snapshot behind the feed: " + pending + " at " + appliedMsgSeqNum);
            }
        }
    }

    private int open(final DirectBuffer buffer, final int offset, final int length, final int templateId)
    {
        packetHeader.wrap(buffer, offset);
        final int position = offset + BinaryPacketHeaderDecoder.ENCODED_LENGTH;
        final int size = messageSize.wrap(buffer, position).msgSize();
        assertEquals(length - BinaryPacketHeaderDecoder.ENCODED_LENGTH, size, "one message per recovery packet");
        header.wrap(buffer, position + MessageSizeDecoder.ENCODED_LENGTH);
        assertEquals(templateId, header.templateId());
        return position + MessageSizeDecoder.ENCODED_LENGTH + MessageHeaderDecoder.ENCODED_LENGTH;
    }
}
