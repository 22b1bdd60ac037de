package io.wirespeed.config;

/**
 * The kernel-socket NIC, {@code [nic.kernel]}: non-blocking multicast sockets, busy-polled.
 */
public final class KernelNicContext extends ConfigContext<KernelNicContext>
{
    /**
     * Default interface: loopback, for a laptop.
     */
    public static final String INTERFACE_DEFAULT = "lo";

    /**
     * Default socket receive buffer.
     */
    public static final int RECEIVE_BUFFER_BYTES_DEFAULT = 4 * 1024 * 1024;

    /**
     * Default socket send buffer.
     */
    public static final int SEND_BUFFER_BYTES_DEFAULT = 1024 * 1024;

    private static final int BUFFER_BYTES_MIN = 4096;
    private static final int BUFFER_BYTES_MAX = 1 << 30;

    private String interfaceName = INTERFACE_DEFAULT;
    private int receiveBufferBytes = RECEIVE_BUFFER_BYTES_DEFAULT;
    private int sendBufferBytes = SEND_BUFFER_BYTES_DEFAULT;

    /**
     * A context holding the defaults.
     */
    public KernelNicContext()
    {
        super("nic.kernel");
    }

    /**
     * Interface that joins the multicast groups, {@code interface}.
     *
     * @return a device name or an IPv4 address.
     */
    public String interfaceName()
    {
        return interfaceName;
    }

    /**
     * Interface that joins the multicast groups, {@code interface}: a device name or an IPv4 address.
     *
     * @param interfaceName e.g. {@code eth0} or {@code 10.0.0.5}.
     * @return this for a fluent API.
     */
    public KernelNicContext interfaceName(final String interfaceName)
    {
        this.interfaceName = interfaceName;
        return this;
    }

    /**
     * Socket receive buffer, {@code receive_buffer_bytes}.
     *
     * @return the size in bytes.
     */
    public int receiveBufferBytes()
    {
        return receiveBufferBytes;
    }

    /**
     * Socket receive buffer, {@code receive_buffer_bytes}: 4096..1073741824, capped by net.core.rmem_max.
     *
     * @param receiveBufferBytes size.
     * @return this for a fluent API.
     */
    public KernelNicContext receiveBufferBytes(final int receiveBufferBytes)
    {
        this.receiveBufferBytes = receiveBufferBytes;
        return this;
    }

    /**
     * Socket send buffer, {@code send_buffer_bytes}.
     *
     * @return the size in bytes.
     */
    public int sendBufferBytes()
    {
        return sendBufferBytes;
    }

    /**
     * Socket send buffer, {@code send_buffer_bytes}: 4096..1073741824, capped by net.core.wmem_max.
     *
     * @param sendBufferBytes size.
     * @return this for a fluent API.
     */
    public KernelNicContext sendBufferBytes(final int sendBufferBytes)
    {
        this.sendBufferBytes = sendBufferBytes;
        return this;
    }

    @Override
    void read(final ConfigReader.Table table)
    {
        table.string("interface", this::interfaceName);
        table.int32("receive_buffer_bytes", this::receiveBufferBytes);
        table.int32("send_buffer_bytes", this::sendBufferBytes);
    }

    @Override
    void validate(final Validator validator)
    {
        if (validator.required("interface", interfaceName) &&
            Endpoint.parseIpv4(interfaceName) < 0 && !NetworkNames.isInterfaceName(interfaceName))
        {
            validator.error("interface", interfaceName, "invalid interface (a device name or an IPv4 address)");
        }
        validator.range("receive_buffer_bytes", receiveBufferBytes, BUFFER_BYTES_MIN, BUFFER_BYTES_MAX);
        validator.range("send_buffer_bytes", sendBufferBytes, BUFFER_BYTES_MIN, BUFFER_BYTES_MAX);
    }
}
