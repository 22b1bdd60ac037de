package io.wirespeed.nic.pcap;

/**
 * Tuning of a {@link PcapNicPort} beyond what the config file sets: buffer sizes, snaplen, rx timestamps and an
 * error handler; the defaults suit replay and capture of market data.
 */
public final class PcapPortOptions
{
    /** Default read buffer: one read call per 4 MiB of capture. */
    public static final int READ_BUFFER_BYTES_DEFAULT = 4 * 1024 * 1024;
    /** Default write buffer: one write call per 1 MiB of capture. */
    public static final int WRITE_BUFFER_BYTES_DEFAULT = 1024 * 1024;
    /** Default snaplen of written captures, and the largest frame the TX queue takes. */
    public static final int SNAPLEN_DEFAULT = 65_535;
    /** Smallest read buffer: one pcapng section header with room to spare. */
    public static final int MIN_READ_BUFFER_BYTES = 64;

    private int readBufferBytes = READ_BUFFER_BYTES_DEFAULT;
    private int writeBufferBytes = WRITE_BUFFER_BYTES_DEFAULT;
    private int snaplen = SNAPLEN_DEFAULT;
    private PcapRxTimestamps rxTimestamps = PcapRxTimestamps.RECORDED;
    private CaptureErrorHandler errorHandler;

    /**
     * Size of the read buffer; a record or block larger than it is skipped and counted.
     *
     * @return bytes.
     */
    public int readBufferBytes()
    {
        return readBufferBytes;
    }

    /**
     * Size of the read buffer; a record or block larger than it is skipped and counted.
     *
     * @param readBufferBytes at least {@link #MIN_READ_BUFFER_BYTES}.
     * @return this for a fluent API.
     */
    public PcapPortOptions readBufferBytes(final int readBufferBytes)
    {
        this.readBufferBytes = readBufferBytes;
        return this;
    }

    /**
     * Size of the write buffer, written to the file each time it fills.
     *
     * @return bytes.
     */
    public int writeBufferBytes()
    {
        return writeBufferBytes;
    }

    /**
     * Size of the write buffer, written to the file each time it fills.
     *
     * @param writeBufferBytes at least a record header plus the snaplen; a burst of up to half of it always fits.
     * @return this for a fluent API.
     */
    public PcapPortOptions writeBufferBytes(final int writeBufferBytes)
    {
        this.writeBufferBytes = writeBufferBytes;
        return this;
    }

    /**
     * Snaplen written in the capture's header, and the largest frame the TX queue takes.
     *
     * @return bytes.
     */
    public int snaplen()
    {
        return snaplen;
    }

    /**
     * Snaplen written in the capture's header, and the largest frame the TX queue takes.
     *
     * @param snaplen from 1 to {@link PcapFormat#MAX_SNAPLEN}.
     * @return this for a fluent API.
     */
    public PcapPortOptions snaplen(final int snaplen)
    {
        this.snaplen = snaplen;
        return this;
    }

    /**
     * The rx timestamp handed to frame handlers.
     *
     * @return the rx timestamp handed to frame handlers.
     */
    public PcapRxTimestamps rxTimestamps()
    {
        return rxTimestamps;
    }

    /**
     * The rx timestamp handed to frame handlers.
     *
     * @param rxTimestamps recorded (default) or replay.
     * @return this for a fluent API.
     */
    public PcapPortOptions rxTimestamps(final PcapRxTimestamps rxTimestamps)
    {
        this.rxTimestamps = rxTimestamps;
        return this;
    }

    /**
     * Told of each problem in a capture file, besides the counters.
     *
     * @return the handler, or null.
     */
    public CaptureErrorHandler errorHandler()
    {
        return errorHandler;
    }

    /**
     * Told of each problem in a capture file, besides the counters.
     *
     * @param errorHandler the handler, or null for none.
     * @return this for a fluent API.
     */
    public PcapPortOptions errorHandler(final CaptureErrorHandler errorHandler)
    {
        this.errorHandler = errorHandler;
        return this;
    }

    /**
     * Check the options agree with each other.
     *
     * @throws IllegalArgumentException naming the option and the reason.
     */
    public void validate()
    {
        if (readBufferBytes < MIN_READ_BUFFER_BYTES)
        {
            throw new IllegalArgumentException(
                "readBufferBytes " + readBufferBytes + " is below the minimum " + MIN_READ_BUFFER_BYTES);
        }
        if (snaplen < 1 || snaplen > PcapFormat.MAX_SNAPLEN)
        {
            throw new IllegalArgumentException(
                "snaplen " + snaplen + " is outside 1.." + PcapFormat.MAX_SNAPLEN);
        }
        final long minWriteBuffer = (long)PcapFormat.RECORD_HEADER_LENGTH + snaplen;
        if (writeBufferBytes < minWriteBuffer)
        {
            throw new IllegalArgumentException("writeBufferBytes " + writeBufferBytes + " is below " +
                minWriteBuffer + ", one record of snaplen " + snaplen);
        }
        if (null == rxTimestamps)
        {
            throw new IllegalArgumentException("rxTimestamps is required");
        }
    }
}
