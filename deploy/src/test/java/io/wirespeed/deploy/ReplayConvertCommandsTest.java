package io.wirespeed.deploy;

import io.wirespeed.nic.pcap.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code wirespeed replay import} and {@code replay export} through picocli: a text2pcap capture into a journal and
 * back to a pcap capinfos counts, and each refusal one line with its exit code.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
final class ReplayConvertCommandsTest
{
    @TempDir
    Path dir;

    @Test
    void aCaptureImportedAndExportedHasItsPacketsCountedByCapinfos() throws IOException
    {
        ExternalTool.assumeOnPath("text2pcap", "capinfos");
        final Path capture = capture();
        final Path config = Files.writeString(dir.resolve("w.toml"), "[nic]\nbackend = \"pcap\"\n");
        final Path journal = dir.resolve("journal");
        final Path pcap = dir.resolve("out.pcap");

        final Run imported = run(new ReplayImportCommand(), capture.toString(), "--journal", journal.toString(),
            "--config", config.toString());
        final Run exported = run(new ReplayExportCommand(), journal.toString(), "--pcap", pcap.toString(),
            "--from", "+0", "--to", "+1");

        assertEquals(0, imported.exitCode, imported.err);
        assertTrue(imported.out.contains("capture replayed: 1 file, 3 frames"), imported.out);
        assertTrue(imported.out.contains("journaled to " + journal + ": 1 CONFIG record, 3 RAW_FRAME_IN records"),
            imported.out);
        assertEquals(0, exported.exitCode, exported.err);
        assertTrue(exported.out.startsWith("exported to " + pcap + ": 2 RAW_FRAME_IN and 0 RAW_FRAME_OUT frames"),
            exported.out);
        assertTrue(ExternalTool.run(dir, "capinfos", "-c", pcap.toString()).contains("Number of packets:   2"));
    }

    @Test
    void eachRefusalIsOneLineWithItsExitCode() throws IOException
    {
        ExternalTool.assumeOnPath("text2pcap");
        final Path capture = capture();
        final Path journal = dir.resolve("journal");
        final Path missing = dir.resolve("missing.pcap");

        final Run noCapture = run(new ReplayImportCommand(), missing.toString(), "--journal", journal.toString());
        assertEquals(1, noCapture.exitCode);
        assertOneLine("wirespeed replay import: " + missing, noCapture.err);

        assertEquals(0, run(new ReplayImportCommand(), capture.toString(), "--journal", journal.toString()).exitCode);
        final Run again = run(new ReplayImportCommand(), capture.toString(), "--journal", journal.toString());
        assertEquals(1, again.exitCode);
        assertOneLine("wirespeed replay import: " + journal + " already holds a journal", again.err);

        assertEquals(2, run(new ReplayImportCommand(), capture.toString()).exitCode, "--journal is required");

        final Run badTime = run(new ReplayExportCommand(), journal.toString(), "--pcap", dir.resolve("x.pcap")
            .toString(), "--from", "yesterday");
        assertEquals(2, badTime.exitCode);
        assertTrue(badTime.err.startsWith("not a TIME: yesterday; TIME is an ISO-8601 UTC instant"), badTime.err);

        final Run noJournal = run(new ReplayExportCommand(), dir.toString(), "--pcap", dir.resolve("y.pcap")
            .toString());
        assertEquals(1, noJournal.exitCode);
        assertOneLine("wirespeed replay export: " + dir + " holds no journal", noJournal.err);
    }

    private static void assertOneLine(final String start, final String err)
    {
        assertTrue(err.startsWith(start), err);
        assertEquals(1, err.lines().count(), err);
    }

    private Path capture() throws IOException
    {
        final String frame = " 000000 01 00 5e 01 02 03 00 11 22 33 44 55 08 00 45 00 00 1e 00 00 40 00 40 11 00 00" +
            " c6 12 00 01 ef 01 02 03 75 31 79 19 00 0a 00 00 aa bb\n\n";
        final Path text = Files.writeString(dir.resolve("frames.txt"),
            "1700000000.000000001" + frame + "1700000000.500000000" + frame + "1700000002.000000000" + frame);
        final Path capture = dir.resolve("three.pcapng");
        ExternalTool.run(dir, "text2pcap", "-q", "-n", "-t", "%s.%f", text.toString(), capture.toString());
        return capture;
    }

    private static Run run(final Callable<Integer> command, final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exitCode = new CommandLine(command)
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private record Run(int exitCode, String out, String err)
    {
    }
}
