package io.wirespeed.deploy;

import io.wirespeed.config.FeedName;
import io.wirespeed.replay.decode.LoopbackCapture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rack, two hosts in miniature: {@code wirespeed venue} in one network namespace sends the feeds as kernel
 * multicast through its end of a veth pair and accepts order entry on TCP; {@code wirespeed run} in the other receives
 * them through AF_XDP (native XDP on the veth, and generic) or kernel sockets and trades with the sample strategies
 * over TCP across the pair (see {@link RackRun} for what each run checks: books equal, orders fill, {@code wirespeed
 * kill} on the appliance's host cancels every open order at the venue, SIGTERM stops both with exit 0, nothing left in
 * /dev/shm). The same over shm, two processes on one host; and {@code run} with {@code nic.backend = "pcap"}
 * replaying what tcpdump captured on the venue's end of the pair during the kernel run, to the venue's books. The
 * namespaces and the pair are gone afterwards, also when a check fails. Each run prints its figures as one line
 * ({@code rack <backend>: packets=.. orders=.. fills=.. t2t_p50_us=.. t2t_p99_us=..}), the class a side-by-side.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
final class RackProcessTest
{
    private static final String[] KEYS = { "incremental_a", "incremental_b", "snapshot", "instrument_definition" };
    private static final int FIRST_PORT = 20_000;
    private static final int SENTINEL = KEYS.length + 1;
    private static final Map<String, RackRun.Figures> FIGURES = new LinkedHashMap<>();

    private Path shm;
    private Path work;

    @BeforeEach
    void setUp() throws IOException
    {
        WirespeedProcess.assumePackaged();
        shm = Files.createTempDirectory(Path.of("/dev/shm"), "ws-rack-test-");
        work = Files.createTempDirectory("ws-rack-work-");
    }

    @AfterEach
    void tearDown() throws IOException
    {
        if (null != shm)
        {
            VenueAndRunProcessTest.deleteTree(shm);
            VenueAndRunProcessTest.deleteTree(work);
        }
    }

    @AfterAll
    static void sideBySide()
    {
        if (!FIGURES.isEmpty())
        {
            System.out.println("rack side by side (kernel and AF_XDP across the veth, shm on one host, pcap from the " +
                "kernel run's capture):");
            System.out.printf("  %-15s %10s %8s %8s %11s %11s%n", "backend", "packets", "orders", "fills",
                "t2t_p50_us", "t2t_p99_us");
            for (final Map.Entry<String, RackRun.Figures> entry : FIGURES.entrySet())
            {
                final RackRun.Figures figures = entry.getValue();
                System.out.printf("  %-15s %10d %8d %8d %11s %11s%n", entry.getKey(), figures.packets(),
                    figures.orders(), figures.fills(), figures.p50us(), figures.p99us());
            }
        }
    }

    @Test
    void overShmOnOneHostInDedicatedThreadingTheAppliancesBooksEqualTheVenuesOrdersFillKillCancelsAndBothStop()
        throws Exception
    {
        final List<String> options = new ArrayList<>(List.of(
            "-Dwirespeed.nic.shm.path=" + shm.resolve("nic"),
            "-Dwirespeed.journal.enabled=false",
            "-Dwirespeed.sim.message_rate_per_second=2000"));
        final List<String> runOptions = new ArrayList<>(options);
        runOptions.add("-Dwirespeed.appliance.threading_mode=dedicated");
        final RackRun result = RackRun.tradeKillAndStop(work, shm, RackRun.Host.LOCAL, RackRun.Host.LOCAL, options,
            runOptions, true, (rack) ->
            {
            });

        final String nicPath = shm.resolve("nic").toString();
        for (final String role : List.of("strategy", "feed", "gateway"))
        {
            assertTrue(result.run.output().contains(" (" + role + "): cores "), role + ":\n" + result.run.output());
        }
        assertTrue(result.run.output().contains("dedicated threading"), result.run.output());
        for (final FeedName feed : FeedName.values())
        {
            assertTrue(result.run.output().contains("nic shm: feed 310 " + feed.text() + " attached to " +
                nicPath + "-310-" + feed.text() + " (venue pid " + result.venue.process.pid() + ","),
                result.run.output());
            assertTrue(result.venue.output().contains("shm: feed 310 " + feed.text() + " created " + nicPath +
                "-310-" + feed.text()), result.venue.output());
        }
        record("shm", result);
    }

