package io.wirespeed.latency.nic;

import io.wirespeed.config.AfXdpNicContext;
import io.wirespeed.config.PcapPacing;
import io.wirespeed.config.XdpMode;
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
import io.wirespeed.nic.pcap.PcapNicPort;
import io.wirespeed.nic.pcap.PcapPortOptions;
import io.wirespeed.nic.status.CountersFile;
import io.wirespeed.nic.xdp.AfXdpNicOptions;
import io.wirespeed.nic.xdp.AfXdpNicPort;
import io.wirespeed.nic.xdp.XdpLibrary;
import org.HdrHistogram.Histogram;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.OffsetEpochNanoClock;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * AF_XDP against kernel sockets over a veth pair between the root namespace and a fresh namespace A, in one run:
 * <ol>
 *   <li>UDP round trip, 64-byte payload: a busy-polling kernel-socket echo in A; the client here on the root end
 *   through AF_XDP in native and in generic mode and through the kernel backend, rounds alternating so drift on a
 *   shared machine hits all alike; median and p99 per client and the kernel/AF_XDP ratios.</li>
 *   <li>A flood of datagrams (1,000,000 by default) of 64 bytes from a kernel sender in A, received by the kernel
 *   backend, by AF_XDP in native mode and by AF_XDP in generic mode, one after the other: frames received, lost,
 *   the receive rate, and the kernel's own AF_XDP drop count. A UDP socket sender is the bottleneck on a small
 *   machine, so where tcpreplay is installed the same frames are also replayed from a capture written by the pcap
 *   backend, a faster sender.</li>
 * </ol>
 * On a veth in copy mode the kernel still copies every frame, so the gain is smaller than on a NIC with zero-copy.
 * Needs root (network namespaces, CAP_NET_ADMIN, CAP_BPF) and the AF_XDP library in the bypass-nic jar.
 * <p>
 * Usage: {@code bench xdp [round trips per round, default 50000] [rounds, default 5] [flood datagrams, default
 * 1000000] [AF_XDP ring size, default 1024]}
 */
public final class XdpBenchmark
{
    private static final int PAYLOAD_LENGTH = 64;
    private static final int WARM_UP = 10_000;
    private static final int ECHO_XDP_PORT = 19_000;
    private static final int ECHO_KERNEL_PORT = 19_001;
    private static final int CLIENT_XDP_PORT = 19_100;
    private static final int CLIENT_KERNEL_PORT = 19_101;
    private static final int FLOOD_PORT = 19_200;
    private static final long REPLY_TIMEOUT_NS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long FLOOD_IDLE_NS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long FLOOD_TIMEOUT_MS = 300_000;

    private static int ringSize;

    private XdpBenchmark()
    {
    }

    /**
     * Run both parts and print the figures.
     *
     * @param args optional round trips per round, rounds, flood datagrams.
     * @throws Exception on a setup failure.
     */
    public static void main(final String[] args) throws Exception
    {
        final int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        final int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        final long floodCount = args.length > 2 ? Long.parseLong(args[2]) : 1_000_000L;
        ringSize = args.length > 3 ? Integer.parseInt(args[3]) : AfXdpNicContext.RING_SIZE_DEFAULT;
        if (!"root".equals(System.getProperty("user.name")) || !XdpLibrary.isAvailable())
        {
            System.err.println("bench xdp needs root and the AF_XDP library: " +
                (XdpLibrary.isAvailable() ? "not root" : XdpLibrary.unavailableReason()));
            System.exit(2);
        }

        final Path dir = BenchSupport.scratchDirectory("wirespeed-xdp-");
        try (XdpBenchNetwork network = XdpBenchNetwork.create();
            CountersFile counters = CountersFile.create(dir.resolve("counters"), 256))
        {
            System.out.printf("AF_XDP vs kernel sockets over a veth pair (%s <-> %s in %s), AF_XDP rings of %d, " +
                "on %d CPUs%n", network.rootInterface, network.peerInterface, network.namespace, ringSize,
                Runtime.getRuntime().availableProcessors());
            roundTrips(network, counters, perRound, rounds);
            flood(network, counters, floodCount, null);
            if (onPath("tcpreplay"))
            {
                flood(network, counters, floodCount, writeCapture(network, dir, floodCount));
            }
            else
            {
                System.out.println("\n(no tcpreplay on the PATH: the replayed flood is skipped)");
            }
        }
        finally
        {
            BenchSupport.deleteRecursively(dir);
        }
    }

