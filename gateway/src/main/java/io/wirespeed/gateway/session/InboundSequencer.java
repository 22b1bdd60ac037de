package io.wirespeed.gateway.session;

import io.wirespeed.codecs.ilink3.MessageHeaderDecoder;
import io.wirespeed.gateway.venue.VenueListener;
import org.agrona.DirectBuffer;

/**
 * The initiator's inbound half: delivers the venue's business messages in sequence, asks for what is missing with
 * RetransmitRequest (at most {@link FixpInitiator#MAX_RETRANSMIT_COUNT} at a time) and holds the live messages that
 * arrive meanwhile until the gap before them is filled.
 */
final class InboundSequencer
{
    private static final int SEQ_NUM_OFFSET = MessageHeaderDecoder.ENCODED_LENGTH;
    private static final int LIVE_BUFFER_BYTES = 1024 * 1024;

    private final FixpInitiator session;
    private final SessionSender sender;
    private final KeepaliveTimer keepalive;
    private final SessionCounters counters;
    private final VenueListener listener;
    private final VenueMessageDecoder venueDecoder = new VenueMessageDecoder();
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final LiveMessageBuffer liveBuffer = new LiveMessageBuffer(LIVE_BUFFER_BYTES);
    private long nextInSeqNo = 1;
    private long retransmitEndSeqNo;
    private long retransmitDeadlineNs;
    private boolean recovering;

    InboundSequencer(
        final FixpInitiator session,
        final SessionSender sender,
        final KeepaliveTimer keepalive,
        final SessionCounters counters,
        final VenueListener listener)
    {
        this.session = session;
        this.sender = sender;
        this.keepalive = keepalive;
        this.counters = counters;
        this.listener = listener;
    }

    long nextInSeqNo()
    {
        return nextInSeqNo;
    }

    /**
     * A fresh negotiation: the venue's sequence starts again at 1.
     */
    void resetSequence()
    {
        nextInSeqNo = 1;
    }

    /**
     * The connection is gone: drop held messages and any recovery in progress; the sequence number stays.
     */
    void clear()
    {
        liveBuffer.clear();
        recovering = false;
    }

    /**
     * The venue says its next message will be {@code venueNextSeqNo} (EstablishmentAck, Sequence): ask for any gap.
     */
    void onVenueNextSeqNo(final long nowNs, final long venueNextSeqNo)
    {
        if (venueNextSeqNo > nextInSeqNo)
        {
            requestRetransmit(nowNs, venueNextSeqNo);
        }
    }

    /**
     * The venue refused to retransmit: give the missing messages up and go on from the end of the request.
     */
    void onRetransmitReject(final long nowNs)
    {
        nextInSeqNo = retransmitEndSeqNo;
        endRecovery(nowNs);
    }

    /**
     * Ask again if a retransmission has not completed within two keepalive intervals.
     */
    void checkRetransmitTimeout(final long nowNs)
    {
        if (recovering && retransmitDeadlineNs - nowNs <= 0)
        {
            requestRetransmit(nowNs, retransmitEndSeqNo);
        }
    }

    /**
     * A business message read from the connection (live, or a retransmission of one).
     */
    void onMessage(final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs)
    {
        final long seqNo = buffer.getInt(offset + SEQ_NUM_OFFSET) & 0xFFFF_FFFFL;
        if (seqNo < nextInSeqNo)
        {
            counters.increment(SessionCounter.DUPLICATES);
            return;
        }

        if (recovering)
        {
            if (seqNo == nextInSeqNo && seqNo < retransmitEndSeqNo)
            {
                deliver(buffer, offset, length, rxTimestampNs);
                if (nextInSeqNo == retransmitEndSeqNo)
                {
                    endRecovery(rxTimestampNs);
                }
            }
            else if (seqNo >= retransmitEndSeqNo)
            {
                bufferLive(buffer, offset, length);
            }
            return;
        }

        if (seqNo == nextInSeqNo)
        {
            deliver(buffer, offset, length, rxTimestampNs);
        }
        else
        {
            requestRetransmit(rxTimestampNs, seqNo);
            bufferLive(buffer, offset, length);
        }
    }

    private void endRecovery(final long nowNs)
    {
        recovering = false;
        session.setState(InitiatorState.ESTABLISHED, 0, nowNs);
        drainLiveBuffer(nowNs);
    }

    private void deliver(final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs)
    {
        nextInSeqNo++;
        counters.increment(SessionCounter.MESSAGES_RECEIVED);
        headerDecoder.wrap(buffer, offset);
        final int result = venueDecoder.decode(buffer, offset, length, headerDecoder, rxTimestampNs, listener);
        if (VenueMessageDecoder.MALFORMED == result)
        {
            counters.increment(SessionCounter.MALFORMED);
        }
    }

    private void bufferLive(final DirectBuffer buffer, final int offset, final int length)
    {
        if (liveBuffer.append(buffer, offset, length))
        {
            counters.increment(SessionCounter.LIVE_BUFFERED);
        }
        else
        {
            counters.increment(SessionCounter.LIVE_BUFFER_OVERFLOWS);
        }
    }

    private void drainLiveBuffer(final long nowNs)
    {
        while (liveBuffer.count() > 0 && !recovering)
        {
            final DirectBuffer buffer = liveBuffer.buffer();
            final int offset = liveBuffer.firstOffset();
            final long seqNo = buffer.getInt(offset + SEQ_NUM_OFFSET) & 0xFFFF_FFFFL;
            if (seqNo > nextInSeqNo)
            {
                requestRetransmit(nowNs, seqNo);
                return;
            }
            if (seqNo == nextInSeqNo)
            {
                deliver(buffer, offset, liveBuffer.firstLength(), nowNs);
            }
            else
            {
                counters.increment(SessionCounter.DUPLICATES);
            }
            liveBuffer.removeFirst();
        }
    }

    private void requestRetransmit(final long nowNs, final long endSeqNo)
    {
        counters.increment(SessionCounter.GAPS);
        final int count = (int)Math.min(endSeqNo - nextInSeqNo, FixpInitiator.MAX_RETRANSMIT_COUNT);
        retransmitEndSeqNo = nextInSeqNo + count;
        sender.sendRetransmitRequest(nowNs, nextInSeqNo, count);
        retransmitDeadlineNs = nowNs + 2 * keepalive.intervalNs();
        recovering = true;
        session.setState(InitiatorState.RETRANSMITTING, 0, nowNs);
    }
}
