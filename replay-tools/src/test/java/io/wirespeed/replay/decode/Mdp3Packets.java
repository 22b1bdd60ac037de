package io.wirespeed.replay.decode;

import io.wirespeed.codecs.mdp3.ChannelReset4Encoder;
import io.wirespeed.codecs.mdp3.HaltReason;
import io.wirespeed.codecs.mdp3.MessageHeaderEncoder;
import io.wirespeed.codecs.mdp3.SecurityStatus30Encoder;
import io.wirespeed.codecs.mdp3.SecurityTradingEvent;
import io.wirespeed.codecs.mdp3.SecurityTradingStatus;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * MDP 3.0 UDP payloads for tests: the binary packet header and message sizes written byte by byte from CME's
 * documentation (MsgSeqNum uint32, SendingTime uint64, then per message MsgSize uint16 counting itself; all
 * little-endian), the messages encoded with the generated codecs.
 */
final class Mdp3Packets
{
    static final long SENDING_TIME_BASE = 1_700_000_000_000_000_000L;
    static final int UNKNOWN_TEMPLATE_ID = 999;

    private Mdp3Packets()
    {
    }

    /**
     * Packet {@code seq}: a SecurityStatus30, and on every even sequence number a ChannelReset4 too.
     */
    static byte[] packet(final int seq)
    {
        final UnsafeBuffer message = new UnsafeBuffer(new byte[512]);
        final ByteBuffer packet = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
        packet.putInt(seq).putLong(SENDING_TIME_BASE + seq);

        final SecurityStatus30Encoder status = new SecurityStatus30Encoder()
            .wrapAndApplyHeader(message, 0, new MessageHeaderEncoder())
            .transactTime(SENDING_TIME_BASE + seq)
            .securityGroup("ES")
            .asset("ES")
            .securityID(seq)
            .tradeDate(20_000);
        status.matchEventIndicator().endOfEvent(true);
        status.securityTradingStatus(SecurityTradingStatus.ReadyToTrade)
            .haltReason(HaltReason.GroupSchedule)
            .securityTradingEvent(SecurityTradingEvent.NoEvent);
        put(packet, message, MessageHeaderEncoder.ENCODED_LENGTH + status.encodedLength());

        if (0 == seq % 2)
        {
            message.setMemory(0, message.capacity(), (byte)0);
            final ChannelReset4Encoder reset = new ChannelReset4Encoder()
                .wrapAndApplyHeader(message, 0, new MessageHeaderEncoder())
                .transactTime(SENDING_TIME_BASE + seq);
            reset.matchEventIndicator().endOfEvent(true);
            reset.noMDEntriesCount(1).next().applID((short)310);
            put(packet, message, MessageHeaderEncoder.ENCODED_LENGTH + reset.encodedLength());
        }
        return Arrays.copyOf(packet.array(), packet.position());
    }

    /**
     * A packet holding one message of a template the codecs do not know (schema 1, template 999, 4-byte body).
     */
    static byte[] unknownTemplate(final int seq)
    {
        final ByteBuffer packet = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        packet.putInt(seq).putLong(SENDING_TIME_BASE + seq);
        packet.putShort((short)(2 + 8 + 4));
        packet.putShort((short)4).putShort((short)UNKNOWN_TEMPLATE_ID).putShort((short)1).putShort((short)9);
        packet.putInt(0x01020304);
        return Arrays.copyOf(packet.array(), packet.position());
    }

    /**
     * Messages packet {@code seq} holds.
     */
    static int messages(final int seq)
    {
        return 0 == seq % 2 ? 2 : 1;
    }

    private static void put(final ByteBuffer packet, final UnsafeBuffer message, final int length)
    {
        packet.putShort((short)(2 + length));
        final byte[] bytes = new byte[length];
        message.getBytes(0, bytes);
        packet.put(bytes);
    }
}
