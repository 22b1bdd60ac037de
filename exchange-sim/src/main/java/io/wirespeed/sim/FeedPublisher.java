package io.wirespeed.sim;

import io.wirespeed.config.Endpoint;
import io.wirespeed.nic.FrameClaim;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.TxQueue;
import io.wirespeed.nic.frame.Ipv4Address;
import io.wirespeed.nic.frame.UdpFrameEncoder;
import org.agrona.DirectBuffer;

/**
 * Sends UDP payloads to one multicast endpoint through TX queue 0 of a port, framed in place.
 */
final class FeedPublisher
{
    /**
     * The largest UDP payload sent, as a venue keeps packets within a 1500-byte MTU with headroom.
     */
    static final int MAX_PAYLOAD_DEFAULT = 1420;

    private final TxQueue txQueue;
    private final UdpFrameEncoder encoder = new UdpFrameEncoder();
    private final FrameClaim claim = new FrameClaim();

    FeedPublisher(final NicPort port, final Endpoint endpoint, final long sourceMac, final int sourceIp)
    {
        txQueue = port.txQueue(0);
        encoder.source(sourceMac, sourceIp, endpoint.port())
            .multicastDestination(Ipv4Address.parse(endpoint.group()), endpoint.port());
    }

    int maxPayload()
    {
        return Math.min(MAX_PAYLOAD_DEFAULT, txQueue.maxFrameLength() - encoder.headerLength());
    }

    /**
     * Claim a slot for a payload and write it there, framed; the frame goes out on {@link #commit()}.
     *
     * @return false when the TX ring is full.
     */
    boolean claim(final DirectBuffer payload, final int offset, final int length)
    {
        if (!txQueue.tryClaim(encoder.frameLength(length), claim))
        {
            return false;
        }
        claim.buffer().putBytes(claim.offset() + encoder.headerLength(), payload, offset, length);
        encoder.encode(claim.buffer(), claim.offset(), length);
        return true;
    }

    void commit()
    {
        txQueue.commit();
    }

    void abort()
    {
        txQueue.abort();
    }

    /**
     * Claim, write and commit one payload.
     *
     * @return false when the TX ring is full.
     */
    boolean send(final DirectBuffer payload, final int offset, final int length)
    {
        if (claim(payload, offset, length))
        {
            txQueue.commit();
            return true;
        }
        return false;
    }
}
