package io.wirespeed.gateway.session;

import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.config.GatewayContext;
import io.wirespeed.config.SecretRef;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A session resumed from the journal after a restart, against a scripted venue written byte by byte from CME's
 * layouts ({@link CmeBytes}; Establish503 read at CME's offsets: UUID@102, NextSeqNo@118): the same UUID is
 * established (no Negotiate) with NextSeqNo the restored next sent, what the venue sent beyond the last processed is
 * recovered with RetransmitRequest and delivered once, and a venue that no longer knows the UUID gets it negotiated
 * again.
 */
class FixpInitiatorResumeTest
{
    private static final long UUID = 1_700_000_000_000_001L;
    private static final int KEEPALIVE_MS = 1_000;
    private static final int HEADER = 8;
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
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

    private void resume(final long nextSent, final long lastProcessed)
    {
        initiator = FixpInitiator.resume(
            new GatewayContext()
                .sessionId("ABC")
                .firmId("F1")
                .accessKeyId("KEY1")
                .secretRef(SecretRef.parse("env:UNUSED"))
                .keepaliveIntervalMs(KEEPALIVE_MS)
                .reconnectBackoffMs(100)
                .connectTimeoutMs(500),
            Base64.getUrlEncoder().encodeToString("unit test secret".getBytes(StandardCharsets.US_ASCII)),
            new SessionResume(UUID, nextSent, lastProcessed, PreviousSession.NONE),
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

    @Test
    void establishesTheRestoredUuidWithTheRestoredNextSeqNoAndRecoversWhatWasNotProcessed()
    {
        resume(7, 4);
        initiator.doWork();
        initiator.doWork();

        assertTrue(transport.written(500).isEmpty(), "no Negotiate");
        final List<UnsafeBuffer> establish = transport.written(503);
        assertEquals(1, establish.size());
        assertEquals(UUID, establish.get(0).getLong(HEADER + 102, LE));
        assertEquals(7, establish.get(0).getInt(HEADER + 118, LE));

        // the venue sent 5 and 6 before the gateway died without processing them
        venue(CmeBytes.establishmentAck(UUID, 7, 0, 0, KEEPALIVE_MS));
        assertEquals(SessionState.RETRANSMITTING, initiator.state());
        final List<CmeBytes.RetransmitRequest> requests = new ArrayList<>();
        for (final UnsafeBuffer message : transport.written(508))
        {
            requests.add(CmeBytes.RetransmitRequest.read(message));
        }
        assertEquals(1, requests.size());
        assertEquals(UUID, requests.get(0).uuid());
        assertEquals(5, requests.get(0).fromSeqNo());
        assertEquals(2, requests.get(0).msgCount());

        venue(CmeBytes.retransmission(UUID, 0, 5, 2));
        venue(CmeBytes.fill(5, UUID, true, 7, 55, 5_055, 1, 1, 9));
        venue(CmeBytes.fill(6, UUID, true, 7, 56, 5_056, 1, 2, 8));
        venue(CmeBytes.fill(5, UUID, false, 7, 55, 5_055, 1, 1, 9));
        assertEquals(SessionState.ESTABLISHED, initiator.state());
        assertEquals(List.of(55L, 56L), listener.execIds(), "each missed report once");
        assertEquals(7, initiator.nextInSeqNo());
        assertEquals(7, initiator.nextOutSeqNo());
        assertTrue(errors.isEmpty());
    }

    @Test
    void aVenueThatNoLongerKnowsTheUuidHasItNegotiatedAgain()
    {
        resume(7, 4);
        initiator.doWork();
        initiator.doWork();
        final UnsafeBuffer reject = CmeBytes.message(505, 72, 0);
        CmeBytes.putAscii(reject, HEADER, "unnegotiated");
        reject.putLong(HEADER + 48, UUID, LE);
        reject.putLong(HEADER + 56, 1L, LE);
        reject.putInt(HEADER + 64, 1, LE);
        reject.putShort(HEADER + 68, (short)FixpErrorCodes.UNNEGOTIATED, LE);
        reject.putByte(HEADER + 70, (byte)1);
        reject.putByte(HEADER + 71, (byte)0xFF);
        venue(reject);

        now[0] += 200 * MS;
        initiator.doWork();
        initiator.doWork();
        final List<UnsafeBuffer> negotiate = transport.written(500);
        assertEquals(1, negotiate.size(), "negotiated again");
        assertEquals(UUID, negotiate.get(0).getLong(HEADER + 52, LE), "the same UUID (Negotiate500 UUID@52)");
    }
}
