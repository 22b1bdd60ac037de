package io.wirespeed.replay.decode;

import io.wirespeed.nic.frame.TcpDecoder;
import org.agrona.DirectBuffer;

/**
 * One direction of a captured TCP connection carrying iLink 3: SYN, FIN and RST noted, segments put back in order,
 * the stream cut into SOFH frames and each printed once, with what was lost or skipped said where it happens.
 */
final class TcpDirection implements TcpReassembler.Listener, SofhFramer.Listener
{
    static final String MID_CONNECTION = "no SYN seen: the capture began mid-connection";
    static final String CAPTURE_ENDED = "the capture ended";

    private final String flow;
    private final TcpReassembler reassembler;
    private final SofhFramer framer;
    private final DecodeOutput output;
    private final DecodeSummary summary;
    private final Printing printing;
    private long frameNumber;
    private long timestampNs;
    private boolean synSeen;
    private long initialSeq;

    TcpDirection(
        final FlowKey key,
        final int schemaId,
        final int maxHeldBytes,
        final DecodeOutput output,
        final DecodeSummary summary,
        final Printing printing)
    {
        this.flow = key.toString();
        this.reassembler = new TcpReassembler(maxHeldBytes, this);
        this.framer = new SofhFramer(schemaId, this);
        this.output = output;
        this.summary = summary;
        this.printing = printing;
    }

    /**
     * Take one captured segment of this direction.
     *
     * @param frameNumber    of the packet in its file.
     * @param timestampNs    its capture time.
     * @param flags          TCP flags, {@link TcpDecoder#SYN} and the others.
     * @param seq            its sequence number.
     * @param buffer         holding the captured payload.
     * @param payloadOffset  of the payload.
     * @param capturedLength payload bytes captured.
     * @param segmentLength  payload bytes on the wire.
     */
    void onSegment(
        final long frameNumber,
        final long timestampNs,
        final int flags,
        final long seq,
        final DirectBuffer buffer,
        final int payloadOffset,
        final int capturedLength,
        final int segmentLength)
    {
        this.frameNumber = frameNumber;
        this.timestampNs = timestampNs;
        final boolean syn = 0 != (flags & TcpDecoder.SYN);
        long dataSeq = seq;
        if (syn)
        {
            onSyn(flags, seq);
            dataSeq = seq + 1;
        }
        else if (!reassembler.isStarted())
        {
            reassembler.start(seq);
            framer.resync(MID_CONNECTION);
        }

        final long expected = reassembler.nextSeq();
        final int outcome = reassembler.onSegment(dataSeq, buffer, payloadOffset, capturedLength, segmentLength);
        switch (outcome)
        {
            case TcpReassembler.RETRANSMISSION:
                event("RETRANSMISSION", "seq " + (dataSeq & 0xFFFF_FFFFL) + ", " + segmentLength +
                    " bytes already seen, dropped");
                break;
            case TcpReassembler.OVERLAP:
                event("OVERLAP", "seq " + (dataSeq & 0xFFFF_FFFFL) + ", " + (int)(expected - dataSeq) + " of " +
                    segmentLength + " bytes already seen, dropped");
                break;
            case TcpReassembler.OUT_OF_ORDER:
                event("OUT-OF-ORDER", "seq " + (dataSeq & 0xFFFF_FFFFL) + ", " + segmentLength + " bytes held, " +
                    (int)(dataSeq - expected) + " bytes ahead of the next expected");
                break;
            default:
                break;
        }

        if (0 != (flags & TcpDecoder.FIN))
        {
            event("FIN", "at seq " + ((dataSeq + segmentLength) & 0xFFFF_FFFFL));
        }
        if (0 != (flags & TcpDecoder.RST))
        {
            event("RST", "");
            reassembler.flush(TcpReassembler.CAUSE_RESET);
            framer.finish("the connection was reset");
        }
    }

