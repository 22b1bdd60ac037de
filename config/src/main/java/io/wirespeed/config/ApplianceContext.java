package io.wirespeed.config;

/**
 * The appliance as a whole, {@code [appliance]}: its name and how its agents map onto threads.
 */
public final class ApplianceContext extends ConfigContext<ApplianceContext>
{
    /**
     * Default appliance name, used in counters, file names and logs.
     */
    public static final String NAME_DEFAULT = "wirespeed";

    /**
     * Default threading: compact, which runs on a 2-core box.
     */
    public static final ThreadingMode THREADING_MODE_DEFAULT = ThreadingMode.COMPACT;

    private String name = NAME_DEFAULT;
    private ThreadingMode threadingMode = THREADING_MODE_DEFAULT;

    /**
     * A context holding the defaults.
     */
    public ApplianceContext()
    {
        super("appliance");
    }

    /**
     * Name of this appliance instance, {@code name}.
     *
     * @return the name.
     */
    public String name()
    {
        return name;
    }

    /**
     * Name of this appliance instance: 1..64 letters, digits, '_', '.' or '-'.
     *
     * @param name of the appliance.
     * @return this for a fluent API.
     */
    public ApplianceContext name(final String name)
    {
        this.name = name;
        return this;
    }

    /**
     * Threading mode, {@code threading_mode}.
     *
     * @return the threading mode.
     */
    public ThreadingMode threadingMode()
    {
        return threadingMode;
    }

    /**
     * Threading mode, {@code threading_mode}.
     *
     * @param threadingMode how agents map onto threads and processes.
     * @return this for a fluent API.
     */
    public ApplianceContext threadingMode(final ThreadingMode threadingMode)
    {
        this.threadingMode = threadingMode;
        return this;
    }

    @Override
    void read(final ConfigReader.Table table)
    {
        table.string("name", this::name);
        table.enumeration("threading_mode", ThreadingMode.class, this::threadingMode);
    }

    @Override
    void validate(final Validator validator)
    {
        if (validator.required("name", name))
        {
            validator.matches("name", name, "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}", "name (1..64 letters, digits, _ . -)");
        }
        validator.required("threading_mode", threadingMode);
    }
}
