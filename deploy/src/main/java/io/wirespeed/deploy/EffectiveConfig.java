package io.wirespeed.deploy;

import io.wirespeed.config.WirespeedConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configuration an appliance runs with, as text for the journal's CONFIG record: the document it was loaded from
 * (the file, or the built-in default as {@code wirespeed config default} prints it), then every
 * {@code -Dwirespeed.*} override applied to it, then the venue endpoint in use (the demo points the gateway at its
 * in-process venue after loading).
 */
final class EffectiveConfig
{
    private EffectiveConfig()
    {
    }

    /**
     * The text.
     *
     * @param config the concluded configuration.
     * @return the text, UTF-8 when journaled.
     */
    static String text(final WirespeedConfig config)
    {
        final StringBuilder text = new StringBuilder();
        final String source = config.sourceName();
        final Path file = source.isEmpty() ? null : Path.of(source);
        text.append("# wirespeed configuration: ").append(null != file && Files.isRegularFile(file) ? source :
            "built-in default").append(System.lineSeparator());
        text.append(document(file));
        final Map<String, String> overrides = new TreeMap<>();
        for (final String name : System.getProperties().stringPropertyNames())
        {
            if (name.startsWith(WirespeedConfig.PROPERTY_PREFIX) && !name.startsWith("wirespeed.jvm.") &&
                !name.startsWith("wirespeed.dist.") && !name.startsWith("wirespeed.test."))
            {
                overrides.put(name, System.getProperty(name));
            }
        }
        text.append(System.lineSeparator()).append("# overrides (-D)").append(System.lineSeparator());
        for (final Map.Entry<String, String> entry : overrides.entrySet())
        {
            text.append("# -D").append(entry.getKey()).append('=').append(entry.getValue())
                .append(System.lineSeparator());
        }
        if (config.gateway().venueSession())
        {
            text.append("# venue in use: ").append(config.gateway().venueHost()).append(':')
                .append(config.gateway().venuePort()).append(System.lineSeparator());
        }
        return text.toString();
    }

    private static String document(final Path file)
    {
        try
        {
            if (null != file && Files.isRegularFile(file))
            {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            try (InputStream in = WirespeedConfig.class.getResourceAsStream(WirespeedConfig.DEFAULT_RESOURCE))
            {
                return null == in ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        catch (final IOException ex)
        {
            return "# the configuration document could not be read again: " + ex.getMessage() +
                System.lineSeparator();
        }
    }
}
