package io.wirespeed.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;

import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * The one typed reader of a configuration document: converts values, applies overrides, records every error with
 * its key and location, and finally reports every key nobody asked for.
 */
final class ConfigReader
{
    private final ConfigDocument document;
    private final ConfigErrors errors;
    private final Set<String> consumed = new HashSet<>();
    private final Set<String> visited = new HashSet<>();
    private final Map<String, Set<String>> knownNames = new HashMap<>();
    private final Map<String, Integer> tableArraySizes = new HashMap<>();
    private final Map<String, ConfigLocation> locations = new HashMap<>();

    ConfigReader(final ConfigDocument document, final ConfigErrors errors)
    {
        this.document = document;
        this.errors = errors;
    }

    Table root()
    {
        visited.add("");
        return new Table("", document.root(), new ConfigLocation(document.sourceName(), 0, 0));
    }

    /**
     * Where a key was written, or else where the nearest table holding it was.
     */
    ConfigLocation locate(final String key)
    {
        return locate(locations, key);
    }

    static ConfigLocation locate(final Map<String, ConfigLocation> locations, final String key)
    {
        String candidate = key;
        while (true)
        {
            final ConfigLocation location = locations.get(candidate);
            if (null != location)
            {
                return location;
            }
            if (candidate.isEmpty())
            {
                return ConfigLocation.NONE;
            }

            final int dot = candidate.lastIndexOf('.');
            candidate = dot < 0 ? "" : candidate.substring(0, dot);
        }
    }

    Map<String, ConfigLocation> locations()
    {
        return Map.copyOf(locations);
    }

    void reportUnknown()
    {
        if (null != document.root())
        {
            sweep("", document.root());
        }

        for (final ConfigDocument.PropertyOverride override : document.overrides())
        {
            if (!consumed.contains(override.key()))
            {
                reportUnused(override);
            }
        }
    }

    private void sweep(final String path, final TomlTable table)
    {
        for (final String name : table.keySet())
        {
            final String key = join(path, name);
            final Object value = table.get(List.of(name));
            if (visited.contains(key))
            {
                if (value instanceof TomlTable subTable)
                {
                    sweep(key, subTable);
                }
                else if (value instanceof TomlArray array)
                {
                    for (int i = 0; i < array.size(); i++)
                    {
                        if (array.get(i) instanceof TomlTable element)
                        {
                            sweep(key + "." + i, element);
                        }
                    }
                }
            }
            else if (!consumed.contains(key))
            {
                final String what = value instanceof TomlTable || ConfigValues.isTableArray(value) ? "table" : "key";
                errors.add(key, null, "unknown " + what + DidYouMean.clause(name, known(path)),
                    document.location(table.inputPositionOf(List.of(name))));
            }
        }
    }

    private void reportUnused(final ConfigDocument.PropertyOverride override)
    {
        final String key = override.key();
        final ConfigLocation location = override.location();
        if (visited.contains(key))
        {
            errors.add(key, override.value(), "cannot override a table, only the keys in it", location);
            return;
        }

        final String[] segments = key.split("\\.", -1);
        String parent = "";
        int depth = 0;
        while (depth < segments.length - 1 && visited.contains(join(parent, segments[depth])))
        {
            parent = join(parent, segments[depth]);
            depth++;
        }

        final String next = segments[depth];
        final Integer size = tableArraySizes.get(parent);
        if (null != size)
        {
            final String name = parent.substring(parent.lastIndexOf('.') + 1);
            errors.add(key, override.value(), "no [[" + name + "]] table at index " + next +
                " (the file defines " + size + ", indexed from 0)", location);
        }
        else
        {
            final String what = depth < segments.length - 1 ? "table" : "key";
            errors.add(key, override.value(), "unknown " + what + DidYouMean.clause(next, known(parent)), location);
        }
    }

    private Set<String> known(final String path)
    {
        return knownNames.computeIfAbsent(path, (ignore) -> new HashSet<>());
    }

    private static String join(final String path, final String name)
    {
        return path.isEmpty() ? name : path + "." + name;
    }

    /**
     * A value found for a key: from the file, or from a property override (which then also has its raw text).
     */
    private record Value(String key, Object value, String text, ConfigLocation location)
    {
        String string()
        {
            return value instanceof String string ? string : text;
        }
    }

    /**
     * A view of one table: typed reads of its keys, and its sub-tables.
     */
    final class Table
    {
        private final String path;
        private final TomlTable toml;

        private Table(final String path, final TomlTable toml, final ConfigLocation location)
        {
            this.path = path;
            this.toml = toml;
            if (null != location)
            {
                locations.putIfAbsent(path, location);
            }
        }

