package io.wirespeed.nic.pcap;

/**
 * Which rx timestamp a pcap RX queue hands to the {@link io.wirespeed.nic.FrameHandler}.
 */
public enum PcapRxTimestamps
{
    /**
     * The timestamp recorded in the capture, in epoch nanoseconds: what the capturing host saw.
     */
    RECORDED,

    /**
     * The replay's own time on the injected clock: under recorded pacing the instant the frame fell due
     * ({@code start + (ts_i - ts_0)}), as fast as possible the clock reading at the start of the poll. Use it when
     * stage latencies are measured against the same clock, e.g. tick-to-trade in a replay.
     */
    REPLAY
}
