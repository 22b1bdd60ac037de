package io.wirespeed.replay.decode;

import io.wirespeed.codecs.print.FramePrinter;
import io.wirespeed.codecs.print.MessagePrinter;
import io.wirespeed.codecs.print.PrintFormat;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.NicCounters;
import io.wirespeed.nic.frame.Ipv4Decoder;
import io.wirespeed.nic.frame.TcpDecoder;
import io.wirespeed.nic.frame.UdpDecoder;
import io.wirespeed.nic.pcap.CaptureFileException;
import io.wirespeed.nic.pcap.CaptureFrames;
import io.wirespeed.nic.pcap.CaptureProblem;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prints pcap and pcapng captures of CME MDP 3.0 (UDP) and iLink 3 (TCP) through the codecs' printer: UDP datagrams
 * as MDP3 packets, TCP connections reassembled per direction and cut into SOFH frames; whatever is not decodable is
 * named and decoding carries on. Files given in turn are one run: a TCP stream may go on from one file to the next.
 * <p>
 * UDP checksums are verified only when present (non-zero) and wholly captured, IPv4 header checksums always; TCP
 * checksums are not verified, since captures taken on the sending host or on {@code lo} carry checksums the NIC or
 * nobody ever filled in.
 */
public final class CaptureDecoder implements AutoCloseable
{
    private static final int ILINK3_SCHEMA_ID = io.wirespeed.codecs.ilink3.MessageHeaderDecoder.SCHEMA_ID;
    private static final int MAX_COUNTERS = NicCounter.values().length + 8;

    private final DecodeOptions options;
    private final DecodeOutput output;
    private final DecodeSummary summary = new DecodeSummary();
    private final Printing printing;
    private final NicCounters counters;
    private final LinkLayer link = new LinkLayer();
    private final Ipv4Decoder ip = new Ipv4Decoder();
    private final UdpDecoder udp = new UdpDecoder();
    private final TcpDecoder tcp = new TcpDecoder();
    private final Map<FlowKey, TcpDirection> tcpDirections = new LinkedHashMap<>();
    private final Map<FlowKey, String> udpFlowNames = new LinkedHashMap<>();
    private long frameNumber;
    private long timestampNs;
    private boolean finished;

    /**
     * A decoder writing to {@code out}.
     *
     * @param options what to print and decode.
     * @param out     where lines go.
     */
    public CaptureDecoder(final DecodeOptions options, final PrintWriter out)
    {
        this.options = options;
        this.output = PrintFormat.JSON == options.format() ? new JsonOutput(out) : new TextOutput(out);
        final MessagePrinter messages = MessagePrinter.fromClasspath();
        this.printing = new Printing(new FramePrinter(messages), messages.catalog(), options.format(), summary);
        final CountersManager manager = new CountersManager(
            new UnsafeBuffer(ByteBuffer.allocateDirect(MAX_COUNTERS * CountersManager.METADATA_LENGTH)),
            new UnsafeBuffer(ByteBuffer.allocateDirect(MAX_COUNTERS * CountersManager.COUNTER_LENGTH)));
        this.counters = new NicCounters((typeId, label) -> manager.newCounter(label, typeId), "decode");
    }

    /**
     * Decode one capture file, after those decoded before it.
     *
     * @param file the capture.
     * @throws CaptureFileException when the file is missing, unreadable or not a pcap or pcapng capture; nothing
     *                              of it has been printed then.
     */
    public void decode(final Path file)
    {
        if (finished)
        {
            throw new IllegalStateException("decode after finish");
        }
        if (!Files.exists(file))
        {
            throw new CaptureFileException(file + ": no such file");
        }
        if (!Files.isRegularFile(file))
        {
            throw new CaptureFileException(file + ": not a regular file");
        }

        try (CaptureFrames frames = CaptureFrames.open(
            file, counters, this::onCaptureProblem, CaptureFrames.DEFAULT_READ_BUFFER_BYTES))
        {
            summary.files++;
            frameNumber = 0;
            output.onFile(file, frames.formatName());
            while (frames.next())
            {
                frameNumber = frames.frameNumber();
                timestampNs = frames.timestampNs();
                onFrame(frames);
            }
            frameNumber = 0;
        }
        output.flush();
    }

