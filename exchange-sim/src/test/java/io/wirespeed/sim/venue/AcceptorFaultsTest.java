package io.wirespeed.sim.venue;

import io.wirespeed.codecs.ilink3.EstablishmentAck504Decoder;
import io.wirespeed.codecs.ilink3.ExecutionReportNew522Decoder;
import io.wirespeed.codecs.ilink3.MessageHeaderDecoder;
import io.wirespeed.codecs.ilink3.NegotiationResponse501Decoder;
import io.wirespeed.codecs.ilink3.NotApplied513Decoder;
import io.wirespeed.codecs.ilink3.Retransmission509Decoder;
import io.wirespeed.nic.ManualEpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The acceptor's fault knobs, seen from a hand-written client: a dropped connection is one disconnect and the session
 * continues on re-establishment, withheld messages are a gap the client recovers with RetransmitRequest, and an
 * ignored client message is reported with NotApplied.
 */
@Timeout(30)
class AcceptorFaultsTest
{
    static final long UUID = 1_700_000_000_000_001L;

    final ManualEpochNanoClock clock = new ManualEpochNanoClock(1_700_000_000_000_000_000L);
    final AckingApplication application = new AckingApplication();
    final FixpAcceptor acceptor = new FixpAcceptor("127.0.0.1", 0,
        Map.of(FixpTestClient.KEY_ID, AcceptorRecoveryTest.SECRET), 4, application, clock,
        AcceptorCounters.inMemory());
    final List<FixpTestClient> clients = new ArrayList<>();

    @AfterEach
    void after()
    {
        clients.forEach(FixpTestClient::close);
        acceptor.onClose();
    }

    FixpTestClient established(final boolean negotiate, final long nextSeqNo)
    {
        final FixpTestClient client = new FixpTestClient(acceptor.port(), AcceptorRecoveryTest.SECRET);
        clients.add(client);
        if (negotiate)
        {
            client.negotiate(UUID, clock.nanoTime());
            client.awaitTemplate(acceptor, NegotiationResponse501Decoder.TEMPLATE_ID, 1);
        }
        client.establish(UUID, clock.nanoTime(), nextSeqNo, 1000);
        client.awaitTemplate(acceptor, EstablishmentAck504Decoder.TEMPLATE_ID, 1);
        return client;
    }

    long count(final AcceptorCounter counter)
    {
        return acceptor.counters().value(counter);
    }

    @Test
    void aDroppedConnectionIsOneDisconnectAndTheSessionGoesOn()
    {
        final FixpTestClient first = established(true, 1);
        acceptor.faults().dropAfterInbound(1);
        first.newOrder(1, 11, 7, 100, 1);
        first.pump(acceptor, first::closedByPeer);
        assertEquals(1, count(AcceptorCounter.FAULT_DROPS));
        assertEquals(1, count(AcceptorCounter.DISCONNECTS));

        final FixpTestClient second = established(false, 2);
        final EstablishmentAck504Decoder ack = new EstablishmentAck504Decoder().wrap(
            second.last(EstablishmentAck504Decoder.TEMPLATE_ID), MessageHeaderDecoder.ENCODED_LENGTH,
            EstablishmentAck504Decoder.BLOCK_LENGTH, 5);
        assertEquals(2, ack.nextSeqNo(), "the ack of order 1 was committed before the drop");
        assertEquals(1, ack.previousSeqNo());
        second.newOrder(2, 12, 7, 100, 1);
        second.awaitTemplate(acceptor, ExecutionReportNew522Decoder.TEMPLATE_ID, 1);
        assertEquals(1, count(AcceptorCounter.DISCONNECTS));
        assertEquals(2, count(AcceptorCounter.MESSAGES_RECEIVED));
    }

    @Test
    void withheldMessagesAreRetransmittedOnRequest()
    {
        final FixpTestClient client = established(true, 1);
        acceptor.faults().skipOutbound(2);
        client.newOrder(1, 11, 7, 100, 1);
        client.newOrder(2, 12, 7, 100, 1);
        client.newOrder(3, 13, 7, 100, 1);
        client.awaitTemplate(acceptor, ExecutionReportNew522Decoder.TEMPLATE_ID, 1);
        assertEquals(3, new ExecutionReportNew522Decoder().wrap(
            client.last(ExecutionReportNew522Decoder.TEMPLATE_ID), MessageHeaderDecoder.ENCODED_LENGTH,
            ExecutionReportNew522Decoder.BLOCK_LENGTH, 5).seqNum(), "a gap: 1 and 2 withheld");

        client.retransmitRequest(UUID, Retransmitter.NULL_UUID, 42, 1, 2);
        client.awaitTemplate(acceptor, ExecutionReportNew522Decoder.TEMPLATE_ID, 3);
        assertEquals(1, client.count(Retransmission509Decoder.TEMPLATE_ID));
        assertEquals(2, count(AcceptorCounter.FAULT_SKIPPED));
        assertEquals(2, count(AcceptorCounter.RETRANSMITTED));
    }

    @Test
    void anIgnoredClientMessageIsReportedWithNotApplied()
    {
        final FixpTestClient client = established(true, 1);
        acceptor.faults().loseInbound(1);
        client.newOrder(1, 11, 7, 100, 1);
        client.newOrder(2, 12, 7, 100, 1);
        client.awaitTemplate(acceptor, ExecutionReportNew522Decoder.TEMPLATE_ID, 1);
        client.awaitTemplate(acceptor, NotApplied513Decoder.TEMPLATE_ID, 1);

        final NotApplied513Decoder notApplied = new NotApplied513Decoder().wrap(
            client.last(NotApplied513Decoder.TEMPLATE_ID), MessageHeaderDecoder.ENCODED_LENGTH,
            NotApplied513Decoder.BLOCK_LENGTH, 5);
        assertEquals(1, notApplied.fromSeqNo());
        assertEquals(1, notApplied.msgCount());
        assertEquals(List.of(12L), List.of(application.clOrdIds.getLong(0)));
        assertEquals(1, application.clOrdIds.size());
    }
}
