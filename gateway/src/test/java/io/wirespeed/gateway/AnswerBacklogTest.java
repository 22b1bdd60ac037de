package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.ExecutionReportDecoder;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.codecs.internal.OrderSentDecoder;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.RiskDecisionDecoder;
import io.wirespeed.codecs.internal.Side;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.wirespeed.gateway.GatewayFixture.ALPHA;
import static io.wirespeed.gateway.GatewayFixture.ES;
import static io.wirespeed.gateway.GatewayFixture.ES_PRICE;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A strategy stops taking its answers (its execution stream is back pressured) while its orders fill: the answers are
 * held, in order, the strategy is cut off (new orders refused, open orders canceled at the venue), and once it takes
 * answers again every one arrives, its streamSeq without a gap.
 */
class AnswerBacklogTest
{
    private static final int BACKLOG = 16;
    private static final int MARK = 12;

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final List<String> delivered = new ArrayList<>();
    private final List<Long> alphaSeqs = new ArrayList<>();
    private boolean refusing;
    private final GatewayFixture fixture =
        new GatewayFixture(GatewayFixture.lenientRisk(), this::offer, 4096, BACKLOG);

    @Test
    void answersAreHeldInOrderTheStrategyIsCutOffAndEveryAnswerArrivesWithoutAGap()
    {
        fixture.quote(ES, ES_PRICE);
        final long first = fixture.accepted(ALPHA, 1, Side.BUY, 20);
        final long second = fixture.accepted(ALPHA, 2, Side.BUY, 20);
        final int before = alphaSeqs.size();

        refusing = true;
        for (int fill = 1; fill <= MARK; fill++)
        {
            fixture.venue.listener.onFill(first, 900_000 + first, fill, 0, ES_PRICE, 1, 20 - fill, fill,
                fixture.clock.nanoTime(), fixture.clock.nanoTime());
            if (fill == MARK - 1)
            {
                fixture.logic.deliverHeldAnswers();
                assertEquals(0, fixture.counters.get(GatewayCounter.STRATEGIES_CUT_OFF), "below the mark: held");
            }
        }
        assertEquals(MARK, fixture.counters.get(GatewayCounter.ANSWERS_HELD));
        final long cancelsBefore = fixture.venue.cancels;

        fixture.logic.deliverHeldAnswers();
        assertEquals(1, fixture.counters.get(GatewayCounter.STRATEGIES_CUT_OFF));
        assertEquals(cancelsBefore + 2, fixture.venue.cancels, "its open orders are canceled at the venue");
        fixture.venue.listener.onCanceled(fixture.venue.lastRequestId, second, 900_000 + second,
            fixture.clock.nanoTime(), fixture.clock.nanoTime());
        final long held = fixture.counters.get(GatewayCounter.ANSWERS_HELD);
        assertEquals(0, fixture.counters.get(GatewayCounter.ANSWERS_LOST));
        assertEquals(before, alphaSeqs.size(), "nothing delivered while it does not take answers");

        refusing = false;
        assertEquals(held, fixture.logic.deliverHeldAnswers());
        assertEquals(held, fixture.counters.get(GatewayCounter.ANSWERS_DELIVERED_LATE));
        for (int i = 0; i < alphaSeqs.size(); i++)
        {
            assertEquals(i + 1, alphaSeqs.get(i), "streamSeq without a gap: " + alphaSeqs);
        }
        assertEquals(before + held, alphaSeqs.size());
        assertEquals("ExecutionReport CANCELED", delivered.get(delivered.size() - 1));
        assertEquals("ExecutionReport TRADE", delivered.get(before + MARK - 1), delivered.toString());

        fixture.buy(ALPHA, 3, ES_PRICE, 1);
        assertEquals("RiskDecision KILL_SWITCH", delivered.get(delivered.size() - 1), "new orders refused");
    }

    private boolean offer(final DirectBuffer buffer, final int offset, final int length)
    {
        if (refusing)
        {
            return false;
        }
        header.wrap(buffer, offset);
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        switch (header.templateId())
        {
            case ExecutionReportDecoder.TEMPLATE_ID:
            {
                final ExecutionReportDecoder d =
                    new ExecutionReportDecoder().wrap(buffer, body, header.blockLength(), header.version());
                record(d.strategyId(), d.streamSeq(), "ExecutionReport " + d.execType());
                break;
            }
            case RiskDecisionDecoder.TEMPLATE_ID:
            {
                final RiskDecisionDecoder d =
                    new RiskDecisionDecoder().wrap(buffer, body, header.blockLength(), header.version());
                record(d.strategyId(), d.streamSeq(), "RiskDecision " +
                    (RejectReason.NONE == d.rejectReason() ? "ACCEPTED" : d.rejectReason().name()));
                break;
            }
            case OrderSentDecoder.TEMPLATE_ID:
            {
                final OrderSentDecoder d =
                    new OrderSentDecoder().wrap(buffer, body, header.blockLength(), header.version());
                record(d.strategyId(), d.streamSeq(), "OrderSent");
                break;
            }
            default:
                break;
        }
        return true;
    }

    private void record(final long strategyId, final long streamSeq, final String what)
    {
        if (ALPHA == strategyId)
        {
            alphaSeqs.add(streamSeq);
            delivered.add(what);
        }
    }
}