    /**
     * End the run: TCP holes still open become gaps, frames still open are reported, and the summary is printed.
     *
     * @return the totals.
     */
    public DecodeSummary finish()
    {
        if (!finished)
        {
            finished = true;
            for (final TcpDirection direction : tcpDirections.values())
            {
                direction.finish(0);
            }
            output.onSummary(summary);
            output.flush();
        }
        return summary;
    }

    /**
     * The totals so far.
     *
     * @return the summary.
     */
    public DecodeSummary summary()
    {
        return summary;
    }

    /**
     * Free the counters.
     */
    public void close()
    {
        counters.close();
    }

    private void onCaptureProblem(
        final Path file, final CaptureProblem problem, final long fileOffset, final long value, final long limit)
    {
        problem(DecodeProblem.CAPTURE_FILE, "-", problem.name() + ": " +
            problem.describe(file, fileOffset, value, limit) + (0 == frameNumber ? "" : " (after frame " +
            frameNumber + ")"));
    }

    private void onFrame(final CaptureFrames frames)
    {
        summary.packets++;
        final DirectBuffer buffer = frames.buffer();
        final int length = frames.frameLength();
        final boolean snapped = length < frames.originalFrameLength();
        if (snapped)
        {
            problem(DecodeProblem.SNAPPED, "-", "captured " + length + " of " + frames.originalFrameLength() +
                " bytes (snaplen); decoded as far as it goes");
        }

        switch (link.locate(frames.linkType(), buffer, frames.frameOffset(), length))
        {
            case LinkLayer.UNSUPPORTED_LINK_TYPE:
                problem(DecodeProblem.UNSUPPORTED_LINK_TYPE, "-", "link type " +
                    LinkLayer.linkTypeName(frames.linkType()) + " is not decoded (Ethernet, Linux cooked v1 and " +
                    "v2, raw IP, IPv4 and BSD loopback are); skipped");
                return;
            case LinkLayer.TRUNCATED:
                truncated(snapped, "-", "frame of " + length + " bytes ends inside its link-layer header");
                return;
            case LinkLayer.OTHER_PROTOCOL:
                problem(DecodeProblem.NOT_IPV4, "-", link.protocolName() + " is not IPv4; skipped");
                return;
            default:
                onIpv4(buffer, link.networkOffset(), link.networkLength(), snapped);
        }
    }

    private void onIpv4(final DirectBuffer buffer, final int offset, final int captured, final boolean snapped)
    {
        if (!ip.wrap(buffer, offset, captured))
        {
            truncated(snapped, "-", "IPv4 header cut: " + captured + " bytes");
            return;
        }
        if (4 != ip.version())
        {
            problem(DecodeProblem.NOT_IPV4, "-", "IP version " + ip.version() + " is not IPv4; skipped");
            return;
        }
        final int headerLength = ip.headerLength();
        final int totalLength = ip.totalLength();
        if (headerLength < Ipv4Decoder.MIN_HEADER_LENGTH || totalLength < headerLength)
        {
            problem(DecodeProblem.MALFORMED_IP, "-", "IPv4 header length " + headerLength + ", total length " +
                totalLength + "; skipped");
            return;
        }
        if (headerLength > captured)
        {
            truncated(snapped, "-", "IPv4 header of " + headerLength + " bytes but " + captured + " captured");
            return;
        }
        if (totalLength > captured && !snapped)
        {
            problem(DecodeProblem.MALFORMED_IP, "-", "IPv4 total length " + totalLength + " but the frame holds " +
                captured + " bytes; skipped");
            return;
        }

        DecodeProblem flag = null;
        if (!ip.isChecksumValid())
        {
            flag = DecodeProblem.BAD_IP_CHECKSUM;
            problem(flag, "-", String.format("IPv4 header checksum 0x%04X does not add up; decoded anyway, flagged",
                ip.checksum()));
        }
        if (ip.isFragment())
        {
            problem(DecodeProblem.IP_FRAGMENT, "-", "IPv4 fragment (id " + ip.identification() + ", offset " +
                ip.fragmentOffset() + (ip.moreFragments() ? ", more follow" : ", last") + ") not reassembled; skipped");
            return;
        }

        final int payloadOffset = offset + headerLength;
        final int payloadLength = totalLength - headerLength;
        final int payloadCaptured = Math.min(totalLength, captured) - headerLength;
        switch (ip.protocol())
        {
            case Ipv4Decoder.PROTOCOL_UDP:
                onUdp(buffer, payloadOffset, payloadLength, payloadCaptured, snapped, flag);
                break;
            case Ipv4Decoder.PROTOCOL_TCP:
                onTcp(buffer, payloadOffset, payloadLength, payloadCaptured, snapped);
                break;
            default:
                problem(DecodeProblem.NOT_UDP_OR_TCP, "-", "IPv4 protocol " + ip.protocol() +
                    (Ipv4Decoder.PROTOCOL_ICMP == ip.protocol() ? " (ICMP)" :
                    Ipv4Decoder.PROTOCOL_IGMP == ip.protocol() ? " (IGMP)" : "") + " is neither UDP nor TCP; skipped");
        }
    }

