package io.wirespeed.sim.venue;

import io.wirespeed.codecs.ilink3.Establish503Decoder;
import io.wirespeed.codecs.ilink3.ExecutionReportNew522Decoder;
import io.wirespeed.codecs.ilink3.MessageHeaderDecoder;
import io.wirespeed.codecs.ilink3.Negotiate500Decoder;
import io.wirespeed.codecs.ilink3.NegotiationReject502Decoder;
import io.wirespeed.codecs.ilink3.Terminate507Decoder;
import io.wirespeed.nic.ManualEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.wirespeed.sim.venue.FixpTestClient.unhex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Known answers, written out by hand from CME's iLink 3 documentation and the official schema's offsets
 * (cme-ilink3-ilinkbinary.xml, schema id 8, version 5): the canonical requests CME's HMAC covers, signatures computed
 * with openssl, and every byte of Negotiate, Establish and the venue's answers, SOFH included (little-endian length of
 * the whole frame, then 0xCAFE little-endian: LL LL FE CA).
 * <p>
 * The secret is base64url, as CME hands it out; '-' and '_' in it prove it is decoded as base64url. The signatures
 * were obtained independently of any Java code:
 * <pre>
 *   KEY=$(printf '%s' '----_z4AEINBQkNERUZHSElKS0xNTk9QUVJTVFVWV1g' | tr -- '-_' '+/' | base64 -d | xxd -p -c 64)
 *     = fbefbeff3e0010834142434445464748494a4b4c4d4e4f505152535455565758
 *   printf '%s' "$CANONICAL" | openssl dgst -sha256 -mac HMAC -macopt hexkey:$KEY
 * </pre>
 */
@Timeout(30)
class SessionKnownAnswerTest
{
    static final String SECRET = "----_z4AEINBQkNERUZHSElKS0xNTk9QUVJTVFVWV1g";
    static final String KEY_ID = "TXkgU2VjcmV0IEtleQ";

    static final String NEGOTIATE_CANONICAL = "1700000000123456789\n1700000000123456\nABC\nF1";
    static final String NEGOTIATE_SIGNATURE = "f394a803b17eece81cdd6450109254288ca820594dc6d4a9bb6c9aba14322794";
    static final String ESTABLISH_CANONICAL =
        "1700000000223456789\n1700000000123456\nABC\nF1\nWIRESPEED\n0.1.0\nWIRESPEED\n1\n1000";
    static final String ESTABLISH_SIGNATURE = "2922b1b1930de5aa73cbd7119be060185ed8cccd15b74b49dfa52cae2e64abf9";

    /**
     * Negotiate: UUID 1700000000123456, RequestTimestamp 1700000000123456789, Session ABC, Firm F1.
     */
    static final String NEGOTIATE =
        "5a00 feca" +                                       // SOFH: 90 bytes, SBE little-endian
        "4c00 f401 0800 0500" +                             // blockLength 76, template 500, schema 8, version 5
        NEGOTIATE_SIGNATURE +                               // HMACSignature (offset 0, 32)
        "54586b675532566a636d56304945746c6551 0000" +       // AccessKeyID (32, 20) NUL-padded
        "40222018240a0600" +                                // UUID (52)
        "15cd853dfe9c9717" +                                // RequestTimestamp (60)
        "414243" +                                          // Session (68, 3)
        "4631 000000" +                                     // Firm (71, 5) NUL-padded
        "0000";                                             // Credentials: length 0

    static final String NEGOTIATION_RESPONSE =
        "2e00 feca" +                                       // SOFH: 46 bytes
        "2000 f501 0800 0500" +                             // blockLength 32, template 501
        "40222018240a0600" +                                // UUID (0)
        "15cd853dfe9c9717" +                                // RequestTimestamp (8)
        "ffff" +                                            // SecretKeySecureIDExpiration (16) null
        "01" +                                              // FaultToleranceIndicator (18) primary
        "ff" +                                              // SplitMsg (19) null
        "00000000" +                                        // PreviousSeqNo (20): nothing sent yet
        "0000000000000000" +                                // PreviousUUID (24)
        "0000";                                             // Credentials: length 0

    /**
     * Establish: same UUID, RequestTimestamp 1700000000223456789, WIRESPEED 0.1.0, NextSeqNo 1, keepalive 1000 ms.
     */
    static final String ESTABLISH =
        "9200 feca" +                                       // SOFH: 146 bytes
        "8400 f701 0800 0500" +                             // blockLength 132, template 503
        ESTABLISH_SIGNATURE +                               // HMACSignature (0, 32)
        "54586b675532566a636d56304945746c6551 0000" +       // AccessKeyID (32, 20)
        "574952455350454544 000000000000000000000000000000000000000000" + // TradingSystemName (52, 30)
        "302e312e30 0000000000" +                           // TradingSystemVersion (82, 10)
        "574952455350454544 00" +                           // TradingSystemVendor (92, 10)
        "40222018240a0600" +                                // UUID (102)
        "15ae7b43fe9c9717" +                                // RequestTimestamp (110)
        "01000000" +                                        // NextSeqNo (118)
        "414243" +                                          // Session (122)
        "4631 000000" +                                     // Firm (125)
        "e803" +                                            // KeepAliveInterval (130) 1000
        "0000";                                             // Credentials: length 0

