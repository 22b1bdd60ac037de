package io.wirespeed.config;

/**
 * Where a configuration value came from: a file position, a system property, or nowhere (set in code).
 *
 * @param source file name, {@code -Dwirespeed...} property, or empty when the value was set in code.
 * @param line   1-based line in the file, 0 when not known.
 * @param column 1-based column in the file, 0 when not known.
 */
public record ConfigLocation(String source, int line, int column)
{
    /**
     * The location of a value set in code.
     */
    public static final ConfigLocation NONE = new ConfigLocation("", 0, 0);

    /**
     * Location of a value given by a system property.
     *
     * @param propertyName full property name, e.g. {@code wirespeed.nic.backend}.
     * @return the location naming the property as it is written on a command line.
     */
    public static ConfigLocation property(final String propertyName)
    {
        return new ConfigLocation("-D" + propertyName, 0, 0);
    }

    /**
     * Is this a position within a file?
     *
     * @return true when a line is known.
     */
    public boolean isFilePosition()
    {
        return line > 0;
    }

    /**
     * Is this location a system property?
     *
     * @return true when the value came from a {@code -D} property.
     */
    public boolean isProperty()
    {
        return source.startsWith("-D");
    }

    @Override
    public String toString()
    {
        return line > 0 ? source + ":" + line + ":" + column : source;
    }
}
