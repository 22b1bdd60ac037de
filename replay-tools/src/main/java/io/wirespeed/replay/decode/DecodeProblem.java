package io.wirespeed.replay.decode;

/**
 * What {@code wirespeed decode} found wrong or could not decode, one kind per constant, counted in the summary.
 */
enum DecodeProblem
{
    /** The capture file itself: a cut record, a bad block; the reader's own message says which. */
    CAPTURE_FILE("problem in the capture file"),
    /** A packet cut by the capture's snaplen: decoded as far as it goes. */
    SNAPPED("packet cut by the snaplen"),
    /** A frame that ends inside its link-layer, IPv4, UDP or TCP header without the snaplen cutting it: skipped. */
    TRUNCATED_FRAME("frame shorter than its headers"),
    /** A frame of a link type the decoder does not read. */
    UNSUPPORTED_LINK_TYPE("unsupported link type"),
    /** ARP, IPv6 or another network protocol: named and skipped. */
    NOT_IPV4("not IPv4"),
    /** IPv4 but neither UDP nor TCP: named and skipped. */
    NOT_UDP_OR_TCP("IPv4 but neither UDP nor TCP"),
    /** An IPv4 fragment: not reassembled, skipped. */
    IP_FRAGMENT("IPv4 fragment, not reassembled"),
    /** An IPv4 header cut short or with lengths that disagree: skipped. */
    MALFORMED_IP("malformed IPv4 header"),
    /** An IPv4 header checksum that does not add up: the packet is still decoded, flagged. */
    BAD_IP_CHECKSUM("bad IPv4 header checksum"),
    /** A UDP header cut short or with a length that disagrees with IP's: skipped. */
    MALFORMED_UDP("malformed UDP header"),
    /** A UDP checksum that is present (non-zero) and wrong: the datagram is still decoded, flagged. */
    BAD_UDP_CHECKSUM("bad UDP checksum"),
    /** A TCP header cut short or with a bad data offset: skipped. */
    MALFORMED_TCP("malformed TCP header"),
    /** An SBE message whose template or schema the codecs do not know. */
    UNKNOWN_TEMPLATE("unknown template"),
    /** A message or frame that does not parse: bad sizes, bad framing header, cut short. */
    MALFORMED_MESSAGE("malformed message"),
    /** Stream bytes never seen (a hole TCP reassembly could not fill, or bytes past the snaplen). */
    TCP_GAP("TCP bytes missing from the capture"),
    /** Stream bytes skipped to find the next plausible SOFH header. */
    TCP_RESYNC("TCP stream resynchronised on a SOFH header"),
    /** A SOFH frame whose bytes were cut by a gap or by the end of the capture. */
    TCP_INCOMPLETE_FRAME("SOFH frame cut by a gap or the end of the capture");

    private final String label;

    DecodeProblem(final String label)
    {
        this.label = label;
    }

    /**
     * What the kind means, for the summary.
     *
     * @return the label.
     */
    String label()
    {
        return label;
    }
}
