package io.wirespeed.config;

import java.nio.file.Path;

/**
 * The journal, {@code [journal]}: where every stream is recorded, how its files roll, and how long they are kept.
 */
public final class JournalContext extends ConfigContext<JournalContext>
{
    /**
     * Default: journal everything.
     */
    public static final boolean ENABLED_DEFAULT = true;

    /**
     * Default directory name prefix under the temporary directory; the user name is appended.
     */
    public static final String DIR_PREFIX_DEFAULT = "wirespeed-journal-";

    /**
     * Default roll cycle.
     */
    public static final JournalRollCycle ROLL_CYCLE_DEFAULT = JournalRollCycle.FAST_HOURLY;

    /**
     * Retention value that keeps every cycle.
     */
    public static final int KEEP_ALL = 0;

    private boolean enabled = ENABLED_DEFAULT;
    private Path dir;
    private JournalRollCycle rollCycle = ROLL_CYCLE_DEFAULT;
    private int retentionCycles = KEEP_ALL;

    /**
     * A context holding the defaults.
     */
    public JournalContext()
    {
        super("journal");
    }

    /**
     * Journal every stream, {@code enabled}.
     *
     * @return true when journaling.
     */
    public boolean enabled()
    {
        return enabled;
    }

    /**
     * Journal every stream, {@code enabled}.
     *
     * @param enabled true to journal.
     * @return this for a fluent API.
     */
    public JournalContext enabled(final boolean enabled)
    {
        this.enabled = enabled;
        return this;
    }

    /**
     * Queue directory, {@code dir}.
     *
     * @return the directory, or null before conclude when not set.
     */
    public Path dir()
    {
        return dir;
    }

    /**
     * Queue directory, {@code dir}; defaults to TMPDIR/wirespeed-journal-USER.
     *
     * @param dir of the queue files.
     * @return this for a fluent API.
     */
    public JournalContext dir(final Path dir)
    {
        this.dir = dir;
        return this;
    }

    /**
     * Roll cycle, {@code roll_cycle}.
     *
     * @return the roll cycle.
     */
    public JournalRollCycle rollCycle()
    {
        return rollCycle;
    }

    /**
     * Roll cycle, {@code roll_cycle}: a Chronicle roll cycle name such as {@code FAST_HOURLY}.
     *
     * @param rollCycle how often a new file starts.
     * @return this for a fluent API.
     */
    public JournalContext rollCycle(final JournalRollCycle rollCycle)
    {
        this.rollCycle = rollCycle;
        return this;
    }

    /**
     * Completed cycles kept, {@code retention_cycles}.
     *
     * @return the count, or {@link #KEEP_ALL}.
     */
    public int retentionCycles()
    {
        return retentionCycles;
    }

    /**
     * Completed cycles kept, {@code retention_cycles}: 0 keeps all, else 1..1000000.
     *
     * @param retentionCycles count.
     * @return this for a fluent API.
     */
    public JournalContext retentionCycles(final int retentionCycles)
    {
        this.retentionCycles = retentionCycles;
        return this;
    }

    @Override
    void read(final ConfigReader.Table table)
    {
        table.bool("enabled", this::enabled);
        table.path("dir", this::dir);
        table.enumeration("roll_cycle", JournalRollCycle.class, this::rollCycle);
        table.int32("retention_cycles", this::retentionCycles);
    }

    @Override
    void validate(final Validator validator)
    {
        if (null == dir)
        {
            dir = Defaults.tempPath(DIR_PREFIX_DEFAULT);
        }

        validator.required("roll_cycle", rollCycle);
        validator.range("retention_cycles", retentionCycles, KEEP_ALL, 1_000_000);
    }
}
