package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.KillDecoder;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.codecs.internal.ResumeDecoder;
import io.wirespeed.codecs.internal.SetLimitDecoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * Signs and verifies control messages (Kill, Resume, SetLimit) with the operator key: HMAC-SHA256 over the message
 * header and every byte of the block before the {@code mac} field, which holds the result.
 * <pre>
 *   0                   8                                  mac offset          +32
 *   +-------------------+----------------------------------+-------------------+
 *   | message header    | scope, target, ..., timestamp,   | HMAC-SHA256       |
 *   | (template, ...)   | operator                         | (32 bytes)        |
 *   +-------------------+----------------------------------+-------------------+
 *   |&lt;------------------- signed --------------------------&gt;|
 * </pre>
 */
public final class ControlMac
{
    /** Bytes of the MAC. */
    public static final int MAC_LENGTH = 32;

    private static final int MAX_SIGNED_LENGTH = 256;

    private final Mac mac;
    private final byte[] scratch = new byte[MAX_SIGNED_LENGTH];
    private final byte[] computed = new byte[MAC_LENGTH];

    /**
     * A signer and verifier with an operator key.
     *
     * @param key the key's bytes.
     */
    public ControlMac(final byte[] key)
    {
        try
        {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("HmacSHA256 unavailable", ex);
        }
    }

    /**
     * A fresh random key, for an appliance with no configured key file or a process that takes no control.
     *
     * @return 32 random bytes.
     */
    public static byte[] newKey()
    {
        final byte[] key = new byte[MAC_LENGTH];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /**
     * Where the MAC of a control message starts, from its message header.
     *
     * @param buffer holding the message.
     * @param offset of the message header.
     * @return offset of the mac field in the buffer, or -1 when the template is not a control message.
     */
    public static int macOffset(final DirectBuffer buffer, final int offset)
    {
        final int templateId = buffer.getShort(offset + MessageHeaderDecoder.templateIdEncodingOffset(),
            MessageHeaderDecoder.BYTE_ORDER) & 0xFFFF;
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        switch (templateId)
        {
            case KillDecoder.TEMPLATE_ID:
                return body + KillDecoder.macEncodingOffset();
            case ResumeDecoder.TEMPLATE_ID:
                return body + ResumeDecoder.macEncodingOffset();
            case SetLimitDecoder.TEMPLATE_ID:
                return body + SetLimitDecoder.macEncodingOffset();
            default:
                return -1;
        }
    }

    /**
     * Sign an encoded control message in place, filling its mac field.
     *
     * @param buffer holding the message.
     * @param offset of its message header.
     */
    public void sign(final MutableDirectBuffer buffer, final int offset)
    {
        final int macOffset = macOffset(buffer, offset);
        if (macOffset < 0)
        {
            throw new IllegalArgumentException("not a control message");
        }
        compute(buffer, offset, macOffset);
        buffer.putBytes(macOffset, computed);
    }

    /**
     * Whether a control message carries the MAC of the operator key; the caller has checked the block is long enough.
     *
     * @param buffer holding the message.
     * @param offset of its message header.
     * @return true when authentic.
     */
    public boolean verify(final DirectBuffer buffer, final int offset)
    {
        final int macOffset = macOffset(buffer, offset);
        if (macOffset < 0 || macOffset - offset > MAX_SIGNED_LENGTH)
        {
            return false;
        }
        compute(buffer, offset, macOffset);
        int difference = 0;
        for (int i = 0; i < MAC_LENGTH; i++)
        {
            difference |= computed[i] ^ buffer.getByte(macOffset + i);
        }
        return 0 == difference;
    }

    private void compute(final DirectBuffer buffer, final int offset, final int macOffset)
    {
        final int length = macOffset - offset;
        buffer.getBytes(offset, scratch, 0, length);
        mac.update(scratch, 0, length);
        try
        {
            mac.doFinal(computed, 0);
        }
        catch (final ShortBufferException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
