package io.wirespeed.sim.venue;

import io.wirespeed.codecs.ilink3.BooleanFlag;
import io.wirespeed.codecs.ilink3.EstablishmentAck504Decoder;
import io.wirespeed.codecs.ilink3.ExecutionReportNew522Decoder;
import io.wirespeed.codecs.ilink3.MessageHeaderDecoder;
import io.wirespeed.codecs.ilink3.NegotiationResponse501Decoder;
import io.wirespeed.codecs.ilink3.RetransmitReject510Decoder;
import io.wirespeed.codecs.ilink3.Retransmission509Decoder;
import io.wirespeed.codecs.ilink3.Sequence506Decoder;
import io.wirespeed.codecs.ilink3.Terminate507Decoder;
import io.wirespeed.nic.ManualEpochNanoClock;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The acceptor's session answers as CME documents them, checked with a hand-written client: EstablishmentAck and
 * NegotiationResponse name the UUID and SeqNum of the last business message sent to the client, a new UUID starts
 * at 1 and the old UUID's messages stay retransmittable with LastUUID, keepalives carry the next outbound SeqNum, and
 * a client NextSeqNo below what the venue expects terminates the session.
 */
@Timeout(30)
class AcceptorRecoveryTest
{
    static final String SECRET = Base64.getUrlEncoder().withoutPadding().encodeToString(
        "a venue secret of thirty-two b..".getBytes(StandardCharsets.US_ASCII));
    static final int KEEPALIVE_MS = 1_000;
    static final long OLD_UUID = 1_700_000_000_000_001L;
    static final long NEW_UUID = 1_700_000_000_000_002L;

    final ManualEpochNanoClock clock = new ManualEpochNanoClock(1_700_000_000_000_000_000L);
    final AckingApplication application = new AckingApplication();
    final FixpAcceptor acceptor = new FixpAcceptor(
        "127.0.0.1", 0, Map.of(FixpTestClient.KEY_ID, SECRET), 4, application, clock, AcceptorCounters.inMemory());
    final List<FixpTestClient> clients = new ArrayList<>();
    final List<VenueOutbound> outbounds = new ArrayList<>();

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

    FixpTestClient negotiated(final long uuid)
    {
        final FixpTestClient client = connect();
        client.negotiate(uuid, clock.nanoTime());
        client.awaitTemplate(acceptor, NegotiationResponse501Decoder.TEMPLATE_ID, 1);
        return client;
    }

    FixpTestClient established(final FixpTestClient client, final long uuid, final long nextSeqNo)
    {
        client.establish(uuid, clock.nanoTime(), nextSeqNo, KEEPALIVE_MS);
        client.awaitTemplate(acceptor, EstablishmentAck504Decoder.TEMPLATE_ID, 1);
        return client;
    }

    /**
     * Three orders, acknowledged with SeqNum 1 to 3 on the old UUID, then the client goes away.
     */
    void threeReportsOnTheOldUuidThenDisconnect()
    {
        final FixpTestClient client = established(negotiated(OLD_UUID), OLD_UUID, 1);
        client.newOrder(1, 11, 7, 100, 1);
        client.newOrder(2, 12, 7, 100, 1);
        client.newOrder(3, 13, 7, 100, 1);
        client.awaitTemplate(acceptor, ExecutionReportNew522Decoder.TEMPLATE_ID, 3);
        client.close();
        client.pump(acceptor, () -> !acceptor.isEstablished(OLD_UUID));
    }