    @Test
    @Tag("privileged")
    void acrossTheVethThroughKernelSocketsThenRunReplaysTheTcpdumpTakenInTheVenuesNamespaceToTheVenuesBooks()
        throws Exception
    {
        LoopbackCapture.assumeCanCapture();
        final TwoHostNetwork network = TwoHostNetwork.create();
        try (network)
        {
            final List<String> endpoints = endpoints();
            final List<String> options = options(endpoints);
            final StringBuilder filter = new StringBuilder();
            for (int i = 0; i < KEYS.length; i++)
            {
                filter.append("udp port ").append(FIRST_PORT + i).append(" or ");
            }
            final String sentinel = endpoints.get(0).replaceFirst("\\.1:\\d+$", "." + SENTINEL);
            filter.append("udp port ").append(FIRST_PORT + SENTINEL);
            final Path capture = work.resolve("venue-feeds.pcap");

            final List<String> runOptions = new ArrayList<>(options);
            runOptions.addAll(List.of("-Dwirespeed.nic.backend=kernel",
                "-Dwirespeed.nic.kernel.interface=" + network.applianceInterface));
            final RackRun result;
            try (LoopbackCapture tcpdump = LoopbackCapture.start(work, capture, TwoHostNetwork.in(
                network.venueNamespace), "-i " + network.venueInterface + " --time-stamp-precision=nano -B 16384",
                filter.toString()))
            {
                result = acrossTheVeth(network, endpoints, options, runOptions, (rack) ->
                {
                    final FeedName[] feeds = FeedName.values();
                    for (int i = 0; i < feeds.length; i++)
                    {
                        assertTrue(rack.run.output().contains("nic kernel: feed 310 " + feeds[i].text() +
                            " joined " + endpoints.get(i) + " (multicast"), rack.run.output());
                    }
                });
                tcpdump.stop((marker) -> sendInside(network.venueNamespace, sentinel, FIRST_PORT + SENTINEL,
                    marker));
            }
            record("kernel", result);
            replayTheCapture(network, options, capture, result.venue);
        }
        assertEquals(List.of(), network.namespacesLeft(), "the namespaces and the pair are removed");
    }

    @ParameterizedTest
    @ValueSource(strings = { "native", "generic" })
    @Tag("privileged")
    void acrossTheVethThroughAfXdp(final String xdpMode) throws Exception
    {
        final TwoHostNetwork network = TwoHostNetwork.create();
        try (network)
        {
            final List<String> endpoints = endpoints();
            final List<String> options = options(endpoints);
            final List<String> runOptions = new ArrayList<>(options);
            runOptions.addAll(List.of("-Dwirespeed.nic.backend=af_xdp",
                "-Dwirespeed.nic.af_xdp.interface=" + network.applianceInterface,
                "-Dwirespeed.nic.af_xdp.xdp_mode=" + xdpMode));
            final RackRun result = acrossTheVeth(network, endpoints, options, runOptions, (rack) ->
            {
                final String banner = rack.run.output();
                assertTrue(banner.contains("nic af_xdp: " + network.applianceInterface + ", ifindex "), banner);
                assertTrue(banner.contains(", queue 0, " + xdpMode + " XDP, copy mode (obtained)"), banner);
                final FeedName[] feeds = FeedName.values();
                for (int i = 0; i < feeds.length; i++)
                {
                    assertTrue(banner.contains("310 " + feeds[i].text() + " " + endpoints.get(i)), banner);
                }
            });
            record("af_xdp " + xdpMode, result);
        }
        assertEquals(List.of(), network.namespacesLeft(), "the namespaces and the pair are removed");
    }

