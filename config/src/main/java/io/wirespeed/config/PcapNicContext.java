package io.wirespeed.config;

import java.nio.file.Path;

/**
 * The capture-file NIC, {@code [nic.pcap]}: receives frames from one capture and writes sent frames to another.
 */
public final class PcapNicContext extends ConfigContext<PcapNicContext>
{
    /**
     * Default pacing: as recorded.
     */
    public static final PcapPacing PACING_DEFAULT = PcapPacing.RECORDED;

    private Path readPath;
    private Path writePath;
    private PcapPacing pacing = PACING_DEFAULT;

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
     * Capture the NIC receives from, {@code read_path}: pcap or pcapng; required when this backend is selected.
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
     * Capture the NIC writes sent frames to, {@code write_path}.
     *
     * @return the path, or null to discard sent frames.
     */
    public Path writePath()
    {
        return writePath;
    }

    /**
     * Capture the NIC writes sent frames to, {@code write_path}; optional.
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

    @Override
    void read(final ConfigReader.Table table)
    {
        table.path("read_path", this::readPath);
        table.path("write_path", this::writePath);
        table.enumeration("pacing", PcapPacing.class, this::pacing);
    }

    @Override
    void validate(final Validator validator)
    {
        validator.required("pacing", pacing);
        if (null != readPath && readPath.equals(writePath))
        {
            validator.error("write_path", writePath.toString(), "same file as read_path");
        }
    }
}