    private static void roundTrips(
        final XdpBenchNetwork network, final CountersFile counters, final int perRound, final int rounds)
        throws Exception
    {
        final String peer = Ipv4Address.toString(network.peerAddress);
        final Process echo = network.startInPeer(XdpBenchPeer.class, "echo", peer,
            Integer.toString(ECHO_XDP_PORT), Integer.toString(CLIENT_XDP_PORT),
            Integer.toString(ECHO_KERNEL_PORT), Integer.toString(CLIENT_KERNEL_PORT), "3600");
        network.awaitLine(echo, "ready", 30_000);
        System.out.printf("%nUDP round trip, %d-byte payload, kernel-socket echo in A (busy-polling), %d rounds x " +
            "%,d per client, alternating%n", PAYLOAD_LENGTH, rounds, perRound);

        final Histogram kernel = new Histogram(10_000_000_000L, 3);
        final Histogram nativeXdp = new Histogram(10_000_000_000L, 3);
        final Histogram genericXdp = new Histogram(10_000_000_000L, 3);
        final long[] lost = new long[3];
        for (int round = 0; round < rounds; round++)
        {
            lost[0] += xdpRoundTrips(network, counters, XdpMode.NATIVE, perRound, nativeXdp);
            lost[1] += kernelRoundTrips(network, counters, perRound, kernel);
            lost[2] += xdpRoundTrips(network, counters, XdpMode.GENERIC, perRound, genericXdp);
        }
        echo.destroyForcibly();

        System.out.println("  AF_XDP native  " + BenchSupport.percentiles(nativeXdp) + lostText(lost[0]));
        System.out.println("  AF_XDP generic " + BenchSupport.percentiles(genericXdp) + lostText(lost[2]));
        System.out.println("  kernel socket  " + BenchSupport.percentiles(kernel) + lostText(lost[1]));
        System.out.printf("  kernel / AF_XDP native:  median %.2fx, p99 %.2fx%n", ratio(kernel, nativeXdp, 50),
            ratio(kernel, nativeXdp, 99));
        System.out.printf("  kernel / AF_XDP generic: median %.2fx, p99 %.2fx%n", ratio(kernel, genericXdp, 50),
            ratio(kernel, genericXdp, 99));
    }

    private static long xdpRoundTrips(
        final XdpBenchNetwork network,
        final CountersFile counters,
        final XdpMode mode,
        final int count,
        final Histogram histogram) throws Exception
    {
        final AfXdpNicOptions options = xdpOptions(network, mode);
        try (AfXdpNicPort port = AfXdpNicPort.open("rtt-xdp", options, counters, new OffsetEpochNanoClock()))
        {
            port.subscribe(network.rootAddress, CLIENT_XDP_PORT);
            final UdpFrameEncoder encoder = new UdpFrameEncoder()
                .source(port.macAddress(), network.rootAddress, CLIENT_XDP_PORT)
                .destination(network.peerMac(), network.peerAddress, ECHO_XDP_PORT);
            return measure(port, encoder, count, histogram);
        }
    }

    private static long kernelRoundTrips(
        final XdpBenchNetwork network, final CountersFile counters, final int count, final Histogram histogram)
        throws Exception
    {
        final KernelNicOptions options = new KernelNicOptions().interfaceName(network.rootInterface);
        try (KernelNicPort port = KernelNicPort.open("rtt-kernel", options, counters, new OffsetEpochNanoClock()))
        {
            port.subscribeUnicast(network.rootAddress, CLIENT_KERNEL_PORT);
            final UdpFrameEncoder encoder = new UdpFrameEncoder()
                .source(0, network.rootAddress, CLIENT_KERNEL_PORT)
                .destination(0, network.peerAddress, ECHO_KERNEL_PORT);
            return measure(port, encoder, count, histogram);
        }
    }

