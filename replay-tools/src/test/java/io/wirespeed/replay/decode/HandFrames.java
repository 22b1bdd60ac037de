package io.wirespeed.replay.decode;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Frames written byte by byte from the RFCs (Ethernet II, 802.1Q/802.1ad tags, IPv4 RFC 791, UDP RFC 768, TCP RFC
 * 9293), for the cases capture tools do not make on their own: VLAN tags, fragments, options, bad lengths. The IPv4
 * header checksum is computed here, RFC 1071, independently of the code under test; UDP checksums are left 0.
 */
final class HandFrames
{
    static final int SOURCE = 0xC612_0001;
    static final int GROUP = 0xEF01_0203;

    private HandFrames()
    {
    }

    /**
     * An Ethernet frame with the given 16-bit tag protocol ids (each followed by a TCI of that VLAN id), then IPv4.
     */
    static byte[] ethernet(final int[] tpids, final int[] vlanIds, final byte[] ipv4)
    {
        final ByteBuffer frame = ByteBuffer.allocate(14 + 4 * tpids.length + ipv4.length);
        frame.put(new byte[] {0x01, 0x00, 0x5E, 0x01, 0x02, 0x03, 0x02, 0x00, 0x00, 0x00, 0x00, 0x01});
        for (int i = 0; i < tpids.length; i++)
        {
            frame.putShort((short)tpids[i]).putShort((short)vlanIds[i]);
        }
        frame.putShort((short)0x0800).put(ipv4);
        return frame.array();
    }

    /**
     * An IPv4 packet: options (a multiple of 4 bytes), flags and fragment offset as given, correct header checksum.
     */
    static byte[] ipv4(final int protocol, final int flagsAndOffset, final byte[] options, final byte[] payload)
    {
        final int headerLength = 20 + options.length;
        final ByteBuffer packet = ByteBuffer.allocate(headerLength + payload.length);
        packet.put((byte)(0x40 | headerLength / 4)).put((byte)0).putShort((short)(headerLength + payload.length))
            .putShort((short)0x1234).putShort((short)flagsAndOffset).put((byte)64).put((byte)protocol)
            .putShort((short)0).putInt(SOURCE).putInt(GROUP).put(options);
        final byte[] bytes = packet.put(payload).array();
        final int checksum = checksum(Arrays.copyOf(bytes, headerLength));
        bytes[10] = (byte)(checksum >>> 8);
        bytes[11] = (byte)checksum;
        return bytes;
    }

    /**
     * A UDP datagram with checksum 0 (none) and the given length field.
     */
    static byte[] udp(final int sourcePort, final int destinationPort, final int lengthField, final byte[] payload)
    {
        return ByteBuffer.allocate(8 + payload.length).putShort((short)sourcePort).putShort((short)destinationPort)
            .putShort((short)lengthField).putShort((short)0).put(payload).array();
    }

    static byte[] udp(final int sourcePort, final int destinationPort, final byte[] payload)
    {
        return udp(sourcePort, destinationPort, 8 + payload.length, payload);
    }

    /**
     * A TCP segment header of 20 bytes with the given data offset field (in 32-bit words), ACK set, then payload.
     */
    static byte[] tcp(final int sourcePort, final int destinationPort, final int dataOffsetWords, final byte[] payload)
    {
        return ByteBuffer.allocate(20 + payload.length).putShort((short)sourcePort).putShort((short)destinationPort)
            .putInt(1).putInt(0).put((byte)(dataOffsetWords << 4)).put((byte)0x10).putShort((short)65_535)
            .putShort((short)0).putShort((short)0).put(payload).array();
    }

    private static int checksum(final byte[] header)
    {
        long sum = 0;
        for (int i = 0; i < header.length; i += 2)
        {
            sum += ((header[i] & 0xFF) << 8) | (header[i + 1] & 0xFF);
        }
        while ((sum >>> 16) != 0)
        {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int)(~sum & 0xFFFF);
    }
}
