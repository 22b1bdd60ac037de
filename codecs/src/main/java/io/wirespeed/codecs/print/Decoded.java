package io.wirespeed.codecs.print;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One decoded message, or why it could not be decoded.
 */
final class Decoded
{
    private final String problem;
    private final String name;
    private final int schemaId;
    private final int templateId;
    private final int version;
    private final Map<String, Object> fields;

    private Decoded(
        final String problem,
        final String name,
        final int schemaId,
        final int templateId,
        final int version,
        final Map<String, Object> fields)
    {
        this.problem = problem;
        this.name = name;
        this.schemaId = schemaId;
        this.templateId = templateId;
        this.version = version;
        this.fields = fields;
    }

    static Decoded problem(final String problem)
    {
        return new Decoded(problem, null, -1, -1, -1, Collections.emptyMap());
    }

    static Decoded message(
        final String name,
        final int schemaId,
        final int templateId,
        final int version,
        final Map<String, Object> fields)
    {
        return new Decoded(null, name, schemaId, templateId, version, fields);
    }

    boolean isProblem()
    {
        return null != problem;
    }

    StringBuilder appendText(final StringBuilder out)
    {
        if (isProblem())
        {
            return out.append('<').append(problem).append('>');
        }

        out.append(name).append(" [").append(schemaId).append(':').append(templateId).append(" v").append(version)
            .append("] ");

        return Render.text(out, fields);
    }

    Map<String, Object> tree()
    {
        final Map<String, Object> tree = new LinkedHashMap<>();
        if (isProblem())
        {
            tree.put("error", problem);
        }
        else
        {
            tree.put("message", name);
            tree.put("schemaId", (long) schemaId);
            tree.put("templateId", (long) templateId);
            tree.put("version", (long) version);
            tree.put("fields", fields);
        }

        return tree;
    }

    String render(final PrintFormat format)
    {
        final StringBuilder out = new StringBuilder();

        return (PrintFormat.JSON == format ? Render.json(out, tree()) : appendText(out)).toString();
    }
}
