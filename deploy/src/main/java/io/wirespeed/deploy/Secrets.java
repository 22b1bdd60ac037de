package io.wirespeed.deploy;

import io.wirespeed.config.SecretRef;
import io.wirespeed.config.VenueOrderEntryContext;
import io.wirespeed.config.WirespeedConfig;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resolves the configured secret references, refusing to start when one cannot be read; a secret is never printed.
 */
final class Secrets
{
    private Secrets()
    {
    }

    /**
     * The gateway's signing secret, from {@code gateway.secret_ref}.
     *
     * @param config concluded configuration.
     * @return the secret.
     * @throws Refusal naming the key when it cannot be read.
     */
    static String gateway(final WirespeedConfig config)
    {
        return resolve("gateway.secret_ref", config.gateway().secretRef());
    }

    /**
     * The access keys the venue accepts and their secrets: {@code [sim.order_entry.access_keys]}, or when that table is
     * empty the gateway's own {@code access_key_id} with its {@code secret_ref}.
     *
     * @param config concluded configuration.
     * @return access key id to secret, in configured order.
     * @throws Refusal naming the key whose secret cannot be read.
     */
    static Map<String, String> venue(final WirespeedConfig config)
    {
        final VenueOrderEntryContext orderEntry = config.sim().orderEntry();
        final Map<String, String> credentials = new LinkedHashMap<>();
        if (orderEntry.accessKeys().isEmpty())
        {
            credentials.put(config.gateway().accessKeyId(), gateway(config));
        }
        for (final Map.Entry<String, SecretRef> entry : orderEntry.accessKeys().entrySet())
        {
            credentials.put(entry.getKey(), resolve("sim.order_entry.access_keys." + entry.getKey(), entry.getValue()));
        }
        return credentials;
    }

    /**
     * The gateway's secret when {@code gateway.secret_ref} can be read, for a caller with a fallback of its own.
     *
     * @param config concluded configuration.
     * @return the secret, or null when it cannot be read.
     * @throws Refusal when it can be read but is not a secret key (not base64url).
     */
    static String tryGateway(final WirespeedConfig config)
    {
        try
        {
            config.gateway().secretRef().resolve();
        }
        catch (final IllegalStateException ex)
        {
            return null;
        }
        return gateway(config);
    }

    private static String resolve(final String key, final SecretRef ref)
    {
        final String secret;
        try
        {
            secret = ref.resolve();
        }
        catch (final IllegalStateException ex)
        {
            throw Refusal.of(key, ref.toString(), "cannot resolve the secret: " + ex.getMessage() +
                (SecretRef.Kind.ENV == ref.kind() ? " (export it before starting)" : ""));
        }
        if (!isBase64Url(secret))
        {
            throw Refusal.of(key, ref.toString(), "the secret is not base64url (iLink 3 secret keys are handed out " +
                "base64url-encoded; the HMAC key is the decoded bytes)");
        }
        return secret;
    }

    private static boolean isBase64Url(final String secret)
    {
        try
        {
            return Base64.getUrlDecoder().decode(secret.strip()).length > 0;
        }
        catch (final IllegalArgumentException ex)
        {
            return false;
        }
    }
}
