package io.wirespeed.gateway.session;

import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.config.GatewayContext;
import io.wirespeed.config.SecretRef;
import io.wirespeed.gateway.transport.TcpVenueTransport;
import org.agrona.concurrent.EpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Known answers for the gateway's side of the session, every byte written out by hand from CME's iLink 3 layouts
 * (cme-ilink3-ilinkbinary.xml, schema 8 version 5) and checked on a real socket: what the gateway's initiator writes
 * (SOFH little-endian {@code LL LL FE CA}, Negotiate, Establish, and after a restart with a new UUID the
 * RetransmitRequest with LastUUID) and how it takes the venue's answers. The exchange simulator's
 * {@code SessionKnownAnswerTest} checks the venue against the same field values; neither side is tested against the
 * other's code.
 * <p>
 * The signatures were computed with openssl, not with Java: the base64url secret decoded to a hex key, then
 * <pre>
 *   KEY=$(printf '%s' '----_z4AEINBQkNERUZHSElKS0xNTk9QUVJTVFVWV1g' | tr -- '-_' '+/' | base64 -d | xxd -p -c 64)
 *     = fbefbeff3e0010834142434445464748494a4b4c4d4e4f505152535455565758
 *   printf '%s' "$CANONICAL" | openssl dgst -sha256 -mac HMAC -macopt hexkey:$KEY
 * </pre>
 * with CANONICAL the documented fields joined by '\n' (Negotiate: RequestTimestamp, UUID, Session, Firm; Establish:
 * those, then TradingSystemName, TradingSystemVersion, TradingSystemVendor, NextSeqNo, KeepAliveInterval).
 */
@Timeout(30)
class SessionKnownAnswerTest
{
    private static final String SECRET = "----_z4AEINBQkNERUZHSElKS0xNTk9QUVJTVFVWV1g";
    private static final String KEY_ID = "TXkgU2VjcmV0IEtleQ";
    private static final long UUID = 1_700_000_000_123_456L;
    private static final long NEW_UUID = 1_700_000_000_123_457L;
    private static final long NEGOTIATE_AT = 1_700_000_000_123_456_789L;
    private static final long ESTABLISH_AT = 1_700_000_000_223_456_789L;
    private static final long RESTART_AT = 1_700_000_000_323_456_789L;

    /** "1700000000123456789\n1700000000123456\nABC\nF1" */
    private static final String NEGOTIATE =
        "5a00 feca" +                                       // SOFH: 90 bytes, SBE little-endian
        "4c00 f401 0800 0500" +                             // blockLength 76, template 500, schema 8, version 5
        "f394a803b17eece81cdd6450109254288ca820594dc6d4a9bb6c9aba14322794" + // HMACSignature (0, 32)
        "54586b675532566a636d56304945746c6551 0000" +       // AccessKeyID (32, 20) NUL-padded
        "40222018240a0600" +                                // UUID (52)
        "15cd853dfe9c9717" +                                // RequestTimestamp (60)
        "414243" +                                          // Session (68, 3)
        "4631 000000" +                                     // Firm (71, 5)
        "0000";                                             // Credentials: length 0

    private static final String NEGOTIATION_RESPONSE =
        "2e00 feca 2000 f501 0800 0500" +                   // 46 bytes; blockLength 32, template 501
        "40222018240a0600" +                                // UUID (0)
        "15cd853dfe9c9717" +                                // RequestTimestamp (8)
        "ffff 01 ff" +                                      // key expiration null, FTI primary, SplitMsg null
        "00000000 0000000000000000" +                       // PreviousSeqNo, PreviousUUID: none
        "0000";

