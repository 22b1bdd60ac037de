package io.wirespeed.nic;

import org.agrona.concurrent.EpochNanoClock;

/**
 * A clock that recorded traffic drives instead of the host: it stands at one instant of the recording while the
 * frames recorded up to that instant are delivered, and moves on only when its reader says it has drained its RX
 * queues and run its timers there, to the next frame's recorded time or an earlier timer deadline, never past a frame
 * not yet delivered. A timer set at recorded time t therefore fires exactly when recorded time passes its deadline,
 * whether the replay runs faster or slower than the traffic did live; after the last frame the clock stands still.
 * <p>
 * One thread reads and advances it: the one that polls the replaying RX queues.
 */
public interface ReplayClock extends EpochNanoClock
{
    /**
     * No timer of the reader is pending.
     */
    long NO_DEADLINE = Long.MAX_VALUE;

    /**
     * The reader is done with the current instant: every RX queue drained of the frames due by it and every timer due
     * by it run. Move to the next instant: the earliest of the next frame's recorded time and the deadline, never
     * back, and nowhere once every frame has been delivered.
     *
     * @param deadlineNs the earliest time a timer of the reader is due, or {@link #NO_DEADLINE}.
     * @return true when the clock moved to a frame's time or to the deadline, so there is work at the new instant.
     */
    boolean advance(long deadlineNs);

    /**
     * Whether every frame of the recording has been delivered; from then on the clock stands still.
     *
     * @return true at the end of the recording.
     */
    boolean isEndOfRecording();

    /**
     * The recorded time of the next frame not yet delivered, reading ahead when needed, so a pacer can tell the next
     * instant before it lets the clock move there.
     *
     * @return epoch nanoseconds, or {@link #NO_DEADLINE} once every frame has been delivered.
     */
    long nextFrameNs();
}
