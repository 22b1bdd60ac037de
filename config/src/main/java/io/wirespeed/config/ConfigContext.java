package io.wirespeed.config;

/**
 * Base of every configuration context: fluent accessors in the subclass, and a {@link #conclude()} that fills
 * defaults, validates and may run only once.
 *
 * @param <T> the concrete context, returned by the fluent methods.
 */
public abstract class ConfigContext<T extends ConfigContext<T>>
{
    private final String sectionKey;
    private boolean isConcluded;

    ConfigContext(final String sectionKey)
    {
        this.sectionKey = sectionKey;
    }

    /**
     * Fill defaults and validate; throws one {@link ConfigException} listing every problem found.
     *
     * @return this context, concluded.
     * @throws ConfigException       when any value is invalid.
     * @throws IllegalStateException when this context has already been concluded.
     */
    public final T conclude()
    {
        final ConfigErrors errors = new ConfigErrors(this::locate);
        conclude(new Validator(errors, sectionKey));
        errors.throwIfAny();
        return self();
    }

    /**
     * Has {@link #conclude()} been called?
     *
     * @return true once concluded, whether or not it was valid.
     */
    public final boolean isConcluded()
    {
        return isConcluded;
    }

    /**
     * The dotted key of this context's table when it stands alone, e.g. {@code nic.shm}.
     *
     * @return the key errors of a stand-alone {@link #conclude()} are named under.
     */
    public final String sectionKey()
    {
        return sectionKey;
    }

    final void conclude(final Validator validator)
    {
        if (isConcluded)
        {
            throw new IllegalStateException(getClass().getSimpleName() + " is already concluded");
        }

        isConcluded = true;
        validate(validator);
    }

    @SuppressWarnings("unchecked")
    final T self()
    {
        return (T) this;
    }

    ConfigLocation locate(final String key)
    {
        return ConfigLocation.NONE;
    }

    /**
     * Fill defaults and record every invalid value; keys are relative to the validator's table.
     */
    abstract void validate(Validator validator);

    /**
     * Read this context's keys from its table.
     */
    abstract void read(ConfigReader.Table table);
}
