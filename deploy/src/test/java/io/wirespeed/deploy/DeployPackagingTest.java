package io.wirespeed.deploy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs what the build packaged, the way a user would: the runnable jar and the {@code bin/wirespeed} launcher.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
final class DeployPackagingTest
{
    private static final Path DIST = Path.of(System.getProperty("wirespeed.dist.dir", "target/wirespeed"));
    private static final Path JAR = DIST.resolve("lib/wirespeed.jar");
    private static final Path LAUNCHER = DIST.resolve("bin/wirespeed");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path tempDir;

    @BeforeEach
    void onlyAfterPackage()
    {
        WirespeedProcess.assumePackaged();
    }

    @Test
    void manifestCarriesEveryModuleFlagOfTheParentPom() throws IOException
    {
        final List<String> flags = jvmFlags();
        try (JarFile jar = new JarFile(JAR.toFile()))
        {
            final Attributes attributes = jar.getManifest().getMainAttributes();
            assertEquals("io.wirespeed.deploy.Wirespeed", attributes.getValue("Main-Class"));
            final List<String> exports = Arrays.asList(attributes.getValue("Add-Exports").split(" "));
            final List<String> opens = Arrays.asList(attributes.getValue("Add-Opens").split(" "));
            int checked = 0;
            for (final String flag : flags)
            {
                if (flag.startsWith("--add-exports="))
                {
                    assertTrue(exports.contains(modulePackage(flag)), flag + " missing from Add-Exports " + exports);
                    checked++;
                }
                else if (flag.startsWith("--add-opens="))
                {
                    assertTrue(opens.contains(modulePackage(flag)), flag + " missing from Add-Opens " + opens);
                    checked++;
                }
            }
            assertEquals(exports.size() + opens.size(), checked, "manifest names packages the parent pom does not");
            assertEquals("ALL-UNNAMED", attributes.getValue("Enable-Native-Access"));
        }
    }

    @Test
    void launcherCarriesTheParentPomFlags() throws IOException
    {
        final String launcher = Files.readString(LAUNCHER);
        assertTrue(Files.isExecutable(LAUNCHER), "bin/wirespeed is not executable");
        for (final String flag : jvmFlags())
        {
            assertTrue(launcher.contains(flag), "launcher lacks " + flag);
        }
    }

    @Test
    void launcherHelpListsSubcommands() throws Exception
    {
        final Result result = run(List.of("sh", LAUNCHER.toString(), "--help"), tempDir);
        assertEquals(0, result.exitCode, result.output);
        assertTrue(result.output.contains("Usage: wirespeed"), result.output);
        assertTrue(result.output.contains("config"), result.output);
        assertTrue(result.output.contains("demo"), result.output);
        for (final String command : List.of("run", "venue, sim", "driver", "strategy", "kill", "decode"))
        {
            assertTrue(result.output.contains("  " + command + " "), command + " missing from:\n" + result.output);
        }
    }

    @Test
    void runnableJarNeedsNoFlags() throws Exception
    {
        final Result result = run(List.of(JAVA, "-jar", JAR.toString(), "--version"), tempDir);
        assertEquals(0, result.exitCode, result.output);
        assertTrue(result.output.contains("wirespeed"), result.output);
    }

    @Test
    void configCheckAcceptsTheDefaultAndRejectsABadFile() throws Exception
    {
        final Path good = tempDir.resolve("good.toml");
        final Result show = run(List.of("sh", LAUNCHER.toString(), "config", "default"), tempDir);
        assertEquals(0, show.exitCode, show.output);
        Files.writeString(good, show.output);
        final Result ok = run(List.of("sh", LAUNCHER.toString(), "config", "check", good.toString()), tempDir);
        assertEquals(0, ok.exitCode, ok.output);

        final Path bad = tempDir.resolve("bad.toml");
        Files.writeString(bad, "[nic]\nbackend = \"carrier-pigeon\"\n");
        final Result rejected = run(List.of("sh", LAUNCHER.toString(), "config", "check", bad.toString()), tempDir);
        assertNotEquals(0, rejected.exitCode, rejected.output);
        assertTrue(rejected.output.contains("nic.backend"), rejected.output);
        assertTrue(rejected.output.contains("carrier-pigeon"), rejected.output);
    }

    @Test
    void demoRunsEndToEndWithItsOwnAeronDirectory() throws Exception
    {
        final Path aeronDir = tempDir.resolve("aeron");
        final Result result = run(List.of("sh", LAUNCHER.toString(), "demo", "--seconds", "2"), tempDir,
            "-Dwirespeed.aeron.dir=" + aeronDir + " -Dwirespeed.nic.shm.path=" + tempDir.resolve("nic"));
        assertEquals(0, result.exitCode, result.output);
        assertTrue(result.output.contains("MDIncrementalRefreshBook46 [1:46 v9]"), result.output);
        assertTrue(result.output.contains("NewOrderSingle514 [8:514 v5]"), result.output);
        assertTrue(result.output.contains("book 1001: equal to the simulator's"), result.output);
        assertTrue(result.output.contains("book 1002: equal to the simulator's"), result.output);
        assertTrue(result.output.contains("wire -> strategy"), result.output);
        assertTrue(result.output.contains("tick-to-trade summary"), result.output);
        assertTrue(result.output.contains("session ESTABLISHED"), result.output);
        assertTrue(result.output.matches("(?s).*tick -> trade [^\\n]*\\n    [0-9,]+ samples.*"), result.output);
        assertTrue(result.output.matches("(?s).*order round trip [^\\n]*\\n    [0-9,]+ samples.*"), result.output);
        assertTrue(!Files.exists(aeronDir), "the embedded driver's directory is deleted on clean shutdown");
        try (Stream<Path> left = Files.list(tempDir))
        {
            assertEquals(List.of(), left.filter((p) -> p.getFileName().toString().startsWith("nic")).toList(),
                "the demo removes its shm wires on exit");
        }
    }