        String path()
        {
            return path;
        }

        String key(final String name)
        {
            return join(path, name);
        }

        /**
         * A sub-table; a view with no file content when the file lacks it, so overrides may still fill it.
         */
        Table table(final String name)
        {
            final String key = key(name);
            known(path).add(name);
            visited.add(key);
            final Object value = fileValue(name);
            if (value instanceof TomlTable subTable)
            {
                return new Table(key, subTable, position(name));
            }
            if (null != value)
            {
                consumed.add(key);
                wrongType(new Value(key, value, null, position(name)), "table");
            }

            return new Table(key, null, overrideLocation(key));
        }

        /**
         * The tables of an array of tables, such as every {@code [[channel]]}, addressed by index from 0.
         */
        List<Table> tables(final String name)
        {
            final String key = key(name);
            known(path).add(name);
            visited.add(key);
            tableArraySizes.put(key, 0);
            final Object value = fileValue(name);
            if (null == value)
            {
                return List.of();
            }
            if (!ConfigValues.isTableArray(value))
            {
                consumed.add(key);
                wrongType(new Value(key, value, null, position(name)), "array of tables");
                return List.of();
            }

            final TomlArray array = (TomlArray) value;
            final List<Table> tables = new ArrayList<>(array.size());
            locations.put(key, position(name));
            for (int i = 0; i < array.size(); i++)
            {
                final String elementKey = key + "." + i;
                visited.add(elementKey);
                tables.add(new Table(elementKey, array.getTable(i), document.location(array.inputPositionOf(i))));
            }
            tableArraySizes.put(key, array.size());

            return tables;
        }

        /**
         * Names of the entries of a table whose keys are names, such as {@code [risk.strategy.<name>]}, including
         * names only overrides mention.
         */
        List<String> names()
        {
            final Set<String> names = new LinkedHashSet<>();
            if (null != toml)
            {
                names.addAll(toml.keySet());
            }

            final String prefix = path.isEmpty() ? "" : path + ".";
            for (final ConfigDocument.PropertyOverride override : document.overrides())
            {
                final String overrideKey = override.key();
                if (overrideKey.startsWith(prefix))
                {
                    final String rest = overrideKey.substring(prefix.length());
                    final int dot = rest.indexOf('.');
                    if (dot > 0)
                    {
                        names.add(rest.substring(0, dot));
                    }
                }
            }

            return List.copyOf(names);
        }

        /**
         * Report an error for an entry of this table, located where the entry was written.
         */
        void error(final String name, final Object value, final String reason)
        {
            final String key = key(name);
            final ConfigLocation location = null != fileValue(name) ? position(name) : overrideLocation(key);
            errors.add(key, value, reason, null == location ? locate(path) : location);
        }

        void string(final String name, final Consumer<String> setter)
        {
            final Value value = value(name);
            if (null != value)
            {
                final String string = value.string();
                if (null != string)
                {
                    setter.accept(string);
                }
                else
                {
                    wrongType(value, "string");
                }
            }
        }

        void integer(final String name, final LongConsumer setter)
        {
            final Value value = value(name);
            if (null != value)
            {
                if (value.value() instanceof Long number)
                {
                    setter.accept(number);
                }
                else
                {
                    wrongType(value, "integer");
                }
            }
        }

        void int32(final String name, final IntConsumer setter)
        {
            integer(name, (number) ->
            {
                if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE)
                {
                    errors.add(key(name), number,
                        "out of range (" + Integer.MIN_VALUE + ".." + Integer.MAX_VALUE + ")", locate(key(name)));
                }
                else
                {
                    setter.accept((int) number);
                }
            });
        }

        void number(final String name, final DoubleConsumer setter)
        {
            final Value value = value(name);
            if (null != value)
            {
                if (value.value() instanceof Long number)
                {
                    setter.accept(number.doubleValue());
                }
                else if (value.value() instanceof Double number)
                {
                    setter.accept(number);
                }
                else
                {
                    wrongType(value, "number");
                }
            }
        }

        void bool(final String name, final Consumer<Boolean> setter)
        {
            final Value value = value(name);
            if (null != value)
            {
                if (value.value() instanceof Boolean bool)
                {
                    setter.accept(bool);
                }
                else
                {
                    wrongType(value, "boolean");
                }
            }
        }

