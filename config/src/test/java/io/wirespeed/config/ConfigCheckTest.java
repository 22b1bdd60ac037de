package io.wirespeed.config;

import static io.wirespeed.config.Fixtures.VALID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ConfigCheckTest
{
    @Test
    void shouldPassProductionSampleWithSummary()
    {
        final ConfigCheck.Result result = ConfigCheck.check(Fixtures.PRODUCTION_SAMPLE);

        assertEquals(ConfigCheck.EXIT_OK, result.exitCode(), result.report());
        assertTrue(result.isValid());
        assertTrue(result.errors().isEmpty());
        final String[] lines = result.report().split(System.lineSeparator());
        assertEquals(Fixtures.PRODUCTION_SAMPLE + ": OK", lines[0]);
        assertEquals("  nic         af_xdp on ens1f0 queue 0 (native, zero-copy)", lines[2]);
        assertEquals("  channels    310, 320 (4 instruments)", lines[3]);
    }

    @Test
    void shouldReportEveryErrorAndExitNonZero(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("bad.toml");
        Files.writeString(file, VALID + "[nic]\nbackend = \"kernal\"\n[sim]\nburstiness = 2\n");

        final ConfigCheck.Result result = ConfigCheck.check(file, new Properties(), false);

        assertEquals(ConfigCheck.EXIT_INVALID, result.exitCode());
        assertEquals(2, result.errors().size());
        assertEquals(
            String.join(System.lineSeparator(),
                file + ": 2 errors",
                file + ":17:1: nic.backend = \"kernal\": invalid value, expected one of \"shm\", \"af_xdp\", " +
                "\"kernel\", \"pcap\" (did you mean \"kernel\"?)",
                file + ":19:1: sim.burstiness = 2.0: out of range (0.0..1.0)"),
            result.report());
    }

    @Test
    void shouldExitUnreadableForMissingFile(@TempDir final Path dir)
    {
        final Path file = dir.resolve("missing.toml");

        final ConfigCheck.Result result = ConfigCheck.check(file, new Properties(), false);

        assertEquals(ConfigCheck.EXIT_UNREADABLE, result.exitCode());
        assertEquals(file + ": cannot read configuration file (no such file)", result.report());
    }

    @Test
    void shouldResolveSecretsOnlyWhenAsked(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("wirespeed.toml");
        Files.writeString(file, VALID);

        assertEquals(ConfigCheck.EXIT_OK, ConfigCheck.check(file, new Properties(), false).exitCode());
        assertEquals(ConfigCheck.EXIT_OK,
            ConfigCheck.check(file, new Properties(), Map.of("VENUE_SECRET", "x")::get).exitCode());

        final ConfigCheck.Result result = ConfigCheck.check(file, new Properties(), Map.<String, String>of()::get);
        assertEquals(ConfigCheck.EXIT_INVALID, result.exitCode());
        assertEquals(
            file + ":5:1: gateway.secret_ref = \"env:VENUE_SECRET\": unresolvable secret " +
            "(environment variable VENUE_SECRET is not set)",
            result.errors().get(0).format());
    }

    @Test
    void shouldRefuseAConfigWithNoChannelThatTheRuntimeCannotRun(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("no-channel.toml");
        Files.writeString(file, Fixtures.GATEWAY);

        final ConfigCheck.Result result = ConfigCheck.check(file, new Properties(), false);

        assertEquals(ConfigCheck.EXIT_INVALID, result.exitCode(), result.report());
        assertEquals(
            file + ": channel: missing: at least one [[channel]] is needed (the feed handler and the venue read it)",
            result.errors().get(0).format());
    }
}
