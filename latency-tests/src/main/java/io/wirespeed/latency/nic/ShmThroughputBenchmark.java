package io.wirespeed.latency.nic;

import io.wirespeed.config.ShmNicContext;
import io.wirespeed.nic.FrameClaim;
import io.wirespeed.nic.FrameHandler;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.RxQueue;
import io.wirespeed.nic.TxQueue;
import io.wirespeed.nic.shm.ShmNicPort;
import io.wirespeed.nic.status.CountersFile;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of the shm virtual NIC: frames of 64 B and 1 KiB pushed through one ring, sender and receiver on two
 * threads of one JVM and then in two JVMs. The sender writes every byte of each frame into its slot (as a real
 * sender does); the receiver checks each frame's sequence. Prints frames/s and MB/s per case.
 * <p>
 * Usage: {@code bench shm-throughput [frames per case, default 10000000]}
 */
public final class ShmThroughputBenchmark
{
    private static final int[] FRAME_LENGTHS = { 64, 1024 };

    private ShmThroughputBenchmark()
    {
    }

    /**
     * Run every case and print one line each.
     *
     * @param args optional frame count per case; {@code sender PATH FRAMES LENGTH} runs the far-end process.
     * @throws Exception on a setup failure.
     */
    public static void main(final String[] args) throws Exception
    {
        if (args.length > 0 && "sender".equals(args[0]))
        {
            runSenderProcess(Path.of(args[1]), Long.parseLong(args[2]), Integer.parseInt(args[3]));
            return;
        }

        final long frames = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        System.out.printf("shm ring throughput, %,d frames per case, burst %d, ring %d, on %d CPUs%n",
            frames, BenchSupport.BURST, BenchSupport.RING_CAPACITY, Runtime.getRuntime().availableProcessors());
        for (final int length : FRAME_LENGTHS)
        {
            report("two threads  ", length, frames, runTwoThreads(frames, length));
            report("two processes", length, frames, runTwoProcesses(frames, length));
        }
    }

    private static void report(final String mode, final int length, final long frames, final long elapsedNs)
    {
        final double framesPerSecond = frames * 1e9 / elapsedNs;
        System.out.printf("  %s %5d B: %,14.0f frames/s  %,9.1f MB/s%n",
            mode, length, framesPerSecond, framesPerSecond * length / 1e6);
    }

    private static long runTwoThreads(final long frames, final int length) throws Exception
    {
        final Path dir = BenchSupport.scratchDirectory("wirespeed-bench-");
        final ShmNicContext context = BenchSupport.shmContext(dir.resolve("nic"));
        try (CountersFile counters = CountersFile.create(dir.resolve("counters"), 128);
            ShmNicPort receiver = ShmNicPort.create("rx", context, counters, new OffsetEpochNanoClock());
            ShmNicPort sender = ShmNicPort.attach("tx", BenchSupport.shmContext(dir.resolve("nic")), counters,
                new OffsetEpochNanoClock()))
        {
            final Thread thread = new Thread(() -> send(sender.txQueue(0), frames, length), "shm-sender");
            final long startNs = System.nanoTime();
            thread.start();
            receive(receiver.rxQueue(0), frames);
            final long elapsedNs = System.nanoTime() - startNs;
            thread.join();
            return elapsedNs;
        }
        finally
        {
            BenchSupport.deleteRecursively(dir);
        }
    }

    private static long runTwoProcesses(final long frames, final int length) throws Exception
    {
        final Path dir = BenchSupport.scratchDirectory("wirespeed-bench-");
        final ShmNicContext context = BenchSupport.shmContext(dir.resolve("nic"));
        Process child = null;
        try (CountersFile counters = CountersFile.create(dir.resolve("counters"), 128);
            ShmNicPort receiver = ShmNicPort.create("rx", context, counters, new OffsetEpochNanoClock()))
        {
            child = BenchSupport.startJvm(ShmThroughputBenchmark.class,
                "sender", context.path().toString(), Long.toString(frames), Integer.toString(length));
            final RxQueue rx = receiver.rxQueue(0);
            final FrameCounter counter = new FrameCounter();
            while (0 == rx.poll(counter, 1))
            {
                if (!child.isAlive())
                {
                    throw new IllegalStateException("sender process exited with " + child.exitValue());
                }
                Thread.onSpinWait();
            }
            final long startNs = System.nanoTime();
            receive(rx, frames - 1, counter);
            final long elapsedNs = System.nanoTime() - startNs;
            if (!child.waitFor(1, TimeUnit.MINUTES) || 0 != child.exitValue())
            {
                throw new IllegalStateException("sender process did not finish cleanly");
            }
            return elapsedNs;
        }
        finally
        {
            if (null != child)
            {
                child.destroyForcibly();
            }
            BenchSupport.deleteRecursively(dir);
        }
    }

    private static void runSenderProcess(final Path file, final long frames, final int length) throws Exception
    {
        final Path countersFile = Files.createTempFile("wirespeed-bench-sender", ".counters");
        try (CountersFile counters = CountersFile.create(countersFile, 128);
            ShmNicPort sender = ShmNicPort.attach("tx", BenchSupport.shmContext(file), counters,
                new OffsetEpochNanoClock()))
        {
            send(sender.txQueue(0), frames, length);
            while (sender.counters().value(NicCounter.TX_FRAMES) < frames)
            {
                Thread.onSpinWait();
            }
        }
        finally
        {
            Files.deleteIfExists(countersFile);
        }
    }

    private static void send(final TxQueue tx, final long frames, final int length)
    {
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[length]);
        for (int i = 0; i < length; i++)
        {
            frame.putByte(i, (byte)i);
        }
        final FrameClaim claim = new FrameClaim();
        long sequence = 0;
        while (sequence < frames)
        {
            int claimed = 0;
            while (claimed < BenchSupport.BURST && sequence < frames && tx.tryClaim(length, claim))
            {
                frame.putLong(0, sequence++);
                claim.buffer().putBytes(claim.offset(), frame, 0, length);
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

    private static void receive(final RxQueue rx, final long frames)
    {
        receive(rx, frames, new FrameCounter());
    }

    private static void receive(final RxQueue rx, final long frames, final FrameCounter counter)
    {
        final long target = counter.received + frames;
        while (counter.received < target)
        {
            if (0 == rx.poll(counter, BenchSupport.BURST))
            {
                Thread.onSpinWait();
            }
        }
        if (counter.outOfOrder > 0)
        {
            throw new IllegalStateException(counter.outOfOrder + " frames out of order");
        }
    }

    private static final class FrameCounter implements FrameHandler
    {
        long received;
        long outOfOrder;

        public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs)
        {
            if (buffer.getLong(offset) != received)
            {
                outOfOrder++;
            }
            received++;
        }
    }
}
