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
 * Receives the MDP 3.0 messages of a packet that {@link Mdp3PacketDecoder} validated, decoders already wrapped.
 */
public interface Mdp3Listener
{
    /**
     * A channel reset.
     *
     * @param decoder wrapped over the message.
     */
    void onChannelReset(ChannelReset4Decoder decoder);

    /**
     * Book updates.
     *
     * @param decoder wrapped over the message.
     */
    void onBook(MDIncrementalRefreshBook46Decoder decoder);

    /**
     * Trades.
     *
     * @param decoder wrapped over the message.
     */
    void onTrades(MDIncrementalRefreshTradeSummary48Decoder decoder);

    /**
     * Electronic volume.
     *
     * @param decoder wrapped over the message.
     */
    void onVolume(MDIncrementalRefreshVolume37Decoder decoder);

    /**
     * Daily statistics: settlement, cleared volume, open interest, fixing price.
     *
     * @param decoder wrapped over the message.
     */
    void onDailyStatistics(MDIncrementalRefreshDailyStatistics49Decoder decoder);

    /**
     * Price limits and banding.
     *
     * @param decoder wrapped over the message.
     */
    void onLimitsBanding(MDIncrementalRefreshLimitsBanding50Decoder decoder);

    /**
     * Session statistics: open, high, low, highest bid, lowest offer, indicative opening price.
     *
     * @param decoder wrapped over the message.
     */
    void onSessionStatistics(MDIncrementalRefreshSessionStatistics51Decoder decoder);

    /**
     * A security status.
     *
     * @param decoder wrapped over the message.
     */
    void onSecurityStatus(SecurityStatus30Decoder decoder);

    /**
     * A snapshot of one instrument.
     *
     * @param decoder wrapped over the message.
     */
    void onSnapshot(SnapshotFullRefresh52Decoder decoder);

    /**
     * An instrument definition.
     *
     * @param decoder wrapped over the message.
     */
    void onDefinition(MDInstrumentDefinitionFuture54Decoder decoder);
}
