package io.wirespeed.config;

/**
 * An enumerated configuration value with the exact text that selects it in a file.
 */
public interface ConfigEnum
{
    /**
     * The text of this value in a configuration file, e.g. {@code busy-spin}.
     *
     * @return the text.
     */
    String text();
}
