package io.wirespeed.deploy;

import io.wirespeed.sim.MarketDataSimulator;
import io.wirespeed.sim.venue.FixpAcceptor;
import io.wirespeed.sim.venue.OrderEntryApplication;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;

import java.util.List;

/**
 * The exchange simulator as one agent: market data, the order-entry application and its FIXP acceptor share one
 * thread, so client orders and participant activity are matched by one writer on the same books.
 * <p>
 * {@link #closeMarket()} (from any thread) closes the market as a venue does at the end of its day: participants
 * stop, order entry closes its connections and its listening socket, and the feeds go on with heartbeats and the
 * snapshot and definition loops over books that no longer change, so a receiver can recover what it missed.
 */
final class VenueAgent implements Agent
{
    private final MarketDataSimulator[] simulators;
    private final OrderEntryApplication orders;
    private final FixpAcceptor acceptor;
    private final EpochNanoClock clock;
    private volatile boolean closeMarketRequested;
    private volatile boolean marketClosed;
    private boolean acceptorClosed;
    private boolean closed;

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
        int work = 0;
        if (!acceptorClosed)
        {
            if (closeMarketRequested)
            {
                closeOrderEntry();
                work++;
            }
            else
            {
                work += acceptor.doWork(nowNs);
                work += orders.doWork(nowNs);
            }
        }
        for (final MarketDataSimulator simulator : simulators)
        {
            work += simulator.doWork();
        }
        return work;
    }

    /**
     * Close the market (from any thread): participants stop now, order entry closes on the agent's next duty cycle.
     */
    void closeMarket()
    {
        for (final MarketDataSimulator simulator : simulators)
        {
            simulator.stopParticipants();
        }
        closeMarketRequested = true;
    }

    /**
     * Has the agent closed order entry after {@link #closeMarket()}, so the books no longer change?
     *
     * @return true once closed.
     */
    boolean isMarketClosed()
    {
        return marketClosed;
    }

    public void onClose()
    {
        if (!closed)
        {
            closed = true;
            if (!acceptorClosed)
            {
                acceptorClosed = true;
                acceptor.onClose();
            }
            for (final MarketDataSimulator simulator : simulators)
            {
                simulator.onClose();
            }
        }
    }

    public String roleName()
    {
        return "venue";
    }

    private void closeOrderEntry()
    {
        acceptorClosed = true;
        acceptor.onClose();
        marketClosed = true;
    }
}
