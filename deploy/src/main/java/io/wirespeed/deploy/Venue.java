package io.wirespeed.deploy;

import io.wirespeed.config.ChannelContext;
import io.wirespeed.config.InstrumentContext;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.nic.status.CountersFile;
import io.wirespeed.nic.status.ErrorLogFile;
import io.wirespeed.nic.status.NoSpaceException;
import io.wirespeed.sim.MarketDataPorts;
import io.wirespeed.sim.MarketDataSimulator;
import io.wirespeed.sim.SimCounters;
import io.wirespeed.sim.venue.AcceptorCounters;
import io.wirespeed.sim.venue.FixpAcceptor;
import io.wirespeed.sim.venue.OrderEntryApplication;
import io.wirespeed.sim.venue.VenueCounters;
import org.agrona.CloseHelper;
import org.agrona.IoUtil;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochClock;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The venue side, assembled in one place for {@code wirespeed venue}, the demo and the tests: the exchange simulator's
 * market data on the NIC side of the configured backend (one simulator per channel) and its iLink 3 order entry (the
 * FIXP acceptor and the order-entry application over the first channel's books) on a TCP address, with its own
 * counters file.
 * <p>
 * Assembly only: nothing runs until the caller drives {@link #agent}, by hand or on a thread.
 */
final class Venue implements AutoCloseable
{
    private static final int MAX_COUNTERS = 1024;

    final WirespeedConfig config;
    final CountersFile counters;
    final ErrorLogFile errorLog;
    final List<MarketDataSimulator> simulators = new ArrayList<>();
    final OrderEntryApplication orders;
    final FixpAcceptor acceptor;
    final VenueAgent agent;
    private final Path countersPath;
    private final VenuePorts ports = VenuePorts.empty();
    private final List<String> accessKeyIds;

    /**
     * Assemble the venue.
     *
     * @param config       concluded configuration: channels, instruments, {@code [sim]} and the NIC backend.
     * @param clock        the venue's clock.
     * @param countersPath where the venue's counters file is created (and removed on close).
     * @param host         address order entry listens on.
     * @param port         port order entry listens on, 0 for one the kernel picks.
     * @param credentials  access key id to secret, the keys order entry accepts.
     * @throws Refusal when the backend or the order-entry address cannot be used.
     */
    Venue(
        final WirespeedConfig config,
        final EpochNanoClock clock,
        final Path countersPath,
        final String host,
        final int port,
        final Map<String, String> credentials)
    {
        this.config = config;
        this.countersPath = countersPath;
        this.accessKeyIds = List.copyOf(credentials.keySet());
        CountersFile countersFile = null;
        ErrorLogFile errors = null;
        FixpAcceptor listening = null;
        try
        {
            countersFile = CountersFile.create(countersPath, MAX_COUNTERS);
            errors = ErrorLogFile.create(ErrorLogFile.beside(countersPath), ErrorLogFile.DEFAULT_LENGTH_BYTES,
                countersFile, "venue: agent errors (wirespeed errors --venue)", SystemEpochClock.INSTANCE, System.err);
            for (final ChannelContext channel : config.channels())
            {
                final MarketDataPorts feeds = VenuePorts.open(config, channel, countersFile, clock, ports);
                simulators.add(new MarketDataSimulator(config.sim(), channel, config.instruments(), feeds, clock,
                    new SimCounters(countersFile, channel.id())));
            }
            orders = new OrderEntryApplication(simulators.get(0).clientMarket(), clock,
                config.sim().maxClientOrders(), config.sim().cancelOnDisconnect(),
                new VenueCounters(countersFile, "venue"));
            try
            {
                listening = new FixpAcceptor(host, port, credentials, config.sim().orderEntry().maxSessions(), orders,
                    clock, new AcceptorCounters(countersFile));
            }
            catch (final UncheckedIOException ex)
            {
                throw Refusal.of("sim.order_entry.port", port, "cannot listen on " + host + ":" + port + " (" +
                    ex.getCause().getMessage() + "); sim.order_entry.host and port choose the address");
            }
            agent = new VenueAgent(simulators, orders, listening, clock);
        }
        catch (final RuntimeException ex)
        {
            if (null != listening)
            {
                listening.onClose();
            }
            CloseHelper.closeAll(ports, errors, countersFile);
            IoUtil.deleteIfExists(countersPath.toFile());
            throw ex instanceof NoSpaceException noSpace ? Appliance.noRoom(config, noSpace) : ex;
        }
        counters = countersFile;
        errorLog = errors;
        acceptor = listening;
    }

    /**
     * Assemble the venue with order entry on {@code [sim.order_entry]}'s address and the access keys it configures.
     *
     * @param config       concluded configuration.
     * @param clock        the venue's clock.
     * @param countersPath where the venue's counters file is created.
     * @return the venue.
     * @throws Refusal when a secret cannot be read, or the backend or address cannot be used.
     */
    static Venue fromConfig(final WirespeedConfig config, final EpochNanoClock clock, final Path countersPath)
    {
        return new Venue(config, clock, countersPath, config.sim().orderEntry().host(),
            config.sim().orderEntry().port(), Secrets.venue(config));
    }

    /**
     * The default counters file of a venue process: next to the configured shm wires.
     *
     * @param config the configuration.
     * @return the path.
     */
    static Path countersPath(final WirespeedConfig config)
    {
        return Path.of(config.nic().shm().path() + "-venue-counters");
    }

    /**
     * The port order entry listens on, as bound.
     *
     * @return the port.
     */
    int port()
    {
        return acceptor.port();
    }

    /**
     * What the venue runs, one line each, as read back from its parts.
     *
     * @param host the address order entry was asked to listen on.
     * @return the lines.
     */
    List<String> description(final String host)
    {
        final List<String> lines = new ArrayList<>(ports.description());
        final StringBuilder tradable = new StringBuilder();
        for (final InstrumentContext instrument : config.instruments())
        {
            if (instrument.channel() == simulators.get(0).channelId())
            {
                tradable.append(tradable.length() > 0 ? ", " : "").append(instrument.symbol());
            }
        }
        lines.add(String.format("order entry: iLink 3 on %s:%d, access keys %s; tradable: channel %d (%s)%s", host,
            port(), accessKeyIds, simulators.get(0).channelId(), tradable,
            simulators.size() > 1 ? "; the other channels' instruments are market data only" : ""));
        return lines;
    }

    public void close()
    {
        agent.onClose();
        CloseHelper.closeAll(ports, errorLog, counters);
        IoUtil.deleteIfExists(countersPath.toFile());
    }
}
