package io.wirespeed.deploy;

import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.gateway.ControlMac;
import io.wirespeed.gateway.session.HmacSigner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Set;

/**
 * The operator key control messages are signed with: {@code gateway.control_key_file} (base64url text, readable by
 * the operators' group at most), or when unset a fresh key per run that the appliance writes to its Aeron directory
 * readable by its own user only.
 */
final class ControlKeys
{
    /** The configuration key naming the operator key file. */
    static final String KEY = "gateway.control_key_file";

    /** File name of the key the appliance makes when none is configured, in its Aeron directory. */
    static final String GENERATED_FILE_NAME = "wirespeed-control.key";

    private static final int MIN_KEY_BYTES = 16;
    private static final Set<PosixFilePermission> LOOSE = Set.of(
        PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.OTHERS_READ,
        PosixFilePermission.OTHERS_WRITE,
        PosixFilePermission.OTHERS_EXECUTE);

    private ControlKeys()
    {
    }

    /**
     * Where the operator key is: the configured file, else the one the appliance makes.
     *
     * @param config concluded configuration.
     * @return the path.
     */
    static Path path(final WirespeedConfig config)
    {
        final Path configured = config.gateway().controlKeyFile();
        return null != configured ? configured : config.aeron().dir().resolve(GENERATED_FILE_NAME);
    }

    /**
     * The appliance's key: the configured file, else a fresh one written to {@link #path}; call once the Aeron
     * directory exists.
     *
     * @param config concluded configuration.
     * @return the key's bytes.
     * @throws Refusal naming {@link #KEY} when the file cannot be read, is not a key, or others may read it.
     */
    static byte[] forAppliance(final WirespeedConfig config)
    {
        if (null != config.gateway().controlKeyFile())
        {
            return read(config.gateway().controlKeyFile());
        }
        final byte[] key = ControlMac.newKey();
        final Path path = path(config);
        final Path temporary = path.resolveSibling(GENERATED_FILE_NAME + ".tmp");
        try
        {
            Files.deleteIfExists(temporary);
            Files.createFile(temporary,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, Base64.getUrlEncoder().withoutPadding().encodeToString(key) + "\n");
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException ex)
        {
            throw Refusal.of(KEY, null, "unset, and a fresh operator key cannot be written to " + path + ": " +
                ex.getMessage());
        }
        return key;
    }

    /**
     * The key {@code wirespeed kill} signs with: the configured file, else the running appliance's own.
     *
     * @param config concluded configuration.
     * @return the key's bytes.
     * @throws Refusal naming {@link #KEY} when the file cannot be read, is not a key, or others may read it.
     */
    static byte[] forOperator(final WirespeedConfig config)
    {
        return read(path(config));
    }

    private static byte[] read(final Path path)
    {
        final String text;
        try
        {
            final Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            for (final PosixFilePermission permission : LOOSE)
            {
                if (permissions.contains(permission))
                {
                    throw Refusal.of(KEY, path.toString(), "mode " + PosixFilePermissions.toString(permissions) +
                        " lets others read or the group change the operator key; chmod 0640 (or 0600) it");
                }
            }
            text = Files.readString(path, StandardCharsets.US_ASCII);
        }
        catch (final NoSuchFileException ex)
        {
            throw Refusal.of(KEY, path.toString(), "no such file" + (path.endsWith(GENERATED_FILE_NAME) ?
                " (the appliance writes it there when it starts; is it running with this --config?)" : ""));
        }
        catch (final AccessDeniedException ex)
        {
            throw Refusal.of(KEY, path.toString(), "not readable by this user (operators read it through its group)");
        }
        catch (final IOException ex)
        {
            throw Refusal.of(KEY, path.toString(), "cannot be read: " + ex.getMessage());
        }
        final byte[] key;
        try
        {
            key = HmacSigner.decodeSecret(text);
        }
        catch (final IllegalArgumentException ex)
        {
            throw Refusal.of(KEY, path.toString(), "not an operator key: " + ex.getMessage() +
                " (expected base64url text, e.g. from: head -c 32 /dev/urandom | basenc --base64url)");
        }
        if (key.length < MIN_KEY_BYTES)
        {
            throw Refusal.of(KEY, path.toString(), "operator key too short: " + key.length + " bytes, at least " +
                MIN_KEY_BYTES);
        }
        return key;
    }
}
