package io.wirespeed.config;

import java.nio.file.Path;

/**
 * Aeron, {@code [aeron]}: the media driver and the IPC streams between the appliance and its strategies.
 */
public final class AeronContext extends ConfigContext<AeronContext>
{
    /**
     * Default directory name prefix under /dev/shm; the user name is appended.
     */
    public static final String DIR_PREFIX_DEFAULT = "wirespeed-aeron-";

    /**
     * Default: the media driver runs inside the appliance.
     */
    public static final boolean EMBEDDED_DRIVER_DEFAULT = true;

    /**
     * Default driver threading mode.
     */
    public static final DriverThreadingMode DRIVER_THREADING_MODE_DEFAULT = DriverThreadingMode.SHARED;

    /**
     * Default channel for every stream.
     */
    public static final String CHANNEL_DEFAULT = "aeron:ipc";

    /**
     * Default stream of normalized market data.
     */
    public static final int MARKET_DATA_STREAM_ID_DEFAULT = 1001;

    /**
     * Default stream of order requests from strategies.
     */
    public static final int ORDER_STREAM_ID_DEFAULT = 1002;

    /**
     * Default stream of execution reports to strategies.
     */
    public static final int EXECUTION_STREAM_ID_DEFAULT = 1003;

    /**
     * Default stream of control messages.
     */
    public static final int CONTROL_STREAM_ID_DEFAULT = 1004;

    /**
     * Default IPC term length.
     */
    public static final int IPC_TERM_LENGTH_BYTES_DEFAULT = 8 * 1024 * 1024;

    /**
     * Default driver liveness timeout.
     */
    public static final long DRIVER_TIMEOUT_MS_DEFAULT = 10_000;

    private Path dir;
    private boolean embeddedDriver = EMBEDDED_DRIVER_DEFAULT;
    private DriverThreadingMode driverThreadingMode = DRIVER_THREADING_MODE_DEFAULT;
    private String channel = CHANNEL_DEFAULT;
    private int marketDataStreamId = MARKET_DATA_STREAM_ID_DEFAULT;
    private int orderStreamId = ORDER_STREAM_ID_DEFAULT;
    private int executionStreamId = EXECUTION_STREAM_ID_DEFAULT;
    private int controlStreamId = CONTROL_STREAM_ID_DEFAULT;
    private int ipcTermLengthBytes = IPC_TERM_LENGTH_BYTES_DEFAULT;
    private long driverTimeoutMs = DRIVER_TIMEOUT_MS_DEFAULT;

    /**
     * A context holding the defaults.
     */
    public AeronContext()
    {
        super("aeron");
    }

    /**
     * Aeron directory, {@code dir}.
     *
     * @return the directory, or null before conclude when not set.
     */
    public Path dir()
    {
        return dir;
    }

    /**
     * Aeron directory, {@code dir}; defaults to /dev/shm/wirespeed-aeron-USER.
     *
     * @param dir of the media driver.
     * @return this for a fluent API.
     */
    public AeronContext dir(final Path dir)
    {
        this.dir = dir;
        return this;
    }

    /**
     * Run the media driver inside the appliance, {@code embedded_driver}.
     *
     * @return true for an embedded driver.
     */
    public boolean embeddedDriver()
    {
        return embeddedDriver;
    }

    /**
     * Run the media driver inside the appliance, {@code embedded_driver}; false expects {@code wirespeed driver}.
     *
     * @param embeddedDriver true for an embedded driver.
     * @return this for a fluent API.
     */
    public AeronContext embeddedDriver(final boolean embeddedDriver)
    {
        this.embeddedDriver = embeddedDriver;
        return this;
    }

    /**
     * Driver threading mode, {@code driver_threading_mode}.
     *
     * @return the mode.
     */
    public DriverThreadingMode driverThreadingMode()
    {
        return driverThreadingMode;
    }

    /**
     * Driver threading mode, {@code driver_threading_mode}; invoker needs an embedded driver.
     *
     * @param driverThreadingMode mode.
     * @return this for a fluent API.
     */
    public AeronContext driverThreadingMode(final DriverThreadingMode driverThreadingMode)
    {
        this.driverThreadingMode = driverThreadingMode;
        return this;
    }

    /**
     * Channel of every stream, {@code channel}.
     *
     * @return the channel URI.
     */
    public String channel()
    {
        return channel;
    }

    /**
     * Channel of every stream, {@code channel}: an {@code aeron:ipc} or {@code aeron:udp} URI.
     *
     * @param channel URI.
     * @return this for a fluent API.
     */
    public AeronContext channel(final String channel)
    {
        this.channel = channel;
        return this;
    }

    /**
     * Normalized market-data stream, {@code market_data_stream_id}.
     *
     * @return the stream id.
     */
    public int marketDataStreamId()
    {
        return marketDataStreamId;
    }

    /**
     * Normalized market-data stream, {@code market_data_stream_id}: positive, distinct from the other streams.
     *
     * @param marketDataStreamId stream id.
     * @return this for a fluent API.
     */
    public AeronContext marketDataStreamId(final int marketDataStreamId)
    {
        this.marketDataStreamId = marketDataStreamId;
        return this;
    }

