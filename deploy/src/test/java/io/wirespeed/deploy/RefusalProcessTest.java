package io.wirespeed.deploy;

import io.wirespeed.config.WirespeedConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A configured value a command cannot honour on this host is refused: exit 1 (or 3 when the value names a peer that
 * is not there), one line naming the key, its value and the reason, no stack trace, and nothing printed before it as
 * if the value were in use. Each case runs the packaged {@code bin/wirespeed} as its own process.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
final class RefusalProcessTest
{
    private static final Map<String, String> SECRET = Map.of("WIRESPEED_VENUE_SECRET", "c2VjcmV0LWZvci10ZXN0cw");

    private Path shm;
    private Path work;

    @BeforeEach
    void setUp() throws IOException
    {
        WirespeedProcess.assumePackaged();
        shm = Files.createTempDirectory(Path.of("/dev/shm"), "ws-refusal-test-");
        work = Files.createTempDirectory("ws-refusal-work-");
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

    @Test
    void runWithAnExternalDriverThatIsNotRunningHasNothingToTalkTo()
    {
        final WirespeedProcess run = run(SECRET, "-Dwirespeed.nic.backend=kernel",
            "-Dwirespeed.aeron.embedded_driver=false", "-Dwirespeed.aeron.driver_threading_mode=shared");

        assertRefused(run, Refusal.EXIT_NOTHING_TO_TALK_TO, "aeron.embedded_driver = false: no media driver is " +
            "running at " + shm.resolve("aeron") + " (aeron.dir); start one with `wirespeed driver`");
    }

    @Test
    void runOnShmWithNoVenueHasNothingToTalkTo()
    {
        final WirespeedProcess run = run(SECRET);

        assertRefused(run, Refusal.EXIT_NOTHING_TO_TALK_TO, "nic.shm.path = \"" + shm.resolve("nic") +
            "\": no venue wires at " + shm.resolve("nic") + "-310-a; start `wirespeed venue`");
    }

    @Test
    void runRefusesAnUnresolvableSecret()
    {
        final WirespeedProcess run = run(Map.of(), "-Dwirespeed.nic.backend=kernel");

        assertRefused(run, Refusal.EXIT_REFUSED, "gateway.secret_ref = \"env:WIRESPEED_VENUE_SECRET\": cannot " +
            "resolve the secret: environment variable WIRESPEED_VENUE_SECRET is not set");
    }

    @Test
    void runAndVenueRefuseASecretThatIsNotBase64url()
    {
        final Map<String, String> notBase64 = Map.of("WIRESPEED_VENUE_SECRET", "x");
        final String line = "gateway.secret_ref = \"env:WIRESPEED_VENUE_SECRET\": the secret is not base64url";

        assertRefused(run(notBase64, "-Dwirespeed.nic.backend=kernel"), Refusal.EXIT_REFUSED, line);
        assertRefused(WirespeedProcess.runToEnd(work, "venue", notBase64, options(), "venue", "--seconds", "1"),
            Refusal.EXIT_REFUSED, line);
    }

    @Test
    void runRefusesACoreThisHostDoesNotHave()
    {
        final int core = Math.min(4095, Runtime.getRuntime().availableProcessors() + 64);
        final WirespeedProcess run = run(SECRET, "-Dwirespeed.nic.backend=kernel",
            "-Dwirespeed.agents.feed.core=" + core);

        assertRefused(run, Refusal.EXIT_REFUSED, "agents.feed.core = " + core + ": no such core for this process");
    }

    @Test
    void runRefusesTheJournalItCannotWrite() throws IOException
    {
        final Path notADirectory = Files.createFile(work.resolve("not-a-directory"));
        final WirespeedProcess run = WirespeedProcess.runToEnd(work, "run", SECRET, List.of(
            "-Dwirespeed.nic.shm.path=" + shm.resolve("nic"), "-Dwirespeed.aeron.dir=" + shm.resolve("aeron"),
            "-Dwirespeed.journal.dir=" + notADirectory.resolve("journal")), "run", "--seconds", "1");

        assertRefused(run, Refusal.EXIT_REFUSED, "journal.dir = \"" + notADirectory.resolve("journal") +
            "\": cannot open the journal there (");
    }

    @Test
    void runRefusesACaptureItCannotRead()
    {
        final Path missing = work.resolve("feed.pcap");
        final WirespeedProcess run = run(SECRET, "-Dwirespeed.nic.backend=pcap",
            "-Dwirespeed.nic.pcap.read_path=" + missing);

        assertRefused(run, Refusal.EXIT_REFUSED, "nic.pcap.read_path = \"" + missing + "\": " +
            missing + ": cannot open capture for reading (no such file)");
    }

    @Test
    void runRefusesAnAfXdpInterfaceThatDoesNotExist()
    {
        final WirespeedProcess run = run(SECRET, "-Dwirespeed.nic.backend=af_xdp",
            "-Dwirespeed.nic.af_xdp.interface=wsnope0");

        assertRefused(run, Refusal.EXIT_REFUSED, "nic.af_xdp.interface = \"wsnope0\": no such interface");
    }

    @Test
    void runRefusesAKernelInterfaceThatDoesNotExist()
    {
        final WirespeedProcess run = run(SECRET, "-Dwirespeed.nic.backend=kernel",
            "-Dwirespeed.nic.kernel.interface=wsnope0");

        assertRefused(run, Refusal.EXIT_REFUSED, "nic.kernel.interface = \"wsnope0\": no such interface");
    }

    @Test
    void runRefusesAfXdpWithoutThePrivilegesItNeeds() throws IOException
    {
        final List<String> prefix = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name")))
        {
            final boolean setpriv = Files.isExecutable(Path.of("/usr/bin/setpriv")) ||
                Files.isExecutable(Path.of("/bin/setpriv"));
            if (!setpriv)
            {
                System.out.println("skipped: running as root and no setpriv to drop the privileges");
            }
            assumeTrue(setpriv, "running as root and no setpriv to drop the privileges");
            prefix.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                "--inh-caps=-all", "--bounding-set=-all"));
            for (final Path dir : List.of(shm, work))
            {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            }
        }
        final WirespeedProcess run = WirespeedProcess.start(work, "run", SECRET, options(
            "-Dwirespeed.nic.backend=af_xdp", "-Dwirespeed.nic.af_xdp.interface=lo"), prefix, "run", "--seconds", "1");
        run.awaitExit();

