package io.wirespeed.replay.decode;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * Decode output for people: one line per packet, frame, TCP event or problem, each starting with the packet's frame
 * number in its file, its capture time in nanoseconds and its flow ({@code -} where there is none).
 * <pre>
 *   # file capture.pcapng: pcapng (little-endian)
 *   7 1700000000123456789 198.18.0.1:30001 > 239.1.2.3:31001 MDP3 packet seq=1 sendingTime=... messages=2
 *     MDIncrementalRefreshBook46 [1:46 v9] {...}
 *   9 1700000000223456789 127.0.0.1:40312 > 127.0.0.1:9000 @0 SOFH length=96 encoding=0xCAFE Negotiate500 [...]
 *   9 1700000000223456789 127.0.0.1:40312 > 127.0.0.1:9000 TCP FIN at seq 1234
 *   - - 127.0.0.1:40312 > 127.0.0.1:9000 PROBLEM TCP_GAP: 120 bytes missing at stream offset 96 (...)
 * </pre>
 */
final class TextOutput implements DecodeOutput
{
    private final PrintWriter out;
    private final StringBuilder line = new StringBuilder(256);

    TextOutput(final PrintWriter out)
    {
        this.out = out;
    }

    public void onFile(final Path file, final String format)
    {
        out.println("# file " + file + ": " + format);
    }

    public void onMdp3Packet(
        final long frameNumber,
        final long timestampNs,
        final String flow,
        final String printed,
        final DecodeProblem flag)
    {
        start(frameNumber, timestampNs, flow);
        if (null != flag)
        {
            line.append('[').append(flag.name()).append("] ");
        }
        out.println(line.append(printed));
    }

    public void onIlink3Frame(
        final long frameNumber,
        final long timestampNs,
        final String flow,
        final long streamOffset,
        final String printed)
    {
        out.println(start(frameNumber, timestampNs, flow).append('@').append(streamOffset).append(' ').append(printed));
    }

    public void onTcpEvent(
        final long frameNumber, final long timestampNs, final String flow, final String event, final String detail)
    {
        start(frameNumber, timestampNs, flow).append("TCP ").append(event);
        if (!detail.isEmpty())
        {
            line.append(' ').append(detail);
        }
        out.println(line);
    }

    public void onProblem(
        final long frameNumber,
        final long timestampNs,
        final String flow,
        final DecodeProblem problem,
        final String detail)
    {
        out.println(start(frameNumber, timestampNs, flow).append("PROBLEM ").append(problem.name()).append(": ")
            .append(detail));
    }

    public void onSummary(final DecodeSummary summary)
    {
        out.println("summary: " + summary.files() + " file(s), " + summary.packets() + " packets (" +
            summary.udpDatagrams() + " UDP, " + summary.tcpSegments() + " TCP, " + summary.filtered() +
            " left out by the port filters), " + summary.udpFlows() + " UDP flow(s), " + summary.tcpConnections() +
            " TCP connection(s)");
        out.println("summary: " + summary.mdp3Packets() + " MDP3 packets, " + summary.ilink3Frames() +
            " iLink 3 frames; TCP stream bytes " + summary.tcpStreamBytes() + ", retransmitted " +
            summary.tcpRetransmittedBytes() + ", out-of-order segments " + summary.tcpOutOfOrderSegments() +
            ", missing " + summary.tcpGapBytes() + ", skipped to resync " + summary.tcpSkippedBytes());
        out.println("summary: " + summary.totalMessages() + " messages by template:");
        for (final Map.Entry<String, Long> entry : summary.messagesByTemplate().entrySet())
        {
            out.println("summary:   " + entry.getKey() + " " + entry.getValue());
        }
        out.println("summary: " + summary.totalProblems() + " problems by kind:");
        for (final DecodeProblem kind : DecodeProblem.values())
        {
            final long count = summary.problems(kind.name());
            if (count > 0)
            {
                out.println("summary:   " + kind.name() + " " + count + " (" + kind.label() + ")");
            }
        }
    }

    public void flush()
    {
        out.flush();
    }

    private StringBuilder start(final long frameNumber, final long timestampNs, final String flow)
    {
        line.setLength(0);
        if (0 == frameNumber)
        {
            line.append("- - ");
        }
        else
        {
            line.append(frameNumber).append(' ').append(timestampNs).append(' ');
        }
        return line.append(flow).append(' ');
    }
}
