package io.wirespeed.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The capture-file NIC, {@code [nic.pcap]}: receives frames from one or several captures, merged by recorded time,
 * and writes sent frames to another.
 */
public final class PcapNicContext extends ConfigContext<PcapNicContext>
{
    /**
     * Default pacing: as recorded.
     */
    public static final PcapPacing PACING_DEFAULT = PcapPacing.RECORDED;

    /**
     * Default clock of the feed handler's timers: the captures' recorded time.
     */
    public static final PcapClock CLOCK_DEFAULT = PcapClock.CAPTURE;

    private Path readPath;
    private List<Path> readPaths;
    private Path writePath;
    private PcapPacing pacing = PACING_DEFAULT;
    private PcapClock clock = CLOCK_DEFAULT;

    /**
     * A context holding the defaults.
     */
    public PcapNicContext()
    {
        super("nic.pcap");
    }

    /**
     * Capture the NIC receives from, {@code read_path}.
     *
     * @return the path, or null when not set.
     */
    public Path readPath()
    {
        return readPath;
    }

    /**
     * Capture the NIC receives from, {@code read_path}: pcap or pcapng, Ethernet or Linux cooked (v1, v2); this or
     * {@code read_paths} is required when this backend is selected.
     *
     * @param readPath of the capture.
     * @return this for a fluent API.
     */
    public PcapNicContext readPath(final Path readPath)
    {
        this.readPath = readPath;
        return this;
    }

    /**
     * Captures the NIC receives from, merged by recorded time, {@code read_paths}.
     *
     * @return the paths, or null when not set.
     */
    public List<Path> readPaths()
    {
        return readPaths;
    }

    /**
     * Captures the NIC receives from, {@code read_paths}: e.g. one per feed; their frames are delivered in
     * recorded-time order across the files, as they arrived live (equal times in the order listed). Not with
     * {@code read_path}.
     *
     * @param readPaths of the captures.
     * @return this for a fluent API.
     */
    public PcapNicContext readPaths(final List<Path> readPaths)
    {
        this.readPaths = null == readPaths ? null : List.copyOf(readPaths);
        return this;
    }

    /**
     * Every capture to receive from: {@code read_paths}, or {@code read_path} alone.
     *
     * @return the paths in the order configured; empty when neither key is set.
     */
    public List<Path> captures()
    {
        if (null != readPaths)
        {
            return readPaths;
        }
        return null == readPath ? List.of() : List.of(readPath);
    }

    /**
     * Capture the NIC writes sent frames to, {@code write_path}.
     *
     * @return the path, or null to discard sent frames.
     */
    public Path writePath()
    {
        return writePath;
    }

    /**
     * Capture the NIC writes sent frames to, {@code write_path}: a nanosecond pcap file; optional.
     *
     * @param writePath of the capture to write.
     * @return this for a fluent API.
     */
    public PcapNicContext writePath(final Path writePath)
    {
        this.writePath = writePath;
        return this;
    }

    /**
     * Delivery pacing, {@code pacing}.
     *
     * @return the pacing.
     */
    public PcapPacing pacing()
    {
        return pacing;
    }

    /**
     * Delivery pacing, {@code pacing}.
     *
     * @param pacing max or recorded.
     * @return this for a fluent API.
     */
    public PcapNicContext pacing(final PcapPacing pacing)
    {
        this.pacing = pacing;
        return this;
    }

    /**
     * Clock of the feed handler's gap and silence timers, {@code clock}.
     *
     * @return the clock.
     */
    public PcapClock clock()
    {
        return clock;
    }

    /**
     * Clock of the feed handler's gap and silence timers, {@code clock}: capture (recorded time, the default) or
     * wall (the host's, only with {@code pacing = "recorded"}).
     *
     * @param clock capture or wall.
     * @return this for a fluent API.
     */
    public PcapNicContext clock(final PcapClock clock)
    {
        this.clock = clock;
        return this;
    }

    @Override
    void read(final ConfigReader.Table table)
    {
        table.path("read_path", this::readPath);
        table.strings("read_paths", (paths) -> readPaths(toPaths(table, paths)));
        table.path("write_path", this::writePath);
        table.enumeration("pacing", PcapPacing.class, this::pacing);
        table.enumeration("clock", PcapClock.class, this::clock);
    }

    @Override
    void validate(final Validator validator)
    {
        validator.required("pacing", pacing);
        validator.required("clock", clock);
        if (null != readPaths)
        {
            if (null != readPath)
            {
                validator.error("read_paths", strings(readPaths), "set together with read_path; use one of them");
            }
            if (readPaths.isEmpty())
            {
                validator.error("read_paths", List.of(), "empty (list at least one capture, or leave the key out)");
            }
            final Set<Path> seen = new HashSet<>();
            for (final Path path : readPaths)
            {
                if (!seen.add(path.toAbsolutePath().normalize()))
                {
                    validator.error("read_paths", path.toString(), "listed twice (its frames would arrive twice)");
                }
            }
        }
        for (final Path path : captures())
        {
            if (null != writePath && path.toAbsolutePath().normalize().equals(writePath.toAbsolutePath().normalize()))
            {
                validator.error("write_path", writePath.toString(),
                    "same file as " + (null == readPaths ? "read_path" : "an entry of read_paths"));
            }
        }
        if (PcapClock.WALL == clock && PcapPacing.MAX == pacing)
        {
            validator.error("clock", clock, "with pacing = \"max\" the gap and silence timers would run on the " +
                "host's clock while frames arrive faster than recorded; use clock = \"capture\" or " +
                "pacing = \"recorded\"");
        }
    }

    private static List<String> strings(final List<Path> paths)
    {
        final List<String> texts = new ArrayList<>(paths.size());
        for (final Path path : paths)
        {
            texts.add(path.toString());
        }
        return texts;
    }

    private static List<Path> toPaths(final ConfigReader.Table table, final List<String> texts)
    {
        final List<Path> paths = new ArrayList<>(texts.size());
        for (final String text : texts)
        {
            try
            {
                paths.add(ConfigValues.toPath(text));
            }
            catch (final IllegalArgumentException ex)
            {
                table.error("read_paths", text, ex.getMessage());
                return null;
            }
        }
        return paths;
    }
}
