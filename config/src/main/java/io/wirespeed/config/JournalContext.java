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

    /**
     * Default bytes of each hot thread's journal tap ring: 8 MiB, seconds of the demo's full rate.
     */
    public static final int TAP_RING_BYTES_DEFAULT = 8 * 1024 * 1024;

    /**
     * Smallest tap ring accepted.
     */
    public static final int TAP_RING_BYTES_MIN = 64 * 1024;

    /**
     * Largest tap ring accepted.
     */
    public static final int TAP_RING_BYTES_MAX = 1 << 30;

    /**
     * Default retention action: delete cycles past the retention count.
     */
    public static final JournalRetentionAction RETENTION_ACTION_DEFAULT = JournalRetentionAction.DELETE;

    private boolean enabled = ENABLED_DEFAULT;
    private Path dir;
    private JournalRollCycle rollCycle = ROLL_CYCLE_DEFAULT;
    private int retentionCycles = KEEP_ALL;
    private JournalRetentionAction retentionAction = RETENTION_ACTION_DEFAULT;
    private Path archiveDir;
    private int tapRingBytes = TAP_RING_BYTES_DEFAULT;

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

    /**
     * What happens to a cycle past the retention count, {@code retention_action}.
     *
     * @return delete or move.
     */
    public JournalRetentionAction retentionAction()
    {
        return retentionAction;
    }

    /**
     * What happens to a cycle past the retention count, {@code retention_action}: {@code delete} or {@code move}
     * (into {@code archive_dir}).
     *
     * @param retentionAction delete or move.
     * @return this for a fluent API.
     */
    public JournalContext retentionAction(final JournalRetentionAction retentionAction)
    {
        this.retentionAction = retentionAction;
        return this;
    }

    /**
     * Where retired cycles are moved, {@code archive_dir}.
     *
     * @return the directory, or null when not set.
     */
    public Path archiveDir()
    {
        return archiveDir;
    }

    /**
     * Where retired cycles are moved, {@code archive_dir}: required by {@code retention_action = "move"}, refused
     * otherwise, and never the journal directory itself.
     *
     * @param archiveDir the directory.
     * @return this for a fluent API.
     */
    public JournalContext archiveDir(final Path archiveDir)
    {
        this.archiveDir = archiveDir;
        return this;
    }

    /**
     * Bytes of each hot thread's journal tap ring, {@code tap_ring_bytes}.
     *
     * @return the capacity.
     */
    public int tapRingBytes()
    {
        return tapRingBytes;
    }

    /**
     * Bytes of each hot thread's journal tap ring, {@code tap_ring_bytes}: a power of two in 65536..1073741824; a
     * ring the journal is further behind than loses records (counted, and said in a JournalLoss record).
     *
     * @param tapRingBytes the capacity.
     * @return this for a fluent API.
     */
    public JournalContext tapRingBytes(final int tapRingBytes)
    {
        this.tapRingBytes = tapRingBytes;
        return this;
    }

    @Override
    void read(final ConfigReader.Table table)
    {
        table.bool("enabled", this::enabled);
        table.path("dir", this::dir);
        table.enumeration("roll_cycle", JournalRollCycle.class, this::rollCycle);
        table.int32("retention_cycles", this::retentionCycles);
        table.enumeration("retention_action", JournalRetentionAction.class, this::retentionAction);
        table.path("archive_dir", this::archiveDir);
        table.int32("tap_ring_bytes", this::tapRingBytes);
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
        validator.powerOfTwo("tap_ring_bytes", tapRingBytes, TAP_RING_BYTES_MIN, TAP_RING_BYTES_MAX);
        validator.required("retention_action", retentionAction);
        if (JournalRetentionAction.MOVE == retentionAction)
        {
            if (null == archiveDir)
            {
                validator.error("retention_action", retentionAction, "\"move\" needs archive_dir (where to move to)");
            }
            else if (archiveDir.toAbsolutePath().normalize().equals(dir.toAbsolutePath().normalize()))
            {
                validator.error("archive_dir", archiveDir, "must not be the journal dir itself");
            }
        }
        else if (null != archiveDir)
        {
            validator.error("archive_dir", archiveDir, "only used with retention_action = \"move\"");
        }
    }
}
