package io.wirespeed.replay.decode;

import java.nio.file.Path;

/**
 * Where {@code wirespeed decode} writes what it finds, as text lines or JSON lines; every method writes whole lines.
 * A frame number of 0 means the line belongs to no one packet (the end of a capture, a file problem before any).
 */
interface DecodeOutput
{
    /**
     * A capture file starts.
     *
     * @param file   the capture.
     * @param format its format, from the reader.
     */
    void onFile(Path file, String format);

    /**
     * An MDP3 packet printed by the codecs' printer.
     *
     * @param frameNumber of the packet in its file, from 1.
     * @param timestampNs capture time.
     * @param flow        "src:port > dst:port".
     * @param printed     the printer's text or JSON for the packet.
     * @param flag        a problem the packet still decoded with, or null.
     */
    void onMdp3Packet(long frameNumber, long timestampNs, String flow, String printed, DecodeProblem flag);

    /**
     * An iLink 3 SOFH frame printed by the codecs' printer.
     *
     * @param frameNumber  of the packet that completed the frame.
     * @param timestampNs  capture time of that packet.
     * @param flow         "src:port > dst:port".
     * @param streamOffset of the frame's first byte in its direction's stream.
     * @param printed      the printer's text or JSON for the frame.
     */
    void onIlink3Frame(long frameNumber, long timestampNs, String flow, long streamOffset, String printed);

    /**
     * A TCP event worth seeing that is not a problem: SYN, FIN, RST, a stream picked up mid-connection.
     *
     * @param frameNumber of the packet.
     * @param timestampNs capture time.
     * @param flow        "src:port > dst:port".
     * @param event       e.g. "SYN".
     * @param detail      more, or an empty string.
     */
    void onTcpEvent(long frameNumber, long timestampNs, String flow, String event, String detail);

    /**
     * Something wrong or undecodable.
     *
     * @param frameNumber of the packet, or 0.
     * @param timestampNs capture time, or 0.
     * @param flow        "src:port > dst:port", or "-" when there is none.
     * @param problem     its kind.
     * @param detail      what exactly, for people.
     */
    void onProblem(long frameNumber, long timestampNs, String flow, DecodeProblem problem, String detail);

    /**
     * The end: totals of every file decoded.
     *
     * @param summary the totals.
     */
    void onSummary(DecodeSummary summary);

    /**
     * Push out what is buffered.
     */
    void flush();
}