    private void onUdp(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final int captured,
        final boolean snapped,
        final DecodeProblem ipFlag)
    {
        summary.udpDatagrams++;
        if (!udp.wrap(buffer, offset, captured))
        {
            truncated(snapped, "-", "UDP header cut: " + captured + " bytes");
            return;
        }
        final FlowKey key = new FlowKey(ip.source(), udp.sourcePort(), ip.destination(), udp.destinationPort());
        final String flow = udpFlowNames.computeIfAbsent(key, FlowKey::toString);
        final int udpLength = udp.length();
        if (udpLength < UdpDecoder.HEADER_LENGTH || udpLength > length)
        {
            problem(DecodeProblem.MALFORMED_UDP, flow, "UDP length " + udpLength + " but IPv4 carries " + length +
                " bytes; skipped");
            return;
        }
        if (!options.decodesUdp(udp.sourcePort(), udp.destinationPort()))
        {
            summary.filtered++;
            return;
        }
        summary.onUdpFlow(key);

        DecodeProblem flag = ipFlag;
        final boolean whole = udpLength <= captured;
        if (whole && UdpDecoder.NO_CHECKSUM != udp.checksum() && !udp.isChecksumValid(ip.source(), ip.destination()))
        {
            flag = DecodeProblem.BAD_UDP_CHECKSUM;
            problem(flag, flow, String.format("UDP checksum 0x%04X does not add up; decoded anyway, flagged",
                udp.checksum()));
        }

        final int payloadCaptured = Math.min(udpLength, captured) - UdpDecoder.HEADER_LENGTH;
        summary.mdp3Packets++;
        output.onMdp3Packet(frameNumber, timestampNs, flow,
            printing.mdp3Packet(buffer, udp.payloadOffset(), payloadCaptured), flag);
    }

    private void onTcp(
        final DirectBuffer buffer, final int offset, final int length, final int captured, final boolean snapped)
    {
        summary.tcpSegments++;
        if (!tcp.wrap(buffer, offset, captured))
        {
            truncated(snapped, "-", "TCP header cut: " + captured + " bytes");
            return;
        }
        final FlowKey key = new FlowKey(ip.source(), tcp.sourcePort(), ip.destination(), tcp.destinationPort());
        final int headerLength = tcp.headerLength();
        if (headerLength < TcpDecoder.MIN_HEADER_LENGTH || headerLength > length)
        {
            problem(DecodeProblem.MALFORMED_TCP, key.toString(), "TCP data offset " + headerLength +
                " bytes in a segment of " + length + "; skipped");
            return;
        }
        if (headerLength > captured)
        {
            truncated(snapped, key.toString(), "TCP header of " + headerLength + " bytes but " + captured +
                " captured");
            return;
        }
        if (!options.decodesTcp(tcp.sourcePort(), tcp.destinationPort()))
        {
            summary.filtered++;
            return;
        }

        TcpDirection direction = tcpDirections.get(key);
        if (null == direction)
        {
            direction = new TcpDirection(
                key, ILINK3_SCHEMA_ID, options.maxHeldBytes(), output, summary, printing);
            tcpDirections.put(key, direction);
            summary.onTcpDirection(key);
        }
        direction.onSegment(frameNumber, timestampNs, tcp.flags(), tcp.sequenceNumber(), buffer,
            offset + headerLength, captured - headerLength, length - headerLength);
    }

    private void truncated(final boolean snapped, final String flow, final String detail)
    {
        if (snapped)
        {
            output.onProblem(frameNumber, timestampNs, flow, DecodeProblem.SNAPPED, detail + "; skipped");
        }
        else
        {
            problem(DecodeProblem.TRUNCATED_FRAME, flow, detail + "; skipped");
        }
    }

    private void problem(final DecodeProblem kind, final String flow, final String detail)
    {
        summary.onProblem(kind);
        output.onProblem(frameNumber, timestampNs, flow, kind, detail);
    }
}
