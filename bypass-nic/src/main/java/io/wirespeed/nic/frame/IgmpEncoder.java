package io.wirespeed.nic.frame;

import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

import static io.wirespeed.nic.frame.IgmpDecoder.CHECKSUM_OFFSET;
import static io.wirespeed.nic.frame.IgmpDecoder.GROUP_ADDRESS_OFFSET;
import static io.wirespeed.nic.frame.IgmpDecoder.HEADER_LENGTH;
import static io.wirespeed.nic.frame.IgmpDecoder.MAX_RESPONSE_TIME_OFFSET;
import static io.wirespeed.nic.frame.IgmpDecoder.NUMBER_OF_GROUP_RECORDS_OFFSET;
import static io.wirespeed.nic.frame.IgmpDecoder.TYPE_OFFSET;
import static io.wirespeed.nic.frame.IgmpGroupRecordDecoder.AUX_DATA_LENGTH_OFFSET;
import static io.wirespeed.nic.frame.IgmpGroupRecordDecoder.MULTICAST_ADDRESS_OFFSET;
import static io.wirespeed.nic.frame.IgmpGroupRecordDecoder.NUMBER_OF_SOURCES_OFFSET;
import static io.wirespeed.nic.frame.IgmpGroupRecordDecoder.RECORD_TYPE_OFFSET;

/**
 * Writes IGMPv2 membership reports and leaves, and IGMPv3 membership reports record by record; layouts in
 * {@link IgmpDecoder} and {@link IgmpGroupRecordDecoder}. Send v2 reports to the group, v2 leaves to
 * {@link Ipv4Address#ALL_ROUTERS}, v3 reports to {@link Ipv4Address#IGMPV3_ROUTERS}, with TTL 1 and Router Alert.
 */
public final class IgmpEncoder
{
    private MutableDirectBuffer buffer;
    private int offset;
    private int length;
    private int recordCount;

    /**
     * Point at where the message goes.
     *
     * @param buffer to write into.
     * @param offset of the message's first byte.
     * @return this for a fluent API.
     */
    public IgmpEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.length = 0;
        this.recordCount = 0;
        return this;
    }

    /**
     * Write an IGMPv2 membership report, checksum included.
     *
     * @param group joined.
     * @return the message length.
     */
    public int v2Report(final int group)
    {
        return v2Message(IgmpDecoder.TYPE_V2_MEMBERSHIP_REPORT, group);
    }

    /**
     * Write an IGMPv2 leave group, checksum included.
     *
     * @param group left.
     * @return the message length.
     */
    public int v2Leave(final int group)
    {
        return v2Message(IgmpDecoder.TYPE_V2_LEAVE_GROUP, group);
    }

    /**
     * Start an IGMPv3 membership report with no records yet.
     *
     * @return this for a fluent API.
     */
    public IgmpEncoder v3Report()
    {
        buffer.putByte(offset + TYPE_OFFSET, (byte)IgmpDecoder.TYPE_V3_MEMBERSHIP_REPORT);
        buffer.putByte(offset + MAX_RESPONSE_TIME_OFFSET, (byte)0);
        buffer.putInt(offset + GROUP_ADDRESS_OFFSET, 0, ByteOrder.BIG_ENDIAN);
        length = HEADER_LENGTH;
        recordCount = 0;
        return this;
    }

    /**
     * Append a group record without auxiliary data to the report started by {@link #v3Report()}.
     *
     * @param recordType  e.g. {@link IgmpGroupRecordDecoder#CHANGE_TO_EXCLUDE_MODE} to join.
     * @param group       the multicast address.
     * @param sources     source addresses, the first {@code sourceCount} are written.
     * @param sourceCount how many sources.
     * @return this for a fluent API.
     */
    public IgmpEncoder groupRecord(final int recordType, final int group, final int[] sources, final int sourceCount)
    {
        final int at = offset + length;
        buffer.putByte(at + RECORD_TYPE_OFFSET, (byte)recordType);
        buffer.putByte(at + AUX_DATA_LENGTH_OFFSET, (byte)0);
        buffer.putShort(at + NUMBER_OF_SOURCES_OFFSET, (short)sourceCount, ByteOrder.BIG_ENDIAN);
        buffer.putInt(at + MULTICAST_ADDRESS_OFFSET, group, ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < sourceCount; i++)
        {
            buffer.putInt(at + IgmpGroupRecordDecoder.HEADER_LENGTH + (i << 2), sources[i], ByteOrder.BIG_ENDIAN);
        }
        length += IgmpGroupRecordDecoder.HEADER_LENGTH + (sourceCount << 2);
        recordCount++;
        return this;
    }

    /**
     * Write the record count and checksum of the v3 report.
     *
     * @return the message length.
     */
    public int finishV3Report()
    {
        buffer.putShort(offset + NUMBER_OF_GROUP_RECORDS_OFFSET, (short)recordCount, ByteOrder.BIG_ENDIAN);
        return updateChecksum();
    }

    private int v2Message(final int type, final int group)
    {
        buffer.putByte(offset + TYPE_OFFSET, (byte)type);
        buffer.putByte(offset + MAX_RESPONSE_TIME_OFFSET, (byte)0);
        buffer.putInt(offset + GROUP_ADDRESS_OFFSET, group, ByteOrder.BIG_ENDIAN);
        length = HEADER_LENGTH;
        return updateChecksum();
    }

    private int updateChecksum()
    {
        buffer.putShort(offset + CHECKSUM_OFFSET, (short)0, ByteOrder.BIG_ENDIAN);
        buffer.putShort(offset + CHECKSUM_OFFSET, (short)InternetChecksum.compute(buffer, offset, length),
            ByteOrder.BIG_ENDIAN);
        return length;
    }
}
