package io.wirespeed.gateway.session;

import io.wirespeed.codecs.ilink3.EstablishmentAck504Encoder;
import io.wirespeed.codecs.ilink3.EstablishmentReject505Encoder;
import io.wirespeed.codecs.ilink3.Establish503Decoder;
import io.wirespeed.codecs.ilink3.KeepAliveLapsed;
import io.wirespeed.codecs.ilink3.MessageHeaderDecoder;
import io.wirespeed.codecs.ilink3.MessageHeaderEncoder;
import io.wirespeed.codecs.ilink3.Negotiate500Decoder;
import io.wirespeed.codecs.ilink3.NegotiationResponse501Encoder;
import io.wirespeed.codecs.ilink3.Sequence506Decoder;
import io.wirespeed.codecs.ilink3.Terminate507Decoder;
import io.wirespeed.codecs.ilink3.NewOrderSingle514Decoder;
import io.wirespeed.codecs.internal.OrdStatus;
import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.SessionAlarm;
import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import io.wirespeed.config.GatewayContext;
import io.wirespeed.config.SecretRef;
import io.wirespeed.gateway.transport.VenueTransport;
import io.wirespeed.gateway.venue.VenueListener;
import io.wirespeed.gateway.venue.VenueSession;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The initiator's timers and handshake outcomes without sockets: a scripted transport and a clock the test advances.
 */