    /**
     * Order request stream, {@code order_stream_id}.
     *
     * @return the stream id.
     */
    public int orderStreamId()
    {
        return orderStreamId;
    }

    /**
     * Order request stream, {@code order_stream_id}: positive, distinct from the other streams.
     *
     * @param orderStreamId stream id.
     * @return this for a fluent API.
     */
    public AeronContext orderStreamId(final int orderStreamId)
    {
        this.orderStreamId = orderStreamId;
        return this;
    }

    /**
     * Execution report stream, {@code execution_stream_id}.
     *
     * @return the stream id.
     */
    public int executionStreamId()
    {
        return executionStreamId;
    }

    /**
     * Execution report stream, {@code execution_stream_id}: positive, distinct from the other streams.
     *
     * @param executionStreamId stream id.
     * @return this for a fluent API.
     */
    public AeronContext executionStreamId(final int executionStreamId)
    {
        this.executionStreamId = executionStreamId;
        return this;
    }

    /**
     * Control stream, {@code control_stream_id}.
     *
     * @return the stream id.
     */
    public int controlStreamId()
    {
        return controlStreamId;
    }

    /**
     * Control stream, {@code control_stream_id}: positive, distinct from the other streams.
     *
     * @param controlStreamId stream id.
     * @return this for a fluent API.
     */
    public AeronContext controlStreamId(final int controlStreamId)
    {
        this.controlStreamId = controlStreamId;
        return this;
    }

    /**
     * IPC term length, {@code ipc_term_length_bytes}.
     *
     * @return the length in bytes.
     */
    public int ipcTermLengthBytes()
    {
        return ipcTermLengthBytes;
    }

    /**
     * IPC term length, {@code ipc_term_length_bytes}: a power of two in 65536..1073741824.
     *
     * @param ipcTermLengthBytes length.
     * @return this for a fluent API.
     */
    public AeronContext ipcTermLengthBytes(final int ipcTermLengthBytes)
    {
        this.ipcTermLengthBytes = ipcTermLengthBytes;
        return this;
    }

    /**
     * Driver liveness timeout, {@code driver_timeout_ms}.
     *
     * @return the timeout in milliseconds.
     */
    public long driverTimeoutMs()
    {
        return driverTimeoutMs;
    }

    /**
     * Driver liveness timeout, {@code driver_timeout_ms}: 1000..600000.
     *
     * @param driverTimeoutMs timeout.
     * @return this for a fluent API.
     */
    public AeronContext driverTimeoutMs(final long driverTimeoutMs)
    {
        this.driverTimeoutMs = driverTimeoutMs;
        return this;
    }

    @Override
    void read(final ConfigReader.Table table)
    {
        table.path("dir", this::dir);
        table.bool("embedded_driver", this::embeddedDriver);
        table.enumeration("driver_threading_mode", DriverThreadingMode.class, this::driverThreadingMode);
        table.string("channel", this::channel);
        table.int32("market_data_stream_id", this::marketDataStreamId);
        table.int32("order_stream_id", this::orderStreamId);
        table.int32("execution_stream_id", this::executionStreamId);
        table.int32("control_stream_id", this::controlStreamId);
        table.int32("ipc_term_length_bytes", this::ipcTermLengthBytes);
        table.integer("driver_timeout_ms", this::driverTimeoutMs);
    }

    @Override
    void validate(final Validator validator)
    {
        if (null == dir)
        {
            dir = Defaults.sharedMemoryPath(DIR_PREFIX_DEFAULT);
        }

        if (validator.required("driver_threading_mode", driverThreadingMode) &&
            DriverThreadingMode.INVOKER == driverThreadingMode && !embeddedDriver)
        {
            validator.error("driver_threading_mode", driverThreadingMode, "invoker needs embedded_driver = true");
        }
        if (validator.required("channel", channel) &&
            !channel.startsWith("aeron:ipc") && !channel.startsWith("aeron:udp"))
        {
            validator.error("channel", channel, "invalid channel (an aeron:ipc or aeron:udp URI)");
        }

        final String[] names =
            { "market_data_stream_id", "order_stream_id", "execution_stream_id", "control_stream_id" };
        final int[] ids = { marketDataStreamId, orderStreamId, executionStreamId, controlStreamId };
        for (int i = 0; i < ids.length; i++)
        {
            if (validator.range(names[i], ids[i], 1, Integer.MAX_VALUE))
            {
                for (int j = 0; j < i; j++)
                {
                    if (ids[i] == ids[j])
                    {
                        validator.error(names[i], ids[i], "duplicate stream id (also " + validator.key(names[j]) + ")");
                        break;
                    }
                }
            }
        }

        validator.powerOfTwo("ipc_term_length_bytes", ipcTermLengthBytes, 64 * 1024, 1 << 30);
        validator.range("driver_timeout_ms", driverTimeoutMs, 1_000, 600_000);
    }
}
