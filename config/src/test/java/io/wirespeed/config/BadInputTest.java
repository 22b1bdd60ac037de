package io.wirespeed.config;

import static io.wirespeed.config.Fixtures.CHANNEL;
import static io.wirespeed.config.Fixtures.GATEWAY;
import static io.wirespeed.config.Fixtures.INSTRUMENT;
import static io.wirespeed.config.Fixtures.VALID;
import static io.wirespeed.config.Fixtures.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Each bad input yields exactly one error, with the expected key, value and reason.
 */
final class BadInputTest
{
    static Stream<Arguments> badInputs()
    {
        return Stream.of(
            bad("unknown key with suggestion",
                VALID + "[nic.shm]\nring_capacty = 1024\n",
                "nic.shm.ring_capacty", null, "unknown key (did you mean \"ring_capacity\"?)"),
            bad("unknown key missing its unit suffix",
                GATEWAY + INSTRUMENT + CHANNEL + "gap_timeout = 5\n",
                "channel.0.gap_timeout", null, "unknown key (did you mean \"gap_timeout_ms\"?)"),
            bad("unknown section",
                VALID + "[nik]\nbackend = \"shm\"\n",
                "nik", null, "unknown table (did you mean \"nic\"?)"),
            bad("unknown agent role",
                VALID + "[agents.fed]\ncore = 1\n",
                "agents.fed", null, "unknown table (did you mean \"feed\"?)"),
            bad("wrong type",
                GATEWAY + INSTRUMENT + CHANNEL + "book_depth = \"5\"\n",
                "channel.0.book_depth", "\"5\"", "wrong type (expected integer, found string)"),
            bad("out of range",
                GATEWAY + INSTRUMENT + CHANNEL + "book_depth = 0\n",
                "channel.0.book_depth", "0", "out of range (1..100)"),
            bad("out of 32-bit range",
                VALID + "[agents.feed]\ncore = 99_999_999_999\n",
                "agents.feed.core", "99999999999", "out of range (-2147483648..2147483647)"),
            bad("rate out of range",
                VALID + "[fault.310.a]\nenabled = true\nloss_rate = 1.5\n",
                "fault.310.a.loss_rate", "1.5", "out of range (0.0..1.0)"),
            bad("missing required key",
                GATEWAY + INSTRUMENT + "[[channel]]\nid = 310\nincremental_a = \"239.1.1.1:14310\"\n",
                "channel.0.snapshot", null, "missing required key"),
            bad("missing key the selected backend needs",
                VALID + "[nic]\nbackend = \"af_xdp\"\n",
                "nic.af_xdp.interface", null, "missing required key (needed when nic.backend = \"af_xdp\")"),
            bad("invalid enum value",
                VALID + "[nic]\nbackend = \"dpdk\"\n",
                "nic.backend", "\"dpdk\"", "invalid value, expected one of \"shm\", \"af_xdp\", \"kernel\", \"pcap\""),
            bad("invalid enum value with suggestion",
                VALID + "[agents.feed]\nidle_strategy = \"busy_spin\"\n",
                "agents.feed.idle_strategy", "\"busy_spin\"",
                "invalid value, expected one of \"busy-spin\", \"yield\", \"backoff\", \"sleep\" " +
                "(did you mean \"busy-spin\"?)"),
            bad("duplicate channel id",
                VALID + "[[channel]]\nid = 310\nincremental_a = \"239.2.1.1:1\"\nsnapshot = \"239.2.3.1:1\"\n",
                "channel.1.id", "310", "duplicate id (also channel.0.id)"),
            bad("duplicate security id",
                VALID + "[[instrument]]\nsymbol = \"NQZ5\"\nsecurity_id = 1\nchannel = 310\ntick_size = 0.25\n",
                "instrument.1.security_id", "1", "duplicate security id (also instrument.0.security_id)"),
            bad("duplicate endpoint",
                VALID + "[[channel]]\nid = 320\nincremental_a = \"239.1.2.1:14310\"\nsnapshot = \"239.2.3.1:1\"\n",
                "channel.1.incremental_a", "\"239.1.2.1:14310\"",
                "duplicate endpoint (also channel.0.incremental_b)"),
            bad("dangling channel reference",
                GATEWAY + CHANNEL + INSTRUMENT.replace("channel = 310", "channel = 999"),
                "instrument.0.channel", "999", "dangling reference (no [[channel]] has id 999)"),
            bad("dangling strategy reference",
                VALID + "[risk.strategy.ghost]\nmax_position = 10\n",
                "risk.strategy.ghost", null, "dangling reference (no [[strategy]] is named \"ghost\")"),
            bad("fault on a feed the channel lacks",
                VALID.replace("incremental_b = \"239.1.2.1:14310\"\n", "") + "[fault.310.b]\nenabled = true\n",
                "fault.310.b", null, "dangling reference (channel 310 has no incremental_b feed)"),
            bad("unknown feed name",
                VALID + "[fault.310.snapshott]\nenabled = true\n",
                "fault.310.snapshott", null,
                "invalid feed, expected one of \"a\", \"b\", \"snapshot\", \"definition\" " +
                "(did you mean \"snapshot\"?)"),
            bad("group not multicast",
                GATEWAY + INSTRUMENT + CHANNEL.replace("239.1.1.1:14310", "10.1.1.1:14310"),
                "channel.0.incremental_a", "\"10.1.1.1:14310\"", "group 10.1.1.1 is not multicast (224.0.0.0/4)"),
            bad("port out of range",
                GATEWAY + INSTRUMENT + CHANNEL.replace("239.1.3.1:14310", "239.1.3.1:0"),
                "channel.0.snapshot", "\"239.1.3.1:0\"", "port 0 out of range (1..65535)"),
            bad("not a power of two",
                VALID + "[nic.shm]\nring_capacity = 1000\n",
                "nic.shm.ring_capacity", "1000", "not a power of two in 16..1048576"),
            bad("zero-copy in generic mode",
                VALID + "[nic.af_xdp]\ninterface = \"eth0\"\nbind = \"zero-copy\"\n",
                "nic.af_xdp.bind", "\"zero-copy\"", "zero-copy needs xdp_mode = \"native\""),
            bad("idle parameter for another strategy",
                VALID + "[agents.gateway]\nidle_strategy = \"busy-spin\"\nsleep_ns = 1000\n",
                "agents.gateway.sleep_ns", "1000", "applies only to idle_strategy = \"sleep\""),
            bad("shared core in dedicated threading",
                VALID + "[appliance]\nthreading_mode = \"dedicated\"\n" +
                "[agents.feed]\ncore = 2\n[agents.gateway]\ncore = 2\n",
                "agents.gateway.core", "2",
                "already pinned by agents.feed.core (dedicated threading needs a core per thread)"),
            bad("duplicate aeron stream id",
                VALID + "[aeron]\ncontrol_stream_id = 1001\n",
                "aeron.control_stream_id", "1001", "duplicate stream id (also aeron.market_data_stream_id)"),
            bad("roll cycle not a Chronicle name",
                VALID + "[journal]\nroll_cycle = \"fast_hourly\"\n",
                "journal.roll_cycle", "\"fast_hourly\"", rollCycleReason()),
            bad("journal retention move without an archive",
                VALID + "[journal]\nretention_action = \"move\"\n",
                "journal.retention_action", "\"move\"", "\"move\" needs archive_dir (where to move to)"),
            bad("journal archive without move",
                VALID + "[journal]\narchive_dir = \"/tmp/ws-archive\"\n",
                "journal.archive_dir", "\"/tmp/ws-archive\"", "only used with retention_action = \"move\""),
            bad("journal archive is the journal",
                VALID + "[journal]\ndir = \"/tmp/ws-j\"\nretention_action = \"move\"\narchive_dir = \"/tmp/ws-j\"\n",
                "journal.archive_dir", "\"/tmp/ws-j\"", "must not be the journal dir itself"),
            bad("both price collars",
                VALID + "[risk]\nprice_collar_ticks = 10\nprice_collar_bps = 5\n",
                "risk.price_collar_bps", "5", "conflicts with price_collar_ticks (set only one)"),
            bad("tick size finer than the price exponent",
                GATEWAY + CHANNEL + INSTRUMENT.replace("\"0.25\"", "\"0.25\"\nprice_exponent = 0"),
                "instrument.0.tick_size", "0.25", "finer than price_exponent 0 can represent"),
            bad("feed silence not longer than the gap timeout",
                GATEWAY + INSTRUMENT + CHANNEL + "gap_timeout_ms = 100\nfeed_silence_ms = 100\n",
                "channel.0.feed_silence_ms", "100", "not longer than gap_timeout_ms (100)"),
            bad("invalid session id",
                GATEWAY.replace("\"ABC\"", "\"abcd\"") + CHANNEL + INSTRUMENT,
                "gateway.session_id", "\"abcd\"", "invalid session id (exactly 3 of A-Z, 0-9)"),
            bad("venue message throttle below the venue order throttle",
                GATEWAY + "venue_max_orders_per_second = 500\nvenue_max_messages_per_second = 100\n" + CHANNEL +
                INSTRUMENT,
                "gateway.venue_max_messages_per_second", "100",
                "must be at least venue_max_orders_per_second (500): every order is also a message"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void shouldReportOneErrorNamingKeyValueAndReason(
        final String description, final String toml, final String key, final String value, final String reason)
    {
        final List<ConfigError> errors = errors(toml);

        assertEquals(1, errors.size(), () -> ConfigException.format(errors));
        final ConfigError error = errors.get(0);
        assertEquals(key, error.key());
        assertEquals(value, error.value());
        assertEquals(reason, error.reason());
        assertEquals(Fixtures.SOURCE, error.location().source());
        assertTrue(error.location().line() > 0, error::format);
    }

    @Test
    void shouldLocateErrorAtLineAndColumn()
    {
        final String toml = VALID + "[latency]\ninterval_ms = 1\n  significant_digits = 9\n";
        final int line = (int) toml.lines().takeWhile((l) -> !l.contains("significant_digits")).count() + 1;

        final ConfigError error = errors(toml).get(0);

        assertEquals(new ConfigLocation(Fixtures.SOURCE, line, 3), error.location());
        assertEquals(
            Fixtures.SOURCE + ":" + line + ":3: latency.significant_digits = 9: out of range (1..5)", error.format());
    }

    @Test
    void shouldReportSyntaxErrorWithLineAndColumn()
    {
        final List<ConfigError> errors = errors("[appliance]\nname = \"x\"\nthreading_mode = compact\n");

        assertEquals(1, errors.size());
        final ConfigError error = errors.get(0);
        assertEquals("", error.key());
        assertEquals(new ConfigLocation(Fixtures.SOURCE, 3, 18), error.location());
        assertTrue(error.reason().startsWith("syntax error: Unexpected 'c'"), error.reason());
    }

    @Test
    void shouldNeverEchoAnInlineSecret()
    {
        final ConfigException ex = assertThrows(
            ConfigException.class,
            () -> Fixtures.parse(GATEWAY.replace("\"env:VENUE_SECRET\"", "\"hunter2\"") + CHANNEL + INSTRUMENT));

        final ConfigError error = ex.errors().get(0);
        assertEquals("gateway.secret_ref", error.key());
        assertEquals(ConfigErrors.REDACTED, error.value());
        assertEquals(
            "invalid secret reference, expected \"env:NAME\" or \"file:/absolute/path\" (never the secret itself)",
            error.reason());
        assertFalse(ex.getMessage().contains("hunter2"));
    }

    @Test
    void shouldReportUnreadableFile()
    {
        final ConfigException ex = assertThrows(
            ConfigException.class, () -> WirespeedConfig.load(Path.of("no-such.toml"), new Properties()));

        assertEquals(
            List.of(new ConfigError("", null, "cannot read configuration file (no such file)",
                new ConfigLocation("no-such.toml", 0, 0))),
            ex.errors());
    }

    private static String rollCycleReason()
    {
        final StringBuilder sb = new StringBuilder("invalid value, expected one of ");
        final JournalRollCycle[] cycles = JournalRollCycle.values();
        for (int i = 0; i < cycles.length; i++)
        {
            sb.append(i > 0 ? ", " : "").append('"').append(cycles[i].name()).append('"');
        }

        return sb.append(" (did you mean \"FAST_HOURLY\"?)").toString();
    }

    private static Arguments bad(
        final String description, final String toml, final String key, final String value, final String reason)
    {
        return Arguments.of(description, toml, key, value, reason);
    }
}