    /** "1700000000223456789\n1700000000123456\nABC\nF1\nwirespeed\n0.1.0\nwirespeed\n1\n1000" */
    private static final String ESTABLISH =
        "9200 feca 8400 f701 0800 0500" +                   // 146 bytes; blockLength 132, template 503
        "e372b00547b9d71b66a85b10a8f03f36eb4ddd6f1c36d32bf2488e1ef597f18d" + // HMACSignature (0, 32)
        "54586b675532566a636d56304945746c6551 0000" +       // AccessKeyID (32, 20)
        "776972657370656564 000000000000000000000000000000000000000000" + // TradingSystemName (52, 30)
        "302e312e30 0000000000" +                           // TradingSystemVersion (82, 10)
        "776972657370656564 00" +                           // TradingSystemVendor (92, 10)
        "40222018240a0600" +                                // UUID (102)
        "15ae7b43fe9c9717" +                                // RequestTimestamp (110)
        "01000000" +                                        // NextSeqNo (118): our first business message
        "414243 4631000000" +                               // Session (122), Firm (125)
        "e803" +                                            // KeepAliveInterval (130) 1000 ms
        "0000";

    private static final String ESTABLISHMENT_ACK =
        "3200 feca 2600 f801 0800 0500" +                   // 50 bytes; blockLength 38, template 504
        "40222018240a0600 15ae7b43fe9c9717" +               // UUID, RequestTimestamp
        "01000000" +                                        // NextSeqNo: the venue's first business message
        "00000000 0000000000000000" +                       // PreviousSeqNo, PreviousUUID
        "e803 ffff 01 ff";

    /** "1700000000323456789\n1700000000123457\nABC\nF1" */
    private static final String NEGOTIATE_NEW_UUID =
        "5a00 feca 4c00 f401 0800 0500" +
        "f35d17e923d5a844d4ecae5e49c8e1e43dfa18125e646a81700267ea8b1476c9" +
        "54586b675532566a636d56304945746c6551 0000" +
        "41222018240a0600" +                                // UUID 1700000000123457
        "158f7149fe9c9717" +                                // RequestTimestamp 1700000000323456789
        "414243 4631000000 0000";

    private static final String NEGOTIATION_RESPONSE_NEW_UUID =
        "2e00 feca 2000 f501 0800 0500" +
        "41222018240a0600 158f7149fe9c9717 ffff 01 ff" +
        "02000000" +                                        // PreviousSeqNo 2: the last the venue sent ...
        "40222018240a0600" +                                // ... on PreviousUUID, the old UUID
        "0000";

    /** "1700000000323456789\n1700000000123457\nABC\nF1\nwirespeed\n0.1.0\nwirespeed\n1\n1000" */
    private static final String ESTABLISH_NEW_UUID =
        "9200 feca 8400 f701 0800 0500" +
        "61736d86bd26478de62fcaf7ce9272a4e98ff39de5cec86ef33f72db4694aded" +
        "54586b675532566a636d56304945746c6551 0000" +
        "776972657370656564 000000000000000000000000000000000000000000" +
        "302e312e30 0000000000" +
        "776972657370656564 00" +
        "41222018240a0600 158f7149fe9c9717" +
        "01000000" +                                        // NextSeqNo 1: a new UUID starts over
        "414243 4631000000 e803 0000";

    private static final String ESTABLISHMENT_ACK_NEW_UUID =
        "3200 feca 2600 f801 0800 0500" +
        "41222018240a0600 158f7149fe9c9717" +
        "01000000" +                                        // NextSeqNo 1: the new UUID's first business message
        "02000000 40222018240a0600" +                       // PreviousSeqNo 2 on PreviousUUID, the old UUID
        "e803 ffff 01 ff";

    /** The old UUID's message 2, which the gateway did not process before it restarted. */
    private static final String RETRANSMIT_REQUEST_LAST_UUID =
        "2a00 feca 1e00 fc01 0800 0500" +                   // 42 bytes; blockLength 30, template 508
        "41222018240a0600" +                                // UUID (0): this session's
        "40222018240a0600" +                                // LastUUID (8): the old one
        "158f7149fe9c9717" +                                // RequestTimestamp (16)
        "02000000" +                                        // FromSeqNo (24)
        "0100";                                             // MsgCount (28)

    private final long[] now = {NEGOTIATE_AT};
    private final EpochNanoClock clock = () -> now[0];
    private final List<AutoCloseable> resources = new ArrayList<>();
    private ServerSocket server;
    private Socket venue;
    private FixpInitiator initiator;
    private SessionCounters counters;

    @AfterEach
    void after() throws Exception
    {
        if (null != initiator)
        {
            initiator.onClose();
        }
        for (final AutoCloseable resource : resources)
        {
            resource.close();
        }
    }