    static <T> T body(final DirectBuffer message, final T decoder)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(message, 0);
        final int offset = MessageHeaderDecoder.ENCODED_LENGTH;
        if (decoder instanceof NegotiationResponse501Decoder d)
        {
            d.wrap(message, offset, header.blockLength(), header.version());
        }
        else if (decoder instanceof EstablishmentAck504Decoder d)
        {
            d.wrap(message, offset, header.blockLength(), header.version());
        }
        else if (decoder instanceof Sequence506Decoder d)
        {
            d.wrap(message, offset, header.blockLength(), header.version());
        }
        else if (decoder instanceof Terminate507Decoder d)
        {
            d.wrap(message, offset, header.blockLength(), header.version());
        }
        else if (decoder instanceof Retransmission509Decoder d)
        {
            d.wrap(message, offset, header.blockLength(), header.version());
        }
        else if (decoder instanceof RetransmitReject510Decoder d)
        {
            d.wrap(message, offset, header.blockLength(), header.version());
        }
        else if (decoder instanceof ExecutionReportNew522Decoder d)
        {
            d.wrap(message, offset, header.blockLength(), header.version());
        }
        return decoder;
    }

    @Test
    void newUuidAfterARestartNamesThePreviousUuidAndItsLastSeqNo()
    {
        threeReportsOnTheOldUuidThenDisconnect();

        final FixpTestClient client = negotiated(NEW_UUID);
        final NegotiationResponse501Decoder response = body(
            client.last(NegotiationResponse501Decoder.TEMPLATE_ID), new NegotiationResponse501Decoder());
        assertEquals(NEW_UUID, response.uUID());
        assertEquals(OLD_UUID, response.previousUUID());
        assertEquals(3, response.previousSeqNo());

        established(client, NEW_UUID, 1);
        final EstablishmentAck504Decoder ack = body(
            client.last(EstablishmentAck504Decoder.TEMPLATE_ID), new EstablishmentAck504Decoder());
        assertEquals(NEW_UUID, ack.uUID());
        assertEquals(1, ack.nextSeqNo(), "a new UUID's first business message is 1");
        assertEquals(OLD_UUID, ack.previousUUID());
        assertEquals(3, ack.previousSeqNo());
        assertEquals(KEEPALIVE_MS, ack.keepAliveInterval());
    }

    @Test
    void reEstablishingTheSameUuidAcknowledgesItsNextSeqNo()
    {
        threeReportsOnTheOldUuidThenDisconnect();

        final FixpTestClient client = established(connect(), OLD_UUID, 4);
        final EstablishmentAck504Decoder ack = body(
            client.last(EstablishmentAck504Decoder.TEMPLATE_ID), new EstablishmentAck504Decoder());
        assertEquals(4, ack.nextSeqNo());
        assertEquals(OLD_UUID, ack.previousUUID());
        assertEquals(3, ack.previousSeqNo());

        client.newOrder(4, 14, 7, 100, 1);
        client.awaitTemplate(acceptor, ExecutionReportNew522Decoder.TEMPLATE_ID, 1);
        final ExecutionReportNew522Decoder report = body(
            client.last(ExecutionReportNew522Decoder.TEMPLATE_ID), new ExecutionReportNew522Decoder());
        assertEquals(4, report.seqNum());
        assertEquals(OLD_UUID, report.uUID());
    }

    @Test
    void retransmitsTheOldUuidsMessagesWhenAskedWithLastUuid()
    {
        threeReportsOnTheOldUuidThenDisconnect();
        final FixpTestClient client = established(negotiated(NEW_UUID), NEW_UUID, 1);

        client.retransmitRequest(NEW_UUID, OLD_UUID, 4242, 2, 2);
        client.awaitTemplate(acceptor, ExecutionReportNew522Decoder.TEMPLATE_ID, 2);

        final Retransmission509Decoder retransmission = body(
            client.last(Retransmission509Decoder.TEMPLATE_ID), new Retransmission509Decoder());
        assertEquals(NEW_UUID, retransmission.uUID());
        assertEquals(OLD_UUID, retransmission.lastUUID());
        assertEquals(4242, retransmission.requestTimestamp());
        assertEquals(2, retransmission.fromSeqNo());
        assertEquals(2, retransmission.msgCount());
        final int first = client.templateIds().indexOf(Retransmission509Decoder.TEMPLATE_ID);
        for (int i = 0; i < 2; i++)
        {
            final ExecutionReportNew522Decoder report = body(
                client.received.get(first + 1 + i), new ExecutionReportNew522Decoder());
            assertEquals(2 + i, report.seqNum(), "original SeqNum");
            assertEquals(OLD_UUID, report.uUID(), "original UUID");
            assertEquals(BooleanFlag.True, report.possRetransFlag());
            assertEquals(String.valueOf(12 + i), report.clOrdID().trim());
        }

        client.newOrder(1, 21, 7, 100, 1);
        client.awaitTemplate(acceptor, ExecutionReportNew522Decoder.TEMPLATE_ID, 3);
        final ExecutionReportNew522Decoder live = body(
            client.last(ExecutionReportNew522Decoder.TEMPLATE_ID), new ExecutionReportNew522Decoder());
        assertEquals(1, live.seqNum());
        assertEquals(NEW_UUID, live.uUID());
        assertEquals(BooleanFlag.False, live.possRetransFlag());
    }

    @Test
    void reportsOfOrdersEnteredUnderTheOldUuidGoOutOnTheNewOne()
    {
        final FixpTestClient old = established(negotiated(OLD_UUID), OLD_UUID, 1);
        old.newOrder(1, 11, 7, 100, 1);
        old.awaitTemplate(acceptor, ExecutionReportNew522Decoder.TEMPLATE_ID, 1);
        final VenueOutbound clientOutbound = application.lastOutbound;
        old.close();
        old.pump(acceptor, () -> !acceptor.isEstablished(OLD_UUID));

        final FixpTestClient client = established(negotiated(NEW_UUID), NEW_UUID, 1);
        final DirectBuffer sent = old.last(ExecutionReportNew522Decoder.TEMPLATE_ID);
        application.send(clientOutbound, sent, MessageHeaderDecoder.ENCODED_LENGTH +
            ExecutionReportNew522Decoder.clOrdIDEncodingOffset(), 99);
        client.awaitTemplate(acceptor, ExecutionReportNew522Decoder.TEMPLATE_ID, 1);

        final ExecutionReportNew522Decoder report = body(
            client.last(ExecutionReportNew522Decoder.TEMPLATE_ID), new ExecutionReportNew522Decoder());
        assertEquals(NEW_UUID, report.uUID());
        assertEquals(1, report.seqNum());
        assertEquals("11", report.clOrdID().trim());
    }

    @Test
    void refusesRetransmissionsItCannotServeWithCmeErrorCodes()
    {
        final FixpTestClient client = established(negotiated(OLD_UUID), OLD_UUID, 1);
        client.newOrder(1, 11, 7, 100, 1);
        client.newOrder(2, 12, 7, 100, 1);
        client.awaitTemplate(acceptor, ExecutionReportNew522Decoder.TEMPLATE_ID, 2);

        client.retransmitRequest(OLD_UUID, -1, 1, 2, 5);
        client.retransmitRequest(OLD_UUID, 777, 2, 1, 1);
        client.retransmitRequest(OLD_UUID, -1, 3, 1, 2501);
        client.retransmitRequest(OLD_UUID, -1, 4, 0, 1);
        client.awaitTemplate(acceptor, RetransmitReject510Decoder.TEMPLATE_ID, 4);

        final int[] expectedCodes = {0, 1, 2, 5};
        final long[] expectedLastUuid = {-1, 777, -1, -1};
        int index = 0;
        for (final DirectBuffer frame : client.received)
        {
            if (RetransmitReject510Decoder.TEMPLATE_ID == FixpTestClient.templateId(frame))
            {
                final RetransmitReject510Decoder reject = body(frame, new RetransmitReject510Decoder());
                assertEquals(index + 1, reject.requestTimestamp());
                assertEquals(expectedCodes[index], reject.errorCodes(), "reject " + index);
                assertEquals(expectedLastUuid[index], reject.lastUUID());
                assertEquals(OLD_UUID, reject.uUID());
                assertTrue(!reject.reason().isBlank());
                index++;
            }
        }
        assertEquals(4, index);
    }

    @Test
    void keepaliveSequenceCarriesTheNextOutboundSeqNo()
    {
        final FixpTestClient client = established(negotiated(OLD_UUID), OLD_UUID, 1);
        client.newOrder(1, 11, 7, 100, 1);
        client.newOrder(2, 12, 7, 100, 1);
        client.newOrder(3, 13, 7, 100, 1);
        client.awaitTemplate(acceptor, ExecutionReportNew522Decoder.TEMPLATE_ID, 3);

        client.sequence(OLD_UUID, 4, false);
        clock.advance(TimeUnit.MILLISECONDS.toNanos(KEEPALIVE_MS));
        client.awaitTemplate(acceptor, Sequence506Decoder.TEMPLATE_ID, 1);
        final Sequence506Decoder sequence = body(client.last(Sequence506Decoder.TEMPLATE_ID), new Sequence506Decoder());
        assertEquals(OLD_UUID, sequence.uUID());
        assertEquals(4, sequence.nextSeqNo());
    }

    @Test
    void sequenceWithANextSeqNoBelowWhatTheVenueExpectsTerminates()
    {
        final FixpTestClient client = established(negotiated(OLD_UUID), OLD_UUID, 1);
        client.newOrder(1, 11, 7, 100, 1);
        client.newOrder(2, 12, 7, 100, 1);
        client.newOrder(3, 13, 7, 100, 1);
        client.awaitTemplate(acceptor, ExecutionReportNew522Decoder.TEMPLATE_ID, 3);

        client.sequence(OLD_UUID, 2, false);
        client.awaitTemplate(acceptor, Terminate507Decoder.TEMPLATE_ID, 1);
        final Terminate507Decoder terminate = body(
            client.last(Terminate507Decoder.TEMPLATE_ID), new Terminate507Decoder());
        assertEquals(OLD_UUID, terminate.uUID());
        assertEquals(10, terminate.errorCodes(), "InvalidNextSeqNo");
        client.pump(acceptor, client::closedByPeer);
        assertTrue(!acceptor.isEstablished(OLD_UUID));
    }

    @Test
    void establishWithANextSeqNoBelowWhatTheVenueExpectsTerminates()
    {
        threeReportsOnTheOldUuidThenDisconnect();

        final FixpTestClient client = connect();
        client.establish(OLD_UUID, 5555, 2, KEEPALIVE_MS);
        client.awaitTemplate(acceptor, Terminate507Decoder.TEMPLATE_ID, 1);
        final Terminate507Decoder terminate = body(
            client.last(Terminate507Decoder.TEMPLATE_ID), new Terminate507Decoder());
        assertEquals(10, terminate.errorCodes(), "InvalidNextSeqNo");
        assertEquals(5555, terminate.requestTimestamp(), "echoes the Establish it answers");
        assertEquals(0, client.count(EstablishmentAck504Decoder.TEMPLATE_ID));
        client.pump(acceptor, client::closedByPeer);
        assertTrue(!acceptor.isEstablished(OLD_UUID));
    }

    @Test
    void terminateIsAnsweredWithTerminateEchoingItsRequestTimestamp()
    {
        final FixpTestClient client = established(negotiated(OLD_UUID), OLD_UUID, 1);
        client.terminate(OLD_UUID, 31337);
        client.awaitTemplate(acceptor, Terminate507Decoder.TEMPLATE_ID, 1);
        final Terminate507Decoder terminate = body(
            client.last(Terminate507Decoder.TEMPLATE_ID), new Terminate507Decoder());
        assertEquals(31337, terminate.requestTimestamp());
        assertEquals(0, terminate.errorCodes(), "Finished");
        client.pump(acceptor, client::closedByPeer);
    }
}
