package io.wirespeed.config;

import static io.wirespeed.config.Fixtures.GATEWAY;
import static io.wirespeed.config.Fixtures.INSTRUMENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

final class AllErrorsAtOnceTest
{
    @Test
    void shouldReportEveryErrorInFileOrder()
    {
        final String toml = """
            [appliance]
            threading_mode = "compacted"

            [nic]
            backend = "shm"
            ring_capacity = 1024

            [[channel]]
            id = 310
            incremental_a = "239.1.1.1:14310"
            snapshot = "239.1.3.1:14310"
            book_depth = 0
            """ + GATEWAY + INSTRUMENT;

        final ConfigException ex = assertThrows(ConfigException.class, () -> Fixtures.parse(toml));

        assertEquals(
            List.of(
                new ConfigError("appliance.threading_mode", "\"compacted\"",
                    "invalid value, expected one of \"dedicated\", \"compact\", \"multi-process\" " +
                    "(did you mean \"compact\"?)",
                    new ConfigLocation(Fixtures.SOURCE, 2, 1)),
                new ConfigError("nic.ring_capacity", null, "unknown key",
                    new ConfigLocation(Fixtures.SOURCE, 6, 1)),
                new ConfigError("channel.0.book_depth", "0", "out of range (1..100)",
                    new ConfigLocation(Fixtures.SOURCE, 12, 1))),
            ex.errors());
        assertEquals(
            String.join(System.lineSeparator(),
                "invalid configuration (3 errors)",
                "  bad.toml:2:1: appliance.threading_mode = \"compacted\": invalid value, expected one of " +
                "\"dedicated\", \"compact\", \"multi-process\" (did you mean \"compact\"?)",
                "  bad.toml:6:1: nic.ring_capacity: unknown key",
                "  bad.toml:12:1: channel.0.book_depth = 0: out of range (1..100)"),
            ex.getMessage());
    }

    @Test
    void shouldReportOneErrorPerCause()
    {
        final List<ConfigError> errors = Fixtures.errors(GATEWAY + INSTRUMENT + """
            [[channel]]
            id = 310
            incremental_a = "239.1.1.1:99999"
            snapshot = "239.1.3.1:14310"
            """);

        assertEquals(1, errors.size(), () -> ConfigException.format(errors));
        assertEquals("port 99999 out of range (1..65535)", errors.get(0).reason());
    }
}
