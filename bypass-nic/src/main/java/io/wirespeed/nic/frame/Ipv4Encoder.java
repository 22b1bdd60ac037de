package io.wirespeed.nic.frame;

import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

import static io.wirespeed.nic.frame.Ipv4Decoder.CHECKSUM_OFFSET;
import static io.wirespeed.nic.frame.Ipv4Decoder.DESTINATION_OFFSET;
import static io.wirespeed.nic.frame.Ipv4Decoder.FLAGS_FRAGMENT_OFFSET;
import static io.wirespeed.nic.frame.Ipv4Decoder.FLAG_DONT_FRAGMENT;
import static io.wirespeed.nic.frame.Ipv4Decoder.FLAG_MORE_FRAGMENTS;
import static io.wirespeed.nic.frame.Ipv4Decoder.FRAGMENT_OFFSET_MASK;
import static io.wirespeed.nic.frame.Ipv4Decoder.IDENTIFICATION_OFFSET;
import static io.wirespeed.nic.frame.Ipv4Decoder.MIN_HEADER_LENGTH;
import static io.wirespeed.nic.frame.Ipv4Decoder.PROTOCOL_OFFSET;
import static io.wirespeed.nic.frame.Ipv4Decoder.SOURCE_OFFSET;
import static io.wirespeed.nic.frame.Ipv4Decoder.TOS_OFFSET;
import static io.wirespeed.nic.frame.Ipv4Decoder.TOTAL_LENGTH_OFFSET;
import static io.wirespeed.nic.frame.Ipv4Decoder.TTL_OFFSET;
import static io.wirespeed.nic.frame.Ipv4Decoder.VERSION_IHL_OFFSET;

/**
 * Writes an IPv4 header in place, without options or with only Router Alert (as IGMP wants); layout in
 * {@link Ipv4Decoder}. Write every field, then {@link #updateChecksum()}.
 */
public final class Ipv4Encoder
{
    /** Header length with the 4-byte Router Alert option (RFC 2113). */
    public static final int ROUTER_ALERT_HEADER_LENGTH = MIN_HEADER_LENGTH + 4;

    private static final int ROUTER_ALERT_OPTION = 0x9404_0000;

    private MutableDirectBuffer buffer;
    private int offset;
    private int headerLength;

