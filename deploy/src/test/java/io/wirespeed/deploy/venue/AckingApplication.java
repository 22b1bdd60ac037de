package io.wirespeed.deploy.venue;

import io.wirespeed.codecs.ilink3.ExecutionReportNew522Encoder;
import io.wirespeed.codecs.ilink3.MessageHeaderEncoder;
import io.wirespeed.codecs.ilink3.NewOrderSingle514Decoder;
import io.wirespeed.gateway.session.AsciiFields;
import io.wirespeed.sim.venue.VenueApplication;
import io.wirespeed.sim.venue.VenueOutbound;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.LongArrayList;

/**
 * A test venue application: acknowledges every NewOrderSingle with an ExecutionReportNew and records ClOrdIDs.
 */
final class AckingApplication implements VenueApplication
{
    final LongArrayList clOrdIds = new LongArrayList(1024, Long.MIN_VALUE);
    boolean record = true;
    long received;
    int disconnects;
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
        received++;
        if (NewOrderSingle514Decoder.TEMPLATE_ID != templateId)
        {
            return;
        }
        final int body = offset + MessageHeaderEncoder.ENCODED_LENGTH;
        final long clOrdId =
            AsciiFields.parseDecimal(buffer, body + NewOrderSingle514Decoder.clOrdIDEncodingOffset(), 20);
        if (record)
        {
            clOrdIds.addLong(clOrdId);
        }
        final MutableDirectBuffer out = outbound.buffer();
        final ExecutionReportNew522Encoder e = report.wrapAndApplyHeader(out, outbound.offset(), header);
        e.seqNum(outbound.nextSeqNum()).uUID(outbound.uuid());
        out.putBytes(e.offset() + ExecutionReportNew522Encoder.clOrdIDEncodingOffset(),
            buffer, body + NewOrderSingle514Decoder.clOrdIDEncodingOffset(), 20);
        e.orderID(nextVenueOrderId++).transactTime(seqNum).orderRequestID(clOrdId);
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
