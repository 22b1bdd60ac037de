package io.wirespeed.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code wirespeed decode} as a user runs it: exit codes, one clear line for a file it refuses, text and JSON lines
 * for a capture text2pcap wrote.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
final class DecodeCommandTest
{
    /**
     * An MDP3 AdminHeartbeat12 packet written byte by byte from CME's layout: MsgSeqNum 7, SendingTime 1000, then
     * MsgSize 10 and the SBE header (blockLength 0, template 12, schema 1, version 9); all little-endian.
     */
    private static final String HEARTBEAT_PACKET =
        "000000  07 00 00 00 e8 03 00 00 00 00 00 00 0a 00 00 00\n" +
        "000010  0c 00 01 00 09 00\n\n";

    @TempDir
    Path directory;

    @Test
    void noFileIsAUsageError()
    {
        final Run run = decode();
        assertEquals(2, run.exitCode, run.err);
        assertTrue(run.err.contains("Missing required parameter: 'FILE'"), run.err);
    }

    @Test
    void aPortOutOfRangeIsAUsageError()
    {
        final Run run = decode("--mdp3-port", "70000", "x.pcap");
        assertEquals(2, run.exitCode, run.err);
        assertTrue(run.err.contains("not a port number (0 to 65535): 70000"), run.err);
    }

    @Test
    void aMissingFileOrAFileThatIsNoCaptureIsRefusedInOneLine() throws IOException
    {
        final Path missing = directory.resolve("missing.pcap");
        final Path text = Files.writeString(directory.resolve("notes.txt"), "not a capture\n");

        final Run run = decode(missing.toString(), text.toString());

        assertEquals(1, run.exitCode, run.err);
        assertEquals(List.of("wirespeed decode: " + missing + ": no such file",
            "wirespeed decode: " + text + ": file offset 0: bad magic 20746f6e: not a pcap (a1b2c3d4, a1b23c4d, " +
            "either byte order) or pcapng (0a0d0d0a) file"), run.err.lines().toList());
        assertEquals("", run.out);
    }

    @Test
    void decodesACaptureAsTextOrJsonLinesAndRefusesTheBadFileBesideIt() throws Exception
    {
        final Path capture = heartbeatCapture(directory);
        final Path missing = directory.resolve("missing.pcap");

        final Run text = decode(capture.toString());
        final Run json = decode("--json", capture.toString(), missing.toString());

        assertEquals(0, text.exitCode, text.err);
        final List<String> lines = text.out.lines().toList();
        assertEquals("1 1700000000000000001 198.18.0.1:30001 > 239.1.2.3:31001 MDP3 packet seq=7 sendingTime=1000 " +
            "messages=1", lines.get(1));
        assertEquals("  AdminHeartbeat12 [1:12 v9] {}", lines.get(2));
        assertTrue(text.out.contains("summary:   AdminHeartbeat12 1"), text.out);

        assertEquals(1, json.exitCode, json.err);
        assertEquals("wirespeed decode: " + missing + ": no such file", json.err.strip());
        for (final String line : json.out.lines().toList())
        {
            assertTrue(line.startsWith("{\"kind\":\"") && line.endsWith("}"), line);
        }
        assertTrue(json.out.contains("{\"kind\":\"mdp3\",\"frame\":1,\"ts\":1700000000000000001,\"flow\":" +
            "\"198.18.0.1:30001 > 239.1.2.3:31001\",\"packet\":{\"msgSeqNum\":7,\"sendingTime\":1000,\"messages\":" +
            "[{\"message\":\"AdminHeartbeat12\",\"schemaId\":1,\"templateId\":12,\"version\":9,\"fields\":{}}]}}"),
            json.out);
        assertTrue(json.out.contains("\"messagesByTemplate\":{\"AdminHeartbeat12\":1}"), json.out);
    }

    /**
     * A one-packet capture text2pcap writes from {@link #HEARTBEAT_PACKET}; skips the test when it is missing.
     */
    static Path heartbeatCapture(final Path directory) throws IOException, InterruptedException
    {
        assumeTrue(onPath("text2pcap"), () ->
        {
            System.out.println("skipped: text2pcap is not on the PATH (.ci/run installs tshark)");
            return "text2pcap is not on the PATH";
        });
        final Path dump = Files.writeString(directory.resolve("heartbeat.txt"),
            "1700000000.000000001 " + HEARTBEAT_PACKET);
        final Path capture = directory.resolve("heartbeat.pcapng");
        final Process process = new ProcessBuilder("text2pcap", "-q", "-t", "%s.%f", "-4", "198.18.0.1,239.1.2.3",
            "-u", "30001,31001", dump.toString(), capture.toString())
            .redirectErrorStream(true)
            .start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(1, TimeUnit.MINUTES));
        assertEquals(0, process.exitValue(), output);
        return capture;
    }

    private static boolean onPath(final String tool)
    {
        final List<String> directories = new ArrayList<>(List.of(System.getenv("PATH").split(File.pathSeparator)));
        return directories.stream().anyMatch(directory -> Files.isExecutable(Path.of(directory, tool)));
    }

    private static Run decode(final String... args)
    {
        final String[] command = new String[args.length + 1];
        command[0] = "decode";
        System.arraycopy(args, 0, command, 1, args.length);
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exitCode = new CommandLine(new Wirespeed())
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(command);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static final class Run
    {
        final int exitCode;
        final String out;
        final String err;

        Run(final int exitCode, final String out, final String err)
        {
            this.exitCode = exitCode;
            this.out = out;
            this.err = err;
        }
    }
}