    @Test
    void negotiateAndEstablishAreTheDocumentedBytesAndTheAnswersEstablish() throws Exception
    {
        start(UUID, PreviousSession.NONE);

        assertEquals(hex(NEGOTIATE), readFrame());
        now[0] = ESTABLISH_AT;
        venue.getOutputStream().write(unhex(NEGOTIATION_RESPONSE));
        assertEquals(hex(ESTABLISH), readFrame());

        venue.getOutputStream().write(unhex(ESTABLISHMENT_ACK));
        pump(() -> SessionState.ESTABLISHED == initiator.state());
        assertEquals(1, initiator.nextInSeqNo(), "NextSeqNo 1: nothing missing, no RetransmitRequest");
        assertEquals(0, counters.value(SessionCounter.RETRANSMIT_REQUESTS));
    }

    @Test
    void aRestartWithANewUuidAsksForTheOldUuidsMissingMessageWithLastUuid() throws Exception
    {
        now[0] = RESTART_AT;
        start(NEW_UUID, PreviousSession.of(UUID, 1));

        assertEquals(hex(NEGOTIATE_NEW_UUID), readFrame());
        venue.getOutputStream().write(unhex(NEGOTIATION_RESPONSE_NEW_UUID));
        assertEquals(hex(ESTABLISH_NEW_UUID), readFrame());
        venue.getOutputStream().write(unhex(ESTABLISHMENT_ACK_NEW_UUID));

        assertEquals(hex(RETRANSMIT_REQUEST_LAST_UUID), readFrame());
        assertEquals(1, initiator.nextInSeqNo(), "the new UUID's own sequence is untouched: it starts at 1");
    }

    private void start(final long uuid, final PreviousSession previous) throws IOException
    {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        resources.add(server);
        final GatewayContext context = new GatewayContext()
            .venueHost("127.0.0.1")
            .venuePort(server.getLocalPort())
            .sessionId("ABC")
            .firmId("F1")
            .accessKeyId(KEY_ID)
            .secretRef(SecretRef.parse("env:UNUSED"))
            .keepaliveIntervalMs(1_000)
            .reconnectBackoffMs(100)
            .connectTimeoutMs(5_000);
        final TcpVenueTransport transport = new TcpVenueTransport();
        resources.add(transport);
        counters = SessionCounters.inMemory("known-answers");
        resources.add(counters);
        initiator = new FixpInitiator(context, SECRET, uuid, previous, transport, new RecordingVenueListener(), clock,
            counters, (ex) -> { });
        initiator.doWork();
        venue = server.accept();
        venue.setSoTimeout(10);
        resources.add(venue);
    }

    /**
     * The next frame the gateway writes, SOFH included, as hex; the initiator is pumped meanwhile.
     */
    private String readFrame() throws IOException
    {
        final InputStream in = venue.getInputStream();
        final byte[] header = readFully(in, 4);
        final int length = (header[0] & 0xFF) | (header[1] & 0xFF) << 8;
        final byte[] rest = readFully(in, length - 4);
        final byte[] frame = new byte[length];
        System.arraycopy(header, 0, frame, 0, 4);
        System.arraycopy(rest, 0, frame, 4, rest.length);
        return HexFormat.of().formatHex(frame);
    }

    private byte[] readFully(final InputStream in, final int length) throws IOException
    {
        final byte[] bytes = new byte[length];
        int read = 0;
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (read < length)
        {
            initiator.doWork();
            try
            {
                final int n = in.read(bytes, read, length - read);
                assertTrue(n >= 0, "the gateway closed the connection");
                read += n;
            }
            catch (final java.net.SocketTimeoutException ignore)
            {
                assertTrue(System.nanoTime() - deadline < 0, "no frame from the gateway in time");
            }
        }
        return bytes;
    }

    private void pump(final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean())
        {
            initiator.doWork();
            assertTrue(System.nanoTime() - deadline < 0, "not reached in time, session " + initiator.state());
        }
    }

    private static String hex(final String spaced)
    {
        return spaced.replace(" ", "");
    }

    private static byte[] unhex(final String spaced)
    {
        return HexFormat.of().parseHex(hex(spaced));
    }
}
