package io.wirespeed.nic.frame;

import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

import static io.wirespeed.nic.frame.ArpDecoder.HARDWARE_LENGTH_OFFSET;
import static io.wirespeed.nic.frame.ArpDecoder.HARDWARE_TYPE_ETHERNET;
import static io.wirespeed.nic.frame.ArpDecoder.HARDWARE_TYPE_OFFSET;
import static io.wirespeed.nic.frame.ArpDecoder.OPERATION_OFFSET;
import static io.wirespeed.nic.frame.ArpDecoder.PROTOCOL_LENGTH_OFFSET;
import static io.wirespeed.nic.frame.ArpDecoder.PROTOCOL_TYPE_OFFSET;
import static io.wirespeed.nic.frame.ArpDecoder.SENDER_IP_OFFSET;
import static io.wirespeed.nic.frame.ArpDecoder.SENDER_MAC_OFFSET;
import static io.wirespeed.nic.frame.ArpDecoder.TARGET_IP_OFFSET;
import static io.wirespeed.nic.frame.ArpDecoder.TARGET_MAC_OFFSET;

/**
 * Writes an IPv4-over-Ethernet ARP request or reply in place; layout in {@link ArpDecoder}.
 */
public final class ArpEncoder
{
    private MutableDirectBuffer buffer;
    private int offset;

    /**
     * Point at where the packet goes and write the fixed IPv4-over-Ethernet fields.
     *
     * @param buffer to write into.
     * @param offset of the packet's first byte.
     * @return this for a fluent API.
     */
    public ArpEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.offset = offset;
        buffer.putShort(offset + HARDWARE_TYPE_OFFSET, (short)HARDWARE_TYPE_ETHERNET, ByteOrder.BIG_ENDIAN);
        buffer.putShort(offset + PROTOCOL_TYPE_OFFSET, (short)EthernetDecoder.ETHER_TYPE_IPV4, ByteOrder.BIG_ENDIAN);
        buffer.putByte(offset + HARDWARE_LENGTH_OFFSET, (byte)MacAddress.LENGTH);
        buffer.putByte(offset + PROTOCOL_LENGTH_OFFSET, (byte)4);
        return this;
    }

    /**
     * Write a request: who has {@code targetIp}? Tell {@code senderIp}.
     *
     * @param senderMac the asker's hardware address.
     * @param senderIp  the asker's IPv4 address.
     * @param targetIp  the address asked about.
     * @return the packet length.
     */
    public int request(final long senderMac, final int senderIp, final int targetIp)
    {
        return operation(ArpDecoder.OPERATION_REQUEST).sender(senderMac, senderIp).target(0, targetIp);
    }

    /**
     * Write a reply: {@code senderIp} is at {@code senderMac}.
     *
     * @param senderMac the answerer's hardware address.
     * @param senderIp  the answerer's IPv4 address.
     * @param targetMac the asker's hardware address.
     * @param targetIp  the asker's IPv4 address.
     * @return the packet length.
     */
    public int reply(final long senderMac, final int senderIp, final long targetMac, final int targetIp)
    {
        return operation(ArpDecoder.OPERATION_REPLY).sender(senderMac, senderIp).target(targetMac, targetIp);
    }

    /**
     * Write the operation.
     *
     * @param operation {@link ArpDecoder#OPERATION_REQUEST} or {@link ArpDecoder#OPERATION_REPLY}.
     * @return this for a fluent API.
     */
    public ArpEncoder operation(final int operation)
    {
        buffer.putShort(offset + OPERATION_OFFSET, (short)operation, ByteOrder.BIG_ENDIAN);
        return this;
    }

    /**
     * Write the sender's addresses.
     *
     * @param mac hardware address.
     * @param ip  IPv4 address.
     * @return this for a fluent API.
     */
    public ArpEncoder sender(final long mac, final int ip)
    {
        MacAddress.put(buffer, offset + SENDER_MAC_OFFSET, mac);
        buffer.putInt(offset + SENDER_IP_OFFSET, ip, ByteOrder.BIG_ENDIAN);
        return this;
    }

    /**
     * Write the target's addresses.
     *
     * @param mac hardware address, zero in a request.
     * @param ip  IPv4 address.
     * @return the packet length.
     */
    public int target(final long mac, final int ip)
    {
        MacAddress.put(buffer, offset + TARGET_MAC_OFFSET, mac);
        buffer.putInt(offset + TARGET_IP_OFFSET, ip, ByteOrder.BIG_ENDIAN);
        return ArpDecoder.LENGTH;
    }
}
