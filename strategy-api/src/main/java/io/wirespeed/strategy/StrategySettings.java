package io.wirespeed.strategy;

import io.wirespeed.config.AeronContext;
import io.wirespeed.config.ChannelContext;
import io.wirespeed.config.InstrumentContext;
import io.wirespeed.config.RiskLimits;
import io.wirespeed.config.StrategyContext;
import io.wirespeed.config.WirespeedConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * What a strategy client needs from the appliance's configuration: its identity, the streams, its instruments.
 */
public final class StrategySettings
{
    /**
     * Default capacity of the strategy's order table.
     */
    public static final int ORDER_TABLE_CAPACITY_DEFAULT = 1024;

    private final StrategyContext strategy;
    private final AeronContext aeron;
    private final List<Instrument> instruments;
    private final long maxPosition;
    private int orderTableCapacity = ORDER_TABLE_CAPACITY_DEFAULT;

    /**
     * An instrument the strategy sees, resolved against its channel.
     *
     * @param symbol       venue symbol.
     * @param securityId   venue security id.
     * @param channelId    feed channel carrying it.
     * @param bookDepth    levels per side the feed handler publishes at most (the channel's book_depth cap).
     * @param tickSize     minimum price increment, mantissa with exponent -9.
     */
    public record Instrument(String symbol, int securityId, int channelId, int bookDepth, long tickSize)
    {
    }

    /**
     * Settings built in code, for tests and embedding.
     *
     * @param strategy    the strategy's concluded context (id, name, sample parameters).
     * @param aeron       channel and stream ids.
     * @param instruments the strategy sees.
     * @param maxPosition largest absolute net position per instrument the strategy allows itself.
     */
    public StrategySettings(
        final StrategyContext strategy,
        final AeronContext aeron,
        final List<Instrument> instruments,
        final long maxPosition)
    {
        this.strategy = strategy;
        this.aeron = aeron;
        this.instruments = List.copyOf(instruments);
        this.maxPosition = maxPosition;
    }

    /**
     * The settings of one configured strategy.
     *
     * @param config concluded configuration.
     * @param name   of a {@code [[strategy]]}.
     * @return its settings.
     * @throws IllegalArgumentException when no strategy has that name.
     */
    public static StrategySettings from(final WirespeedConfig config, final String name)
    {
        StrategyContext strategy = null;
        for (final StrategyContext candidate : config.strategies())
        {
            if (candidate.name().equals(name))
            {
                strategy = candidate;
            }
        }
        if (null == strategy)
        {
            throw new IllegalArgumentException("no [[strategy]] is named \"" + name + "\"");
        }

        final List<Instrument> instruments = new ArrayList<>();
        for (final InstrumentContext instrument : config.instruments())
        {
            if (strategy.instruments().isEmpty() || strategy.instruments().contains(instrument.symbol()))
            {
                final ChannelContext channel = config.channel(instrument.channel());
                final int depth = null == channel ? ChannelContext.BOOK_DEPTH_DEFAULT : channel.bookDepth();
                instruments.add(new Instrument(
                    instrument.symbol(),
                    instrument.securityId(),
                    instrument.channel(),
                    depth,
                    instrument.tickSizeMantissa()));
            }
        }
        final RiskLimits limits = config.risk().limitsForStrategy(name);
        return new StrategySettings(strategy, config.aeron(), instruments, limits.maxPosition())
            .orderTableCapacity((int)Math.max(ORDER_TABLE_CAPACITY_DEFAULT, limits.maxOpenOrders() * 2));
    }

    /**
     * The strategy's configuration.
     *
     * @return the strategy's context.
     */
    public StrategyContext strategy()
    {
        return strategy;
    }

    /**
     * Strategy id carried on every order.
     *
     * @return the id.
     */
    public int strategyId()
    {
        return strategy.id();
    }

    /**
     * Strategy name.
     *
     * @return the name.
     */
    public String name()
    {
        return strategy.name();
    }

    /**
     * Aeron channel and stream ids.
     *
     * @return the aeron context.
     */
    public AeronContext aeron()
    {
        return aeron;
    }

    /**
     * Instruments the strategy sees, in configuration order.
     *
     * @return an unmodifiable list.
     */
    public List<Instrument> instruments()
    {
        return instruments;
    }

    /**
     * Largest absolute net position per instrument the strategy allows itself.
     *
     * @return the position limit in lots.
     */
    public long maxPosition()
    {
        return maxPosition;
    }

    /**
     * Orders the strategy's order table holds at once.
     *
     * @return the capacity.
     */
    public int orderTableCapacity()
    {
        return orderTableCapacity;
    }

    /**
     * Orders the strategy's order table holds at once.
     *
     * @param orderTableCapacity positive.
     * @return this for a fluent API.
     */
    public StrategySettings orderTableCapacity(final int orderTableCapacity)
    {
        if (orderTableCapacity < 1)
        {
            throw new IllegalArgumentException("orderTableCapacity must be positive: " + orderTableCapacity);
        }
        this.orderTableCapacity = orderTableCapacity;
        return this;
    }
}
