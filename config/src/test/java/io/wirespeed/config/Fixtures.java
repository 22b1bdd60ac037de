package io.wirespeed.config;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * Valid building blocks for test configurations and a way to collect the errors of a bad one.
 */
final class Fixtures
{
    static final String SOURCE = "bad.toml";

    static final Path PRODUCTION_SAMPLE = Path.of("samples", "production.toml");

    static final String GATEWAY = """
        [gateway]
        session_id = "ABC"
        firm_id = "F1"
        access_key_id = "key1"
        secret_ref = "env:VENUE_SECRET"
        """;

    static final String CHANNEL = """
        [[channel]]
        id = 310
        incremental_a = "239.1.1.1:14310"
        incremental_b = "239.1.2.1:14310"
        snapshot = "239.1.3.1:14310"
        """;

    static final String INSTRUMENT = """
        [[instrument]]
        symbol = "ESZ5"
        security_id = 1
        channel = 310
        tick_size = "0.25"
        """;

    static final String VALID = GATEWAY + CHANNEL + INSTRUMENT;

    private Fixtures()
    {
    }

    static WirespeedConfig parse(final String toml)
    {
        return WirespeedConfig.parse(toml, SOURCE, new Properties());
    }

    static WirespeedConfig parse(final String toml, final Properties properties)
    {
        return WirespeedConfig.parse(toml, SOURCE, properties);
    }

    static List<ConfigError> errors(final String toml)
    {
        return errors(toml, new Properties());
    }

    static List<ConfigError> errors(final String toml, final Properties properties)
    {
        return assertThrows(ConfigException.class, () -> parse(toml, properties)).errors();
    }

    static Properties properties(final String... keyValues)
    {
        final Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2)
        {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }

        return properties;
    }
}
