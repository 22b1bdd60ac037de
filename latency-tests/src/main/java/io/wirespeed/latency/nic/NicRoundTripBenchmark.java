package io.wirespeed.latency.nic;

import io.wirespeed.nic.FrameClaim;
import io.wirespeed.nic.FrameHandler;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.RxQueue;
import io.wirespeed.nic.TxQueue;
import io.wirespeed.nic.frame.Ipv4Address;
import io.wirespeed.nic.frame.UdpFrameDecoder;
import io.wirespeed.nic.frame.UdpFrameEncoder;
import io.wirespeed.nic.frame.UdpView;
import io.wirespeed.nic.kernel.KernelNicOptions;
import io.wirespeed.nic.kernel.KernelNicPort;
import io.wirespeed.nic.shm.ShmNicPort;
import io.wirespeed.nic.status.CountersFile;
import org.HdrHistogram.Histogram;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.OffsetEpochNanoClock;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * UDP round trip through a NIC backend and back, shm virtual NIC against kernel sockets on loopback, measured side by
 * side in one run: rounds alternate between the two so drift on a shared machine hits both alike. The same code
 * drives both backends: a client writes a 64-byte UDP payload carrying its send time into a claimed frame, an echo
 * thread decodes it with the UDP view and sends it back, the client records the round trip in an HdrHistogram.
 * <p>
 * Usage: {@code bench nic-round-trip [round trips per round, default 200000] [rounds, default 5]}
 */
public final class NicRoundTripBenchmark
{
    private static final int PAYLOAD_LENGTH = 64;
    private static final int LOOPBACK = Ipv4Address.parse("127.0.0.1");
    private static final int WARM_UP = 50_000;

    private NicRoundTripBenchmark()
    {
    }

    /**
     * Run the rounds and print percentiles per backend and the kernel/shm ratio.
     *
     * @param args optional round trips per round and rounds.
     * @throws Exception on a setup failure.
     */
    public static void main(final String[] args) throws Exception
    {
        final int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        final int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        final Histogram shm = new Histogram(10_000_000_000L, 3);
        final Histogram kernel = new Histogram(10_000_000_000L, 3);
        System.out.printf("UDP round trip, %d-byte payload, %d rounds x %,d per backend, alternating, on %d CPUs%n",
            PAYLOAD_LENGTH, rounds, perRound, Runtime.getRuntime().availableProcessors());

        final Path dir = BenchSupport.scratchDirectory("wirespeed-rtt-");
        try (CountersFile counters = CountersFile.create(dir.resolve("counters"), 256))
        {
            for (int round = 0; round < rounds; round++)
            {
                runShm(dir, counters, perRound, shm);
                runKernel(counters, perRound, kernel);
            }
        }
        finally
        {
            BenchSupport.deleteRecursively(dir);
        }

        System.out.println("  shm    " + BenchSupport.percentiles(shm));
        System.out.println("  kernel " + BenchSupport.percentiles(kernel));
        System.out.printf("  kernel / shm: median %.1fx, p99 %.1fx%n",
            (double)kernel.getValueAtPercentile(50) / shm.getValueAtPercentile(50),
            (double)kernel.getValueAtPercentile(99) / shm.getValueAtPercentile(99));
    }

    private static void runShm(final Path dir, final CountersFile counters, final int count, final Histogram histogram)
        throws Exception
    {
        final Path file = dir.resolve("nic");
        try (ShmNicPort client = ShmNicPort.create("rtt-client", BenchSupport.shmContext(file), counters,
            new OffsetEpochNanoClock());
            ShmNicPort server = ShmNicPort.attach("rtt-server", BenchSupport.shmContext(file), counters,
                new OffsetEpochNanoClock()))
        {
            measure(client, server, 1, 2, count, histogram);
        }
    }

    private static void runKernel(final CountersFile counters, final int count, final Histogram histogram)
        throws Exception
    {
        final KernelNicOptions options = new KernelNicOptions().interfaceName("lo");
        try (KernelNicPort client = KernelNicPort.open("rtt-client", options, counters, new OffsetEpochNanoClock());
            KernelNicPort server = KernelNicPort.open("rtt-server", options, counters, new OffsetEpochNanoClock()))
        {
            final int clientPort = client.subscribeUnicast(LOOPBACK, 0).port();
            final int serverPort = server.subscribeUnicast(LOOPBACK, 0).port();
            measure(client, server, clientPort, serverPort, count, histogram);
        }
    }

