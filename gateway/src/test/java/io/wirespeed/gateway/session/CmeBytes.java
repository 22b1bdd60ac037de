package io.wirespeed.gateway.session;

import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The venue's iLink 3 messages written byte by byte at the offsets of CME's ilinkbinary.xml (schema 8, version 5),
 * little-endian, without the generated codecs: a scripted venue that shares no code with the gateway's decoders.
 * Each method returns one SBE message (header and block, no SOFH), as {@link ScriptedTransport} delivers them.
 */
final class CmeBytes
{
    static final long NULL_UUID = 0xFFFF_FFFF_FFFF_FFFFL;
    static final int HEADER = 8;

    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private CmeBytes()
    {
    }

    /**
     * An SBE message header then a zeroed block (plus {@code extra} bytes for groups and var data).
     */
    static UnsafeBuffer message(final int templateId, final int blockLength, final int extra)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[HEADER + blockLength + extra]);
        buffer.putShort(0, (short)blockLength, LE);
        buffer.putShort(2, (short)templateId, LE);
        buffer.putShort(4, (short)8, LE);
        buffer.putShort(6, (short)5, LE);
        return buffer;
    }

    /**
     * NegotiationResponse501: UUID@0, RequestTimestamp@8, SecretKeySecureIDExpiration@16, FTI@18, SplitMsg@19,
     * PreviousSeqNo@20, PreviousUUID@24, then Credentials (uint16 length 0).
     */
    static UnsafeBuffer negotiationResponse(final long uuid, final long previousUuid, final long previousSeqNo)
    {
        final UnsafeBuffer b = message(501, 32, 2);
        b.putLong(HEADER, uuid, LE);
        b.putLong(HEADER + 8, 1L, LE);
        b.putShort(HEADER + 16, (short)0xFFFF, LE);
        b.putByte(HEADER + 18, (byte)1);
        b.putByte(HEADER + 19, (byte)0xFF);
        b.putInt(HEADER + 20, (int)previousSeqNo, LE);
        b.putLong(HEADER + 24, previousUuid, LE);
        return b;
    }

    /**
     * EstablishmentAck504: UUID@0, RequestTimestamp@8, NextSeqNo@16, PreviousSeqNo@20, PreviousUUID@24,
     * KeepAliveInterval@32, SecretKeySecureIDExpiration@34, FTI@36, SplitMsg@37.
     */
    static UnsafeBuffer establishmentAck(
        final long uuid, final long nextSeqNo, final long previousUuid, final long previousSeqNo, final int keepAliveMs)
    {
        final UnsafeBuffer b = message(504, 38, 0);
        b.putLong(HEADER, uuid, LE);
        b.putLong(HEADER + 8, 1L, LE);
        b.putInt(HEADER + 16, (int)nextSeqNo, LE);
        b.putInt(HEADER + 20, (int)previousSeqNo, LE);
        b.putLong(HEADER + 24, previousUuid, LE);
        b.putShort(HEADER + 32, (short)keepAliveMs, LE);
        b.putShort(HEADER + 34, (short)0xFFFF, LE);
        b.putByte(HEADER + 36, (byte)1);
        b.putByte(HEADER + 37, (byte)0xFF);
        return b;
    }

    /**
     * Sequence506: UUID@0, NextSeqNo@8, FTI@12, KeepAliveIntervalLapsed@13.
     */
    static UnsafeBuffer sequence(final long uuid, final long nextSeqNo)
    {
        final UnsafeBuffer b = message(506, 14, 0);
        b.putLong(HEADER, uuid, LE);
        b.putInt(HEADER + 8, (int)nextSeqNo, LE);
        b.putByte(HEADER + 12, (byte)1);
        b.putByte(HEADER + 13, (byte)0);
        return b;
    }

    /**
     * Retransmission509: UUID@0, LastUUID@8, RequestTimestamp@16, FromSeqNo@24, MsgCount@28, SplitMsg@30.
     */
    static UnsafeBuffer retransmission(final long uuid, final long lastUuid, final long fromSeqNo, final int count)
    {
        final UnsafeBuffer b = message(509, 31, 0);
        b.putLong(HEADER, uuid, LE);
        b.putLong(HEADER + 8, lastUuid, LE);
        b.putLong(HEADER + 16, 1L, LE);
        b.putInt(HEADER + 24, (int)fromSeqNo, LE);
        b.putShort(HEADER + 28, (short)count, LE);
        b.putByte(HEADER + 30, (byte)0xFF);
        return b;
    }

    /**
     * RetransmitReject510: Reason@0 (48), UUID@48, LastUUID@56, RequestTimestamp@64, ErrorCodes@72, SplitMsg@74.
     */
    static UnsafeBuffer retransmitReject(final long uuid, final long lastUuid, final int errorCodes)
    {
        final UnsafeBuffer b = message(510, 75, 0);
        putAscii(b, HEADER, "not available");
        b.putLong(HEADER + 48, uuid, LE);
        b.putLong(HEADER + 56, lastUuid, LE);
        b.putLong(HEADER + 64, 1L, LE);
        b.putShort(HEADER + 72, (short)errorCodes, LE);
        b.putByte(HEADER + 74, (byte)0xFF);
        return b;
    }

    /**
     * NotApplied513: UUID@0, FromSeqNo@8, MsgCount@12, SplitMsg@16.
     */
    static UnsafeBuffer notApplied(final long uuid, final long fromSeqNo, final long count)
    {
        final UnsafeBuffer b = message(513, 17, 0);
        b.putLong(HEADER, uuid, LE);
        b.putInt(HEADER + 8, (int)fromSeqNo, LE);
        b.putInt(HEADER + 12, (int)count, LE);
        b.putByte(HEADER + 16, (byte)0xFF);
        return b;
    }

    /**
     * ExecutionReportTradeOutright525 (block 235, then the empty NoFills and NoOrderEvents groups, 3 bytes each):
     * SeqNum@0, UUID@4, ExecID@12, ClOrdID@72, LastPx@100, OrderID@108, Price@116, SecExecID@156, SecurityID@185,
     * OrderQty@189, LastQty@193, CumQty@197, MDTradeEntryID@201, LeavesQty@213, OrdStatus@221, Side@223,
     * PossRetransFlag@226.
     */
    static UnsafeBuffer fill(
        final long seqNum,
        final long uuid,
        final boolean possRetrans,
        final long clOrdId,
        final long execId,
        final long mdTradeEntryId,
        final long lastQty,
        final long cumQty,
        final long leavesQty)
    {
        final UnsafeBuffer b = message(525, 235, 6);
        b.putInt(HEADER, (int)seqNum, LE);
        b.putLong(HEADER + 4, uuid, LE);
        putAscii(b, HEADER + 12, Long.toString(execId));
        putAscii(b, HEADER + 52, "OPERATOR");
        putAscii(b, HEADER + 72, Long.toString(clOrdId));
        b.putLong(HEADER + 100, 4_000_250_000_000L, LE);
        b.putLong(HEADER + 108, 900_000 + clOrdId, LE);
        b.putLong(HEADER + 116, 4_000_250_000_000L, LE);
        b.putLong(HEADER + 124, Long.MAX_VALUE, LE);
        b.putLong(HEADER + 156, execId, LE);
        b.putInt(HEADER + 185, 10, LE);
        b.putInt(HEADER + 189, (int)(cumQty + leavesQty), LE);
        b.putInt(HEADER + 193, (int)lastQty, LE);
        b.putInt(HEADER + 197, (int)cumQty, LE);
        b.putInt(HEADER + 201, (int)mdTradeEntryId, LE);
        b.putInt(HEADER + 213, (int)leavesQty, LE);
        b.putByte(HEADER + 221, (byte)(0 == leavesQty ? 2 : 1));
        b.putByte(HEADER + 222, (byte)'2');
        b.putByte(HEADER + 223, (byte)1);
        b.putByte(HEADER + 226, (byte)(possRetrans ? 1 : 0));
        b.putShort(HEADER + 235, (short)15, LE);
        b.putShort(HEADER + 238, (short)23, LE);
        return b;
    }

    /**
     * A copy of a message with another PossRetransFlag at a block offset.
     */
    static UnsafeBuffer withByte(final UnsafeBuffer message, final int blockOffset, final int value)
    {
        final UnsafeBuffer copy = new UnsafeBuffer(new byte[message.capacity()]);
        copy.putBytes(0, message, 0, message.capacity());
        copy.putByte(HEADER + blockOffset, (byte)value);
        return copy;
    }

    /**
     * The first {@code length} bytes of a message, as a truncated frame.
     */
    static UnsafeBuffer truncated(final UnsafeBuffer message, final int length)
    {
        final UnsafeBuffer copy = new UnsafeBuffer(new byte[length]);
        copy.putBytes(0, message, 0, length);
        return copy;
    }

    static void putAscii(final UnsafeBuffer buffer, final int offset, final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        buffer.putBytes(offset, bytes);
    }

    /**
     * The fields of a RetransmitRequest508 the gateway wrote: UUID@0, LastUUID@8, RequestTimestamp@16,
     * FromSeqNo@24, MsgCount@28.
     */
    record RetransmitRequest(long uuid, long lastUuid, long fromSeqNo, int msgCount)
    {
        static RetransmitRequest read(final UnsafeBuffer message)
        {
            return new RetransmitRequest(
                message.getLong(HEADER, LE),
                message.getLong(HEADER + 8, LE),
                message.getInt(HEADER + 24, LE) & 0xFFFF_FFFFL,
                message.getShort(HEADER + 28, LE) & 0xFFFF);
        }
    }

    /**
     * The Terminate507 reason the gateway wrote: Reason@0 (48 characters).
     */
    static String terminateReason(final UnsafeBuffer message)
    {
        return message.getStringWithoutLengthAscii(HEADER, 48).trim();
    }
}
