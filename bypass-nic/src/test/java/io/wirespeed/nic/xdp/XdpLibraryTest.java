package io.wirespeed.nic.xdp;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the build could compile the setup library (Linux, gcc or $CC, JDK headers) it is on the classpath under
 * {@code /native/linux-<arch>/} and loads from there; elsewhere it says why it is unavailable.
 */
final class XdpLibraryTest
{
    @Test
    void theLibraryBuiltWithGccLoadsFromTheClasspath()
    {
        if (buildCouldCompile())
        {
            assertNotNull(XdpLibrary.class.getResource(XdpLibrary.resourcePath()), XdpLibrary.resourcePath());
            assertNull(XdpLibrary.unavailableReason());
            assertTrue(XdpLibrary.isAvailable());
            assertEquals(XdpErrors.ENODEV, -XdpNative.interfaceIndex("wsx-absent0"));
        }
        else
        {
            System.out.println("no gcc or not Linux: the library is expected to be absent: " +
                XdpLibrary.unavailableReason());
            assertNotNull(XdpLibrary.unavailableReason());
        }
    }

    private static boolean buildCouldCompile()
    {
        if (!XdpLibrary.isLinux() || null == XdpLibrary.resourcePath())
        {
            return false;
        }
        final String compiler = null == System.getenv("CC") ? "gcc" : System.getenv("CC");
        if (!Files.exists(Path.of(System.getProperty("java.home"), "include", "jni.h")))
        {
            return false;
        }
        if (compiler.contains(File.separator))
        {
            return Files.isExecutable(Path.of(compiler));
        }
        final String path = System.getenv("PATH");
        if (null != path)
        {
            for (final String directory : path.split(File.pathSeparator))
            {
                if (Files.isExecutable(Path.of(directory, compiler)))
                {
                    return true;
                }
            }
        }
        return false;
    }
}
