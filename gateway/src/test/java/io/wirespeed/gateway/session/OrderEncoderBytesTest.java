package io.wirespeed.gateway.session;

import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Known answers for what the gateway's {@link OrderEncoder} writes, read back at the offsets of CME's
 * ilinkbinary.xml: a null char field (ExecutionMode, mass action OrdType) is the byte 0x00 as CME sends it, other
 * null enums are 0xFF. The buffer starts full of garbage so an unwritten byte shows.
 */
class OrderEncoderBytesTest
{
    private static final int HEADER = 8;
    private static final byte GARBAGE = 0x55;
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private final OrderEncoder encoder = new OrderEncoder("OPERATOR1", "US,IL", 1);
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);

    private int u8(final int blockOffset)
    {
        return buffer.getByte(HEADER + blockOffset) & 0xFF;
    }

    private void fillWithGarbage()
    {
        buffer.setMemory(0, buffer.capacity(), GARBAGE);
    }

    @Test
    void newOrderSingleLeavesExecutionModeNullAsTheByteZero()
    {
        fillWithGarbage();
        final int length = encoder.encodeNewOrder(buffer, 0, 17, 1_000L, 123, 10, Side.BUY, OrdType.LIMIT,
            TimeInForce.DAY, 4_000_250_000_000L, 3);

        assertEquals(HEADER + 116, length);
        assertEquals(116, buffer.getShort(0, LE));
        assertEquals(514, buffer.getShort(2, LE));
        assertEquals(17, buffer.getInt(HEADER + 17, LE));
        assertEquals("123", buffer.getStringWithoutLengthAscii(HEADER + 41, 3));
        assertEquals('2', u8(108), "OrdType limit");
        assertEquals(0, u8(109), "TimeInForce day");
        assertEquals(0x00, u8(112), "ExecutionMode null: the byte 0x00, not '0'");
        assertEquals(0xFF, u8(113), "LiquidityFlag null");
        assertEquals(0xFF, u8(114), "ManagedOrder null");
        assertEquals(0xFF, u8(115), "ShortSaleType null");
    }

    @Test
    void replaceLeavesExecutionModeNullAsTheByteZero()
    {
        fillWithGarbage();
        final int length = encoder.encodeReplace(buffer, 18, 1_000L, 124, 123, 900_123, 10, Side.SELL,
            OrdType.LIMIT, TimeInForce.DAY, 4_000_000_000_000L, 2);

        assertEquals(HEADER + 125, length);
        assertEquals(515, buffer.getShort(2, LE));
        assertEquals(900_123, buffer.getLong(HEADER + 69, LE));
        assertEquals(0x00, u8(121), "ExecutionMode null");
        assertEquals(0xFF, u8(122), "LiquidityFlag null");
    }

    @Test
    void massCancelLeavesOrdTypeNullAsTheByteZero()
    {
        fillWithGarbage();
        final int length = encoder.encodeMassCancel(buffer, 0, 19, 1_000L, 125, 10);

        assertEquals(HEADER + 71, length);
        assertEquals(529, buffer.getShort(2, LE));
        assertEquals(10, buffer.getInt(HEADER + 60, LE));
        assertEquals(1, u8(64), "MassActionScope instrument");
        assertEquals(0xFF, u8(67), "Side null");
        assertEquals(0x00, u8(68), "OrdType (charNULL) null: the byte 0x00");
        assertEquals(0xFF, u8(69), "TimeInForce null");
    }

    @Test
    void orderStatusRequestAsCmeLaysItOut()
    {
        fillWithGarbage();
        final int length = encoder.encodeOrderStatus(buffer, 0, 20, 1_000L, 126, 900_123);

        assertEquals(HEADER + 62, length);
        assertEquals(62, buffer.getShort(0, LE));
        assertEquals(533, buffer.getShort(2, LE));
        assertEquals(1, buffer.getLong(HEADER, LE), "PartyDetailsListReqID");
        assertEquals(126, buffer.getLong(HEADER + 8, LE), "OrdStatusReqID");
        assertEquals(0, u8(16), "ManualOrderIndicator automated");
        assertEquals(20, buffer.getInt(HEADER + 17, LE), "SeqNum");
        assertEquals("OPERATOR1", buffer.getStringWithoutLengthAscii(HEADER + 21, 9));
        assertEquals(900_123, buffer.getLong(HEADER + 41, LE), "OrderID");
        assertEquals(1_000L, buffer.getLong(HEADER + 49, LE), "SendingTimeEpoch");
        assertEquals("US,IL", buffer.getStringWithoutLengthAscii(HEADER + 57, 5));
    }

    @Test
    void orderMassStatusRequestAsCmeLaysItOut()
    {
        fillWithGarbage();
        final int length = encoder.encodeMassStatus(buffer, 0, 21, 1_000L, 127, 10);

        assertEquals(HEADER + 68, length);
        assertEquals(530, buffer.getShort(2, LE));
        assertEquals(127, buffer.getLong(HEADER + 8, LE), "MassStatusReqID");
        assertEquals(21, buffer.getInt(HEADER + 17, LE), "SeqNum");
        assertEquals(1_000L, buffer.getLong(HEADER + 41, LE), "SendingTimeEpoch");
        assertEquals(0, u8(49), "SecurityGroup empty");
        assertEquals("US,IL", buffer.getStringWithoutLengthAscii(HEADER + 55, 5));
        assertEquals(10, buffer.getInt(HEADER + 60, LE), "SecurityID");
        assertEquals(1, u8(64), "MassStatusReqType instrument");
        assertEquals(0xFF, u8(65), "OrdStatusReqType null");
        assertEquals(0xFF, u8(66), "TimeInForce null");
        assertEquals(0xFF, u8(67), "MarketSegmentID null");
    }
}
