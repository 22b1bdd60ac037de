package io.wirespeed.latency.order;

import io.wirespeed.gateway.GatewayCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The order-path benchmarks run end to end on small counts: every order goes as planned; no timing is asserted.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class OrderBenchmarksTest
{
    @Test
    void gatewayCostRigEstablishesThroughTheSinkAndSettlesEveryOrder()
    {
        final GatewayCostBenchmark.Result result = GatewayCostBenchmark.run(6_400, 3_200);
        final GatewayCostRig rig = result.rig();

        assertNull(result.problem());
        assertEquals(6_400, result.orders());
        assertEquals(3_200, rig.newOrderNs.getTotalCount());
        assertEquals(3_200, rig.newOrdersInBlocks);
        assertEquals(rig.orderCount() / 2, rig.counters.get(GatewayCounter.FILLS));
        assertEquals(0, rig.logic.state().liveOrders());
    }

    @Test
    void roundTripCompletesEveryOrderOverRealThreads() throws InterruptedException
    {
        final RoundTripStrategy strategy = OrderRoundTripBenchmark.run(200, 50, "yield", 50);

        assertEquals(250, strategy.completed);
        assertEquals(0, strategy.unexpected);
        assertEquals(200, strategy.newToAck.getTotalCount());
        assertEquals(200, strategy.cancelToCanceled.getTotalCount());
    }
}
