package io.wirespeed.replay;

import io.wirespeed.config.ChannelContext;
import io.wirespeed.config.ConfigException;
import io.wirespeed.config.RecordedConfig;
import io.wirespeed.config.WirespeedConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The configuration a replay runs with: a file, or the journal's CONFIG record, with {@code --feed} options
 * overriding or adding channel feeds. Only the channels and instruments are used.
 */
final class ReplayConfig
{
    private static final String[] FEED_KEYS = { "incremental_a", "incremental_b", "snapshot", "instrument_definition" };
    private static final String FEED_LETTERS = "absd";
    /**
     * The document under {@code --feed} alone: the gateway keys every configuration must hold, with no venue session,
     * so nothing of them is used or printed.
     */
    private static final String FEEDS_ONLY = "[gateway]\nvenue_session = false\nsession_id = \"RPL\"\n" +
        "firm_id = \"RPLY\"\naccess_key_id = \"replay\"\nsecret_ref = \"env:WIRESPEED_REPLAY_NO_SECRET\"\n";

    private ReplayConfig()
    {
    }

    /**
     * Build it.
     *
     * @param file       {@code --config}, or null.
     * @param recorded   the journal run's CONFIG text, or null.
     * @param feeds      {@code --feed} values.
     * @return the configuration.
     * @throws ReplayException naming the option or key that cannot be honoured.
     */
    static WirespeedConfig build(final Path file, final String recorded, final List<String> feeds)
    {
        String text;
        String source;
        if (null != file)
        {
            try
            {
                text = Files.readString(file, StandardCharsets.UTF_8);
            }
            catch (final IOException ex)
            {
                throw ReplayException.refused("--config " + file + ": cannot read (" + ex + ")");
            }
            source = file.toString();
        }
        else if (null != recorded)
        {
            text = recorded;
            source = "the journal's CONFIG record";
        }
        else if (!feeds.isEmpty())
        {
            text = FEEDS_ONLY;
            source = "--feed";
        }
        else
        {
            throw ReplayException.usage("a capture carries no configuration: give --config FILE or " +
                "--feed CHANNEL:a=GROUP:PORT (b=, s=, d=)");
        }

        final List<ChannelContext> channels = feeds.isEmpty() || FEEDS_ONLY.equals(text) ? List.of() :
            parse(text, source, new Properties()).channels();
        final Properties properties = new Properties();
        final StringBuilder added = new StringBuilder();
        for (final String feed : feeds)
        {
            final int colon = feed.indexOf(':');
            final int equals = feed.indexOf('=');
            if (colon < 1 || equals != colon + 2 || FEED_LETTERS.indexOf(feed.charAt(colon + 1)) < 0)
            {
                throw ReplayException.usage("--feed " + feed + ": expected CHANNEL:a=GROUP:PORT (a, b, s or d)");
            }
            final int channelId;
            try
            {
                channelId = Integer.parseInt(feed.substring(0, colon));
            }
            catch (final NumberFormatException ex)
            {
                throw ReplayException.usage("--feed " + feed + ": channel " + feed.substring(0, colon) +
                    " is not a number");
            }
            final String key = FEED_KEYS[FEED_LETTERS.indexOf(feed.charAt(colon + 1))];
            final String endpoint = feed.substring(equals + 1).toLowerCase(Locale.ROOT);
            int index = -1;
            for (int i = 0; i < channels.size(); i++)
            {
                index = channels.get(i).id() == channelId ? i : index;
            }
            if (index >= 0)
            {
                properties.setProperty(WirespeedConfig.PROPERTY_PREFIX + "channel." + index + "." + key,
                    "\"" + endpoint + "\"");
            }
            else
            {
                final String table = "[[channel]]\nid = " + channelId + "\n";
                final int at = added.indexOf(table);
                if (at < 0)
                {
                    added.append("\n").append(table).append(key).append(" = \"").append(endpoint).append("\"\n");
                }
                else
                {
                    added.insert(at + table.length(), key + " = \"" + endpoint + "\"\n");
                }
            }
        }
        final WirespeedConfig config = parse(text + added, source, properties);
        if (config.channels().isEmpty())
        {
            throw ReplayException.refused(source + ": no [[channel]] to replay (give --feed CHANNEL:a=GROUP:PORT)");
        }
        return config;
    }

    private static WirespeedConfig parse(final String text, final String source, final Properties properties)
    {
        try
        {
            return RecordedConfig.parse(text, source, properties);
        }
        catch (final ConfigException ex)
        {
            final String message = String.valueOf(ex.getMessage()).replace(System.lineSeparator(), "; ");
            throw ReplayException.refused(source + ": " + message);
        }
    }
}
