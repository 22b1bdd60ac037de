package io.wirespeed.nic.pcap;

/**
 * Layouts and constants of the classic pcap and pcapng capture formats, and their timestamp arithmetic.
 * <p>
 * Classic pcap, file header then records; every field in the byte order the magic reveals:
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |        magic: a1b2c3d4 (microseconds) or a1b23c4d (nanos)     |  0
 *  +-------------------------------+-------------------------------+
 *  |        version major (2)      |        version minor (4)      |  4
 *  +-------------------------------+-------------------------------+
 *  |                     thiszone (unused, 0)                      |  8
 *  |                     sigfigs (unused, 0)                       | 12
 *  |                     snaplen                                   | 16
 *  +-------+-+-+-------------------+-------------------------------+
 *  |FCS len|R|P|     reserved      |        link type (1)          | 20
 *  +-------+-+-+-------------------+-------------------------------+
 *  record, repeated:
 *  |                     timestamp seconds                         |  0
 *  |                     timestamp micro- or nanoseconds           |  4
 *  |                     captured length                           |  8
 *  |                     original length                           | 12
 *  |                     frame bytes (captured length) ...         | 16
 * </pre>
 * pcapng, a sequence of blocks, each a multiple of 4 bytes:
 * <pre>
 *  +---------------------------------------------------------------+
 *  |                     block type                                |  0
 *  |                     block total length                        |  4
 *  |                     body (padded to 32 bits) ...              |  8
 *  |                     block total length (again)                |
 *  +---------------------------------------------------------------+
 *  section header body:  byte-order magic 1a2b3c4d, major (1), minor, section length (64), options
 *  interface description body: link type (16), reserved (16), snaplen, options (if_tsresol 9, if_tsoffset 14,
 *                              if_fcslen 13)
 *  enhanced packet body: interface id, timestamp high, timestamp low, captured length, original length, data
 *  simple packet body:   original length, data (interface 0, no timestamp)
 *  packet (obsolete):    interface id (16), drops (16), timestamp high, low, captured length, original length, data
 * </pre>
 */
public final class PcapFormat
{
    /** Classic pcap magic, microsecond timestamps, as read in the writer's byte order. */
    public static final int MAGIC_MICROS = 0xA1B2C3D4;
    /** Classic pcap magic, nanosecond timestamps, as read in the writer's byte order. */
    public static final int MAGIC_NANOS = 0xA1B23C4D;
    /** Classic pcap magic, microsecond timestamps, written in the other byte order. */
    public static final int MAGIC_MICROS_SWAPPED = 0xD4C3B2A1;
    /** Classic pcap magic, nanosecond timestamps, written in the other byte order. */
    public static final int MAGIC_NANOS_SWAPPED = 0x4D3CB2A1;
    /** Length of the classic pcap file header. */
    public static final int FILE_HEADER_LENGTH = 24;
    /** Offset of the snaplen in the classic file header. */
    public static final int FILE_HEADER_SNAPLEN_OFFSET = 16;
    /** Offset of the link type in the classic file header. */
    public static final int FILE_HEADER_LINK_TYPE_OFFSET = 20;
    /** Length of a classic pcap record header. */
    public static final int RECORD_HEADER_LENGTH = 16;
    /** Offset of the captured length in a classic record header. */
    public static final int RECORD_CAPTURED_LENGTH_OFFSET = 8;
    /** Offset of the original length in a classic record header. */
    public static final int RECORD_ORIGINAL_LENGTH_OFFSET = 12;
    /** The largest snaplen libpcap accepts for Ethernet; a 0 or larger snaplen in a file is read as this. */
    public static final int MAX_SNAPLEN = 262_144;

    /** Link type of Ethernet, the frames every RX queue hands over. */
    public static final int LINKTYPE_ETHERNET = 1;
    /** Link type of Linux cooked captures v1 ({@code tcpdump -i any}, older libpcap); read as Ethernet. */
    public static final int LINKTYPE_LINUX_SLL = 113;
    /** Link type of Linux cooked captures v2 ({@code tcpdump -i any}, libpcap 1.10 and later); read as Ethernet. */
    public static final int LINKTYPE_LINUX_SLL2 = 276;

