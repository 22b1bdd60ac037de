package io.wirespeed.nic.frame;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class EthernetTest
{
    private static final long DESTINATION = 0x0100_5E01_0203L;
    private static final long SOURCE = 0x0200_0000_0001L;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
    private final EthernetEncoder encoder = new EthernetEncoder();
    private final EthernetDecoder decoder = new EthernetDecoder();

    @Test
    void untaggedRoundTrip()
    {
        encoder.wrap(buffer, 4).destination(DESTINATION).source(SOURCE).etherType(EthernetDecoder.ETHER_TYPE_IPV4);
        assertEquals(14, encoder.headerLength());
        assertEquals(18, encoder.payloadOffset());

        assertTrue(decoder.wrap(buffer, 4, 60));
        assertEquals(DESTINATION, decoder.destination());
        assertEquals(SOURCE, decoder.source());
        assertEquals(EthernetDecoder.ETHER_TYPE_IPV4, decoder.etherType());
        assertFalse(decoder.isVlanTagged());
        assertEquals(EthernetDecoder.NO_VLAN, decoder.vlanId());
        assertEquals(0, decoder.vlanPriority());
        assertEquals(14, decoder.headerLength());
        assertEquals(18, decoder.payloadOffset());
        assertEquals(46, decoder.payloadLength());
    }

    @Test
    void vlanTaggedRoundTrip()
    {
        encoder.wrapVlan(buffer, 0, 5, 0xABC).destination(DESTINATION).source(SOURCE)
            .etherType(EthernetDecoder.ETHER_TYPE_ARP);
        assertEquals(18, encoder.headerLength());
        assertEquals(0x81, buffer.getByte(12) & 0xFF);
        assertEquals(0x00, buffer.getByte(13) & 0xFF);

        assertTrue(decoder.wrap(buffer, 0, 64));
        assertTrue(decoder.isVlanTagged());
        assertEquals(0xABC, decoder.vlanId());
        assertEquals(5, decoder.vlanPriority());
        assertEquals(EthernetDecoder.ETHER_TYPE_ARP, decoder.etherType());
        assertEquals(18, decoder.payloadOffset());
        assertEquals(46, decoder.payloadLength());
    }

    @Test
    void headerThatDoesNotFitIsRefused()
    {
        encoder.wrapVlan(buffer, 0, 0, 7).etherType(EthernetDecoder.ETHER_TYPE_IPV4);
        assertFalse(decoder.wrap(buffer, 0, 13));
        assertFalse(decoder.wrap(buffer, 0, 17));
        assertTrue(decoder.wrap(buffer, 0, 18));
    }

    @Test
    void ipv4MulticastMapsToLow23Bits()
    {
        assertEquals(0x0100_5E01_0203L, MacAddress.ofIpv4Multicast(Ipv4Address.parse("239.1.2.3")));
        assertEquals(0x0100_5E01_0203L, MacAddress.ofIpv4Multicast(Ipv4Address.parse("224.129.2.3")));
        assertEquals(0x0100_5E7F_FFFFL, MacAddress.ofIpv4Multicast(Ipv4Address.parse("239.255.255.255")));
        assertEquals(0x0100_5E00_0016L, MacAddress.ofIpv4Multicast(Ipv4Address.IGMPV3_ROUTERS));
        assertTrue(MacAddress.isGroup(MacAddress.ofIpv4Multicast(Ipv4Address.ALL_ROUTERS)));
        assertFalse(MacAddress.isGroup(SOURCE));
    }

    @Test
    void macAddressTextAndBytes()
    {
        assertEquals("01:00:5e:01:02:03", MacAddress.toString(DESTINATION));
        assertEquals(DESTINATION, MacAddress.parse("01:00:5E:01:02:03"));
        assertEquals(SOURCE, MacAddress.of(new byte[]{ 2, 0, 0, 0, 0, 1 }));
        assertEquals(0, MacAddress.of(null));
        assertThrows(IllegalArgumentException.class, () -> MacAddress.parse("01:00:5e:01:02"));
        assertThrows(IllegalArgumentException.class, () -> MacAddress.parse("01:00:5e:01:02:zz"));
    }

    @Test
    void ipv4AddressTextAndMulticastTest()
    {
        assertEquals(0xEF01_0203, Ipv4Address.parse("239.1.2.3"));
        assertEquals("239.1.2.3", Ipv4Address.toString(0xEF01_0203));
        assertEquals("255.255.255.255", Ipv4Address.toString(-1));
        assertTrue(Ipv4Address.isMulticast(0xE000_0001));
        assertFalse(Ipv4Address.isMulticast(0xF000_0001));
        assertEquals(-1, Ipv4Address.tryParse("eth0.100"));
        assertEquals(0x7F00_0001, Ipv4Address.of(Ipv4Address.toInetAddress(0x7F00_0001)));
        assertThrows(IllegalArgumentException.class, () -> Ipv4Address.parse("256.1.1.1"));
    }
}
