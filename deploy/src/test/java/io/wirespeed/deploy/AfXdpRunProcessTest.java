package io.wirespeed.deploy;

import io.wirespeed.config.FeedName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code wirespeed run} on AF_XDP: the venue in one network namespace sends the feeds as kernel multicast through its
 * end of a veth pair, the appliance in the other receives them through an AF_XDP socket on its end, in generic and in
 * native XDP mode, and trades over TCP across the pair. The banner names what the port obtained (interface, queue,
 * XDP mode and bind) and every group subscribed; market data flows, the session is established, SIGTERM stops both
 * with exit 0.
 */
@Tag("privileged")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
final class AfXdpRunProcessTest
{
    private static final Map<String, String> SECRET = Map.of("WIRESPEED_VENUE_SECRET", "c2VjcmV0LWZvci10ZXN0cw");
    private static final Pattern ORDER_ENTRY = Pattern.compile("order entry: iLink 3 on [0-9.]+:(\\d+)");
    private static final Pattern MARKET_DATA = Pattern.compile("\\| md ([\\d,]+) msgs");

    private Path shm;
    private Path work;

    @BeforeEach
    void setUp() throws IOException
    {
        WirespeedProcess.assumePackaged();
        shm = Files.createTempDirectory(Path.of("/dev/shm"), "ws-xdp-run-test-");
        work = Files.createTempDirectory("ws-xdp-run-work-");
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

    @ParameterizedTest
    @ValueSource(strings = { "generic", "native" })
    void theBannerNamesTheAfXdpPortObtainedAndMarketDataFlowsThroughIt(final String xdpMode) throws IOException
    {
        try (TwoHostNetwork network = TwoHostNetwork.create())
        {
            final List<String> options = new ArrayList<>(List.of(
                "-Dwirespeed.nic.shm.path=" + shm.resolve("nic"),
                "-Dwirespeed.aeron.dir=" + shm.resolve("aeron"),
                "-Dwirespeed.journal.enabled=false",
                "-Dwirespeed.sim.message_rate_per_second=2000"));
            final String[] keys = { "incremental_a", "incremental_b", "snapshot", "instrument_definition" };
            final int prefix = ThreadLocalRandom.current().nextInt(1, 255);
            final List<String> endpoints = new ArrayList<>();
            for (int i = 0; i < keys.length; i++)
            {
                endpoints.add("239." + prefix + ".88." + (i + 1) + ":" + (20_000 + i));
                options.add("-Dwirespeed.channel.0." + keys[i] + "=" + endpoints.get(i));
            }

            final List<String> venueOptions = new ArrayList<>(options);
            venueOptions.addAll(List.of("-Dwirespeed.nic.backend=kernel",
                "-Dwirespeed.nic.kernel.interface=" + network.venueInterface,
                "-Dwirespeed.sim.order_entry.host=" + network.venueAddress, "-Dwirespeed.sim.order_entry.port=0"));
            try (WirespeedProcess venue = WirespeedProcess.start(work, "venue", SECRET, venueOptions,
                TwoHostNetwork.in(network.venueNamespace), "venue"))
            {
                venue.awaitLine(VenueCommand.STARTED);
                final String port = venue.find(ORDER_ENTRY);

                final List<String> runOptions = new ArrayList<>(options);
                runOptions.addAll(List.of("-Dwirespeed.nic.backend=af_xdp",
                    "-Dwirespeed.nic.af_xdp.interface=" + network.applianceInterface,
                    "-Dwirespeed.nic.af_xdp.xdp_mode=" + xdpMode,
                    "-Dwirespeed.gateway.venue_host=" + network.venueAddress,
                    "-Dwirespeed.gateway.venue_port=" + port));
                try (WirespeedProcess run = WirespeedProcess.start(work, "run", SECRET, runOptions,
                    TwoHostNetwork.in(network.applianceNamespace), "run"))
                {
                    run.awaitLine(RunCommand.STARTED);
                    final String banner = run.output();
                    assertTrue(banner.contains("nic af_xdp: " + network.applianceInterface + ", ifindex "), banner);
                    assertTrue(banner.contains(", queue 0, " + xdpMode + " XDP, copy mode (obtained)"), banner);
                    final FeedName[] feeds = FeedName.values();
                    for (int i = 0; i < feeds.length; i++)
                    {
                        assertTrue(banner.contains("310 " + feeds[i].text() + " " + endpoints.get(i)), banner);
                    }
                    assertTrue(banner.contains("venue session: connected /" + network.applianceAddress + ":"),
                        banner);
                    assertTrue(banner.contains(" -> /" + network.venueAddress + ":" + port + ", ESTABLISHED"), banner);
                    run.awaitLine("market data through the AF_XDP port", (line) -> marketData(line) > 1_000);

                    venue.terminate();
                    assertEquals(0, venue.awaitExit(), venue.output());
                    run.terminate();
                    assertEquals(0, run.awaitExit(), run.output());
                    assertFalse(run.output().contains("Exception"), run.output());
                    assertFalse(venue.output().contains("Exception"), venue.output());
                    try (Stream<Path> left = Files.list(shm))
                    {
                        assertEquals(List.of(), left.toList(), "both ends remove their files");
                    }
                }
            }
        }
    }

    private static long marketData(final String line)
    {
        final Matcher matcher = MARKET_DATA.matcher(line);
        return matcher.find() ? Long.parseLong(matcher.group(1).replace(",", "")) : -1;
    }
}