    /**
     * The capture ended: holes still open become gaps, a frame still open is reported.
     *
     * @param lastFrameNumber reported with what is said now, or 0.
     */
    void finish(final long lastFrameNumber)
    {
        frameNumber = lastFrameNumber;
        reassembler.flush(TcpReassembler.CAUSE_END);
        framer.finish(CAPTURE_ENDED);
        summary.tcpRetransmittedBytes += reassembler.retransmittedBytes();
        summary.tcpOutOfOrderSegments += reassembler.outOfOrderSegments();
    }

    /**
     * {@inheritDoc}
     */
    public void onStreamData(final DirectBuffer buffer, final int offset, final int length)
    {
        summary.tcpStreamBytes += length;
        framer.onData(buffer, offset, length);
    }

    /**
     * {@inheritDoc}
     */
    public void onStreamGap(final long bytes, final String cause)
    {
        summary.tcpGapBytes += bytes;
        problem(DecodeProblem.TCP_GAP, bytes + " bytes missing at stream offset " + framer.streamOffset() + " (" +
            cause + ")");
        framer.onGap(bytes, cause);
    }

    /**
     * {@inheritDoc}
     */
    public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long streamOffset)
    {
        summary.ilink3Frames++;
        output.onIlink3Frame(frameNumber, timestampNs, flow, streamOffset, printing.sofhFrame(buffer, offset, length));
    }

    /**
     * {@inheritDoc}
     */
    public void onBadHeader(final DirectBuffer buffer, final int offset, final int available, final long streamOffset)
    {
        problem(DecodeProblem.MALFORMED_MESSAGE, "stream offset " + streamOffset + ": " +
            printing.badFramingHeader(buffer, offset, available));
    }

    /**
     * {@inheritDoc}
     */
    public void onResync(final long skippedBytes, final long streamOffset, final boolean found, final String reason)
    {
        summary.tcpSkippedBytes += skippedBytes;
        final String where = found ? "next SOFH header at stream offset " + streamOffset :
            "no SOFH header found up to stream offset " + streamOffset;
        if (skippedBytes > 0)
        {
            problem(DecodeProblem.TCP_RESYNC, "skipped " + skippedBytes + " bytes, " + where + " (" + reason + ")");
        }
        else
        {
            event("RESYNC", (found ? "SOFH header at stream offset " + streamOffset : where) + ", nothing skipped (" +
                reason + ")");
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onIncompleteFrame(final int bytes, final int frameLength, final long streamOffset, final String cause)
    {
        final String of = frameLength >= 0 ? " of " + frameLength : " (framing header cut)";
        problem(DecodeProblem.TCP_INCOMPLETE_FRAME, "frame at stream offset " + streamOffset + ": " + bytes + of +
            " bytes seen, then " + cause);
    }

    private void onSyn(final int flags, final long seq)
    {
        final String name = 0 != (flags & TcpDecoder.ACK) ? "SYN-ACK" : "SYN";
        final long isn = seq & 0xFFFF_FFFFL;
        if (synSeen && isn == initialSeq)
        {
            event(name, "seq " + isn + " (retransmitted)");
            return;
        }
        if (reassembler.isStarted())
        {
            final String cause = "a new connection on the same ports";
            reassembler.flush(cause);
            framer.finish(cause);
            reassembler.reset();
            framer.reset();
            event(name, "seq " + isn + ": a new connection on the same ports, stream offsets start again at 0");
        }
        else
        {
            event(name, "seq " + isn);
        }
        synSeen = true;
        initialSeq = isn;
        reassembler.start(seq + 1);
    }

    private void event(final String event, final String detail)
    {
        output.onTcpEvent(frameNumber, timestampNs, flow, event, detail);
    }

    private void problem(final DecodeProblem kind, final String detail)
    {
        summary.onProblem(kind);
        output.onProblem(frameNumber, timestampNs, flow, kind, detail);
    }
}
