package io.wirespeed.gateway.session;

import io.wirespeed.codecs.internal.SessionAlarm;
import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.config.GatewayContext;
import io.wirespeed.config.SecretRef;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The initiator's inbound sequencing against a scripted venue whose every message is written byte by byte from CME's
 * layouts ({@link CmeBytes}): restart with a new UUID and recovery of the previous one (LastUUID), NextSeqNo going
 * back, RetransmitReject, short frames, and the UUID and PossRetransFlag of what arrives.
 */
class FixpInitiatorRecoveryTest
{
    private static final long OLD = 1_700_000_000_000_001L;
    private static final long NEW = 1_700_000_000_500_002L;
    private static final long STRANGER = 1_600_000_000_000_003L;
    private static final int KEEPALIVE_MS = 1_000;
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final long[] now = {1_700_000_000_000_000_000L};
    private final EpochNanoClock clock = () -> now[0];
    private final ScriptedTransport transport = new ScriptedTransport();
    private final SessionCounters counters = SessionCounters.inMemory("unit");
    private final RecordingVenueListener listener = new RecordingVenueListener();
    private final List<Throwable> errors = new ArrayList<>();
    private FixpInitiator initiator;

    @AfterEach
    void after()
    {
        counters.close();
    }

    private void start(final PreviousSession previous)
    {
        initiator = newInitiator(NEW, previous);
    }

    private FixpInitiator newInitiator(final long uuid, final PreviousSession previous)
    {
        return new FixpInitiator(
            new GatewayContext()
                .sessionId("ABC")
                .firmId("F1")
                .accessKeyId("KEY1")
                .secretRef(SecretRef.parse("env:UNUSED"))
                .keepaliveIntervalMs(KEEPALIVE_MS)
                .reconnectBackoffMs(100)
                .connectTimeoutMs(500),
            Base64.getUrlEncoder().encodeToString("unit test secret".getBytes(StandardCharsets.US_ASCII)),
            uuid,
            previous,
            transport,
            listener,
            clock,
            counters,
            errors::add);
    }

    private void venue(final UnsafeBuffer message)
    {
        transport.deliver(message, message.capacity());
        initiator.doWork();
    }

    /**
     * Connect, negotiate and establish, the venue naming {@code previousUuid} and {@code previousSeqNo} both times.
     */
    private void establish(final long nextSeqNo, final long previousUuid, final long previousSeqNo)
    {
        initiator.doWork();
        initiator.doWork();
        venue(CmeBytes.negotiationResponse(NEW, previousUuid, previousSeqNo));
        venue(CmeBytes.establishmentAck(NEW, nextSeqNo, previousUuid, previousSeqNo, KEEPALIVE_MS));
    }

    private List<CmeBytes.RetransmitRequest> retransmitRequests()
    {
        final List<CmeBytes.RetransmitRequest> requests = new ArrayList<>();
        for (final UnsafeBuffer message : transport.written(508))
        {
            requests.add(CmeBytes.RetransmitRequest.read(message));
        }
        return requests;
    }

    private static UnsafeBuffer liveFill(final long seqNum, final long uuid, final long execId)
    {
        return CmeBytes.fill(seqNum, uuid, false, 7, execId, 5_000 + execId, 1, 1, 9);
    }

    private static UnsafeBuffer resentFill(final long seqNum, final long uuid, final long execId)
    {
        return CmeBytes.fill(seqNum, uuid, true, 7, execId, 5_000 + execId, 1, 1, 9);
    }