    static final String ESTABLISHMENT_ACK =
        "3200 feca" +                                       // SOFH: 50 bytes
        "2600 f801 0800 0500" +                             // blockLength 38, template 504
        "40222018240a0600" +                                // UUID (0)
        "15ae7b43fe9c9717" +                                // RequestTimestamp (8)
        "01000000" +                                        // NextSeqNo (16): the venue's first business message
        "00000000" +                                        // PreviousSeqNo (20)
        "0000000000000000" +                                // PreviousUUID (24)
        "e803" +                                            // KeepAliveInterval (32) echoed
        "ffff" +                                            // SecretKeySecureIDExpiration (34) null
        "01" +                                              // FaultToleranceIndicator (36) primary
        "ff";                                               // SplitMsg (37) null

    /**
     * After a restart the client negotiates UUID 1700000000123457 (RequestTimestamp 1700000000323456789).
     */
    static final String NEGOTIATE_NEW_UUID =
        "5a00 feca 4c00 f401 0800 0500" +
        "f35d17e923d5a844d4ecae5e49c8e1e43dfa18125e646a81700267ea8b1476c9" + // HMAC of
        // "1700000000323456789\n1700000000123457\nABC\nF1"
        "54586b675532566a636d56304945746c6551 0000" +
        "41222018240a0600" +                                // UUID 1700000000123457
        "158f7149fe9c9717" +                                // RequestTimestamp 1700000000323456789
        "414243 4631000000 0000";

    static final String NEGOTIATION_RESPONSE_NEW_UUID =
        "2e00 feca 2000 f501 0800 0500" +
        "41222018240a0600" +                                // UUID: the new one
        "158f7149fe9c9717" +                                // RequestTimestamp
        "ffff 01 ff" +
        "02000000" +                                        // PreviousSeqNo: the last sent on the old UUID
        "40222018240a0600" +                                // PreviousUUID: the old UUID
        "0000";

    static final String ESTABLISH_NEW_UUID =
        "9200 feca 8400 f701 0800 0500" +
        "dce2e7b9f098437a84e9bca2fc3a49c9f7d75aa40965c646812256c1733c1336" + // HMAC of
        // "1700000000323456789\n1700000000123457\nABC\nF1\nWIRESPEED\n0.1.0\nWIRESPEED\n1\n1000"
        "54586b675532566a636d56304945746c6551 0000" +
        "574952455350454544 000000000000000000000000000000000000000000" +
        "302e312e30 0000000000" +
        "574952455350454544 00" +
        "41222018240a0600" +                                // UUID
        "158f7149fe9c9717" +                                // RequestTimestamp
        "01000000" +                                        // NextSeqNo 1: a new UUID starts over
        "414243 4631000000 e803 0000";

    static final String ESTABLISHMENT_ACK_NEW_UUID =
        "3200 feca 2600 f801 0800 0500" +
        "41222018240a0600" +                                // UUID: the new one
        "158f7149fe9c9717" +                                // RequestTimestamp
        "01000000" +                                        // NextSeqNo 1: the new UUID's first business message
        "02000000" +                                        // PreviousSeqNo 2: the last sent ...
        "40222018240a0600" +                                // PreviousUUID: ... on the old UUID
        "e803 ffff 01 ff";

    final ManualEpochNanoClock clock = new ManualEpochNanoClock(1_700_000_000_000_000_000L);
    final AckingApplication application = new AckingApplication();
    final FixpAcceptor acceptor = new FixpAcceptor(
        "127.0.0.1", 0, Map.of(KEY_ID, SECRET), 4, application, clock, AcceptorCounters.inMemory());
    final List<FixpTestClient> clients = new ArrayList<>();

    @AfterEach
    void after()
    {
        clients.forEach(FixpTestClient::close);
        acceptor.onClose();
    }

    FixpTestClient connect()
    {
        final FixpTestClient client = new FixpTestClient(acceptor.port(), SECRET);
        clients.add(client);
        return client;
    }

    static UnsafeBuffer message(final String frameHex)
    {
        final byte[] frame = unhex(frameHex);
        return new UnsafeBuffer(frame, 4, frame.length - 4);
    }

    /**
     * Send a hand-written frame and return the venue's answer, byte for byte with its SOFH.
     */
    String exchange(final FixpTestClient client, final String frameHex)
    {
        final int before = client.frames.size();
        client.sendRaw(ByteBuffer.wrap(unhex(frameHex)));
        client.pump(acceptor, () -> client.frames.size() > before);
        return FixpTestClient.hex(new UnsafeBuffer(client.frames.get(before)), 0, client.frames.get(before).length);
    }

