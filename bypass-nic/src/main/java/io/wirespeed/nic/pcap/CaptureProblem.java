package io.wirespeed.nic.pcap;

import io.wirespeed.nic.NicCounter;

import java.nio.file.Path;

/**
 * What can be wrong inside a capture file while frames flow, each counted in its own {@link NicCounter}.
 */
public enum CaptureProblem
{
    /**
     * Fewer bytes than a record or block header are left; reading stops. Value: bytes left; limit: bytes needed.
     */
    TRUNCATED_HEADER(NicCounter.CAPTURE_TRUNCATED_HEADER, true)
    {
        String detail(final long value, final long limit)
        {
            return "record header truncated: " + value + " bytes left in the file, " + limit + " needed; reading stops";
        }
    },

    /**
     * A record or block runs past the end of the file; reading stops. Value: its length; limit: bytes left.
     */
    TRUNCATED_BODY(NicCounter.CAPTURE_TRUNCATED_BODY, true)
    {
        String detail(final long value, final long limit)
        {
            return "record of " + value + " bytes runs past the end of the file (" + limit + " bytes left); " +
                "reading stops";
        }
    },

    /**
     * A record's captured length exceeds the snaplen; it is skipped. Value: captured length; limit: snaplen.
     */
    LONGER_THAN_SNAPLEN(NicCounter.CAPTURE_RECORD_TOO_LONG, false)
    {
        String detail(final long value, final long limit)
        {
            return "captured length " + value + " exceeds the snaplen " + limit + "; record skipped";
        }
    },

    /**
     * A record or block is larger than the read buffer; it is skipped. Value: its length; limit: buffer size.
     */
    LARGER_THAN_BUFFER(NicCounter.CAPTURE_RECORD_TOO_LONG, false)
    {
        String detail(final long value, final long limit)
        {
            return "record of " + value + " bytes exceeds the " + limit + "-byte read buffer; record skipped";
        }
    },

    /**
     * A packet on an interface whose link type is neither Ethernet nor Linux cooked; it is skipped. Value: the link
     * type.
     */
    UNSUPPORTED_LINK_TYPE(NicCounter.CAPTURE_UNSUPPORTED_LINK_TYPE, false)
    {
        String detail(final long value, final long limit)
        {
            return "packet on link type " + value + " (" + PcapFormat.linkTypeName((int)value) + "); " +
                CaptureReader.SUPPORTED_LINK_TYPES + "; packet skipped";
        }
    },

    /**
     * A pcapng block length that is not a multiple of 4 or below the minimum; reading stops. Value: the length.
     */
    BAD_BLOCK_LENGTH(NicCounter.CAPTURE_BAD_BLOCK, true)
    {
        String detail(final long value, final long limit)
        {
            return "pcapng block length " + value + " is invalid (must be a multiple of 4 and at least " + limit +
                "); reading stops";
        }
    },

    /**
     * A pcapng block whose trailing length differs from its leading one; reading stops. Value: leading; limit:
     * trailing.
     */
    BLOCK_LENGTH_MISMATCH(NicCounter.CAPTURE_BAD_BLOCK, true)
    {
        String detail(final long value, final long limit)
        {
            return "pcapng block length " + value + " at its start but " + limit + " at its end; reading stops";
        }
    },

    /**
     * A packet block whose captured length does not fit in the block; it is skipped. Value: captured length;
     * limit: room in the block.
     */
    PACKET_EXCEEDS_BLOCK(NicCounter.CAPTURE_BAD_BLOCK, false)
    {
        String detail(final long value, final long limit)
        {
            return "pcapng packet block's captured length " + value + " does not fit the " + limit +
                " bytes of its block; block skipped";
        }
    },

    /**
     * A section header in the middle of the file with a bad byte-order magic or version; reading stops.
     * Value: the magic or major version read.
     */
    BAD_SECTION_HEADER(NicCounter.CAPTURE_BAD_BLOCK, true)
    {
        String detail(final long value, final long limit)
        {
            return "pcapng section header with byte-order magic or major version 0x" + Long.toHexString(value) +
                " is not a supported section (magic 1a2b3c4d, version 1); reading stops";
        }
    },

    /**
     * A packet block names an interface the section has not described; it is skipped. Value: the interface id;
     * limit: interfaces described.
     */
    UNKNOWN_INTERFACE(NicCounter.CAPTURE_UNKNOWN_INTERFACE, false)
    {
        String detail(final long value, final long limit)
        {
            return "packet names interface " + value + " but the section describes " + limit +
                " interfaces; packet skipped";
        }
    },

    /**
     * Reading the file failed; reading stops.
     */
    READ_FAILED(NicCounter.CAPTURE_IO_ERROR, true)
    {
        String detail(final long value, final long limit)
        {
            return "read failed; reading stops";
        }
    },

    /**
     * Writing the file failed; the buffered frames are dropped. Value: bytes dropped.
     */
    WRITE_FAILED(NicCounter.CAPTURE_IO_ERROR, false)
    {
        String detail(final long value, final long limit)
        {
            return "write failed; " + value + " buffered bytes dropped";
        }
    };

    private final NicCounter counter;
    private final boolean endsReading;

    CaptureProblem(final NicCounter counter, final boolean endsReading)
    {
        this.counter = counter;
        this.endsReading = endsReading;
    }

    /**
     * The finer counter this problem increments, besides {@link NicCounter#CAPTURE_ERRORS}.
     *
     * @return the finer counter.
     */
    public NicCounter counter()
    {
        return counter;
    }

    /**
     * Whether the reader stops at this problem, since nothing after it can be trusted.
     *
     * @return true when the reader stops at this problem.
     */
    public boolean endsReading()
    {
        return endsReading;
    }

    /**
     * A message for people: file, offset and what is wrong. Allocates; call it off the hot path.
     *
     * @param file       the capture.
     * @param fileOffset of the record or block at fault.
     * @param value      the problem's value, as documented per constant.
     * @param limit      the problem's limit, as documented per constant.
     * @return the message.
     */
    public String describe(final Path file, final long fileOffset, final long value, final long limit)
    {
        return file + ": file offset " + fileOffset + ": " + detail(value, limit);
    }

    abstract String detail(long value, long limit);
}