    @Test
    void restartWithNewUuidRecoversThePreviousUuidOnceThenTheNewOnes()
    {
        // the gateway processed OLD up to 3; the venue sent OLD 4, 5 and 6 before the gateway went down
        start(PreviousSession.of(OLD, 3));
        establish(1, OLD, 6);
        assertEquals(SessionState.RETRANSMITTING, initiator.state());
        assertEquals(List.of(new CmeBytes.RetransmitRequest(NEW, OLD, 4, 3)), retransmitRequests());

        // a live message of the new UUID overtakes the answer: it waits for the previous UUID's
        venue(liveFill(1, NEW, 201));
        assertTrue(listener.fills.isEmpty());

        venue(CmeBytes.retransmission(NEW, OLD, 4, 3));
        venue(resentFill(4, OLD, 104));
        venue(resentFill(5, OLD, 105));
        venue(resentFill(6, OLD, 106));
        assertEquals(SessionState.ESTABLISHED, initiator.state());
        venue(liveFill(2, NEW, 202));
        venue(resentFill(5, OLD, 105));

        assertEquals(List.of(104L, 105L, 106L, 201L, 202L), listener.execIds());
        assertEquals(5_104, listener.fills.get(0).mdTradeEntryId());
        assertEquals(1, retransmitRequests().size(), "no RetransmitRequest for the new UUID");
        assertEquals(1, counters.value(SessionCounter.DUPLICATES), "OLD 5 sent again is a duplicate");
        assertEquals(3, counters.value(SessionCounter.PREVIOUS_UUID_RECOVERED));
        assertEquals(7, initiator.previousUuidNextSeqNo());
        assertEquals(3, initiator.nextInSeqNo());
        assertEquals(0, counters.value(SessionCounter.POSS_RETRANS_MISMATCHES));
        assertTrue(listener.alarms.isEmpty());
    }

    @Test
    void aRestartedGatewayFollowsTheSessionItReplaces()
    {
        initiator = newInitiator(OLD, PreviousSession.NONE);
        initiator.doWork();
        initiator.doWork();
        venue(CmeBytes.negotiationResponse(OLD, 0, 0));
        venue(CmeBytes.establishmentAck(OLD, 1, 0, 0, KEEPALIVE_MS));
        venue(liveFill(1, OLD, 101));
        venue(liveFill(2, OLD, 102));
        venue(liveFill(3, OLD, 103));
        venue(liveFill(5, OLD, 105));
        final PreviousSession previous = initiator.asPreviousSession();
        assertEquals(OLD, previous.uuid());
        assertEquals(3, previous.lastProcessedSeqNo(), "OLD 5 was held for the gap, not delivered");

        // the gateway goes down; the venue had sent OLD 4 to 6
        transport.close();
        transport.written.clear();
        initiator = newInitiator(NEW, previous);
        establish(1, OLD, 6);
        assertEquals(List.of(new CmeBytes.RetransmitRequest(NEW, OLD, 4, 3)), retransmitRequests());
        venue(CmeBytes.retransmission(NEW, OLD, 4, 3));
        venue(resentFill(4, OLD, 104));
        venue(resentFill(5, OLD, 105));
        venue(resentFill(6, OLD, 106));
        venue(liveFill(1, NEW, 201));
        assertEquals(List.of(101L, 102L, 103L, 104L, 105L, 106L, 201L), listener.execIds());
        assertEquals(0, counters.value(SessionCounter.DUPLICATES));
    }

    @Test
    void previousUuidRecoveryGoesOnAfterAReconnect()
    {
        start(PreviousSession.of(OLD, 3));
        establish(1, OLD, 6);
        venue(CmeBytes.retransmission(NEW, OLD, 4, 3));
        venue(resentFill(4, OLD, 104));
        transport.close();
        initiator.doWork();
        now[0] += 100 * MS;
        initiator.doWork();
        initiator.doWork();

        // re-establishing the same UUID: the venue now names it as the previous one
        venue(CmeBytes.establishmentAck(NEW, 1, NEW, 0, KEEPALIVE_MS));
        assertEquals(new CmeBytes.RetransmitRequest(NEW, OLD, 5, 2), retransmitRequests().get(1));
        venue(CmeBytes.retransmission(NEW, OLD, 5, 2));
        venue(resentFill(5, OLD, 105));
        venue(resentFill(6, OLD, 106));
        venue(liveFill(1, NEW, 201));

        assertEquals(List.of(104L, 105L, 106L, 201L), listener.execIds());
        assertEquals(SessionState.ESTABLISHED, initiator.state());
    }