    @Test
    void demoInMultiProcessModeRunsNoStrategyInProcessAndSaysHowToRunOne() throws Exception
    {
        final Result result = run(List.of("sh", LAUNCHER.toString(), "demo", "--seconds", "1"), tempDir,
            "-Dwirespeed.aeron.dir=" + tempDir.resolve("aeron") + " -Dwirespeed.nic.shm.path=" +
            tempDir.resolve("nic") + " -Dwirespeed.appliance.threading_mode=multi-process");
        assertEquals(0, result.exitCode, result.output);
        assertTrue(result.output.contains("0 in-process strategies"), result.output);
        assertTrue(result.output.contains("book 1001: equal to the simulator's"), result.output);
        assertTrue(result.output.contains("wirespeed strategy NAME"), result.output);
    }

    @Test
    void killWithNoRunningApplianceSaysSoAndExitsThree() throws Exception
    {
        final Result result = run(List.of("sh", LAUNCHER.toString(), "kill"), tempDir,
            "-Dwirespeed.aeron.dir=" + tempDir.resolve("no-such-aeron"));
        assertEquals(KillCommand.EXIT_NO_ANSWER, result.exitCode, result.output);
        assertTrue(result.output.contains("no running appliance"), result.output);
    }

    @Test
    void demoRejectsABadConfigWithTheKeyNamed() throws Exception
    {
        final Result result = run(List.of("sh", LAUNCHER.toString(), "demo"), tempDir,
            "-Dwirespeed.aeron.market_data_stream_id=banana");
        assertNotEquals(0, result.exitCode, result.output);
        assertTrue(result.output.contains("aeron.market_data_stream_id"), result.output);
    }

    @Test
    void chronicleWritesNoAnalyticsFileOutsideJUnit() throws Exception
    {
        final Path home = Files.createDirectories(tempDir.resolve("home"));
        final Path queueDir = tempDir.resolve("queue");
        final List<String> command = new ArrayList<>();
        command.add(JAVA);
        command.add("-Duser.home=" + home);
        for (final String flag : jvmFlags())
        {
            // only the module flags: the jar's own system.properties must switch analytics off by itself
            if (!flag.startsWith("-Dchronicle."))
            {
                command.add(flag);
            }
        }
        command.addAll(List.of("-cp", JAR + ":" + Path.of("target", "test-classes").toAbsolutePath(),
            ChronicleProbe.class.getName(), queueDir.toString()));

        final Result result = run(command, home);
        assertEquals(0, result.exitCode, result.output);
        assertTrue(result.output.contains("probe ok"), result.output);
        // set by the jar's system.properties once chronicle-core loaded, since the command line did not set them
        assertTrue(result.output.contains("chronicle.analytics.disable=true"), result.output);
        assertTrue(result.output.contains("chronicle.announcer.disable=true"), result.output);
        try (Stream<Path> queueFiles = Files.list(queueDir))
        {
            assertTrue(queueFiles.anyMatch((p) -> p.toString().endsWith(".cq4")), "no queue file written");
        }
        try (Stream<Path> files = Files.walk(home))
        {
            final List<Path> analytics = files
                .filter((p) -> p.getFileName().toString().startsWith(".chronicle.analytics"))
                .collect(Collectors.toList());
            assertEquals(List.of(), analytics, "Chronicle wrote analytics files");
        }
    }

    private static String modulePackage(final String flag)
    {
        final String value = flag.substring(flag.indexOf('=') + 1);
        return value.substring(0, value.indexOf('='));
    }

    private static List<String> jvmFlags()
    {
        final String flags = System.getProperty("wirespeed.jvm.flags");
        assertTrue(flags != null && !flags.isBlank(), "surefire did not pass wirespeed.jvm.flags");
        return Arrays.asList(flags.trim().split("\\s+"));
    }

    private static Result run(final List<String> command, final Path workingDir) throws Exception
    {
        return run(command, workingDir, "");
    }

    private static Result run(final List<String> command, final Path workingDir, final String javaOpts)
        throws Exception
    {
        final ProcessBuilder builder = new ProcessBuilder(command)
            .directory(workingDir.toFile())
            .redirectErrorStream(true);
        builder.environment().put("HOME", workingDir.toString());
        builder.environment().put("WIRESPEED_JAVA_OPTS", javaOpts);
        final Process process = builder.start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "process did not exit: " + command);
        return new Result(process.exitValue(), output);
    }

    private static final class Result
    {
        final int exitCode;
        final String output;

        Result(final int exitCode, final String output)
        {
            this.exitCode = exitCode;
            this.output = output;
        }
    }
}
