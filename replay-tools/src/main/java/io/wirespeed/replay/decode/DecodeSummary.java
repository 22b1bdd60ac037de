package io.wirespeed.replay.decode;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Totals of a decode run: packets, flows, messages by template, problems by kind, TCP bytes.
 */
public final class DecodeSummary
{
    private final Map<String, Long> messagesByTemplate = new TreeMap<>();
    private final Map<DecodeProblem, Long> problemsByKind = new EnumMap<>(DecodeProblem.class);
    private final Set<FlowKey> udpFlows = new HashSet<>();
    private final Set<FlowKey> tcpConnections = new HashSet<>();
    private final Set<FlowKey> tcpDirections = new HashSet<>();
    long files;
    long packets;
    long udpDatagrams;
    long tcpSegments;
    long filtered;
    long mdp3Packets;
    long ilink3Frames;
    long tcpStreamBytes;
    long tcpRetransmittedBytes;
    long tcpOutOfOrderSegments;
    long tcpGapBytes;
    long tcpSkippedBytes;

    void onMessage(final String template)
    {
        messagesByTemplate.merge(template, 1L, Long::sum);
    }

    void onProblem(final DecodeProblem problem)
    {
        problemsByKind.merge(problem, 1L, Long::sum);
    }

    void onUdpFlow(final FlowKey flow)
    {
        udpFlows.add(flow);
    }

    void onTcpDirection(final FlowKey direction)
    {
        if (tcpDirections.add(direction))
        {
            tcpConnections.add(direction.unordered());
        }
    }

    /**
     * Messages decoded, by template name ("unknown ..." for templates the codecs do not know).
     *
     * @return counts by name, sorted.
     */
    public Map<String, Long> messagesByTemplate()
    {
        return messagesByTemplate;
    }

    /**
     * Problems found, by kind name.
     *
     * @return counts by kind, in declaration order.
     */
    public Map<String, Long> problemsByKind()
    {
        final Map<String, Long> byName = new TreeMap<>();
        for (final Map.Entry<DecodeProblem, Long> entry : problemsByKind.entrySet())
        {
            byName.put(entry.getKey().name(), entry.getValue());
        }
        return byName;
    }

    /**
     * How many problems of a kind were found.
     *
     * @param kind by its name, e.g. "BAD_UDP_CHECKSUM".
     * @return the count, 0 when none.
     */
    public long problems(final String kind)
    {
        return problemsByKind.getOrDefault(DecodeProblem.valueOf(kind), 0L);
    }

    /**
     * Every problem found, all kinds together.
     *
     * @return the total.
     */
    public long totalProblems()
    {
        long total = 0;
        for (final long count : problemsByKind.values())
        {
            total += count;
        }
        return total;
    }

    /**
     * Messages decoded, every template together, unknown ones included.
     *
     * @return the total.
     */
    public long totalMessages()
    {
        long total = 0;
        for (final long count : messagesByTemplate.values())
        {
            total += count;
        }
        return total;
    }

    /**
     * Capture files decoded.
     *
     * @return files opened.
     */
    public long files()
    {
        return files;
    }

    /**
     * Packets read from the captures.
     *
     * @return packets.
     */
    public long packets()
    {
        return packets;
    }

    /**
     * UDP datagrams among them.
     *
     * @return datagrams.
     */
    public long udpDatagrams()
    {
        return udpDatagrams;
    }

    /**
     * TCP segments among them.
     *
     * @return segments.
     */
    public long tcpSegments()
    {
        return tcpSegments;
    }

    /**
     * UDP and TCP packets the port filters left out.
     *
     * @return packets not decoded on purpose.
     */
    public long filtered()
    {
        return filtered;
    }

    /**
     * MDP3 packets printed.
     *
     * @return packets.
     */
    public long mdp3Packets()
    {
        return mdp3Packets;
    }

    /**
     * SOFH frames printed.
     *
     * @return frames.
     */
    public long ilink3Frames()
    {
        return ilink3Frames;
    }

    /**
     * Distinct UDP flows (source and destination address and port).
     *
     * @return flows.
     */
    public int udpFlows()
    {
        return udpFlows.size();
    }

    /**
     * Distinct TCP connections (either direction).
     *
     * @return connections.
     */
    public int tcpConnections()
    {
        return tcpConnections.size();
    }

    /**
     * TCP stream bytes delivered in order to the framer.
     *
     * @return bytes.
     */
    public long tcpStreamBytes()
    {
        return tcpStreamBytes;
    }

    /**
     * TCP bytes seen twice or more (retransmissions, overlaps) and dropped.
     *
     * @return bytes.
     */
    public long tcpRetransmittedBytes()
    {
        return tcpRetransmittedBytes;
    }

    /**
     * TCP segments that arrived ahead of a hole and were held.
     *
     * @return segments.
     */
    public long tcpOutOfOrderSegments()
    {
        return tcpOutOfOrderSegments;
    }

    /**
     * TCP stream bytes never seen.
     *
     * @return bytes.
     */
    public long tcpGapBytes()
    {
        return tcpGapBytes;
    }

    /**
     * TCP stream bytes skipped to find a frame boundary.
     *
     * @return bytes.
     */
    public long tcpSkippedBytes()
    {
        return tcpSkippedBytes;
    }
}