    private static long measure(
        final NicPort port, final UdpFrameEncoder encoder, final int count, final Histogram histogram)
    {
        final Pinger pinger = new Pinger(port, encoder);
        pinger.run(WARM_UP, null);
        return pinger.run(count, histogram);
    }

    private static void flood(
        final XdpBenchNetwork network, final CountersFile counters, final long count, final Path capture)
        throws Exception
    {
        if (null == capture)
        {
            System.out.printf("%nFlood of %,d datagrams, %d-byte payload, from a kernel UDP socket in A, one " +
                "receiver at a time%n", count, PAYLOAD_LENGTH);
        }
        else
        {
            System.out.printf("%nThe same %,d frames replayed by tcpreplay --topspeed in A (PF_PACKET, a faster " +
                "sender than a UDP socket)%n", count);
        }
        System.out.println("  receiver        sent in          received      lost    rate (receive window)  " +
            "kernel AF_XDP drops");
        final KernelNicOptions kernelOptions = new KernelNicOptions().interfaceName(network.rootInterface);
        try (KernelNicPort port = KernelNicPort.open("flood-kernel", kernelOptions, counters,
            new OffsetEpochNanoClock()))
        {
            port.subscribeUnicast(network.rootAddress, FLOOD_PORT);
            floodInto(network, port, null, "kernel socket ", count, capture);
        }
        for (final XdpMode mode : new XdpMode[]{ XdpMode.NATIVE, XdpMode.GENERIC })
        {
            final AfXdpNicOptions options = xdpOptions(network, mode);
            try (AfXdpNicPort port = AfXdpNicPort.open("flood-xdp", options, counters, new OffsetEpochNanoClock()))
            {
                port.subscribe(network.rootAddress, FLOOD_PORT);
                floodInto(network, port, port, XdpMode.NATIVE == mode ? "AF_XDP native " : "AF_XDP generic",
                    count, capture);
            }
        }
    }

    private static Path writeCapture(final XdpBenchNetwork network, final Path dir, final long count)
        throws Exception
    {
        final Path capture = dir.resolve("flood.pcap");
        try (CountersFile counters = CountersFile.create(dir.resolve("capture-counters"), 64);
            PcapNicPort writer = PcapNicPort.open("flood-capture", null, capture, PcapPacing.MAX, counters,
                new OffsetEpochNanoClock(), new PcapPortOptions()))
        {
            final UdpFrameEncoder encoder = new UdpFrameEncoder()
                .source(network.peerMac(), network.peerAddress, FLOOD_PORT)
                .destination(network.rootMac(), network.rootAddress, FLOOD_PORT);
            final TxQueue tx = writer.txQueue(0);
            final FrameClaim claim = new FrameClaim();
            for (long i = 0; i < count; i++)
            {
                while (!tx.tryClaim(encoder.frameLength(PAYLOAD_LENGTH), claim))
                {
                    tx.commit();
                }
                claim.buffer().putLong(claim.offset() + encoder.headerLength(), i);
                encoder.encode(claim.buffer(), claim.offset(), PAYLOAD_LENGTH);
                if ((i & 31) == 31)
                {
                    tx.commit();
                }
            }
            tx.commit();
        }
        return capture;
    }