        assertRefused(run, Refusal.EXIT_REFUSED, "nic.backend = \"af_xdp\": needs CAP_NET_RAW and CAP_BPF (or root)");
    }

    @Test
    void demoRefusesABackendItCannotDemoInsteadOfSubstitutingShm()
    {
        final WirespeedProcess demo = WirespeedProcess.runToEnd(work, "demo", SECRET, options(
            "-Dwirespeed.nic.backend=af_xdp", "-Dwirespeed.nic.af_xdp.interface=lo"), "demo", "--seconds", "1");

        assertRefused(demo, Refusal.EXIT_REFUSED, "nic.backend = \"af_xdp\": the demo runs its venue in this " +
            "process on shm wires or kernel multicast");
        assertFalse(demo.output().contains("af_xdp NIC"), demo.output());
        assertFalse(demo.output().contains("[4/4]"), demo.output());
    }

    @Test
    void demoWithTheProductionSampleRefusesItsAfXdpBackend()
    {
        final Path sample = Path.of(System.getProperty("wirespeed.root", ".."), "config", "samples",
            "production.toml");
        final WirespeedProcess demo = WirespeedProcess.runToEnd(work, "demo", SECRET, List.of(), "demo", "--config",
            sample.toAbsolutePath().toString(), "--seconds", "1");

        assertRefused(demo, Refusal.EXIT_REFUSED, "nic.backend = \"af_xdp\"");
        assertFalse(demo.output().contains("af_xdp NIC"), demo.output());
    }

    @Test
    void venueRefusesABackendItDoesNotSendOn()
    {
        final WirespeedProcess venue = WirespeedProcess.runToEnd(work, "venue", SECRET, options(
            "-Dwirespeed.nic.backend=pcap", "-Dwirespeed.nic.pcap.read_path=" + work.resolve("feed.pcap")), "venue",
            "--seconds", "1");

        assertRefused(venue, Refusal.EXIT_REFUSED, "nic.backend = \"pcap\": the venue sends market data on shm " +
            "wires, kernel multicast sockets or AF_XDP; it does not write captures");
    }

    @Test
    void venueRefusesAnAccessKeyWhoseSecretCannotBeRead() throws IOException
    {
        final Path config = work.resolve("venue.toml");
        try (InputStream in = WirespeedConfig.class.getResourceAsStream(WirespeedConfig.DEFAULT_RESOURCE))
        {
            Files.writeString(config, new String(in.readAllBytes()) +
                "\n[sim.order_entry.access_keys]\nfirm-b = \"env:WS_TEST_SECRET_NOT_SET\"\n");
        }
        final WirespeedProcess venue = WirespeedProcess.runToEnd(work, "venue", SECRET, options(), "venue",
            "--config", config.toString(), "--seconds", "1");

        assertRefused(venue, Refusal.EXIT_REFUSED, "sim.order_entry.access_keys.firm-b = " +
            "\"env:WS_TEST_SECRET_NOT_SET\": cannot resolve the secret: environment variable WS_TEST_SECRET_NOT_SET " +
            "is not set");
    }

    private WirespeedProcess run(final Map<String, String> env, final String... extra)
    {
        return WirespeedProcess.runToEnd(work, "run", env, options(extra), "run", "--seconds", "1");
    }

    private List<String> options(final String... extra)
    {
        final List<String> options = new ArrayList<>(List.of(
            "-Dwirespeed.nic.shm.path=" + shm.resolve("nic"),
            "-Dwirespeed.aeron.dir=" + shm.resolve("aeron"),
            "-Dwirespeed.journal.enabled=false",
            "-Dwirespeed.sim.order_entry.port=0"));
        options.addAll(Arrays.asList(extra));
        return options;
    }

    private static void assertRefused(final WirespeedProcess process, final int exitCode, final String line)
    {
        final String output = process.output();
        assertEquals(exitCode, process.process.exitValue(), output);
        final List<String> refusals = Arrays.stream(output.split("\n")).filter((l) -> l.startsWith(line)).toList();
        assertEquals(1, refusals.size(), () -> "one line starting \"" + line + "\" in:\n" + output);
        assertFalse(output.contains("Exception"), output);
        assertFalse(output.contains("\tat "), output);
    }
}
