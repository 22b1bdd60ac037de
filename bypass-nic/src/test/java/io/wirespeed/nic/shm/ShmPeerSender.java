package io.wirespeed.nic.shm;

import io.wirespeed.config.ShmNicContext;
import io.wirespeed.nic.FrameClaim;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.TxQueue;
import io.wirespeed.nic.status.CountersFile;
import org.agrona.concurrent.OffsetEpochNanoClock;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The far end of the cross-process test, run in its own JVM: attaches to a shm NIC file and sends frames carrying
 * their sequence numbers as fast as the ring takes them, counting into a counters file the test reads from outside.
 * <p>
 * Arguments: shm path, ring capacity, frame size, frame count, counters path, max counters, frames, frame length.
 * The counters file appears at its path (renamed into place) only once every counter exists. After the last frame the
 * sender waits for its standard input to close, so its counters stay readable, then closes its side and exits 0.
 */
public final class ShmPeerSender
{
    /** The sender's port name, the prefix of its counter labels. */
    public static final String PORT_NAME = "sender";

    private static final int BURST = 32;

    private ShmPeerSender()
    {
    }

    /**
     * Attach, send, wait for standard input to close, exit.
     *
     * @param args see the class description.
     * @throws IOException if the counters file cannot be put in place.
     */
    public static void main(final String[] args) throws IOException
    {
        final ShmNicContext context = new ShmNicContext()
            .path(Path.of(args[0]))
            .ringCapacity(Integer.parseInt(args[1]))
            .frameSizeBytes(Integer.parseInt(args[2]))
            .frameCount(Integer.parseInt(args[3]));
        final Path countersPath = Path.of(args[4]);
        final int maxCounters = Integer.parseInt(args[5]);
        final long frames = Long.parseLong(args[6]);
        final int frameLength = Integer.parseInt(args[7]);
        final Path countersBeingBuilt = countersPath.resolveSibling(countersPath.getFileName() + ".building");

        try (CountersFile counters = CountersFile.create(countersBeingBuilt, maxCounters);
            ShmNicPort port = ShmNicPort.attach(PORT_NAME, context, counters, new OffsetEpochNanoClock()))
        {
            Files.move(countersBeingBuilt, countersPath, StandardCopyOption.ATOMIC_MOVE);

            final long startNs = System.nanoTime();
            send(port.txQueue(0), frames, frameLength);
            final long elapsedNs = System.nanoTime() - startNs;

            System.out.println("sent " + frames + " frames in " + elapsedNs / 1_000_000 + " ms, tx ring full " +
                port.counters().value(NicCounter.TX_RING_FULL) + " times");
            System.out.flush();
            System.in.transferTo(OutputStream.nullOutputStream());
        }
    }

    private static void send(final TxQueue tx, final long frames, final int frameLength)
    {
        final FrameClaim claim = new FrameClaim();
        long sequence = 0;
        while (sequence < frames)
        {
            int claimed = 0;
            while (claimed < BURST && sequence < frames && tx.tryClaim(frameLength, claim))
            {
                claim.buffer().putLong(claim.offset(), sequence++);
                claimed++;
            }
            if (claimed > 0)
            {
                tx.commit();
            }
            else
            {
                Thread.onSpinWait();
            }
        }
    }
}
