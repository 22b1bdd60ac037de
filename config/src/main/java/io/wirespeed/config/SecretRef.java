package io.wirespeed.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A reference to a secret kept outside the configuration: {@code "env:NAME"} or {@code "file:/absolute/path"}.
 *
 * @param kind   where the secret is kept.
 * @param target the environment variable name or the absolute file path.
 */
public record SecretRef(Kind kind, String target)
{
    /**
     * Where a secret is kept.
     */
    public enum Kind
    {
        /**
         * In an environment variable.
         */
        ENV,

        /**
         * In a file, read whole and stripped of surrounding whitespace.
         */
        FILE
    }

    private static final String ENV_PREFIX = "env:";
    private static final String FILE_PREFIX = "file:";

    /**
     * Validates the target's form.
     *
     * @throws IllegalArgumentException naming what is wrong, never echoing the text.
     */
    public SecretRef
    {
        if (Kind.ENV == kind && !target.matches("[A-Za-z_][A-Za-z0-9_]*"))
        {
            throw new IllegalArgumentException("invalid environment variable name in secret reference");
        }
        if (Kind.FILE == kind && !Path.of(target).isAbsolute())
        {
            throw new IllegalArgumentException("secret file path must be absolute");
        }
    }

    /**
     * Parse {@code "env:NAME"} or {@code "file:/absolute/path"}.
     *
     * @param text to parse.
     * @return the reference.
     * @throws IllegalArgumentException when the text is not a reference; the message never contains the text.
     */
    public static SecretRef parse(final String text)
    {
        if (text.startsWith(ENV_PREFIX))
        {
            return new SecretRef(Kind.ENV, text.substring(ENV_PREFIX.length()));
        }
        if (text.startsWith(FILE_PREFIX) && text.length() > FILE_PREFIX.length())
        {
            return new SecretRef(Kind.FILE, text.substring(FILE_PREFIX.length()));
        }

        throw new IllegalArgumentException(
            "invalid secret reference, expected \"env:NAME\" or \"file:/absolute/path\" (never the secret itself)");
    }

    /**
     * Read the secret from the process environment or the file.
     *
     * @return the secret.
     * @throws IllegalStateException when it is not set, unreadable or empty.
     */
    public String resolve()
    {
        return resolve(System::getenv);
    }

    /**
     * Read the secret, looking environment variables up with the given function.
     *
     * @param environment maps a variable name to its value, or null when unset.
     * @return the secret.
     * @throws IllegalStateException when it is not set, unreadable or empty.
     */
    public String resolve(final Function<String, String> environment)
    {
        final String secret;
        if (Kind.ENV == kind)
        {
            secret = environment.apply(target);
            if (null == secret)
            {
                throw new IllegalStateException("environment variable " + target + " is not set");
            }
        }
        else
        {
            try
            {
                secret = Files.readString(Path.of(target)).strip();
            }
            catch (final IOException ex)
            {
                throw new IllegalStateException("cannot read secret file " + target + " (" + ex + ")", ex);
            }
        }

        if (secret.isEmpty())
        {
            throw new IllegalStateException("secret " + this + " is empty");
        }

        return secret;
    }

    @Override
    public String toString()
    {
        return (Kind.ENV == kind ? ENV_PREFIX : FILE_PREFIX) + target;
    }
}