class FixpInitiatorTimersTest
{
    private static final long KEEPALIVE_MS = 1_000;
    private static final long BACKOFF_MS = 100;
    private static final long CONNECT_TIMEOUT_MS = 500;
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final long[] now = {1_700_000_000_000_000_000L};
    private final EpochNanoClock clock = () -> now[0];
    private final ScriptedTransport transport = new ScriptedTransport();
    private final SessionCounters counters = SessionCounters.inMemory("unit");
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[512]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final FixpInitiator initiator = new FixpInitiator(
        new GatewayContext()
            .sessionId("ABC")
            .firmId("F1")
            .accessKeyId("KEY1")
            .secretRef(SecretRef.parse("env:UNUSED"))
            .keepaliveIntervalMs(KEEPALIVE_MS)
            .reconnectBackoffMs(BACKOFF_MS)
            .connectTimeoutMs(CONNECT_TIMEOUT_MS),
        Base64.getUrlEncoder().encodeToString("unit test secret".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
        42L,
        transport,
        new StateListener(),
        clock,
        counters);

    @AfterEach
    void after()
    {
        counters.close();
    }

    private void advanceMs(final long ms)
    {
        now[0] += ms * MS;
    }

    private void negotiationResponse()
    {
        final NegotiationResponse501Encoder e = new NegotiationResponse501Encoder()
            .wrapAndApplyHeader(frame, 0, header).uUID(42).requestTimestamp(now[0]);
        e.putCredentials(new byte[0], 0, 0);
        transport.deliver(frame, MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    private void establishmentAck()
    {
        new EstablishmentAck504Encoder().wrapAndApplyHeader(frame, 0, header)
            .uUID(42).requestTimestamp(now[0]).nextSeqNo(1).previousSeqNo(0).keepAliveInterval((int)KEEPALIVE_MS);
        transport.deliver(frame, MessageHeaderEncoder.ENCODED_LENGTH + EstablishmentAck504Encoder.BLOCK_LENGTH);
    }

    private void establishmentReject(final int errorCodes)
    {
        new EstablishmentReject505Encoder().wrapAndApplyHeader(frame, 0, header)
            .uUID(42).requestTimestamp(now[0]).nextSeqNo(1).errorCodes(errorCodes);
        transport.deliver(frame, MessageHeaderEncoder.ENCODED_LENGTH + EstablishmentReject505Encoder.BLOCK_LENGTH);
    }

    private void establish()
    {
        initiator.doWork();
        initiator.doWork();
        assertEquals(Negotiate500Decoder.TEMPLATE_ID, transport.lastTemplateId());
        negotiationResponse();
        initiator.doWork();
        assertEquals(Establish503Decoder.TEMPLATE_ID, transport.lastTemplateId());
        establishmentAck();
        initiator.doWork();
        assertEquals(SessionState.ESTABLISHED, initiator.state());
    }

    private boolean lastSequenceLapsed()
    {
        final UnsafeBuffer message = transport.written.get(transport.written.size() - 1);
        return KeepAliveLapsed.Lapsed == new Sequence506Decoder().wrap(
            message, MessageHeaderDecoder.ENCODED_LENGTH, Sequence506Decoder.BLOCK_LENGTH,
            Sequence506Decoder.SCHEMA_VERSION).keepAliveIntervalLapsed();
    }

    @Test
    void heartbeatsWhenQuietWarnsOnceWhenVenueSilentThenTerminates()
    {
        establish();
        advanceMs(KEEPALIVE_MS - 1);
        final int before = transport.written.size();
        initiator.doWork();
        assertEquals(before, transport.written.size(), "nothing due yet");

        advanceMs(1);
        initiator.doWork();
        assertEquals(Sequence506Decoder.TEMPLATE_ID, transport.lastTemplateId());
        assertTrue(lastSequenceLapsed());
        assertEquals(1, counters.value(SessionCounter.KEEPALIVE_LAPSES));

        advanceMs(KEEPALIVE_MS / 2);
        initiator.doWork();
        assertEquals(1, counters.value(SessionCounter.KEEPALIVE_LAPSES), "lapse warned once");

        advanceMs(KEEPALIVE_MS / 2);
        initiator.doWork();
        assertEquals(Terminate507Decoder.TEMPLATE_ID, transport.lastTemplateId());
        assertEquals(1, counters.value(SessionCounter.KEEPALIVE_TERMINATES));
        assertEquals(SessionState.DISCONNECTED, initiator.state());

        advanceMs(BACKOFF_MS);
        initiator.doWork();
        initiator.doWork();
        assertEquals(2, transport.connects);
        assertEquals(Establish503Decoder.TEMPLATE_ID, transport.lastTemplateId(), "same UUID, established again");
    }

    @Test
    void anOrderTheJournalCannotRecordIsRefusedAsJournalFullWithoutUsingASequenceNumber()
    {
        establish();
        final int before = transport.written.size();
        transport.refuseWith = VenueTransport.JOURNAL_FULL;
        assertEquals(VenueSession.NOT_SENT_JOURNAL_FULL, initiator.sendNewOrder(
            7, 1, Side.BUY, OrdType.LIMIT, TimeInForce.DAY, 1_000_000_000L, 1, 0));
        assertEquals(1, counters.value(SessionCounter.JOURNAL_FULL));
        assertEquals(0, counters.value(SessionCounter.NOT_ESTABLISHED), "not a session problem");
        assertEquals(0, counters.value(SessionCounter.BACK_PRESSURED));
        assertEquals(before, transport.written.size());

        transport.refuseWith = VenueTransport.OK;
        assertEquals(1, initiator.sendNewOrder(
            8, 1, Side.BUY, OrdType.LIMIT, TimeInForce.DAY, 1_000_000_000L, 1, 0), "the refused one used no seqNum");
        assertEquals(NewOrderSingle514Decoder.TEMPLATE_ID, transport.lastTemplateId());
    }

    @Test
    void aHeartbeatTheJournalCannotRecordIsSentOnTheNextDutyCycleItCan()
    {
        establish();
        transport.refuseWith = VenueTransport.JOURNAL_FULL;
        advanceMs(KEEPALIVE_MS);
        final int before = transport.written.size();
        initiator.doWork();
        assertEquals(before, transport.written.size());
        assertEquals(0, counters.value(SessionCounter.SEQUENCES_SENT));

        transport.refuseWith = VenueTransport.OK;
        initiator.doWork();
        assertEquals(Sequence506Decoder.TEMPLATE_ID, transport.lastTemplateId());
        assertEquals(1, counters.value(SessionCounter.SEQUENCES_SENT));
    }

    @Test
    void heartbeatNotLapsedWhileVenueTalks()
    {
        establish();
        advanceMs(KEEPALIVE_MS / 2);
        negotiationResponse();
        initiator.doWork();
        advanceMs(KEEPALIVE_MS / 2);
        initiator.doWork();
        assertEquals(Sequence506Decoder.TEMPLATE_ID, transport.lastTemplateId());
        assertFalse(lastSequenceLapsed());
        assertEquals(0, counters.value(SessionCounter.KEEPALIVE_LAPSES));
    }

    @Test
    void handshakeTimesOutAndRetriesAfterBackoff()
    {
        initiator.doWork();
        initiator.doWork();
        advanceMs(CONNECT_TIMEOUT_MS);
        initiator.doWork();
        assertEquals(SessionState.DISCONNECTED, initiator.state());
        assertEquals(1, counters.value(SessionCounter.CONNECT_FAILURES));
        advanceMs(BACKOFF_MS);
        initiator.doWork();
        initiator.doWork();
        assertEquals(2, transport.connects);
        assertEquals(List.of(Negotiate500Decoder.TEMPLATE_ID, Negotiate500Decoder.TEMPLATE_ID),
            transport.templateIds());
    }

    @Test
    void alreadyEstablishedIsRetriedAfterBackoff()
    {
        establish();
        transport.close();
        initiator.doWork();
        advanceMs(BACKOFF_MS);
        initiator.doWork();
        initiator.doWork();
        assertEquals(Establish503Decoder.TEMPLATE_ID, transport.lastTemplateId());

        establishmentReject(FixpErrorCodes.ALREADY_ESTABLISHED);
        initiator.doWork();
        assertEquals(SessionState.DISCONNECTED, initiator.state());
        assertEquals(1, counters.value(SessionCounter.REJECTS_RETRIED));

        advanceMs(BACKOFF_MS);
        initiator.doWork();
        initiator.doWork();
        assertEquals(Establish503Decoder.TEMPLATE_ID, transport.lastTemplateId());
        establishmentAck();
        initiator.doWork();
        assertEquals(SessionState.ESTABLISHED, initiator.state());
    }

    @Test
    void unnegotiatedNegotiatesTheSameUuidAgain()
    {
        establish();
        transport.close();
        initiator.doWork();
        advanceMs(BACKOFF_MS);
        initiator.doWork();
        initiator.doWork();
        establishmentReject(FixpErrorCodes.UNNEGOTIATED);
        initiator.doWork();
        assertEquals(1, counters.value(SessionCounter.RENEGOTIATIONS));

        advanceMs(BACKOFF_MS);
        initiator.doWork();
        initiator.doWork();
        assertEquals(Negotiate500Decoder.TEMPLATE_ID, transport.lastTemplateId());
        final UnsafeBuffer negotiate = transport.written.get(transport.written.size() - 1);
        assertEquals(42L, new Negotiate500Decoder().wrap(negotiate, MessageHeaderDecoder.ENCODED_LENGTH,
            Negotiate500Decoder.BLOCK_LENGTH, Negotiate500Decoder.SCHEMA_VERSION).uUID());
    }

    @Test
    void badCredentialsAreFinal()
    {
        initiator.doWork();
        initiator.doWork();
        negotiationResponse();
        initiator.doWork();
        establishmentReject(FixpErrorCodes.HMAC_NOT_AUTHENTICATED);
        initiator.doWork();
        assertEquals(SessionState.REJECTED, initiator.state());

        advanceMs(BACKOFF_MS * 10);
        initiator.doWork();
        assertEquals(1, transport.connects);
    }

    static final class StateListener implements VenueListener
    {
        public void onOrderAccepted(final long orderId, final long venueOrderId, final long time, final long rx)
        {
        }

        public void onFill(
            final long orderId,
            final long venueOrderId,
            final long execId,
            final long mdTradeEntryId,
            final long lastPrice,
            final long lastQty,
            final long leavesQty,
            final long cumQty,
            final long transactTimeNs,
            final long rxTimestampNs)
        {
        }

        public void onCanceled(
            final long requestId, final long orderId, final long venueOrderId, final long time, final long rx)
        {
        }

        public void onReplaced(
            final long requestId,
            final long origOrderId,
            final long venueOrderId,
            final long price,
            final long orderQty,
            final long leavesQty,
            final long cumQty,
            final long transactTimeNs,
            final long rxTimestampNs)
        {
        }

        public void onOrderRejected(
            final long orderId, final RejectReason reason, final int code, final long time, final long rx)
        {
        }

        public void onOrderStatus(
            final long orderId,
            final long venueOrderId,
            final OrdStatus status,
            final long price,
            final long orderQty,
            final long cumQty,
            final long leavesQty,
            final long transactTimeNs,
            final long rxTimestampNs)
        {
        }

        public void onSessionAlarm(final SessionAlarm alarm, final long value, final long timestampNs)
        {
        }

        public void onCancelOrReplaceRejected(
            final long requestId,
            final long origOrderId,
            final boolean replace,
            final RejectReason reason,
            final int code,
            final long rx)
        {
        }

        public void onMassCancelReport(final long requestId, final boolean accepted, final int total, final long rx)
        {
        }

        public void onBusinessReject(final long refSeqNum, final int reason, final long rx)
        {
        }

        public void onNotApplied(final long fromSeqNum, final int count, final long rx)
        {
        }

        public void onSessionState(final SessionState state, final int reason, final long timestampNs)
        {
        }
    }
}