    private static void measure(
        final NicPort client,
        final NicPort server,
        final int clientPort,
        final int serverPort,
        final int count,
        final Histogram histogram) throws Exception
    {
        final Echo echo = new Echo(server, serverPort, clientPort);
        final Thread echoThread = new Thread(echo, "rtt-echo");
        echoThread.start();
        try
        {
            final Pinger pinger = new Pinger(client, clientPort, serverPort);
            pinger.run(WARM_UP, null);
            pinger.run(count, histogram);
        }
        finally
        {
            echo.running.set(false);
            echoThread.join();
        }
    }

    private static UdpFrameEncoder encoder(final int fromPort, final int toPort)
    {
        return new UdpFrameEncoder().source(0, LOOPBACK, fromPort).destination(0, LOOPBACK, toPort);
    }

    private static final class Pinger implements FrameHandler
    {
        private final RxQueue rx;
        private final TxQueue tx;
        private final UdpFrameEncoder encoder;
        private final UdpFrameDecoder decoder;
        private final UdpView view = new UdpView();
        private final FrameClaim claim = new FrameClaim();
        private boolean replied;
        private long roundTripNs;

        Pinger(final NicPort port, final int ownPort, final int echoPort)
        {
            this.rx = port.rxQueue(0);
            this.tx = port.txQueue(0);
            this.encoder = encoder(ownPort, echoPort);
            this.decoder = new UdpFrameDecoder(port.counters());
        }

        void run(final int count, final Histogram histogram)
        {
            final int frameLength = encoder.frameLength(PAYLOAD_LENGTH);
            for (int i = 0; i < count; i++)
            {
                while (!tx.tryClaim(frameLength, claim))
                {
                    Thread.onSpinWait();
                }
                claim.buffer().putLong(claim.offset() + encoder.headerLength(), System.nanoTime());
                encoder.encode(claim.buffer(), claim.offset(), PAYLOAD_LENGTH);
                tx.commit();

                replied = false;
                while (!replied)
                {
                    rx.poll(this, 1);
                }
                if (null != histogram)
                {
                    histogram.recordValue(roundTripNs);
                }
            }
        }

        public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs)
        {
            if (UdpFrameDecoder.UDP == decoder.decode(buffer, offset, length, rxTimestampNs, view))
            {
                roundTripNs = System.nanoTime() - view.buffer().getLong(view.payloadOffset());
                replied = true;
            }
        }
    }

    private static final class Echo implements Runnable, FrameHandler
    {
        final AtomicBoolean running = new AtomicBoolean(true);
        private final RxQueue rx;
        private final TxQueue tx;
        private final UdpFrameEncoder encoder;
        private final UdpFrameDecoder decoder;
        private final UdpView view = new UdpView();
        private final FrameClaim claim = new FrameClaim();

        Echo(final NicPort port, final int ownPort, final int pingerPort)
        {
            this.rx = port.rxQueue(0);
            this.tx = port.txQueue(0);
            this.encoder = encoder(ownPort, pingerPort);
            this.decoder = new UdpFrameDecoder(port.counters());
        }

        public void run()
        {
            while (running.get())
            {
                if (0 == rx.poll(this, 16))
                {
                    Thread.onSpinWait();
                }
            }
        }

        public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs)
        {
            if (UdpFrameDecoder.UDP != decoder.decode(buffer, offset, length, rxTimestampNs, view))
            {
                return;
            }
            final int payloadLength = view.payloadLength();
            while (!tx.tryClaim(encoder.frameLength(payloadLength), claim))
            {
                Thread.onSpinWait();
            }
            claim.buffer().putBytes(
                claim.offset() + encoder.headerLength(), view.buffer(), view.payloadOffset(), payloadLength);
            encoder.encode(claim.buffer(), claim.offset(), payloadLength);
            tx.commit();
        }
    }
}
