package io.wirespeed.config;

import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.StringJoiner;

import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * Helpers over raw TOML values: render them for error messages, name their types, check and convert them.
 */
final class ConfigValues
{
    private ConfigValues()
    {
    }

    static String display(final Object value)
    {
        if (null == value)
        {
            return null;
        }
        if (value instanceof String text)
        {
            return quote(text);
        }
        if (value instanceof ConfigEnum configEnum)
        {
            return quote(configEnum.text());
        }
        if (value instanceof BigDecimal decimal)
        {
            return decimal.toPlainString();
        }
        if (value instanceof long[] longs)
        {
            return Arrays.toString(longs);
        }
        if (value instanceof TomlArray array)
        {
            return display(array.toList());
        }
        if (value instanceof TomlTable)
        {
            return "{...}";
        }
        if (value instanceof Collection<?> collection)
        {
            final StringJoiner joiner = new StringJoiner(", ", "[", "]");
            for (final Object element : collection)
            {
                joiner.add(display(element));
            }
            return joiner.toString();
        }
        if (value instanceof Number || value instanceof Boolean)
        {
            return value.toString();
        }

        return quote(value.toString());
    }

    static String quote(final String text)
    {
        final StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if ('"' == c || '\\' == c)
            {
                sb.append('\\').append(c);
            }
            else if (c < ' ')
            {
                sb.append(String.format("\\u%04x", (int) c));
            }
            else
            {
                sb.append(c);
            }
        }

        return sb.append('"').toString();
    }

    static String quoteAll(final Collection<String> texts)
    {
        final StringJoiner joiner = new StringJoiner(", ");
        for (final String text : texts)
        {
            joiner.add(quote(text));
        }

        return joiner.toString();
    }

    static String typeName(final Object value)
    {
        if (value instanceof String)
        {
            return "string";
        }
        if (value instanceof Long)
        {
            return "integer";
        }
        if (value instanceof Double)
        {
            return "float";
        }
        if (value instanceof Boolean)
        {
            return "boolean";
        }
        if (value instanceof TomlArray)
        {
            return "array";
        }
        if (value instanceof TomlTable)
        {
            return "table";
        }
        if (value instanceof OffsetDateTime || value instanceof LocalDateTime)
        {
            return "date-time";
        }
        if (value instanceof LocalDate)
        {
            return "date";
        }
        if (value instanceof LocalTime)
        {
            return "time";
        }

        return value.getClass().getSimpleName();
    }

    static boolean isTableArray(final Object value)
    {
        return value instanceof TomlArray array && allOf(array, TomlTable.class);
    }

    static boolean allOf(final TomlArray array, final Class<?> type)
    {
        for (int i = 0; i < array.size(); i++)
        {
            if (!type.isInstance(array.get(i)))
            {
                return false;
            }
        }

        return true;
    }

    static Path toPath(final String text)
    {
        if (text.isEmpty())
        {
            throw new IllegalArgumentException("invalid path (empty)");
        }

        try
        {
            return Path.of(text);
        }
        catch (final InvalidPathException ex)
        {
            throw new IllegalArgumentException("invalid path (" + ex.getReason() + ")", ex);
        }
    }
}
