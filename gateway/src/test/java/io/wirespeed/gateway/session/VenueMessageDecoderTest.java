package io.wirespeed.gateway.session;

import io.wirespeed.codecs.ilink3.MessageHeaderDecoder;
import io.wirespeed.codecs.internal.OrdStatus;
import io.wirespeed.codecs.internal.RejectReason;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The venue's business messages decoded from bytes written by hand at CME's offsets: reject codes read in their own
 * code space (CxlRejReason on cancel and replace rejects, OrdRejReason on new-order rejects), MDTradeEntryID carried
 * from a fill, an order status report.
 */
class VenueMessageDecoderTest
{
    private static final int HEADER = 8;
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private final VenueMessageDecoder decoder = new VenueMessageDecoder();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final RecordingVenueListener listener = new RecordingVenueListener();

    private int decode(final UnsafeBuffer message)
    {
        header.wrap(message, 0);
        return decoder.decode(message, 0, message.capacity(), header, 0, listener);
    }

    /**
     * OrderCancelReject535 or OrderCancelReplaceReject536 (block 409): ClOrdID@328, OrderRequestID@380,
     * CxlRejReason@393.
     */
    private static UnsafeBuffer cancelReject(final int templateId, final int cxlRejReason)
    {
        final UnsafeBuffer b = CmeBytes.message(templateId, 409, 0);
        CmeBytes.putAscii(b, HEADER + 328, "42");
        b.putLong(HEADER + 380, 43, LE);
        b.putShort(HEADER + 393, (short)cxlRejReason, LE);
        return b;
    }

    /**
     * ExecutionReportReject523 (block 467): ClOrdID@328, OrdRejReason@441.
     */
    private static UnsafeBuffer orderReject(final int ordRejReason)
    {
        final UnsafeBuffer b = CmeBytes.message(523, 467, 0);
        CmeBytes.putAscii(b, HEADER + 328, "42");
        b.putShort(HEADER + 441, (short)ordRejReason, LE);
        return b;
    }

    @Test
    void cancelRejectReasonsAreReadAsCxlRejReason()
    {
        final int[] codes = {0, 1, 2, 3, 6, 8, 18, 99, 1003, 2045};
        final RejectReason[] meanings = {
            RejectReason.TOO_LATE_TO_CANCEL, RejectReason.UNKNOWN_ORDER, RejectReason.VENUE_REJECT,
            RejectReason.ORDER_NOT_ACTIVE, RejectReason.DUPLICATE_CLORDID, RejectReason.VENUE_PRICE_BAND,
            RejectReason.PRICE_NOT_ON_TICK, RejectReason.VENUE_REJECT, RejectReason.MARKET_CLOSED,
            RejectReason.TOO_LATE_TO_CANCEL};
        for (int i = 0; i < codes.length; i++)
        {
            assertEquals(VenueMessageDecoder.OK, decode(cancelReject(535, codes[i])));
            assertEquals(new RecordingVenueListener.Reject(42, meanings[i], codes[i]), listener.rejects.get(i));
        }
        assertEquals(VenueMessageDecoder.OK, decode(cancelReject(536, 8)));
        assertEquals(new RecordingVenueListener.Reject(43, RejectReason.VENUE_PRICE_BAND, 8),
            listener.rejects.get(codes.length), "replace reject: ClOrdID is the request, OrderRequestID the order");
    }

    @Test
    void newOrderRejectReasonsAreReadAsOrdRejReason()
    {
        decode(orderReject(8));
        decode(orderReject(1003));
        decode(orderReject(2179));
        decode(orderReject(2047));
        assertEquals(List.of(
            new RecordingVenueListener.Reject(42, RejectReason.VENUE_REJECT, 8),
            new RecordingVenueListener.Reject(42, RejectReason.MARKET_CLOSED, 1003),
            new RecordingVenueListener.Reject(42, RejectReason.VENUE_PRICE_BAND, 2179),
            new RecordingVenueListener.Reject(42, RejectReason.UNKNOWN_INSTRUMENT, 2047)), listener.rejects);
    }

    @Test
    void aFillCarriesItsMarketDataTradeEntryId()
    {
        assertEquals(VenueMessageDecoder.OK, decode(CmeBytes.fill(1, 5, false, 42, 77, 3_000_000_123L, 2, 2, 1)));
        assertEquals(List.of(new RecordingVenueListener.Fill(42, 77, 3_000_000_123L, 2, 2)), listener.fills);
    }

    @Test
    void anOrderStatusReportIsReadAsCmeLaysItOut()
    {
        // ExecutionReportStatus532 (block 480): ClOrdID@328, OrderID@356, Price@364, CumQty@449, LeavesQty@453,
        // OrderQty@445, OrdStatus@467
        final UnsafeBuffer b = CmeBytes.message(532, 480, 0);
        CmeBytes.putAscii(b, HEADER + 328, "42");
        b.putLong(HEADER + 356, 900_042, LE);
        b.putLong(HEADER + 364, 4_000_000_000_000L, LE);
        b.putInt(HEADER + 445, 10, LE);
        b.putInt(HEADER + 449, 4, LE);
        b.putInt(HEADER + 453, 6, LE);
        b.putByte(HEADER + 467, (byte)'1');
        assertEquals(VenueMessageDecoder.OK, decode(b));
        b.putByte(HEADER + 467, (byte)'C');
        decode(b);
        b.putByte(HEADER + 467, (byte)'U');
        decode(b);
        assertEquals(List.of(
            new RecordingVenueListener.Status(42, 900_042, OrdStatus.PARTIALLY_FILLED, 4, 6),
            new RecordingVenueListener.Status(42, 900_042, OrdStatus.CANCELED, 4, 6),
            new RecordingVenueListener.Status(42, 900_042, OrdStatus.NULL_VAL, 4, 6)), listener.statuses);
    }

    @Test
    void aStatusReportShorterThanItsBlockIsMalformed()
    {
        final UnsafeBuffer b = CmeBytes.message(532, 400, 0);
        assertEquals(VenueMessageDecoder.MALFORMED, decode(b));
    }
}
