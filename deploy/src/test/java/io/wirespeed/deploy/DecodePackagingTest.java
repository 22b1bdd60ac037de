package io.wirespeed.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bin/wirespeed decode} from the packaged launcher: the runnable jar finds the schemas the printer needs.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
final class DecodePackagingTest
{
    private static final Path LAUNCHER =
        Path.of(System.getProperty("wirespeed.dist.dir", "target/wirespeed")).resolve("bin/wirespeed");

    @TempDir
    Path directory;

    @Test
    void theLauncherDecodesACaptureAsJsonLines() throws Exception
    {
        final Path capture = DecodeCommandTest.heartbeatCapture(directory);
        final Process process = new ProcessBuilder("sh", LAUNCHER.toString(), "decode", "--json", capture.toString())
            .redirectErrorStream(true)
            .start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("\"packet\":{\"msgSeqNum\":7,\"sendingTime\":1000,\"messages\":[{\"message\":" +
            "\"AdminHeartbeat12\""), output);
        assertTrue(output.contains("{\"kind\":\"summary\",\"files\":1,\"packets\":1,"), output);
    }
}