    private static void floodInto(
        final XdpBenchNetwork network,
        final NicPort port,
        final AfXdpNicPort xdpPort,
        final String label,
        final long count,
        final Path capture) throws Exception
    {
        final Counter counter = new Counter();
        final RxQueue rx = port.rxQueue(0);
        final Process sender = null == capture ?
            network.startInPeer(XdpBenchPeer.class, "flood", Ipv4Address.toString(network.rootAddress),
                Integer.toString(FLOOD_PORT), Long.toString(count), Integer.toString(PAYLOAD_LENGTH)) :
            network.startCommandInPeer(List.of("tcpreplay", "--intf1=" + network.peerInterface, "--topspeed",
                "--preload-pcap", capture.toString()));
        final long deadlineMs = System.currentTimeMillis() + FLOOD_TIMEOUT_MS;
        long lastFrameNs = System.nanoTime();
        while (System.currentTimeMillis() < deadlineMs)
        {
            if (rx.poll(counter, BenchSupport.BURST) > 0)
            {
                lastFrameNs = System.nanoTime();
            }
            else if (!sender.isAlive() && System.nanoTime() - lastFrameNs > FLOOD_IDLE_NS)
            {
                break;
            }
        }
        final String sent = network.awaitLine(sender, null == capture ? "sent " : "Actual: ", 10_000);
        final long dropped = null == xdpPort ? -1 : xdpPort.sampleKernelStatistics();
        final long windowNs = Math.max(1, counter.lastNs - counter.firstNs);
        System.out.printf("  %s  %-14s %,10d  %8.2f%%  %10.3f Mframes/s  %s%n", label,
            sent.substring(sent.indexOf(" in ") + 4), counter.frames, 100.0 * (count - counter.frames) / count,
            counter.frames * 1e3 / windowNs, dropped < 0 ? "-" : String.format("%,d", dropped));
    }

    private static AfXdpNicOptions xdpOptions(final XdpBenchNetwork network, final XdpMode mode)
    {
        return new AfXdpNicOptions()
            .interfaceName(network.rootInterface)
            .xdpMode(mode)
            .ringSize(ringSize)
            .umemFrameCount(Math.max(AfXdpNicContext.UMEM_FRAME_COUNT_DEFAULT, 4 * ringSize));
    }

    private static boolean onPath(final String tool)
    {
        final String path = System.getenv("PATH");
        if (null != path)
        {
            for (final String directory : path.split(File.pathSeparator))
            {
                if (Files.isExecutable(Path.of(directory, tool)))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static String lostText(final long lost)
    {
        return lost > 0 ? String.format("  (%,d replies lost, resent)", lost) : "";
    }

    private static double ratio(final Histogram numerator, final Histogram denominator, final double percentile)
    {
        return (double)numerator.getValueAtPercentile(percentile) / denominator.getValueAtPercentile(percentile);
    }

    private static final class Counter implements FrameHandler
    {
        private long frames;
        private long firstNs;
        private long lastNs;

        public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs)
        {
            lastNs = System.nanoTime();
            if (0 == frames++)
            {
                firstNs = lastNs;
            }
        }
    }

    private static final class Pinger implements FrameHandler
    {
        private final RxQueue rx;
        private final TxQueue tx;
        private final UdpFrameEncoder encoder;
        private final UdpFrameDecoder decoder;
        private final UdpView view = new UdpView();
        private final FrameClaim claim = new FrameClaim();
        private long sentNs;
        private boolean replied;
        private long roundTripNs;

        Pinger(final NicPort port, final UdpFrameEncoder encoder)
        {
            this.rx = port.rxQueue(0);
            this.tx = port.txQueue(0);
            this.encoder = encoder;
            this.decoder = new UdpFrameDecoder(port.counters());
        }

        long run(final int count, final Histogram histogram)
        {
            long lost = 0;
            for (int i = 0; i < count; i++)
            {
                send();
                replied = false;
                while (!replied)
                {
                    if (0 == rx.poll(this, 1) && System.nanoTime() - sentNs > REPLY_TIMEOUT_NS)
                    {
                        lost++;
                        send();
                    }
                }
                if (null != histogram)
                {
                    histogram.recordValue(roundTripNs);
                }
            }
            return lost;
        }

        private void send()
        {
            final int frameLength = encoder.frameLength(PAYLOAD_LENGTH);
            while (!tx.tryClaim(frameLength, claim))
            {
                Thread.onSpinWait();
            }
            sentNs = System.nanoTime();
            claim.buffer().putLong(claim.offset() + encoder.headerLength(), sentNs);
            encoder.encode(claim.buffer(), claim.offset(), PAYLOAD_LENGTH);
            tx.commit();
        }

        public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs)
        {
            if (UdpFrameDecoder.UDP == decoder.decode(buffer, offset, length, rxTimestampNs, view) &&
                view.buffer().getLong(view.payloadOffset()) == sentNs)
            {
                roundTripNs = System.nanoTime() - sentNs;
                replied = true;
            }
        }
    }
}
