package io.wirespeed.nic.frame;

import io.wirespeed.nic.FrameHandler;
import io.wirespeed.nic.NicCounters;
import org.agrona.DirectBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every frame a port hands up, parsed by the UDP view, as plain records for assertions.
 */
public final class ReceivedDatagrams implements FrameHandler
{
    public record Datagram(
        int sourceAddress,
        int sourcePort,
        int destinationAddress,
        int destinationPort,
        long destinationMac,
        String payload,
        long rxTimestampNs)
    {
    }

    public final List<Datagram> datagrams = new ArrayList<>();
    private final UdpFrameDecoder decoder;
    private final UdpView view = new UdpView();
    private final EthernetDecoder ethernet = new EthernetDecoder();

    public ReceivedDatagrams(final NicCounters counters)
    {
        decoder = new UdpFrameDecoder(counters);
    }

    public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs)
    {
        final int outcome = decoder.decode(buffer, offset, length, rxTimestampNs, view);
        if (UdpFrameDecoder.UDP != outcome)
        {
            throw new AssertionError("frame not UDP: " + UdpFrameDecoder.outcomeName(outcome));
        }
        ethernet.wrap(buffer, offset, length);
        datagrams.add(new Datagram(
            view.sourceAddress(),
            view.sourcePort(),
            view.destinationAddress(),
            view.destinationPort(),
            ethernet.destination(),
            buffer.getStringWithoutLengthAscii(view.payloadOffset(), view.payloadLength()),
            view.rxTimestampNs()));
    }
}
