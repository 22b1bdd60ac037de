package io.wirespeed.config;

/**
 * The NIC, {@code [nic]}: which backend moves frames, and each backend's own table.
 */
public final class NicContext extends ConfigContext<NicContext>
{
    /**
     * Default backend: the shared-memory NIC, which needs no privileges.
     */
    public static final NicBackend BACKEND_DEFAULT = NicBackend.SHM;

    private NicBackend backend = BACKEND_DEFAULT;
    private final ShmNicContext shm = new ShmNicContext();
    private final KernelNicContext kernel = new KernelNicContext();
    private final AfXdpNicContext afXdp = new AfXdpNicContext();
    private final PcapNicContext pcap = new PcapNicContext();

    /**
     * A context holding the defaults.
     */
    public NicContext()
    {
        super("nic");
    }

    /**
     * Selected backend, {@code backend}.
     *
     * @return the backend.
     */
    public NicBackend backend()
    {
        return backend;
    }

    /**
     * Selected backend, {@code backend}; only the selected backend's required keys are required.
     *
     * @param backend shm, af_xdp, kernel or pcap.
     * @return this for a fluent API.
     */
    public NicContext backend(final NicBackend backend)
    {
        this.backend = backend;
        return this;
    }

    /**
     * Shared-memory NIC settings, {@code [nic.shm]}.
     *
     * @return the context.
     */
    public ShmNicContext shm()
    {
        return shm;
    }

    /**
     * Kernel socket settings, {@code [nic.kernel]}.
     *
     * @return the context.
     */
    public KernelNicContext kernel()
    {
        return kernel;
    }

    /**
     * AF_XDP settings, {@code [nic.af_xdp]}.
     *
     * @return the context.
     */
    public AfXdpNicContext afXdp()
    {
        return afXdp;
    }

    /**
     * Capture-file settings, {@code [nic.pcap]}.
     *
     * @return the context.
     */
    public PcapNicContext pcap()
    {
        return pcap;
    }

    @Override
    void read(final ConfigReader.Table table)
    {
        table.enumeration("backend", NicBackend.class, this::backend);
        shm.read(table.table("shm"));
        kernel.read(table.table("kernel"));
        afXdp.read(table.table("af_xdp"));
        pcap.read(table.table("pcap"));
    }

    @Override
    void validate(final Validator validator)
    {
        validator.required("backend", backend);
        shm.conclude(validator.scope("shm"));
        kernel.conclude(validator.scope("kernel"));
        afXdp.conclude(validator.scope("af_xdp"));
        pcap.conclude(validator.scope("pcap"));
        if (NicBackend.AF_XDP == backend && null == afXdp.interfaceName())
        {
            validator.error("af_xdp.interface", null, "missing required key (needed when nic.backend = \"af_xdp\")");
        }
        if (NicBackend.PCAP == backend && null == pcap.readPath() && null == pcap.readPaths())
        {
            validator.error("pcap.read_path", null,
                "missing required key (read_path or read_paths, needed when nic.backend = \"pcap\")");
        }
    }
}