    /** pcapng Section Header Block type (the same in both byte orders). */
    public static final int BLOCK_SECTION_HEADER = 0x0A0D0D0A;
    /** pcapng Interface Description Block type. */
    public static final int BLOCK_INTERFACE_DESCRIPTION = 0x00000001;
    /** pcapng obsolete Packet Block type. */
    public static final int BLOCK_PACKET_OBSOLETE = 0x00000002;
    /** pcapng Simple Packet Block type. */
    public static final int BLOCK_SIMPLE_PACKET = 0x00000003;
    /** pcapng Enhanced Packet Block type. */
    public static final int BLOCK_ENHANCED_PACKET = 0x00000006;
    /** pcapng byte-order magic in the section header. */
    public static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    /** Block type and total length. */
    public static final int BLOCK_HEADER_LENGTH = 8;
    /** Smallest block: type, length, trailing length. */
    public static final int MIN_BLOCK_LENGTH = 12;
    /** Smallest section header: type, length, magic, versions, section length, trailing length. */
    public static final int MIN_SECTION_HEADER_LENGTH = 28;

    /** Interface option: timestamp resolution. */
    public static final int OPTION_IF_TSRESOL = 9;
    /** Interface option: FCS length in bytes. */
    public static final int OPTION_IF_FCSLEN = 13;
    /** Interface option: seconds added to every timestamp. */
    public static final int OPTION_IF_TSOFFSET = 14;
    /** Option list terminator. */
    public static final int OPTION_END = 0;
    /** The default if_tsresol: 10^-6 seconds. */
    public static final int TSRESOL_MICROS = 6;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long[] POWERS_OF_TEN =
    {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
        10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L, 10_000_000_000_000L, 100_000_000_000_000L,
        1_000_000_000_000_000L, 10_000_000_000_000_000L, 100_000_000_000_000_000L, 1_000_000_000_000_000_000L
    };

    private PcapFormat()
    {
    }

    /**
     * Convert a pcapng timestamp in units of an interface's if_tsresol to nanoseconds.
     *
     * @param units   the 64-bit timestamp, unsigned.
     * @param tsresol the if_tsresol byte: top bit clear for 10^-n seconds, set for 2^-n seconds.
     * @return nanoseconds, truncated.
     */
    public static long unitsToNanos(final long units, final int tsresol)
    {
        final int exponent = tsresol & 0x7F;
        if (0 == (tsresol & 0x80))
        {
            if (exponent <= 9)
            {
                return units * POWERS_OF_TEN[9 - exponent];
            }
            final int divisorExponent = exponent - 9;
            return divisorExponent < POWERS_OF_TEN.length ?
                Long.divideUnsigned(units, POWERS_OF_TEN[divisorExponent]) : 0L;
        }

        if (0 == exponent)
        {
            return units * NANOS_PER_SECOND;
        }
        if (exponent >= 64)
        {
            return 0L;
        }
        final long seconds = units >>> exponent;
        final long fraction = units << (64 - exponent);
        return seconds * NANOS_PER_SECOND + unsignedMultiplyHigh(fraction, NANOS_PER_SECOND);
    }

    /**
     * A readable name for a link type, for messages.
     *
     * @param linkType from a file header or interface description.
     * @return its LINKTYPE_ name, or "unknown".
     */
    public static String linkTypeName(final int linkType)
    {
        switch (linkType)
        {
            case 0:
                return "LINKTYPE_NULL";
            case 1:
                return "LINKTYPE_ETHERNET";
            case 101:
                return "LINKTYPE_RAW";
            case 105:
                return "LINKTYPE_IEEE802_11";
            case 113:
                return "LINKTYPE_LINUX_SLL";
            case 127:
                return "LINKTYPE_IEEE802_11_RADIOTAP";
            case 228:
                return "LINKTYPE_IPV4";
            case 229:
                return "LINKTYPE_IPV6";
            case 276:
                return "LINKTYPE_LINUX_SLL2";
            default:
                return "unknown";
        }
    }

    private static long unsignedMultiplyHigh(final long x, final long positiveY)
    {
        return Math.multiplyHigh(x, positiveY) + ((x >> 63) & positiveY);
    }
}
