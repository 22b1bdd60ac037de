package io.wirespeed.config;

/**
 * One problem with a configuration: the key, the value as written, why it is wrong, and where it was written.
 *
 * @param key      full dotted key, e.g. {@code channel.0.book_depth}; empty for a file-level problem.
 * @param value    the value as TOML text, or null when there is none (a missing key, say).
 * @param reason   why the value is rejected, e.g. {@code out of range (1..100)}.
 * @param location where the value was written.
 */
public record ConfigError(String key, String value, String reason, ConfigLocation location)
{
    /**
     * One line in the style of a compiler message: {@code file:line:col: key = value: reason}.
     *
     * @return the formatted error.
     */
    public String format()
    {
        final StringBuilder sb = new StringBuilder();
        if (!location.source().isEmpty())
        {
            sb.append(location).append(": ");
        }

        if (!key.isEmpty())
        {
            sb.append(key);
            if (null != value)
            {
                sb.append(" = ").append(value);
            }
            sb.append(": ");
        }

        return sb.append(reason).toString();
    }
}
