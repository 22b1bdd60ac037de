package io.wirespeed.gateway.session;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * CME iLink 3 request signing: HMAC-SHA256 over the canonical request (fields joined by '\n'), keyed with the
 * base64url-decoded secret. Used for Negotiate and Establish only, which are rare, so it may allocate.
 */
public final class HmacSigner
{
    /**
     * Bytes of an HMAC-SHA256 signature, the size of the HMACSignature field.
     */
    public static final int SIGNATURE_LENGTH = 32;

    private final Mac mac;

    /**
     * A signer for one secret.
     *
     * @param secret the secret key as the venue issued it, base64url (padding optional).
     * @throws IllegalArgumentException if the secret is not base64url or empty.
     */
    public HmacSigner(final String secret)
    {
        final byte[] key = decodeSecret(secret);
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
     * Decode a base64url secret.
     *
     * @param secret base64url text.
     * @return the key bytes.
     * @throws IllegalArgumentException if it is not base64url or decodes to nothing.
     */
    public static byte[] decodeSecret(final String secret)
    {
        final byte[] key;
        try
        {
            key = Base64.getUrlDecoder().decode(secret.strip());
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("secret is not base64url", ex);
        }
        if (0 == key.length)
        {
            throw new IllegalArgumentException("secret is empty");
        }
        return key;
    }

    /**
     * The canonical request of a Negotiate.
     *
     * @param requestTimestampNs RequestTimestamp.
     * @param uuid               UUID.
     * @param sessionId          Session.
     * @param firmId             Firm.
     * @return the text to sign.
     */
    public static String negotiateCanonical(
        final long requestTimestampNs, final long uuid, final String sessionId, final String firmId)
    {
        return Long.toUnsignedString(requestTimestampNs) + '\n' + Long.toUnsignedString(uuid) + '\n' +
            sessionId + '\n' + firmId;
    }

    /**
     * The canonical request of an Establish.
     *
     * @param requestTimestampNs   RequestTimestamp.
     * @param uuid                 UUID.
     * @param sessionId            Session.
     * @param firmId               Firm.
     * @param tradingSystemName    TradingSystemName.
     * @param tradingSystemVersion TradingSystemVersion.
     * @param tradingSystemVendor  TradingSystemVendor.
     * @param nextSeqNo            NextSeqNo.
     * @param keepAliveIntervalMs  KeepAliveInterval.
     * @return the text to sign.
     */
    public static String establishCanonical(
        final long requestTimestampNs,
        final long uuid,
        final String sessionId,
        final String firmId,
        final String tradingSystemName,
        final String tradingSystemVersion,
        final String tradingSystemVendor,
        final long nextSeqNo,
        final int keepAliveIntervalMs)
    {
        return negotiateCanonical(requestTimestampNs, uuid, sessionId, firmId) + '\n' +
            tradingSystemName + '\n' + tradingSystemVersion + '\n' + tradingSystemVendor + '\n' +
            nextSeqNo + '\n' + keepAliveIntervalMs;
    }

    /**
     * Sign a canonical request.
     *
     * @param canonicalRequest text from one of the {@code *Canonical} methods.
     * @return the 32-byte signature.
     */
    public byte[] sign(final String canonicalRequest)
    {
        return mac.doFinal(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Check a signature in constant time.
     *
     * @param canonicalRequest text the peer should have signed.
     * @param signature        what it sent.
     * @return true if it matches.
     */
    public boolean verify(final String canonicalRequest, final byte[] signature)
    {
        return MessageDigest.isEqual(sign(canonicalRequest), signature);
    }
}
