package io.wirespeed.nic;

/**
 * The counters every port keeps, by type id and label; drops and malformed frames are counted per reason.
 */
public enum NicCounter
{
    RX_FRAMES(1000, "rx frames"),
    RX_BYTES(1001, "rx bytes"),
    TX_FRAMES(1002, "tx frames"),
    TX_BYTES(1003, "tx bytes"),
    TX_RING_FULL(1004, "tx ring full (claim refused, retried by caller)"),
    RX_RING_FULL(1005, "rx ring full (peer could not post, retried by peer)"),
    TX_FRAME_TOO_LARGE(1006, "tx frame larger than a slot"),
    RX_DROPPED_OVERSIZE(1007, "rx dropped: frame larger than a slot"),
    RX_DROPPED_NOT_SUBSCRIBED(1008, "rx dropped: destination not subscribed"),
    MALFORMED_TRUNCATED(1010, "malformed: truncated frame"),
    MALFORMED_LENGTH_MISMATCH(1011, "malformed: header lengths disagree with frame"),
    MALFORMED_NOT_IPV4(1012, "malformed: not IPv4"),
    MALFORMED_IP_OPTIONS(1013, "malformed: IPv4 options present"),
    MALFORMED_IP_FRAGMENT(1014, "malformed: IPv4 fragment"),
    MALFORMED_BAD_IP_CHECKSUM(1015, "malformed: bad IPv4 header checksum"),
    MALFORMED_NOT_UDP(1016, "malformed: not UDP"),
    MALFORMED_BAD_UDP_CHECKSUM(1017, "malformed: bad UDP checksum"),
    FAULT_DROPPED(1020, "fault injection: dropped"),
    FAULT_DUPLICATED(1021, "fault injection: duplicated"),
    FAULT_REORDERED(1022, "fault injection: reordered"),
    FAULT_DELAYED(1023, "fault injection: delayed"),
    CAPTURE_ERRORS(1030, "capture file errors"),
    CAPTURE_TRUNCATED_HEADER(1031, "capture: truncated record header"),
    CAPTURE_TRUNCATED_BODY(1032, "capture: record runs past the end of the file"),
    CAPTURE_RECORD_TOO_LONG(1033, "capture: record longer than snaplen or read buffer, skipped"),
    CAPTURE_UNSUPPORTED_LINK_TYPE(1034, "capture: packet on a non-Ethernet link type, skipped"),
    CAPTURE_BAD_BLOCK(1035, "capture: pcapng block with a bad length or fields"),
    CAPTURE_UNKNOWN_INTERFACE(1036, "capture: packet names an undefined pcapng interface, skipped"),
    CAPTURE_IO_ERROR(1037, "capture: file read or write failed"),
    CAPTURE_FRAME_CUT(1038, "capture: frame cut short by the snap length, not replayed"),
    CAPTURE_BLOCKS_SKIPPED(1039, "capture: pcapng blocks of other types skipped"),
    RX_DROPPED_BAD_DESCRIPTOR(1040, "rx dropped: descriptor outside the peer's frame area"),
    CAPTURE_END(1050, "capture: every frame delivered (1 once the replay has ended)"),
    CAPTURE_FIRST_TIMESTAMP_NS(1051, "capture: recorded time of the first frame delivered (epoch ns)"),
    CAPTURE_LAST_TIMESTAMP_NS(1052, "capture: latest recorded time delivered (epoch ns)"),
    CAPTURE_TIME_BACKWARDS(1053, "capture: frames recorded before a frame already delivered (delivered at once)"),
    RX_ARP(1100, "rx ARP frames (not UDP/IPv4, not malformed)"),
    RX_OTHER_ETHER_TYPE(1101, "rx frames of another EtherType (not UDP/IPv4, not malformed)"),
    TX_DROPPED_MALFORMED(1102, "tx dropped: frame not a well-formed IPv4/UDP datagram"),
    SOCKET_ERRORS(1103, "socket errors (kernel backend)"),
    XDP_MODE(1200, "af_xdp mode in use: 1 generic copy, 2 native copy, 3 native zero-copy"),
    XDP_TX_WAKEUPS(1201, "af_xdp: tx wakeups (sendto system calls)"),
    XDP_RX_WAKEUPS(1202, "af_xdp: rx wakeups (recvfrom system calls)"),
    XDP_KERNEL_RX_DROPPED(1203, "af_xdp: kernel rx drops: no fill-ring frame, rx ring full, bad frame (sampled)"),
    XDP_KERNEL_TX_INVALID(1204, "af_xdp: kernel rejected tx descriptors (sampled)");

    private final int typeId;
    private final String label;

    NicCounter(final int typeId, final String label)
    {
        this.typeId = typeId;
        this.label = label;
    }

    /**
     * The counter's type id in the counters file.
     *
     * @return the counter's type id.
     */
    public int typeId()
    {
        return typeId;
    }

    /**
     * The counter's label, without the port name.
     *
     * @return the counter's label.
     */
    public String label()
    {
        return label;
    }
}
