package io.wirespeed.config;

/**
 * Records validation errors for keys relative to one table, with the checks every context needs.
 */
final class Validator
{
    private final ConfigErrors errors;
    private final String path;

    Validator(final ConfigErrors errors, final String path)
    {
        this.errors = errors;
        this.path = path;
    }

    Validator scope(final String name)
    {
        return new Validator(errors, key(name));
    }

    String path()
    {
        return path;
    }

    String key(final String name)
    {
        return path.isEmpty() ? name : path + "." + name;
    }

    ConfigErrors errors()
    {
        return errors;
    }

    void error(final String name, final Object value, final String reason)
    {
        errors.add(key(name), value, reason);
    }

    boolean required(final String name, final Object value)
    {
        if (null == value)
        {
            errors.add(key(name), null, "missing required key");
            return false;
        }

        return true;
    }

    boolean range(final String name, final long value, final long min, final long max)
    {
        if (value < min || value > max)
        {
            error(name, value, "out of range (" + min + ".." + max + ")");
            return false;
        }

        return true;
    }

    boolean range(final String name, final double value, final double min, final double max)
    {
        if (!(value >= min && value <= max))
        {
            error(name, value, "out of range (" + min + ".." + max + ")");
            return false;
        }

        return true;
    }

    boolean powerOfTwo(final String name, final long value, final long min, final long max)
    {
        if (value < min || value > max || Long.bitCount(value) != 1)
        {
            error(name, value, "not a power of two in " + min + ".." + max);
            return false;
        }

        return true;
    }

    boolean matches(final String name, final String value, final String regex, final String description)
    {
        if (null != value && !value.matches(regex))
        {
            error(name, value, "invalid " + description);
            return false;
        }

        return true;
    }
}
