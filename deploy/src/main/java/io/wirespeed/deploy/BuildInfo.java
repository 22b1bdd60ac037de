package io.wirespeed.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What the build stamped into the jar (version and git commit) and the JVM this process runs on.
 */
final class BuildInfo
{
    static final String UNKNOWN = "unknown";

    private BuildInfo()
    {
    }

    /**
     * The project version, e.g. {@code 0.1.0-SNAPSHOT}.
     *
     * @return the version, or "unknown" outside a built jar.
     */
    static String version()
    {
        return read("version.properties", "version");
    }

    /**
     * The git commit the build was made from, with {@code -dirty} when tracked files had changes.
     *
     * @return the short commit id, or "unknown" for a build outside a git checkout.
     */
    static String commit()
    {
        return read("commit.properties", "commit");
    }

    /**
     * The JVM running this process.
     *
     * @return e.g. "Java 17.0.12+7 (OpenJDK 64-Bit Server VM, Eclipse Adoptium) at /usr/lib/jvm/...".
     */
    static String jvm()
    {
        return "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ", " +
            System.getProperty("java.vm.vendor") + ") at " + System.getProperty("java.home");
    }

    /**
     * The lines {@code wirespeed version} prints.
     *
     * @return version, commit and JVM.
     */
    static String[] lines()
    {
        return new String[]
        {
            "wirespeed " + version(),
            "commit " + commit(),
            jvm()
        };
    }

    private static String read(final String resource, final String key)
    {
        final Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(resource))
        {
            if (null != in)
            {
                properties.load(in);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        final String value = properties.getProperty(key, UNKNOWN).trim();
        return value.isEmpty() || value.startsWith("${") ? UNKNOWN : value;
    }
}
