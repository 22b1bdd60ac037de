package io.wirespeed.deploy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deployment kit as an operator gets it: {@code wirespeed-VERSION.tar.gz} unpacked into an empty directory and run
 * with a PATH that has no Maven (only the shell tools the launcher uses and {@code JAVA_HOME}) and a fresh HOME:
 * {@code version}, {@code check}, {@code demo}, and a {@code venue} with a {@code run} against it.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
final class TarballProcessTest
{
    private static final Path TARBALL = Path.of(System.getProperty("wirespeed.tarball", "target/none.tar.gz"));
    private static final Pattern ORDER_ENTRY = Pattern.compile("order entry: iLink 3 on [0-9.]+:(\\d+)");

    private Path shm;
    private Path work;

    @BeforeEach
    void setUp() throws IOException
    {
        WirespeedProcess.assumePackaged();
        shm = Files.createTempDirectory(Path.of("/dev/shm"), "ws-tarball-");
        work = Files.createTempDirectory("ws-tarball-");
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
    void theUnpackedKitRunsCheckDemoVenueAndRunWithoutMavenOrAHome() throws Exception
    {
        final Path unpacked = Files.createDirectory(work.resolve("opt"));
        final Process tar = new ProcessBuilder("tar", "-xzf", TARBALL.toString(), "-C", unpacked.toString())
            .inheritIO().start();
        assertEquals(0, tar.waitFor(), "tar -xzf " + TARBALL);
        final String top = "wirespeed-" + BuildInfo.version();
        final Path kit = unpacked.resolve(top);
        for (final String file : List.of("bin/wirespeed", "lib/wirespeed.jar", "config/production.toml",
            "config/wirespeed-default.toml", "systemd/wirespeed.service", "systemd/wirespeed-driver.service",
            "systemd/wirespeed-strategy@.service", "systemd/run-wirespeed.mount", "systemd/wirespeed.sysusers"))
        {
            assertTrue(Files.isRegularFile(kit.resolve(file)), file + " missing from " + TARBALL);
        }
        assertTrue(Files.isExecutable(kit.resolve("bin/wirespeed")), "bin/wirespeed is not executable");

        final Map<String, String> env = new HashMap<>(RackRun.SECRET);
        env.put("PATH", toolsWithoutMaven().toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("HOME", Files.createDirectory(work.resolve("home")).toString());
        final Path launcher = kit.resolve("bin/wirespeed");
        final List<String> paths = List.of("-Dwirespeed.nic.shm.path=" + shm.resolve("nic"),
            "-Dwirespeed.aeron.dir=" + shm.resolve("aeron"), "-Dwirespeed.journal.enabled=false",
            "-Dwirespeed.sim.message_rate_per_second=2000");

        final WirespeedProcess version = runToEnd(launcher, "version", env, List.of(), "version");
        assertEquals(0, version.process.exitValue(), version.output());
        assertTrue(version.output().startsWith("wirespeed " + BuildInfo.version() + "\n"), version.output());
        assertTrue(version.output().matches("(?s).*\ncommit ([0-9a-f]{12}(-dirty)?|unknown)\nJava .*"),
            version.output());

        final WirespeedProcess check = runToEnd(launcher, "check", env, List.of(), "check");
        assertEquals(0, check.process.exitValue(), check.output());
        assertTrue(check.output().contains("wirespeed check: 0 fail, "), check.output());

        final WirespeedProcess demo = runToEnd(launcher, "demo", env, paths, "demo", "--seconds", "2");
        assertEquals(0, demo.process.exitValue(), demo.output());
        assertTrue(demo.output().contains("tick-to-trade"), demo.output());

        final List<String> venuePaths = new ArrayList<>(paths);
        venuePaths.addAll(List.of("-Dwirespeed.sim.order_entry.host=127.0.0.1", "-Dwirespeed.sim.order_entry.port=0"));
        try (WirespeedProcess venue = WirespeedProcess.start(launcher, work, "venue", env, venuePaths, List.of(),
            "venue", "--linger-ms", "200"))
        {
            venue.awaitLine(VenueCommand.STARTED);
            final String port = venue.find(ORDER_ENTRY);
            final List<String> runPaths = new ArrayList<>(paths);
            runPaths.addAll(List.of("-Dwirespeed.gateway.venue_host=127.0.0.1",
                "-Dwirespeed.gateway.venue_port=" + port));
            final WirespeedProcess run = runToEnd(launcher, "run", env, runPaths, "run", "--seconds", "2");
            assertEquals(0, run.process.exitValue(), run.output());
            assertTrue(run.output().contains(RunCommand.STARTED), run.output());
            assertTrue(run.output().contains("summary:"), run.output());
            venue.terminate();
            assertEquals(0, venue.awaitExit(), venue.output());
        }
        assertFalse(Files.exists(work.resolve("home/.m2")), "something reached for Maven");
    }

    private WirespeedProcess runToEnd(
        final Path launcher, final String name, final Map<String, String> env, final List<String> javaOpts,
        final String... args)
    {
        final WirespeedProcess process = WirespeedProcess.start(
            launcher, work, name, env, javaOpts, List.of(), args);
        process.awaitExit();
        return process;
    }

    /**
     * A PATH of links to the few tools the launcher uses, and nothing else: no mvn.
     */
    private Path toolsWithoutMaven() throws IOException, InterruptedException
    {
        final Path tools = Files.createDirectory(work.resolve("tools"));
        for (final String tool : List.of("sh", "dirname", "sed", "cut"))
        {
            final Process which = new ProcessBuilder("sh", "-c", "command -v " + tool).start();
            final String path = new String(which.getInputStream().readAllBytes()).trim();
            assertEquals(0, which.waitFor(), "no " + tool + " on this host");
            Files.createSymbolicLink(tools.resolve(tool), Path.of(path));
        }
        final ProcessBuilder probe = new ProcessBuilder("sh", "-c", "command -v mvn");
        probe.environment().put("PATH", tools.toString());
        assertTrue(0 != probe.start().waitFor(), "mvn is on the test's PATH " + tools);
        return tools;
    }
}
