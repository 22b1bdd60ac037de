package io.wirespeed.sim.venue;

import io.wirespeed.codecs.ilink3.ExecutionReportNew522Encoder;
import io.wirespeed.codecs.ilink3.MessageHeaderEncoder;
import io.wirespeed.codecs.ilink3.NewOrderSingle514Decoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.LongArrayList;

/**
 * A test venue application: acknowledges every NewOrderSingle with an ExecutionReportNew that echoes its ClOrdID
 * and carries TransactTime = the client's SeqNum, and records the ClOrdIDs (decimal) it was given.
 */
final class AckingApplication implements VenueApplication
{
    final LongArrayList clOrdIds = new LongArrayList(1024, Long.MIN_VALUE);
    int disconnects;
    VenueOutbound lastOutbound;
    private long nextVenueOrderId = 1000;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final ExecutionReportNew522Encoder report = new ExecutionReportNew522Encoder();

    public void onBusinessMessage(
        final int templateId,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long seqNum,
        final VenueOutbound outbound)
    {
        if (NewOrderSingle514Decoder.TEMPLATE_ID != templateId)
        {
            return;
        }
        final int clOrdIdOffset = offset + MessageHeaderEncoder.ENCODED_LENGTH +
            NewOrderSingle514Decoder.clOrdIDEncodingOffset();
        long clOrdId = 0;
        for (int i = 0; i < 20; i++)
        {
            final byte digit = buffer.getByte(clOrdIdOffset + i);
            if (digit < '0' || digit > '9')
            {
                break;
            }
            clOrdId = clOrdId * 10 + digit - '0';
        }
        clOrdIds.addLong(clOrdId);
        lastOutbound = outbound;
        send(outbound, buffer, clOrdIdOffset, seqNum);
    }

    /**
     * An unsolicited report, as if an order rested earlier had traded.
     */
    void send(final VenueOutbound outbound, final DirectBuffer clOrdId, final int clOrdIdOffset, final long time)
    {
        final MutableDirectBuffer out = outbound.buffer();
        final ExecutionReportNew522Encoder e = report.wrapAndApplyHeader(out, outbound.offset(), header);
        e.seqNum(outbound.nextSeqNum()).uUID(outbound.uuid());
        out.putBytes(e.offset() + ExecutionReportNew522Encoder.clOrdIDEncodingOffset(), clOrdId, clOrdIdOffset, 20);
        e.orderID(nextVenueOrderId++).transactTime(time).orderRequestID(time);
        outbound.commit(MessageHeaderEncoder.ENCODED_LENGTH + ExecutionReportNew522Encoder.BLOCK_LENGTH);
    }

    public void onSessionDisconnected(final long uuid, final VenueOutbound outbound)
    {
        disconnects++;
    }

    public int doWork(final long nowNs)
    {
        return 0;
    }
}
