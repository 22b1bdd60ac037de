package io.wirespeed.sim.venue;

import io.wirespeed.codecs.ilink3.Establish503Decoder;
import io.wirespeed.codecs.ilink3.Negotiate500Decoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The text CME's HMAC signature covers, built from a received Negotiate or Establish: the documented fields in
 * order, numbers in decimal, strings without their padding, joined by '\n' with no trailing newline.
 * <pre>
 *   Negotiate: RequestTimestamp \n UUID \n Session \n Firm
 *   Establish: RequestTimestamp \n UUID \n Session \n Firm \n TradingSystemName \n TradingSystemVersion \n
 *              TradingSystemVendor \n NextSeqNo \n KeepAliveInterval
 * </pre>
 */
final class CanonicalRequest
{
    private static final int CAPACITY = 256;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[CAPACITY]);
    private int length;

    /**
     * Build the canonical request of a Negotiate.
     *
     * @param negotiate wrapped over the received message.
     * @return this.
     */
    CanonicalRequest of(final Negotiate500Decoder negotiate)
    {
        final DirectBuffer message = negotiate.buffer();
        final int base = negotiate.offset();
        length = 0;
        number(negotiate.requestTimestamp());
        separator();
        number(negotiate.uUID());
        separator();
        text(message, base + Negotiate500Decoder.sessionEncodingOffset(), Negotiate500Decoder.sessionLength());
        separator();
        text(message, base + Negotiate500Decoder.firmEncodingOffset(), Negotiate500Decoder.firmLength());
        return this;
    }

    /**
     * Build the canonical request of an Establish.
     *
     * @param establish wrapped over the received message.
     * @return this.
     */
    CanonicalRequest of(final Establish503Decoder establish)
    {
        final DirectBuffer message = establish.buffer();
        final int base = establish.offset();
        length = 0;
        number(establish.requestTimestamp());
        separator();
        number(establish.uUID());
        separator();
        text(message, base + Establish503Decoder.sessionEncodingOffset(), Establish503Decoder.sessionLength());
        separator();
        text(message, base + Establish503Decoder.firmEncodingOffset(), Establish503Decoder.firmLength());
        separator();
        text(message, base + Establish503Decoder.tradingSystemNameEncodingOffset(),
            Establish503Decoder.tradingSystemNameLength());
        separator();
        text(message, base + Establish503Decoder.tradingSystemVersionEncodingOffset(),
            Establish503Decoder.tradingSystemVersionLength());
        separator();
        text(message, base + Establish503Decoder.tradingSystemVendorEncodingOffset(),
            Establish503Decoder.tradingSystemVendorLength());
        separator();
        number(establish.nextSeqNo());
        separator();
        number(establish.keepAliveInterval());
        return this;
    }

    /**
     * The bytes, from index 0.
     *
     * @return the backing array.
     */
    byte[] bytes()
    {
        return buffer.byteArray();
    }

    /**
     * Bytes of canonical request.
     *
     * @return the length.
     */
    int length()
    {
        return length;
    }

    /**
     * The canonical request as text, for tests and messages.
     *
     * @return the text.
     */
    public String toString()
    {
        return buffer.getStringWithoutLengthAscii(0, length);
    }

    private void number(final long value)
    {
        length += Ascii.putUnsignedDecimal(buffer, length, value);
    }

    private void separator()
    {
        buffer.putByte(length++, (byte)'\n');
    }

    private void text(final DirectBuffer message, final int offset, final int fieldLength)
    {
        final int valueLength = Ascii.valueLength(message, offset, fieldLength);
        buffer.putBytes(length, message, offset, valueLength);
        length += valueLength;
    }
}
