package io.wirespeed.deploy;

import io.wirespeed.sim.MarketDataSimulator;
import io.wirespeed.sim.venue.FixpAcceptor;
import io.wirespeed.sim.venue.OrderEntryApplication;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;

import java.util.List;

/**
 * The embedded exchange simulator as one agent: market data, the order-entry application and its FIXP acceptor share
 * one thread, so client orders and participant activity are matched by one writer on the same books.
 */
final class VenueAgent implements Agent
{
    private final MarketDataSimulator[] simulators;
    private final OrderEntryApplication orders;
    private final FixpAcceptor acceptor;
    private final EpochNanoClock clock;

    VenueAgent(
        final List<MarketDataSimulator> simulators,
        final OrderEntryApplication orders,
        final FixpAcceptor acceptor,
        final EpochNanoClock clock)
    {
        this.simulators = simulators.toArray(new MarketDataSimulator[0]);
        this.orders = orders;
        this.acceptor = acceptor;
        this.clock = clock;
    }

    public void onStart()
    {
        for (final MarketDataSimulator simulator : simulators)
        {
            simulator.onStart();
        }
        acceptor.onStart();
    }

    public int doWork()
    {
        final long nowNs = clock.nanoTime();
        int work = acceptor.doWork(nowNs);
        work += orders.doWork(nowNs);
        for (final MarketDataSimulator simulator : simulators)
        {
            work += simulator.doWork();
        }
        return work;
    }

    public void onClose()
    {
        acceptor.onClose();
        for (final MarketDataSimulator simulator : simulators)
        {
            simulator.onClose();
        }
    }

    public String roleName()
    {
        return "venue";
    }
}