        /**
         * A decimal given as a string ({@code "0.25"}, exact) or a number ({@code 0.25}).
         */
        void decimal(final String name, final Consumer<BigDecimal> setter)
        {
            final Value value = value(name);
            if (null == value)
            {
                return;
            }

            final Object raw = value.value();
            if (raw instanceof Long number)
            {
                setter.accept(BigDecimal.valueOf(number));
            }
            else if (raw instanceof Double number && Double.isFinite(number))
            {
                setter.accept(BigDecimal.valueOf(number));
            }
            else if (raw instanceof String text)
            {
                try
                {
                    setter.accept(new BigDecimal(text.strip()));
                }
                catch (final NumberFormatException ex)
                {
                    errors.add(value.key(), raw, "invalid decimal number", value.location());
                }
            }
            else
            {
                wrongType(value, "decimal number or string");
            }
        }

        <E extends Enum<E> & ConfigEnum> void enumeration(
            final String name, final Class<E> type, final Consumer<E> setter)
        {
            final Value value = value(name);
            if (null == value)
            {
                return;
            }

            final String text = value.string();
            if (null == text)
            {
                wrongType(value, "string");
                return;
            }

            final List<String> allowed = new ArrayList<>();
            for (final E constant : type.getEnumConstants())
            {
                if (constant.text().equals(text))
                {
                    setter.accept(constant);
                    return;
                }
                allowed.add(constant.text());
            }

            errors.add(value.key(), text, "invalid value, expected one of " + ConfigValues.quoteAll(allowed) +
                DidYouMean.clause(text, allowed), value.location());
        }

        /**
         * A string converted by a parser that throws {@link IllegalArgumentException} with the reason.
         */
        <T> void parsed(final String name, final Function<String, T> parser, final Consumer<T> setter)
        {
            final Value value = value(name);
            if (null == value)
            {
                return;
            }

            final String text = value.string();
            if (null == text)
            {
                wrongType(value, "string");
                return;
            }

            final T parsed;
            try
            {
                parsed = parser.apply(text);
            }
            catch (final IllegalArgumentException ex)
            {
                errors.add(value.key(), text, ex.getMessage(), value.location());
                return;
            }
            setter.accept(parsed);
        }

        void path(final String name, final Consumer<Path> setter)
        {
            parsed(name, ConfigValues::toPath, setter);
        }

        /**
         * A secret reference: its value never appears in an error, in case a secret was written inline.
         */
        void secretRef(final String name, final Consumer<SecretRef> setter)
        {
            errors.redact(key(name));
            parsed(name, SecretRef::parse, setter);
        }

        void longs(final String name, final Consumer<long[]> setter)
        {
            final Value value = value(name);
            if (null == value)
            {
                return;
            }

            if (value.value() instanceof TomlArray array && ConfigValues.allOf(array, Long.class))
            {
                final long[] longs = new long[array.size()];
                for (int i = 0; i < longs.length; i++)
                {
                    longs[i] = array.getLong(i);
                }
                setter.accept(longs);
            }
            else
            {
                wrongType(value, "array of integers");
            }
        }

        void strings(final String name, final Consumer<List<String>> setter)
        {
            final Value value = value(name);
            if (null == value)
            {
                return;
            }

            if (value.value() instanceof TomlArray array && ConfigValues.allOf(array, String.class))
            {
                final List<String> strings = new ArrayList<>(array.size());
                for (int i = 0; i < array.size(); i++)
                {
                    strings.add(array.getString(i));
                }
                setter.accept(List.copyOf(strings));
            }
            else
            {
                wrongType(value, "array of strings");
            }
        }

        private Value value(final String name)
        {
            final String key = key(name);
            known(path).add(name);
            final Object fileValue = fileValue(name);
            if (null != fileValue)
            {
                consumed.add(key);
            }

            final ConfigDocument.PropertyOverride override = document.override(key);
            if (null != override)
            {
                consumed.add(key);
                locations.put(key, override.location());
                return new Value(key, override.value(), override.text(), override.location());
            }
            if (null == fileValue)
            {
                return null;
            }

            final ConfigLocation location = position(name);
            locations.put(key, location);
            return new Value(key, fileValue, null, location);
        }

        private void wrongType(final Value value, final String expected)
        {
            errors.add(value.key(), value.value(),
                "wrong type (expected " + expected + ", found " + ConfigValues.typeName(value.value()) + ")",
                value.location());
        }

        private Object fileValue(final String name)
        {
            return null == toml ? null : toml.get(List.of(name));
        }

        private ConfigLocation position(final String name)
        {
            return document.location(toml.inputPositionOf(List.of(name)));
        }

        private ConfigLocation overrideLocation(final String key)
        {
            for (final ConfigDocument.PropertyOverride override : document.overrides())
            {
                if (override.key().startsWith(key + "."))
                {
                    return override.location();
                }
            }

            return null;
        }
    }
}
