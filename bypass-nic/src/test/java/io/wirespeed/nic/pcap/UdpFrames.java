package io.wirespeed.nic.pcap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Builds Ethernet II + IPv4 + UDP frames byte by byte, with a correct IPv4 header checksum, for tests.
 * <pre>
 *   0      6      12   14          34        42
 *   +------+------+----+-----------+---------+-----------+
 *   | dst  | src  |type| IPv4 (20) | UDP (8) | payload   |
 *   +------+------+----+-----------+---------+-----------+
 * </pre>
 */
final class UdpFrames
{
    static final int HEADERS_LENGTH = 14 + 20 + 8;

    private UdpFrames()
    {
    }

    static byte[] frame(final int sourcePort, final int destinationPort, final byte[] payload)
    {
        final ByteBuffer frame = ByteBuffer.allocate(HEADERS_LENGTH + payload.length).order(ByteOrder.BIG_ENDIAN);
        frame.put(new byte[]{0x01, 0x00, 0x5E, 0x01, 0x02, 0x03});
        frame.put(new byte[]{0x02, 0x00, 0x00, 0x00, 0x00, 0x01});
        frame.putShort((short)0x0800);

        final int ipStart = frame.position();
        frame.put((byte)0x45).put((byte)0).putShort((short)(20 + 8 + payload.length));
        frame.putShort((short)1).putShort((short)0x4000);
        frame.put((byte)64).put((byte)17).putShort((short)0);
        frame.put(new byte[]{(byte)198, 18, 0, 1});
        frame.put(new byte[]{(byte)239, 1, 2, 3});
        frame.putShort(ipStart + 10, ipv4Checksum(frame.array(), ipStart));

        frame.putShort((short)sourcePort).putShort((short)destinationPort).putShort((short)(8 + payload.length));
        frame.putShort((short)0);
        frame.put(payload);
        return frame.array();
    }

    static short ipv4Checksum(final byte[] bytes, final int offset)
    {
        int sum = 0;
        for (int i = 0; i < 20; i += 2)
        {
            sum += ((bytes[offset + i] & 0xFF) << 8) | (bytes[offset + i + 1] & 0xFF);
        }
        while (0 != (sum >>> 16))
        {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (short)~sum;
    }

    static byte[] payload(final int index)
    {
        final byte[] payload = new byte[1 + (index * 7) % 200];
        for (int i = 0; i < payload.length; i++)
        {
            payload[i] = (byte)(index * 31 + i);
        }
        return payload;
    }
}
