package io.wirespeed.sim.venue;

import org.agrona.DirectBuffer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Checks the HMAC-SHA256 signature of a Negotiate or Establish with one access key's secret, as CME specifies it:
 * the secret is base64url-encoded and decoded before use, and the signature covers the {@link CanonicalRequest}.
 */
final class HmacVerifier
{
    /**
     * Bytes of an HMAC-SHA256 signature, the length of the HMACSignature field.
     */
    static final int SIGNATURE_LENGTH = 32;

    private static final String ALGORITHM = "HmacSHA256";

    private final Mac mac;
    private final byte[] computed = new byte[SIGNATURE_LENGTH];

    /**
     * A verifier for one secret.
     *
     * @param accessKeyId     the key's id, to name it in errors.
     * @param base64UrlSecret the secret as CME hands it out (base64url, padding optional).
     * @throws IllegalArgumentException if the secret is not base64url or is empty.
     */
    HmacVerifier(final String accessKeyId, final String base64UrlSecret)
    {
        final byte[] key;
        try
        {
            key = Base64.getUrlDecoder().decode(base64UrlSecret.strip());
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("secret of access key " + accessKeyId + " is not base64url", ex);
        }
        if (0 == key.length)
        {
            throw new IllegalArgumentException("secret of access key " + accessKeyId + " is empty");
        }
        try
        {
            mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("HMAC-SHA256 not available", ex);
        }
    }

    /**
     * Compare a received signature with the one the canonical request should have, in constant time.
     *
     * @param request         the canonical request of the received message.
     * @param signature       holds the received HMACSignature.
     * @param signatureOffset where it starts.
     * @return true when they match.
     */
    boolean verify(final CanonicalRequest request, final DirectBuffer signature, final int signatureOffset)
    {
        sign(request, computed);
        int difference = 0;
        for (int i = 0; i < SIGNATURE_LENGTH; i++)
        {
            difference |= computed[i] ^ signature.getByte(signatureOffset + i);
        }
        return 0 == difference;
    }

    /**
     * Sign a canonical request.
     *
     * @param request   the canonical request.
     * @param signature where the 32 bytes go.
     */
    private void sign(final CanonicalRequest request, final byte[] signature)
    {
        try
        {
            mac.update(request.bytes(), 0, request.length());
            mac.doFinal(signature, 0);
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("HMAC-SHA256 failed", ex);
        }
    }
}
