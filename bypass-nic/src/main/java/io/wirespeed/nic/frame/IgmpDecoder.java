package io.wirespeed.nic.frame;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Reads an IGMP message in place: the 8-byte IGMPv1/v2 form (RFC 2236) and the IGMPv3 membership report
 * (RFC 3376), whose group records are walked with an {@link IgmpGroupRecordDecoder}.
 * <pre>
 *   IGMPv2 query, report, leave
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |      Type     | Max resp time |           Checksum            |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                         Group address                         |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 *   IGMPv3 membership report
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |  Type = 0x22  |    Reserved   |           Checksum            |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |           Reserved            |  Number of group records (M)  |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                  Group record [1] ... [M]                     |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * The checksum covers the whole IGMP message, whose length is the IP payload length.
 */
public final class IgmpDecoder
{
    /** Length of an IGMPv1/v2 message, and of an IGMPv3 report's header. */
    public static final int HEADER_LENGTH = 8;
    /** Membership query (any version). */
    public static final int TYPE_MEMBERSHIP_QUERY = 0x11;
    /** IGMPv1 membership report. */
    public static final int TYPE_V1_MEMBERSHIP_REPORT = 0x12;
    /** IGMPv2 membership report. */
    public static final int TYPE_V2_MEMBERSHIP_REPORT = 0x16;
    /** IGMPv2 leave group. */
    public static final int TYPE_V2_LEAVE_GROUP = 0x17;
    /** IGMPv3 membership report. */
    public static final int TYPE_V3_MEMBERSHIP_REPORT = 0x22;

    static final int TYPE_OFFSET = 0;
    static final int MAX_RESPONSE_TIME_OFFSET = 1;
    static final int CHECKSUM_OFFSET = 2;
    static final int GROUP_ADDRESS_OFFSET = 4;
    static final int NUMBER_OF_GROUP_RECORDS_OFFSET = 6;

    private DirectBuffer buffer;
    private int offset;
    private int length;

    /**
     * Point at an IGMP message.
     *
     * @param buffer holding it.
     * @param offset of its first byte.
     * @param length of the message: the IP payload length, within the frame.
     * @return true when the 8-byte header lies within {@code length}.
     */
    public boolean wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        return length >= HEADER_LENGTH;
    }

    /**
     * The message type.
     *
     * @return e.g. {@link #TYPE_V2_MEMBERSHIP_REPORT}.
     */
    public int type()
    {
        return buffer.getByte(offset + TYPE_OFFSET) & 0xFF;
    }

    /**
     * The maximum response time of a query, in tenths of a second (v2 encoding).
     *
     * @return the raw byte.
     */
    public int maxResponseTime()
    {
        return buffer.getByte(offset + MAX_RESPONSE_TIME_OFFSET) & 0xFF;
    }

    /**
     * The checksum field.
     *
     * @return the checksum as written.
     */
    public int checksum()
    {
        return buffer.getShort(offset + CHECKSUM_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * The group address of a v1/v2 message or query.
     *
     * @return the group address.
     */
    public int groupAddress()
    {
        return buffer.getInt(offset + GROUP_ADDRESS_OFFSET, ByteOrder.BIG_ENDIAN);
    }

    /**
     * The number of group records of an IGMPv3 report.
     *
     * @return M.
     */
    public int numberOfGroupRecords()
    {
        return buffer.getShort(offset + NUMBER_OF_GROUP_RECORDS_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * Whether the checksum over the whole message is correct.
     *
     * @return true when the message sums to 0xFFFF.
     */
    public boolean isChecksumValid()
    {
        return length >= HEADER_LENGTH &&
            InternetChecksum.fold(InternetChecksum.add(0, buffer, offset, length)) == InternetChecksum.VALID_SUM;
    }

    /**
     * Point a record decoder at the first group record of an IGMPv3 report.
     * <pre>
     *   for (boolean more = igmp.firstGroupRecord(record); more; more = record.next()) { ... }
     * </pre>
     *
     * @param record to point.
     * @return true when this is a v3 report with at least one record that lies within the message.
     */
    public boolean firstGroupRecord(final IgmpGroupRecordDecoder record)
    {
        if (type() != TYPE_V3_MEMBERSHIP_REPORT)
        {
            return false;
        }
        return record.first(buffer, offset + HEADER_LENGTH, offset + length, numberOfGroupRecords());
    }
}