    @Test
    @Tag("privileged")
    void bothEndsBypassTheKernelTheVenueSendsThroughAfXdpAndTheApplianceReceivesThroughAfXdp() throws Exception
    {
        final TwoHostNetwork network = TwoHostNetwork.create();
        try (network)
        {
            final List<String> endpoints = endpoints();
            final List<String> options = options(endpoints);
            final List<String> venueOptions = new ArrayList<>(options);
            venueOptions.addAll(List.of("-Dwirespeed.nic.backend=af_xdp",
                "-Dwirespeed.nic.af_xdp.interface=" + network.venueInterface,
                "-Dwirespeed.nic.af_xdp.xdp_mode=generic"));
            final List<String> runOptions = new ArrayList<>(options);
            runOptions.addAll(List.of("-Dwirespeed.nic.backend=af_xdp",
                "-Dwirespeed.nic.af_xdp.interface=" + network.applianceInterface,
                "-Dwirespeed.nic.af_xdp.xdp_mode=native"));
            final RackRun result = RackRun.tradeKillAndStop(work, shm, venueHost(network), applianceHost(network),
                venueOptions, runOptions, true, (rack) ->
                {
                    final String banner = rack.run.output();
                    assertTrue(banner.contains("nic af_xdp: " + network.applianceInterface + ", ifindex "), banner);
                    assertTrue(banner.contains(", queue 0, native XDP, copy mode (obtained)"), banner);
                });
            final FeedName[] feeds = FeedName.values();
            for (int i = 0; i < feeds.length; i++)
            {
                assertTrue(result.venue.output().contains("af_xdp: feed 310 " + feeds[i].text() + " sends to " +
                    endpoints.get(i) + " from "), result.venue.output());
                assertTrue(result.venue.output().contains(" " + network.venueAddress + ":" + (FIRST_PORT + i) +
                    " through " + network.venueInterface + ", ifindex "), result.venue.output());
            }
            assertTrue(result.venue.output().contains(", queue 0, generic XDP, copy mode (obtained)"),
                result.venue.output());
            record("af_xdp both ends", result);
        }
        assertEquals(List.of(), network.namespacesLeft(), "the namespaces and the pair are removed");
    }

    private static RackRun.Host venueHost(final TwoHostNetwork network)
    {
        return new RackRun.Host(TwoHostNetwork.in(network.venueNamespace), network.venueAddress);
    }

    private static RackRun.Host applianceHost(final TwoHostNetwork network)
    {
        return new RackRun.Host(TwoHostNetwork.in(network.applianceNamespace), network.applianceAddress);
    }

    /**
     * The venue in its namespace sending kernel multicast through its end of the pair, the appliance in the other.
     */
    private RackRun acrossTheVeth(
        final TwoHostNetwork network, final List<String> endpoints, final List<String> options,
        final List<String> runOptions, final RackRun.Checks banner) throws IOException
    {
        final List<String> venueOptions = new ArrayList<>(options);
        venueOptions.addAll(List.of("-Dwirespeed.nic.backend=kernel",
            "-Dwirespeed.nic.kernel.interface=" + network.venueInterface));
        final RackRun result = RackRun.tradeKillAndStop(work, shm, venueHost(network), applianceHost(network),
            venueOptions, runOptions, true, banner);
        final FeedName[] feeds = FeedName.values();
        for (int i = 0; i < feeds.length; i++)
        {
            assertTrue(result.venue.output().contains("kernel: feed 310 " + feeds[i].text() + " sends to " +
                endpoints.get(i) + " on " + network.venueInterface), result.venue.output());
        }
        return result;
    }

