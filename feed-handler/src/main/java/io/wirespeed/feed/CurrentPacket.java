package io.wirespeed.feed;

/**
 * What a channel's outputs carry of the packet being handled: the last sequenced incremental's MsgSeqNum and
 * SendingTime, the rx timestamp of the packet in hand and the agent's clock for this duty cycle.
 */
final class CurrentPacket
{
    long seqNum;
    long sendingTimeNs;
    long rxTimestampNs;
    long nowNs;
}
