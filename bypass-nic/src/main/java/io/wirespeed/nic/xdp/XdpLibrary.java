package io.wirespeed.nic.xdp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Loads the AF_XDP setup library the build put in the jar under {@code /native/linux-<arch>/}: copied to a temporary
 * file, loaded with {@link System#load}, and the file deleted; or says why it could not.
 */
public final class XdpLibrary
{
    /** The library's file name inside the jar. */
    public static final String FILE_NAME = "libwirespeed-xdp.so";

    private static final String UNAVAILABLE_REASON = load();

    private XdpLibrary()
    {
    }

    /**
     * Whether the library is loaded and the AF_XDP backend can be tried.
     *
     * @return true when loaded.
     */
    public static boolean isAvailable()
    {
        return null == UNAVAILABLE_REASON;
    }

    /**
     * Why the library is not loaded.
     *
     * @return the reason, or null when it is loaded.
     */
    public static String unavailableReason()
    {
        return UNAVAILABLE_REASON;
    }

    /**
     * The resource path of the library for this platform.
     *
     * @return e.g. {@code /native/linux-x86_64/libwirespeed-xdp.so}, or null when the platform has none.
     */
    static String resourcePath()
    {
        final String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        final String platform;
        switch (arch)
        {
            case "amd64":
            case "x86_64":
                platform = "linux-x86_64";
                break;
            case "aarch64":
            case "arm64":
                platform = "linux-aarch64";
                break;
            default:
                return null;
        }
        return "/native/" + platform + "/" + FILE_NAME;
    }

    static boolean isLinux()
    {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
    }

    private static String load()
    {
        if (!isLinux())
        {
            return "AF_XDP needs Linux; this is " + System.getProperty("os.name");
        }
        final String resource = resourcePath();
        if (null == resource)
        {
            return "no AF_XDP library is built for the architecture " + System.getProperty("os.arch");
        }

        Path file = null;
        try (InputStream in = XdpLibrary.class.getResourceAsStream(resource))
        {
            if (null == in)
            {
                return "the jar holds no " + resource + ": bypass-nic was built without it (the build needs Linux, " +
                    "gcc and a JDK's JNI headers, and prints a warning where it skips the library)";
            }
            file = Files.createTempFile("wirespeed-xdp-", ".so");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            System.load(file.toAbsolutePath().toString());
            return null;
        }
        catch (final IOException | UnsatisfiedLinkError | SecurityException ex)
        {
            return "cannot load " + resource + " from the temporary directory " +
                System.getProperty("java.io.tmpdir") + " (" + ex + "); if it is mounted noexec, point " +
                "-Djava.io.tmpdir at a directory that allows executables";
        }
        finally
        {
            if (null != file)
            {
                try
                {
                    Files.deleteIfExists(file);
                }
                catch (final IOException ignore)
                {
                    file.toFile().deleteOnExit();
                }
            }
        }
    }
}
