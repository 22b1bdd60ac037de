package io.wirespeed.deploy;

import io.wirespeed.codecs.print.PrintFormat;
import io.wirespeed.nic.pcap.CaptureFileException;
import io.wirespeed.replay.decode.CaptureDecoder;
import io.wirespeed.replay.decode.DecodeOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code wirespeed decode}: print pcap and pcapng captures of MDP 3.0 and iLink 3 traffic through the codecs.
 */
@Command(name = "decode", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Print pcap or pcapng captures (tcpdump, tshark, dumpcap; Ethernet with VLAN tags, Linux cooked v1/v2 from",
        "'tcpdump -i any', raw IPv4) of CME MDP 3.0 and iLink 3 traffic through the codecs' printer: one line per",
        "packet, frame, TCP event or problem, starting with the packet's number in its file, its capture time in",
        "nanoseconds and its flow; --json writes one JSON object per line instead. A summary ends the output.",
        "",
        "UDP datagrams are MDP3 packets (MsgSeqNum, SendingTime, then each message). TCP connections are iLink 3:",
        "each direction is reassembled by sequence number (retransmitted and overlapping bytes dropped, segments",
        "ahead of a hole held up to --tcp-hold-bytes) and cut into SOFH frames however segments split them. A hole",
        "that never fills is reported with its byte count, and framing resumes at the next plausible SOFH header",
        "(FE CA, iLink 3 schema id), saying how many bytes it skipped; so does a capture that began mid-connection.",
        "Unknown templates, malformed frames, non-IPv4 and non-UDP/TCP packets are named and decoding carries on.",
        "",
        "Checksums: IPv4 header checksums are verified. UDP checksums are verified only when present (non-zero) and",
        "wholly captured; a bad one is reported and the datagram still decoded, flagged. TCP checksums are not",
        "verified: captures on 'lo' or on the sending host hold checksums the NIC (TX offload) fills in later.",
        "",
        "Files given together are one run: a TCP stream may continue from one file into the next.",
        "Exit codes: 0 done (problems inside a capture are reported, not fatal), 1 a file is missing or not a",
        "capture (one line on stderr; the other files are still decoded), 2 usage."
    })
final class DecodeCommand implements Callable<Integer>
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "pcap or pcapng captures, decoded in this order")
    List<Path> files = new ArrayList<>();

    @Option(names = "--json", description = "one JSON object per line (jq reads it), instead of text")
    boolean json;

    @Option(names = "--mdp3-port", paramLabel = "PORT", split = ",",
        description = "decode only UDP to or from these ports as MDP3 (repeat or comma-separate); with no " +
            "--mdp3-port and no --ilink3-port every UDP datagram is MDP3 and every TCP segment iLink 3, with " +
            "either only the listed ports are decoded")
    List<Integer> mdp3Ports = new ArrayList<>();

    @Option(names = "--ilink3-port", paramLabel = "PORT", split = ",",
        description = "decode only TCP to or from these ports as iLink 3 (repeat or comma-separate)")
    List<Integer> ilink3Ports = new ArrayList<>();

    @Option(names = "--tcp-hold-bytes", paramLabel = "BYTES", defaultValue = "" + DecodeOptions.DEFAULT_MAX_HELD_BYTES,
        description = "out-of-order TCP payload held per direction before the hole in front of it is given up " +
            "(default: ${DEFAULT-VALUE})")
    int tcpHoldBytes;

    public Integer call()
    {
        final DecodeOptions options = options();
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        int exitCode = 0;
        try (CaptureDecoder decoder = new CaptureDecoder(options, out))
        {
            for (final Path file : files)
            {
                try
                {
                    decoder.decode(file);
                }
                catch (final CaptureFileException ex)
                {
                    out.flush();
                    err.println("wirespeed decode: " + ex.getMessage());
                    err.flush();
                    exitCode = 1;
                }
            }
            if (decoder.summary().files() > 0)
            {
                decoder.finish();
            }
        }
        out.flush();
        return exitCode;
    }

    private DecodeOptions options()
    {
        final DecodeOptions options = new DecodeOptions().format(json ? PrintFormat.JSON : PrintFormat.TEXT);
        try
        {
            for (final int port : mdp3Ports)
            {
                options.mdp3Port(port);
            }
            for (final int port : ilink3Ports)
            {
                options.ilink3Port(port);
            }
            options.maxHeldBytes(tcpHoldBytes);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), ex.getMessage());
        }
        return options;
    }
}
