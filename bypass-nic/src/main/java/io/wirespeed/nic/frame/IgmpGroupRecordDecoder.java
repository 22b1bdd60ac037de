package io.wirespeed.nic.frame;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Reads the group records of an IGMPv3 membership report one after another, checking each lies within the message.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |  Record type  | Aux data len  |     Number of sources (N)     |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                       Multicast address                       |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                    Source address [1] ... [N]                 |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |             Auxiliary data (aux data len x 4 bytes)           |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class IgmpGroupRecordDecoder
{
    /** Length of a record without sources or auxiliary data. */
    public static final int HEADER_LENGTH = 8;
    /** MODE_IS_INCLUDE. */
    public static final int MODE_IS_INCLUDE = 1;
    /** MODE_IS_EXCLUDE. */
    public static final int MODE_IS_EXCLUDE = 2;
    /** CHANGE_TO_INCLUDE_MODE: a leave when there are no sources. */
    public static final int CHANGE_TO_INCLUDE_MODE = 3;
    /** CHANGE_TO_EXCLUDE_MODE: a join when there are no sources. */
    public static final int CHANGE_TO_EXCLUDE_MODE = 4;
    /** ALLOW_NEW_SOURCES. */
    public static final int ALLOW_NEW_SOURCES = 5;
    /** BLOCK_OLD_SOURCES. */
    public static final int BLOCK_OLD_SOURCES = 6;

    static final int RECORD_TYPE_OFFSET = 0;
    static final int AUX_DATA_LENGTH_OFFSET = 1;
    static final int NUMBER_OF_SOURCES_OFFSET = 2;
    static final int MULTICAST_ADDRESS_OFFSET = 4;

    private DirectBuffer buffer;
    private int offset;
    private int end;
    private int remaining;

    boolean first(final DirectBuffer buffer, final int offset, final int end, final int count)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.end = end;
        this.remaining = count;
        return remaining > 0 && fits();
    }

    /**
     * Move to the next record.
     *
     * @return true when there is one and it lies within the message.
     */
    public boolean next()
    {
        if (remaining <= 1)
        {
            remaining = 0;
            return false;
        }
        offset += recordLength();
        remaining--;
        return fits();
    }

    /**
     * The record type.
     *
     * @return e.g. {@link #CHANGE_TO_EXCLUDE_MODE}.
     */
    public int recordType()
    {
        return buffer.getByte(offset + RECORD_TYPE_OFFSET) & 0xFF;
    }

    /**
     * The auxiliary data length.
     *
     * @return bytes of auxiliary data.
     */
    public int auxDataLength()
    {
        return (buffer.getByte(offset + AUX_DATA_LENGTH_OFFSET) & 0xFF) << 2;
    }

    /**
     * The number of source addresses.
     *
     * @return N.
     */
    public int numberOfSources()
    {
        return buffer.getShort(offset + NUMBER_OF_SOURCES_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * The group the record is about.
     *
     * @return the multicast address.
     */
    public int multicastAddress()
    {
        return buffer.getInt(offset + MULTICAST_ADDRESS_OFFSET, ByteOrder.BIG_ENDIAN);
    }

    /**
     * A source address.
     *
     * @param index 0 to {@link #numberOfSources()} - 1.
     * @return the source address.
     */
    public int sourceAddress(final int index)
    {
        if (index < 0 || index >= numberOfSources())
        {
            throw new IndexOutOfBoundsException("source " + index + " of " + numberOfSources());
        }
        return buffer.getInt(offset + HEADER_LENGTH + (index << 2), ByteOrder.BIG_ENDIAN);
    }

    /**
     * The record's length, sources and auxiliary data included.
     *
     * @return the length in bytes.
     */
    public int recordLength()
    {
        return HEADER_LENGTH + (numberOfSources() << 2) + auxDataLength();
    }

    private boolean fits()
    {
        if (end - offset < HEADER_LENGTH || end - offset < recordLength())
        {
            remaining = 0;
            return false;
        }
        return true;
    }
}
