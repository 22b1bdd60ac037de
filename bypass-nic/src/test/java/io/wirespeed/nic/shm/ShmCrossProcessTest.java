package io.wirespeed.nic.shm;

import io.wirespeed.config.ShmNicContext;
import io.wirespeed.nic.FrameHandler;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.RxQueue;
import io.wirespeed.nic.status.CountersFile;
import org.agrona.DirectBuffer;
import org.agrona.IoUtil;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.status.CountersReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

@Tag("slow")
class ShmCrossProcessTest
{
    private static final long FRAMES = 10_000_000;
    private static final int FRAME_LENGTH = 64;
    private static final int RING_CAPACITY = 1024;
    private static final int FRAME_SIZE = 128;
    private static final int FRAME_COUNT = 2048;
    private static final int MAX_COUNTERS = 64;
    private static final int BURST = 256;

    @Test
    @Timeout(300)
    void aSenderInAnotherJvmDeliversEveryFrameInOrderThroughAFullRing() throws Exception
    {
        final Path devShm = Path.of("/dev/shm");
        final Path dir = Files.isDirectory(devShm) ?
            Files.createTempDirectory(devShm, "wirespeed-shm-test-") :
            Files.createTempDirectory("wirespeed-shm-test-");
        final Path senderCountersPath = dir.resolve("sender-counters");
        final Path log = dir.resolve("sender.log");
        final ShmNicContext context = new ShmNicContext()
            .path(dir.resolve("nic"))
            .ringCapacity(RING_CAPACITY)
            .frameSizeBytes(FRAME_SIZE)
            .frameCount(FRAME_COUNT);

        Process sender = null;
        CountersFile senderCounters = null;
        try (CountersFile counters = CountersFile.create(dir.resolve("receiver-counters"), MAX_COUNTERS);
            ShmNicPort receiver = ShmNicPort.create("receiver", context, counters, new OffsetEpochNanoClock()))
        {
            sender = startSender(context, senderCountersPath, log);

            while (!CountersFile.isReady(senderCountersPath))
            {
                checkSender(sender, log);
                Thread.yield();
            }
            senderCounters = CountersFile.openForReading(senderCountersPath);
            final CountersReader reader = senderCounters.reader();
            final int ringFullId = counterId(reader, NicCounter.TX_RING_FULL);
            while (reader.getCounterValue(ringFullId) == 0)
            {
                checkSender(sender, log);
                Thread.yield();
            }
            assertEquals(sender.pid(), receiver.peerPid());

            final SequenceChecker checker = new SequenceChecker();
            final RxQueue rx = receiver.rxQueue(0);
            final long startNs = System.nanoTime();
            int idle = 0;
            while (checker.received < FRAMES && 0 == checker.errors)
            {
                if (0 == rx.poll(checker, BURST) && 0 == (++idle & 0xFFFF))
                {
                    checkSender(sender, log);
                }
            }
            final long elapsedNs = System.nanoTime() - startNs;
            System.out.printf("shm cross-process: %,d frames of %d bytes in %,d ms = %,.0f frames/s " +
                "(sender's tx ring full: %,d)%n", checker.received, FRAME_LENGTH, elapsedNs / 1_000_000,
                checker.received * 1e9 / elapsedNs, reader.getCounterValue(ringFullId));

            assertEquals(0, checker.errors, checker.firstError);
            assertEquals(FRAMES, checker.received);
            assertEquals(FRAMES, receiver.counters().value(NicCounter.RX_FRAMES));
            assertEquals(FRAMES, reader.getCounterValue(counterId(reader, NicCounter.TX_FRAMES)));
            assertTrue(reader.getCounterValue(ringFullId) > 0);
            assertEquals(0, rx.poll(checker, BURST), "nothing beyond the last frame");

            sender.getOutputStream().close();
            assertTrue(sender.waitFor(60, TimeUnit.SECONDS), "sender exits once its input closes");
            assertEquals(0, sender.exitValue(), Files.readString(log));
            assertEquals(0, receiver.peerPid(), "the sender marked its side closed");
        }
        finally
        {
            if (null != sender)
            {
                sender.destroyForcibly();
                sender.waitFor(30, TimeUnit.SECONDS);
            }
            if (null != senderCounters)
            {
                senderCounters.close();
            }
            IoUtil.delete(dir.toFile(), true);
        }
    }

    private static Process startSender(final ShmNicContext context, final Path countersPath, final Path log)
        throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        boolean hasAgronaExport = false;
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (!argument.startsWith("-agentlib:jdwp") && !argument.startsWith("-javaagent"))
            {
                command.add(argument);
                hasAgronaExport |= argument.contains("java.base/jdk.internal.misc=");
            }
        }
        if (!hasAgronaExport)
        {
            command.add("--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED");
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ShmPeerSender.class.getName());
        command.add(context.path().toString());
        command.add(Integer.toString(context.ringCapacity()));
        command.add(Integer.toString(context.frameSizeBytes()));
        command.add(Integer.toString(context.frameCount()));
        command.add(countersPath.toString());
        command.add(Integer.toString(MAX_COUNTERS));
        command.add(Long.toString(FRAMES));
        command.add(Integer.toString(FRAME_LENGTH));

        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void checkSender(final Process sender, final Path log) throws IOException
    {
        if (Thread.currentThread().isInterrupted())
        {
            fail("interrupted (timed out) waiting for the sender; its output:\n" + Files.readString(log));
        }
        if (!sender.isAlive())
        {
            fail("sender exited early with status " + sender.exitValue() + "; its output:\n" + Files.readString(log));
        }
    }

    private static int counterId(final CountersReader reader, final NicCounter counter)
    {
        final int[] found = {-1};
        reader.forEach((counterId, typeId, keyBuffer, label) ->
        {
            if (typeId == counter.typeId() && label.startsWith(ShmPeerSender.PORT_NAME + ": "))
            {
                found[0] = counterId;
            }
        });
        assertTrue(found[0] >= 0, "sender counter " + counter + " not found");
        return found[0];
    }

    private static final class SequenceChecker implements FrameHandler
    {
        private long received;
        private long lastTimestampNs;
        private int errors;
        private String firstError;

        public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs)
        {
            final long sequence = buffer.getLong(offset);
            if (sequence != received || FRAME_LENGTH != length || rxTimestampNs < lastTimestampNs)
            {
                if (0 == errors++)
                {
                    firstError = "frame " + received + ": sequence " + sequence + ", length " + length +
                        ", rx timestamp " + rxTimestampNs + " after " + lastTimestampNs;
                }
            }
            lastTimestampNs = rxTimestampNs;
            received++;
        }
    }
}
