package io.wirespeed.replay.decode;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * Decode output for programs: one JSON object per line, {@code kind} first, so {@code jq} reads it.
 * <pre>
 *   {"kind":"file","file":"...","format":"pcapng (little-endian)"}
 *   {"kind":"mdp3","frame":7,"ts":1700000000123456789,"flow":"a:1 > b:2","packet":{"msgSeqNum":1,...}}
 *   {"kind":"ilink3","frame":9,"ts":...,"flow":"...","streamOffset":0,"sofh":{"messageLength":96,...}}
 *   {"kind":"tcp","frame":9,"ts":...,"flow":"...","event":"SYN","detail":"seq 1"}
 *   {"kind":"problem","frame":0,"ts":0,"flow":"...","problem":"TCP_GAP","detail":"..."}
 *   {"kind":"summary","files":1,"packets":...,"messagesByTemplate":{...},"problemsByKind":{...}}
 * </pre>
 * A {@code frame} of 0 means the line belongs to no one packet.
 */
final class JsonOutput implements DecodeOutput
{
    private final PrintWriter out;
    private final StringBuilder line = new StringBuilder(512);

    JsonOutput(final PrintWriter out)
    {
        this.out = out;
    }

    public void onFile(final Path file, final String format)
    {
        line.setLength(0);
        line.append("{\"kind\":\"file\",\"file\":");
        quote(line, file.toString()).append(",\"format\":");
        out.println(quote(line, format).append('}'));
    }

    public void onMdp3Packet(
        final long frameNumber,
        final long timestampNs,
        final String flow,
        final String printed,
        final DecodeProblem flag)
    {
        start("mdp3", frameNumber, timestampNs, flow);
        if (null != flag)
        {
            line.append(",\"flag\":\"").append(flag.name()).append('"');
        }
        out.println(line.append(",\"packet\":").append(printed).append('}'));
    }

    public void onIlink3Frame(
        final long frameNumber,
        final long timestampNs,
        final String flow,
        final long streamOffset,
        final String printed)
    {
        out.println(start("ilink3", frameNumber, timestampNs, flow).append(",\"streamOffset\":").append(streamOffset)
            .append(",\"sofh\":").append(printed).append('}'));
    }

    public void onTcpEvent(
        final long frameNumber, final long timestampNs, final String flow, final String event, final String detail)
    {
        start("tcp", frameNumber, timestampNs, flow).append(",\"event\":");
        quote(line, event).append(",\"detail\":");
        out.println(quote(line, detail).append('}'));
    }

    public void onProblem(
        final long frameNumber,
        final long timestampNs,
        final String flow,
        final DecodeProblem problem,
        final String detail)
    {
        start("problem", frameNumber, timestampNs, flow).append(",\"problem\":\"").append(problem.name())
            .append("\",\"detail\":");
        out.println(quote(line, detail).append('}'));
    }

    public void onSummary(final DecodeSummary summary)
    {
        line.setLength(0);
        line.append("{\"kind\":\"summary\",\"files\":").append(summary.files())
            .append(",\"packets\":").append(summary.packets())
            .append(",\"udpDatagrams\":").append(summary.udpDatagrams())
            .append(",\"tcpSegments\":").append(summary.tcpSegments())
            .append(",\"filtered\":").append(summary.filtered())
            .append(",\"udpFlows\":").append(summary.udpFlows())
            .append(",\"tcpConnections\":").append(summary.tcpConnections())
            .append(",\"mdp3Packets\":").append(summary.mdp3Packets())
            .append(",\"ilink3Frames\":").append(summary.ilink3Frames())
            .append(",\"tcpStreamBytes\":").append(summary.tcpStreamBytes())
            .append(",\"tcpRetransmittedBytes\":").append(summary.tcpRetransmittedBytes())
            .append(",\"tcpOutOfOrderSegments\":").append(summary.tcpOutOfOrderSegments())
            .append(",\"tcpGapBytes\":").append(summary.tcpGapBytes())
            .append(",\"tcpSkippedBytes\":").append(summary.tcpSkippedBytes())
            .append(",\"messages\":").append(summary.totalMessages())
            .append(",\"messagesByTemplate\":");
        counts(summary.messagesByTemplate());
        line.append(",\"problems\":").append(summary.totalProblems()).append(",\"problemsByKind\":");
        counts(summary.problemsByKind());
        out.println(line.append('}'));
    }

    public void flush()
    {
        out.flush();
    }

    private void counts(final Map<String, Long> counts)
    {
        line.append('{');
        String separator = "";
        for (final Map.Entry<String, Long> entry : counts.entrySet())
        {
            line.append(separator);
            quote(line, entry.getKey()).append(':').append(entry.getValue());
            separator = ",";
        }
        line.append('}');
    }

    private StringBuilder start(final String kind, final long frameNumber, final long timestampNs, final String flow)
    {
        line.setLength(0);
        line.append("{\"kind\":\"").append(kind).append("\",\"frame\":").append(frameNumber)
            .append(",\"ts\":").append(0 == frameNumber ? 0 : timestampNs).append(",\"flow\":");
        return quote(line, flow);
    }

    static StringBuilder quote(final StringBuilder out, final String value)
    {
        out.append('"');
        for (int i = 0, length = value.length(); i < length; i++)
        {
            final char c = value.charAt(i);
            if ('"' == c || '\\' == c)
            {
                out.append('\\').append(c);
            }
            else if (c < 0x20)
            {
                out.append(String.format("\\u%04x", (int)c));
            }
            else
            {
                out.append(c);
            }
        }
        return out.append('"');
    }
}
