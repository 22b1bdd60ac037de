/**
 * Venue feed channels: A/B arbitration by MsgSeqNum, gap detection, per-instrument RptSeq sequencing, snapshot
 * recovery, instrument definitions, MBP order books and normalized publication over Aeron IPC.
 * <p>
 * {@link io.wirespeed.feed.FeedHandlerAgent} polls the NIC ports and routes each UDP payload to its
 * {@link io.wirespeed.feed.FeedChannel}; {@link io.wirespeed.feed.Mdp3PacketDecoder} validates every length before a
 * decoder is wrapped; {@link io.wirespeed.feed.MarketDataPublisher} encodes the internal schema into a
 * {@link io.wirespeed.feed.MarketDataSink}, in production {@link io.wirespeed.feed.AeronMarketDataSink}, through the
 * {@link io.wirespeed.feed.MarketDataStream} the channels share: it numbers every message (streamSeq) and, when one is
 * lost to back pressure, owes a republication that the agent runs once the publication has room (every instrument
 * STALE, its books whole, then OK), so no loss is silent.
 */
package io.wirespeed.feed;