    /**
     * {@code run} with {@code nic.backend = "pcap"} in the appliance's namespace, no venue session: it replays the
     * capture as fast as it can on the capture's clock, stops at its end and ends with the venue's books.
     */
    private void replayTheCapture(
        final TwoHostNetwork network, final List<String> options, final Path capture, final WirespeedProcess venue)
    {
        final List<String> runOptions = new ArrayList<>(options);
        runOptions.addAll(List.of("-Dwirespeed.nic.backend=pcap", "-Dwirespeed.nic.pcap.read_path=" + capture,
            "-Dwirespeed.nic.pcap.pacing=max", "-Dwirespeed.gateway.venue_session=false",
            "-Dwirespeed.aeron.dir=" + shm.resolve("aeron")));
        try (WirespeedProcess run = WirespeedProcess.start(work, "run-pcap", Map.of(), runOptions,
            TwoHostNetwork.in(network.applianceNamespace), "run"))
        {
            assertEquals(0, run.awaitExit(), run.output());
            final String output = run.output();
            assertTrue(output.contains("  nic pcap: 1 capture(s) [" + capture + "] merged by recorded time"), output);
            assertTrue(output.contains("  venue session: none (gateway.venue_session = false)"), output);
            assertTrue(output.contains("wirespeed run: stopping (end of capture)"), output);
            assertTrue(output.contains(" stale=0 "), output);
            assertEquals(venue.lines(BookDigests.PREFIX), run.lines(BookDigests.PREFIX),
                "the replay ends with the venue's books:\n" + output);
            assertFalse(output.contains("Exception"), output);
            final RackRun.Figures figures = RackRun.Figures.of(run);
            assertTrue(figures.packets() > 0, output);
            FIGURES.put("pcap", figures);
            System.out.println(figures.line("pcap"));
        }
        try (Stream<Path> left = Files.list(shm))
        {
            assertEquals(List.of(), left.toList(), "the replay removes its files");
        }
        catch (final IOException ex)
        {
            throw new AssertionError(ex);
        }
    }

    /**
     * A datagram from inside a namespace, through bash's /dev/udp (the test's own sockets are in this namespace).
     */
    private static void sendInside(final String namespace, final String group, final int port, final byte[] payload)
    {
        try
        {
            final Process process = new ProcessBuilder(TwoHostNetwork.in(namespace, "bash", "-c",
                "printf %s \"$1\" > /dev/udp/" + group + "/" + port, "sentinel",
                new String(payload, StandardCharsets.US_ASCII))).redirectErrorStream(true).start();
            final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the sentinel was not sent");
            assertEquals(0, process.exitValue(), output);
        }
        catch (final IOException ex)
        {
            throw new AssertionError(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    private static void record(final String backend, final RackRun result)
    {
        final RackRun.Figures figures = RackRun.Figures.of(result.run);
        assertTrue(figures.orders() > 0 && figures.fills() > 0, result.run.output());
        FIGURES.put(backend, figures);
        System.out.println(figures.line(backend));
    }

    /**
     * One endpoint per feed, a random group prefix (the ports are the namespace's own).
     */
    private static List<String> endpoints()
    {
        final int prefix = ThreadLocalRandom.current().nextInt(1, 255);
        final List<String> endpoints = new ArrayList<>();
        for (int i = 0; i < KEYS.length; i++)
        {
            endpoints.add("239." + prefix + ".88." + (i + 1) + ":" + (FIRST_PORT + i));
        }
        return endpoints;
    }

    private List<String> options(final List<String> endpoints)
    {
        final List<String> options = new ArrayList<>(List.of(
            "-Dwirespeed.nic.shm.path=" + shm.resolve("nic"),
            "-Dwirespeed.journal.enabled=false",
            "-Dwirespeed.sim.message_rate_per_second=2000"));
        for (int i = 0; i < KEYS.length; i++)
        {
            options.add("-Dwirespeed.channel.0." + KEYS[i] + "=" + endpoints.get(i));
        }
        return options;
    }
}
