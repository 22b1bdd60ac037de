package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.RejectReason;
import org.junit.jupiter.api.Test;

import static io.wirespeed.gateway.GatewayFixture.ALPHA;
import static io.wirespeed.gateway.GatewayFixture.ES;
import static io.wirespeed.gateway.GatewayFixture.ES_PRICE;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The order pool serves every order it holds, then refuses the next with a reason instead of failing.
 */
class OrderPoolTest
{
    private static final int CAPACITY = 8;

    @Test
    void everyOrderOfThePoolIsServedThenTheNextIsRefused()
    {
        final GatewayFixture fixture =
            new GatewayFixture(GatewayFixture.lenientRisk(), new RecordingOutput(), CAPACITY, true);
        fixture.quote(ES, ES_PRICE);
        for (int i = 1; i <= CAPACITY; i++)
        {
            fixture.buy(ALPHA, i, ES_PRICE, 1);
            assertEquals(RejectReason.NONE, fixture.output.lastDecision().reason(), "order " + i);
        }
        assertEquals(CAPACITY, fixture.logic.state().liveOrders());

        fixture.buy(ALPHA, CAPACITY + 1, ES_PRICE, 1);
        assertEquals(RejectReason.MAX_OPEN_ORDERS, fixture.output.lastDecision().reason());
        assertEquals(1, fixture.counters.get(GatewayCounter.ORDER_POOL_EXHAUSTED));
    }
}
