package io.wirespeed.feed;

import io.wirespeed.codecs.internal.FeedStateReason;
import io.wirespeed.codecs.internal.FeedStateValue;

/**
 * Publishes a channel's instruments again after the market-data stream lost messages, so a subscriber that saw the
 * gap in streamSeq can trust its books again.
 * <p>
 * An instrument the channel holds OK goes out as FeedState STALE (reason PUBLICATION_LOSS), its definition and trading
 * status when known, its books whole (each side cleared, then its levels), its top of book, its statistics when it
 * has any, then FeedState OK (reason REPUBLISHED). An instrument that is STALE or RECOVERING on the venue's side goes
 * out as its state and reason only: its own recovery publishes the image.
 */
final class LossRepublisher
{
    private final MarketDataPublisher publisher;
    private final ChannelStatistics statistics;
    private final CurrentPacket packet;

    LossRepublisher(final MarketDataPublisher publisher, final ChannelStatistics statistics, final CurrentPacket packet)
    {
        this.publisher = publisher;
        this.statistics = statistics;
        this.packet = packet;
    }

    /**
     * Publish every instrument of the channel again.
     *
     * @param instruments the channel's.
     * @return instruments published.
     */
    int republish(final InstrumentTable instruments)
    {
        final long nowNs = packet.nowNs;
        final int count = instruments.count();
        for (int i = 0; i < count; i++)
        {
            final Instrument instrument = instruments.at(i);
            if (FeedStateValue.OK != instrument.state)
            {
                publisher.feedState(instrument.securityId, instrument.state,
                    null == instrument.staleReason ? FeedStateReason.NONE : instrument.staleReason, 0, 0, nowNs, nowNs);
                continue;
            }
            publisher.feedState(
                instrument.securityId, FeedStateValue.STALE, FeedStateReason.PUBLICATION_LOSS, 0, 0, nowNs, nowNs);
            if (instrument.defined)
            {
                publisher.instrumentDefinition(instrument, nowNs, nowNs);
            }
            if (instrument.tradingStatus >= 0)
            {
                publisher.instrumentStatus(
                    instrument.securityId, instrument.tradingStatus, packet.sendingTimeNs, nowNs, nowNs);
            }
            publisher.image(instrument, packet.seqNum, packet.sendingTimeNs, nowNs, nowNs);
            if (!instrument.statistics.isEmpty())
            {
                statistics.publishImage(instrument, instrument.lastRptSeq, packet.sendingTimeNs);
            }
            publisher.feedState(
                instrument.securityId, FeedStateValue.OK, FeedStateReason.REPUBLISHED, 0, 0, nowNs, nowNs);
        }
        return count;
    }
}
