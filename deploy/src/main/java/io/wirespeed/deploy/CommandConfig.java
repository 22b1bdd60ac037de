package io.wirespeed.deploy;

import io.wirespeed.config.ConfigException;
import io.wirespeed.config.WirespeedConfig;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The configuration a command runs with, loaded the one way every command loads it: the file given with
 * {@code --config}, else the built-in default, with {@code -Dwirespeed.*} overrides; an invalid one is reported, not
 * thrown.
 */
final class CommandConfig
{
    private CommandConfig()
    {
    }

    /**
     * Load and validate, reporting every error on {@code err}.
     *
     * @param file the {@code --config} file, or null for the built-in default.
     * @param err  where an invalid configuration is explained.
     * @return the configuration, or null when it is invalid (exit with
     * {@link io.wirespeed.config.ConfigCheck#EXIT_INVALID}).
     */
    static WirespeedConfig load(final Path file, final PrintWriter err)
    {
        try
        {
            return null == file ? WirespeedConfig.loadDefault() : WirespeedConfig.load(file);
        }
        catch (final ConfigException ex)
        {
            err.println(ex.getMessage());
            err.flush();
            return null;
        }
    }
}
