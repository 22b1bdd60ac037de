package io.wirespeed.config;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that span sections: unique ids, references that must resolve, and cores that must not be shared.
 */
final class CrossReferences
{
    private static final String[] FEED_KEYS = { "incremental_a", "incremental_b", "snapshot", "instrument_definition" };

    private CrossReferences()
    {
    }

    static void validate(final WirespeedConfig config, final Validator validator)
    {
        if (config.channels().isEmpty())
        {
            validator.error("channel", null,
                "missing: at least one [[channel]] is needed (the feed handler and the venue read it)");
        }
        final Set<Integer> channelIds = channels(config.channels(), validator.scope("channel"));
        final Set<String> symbols = instruments(config.instruments(), channelIds, validator.scope("instrument"));
        faults(config, channelIds, validator.scope("fault"));
        strategies(config, symbols, validator);
        cores(config, validator.scope("agents"));
    }

    private static Set<Integer> channels(final List<ChannelContext> channels, final Validator validator)
    {
        final Map<Integer, String> idKeys = new HashMap<>();
        final Map<Endpoint, String> endpointKeys = new HashMap<>();
        for (int i = 0; i < channels.size(); i++)
        {
            final ChannelContext channel = channels.get(i);
            final Validator scope = validator.scope(String.valueOf(i));
            unique(scope, "id", channel.id(), ChannelContext.NULL_ID, idKeys, "duplicate id");

            final Endpoint[] endpoints =
                { channel.incrementalA(), channel.incrementalB(), channel.snapshot(), channel.instrumentDefinition() };
            for (int j = 0; j < endpoints.length; j++)
            {
                unique(scope, FEED_KEYS[j], endpoints[j], null, endpointKeys, "duplicate endpoint");
            }
        }

        return idKeys.keySet();
    }

    private static Set<String> instruments(
        final List<InstrumentContext> instruments, final Set<Integer> channelIds, final Validator validator)
    {
        final Map<Integer, String> securityIdKeys = new HashMap<>();
        final Map<String, String> symbolKeys = new HashMap<>();
        for (int i = 0; i < instruments.size(); i++)
        {
            final InstrumentContext instrument = instruments.get(i);
            final Validator scope = validator.scope(String.valueOf(i));
            unique(scope, "security_id", instrument.securityId(), InstrumentContext.NULL_ID, securityIdKeys,
                "duplicate security id");
            unique(scope, "symbol", instrument.symbol(), null, symbolKeys, "duplicate symbol");
            final int channel = instrument.channel();
            if (InstrumentContext.NULL_ID != channel && !channelIds.contains(channel))
            {
                scope.error("channel", channel, "dangling reference (no [[channel]] has id " + channel + ")");
            }
        }

        return symbolKeys.keySet();
    }

    private static void faults(final WirespeedConfig config, final Set<Integer> channelIds, final Validator validator)
    {
        final Set<String> seen = new HashSet<>();
        for (final FaultContext fault : config.faults())
        {
            final String name = fault.channelId() + "." + fault.feed().text();
            final ChannelContext channel = config.channel(fault.channelId());
            if (!seen.add(name))
            {
                validator.error(name, null, "duplicate fault table");
            }
            else if (!channelIds.contains(fault.channelId()) || null == channel)
            {
                validator.error(name, null, "dangling reference (no [[channel]] has id " + fault.channelId() + ")");
            }
            else if (null == channel.endpoint(fault.feed()))
            {
                validator.error(name, null, "dangling reference (channel " + fault.channelId() + " has no " +
                    FEED_KEYS[fault.feed().ordinal()] + " feed)");
            }
            else if (fault.enabled() && NicBackend.PCAP == config.nic().backend())
            {
                validator.error(name, null, "not honoured with nic.backend = \"pcap\": every capture arrives on " +
                    "one port, not one per feed; remove packets from the capture instead (editcap)");
            }
        }
    }

    private static void strategies(final WirespeedConfig config, final Set<String> symbols, final Validator validator)
    {
        final Map<Integer, String> idKeys = new HashMap<>();
        final Map<String, String> nameKeys = new HashMap<>();
        final Set<String> accounts = new HashSet<>();
        final List<StrategyContext> strategies = config.strategies();
        for (int i = 0; i < strategies.size(); i++)
        {
            final StrategyContext strategy = strategies.get(i);
            final Validator scope = validator.scope("strategy").scope(String.valueOf(i));
            unique(scope, "id", strategy.id(), StrategyContext.NULL_ID, idKeys, "duplicate id");
            unique(scope, "name", strategy.name(), null, nameKeys, "duplicate name");
            if (null != strategy.account())
            {
                accounts.add(strategy.account());
            }
            for (final String symbol : strategy.instruments())
            {
                if (!symbols.contains(symbol))
                {
                    scope.error("instruments", strategy.instruments(),
                        "dangling reference (no [[instrument]] has symbol " + ConfigValues.quote(symbol) + ")");
                    break;
                }
            }
        }

        final Validator risk = validator.scope("risk");
        for (final String name : config.risk().strategies().keySet())
        {
            if (!nameKeys.containsKey(name))
            {
                risk.scope("strategy").error(name, null,
                    "dangling reference (no [[strategy]] is named " + ConfigValues.quote(name) + ")");
            }
        }
        for (final String account : config.risk().accounts().keySet())
        {
            if (!accounts.contains(account))
            {
                risk.scope("account").error(account, null,
                    "dangling reference (no [[strategy]] uses account " + ConfigValues.quote(account) + ")");
            }
        }
    }

    /**
     * Agents with their own threads must not share a core; in compact mode the two composite agents take the
     * feed and housekeeping settings and must not share one either.
     */
    private static void cores(final WirespeedConfig config, final Validator validator)
    {
        final ThreadingMode mode = config.appliance().threadingMode();
        final Map<Integer, String> coreKeys = new HashMap<>();
        for (final AgentRole role : AgentRole.values())
        {
            final boolean hasOwnThread = ThreadingMode.COMPACT != mode ||
                AgentRole.FEED == role || AgentRole.HOUSEKEEPING == role;
            final AgentContext agent = config.agent(role);
            if (hasOwnThread && agent.isPinned())
            {
                final String key = validator.scope(role.text()).key("core");
                final String previous = coreKeys.putIfAbsent(agent.core(), key);
                if (null != previous)
                {
                    validator.scope(role.text()).error("core", agent.core(), "already pinned by " + previous +
                        " (" + (null == mode ? "" : mode.text()) + " threading needs a core per thread)");
                }
            }
        }
    }

    private static <T> void unique(
        final Validator validator,
        final String name,
        final T value,
        final T nullValue,
        final Map<T, String> keys,
        final String reason)
    {
        if (null == value || value.equals(nullValue))
        {
            return;
        }

        final String previous = keys.putIfAbsent(value, validator.key(name));
        if (null != previous)
        {
            validator.error(name, value, reason + " (also " + previous + ")");
        }
    }
}