    @Test
    void newUuidAfterAnUnknownOneAsksForNothingRaisesTheAlarmAndLosesNoFill()
    {
        // the restart case of issue 10: new UUID, the venue's EstablishmentAck {NextSeqNo=1, PreviousUUID=old,
        // PreviousSeqNo=5}; the gateway does not know the old UUID
        start(PreviousSession.NONE);
        establish(1, OLD, 5);
        assertEquals(SessionState.ESTABLISHED, initiator.state());
        assertTrue(retransmitRequests().isEmpty(), "no spurious RetransmitRequest");

        venue(liveFill(1, NEW, 201));
        venue(liveFill(2, NEW, 202));
        assertEquals(List.of(201L, 202L), listener.execIds());
        assertEquals(0, counters.value(SessionCounter.DUPLICATES));
        assertEquals(List.of(new RecordingVenueListener.Alarm(SessionAlarm.UNKNOWN_PREVIOUS_UUID, OLD)),
            listener.alarms, "one alarm though named twice (NegotiationResponse and EstablishmentAck)");
        assertEquals(1, counters.value(SessionCounter.UNKNOWN_PREVIOUS_UUIDS));
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).getMessage().contains(Long.toString(OLD)), errors.get(0).getMessage());
    }

    @Test
    void nothingMissedOfThePreviousUuidAsksForNothing()
    {
        start(PreviousSession.of(OLD, 6));
        establish(1, OLD, 6);
        assertEquals(SessionState.ESTABLISHED, initiator.state());
        assertTrue(retransmitRequests().isEmpty());
        venue(liveFill(1, NEW, 201));
        assertEquals(List.of(201L), listener.execIds());
        assertTrue(listener.alarms.isEmpty());
    }

    @Test
    void venueNextSeqNoAheadAsksForTheGapOfTheCurrentUuid()
    {
        start(PreviousSession.NONE);
        establish(1, 0, 0);
        venue(liveFill(1, NEW, 201));
        transport.close();
        initiator.doWork();
        now[0] += 100 * MS;
        initiator.doWork();
        initiator.doWork();
        venue(CmeBytes.establishmentAck(NEW, 4, NEW, 3, KEEPALIVE_MS));

        assertEquals(List.of(new CmeBytes.RetransmitRequest(NEW, CmeBytes.NULL_UUID, 2, 2)), retransmitRequests());
        venue(CmeBytes.retransmission(NEW, CmeBytes.NULL_UUID, 2, 2));
        venue(resentFill(2, NEW, 202));
        venue(resentFill(3, NEW, 203));
        assertEquals(List.of(201L, 202L, 203L), listener.execIds());
        assertEquals(SessionState.ESTABLISHED, initiator.state());
    }

    @Test
    void establishmentAckWithNextSeqNoBelowExpectedTerminates()
    {
        start(PreviousSession.NONE);
        establish(1, 0, 0);
        venue(liveFill(1, NEW, 201));
        venue(liveFill(2, NEW, 202));
        transport.close();
        initiator.doWork();
        now[0] += 100 * MS;
        initiator.doWork();
        initiator.doWork();
        venue(CmeBytes.establishmentAck(NEW, 2, NEW, 1, KEEPALIVE_MS));

        assertEquals(507, transport.lastTemplateId());
        assertEquals("NextSeqNo 2 below expected 3",
            CmeBytes.terminateReason(transport.written.get(transport.written.size() - 1)));
        assertEquals(SessionState.REJECTED, initiator.state());
        assertEquals(1, counters.value(SessionCounter.SEQ_NO_TOO_LOW_TERMINATES));
        assertEquals(List.of(new RecordingVenueListener.Alarm(SessionAlarm.NEXT_SEQ_NO_TOO_LOW, 2)),
            listener.alarms);

        now[0] += 10_000 * MS;
        initiator.doWork();
        assertEquals(2, transport.connects, "stays down");
    }

    @Test
    void sequenceWithNextSeqNoBelowExpectedTerminates()
    {
        start(PreviousSession.NONE);
        establish(1, 0, 0);
        venue(liveFill(1, NEW, 201));
        venue(liveFill(2, NEW, 202));
        venue(CmeBytes.sequence(NEW, 3));
        assertEquals(SessionState.ESTABLISHED, initiator.state());

        venue(CmeBytes.sequence(NEW, 2));
        assertEquals(507, transport.lastTemplateId());
        assertEquals(SessionState.REJECTED, initiator.state());
        assertEquals(1, counters.value(SessionCounter.SEQ_NO_TOO_LOW_TERMINATES));
    }

    @Test
    void retransmitRejectGivesTheGapUpRaisesTheAlarmAndDeliversWhatFollows()
    {
        start(PreviousSession.NONE);
        establish(1, 0, 0);
        venue(liveFill(1, NEW, 201));
        venue(liveFill(4, NEW, 204));
        assertEquals(List.of(new CmeBytes.RetransmitRequest(NEW, CmeBytes.NULL_UUID, 2, 2)), retransmitRequests());

        venue(CmeBytes.retransmitReject(NEW, CmeBytes.NULL_UUID, 1));
        assertEquals(List.of(new RecordingVenueListener.Alarm(SessionAlarm.RETRANSMIT_REJECTED, 2)), listener.alarms);
        assertEquals(List.of(201L, 204L), listener.execIds());
        assertEquals(5, initiator.nextInSeqNo());
        assertEquals(SessionState.ESTABLISHED, initiator.state());
        assertEquals(1, counters.value(SessionCounter.RETRANSMIT_REJECTS));
        assertEquals(1, errors.size());
        assertTrue(errors.get(0) instanceof VenueSessionAlarm);
    }

    @Test
    void retransmitRejectForTheOutstandingRequestOnlyIsActedOn()
    {
        start(PreviousSession.NONE);
        establish(1, 0, 0);
        venue(CmeBytes.retransmitReject(NEW, CmeBytes.NULL_UUID, 1));
        assertTrue(listener.alarms.isEmpty(), "no request outstanding");

        venue(liveFill(3, NEW, 203));
        venue(CmeBytes.retransmitReject(NEW, OLD, 1));
        assertTrue(listener.alarms.isEmpty(), "names another LastUUID");
        assertEquals(2, counters.value(SessionCounter.RETRANSMISSION_MISMATCHES));
        assertEquals(SessionState.RETRANSMITTING, initiator.state());
    }

    @Test
    void aBusinessMessageTooShortForItsSessionFieldsIsCountedAndNotRead()
    {
        start(PreviousSession.NONE);
        establish(1, 0, 0);
        final UnsafeBuffer fill = liveFill(1, NEW, 201);

        venue(CmeBytes.truncated(fill, CmeBytes.HEADER + 6));
        venue(CmeBytes.truncated(fill, CmeBytes.HEADER + 100));
        final UnsafeBuffer shortBlock = CmeBytes.message(525, 10, 0);
        shortBlock.putInt(CmeBytes.HEADER, 1, java.nio.ByteOrder.LITTLE_ENDIAN);
        venue(shortBlock);
        assertEquals(3, counters.value(SessionCounter.MALFORMED));
        assertEquals(1, initiator.nextInSeqNo());
        assertTrue(retransmitRequests().isEmpty());

        venue(fill);
        assertEquals(List.of(201L), listener.execIds());
    }

    @Test
    void aLiveMessageOfAnotherUuidIsDroppedAndCounted()
    {
        start(PreviousSession.NONE);
        establish(1, 0, 0);
        venue(liveFill(1, STRANGER, 301));
        assertTrue(listener.fills.isEmpty());
        assertEquals(1, counters.value(SessionCounter.WRONG_UUID));
        assertEquals(1, initiator.nextInSeqNo());

        venue(liveFill(1, NEW, 201));
        assertEquals(List.of(201L), listener.execIds());
    }

    @Test
    void retransmittedMessagesOfAnotherUuidAreNotDelivered()
    {
        start(PreviousSession.of(OLD, 3));
        establish(1, OLD, 5);
        venue(CmeBytes.retransmission(NEW, OLD, 4, 2));
        venue(resentFill(4, STRANGER, 304));
        assertTrue(listener.fills.isEmpty());
        assertEquals(1, counters.value(SessionCounter.WRONG_UUID));
        venue(resentFill(4, OLD, 104));
        venue(resentFill(5, OLD, 105));
        assertEquals(List.of(104L, 105L), listener.execIds());
    }

    @Test
    void possRetransFlagIsCheckedButSequenceNumbersDecide()
    {
        start(PreviousSession.NONE);
        establish(1, 0, 0);
        venue(resentFill(1, NEW, 201));
        assertEquals(1, counters.value(SessionCounter.POSS_RETRANS_MISMATCHES), "live message flagged");

        venue(liveFill(3, NEW, 203));
        venue(CmeBytes.retransmission(NEW, CmeBytes.NULL_UUID, 2, 1));
        venue(liveFill(2, NEW, 202));
        assertEquals(2, counters.value(SessionCounter.POSS_RETRANS_MISMATCHES), "retransmission not flagged");
        assertEquals(List.of(201L, 202L, 203L), listener.execIds());
    }

    @Test
    void aRetransmissionThatNamesAnotherRequestIsCounted()
    {
        start(PreviousSession.NONE);
        establish(1, 0, 0);
        venue(liveFill(3, NEW, 203));
        venue(CmeBytes.retransmission(NEW, OLD, 1, 2));
        venue(CmeBytes.retransmission(NEW, CmeBytes.NULL_UUID, 7, 2));
        assertEquals(2, counters.value(SessionCounter.RETRANSMISSION_MISMATCHES));

        venue(CmeBytes.retransmission(NEW, CmeBytes.NULL_UUID, 1, 2));
        venue(resentFill(1, NEW, 201));
        venue(resentFill(2, NEW, 202));
        assertEquals(List.of(201L, 202L, 203L), listener.execIds());
    }

    @Test
    void sessionMessagesOfAnotherUuidAreCountedAndIgnored()
    {
        start(PreviousSession.NONE);
        establish(1, 0, 0);
        venue(CmeBytes.notApplied(STRANGER, 1, 2));
        venue(CmeBytes.sequence(STRANGER, 9));
        assertEquals(2, counters.value(SessionCounter.WRONG_UUID));
        assertEquals(0, counters.value(SessionCounter.NOT_APPLIED));
        assertTrue(retransmitRequests().isEmpty());

        venue(CmeBytes.notApplied(NEW, 1, 2));
        assertEquals(1, counters.value(SessionCounter.NOT_APPLIED));
    }

    @Test
    void aRefusedFrameRaisesTheFramingAlarmWithItsBytes()
    {
        start(PreviousSession.NONE);
        establish(1, 0, 0);
        transport.framingErrors = 1;
        transport.disconnectDetail = "SOFH encoding type 0xFECA is not 0xCAFE, header bytes 00 84 CA FE: " +
            "big-endian header?";
        transport.connected = false;
        initiator.doWork();

        assertEquals(SessionState.DISCONNECTED, initiator.state());
        assertEquals(List.of(new RecordingVenueListener.Alarm(SessionAlarm.FRAMING_ERROR, 0)), listener.alarms);
        assertEquals(1, counters.value(SessionCounter.FRAMING_ERRORS));
        assertTrue(errors.get(0).getMessage().contains("00 84 CA FE: big-endian header?"));
    }
}