    @Test
    void canonicalRequestsAreTheDocumentedFieldsJoinedByNewlines()
    {
        final UnsafeBuffer negotiate = message(NEGOTIATE);
        final CanonicalRequest canonical = new CanonicalRequest();
        assertEquals(NEGOTIATE_CANONICAL, canonical.of(new Negotiate500Decoder().wrap(
            negotiate, MessageHeaderDecoder.ENCODED_LENGTH, 76, 5)).toString());

        final UnsafeBuffer establish = message(ESTABLISH);
        assertEquals(ESTABLISH_CANONICAL, canonical.of(new Establish503Decoder().wrap(
            establish, MessageHeaderDecoder.ENCODED_LENGTH, 132, 5)).toString());
    }

    @Test
    void signaturesAreHmacSha256WithTheBase64UrlDecodedSecret()
    {
        final HmacVerifier verifier = new HmacVerifier(KEY_ID, SECRET);
        final CanonicalRequest canonical = new CanonicalRequest();
        final UnsafeBuffer negotiate = message(NEGOTIATE);
        final Negotiate500Decoder decoder = new Negotiate500Decoder().wrap(
            negotiate, MessageHeaderDecoder.ENCODED_LENGTH, 76, 5);
        final int signatureOffset = MessageHeaderDecoder.ENCODED_LENGTH;
        assertTrue(verifier.verify(canonical.of(decoder), negotiate, signatureOffset));

        negotiate.putByte(signatureOffset + 31, (byte)(negotiate.getByte(signatureOffset + 31) ^ 1));
        assertFalse(verifier.verify(canonical.of(decoder), negotiate, signatureOffset));

        final UnsafeBuffer establish = message(ESTABLISH);
        assertTrue(verifier.verify(canonical.of(new Establish503Decoder().wrap(
            establish, MessageHeaderDecoder.ENCODED_LENGTH, 132, 5)), establish, signatureOffset));
    }

    @Test
    void handWrittenNegotiateAndEstablishAreAnsweredWithTheDocumentedBytes()
    {
        final FixpTestClient client = connect();
        assertEquals(unhexed(NEGOTIATION_RESPONSE), exchange(client, NEGOTIATE));
        assertEquals(unhexed(ESTABLISHMENT_ACK), exchange(client, ESTABLISH));
        assertTrue(acceptor.isEstablished(1700000000123456L));
    }

    @Test
    void aSignatureOffByOneBitIsRejected()
    {
        final byte[] negotiate = unhex(NEGOTIATE);
        negotiate[4 + 8] ^= 1;
        final FixpTestClient client = connect();
        client.sendRaw(ByteBuffer.wrap(negotiate));
        client.awaitTemplate(acceptor, NegotiationReject502Decoder.TEMPLATE_ID, 1);
        final NegotiationReject502Decoder reject = new NegotiationReject502Decoder().wrap(
            client.last(NegotiationReject502Decoder.TEMPLATE_ID), MessageHeaderDecoder.ENCODED_LENGTH,
            NegotiationReject502Decoder.BLOCK_LENGTH, 5);
        assertEquals(0, reject.errorCodes(), "HMACNotAuthenticated");
        assertEquals(1700000000123456L, reject.uUID());
    }

    @Test
    void establishmentAckAfterARestartWithANewUuidNamesTheOldUuid()
    {
        final FixpTestClient before = connect();
        exchange(before, NEGOTIATE);
        exchange(before, ESTABLISH);
        before.newOrder(1, 11, 7, 100, 1);
        before.newOrder(2, 12, 7, 100, 1);
        before.awaitTemplate(acceptor, ExecutionReportNew522Decoder.TEMPLATE_ID, 2);
        before.close();
        before.pump(acceptor, () -> !acceptor.isEstablished(1700000000123456L));

        final FixpTestClient after = connect();
        assertEquals(unhexed(NEGOTIATION_RESPONSE_NEW_UUID), exchange(after, NEGOTIATE_NEW_UUID));
        assertEquals(unhexed(ESTABLISHMENT_ACK_NEW_UUID), exchange(after, ESTABLISH_NEW_UUID));
    }

    @Test
    void aBigEndianSofhIsTerminatedAsInvalid()
    {
        final byte[] negotiate = unhex(NEGOTIATE);
        negotiate[0] = 0x00;
        negotiate[1] = 0x5a;
        negotiate[2] = (byte)0xca;
        negotiate[3] = (byte)0xfe;
        final FixpTestClient client = connect();
        client.sendRaw(ByteBuffer.wrap(negotiate));
        client.awaitTemplate(acceptor, Terminate507Decoder.TEMPLATE_ID, 1);
        final Terminate507Decoder terminate = new Terminate507Decoder().wrap(
            client.last(Terminate507Decoder.TEMPLATE_ID), MessageHeaderDecoder.ENCODED_LENGTH,
            Terminate507Decoder.BLOCK_LENGTH, 5);
        assertEquals(18, terminate.errorCodes(), "InvalidSOFH");
        client.pump(acceptor, client::closedByPeer);
        assertEquals(1, acceptor.counters().value(AcceptorCounter.PROTOCOL_ERRORS));
    }

    static String unhexed(final String hex)
    {
        return hex.replaceAll("\\s", "");
    }
}
