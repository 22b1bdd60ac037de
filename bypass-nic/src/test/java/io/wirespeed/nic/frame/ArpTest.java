package io.wirespeed.nic.frame;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class ArpTest
{
    @Test
    void replyRoundTrip()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[ArpDecoder.LENGTH]);
        assertEquals(ArpDecoder.LENGTH, new ArpEncoder().wrap(buffer, 0)
            .reply(0x0200_0000_0002L, 0xC612_0002, 0x0200_0000_0001L, 0xC612_0001));

        final ArpDecoder decoder = new ArpDecoder();
        assertTrue(decoder.wrap(buffer, 0, ArpDecoder.LENGTH));
        assertTrue(decoder.isIpv4OverEthernet());
        assertEquals(ArpDecoder.HARDWARE_TYPE_ETHERNET, decoder.hardwareType());
        assertEquals(EthernetDecoder.ETHER_TYPE_IPV4, decoder.protocolType());
        assertEquals(ArpDecoder.OPERATION_REPLY, decoder.operation());
        assertEquals(0x0200_0000_0002L, decoder.senderMac());
        assertEquals(0xC612_0002, decoder.senderIp());
        assertEquals(0x0200_0000_0001L, decoder.targetMac());
        assertEquals(0xC612_0001, decoder.targetIp());
    }

    @Test
    void shortOrForeignPacketsAreTold()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[ArpDecoder.LENGTH]);
        new ArpEncoder().wrap(buffer, 0).request(1, 2, 3);
        final ArpDecoder decoder = new ArpDecoder();
        assertFalse(decoder.wrap(buffer, 0, ArpDecoder.LENGTH - 1));
        assertTrue(decoder.wrap(buffer, 0, ArpDecoder.LENGTH));
        buffer.putByte(5, (byte)16);
        assertFalse(decoder.isIpv4OverEthernet());
    }
}
