package io.wirespeed.codecs.print;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes the values {@link Values} produces as one line of text or as JSON.
 */
final class Render
{
    private Render()
    {
    }

    static StringBuilder text(final StringBuilder out, final Object value)
    {
        if (value instanceof Map)
        {
            out.append('{');
            String separator = "";
            for (final Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet())
            {
                out.append(separator).append(entry.getKey()).append('=');
                text(out, entry.getValue());
                separator = ", ";
            }
            out.append('}');
        }
        else if (value instanceof List)
        {
            out.append('[');
            String separator = "";
            for (final Object element : (List<?>) value)
            {
                out.append(separator);
                text(out, element);
                separator = ", ";
            }
            out.append(']');
        }
        else if (value instanceof String)
        {
            quoted(out, (String) value);
        }
        else
        {
            scalar(out, value);
        }

        return out;
    }

    static StringBuilder json(final StringBuilder out, final Object value)
    {
        if (value instanceof Map)
        {
            out.append('{');
            String separator = "";
            for (final Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet())
            {
                out.append(separator);
                quoted(out, String.valueOf(entry.getKey())).append(':');
                json(out, entry.getValue());
                separator = ",";
            }
            out.append('}');
        }
        else if (value instanceof List)
        {
            out.append('[');
            String separator = "";
            for (final Object element : (List<?>) value)
            {
                out.append(separator);
                json(out, element);
                separator = ",";
            }
            out.append(']');
        }
        else if (value instanceof String || value instanceof Name)
        {
            quoted(out, value.toString());
        }
        else if (value instanceof Double && (((Double) value).isNaN() || ((Double) value).isInfinite()))
        {
            out.append("null");
        }
        else
        {
            scalar(out, value);
        }

        return out;
    }

    static StringBuilder quoted(final StringBuilder out, final String value)
    {
        out.append('"');
        for (int i = 0, length = value.length(); i < length; i++)
        {
            final char c = value.charAt(i);
            switch (c)
            {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c >= 0x7F)
                    {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                    else
                    {
                        out.append(c);
                    }
            }
        }

        return out.append('"');
    }

    private static void scalar(final StringBuilder out, final Object value)
    {
        if (value instanceof BigDecimal)
        {
            out.append(((BigDecimal) value).toPlainString());
        }
        else
        {
            out.append(value);
        }
    }
}
