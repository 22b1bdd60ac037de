package io.wirespeed.deploy;

import io.wirespeed.nic.pcap.ExternalTool;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The UDP packets of a capture as tshark lists them (frame number, recorded time, destination port, payload), with
 * the MDP 3.0 fields a test needs read from the payload at the offsets CME's schema gives, not through our decoders.
 * <pre>
 *   binary packet header: MsgSeqNum uint32 @0 | SendingTime uint64 @4
 *   each message:         MsgSize uint16 | blockLength uint16 | templateId uint16 | schemaId uint16 | version uint16
 *                         | root block (SnapshotFullRefresh52: LastMsgSeqNumProcessed uint32 @0)
 * </pre>
 * All little-endian.
 */
final class CapturedMdp3
{
    static final int SNAPSHOT_FULL_REFRESH_52 = 52;
    private static final int PACKET_HEADER_LENGTH = 12;
    private static final int MESSAGE_HEADER_LENGTH = 2 + 8;

    /**
     * One UDP packet of the capture.
     *
     * @param frame      its frame number in the file, from 1.
     * @param epochNs    its recorded time.
     * @param port       its destination UDP port.
     * @param payload    its UDP payload.
     */
    record Packet(int frame, long epochNs, int port, byte[] payload)
    {
        long msgSeqNum()
        {
            return le(payload).getInt(0) & 0xFFFF_FFFFL;
        }

        /**
         * The highest LastMsgSeqNumProcessed of the SnapshotFullRefresh52 messages in the packet.
         *
         * @return it, or -1 when the packet holds none.
         */
        long lastMsgSeqNumProcessed()
        {
            final ByteBuffer bytes = le(payload);
            long last = -1;
            int position = PACKET_HEADER_LENGTH;
            while (position + MESSAGE_HEADER_LENGTH <= payload.length)
            {
                final int size = bytes.getShort(position) & 0xFFFF;
                final int templateId = bytes.getShort(position + 4) & 0xFFFF;
                if (SNAPSHOT_FULL_REFRESH_52 == templateId && position + MESSAGE_HEADER_LENGTH + 4 <= payload.length)
                {
                    last = Math.max(last, bytes.getInt(position + MESSAGE_HEADER_LENGTH) & 0xFFFF_FFFFL);
                }
                if (size < MESSAGE_HEADER_LENGTH)
                {
                    break;
                }
                position += size;
            }
            return last;
        }
    }

    private CapturedMdp3()
    {
    }

    /**
     * Every UDP packet of a capture, in file order, as tshark reads it.
     *
     * @param dir     working directory.
     * @param capture the file.
     * @return the packets.
     */
    static List<Packet> read(final Path dir, final Path capture)
    {
        final String fields = ExternalTool.run(dir, "tshark", "-r", capture.toString(), "-Y", "udp", "-T", "fields",
            "-e", "frame.number", "-e", "frame.time_epoch", "-e", "udp.dstport", "-e", "udp.payload");
        final List<Packet> packets = new ArrayList<>();
        for (final String line : fields.split("\n"))
        {
            if (line.isBlank())
            {
                continue;
            }
            final String[] columns = line.split("\t", -1);
            final String[] time = columns[1].split("\\.");
            final long epochNs = Long.parseLong(time[0]) * 1_000_000_000L + Long.parseLong((time[1] + "000000000")
                .substring(0, 9));
            packets.add(new Packet(Integer.parseInt(columns[0]), epochNs, Integer.parseInt(columns[2]),
                HexFormat.of().parseHex(columns[3])));
        }
        return packets;
    }

    private static ByteBuffer le(final byte[] bytes)
    {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
