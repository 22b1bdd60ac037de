package io.wirespeed.latency.order;

import io.wirespeed.sim.MarketDataSimulator;
import io.wirespeed.sim.venue.FixpAcceptor;
import io.wirespeed.sim.venue.OrderEntryApplication;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;

/**
 * The exchange simulator on one thread, "venue": the FIXP acceptor on loopback TCP, the order-entry application
 * matching client orders, and the market-data simulator whose books they trade against.
 */
final class VenueLoop implements Agent
{
    private final MarketDataSimulator simulator;
    private final OrderEntryApplication orders;
    private final FixpAcceptor acceptor;
    private final EpochNanoClock clock;

    VenueLoop(
        final MarketDataSimulator simulator,
        final OrderEntryApplication orders,
        final FixpAcceptor acceptor,
        final EpochNanoClock clock)
    {
        this.simulator = simulator;
        this.orders = orders;
        this.acceptor = acceptor;
        this.clock = clock;
    }

    public void onStart()
    {
        simulator.onStart();
        acceptor.onStart();
    }

    public int doWork()
    {
        final long nowNs = clock.nanoTime();
        int work = acceptor.doWork(nowNs);
        work += orders.doWork(nowNs);
        work += simulator.doWork();
        return work;
    }

    public void onClose()
    {
        acceptor.onClose();
        simulator.onClose();
    }

    public String roleName()
    {
        return "venue";
    }
}
