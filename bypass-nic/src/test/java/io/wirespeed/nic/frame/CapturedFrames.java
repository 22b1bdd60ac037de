package io.wirespeed.nic.frame;

/**
 * Real frames captured from a Linux 6.18 kernel through a tap device in a network namespace (TX checksums computed
 * in software, no offload), their IPv4, UDP, TCP and IGMP checksums confirmed correct by tshark.
 * Host 198.18.0.1 at 02:00:00:00:00:01; peer 198.18.0.2 at 02:00:00:00:00:02; group 239.1.2.3.
 */
final class CapturedFrames
{
    /** UDP 198.18.0.1:40000 to 239.1.2.3:14310, TTL 1, payload "wirespeed mdp3 test payload"; IP 0x4563, UDP 0xb8d4. */
    static final String UDP_MULTICAST =
        "01005e010203 020000000001 0800" +
        "4500 0037 7d3b 4000 0111 4563 c6120001 ef010203" +
        "9c40 37e6 0023 b8d4" +
        "776972657370656564206d6470332074657374207061796c6f6164";

    /** ARP request: who has 198.18.0.2? Tell 198.18.0.1. */
    static final String ARP_REQUEST =
        "ffffffffffff 020000000001 0806" +
        "0001 0800 06 04 0001 020000000001 c6120001 000000000000 c6120002";

    /** TCP SYN 198.18.0.1:40001 to 198.18.0.2:9000, options MSS, SACK-permitted, timestamps, window scale; 0x3368. */
    static final String TCP_SYN =
        "020000000002 020000000001 0800" +
        "4500 003c 4158 4000 4006 6d3c c6120001 c6120002" +
        "9c41 2328 d3cebe1d 00000000 a002 faf0 3368 0000" +
        "020405b4 0402080a 2bf11035 00000000 0103030a";

    /** IGMPv3 report to 224.0.0.22 with Router Alert: CHANGE_TO_EXCLUDE_MODE 239.1.2.3, no sources (a join). */
    static final String IGMP_V3_JOIN =
        "01005e000016 020000000001 0800" +
        "46c0 0028 0000 4000 0102 3de6 c6120001 e0000016 94040000" +
        "2200 e8f9 0000 0001 04 00 0000 ef010203";

    /** IGMPv2 membership report for 239.1.2.3, with Router Alert. */
    static final String IGMP_V2_REPORT =
        "01005e010203 020000000001 0800" +
        "46c0 0020 0000 4000 0102 2d00 c6120001 ef010203 94040000" +
        "1600 f8fa ef010203";

    /** IGMPv2 leave group for 239.1.2.3 to 224.0.0.2, with Router Alert. */
    static final String IGMP_V2_LEAVE =
        "01005e000002 020000000001 0800" +
        "46c0 0020 0000 4000 0102 3e02 c6120001 e0000002 94040000" +
        "1700 f7fa ef010203";

    static final long HOST_MAC = 0x0200_0000_0001L;
    static final long PEER_MAC = 0x0200_0000_0002L;
    static final int HOST_IP = 0xC612_0001;
    static final int PEER_IP = 0xC612_0002;
    static final int GROUP = 0xEF01_0203;

    private CapturedFrames()
    {
    }
}
