package io.wirespeed.replay.decode;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Link-layer headers written byte by byte from tcpdump's LINKTYPE_ documentation: where the IPv4 packet starts.
 */
class LinkLayerTest
{
    private final LinkLayer link = new LinkLayer();

    @Test
    void ethernetWithStackedVlanTags()
    {
        final byte[] frame = bytes(
            "01005e010203 020000000001 88a8 0064 8100 0007 0800 45");

        assertEquals(LinkLayer.IPV4, locate(LinkLayer.LINKTYPE_ETHERNET, frame));
        assertEquals(22, offset());
        assertEquals(1, link.networkLength());
        assertEquals(2, link.vlanTags());
    }

    @Test
    void linuxCookedV1AndV2()
    {
        final byte[] v1 = bytes("0000 0304 0006 000000000000 0000 0800 45");
        final byte[] v2 = bytes("0800 0000 00000001 0304 00 06 000000000000 0000 45");

        assertEquals(LinkLayer.IPV4, locate(LinkLayer.LINKTYPE_LINUX_SLL, v1));
        assertEquals(16, offset());
        assertEquals(LinkLayer.IPV4, locate(LinkLayer.LINKTYPE_LINUX_SLL2, v2));
        assertEquals(20, offset());
    }

    @Test
    void rawIpv4AndBsdLoopbackInEitherByteOrder()
    {
        assertEquals(LinkLayer.IPV4, locate(LinkLayer.LINKTYPE_RAW, bytes("45 00")));
        assertEquals(0, offset());
        assertEquals(LinkLayer.OTHER_PROTOCOL, locate(LinkLayer.LINKTYPE_RAW, bytes("60 00")));
        assertEquals("IPv6 (EtherType 0x86DD)", link.protocolName());
        assertEquals(LinkLayer.IPV4, locate(LinkLayer.LINKTYPE_IPV4, bytes("45")));
        assertEquals(LinkLayer.IPV4, locate(LinkLayer.LINKTYPE_NULL, bytes("02000000 45")));
        assertEquals(4, offset());
        assertEquals(LinkLayer.IPV4, locate(LinkLayer.LINKTYPE_NULL, bytes("00000002 45")));
        assertEquals(LinkLayer.OTHER_PROTOCOL, locate(LinkLayer.LINKTYPE_NULL, bytes("1e000000 60")));
    }

    @Test
    void otherProtocolsShortFramesAndOtherLinkTypesAreSaidApart()
    {
        assertEquals(LinkLayer.OTHER_PROTOCOL, locate(LinkLayer.LINKTYPE_ETHERNET,
            bytes("ffffffffffff 020000000001 0806 0001")));
        assertEquals("ARP (EtherType 0x0806)", link.protocolName());
        assertEquals(LinkLayer.TRUNCATED, locate(LinkLayer.LINKTYPE_ETHERNET, bytes("ffffffffffff 020000000001 81")));
        assertEquals(LinkLayer.TRUNCATED, locate(LinkLayer.LINKTYPE_ETHERNET,
            bytes("ffffffffffff 020000000001 8100 0001")));
        assertEquals(LinkLayer.TRUNCATED, locate(LinkLayer.LINKTYPE_LINUX_SLL2, bytes("0800 0000")));
        assertEquals(LinkLayer.UNSUPPORTED_LINK_TYPE, locate(105, bytes("00")));
        assertEquals("LINKTYPE_IEEE802_11 (105)", LinkLayer.linkTypeName(105));
    }

    private int offset()
    {
        return link.networkOffset() - 3;
    }

    private int locate(final int linkType, final byte[] frame)
    {
        final byte[] padded = new byte[frame.length + 8];
        System.arraycopy(frame, 0, padded, 3, frame.length);
        return link.locate(linkType, new UnsafeBuffer(padded), 3, frame.length);
    }

    private static byte[] bytes(final String hex)
    {
        return java.util.HexFormat.of().parseHex(hex.replace(" ", ""));
    }
}
