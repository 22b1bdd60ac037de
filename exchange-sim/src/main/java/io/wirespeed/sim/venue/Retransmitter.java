package io.wirespeed.sim.venue;

import io.wirespeed.codecs.ilink3.RetransmitRequest508Decoder;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Answers RetransmitRequest as CME does: a Retransmission (UUID, LastUUID, RequestTimestamp and FromSeqNo echoed,
 * MsgCount) followed by the kept business messages with their original SeqNum and UUID and PossRetransFlag set, or a
 * RetransmitReject with CME's ErrorCodes.
 * <p>
 * LastUUID null asks for the current UUID's messages; LastUUID set to an earlier UUID of the same client asks for
 * that UUID's. MsgCount 0 asks for everything from FromSeqNo, at most {@value #MAX_MSG_COUNT}; for an earlier UUID
 * the Retransmission then says {@value #MAX_MSG_COUNT}, as CME documents, while only what exists follows.
 */
final class Retransmitter
{
    /**
     * The most messages one request may ask for.
     */
    static final int MAX_MSG_COUNT = 2500;

    /**
     * LastUUID's null value (uInt64NULL).
     */
    static final long NULL_UUID = RetransmitRequest508Decoder.lastUUIDNullValue();

    private final AcceptorMessageEncoder encoder;
    private final AcceptorCounters counters;
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[OutboundStore.SLOT_BYTES]);

    Retransmitter(final AcceptorMessageEncoder encoder, final AcceptorCounters counters)
    {
        this.encoder = encoder;
        this.counters = counters;
    }

    /**
     * Answer a request received on an established session.
     *
     * @param session the session it came on.
     * @param request wrapped over it.
     */
    void onRequest(final AcceptorSession session, final RetransmitRequest508Decoder request)
    {
        counters.increment(AcceptorCounter.RETRANSMIT_REQUESTS);
        final long lastUuid = request.lastUUID();
        final long requestTimestamp = request.requestTimestamp();
        final long fromSeqNo = request.fromSeqNo();
        final int msgCount = request.msgCount();
        final boolean earlierUuid = NULL_UUID != lastUuid && session.uuid() != lastUuid;
        final AcceptorSession source = earlierUuid ? session.owner().find(lastUuid) : session;

        if (request.uUID() != session.uuid())
        {
            reject(session, lastUuid, requestTimestamp, SessionErrorCodes.RETRANSMIT_INVALID_UUID,
                "UUID is not the established one");
        }
        else if (null == source)
        {
            reject(session, lastUuid, requestTimestamp, SessionErrorCodes.RETRANSMIT_INVALID_UUID,
                "LastUUID unknown for this session");
        }
        else if (msgCount > MAX_MSG_COUNT)
        {
            reject(session, lastUuid, requestTimestamp, SessionErrorCodes.RETRANSMIT_REQUEST_LIMIT_EXCEEDED,
                "MsgCount above 2500");
        }
        else if (fromSeqNo < 1)
        {
            reject(session, lastUuid, requestTimestamp, SessionErrorCodes.RETRANSMIT_INVALID_FROM_SEQ_NO,
                "FromSeqNo must be 1 or more");
        }
        else
        {
            final long lastSent = source.lastOutSeqNo();
            final long count = 0 == msgCount ? Math.min(MAX_MSG_COUNT, lastSent - fromSeqNo + 1) : msgCount;
            if (count < 1 || fromSeqNo + count - 1 > lastSent)
            {
                reject(session, lastUuid, requestTimestamp, SessionErrorCodes.RETRANSMIT_OUT_OF_RANGE,
                    "beyond the last SeqNum sent");
            }
            else if (fromSeqNo < source.firstKeptSeqNo())
            {
                reject(session, lastUuid, requestTimestamp, SessionErrorCodes.RETRANSMIT_OUT_OF_RANGE,
                    "SeqNum no longer kept");
            }
            else
            {
                final int announced = earlierUuid && 0 == msgCount ? MAX_MSG_COUNT : (int)count;
                replay(session, source, lastUuid, requestTimestamp, fromSeqNo, (int)count, announced);
            }
        }
    }

    private void replay(
        final AcceptorSession session,
        final AcceptorSession source,
        final long lastUuid,
        final long requestTimestamp,
        final long fromSeqNo,
        final int count,
        final int announced)
    {
        session.send(scratch, 0, encoder.retransmission(
            scratch, session.uuid(), lastUuid, requestTimestamp, fromSeqNo, announced));
        for (long seqNo = fromSeqNo, end = fromSeqNo + count; seqNo < end; seqNo++)
        {
            final int length = source.copy(seqNo, scratch);
            BusinessFields.markPossRetrans(scratch, 0);
            counters.increment(AcceptorCounter.RETRANSMITTED);
            session.send(scratch, 0, length);
        }
    }

    private void reject(
        final AcceptorSession session,
        final long lastUuid,
        final long requestTimestamp,
        final int errorCodes,
        final String reason)
    {
        counters.increment(AcceptorCounter.RETRANSMIT_REJECTS);
        session.send(scratch, 0,
            encoder.retransmitReject(scratch, session.uuid(), lastUuid, requestTimestamp, errorCodes, reason));
    }
}
