package io.wirespeed.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Collects every configuration error found in one pass, one per key, located where the value was written.
 */
final class ConfigErrors
{
    static final String REDACTED = "<redacted>";

    private static final Comparator<ConfigError> FILE_ORDER = Comparator
        .comparingInt((ConfigError error) -> rank(error.location()))
        .thenComparingInt((error) -> error.location().line())
        .thenComparingInt((error) -> error.location().column());

    private final List<ConfigError> errors = new ArrayList<>();
    private final Set<String> redactedKeys = new HashSet<>();
    private Function<String, ConfigLocation> locator;

    ConfigErrors(final Function<String, ConfigLocation> locator)
    {
        this.locator = locator;
    }

    void locator(final Function<String, ConfigLocation> locator)
    {
        this.locator = locator;
    }

    void redact(final String key)
    {
        redactedKeys.add(key);
    }

    void add(final String key, final Object value, final String reason)
    {
        add(key, value, reason, locator.apply(key));
    }

    /**
     * Record an error unless the key, or a table holding it, already has one from the same source: one cause, one
     * message.
     */
    void add(final String key, final Object value, final String reason, final ConfigLocation location)
    {
        if (isCovered(key, location))
        {
            return;
        }

        final String text = null != value && redactedKeys.contains(key) ? REDACTED : ConfigValues.display(value);
        errors.add(new ConfigError(key, text, reason, location));
    }

    private boolean isCovered(final String key, final ConfigLocation location)
    {
        if (key.isEmpty())
        {
            return false;
        }

        for (final ConfigError error : errors)
        {
            final String errorKey = error.key();
            if (!errorKey.isEmpty() && error.location().source().equals(location.source()) &&
                (errorKey.equals(key) || key.startsWith(errorKey + ".")))
            {
                return true;
            }
        }

        return false;
    }

    boolean isEmpty()
    {
        return errors.isEmpty();
    }

    List<ConfigError> list()
    {
        final List<ConfigError> sorted = new ArrayList<>(errors);
        sorted.sort(FILE_ORDER);
        return sorted;
    }

    void throwIfAny()
    {
        if (!errors.isEmpty())
        {
            throw new ConfigException(list());
        }
    }

    private static int rank(final ConfigLocation location)
    {
        if (location.isFilePosition())
        {
            return 0;
        }

        return location.isProperty() ? 1 : 2;
    }
}
