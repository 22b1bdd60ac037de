package io.wirespeed.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * A parsed TOML document and the {@code -Dwirespeed.*} overrides that apply to it.
 */
final class ConfigDocument
{
    static final String PROPERTY_PREFIX = "wirespeed.";

    /**
     * First segments of the {@code wirespeed.*} properties that belong to the build and its tests, not to the
     * configuration: the parent pom's {@code wirespeed.root}, {@code wirespeed.excludedGroups} and
     * {@code wirespeed.jvm.*}, deploy's {@code wirespeed.dist.dir}, the benchmarks' {@code wirespeed.bench.*} and the
     * tests' {@code wirespeed.test.*}.
     */
    static final Set<String> BUILD_PROPERTIES =
        Set.of("root", "excludedGroups", "jvm", "manifest", "dist", "bench", "test");

    /**
     * One override: its key relative to the document, the property that gave it, its raw text and its TOML value.
     */
    record PropertyOverride(String key, String property, String text, Object value)
    {
        ConfigLocation location()
        {
            return ConfigLocation.property(property);
        }
    }

    private final String sourceName;
    private final TomlTable root;
    private final Map<String, PropertyOverride> overrides;

    private ConfigDocument(final String sourceName, final TomlTable root, final Map<String, PropertyOverride> overrides)
    {
        this.sourceName = sourceName;
        this.root = root;
        this.overrides = overrides;
    }

    static ConfigDocument parse(
        final Path file, final Properties properties, final Collection<String> sections, final ConfigErrors errors)
    {
        final String sourceName = file.toString();
        try
        {
            return parsed(sourceName, Toml.parse(file), properties, sections, errors);
        }
        catch (final NoSuchFileException ex)
        {
            errors.add("", null, "cannot read configuration file (no such file)", new ConfigLocation(sourceName, 0, 0));
        }
        catch (final IOException ex)
        {
            errors.add("", null, "cannot read configuration file (" + ex + ")", new ConfigLocation(sourceName, 0, 0));
        }

        return new ConfigDocument(sourceName, null, overrides(properties, sections, errors));
    }

    static ConfigDocument parse(
        final String text,
        final String sourceName,
        final Properties properties,
        final Collection<String> sections,
        final ConfigErrors errors)
    {
        return parsed(sourceName, Toml.parse(text), properties, sections, errors);
    }

    static ConfigDocument resource(
        final String name, final Properties properties, final Collection<String> sections, final ConfigErrors errors)
    {
        try (InputStream in = ConfigDocument.class.getResourceAsStream(name))
        {
            if (null == in)
            {
                throw new IllegalStateException("missing classpath resource " + name);
            }

            return parsed(name.substring(name.lastIndexOf('/') + 1), Toml.parse(in), properties, sections, errors);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot read classpath resource " + name, ex);
        }
    }

    String sourceName()
    {
        return sourceName;
    }

    /**
     * The parsed document, or null when the file could not be read or parsed.
     */
    TomlTable root()
    {
        return root;
    }

    PropertyOverride override(final String key)
    {
        return overrides.get(key);
    }

    Collection<PropertyOverride> overrides()
    {
        return overrides.values();
    }

    ConfigLocation location(final TomlPosition position)
    {
        return null == position ?
            new ConfigLocation(sourceName, 0, 0) : new ConfigLocation(sourceName, position.line(), position.column());
    }

    private static ConfigDocument parsed(
        final String sourceName,
        final TomlParseResult result,
        final Properties properties,
        final Collection<String> sections,
        final ConfigErrors errors)
    {
        for (final TomlParseError error : result.errors())
        {
            final TomlPosition position = error.position();
            errors.add("", null, "syntax error: " + error.getMessage(),
                new ConfigLocation(sourceName, position.line(), position.column()));
        }

        final TomlTable root = result.errors().isEmpty() ? result : null;
        return new ConfigDocument(sourceName, root, overrides(properties, sections, errors));
    }

    /**
     * Overrides are the {@code wirespeed.*} properties whose first segment is a section; any other is refused (with a
     * did-you-mean when it is close to a section) unless it belongs to the build ({@link #BUILD_PROPERTIES}).
     */
    private static Map<String, PropertyOverride> overrides(
        final Properties properties, final Collection<String> sections, final ConfigErrors errors)
    {
        final Map<String, PropertyOverride> overrides = new LinkedHashMap<>();
        for (final String property : new TreeSet<>(properties.stringPropertyNames()))
        {
            if (!property.startsWith(PROPERTY_PREFIX))
            {
                continue;
            }

            final String key = property.substring(PROPERTY_PREFIX.length());
            final int dot = key.indexOf('.');
            final String section = dot < 0 ? key : key.substring(0, dot);
            if (sections.contains(section))
            {
                final String text = properties.getProperty(property);
                overrides.put(key, new PropertyOverride(key, property, text, parseValue(text)));
            }
            else if (null != DidYouMean.suggest(section, sections))
            {
                errors.add(section, null,
                    "unknown table" + DidYouMean.clause(section, sections), ConfigLocation.property(property));
            }
            else if (!BUILD_PROPERTIES.contains(section))
            {
                errors.add(section, null, "unknown table (the configuration's tables are " +
                    String.join(", ", sections) + ")", ConfigLocation.property(property));
            }
        }

        return overrides;
    }

    /**
     * A property's text read as a TOML value, so {@code 5}, {@code true} and {@code [1, 2]} are typed as in a file;
     * text that is no TOML value is taken as a bare string.
     */
    private static Object parseValue(final String text)
    {
        final TomlParseResult result = Toml.parse("v = " + text);
        if (result.errors().isEmpty() && 1 == result.size())
        {
            final Object value = result.get(List.of("v"));
            if (null != value)
            {
                return value;
            }
        }

        return text;
    }
}
