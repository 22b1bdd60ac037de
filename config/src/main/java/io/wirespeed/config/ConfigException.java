package io.wirespeed.config;

import java.util.List;

/**
 * Thrown when a configuration is invalid; carries every error found, not just the first.
 */
public final class ConfigException extends IllegalStateException
{
    private final List<ConfigError> errors;

    /**
     * Create an exception for a list of errors.
     *
     * @param errors the errors found, at least one.
     */
    public ConfigException(final List<ConfigError> errors)
    {
        super(format(errors));
        this.errors = List.copyOf(errors);
    }

    /**
     * The errors, in file order where positions are known.
     *
     * @return the errors, never empty.
     */
    public List<ConfigError> errors()
    {
        return errors;
    }

    /**
     * A multi-line description: a count, then one line per error.
     *
     * @param errors to format.
     * @return the text used as this exception's message.
     */
    public static String format(final List<ConfigError> errors)
    {
        final StringBuilder sb = new StringBuilder("invalid configuration (")
            .append(errors.size()).append(1 == errors.size() ? " error)" : " errors)");
        for (final ConfigError error : errors)
        {
            sb.append(System.lineSeparator()).append("  ").append(error.format());
        }

        return sb.toString();
    }
}
