package io.wirespeed.config;

import java.util.Properties;

/**
 * A configuration as a journal's CONFIG record holds it (the TOML document, then one {@code # -Dwirespeed.key=value}
 * line per override, see deploy's {@code EffectiveConfig}), read back into the configuration it was.
 */
public final class RecordedConfig
{
    private static final String OVERRIDE_PREFIX = "# -D";

    private RecordedConfig()
    {
    }

    /**
     * The overrides a recorded configuration lists.
     *
     * @param text the CONFIG record's text.
     * @return the {@code wirespeed.*} properties, in a fresh object.
     */
    public static Properties overrides(final String text)
    {
        final Properties properties = new Properties();
        for (final String line : text.split("\\R"))
        {
            if (line.startsWith(OVERRIDE_PREFIX))
            {
                final String assignment = line.substring(OVERRIDE_PREFIX.length());
                final int equals = assignment.indexOf('=');
                if (equals > 0 && assignment.startsWith(ConfigDocument.PROPERTY_PREFIX))
                {
                    properties.setProperty(assignment.substring(0, equals), assignment.substring(equals + 1));
                }
            }
        }
        return properties;
    }

    /**
     * The configuration a CONFIG record holds: its document with its overrides applied, concluded.
     *
     * @param text       the CONFIG record's text.
     * @param sourceName named in error locations.
     * @param extra      further overrides applied after the recorded ones (e.g. a replay's feed options).
     * @return the configuration.
     * @throws ConfigException listing every error.
     */
    public static WirespeedConfig parse(final String text, final String sourceName, final Properties extra)
    {
        final Properties properties = overrides(text);
        properties.putAll(extra);
        return WirespeedConfig.parse(text, sourceName, properties);
    }
}