    /**
     * Point at where a 20-byte header goes; writes version and IHL and clears flags and fragment offset.
     *
     * @param buffer to write into.
     * @param offset of the header's first byte.
     * @return this for a fluent API.
     */
    public Ipv4Encoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        return wrap(buffer, offset, MIN_HEADER_LENGTH);
    }

    /**
     * Point at where a 24-byte header with the Router Alert option goes.
     *
     * @param buffer to write into.
     * @param offset of the header's first byte.
     * @return this for a fluent API.
     */
    public Ipv4Encoder wrapWithRouterAlert(final MutableDirectBuffer buffer, final int offset)
    {
        wrap(buffer, offset, ROUTER_ALERT_HEADER_LENGTH);
        buffer.putInt(offset + MIN_HEADER_LENGTH, ROUTER_ALERT_OPTION, ByteOrder.BIG_ENDIAN);
        return this;
    }

    private Ipv4Encoder wrap(final MutableDirectBuffer buffer, final int offset, final int headerLength)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.headerLength = headerLength;
        buffer.putByte(offset + VERSION_IHL_OFFSET, (byte)(0x40 | (headerLength >>> 2)));
        buffer.putByte(offset + TOS_OFFSET, (byte)0);
        buffer.putShort(offset + FLAGS_FRAGMENT_OFFSET, (short)0, ByteOrder.BIG_ENDIAN);
        return this;
    }

    /**
     * Write the DSCP/ECN byte.
     *
     * @param tos the byte.
     * @return this for a fluent API.
     */
    public Ipv4Encoder tos(final int tos)
    {
        buffer.putByte(offset + TOS_OFFSET, (byte)tos);
        return this;
    }

    /**
     * Write the total length.
     *
     * @param totalLength header and payload, in bytes.
     * @return this for a fluent API.
     */
    public Ipv4Encoder totalLength(final int totalLength)
    {
        buffer.putShort(offset + TOTAL_LENGTH_OFFSET, (short)totalLength, ByteOrder.BIG_ENDIAN);
        return this;
    }

    /**
     * Write the total length from the payload length.
     *
     * @param payloadLength bytes after the header.
     * @return this for a fluent API.
     */
    public Ipv4Encoder payloadLength(final int payloadLength)
    {
        return totalLength(headerLength + payloadLength);
    }

    /**
     * Write the identification.
     *
     * @param identification 16 bits.
     * @return this for a fluent API.
     */
    public Ipv4Encoder identification(final int identification)
    {
        buffer.putShort(offset + IDENTIFICATION_OFFSET, (short)identification, ByteOrder.BIG_ENDIAN);
        return this;
    }

    /**
     * Write the flags and fragment offset of an unfragmented datagram.
     *
     * @param dontFragment whether to set DF.
     * @return this for a fluent API.
     */
    public Ipv4Encoder dontFragment(final boolean dontFragment)
    {
        buffer.putShort(
            offset + FLAGS_FRAGMENT_OFFSET, (short)(dontFragment ? FLAG_DONT_FRAGMENT : 0), ByteOrder.BIG_ENDIAN);
        return this;
    }

    /**
     * Write the flags and offset of a fragment.
     *
     * @param moreFragments      whether to set MF.
     * @param fragmentOffsetBytes the fragment's offset, a multiple of 8.
     * @return this for a fluent API.
     */
    public Ipv4Encoder fragment(final boolean moreFragments, final int fragmentOffsetBytes)
    {
        final int value =
            (moreFragments ? FLAG_MORE_FRAGMENTS : 0) | ((fragmentOffsetBytes >>> 3) & FRAGMENT_OFFSET_MASK);
        buffer.putShort(offset + FLAGS_FRAGMENT_OFFSET, (short)value, ByteOrder.BIG_ENDIAN);
        return this;
    }

    /**
     * Write the time to live.
     *
     * @param ttl 0..255.
     * @return this for a fluent API.
     */
    public Ipv4Encoder ttl(final int ttl)
    {
        buffer.putByte(offset + TTL_OFFSET, (byte)ttl);
        return this;
    }

    /**
     * Write the protocol.
     *
     * @param protocol e.g. {@link Ipv4Decoder#PROTOCOL_UDP}.
     * @return this for a fluent API.
     */
    public Ipv4Encoder protocol(final int protocol)
    {
        buffer.putByte(offset + PROTOCOL_OFFSET, (byte)protocol);
        return this;
    }

    /**
     * Write the source address.
     *
     * @param address IPv4 address.
     * @return this for a fluent API.
     */
    public Ipv4Encoder source(final int address)
    {
        buffer.putInt(offset + SOURCE_OFFSET, address, ByteOrder.BIG_ENDIAN);
        return this;
    }

    /**
     * Write the destination address.
     *
     * @param address IPv4 address.
     * @return this for a fluent API.
     */
    public Ipv4Encoder destination(final int address)
    {
        buffer.putInt(offset + DESTINATION_OFFSET, address, ByteOrder.BIG_ENDIAN);
        return this;
    }

    /**
     * Compute and write the header checksum over the header as it stands.
     *
     * @return the checksum written.
     */
    public int updateChecksum()
    {
        buffer.putShort(offset + CHECKSUM_OFFSET, (short)0, ByteOrder.BIG_ENDIAN);
        final int checksum = InternetChecksum.compute(buffer, offset, headerLength);
        buffer.putShort(offset + CHECKSUM_OFFSET, (short)checksum, ByteOrder.BIG_ENDIAN);
        return checksum;
    }

    /**
     * The header length, options included.
     *
     * @return 20 or 24.
     */
    public int headerLength()
    {
        return headerLength;
    }

    /**
     * Where the payload starts in the buffer.
     *
     * @return the payload's offset in the buffer.
     */
    public int payloadOffset()
    {
        return offset + headerLength;
    }
}
