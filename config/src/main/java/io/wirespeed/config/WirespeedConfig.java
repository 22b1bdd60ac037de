package io.wirespeed.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * The whole appliance's configuration, one context per section of a TOML file, loaded and validated in one pass.
 * <p>
 * Any key can be overridden by a system property {@code -Dwirespeed.<dotted key>=<value>}: tables by name
 * ({@code -Dwirespeed.nic.backend=kernel}, {@code -Dwirespeed.agents.feed.core=3},
 * {@code -Dwirespeed.fault.310.a.loss_rate=0.01}), arrays of tables by index from 0 in file order
 * ({@code -Dwirespeed.channel.0.book_depth=5}). A value is read as TOML ({@code 5}, {@code true},
 * {@code [1, 2]}, {@code "text"}) or else as a bare string, then checked exactly as a file value; errors name the
 * property. Overrides may add keys and named tables the file lacks, but not elements of an array of tables. Only
 * properties whose first segment is a section name (or a near miss of one) are overrides; other
 * {@code wirespeed.*} properties belong to other components.
 */
public final class WirespeedConfig extends ConfigContext<WirespeedConfig>
{
    /**
     * Prefix of the system properties that override keys.
     */
    public static final String PROPERTY_PREFIX = ConfigDocument.PROPERTY_PREFIX;

    /**
     * Classpath resource of the default configuration: the demo on a 2-core laptop.
     */
    public static final String DEFAULT_RESOURCE = "/wirespeed-default.toml";

    /**
     * Top-level sections, in the order of a file.
     */
    public static final List<String> SECTIONS = List.of(
        "appliance", "agents", "nic", "fault", "channel", "instrument", "aeron", "journal", "gateway", "strategy",
        "risk", "latency", "sim");

    private static final List<String> FEED_NAMES = Arrays.stream(FeedName.values()).map(FeedName::text).toList();

    private final ApplianceContext appliance = new ApplianceContext();
    private final Map<AgentRole, AgentContext> agents = new EnumMap<>(AgentRole.class);
    private final NicContext nic = new NicContext();
    private final List<FaultContext> faults = new ArrayList<>();
    private final List<ChannelContext> channels = new ArrayList<>();
    private final List<InstrumentContext> instruments = new ArrayList<>();
    private final AeronContext aeron = new AeronContext();
    private final JournalContext journal = new JournalContext();
    private final GatewayContext gateway = new GatewayContext();
    private final List<StrategyContext> strategies = new ArrayList<>();
    private final RiskContext risk = new RiskContext();
    private final LatencyContext latency = new LatencyContext();
    private final SimContext sim = new SimContext();
    private Map<String, ConfigLocation> locations = Map.of();
    private String sourceName = "";

    /**
     * A configuration holding every default, with no channels, instruments or strategies.
     */
    public WirespeedConfig()
    {
        super("");
        for (final AgentRole role : AgentRole.values())
        {
            agents.put(role, new AgentContext(role));
        }
    }

    /**
     * Load and conclude a file, applying {@code -Dwirespeed.*} system property overrides.
     *
     * @param file TOML file.
     * @return the concluded configuration.
     * @throws ConfigException listing every error in the file and the overrides.
     */
    public static WirespeedConfig load(final Path file)
    {
        return load(file, System.getProperties());
    }

    /**
     * Load and conclude a file, applying overrides from the given properties.
     *
     * @param file       TOML file.
     * @param properties whose {@code wirespeed.*} entries override keys.
     * @return the concluded configuration.
     * @throws ConfigException listing every error in the file and the overrides.
     */
    public static WirespeedConfig load(final Path file, final Properties properties)
    {
        return read((errors) -> ConfigDocument.parse(file, properties, SECTIONS, errors), true);
    }

    /**
     * Load and conclude the default configuration, applying {@code -Dwirespeed.*} system property overrides.
     *
     * @return the concluded configuration.
     * @throws ConfigException when an override is invalid.
     */
    public static WirespeedConfig loadDefault()
    {
        return loadDefault(System.getProperties());
    }

    /**
     * Load and conclude the default configuration, applying overrides from the given properties.
     *
     * @param properties whose {@code wirespeed.*} entries override keys.
     * @return the concluded configuration.
     * @throws ConfigException when an override is invalid.
     */
    public static WirespeedConfig loadDefault(final Properties properties)
    {
        return read((errors) -> ConfigDocument.resource(DEFAULT_RESOURCE, properties, SECTIONS, errors), true);
    }

    /**
     * Load and conclude configuration text.
     *
     * @param toml       the text of a configuration file.
     * @param sourceName named in error locations, e.g. a file name.
     * @param properties whose {@code wirespeed.*} entries override keys.
     * @return the concluded configuration.
     * @throws ConfigException listing every error.
     */
    public static WirespeedConfig parse(final String toml, final String sourceName, final Properties properties)
    {
        return read((errors) -> ConfigDocument.parse(toml, sourceName, properties, SECTIONS, errors), true);
    }

    /**
     * The default configuration as shipped, without overrides and not concluded, for code to adjust first.
     *
     * @return the configuration, to {@link #conclude()} once adjusted.
     */
    public static WirespeedConfig readDefault()
    {
        return read((errors) -> ConfigDocument.resource(DEFAULT_RESOURCE, new Properties(), SECTIONS, errors), false);
    }

    /**
     * Name of the file this configuration was read from.
     *
     * @return the name, or empty when built in code.
     */
    public String sourceName()
    {
        return sourceName;
    }

    /**
     * {@code [appliance]}.
     *
     * @return the context.
     */
    public ApplianceContext appliance()
    {
        return appliance;
    }

    /**
     * {@code [agents.<role>]}.
     *
     * @param role of the agent.
     * @return its context; every role has one.
     */
    public AgentContext agent(final AgentRole role)
    {
        return agents.get(role);
    }

    /**
     * {@code [nic]}.
     *
     * @return the context.
     */
    public NicContext nic()
    {
        return nic;
    }

    /**
     * Every {@code [fault.<channel-id>.<feed>]}.
     *
     * @return an unmodifiable view.
     */
    public List<FaultContext> faults()
    {
        return Collections.unmodifiableList(faults);
    }

    /**
     * The fault injection on one feed.
     *
     * @param channelId of the channel.
     * @param feed      of the channel.
     * @return its context, or null when the feed has none.
     */
    public FaultContext fault(final int channelId, final FeedName feed)
    {
        for (final FaultContext fault : faults)
        {
            if (fault.channelId() == channelId && fault.feed() == feed)
            {
                return fault;
            }
        }

        return null;
    }

    /**
     * Add fault injection on a feed.
     *
     * @param fault context.
     * @return this for a fluent API.
     */
    public WirespeedConfig addFault(final FaultContext fault)
    {
        faults.add(fault);
        return this;
    }

    /**
     * Every {@code [[channel]]}, in file order.
     *
     * @return an unmodifiable view.
     */
    public List<ChannelContext> channels()
    {
        return Collections.unmodifiableList(channels);
    }

    /**
     * The channel with an id.
     *
     * @param id of the channel.
     * @return its context, or null when there is none.
     */
    public ChannelContext channel(final int id)
    {
        for (final ChannelContext channel : channels)
        {
            if (channel.id() == id)
            {
                return channel;
            }
        }

        return null;
    }

    /**
     * Add a channel.
     *
     * @param channel context.
     * @return this for a fluent API.
     */
    public WirespeedConfig addChannel(final ChannelContext channel)
    {
        channels.add(channel);
        return this;
    }

    /**
     * Every {@code [[instrument]]}, in file order.
     *
     * @return an unmodifiable view.
     */
    public List<InstrumentContext> instruments()
    {
        return Collections.unmodifiableList(instruments);
    }

    /**
     * Add an instrument.
     *
     * @param instrument context.
     * @return this for a fluent API.
     */
    public WirespeedConfig addInstrument(final InstrumentContext instrument)
    {
        instruments.add(instrument);
        return this;
    }

    /**
     * {@code [aeron]}.
     *
     * @return the context.
     */
    public AeronContext aeron()
    {
        return aeron;
    }

    /**
     * {@code [journal]}.
     *
     * @return the context.
     */
    public JournalContext journal()
    {
        return journal;
    }

    /**
     * {@code [gateway]}.
     *
     * @return the context.
     */
    public GatewayContext gateway()
    {
        return gateway;
    }

    /**
     * Every {@code [[strategy]]}, in file order.
     *
     * @return an unmodifiable view.
     */
    public List<StrategyContext> strategies()
    {
        return Collections.unmodifiableList(strategies);
    }

    /**
     * Add a strategy.
     *
     * @param strategy context.
     * @return this for a fluent API.
     */
    public WirespeedConfig addStrategy(final StrategyContext strategy)
    {
        strategies.add(strategy);
        return this;
    }

    /**
     * {@code [risk]} with its strategy and account tables.
     *
     * @return the context.
     */
    public RiskContext risk()
    {
        return risk;
    }

    /**
     * {@code [latency]}.
     *
     * @return the context.
     */
    public LatencyContext latency()
    {
        return latency;
    }

    /**
     * {@code [sim]}.
     *
     * @return the context.
     */
    public SimContext sim()
    {
        return sim;
    }

    @Override
    ConfigLocation locate(final String key)
    {
        return ConfigReader.locate(locations, key);
    }

    @Override
    void read(final ConfigReader.Table root)
    {
        appliance.read(root.table("appliance"));
        final ConfigReader.Table agentsTable = root.table("agents");
        for (final AgentRole role : AgentRole.values())
        {
            agents.get(role).read(agentsTable.table(role.text()));
        }
        nic.read(root.table("nic"));
        readFaults(root.table("fault"));
        for (final ConfigReader.Table table : root.tables("channel"))
        {
            final ChannelContext channel = new ChannelContext();
            channel.read(table);
            channels.add(channel);
        }
        for (final ConfigReader.Table table : root.tables("instrument"))
        {
            final InstrumentContext instrument = new InstrumentContext();
            instrument.read(table);
            instruments.add(instrument);
        }
        aeron.read(root.table("aeron"));
        journal.read(root.table("journal"));
        gateway.read(root.table("gateway"));
        for (final ConfigReader.Table table : root.tables("strategy"))
        {
            final StrategyContext strategy = new StrategyContext();
            strategy.read(table);
            strategies.add(strategy);
        }
        risk.read(root.table("risk"));
        latency.read(root.table("latency"));
        sim.read(root.table("sim"));
    }

    @Override
    void validate(final Validator validator)
    {
        appliance.conclude(validator.scope("appliance"));
        for (final AgentRole role : AgentRole.values())
        {
            agents.get(role).conclude(validator.scope("agents").scope(role.text()));
        }
        nic.conclude(validator.scope("nic"));
        for (final FaultContext fault : faults)
        {
            fault.conclude(validator.scope("fault").scope(fault.channelId() + "." + fault.feed().text()));
        }
        concludeAll(validator.scope("channel"), channels);
        concludeAll(validator.scope("instrument"), instruments);
        aeron.conclude(validator.scope("aeron"));
        journal.conclude(validator.scope("journal"));
        gateway.conclude(validator.scope("gateway"));
        concludeAll(validator.scope("strategy"), strategies);
        risk.conclude(validator.scope("risk"));
        latency.conclude(validator.scope("latency"));
        sim.conclude(validator.scope("sim"));
        CrossReferences.validate(this, validator);
    }

    private void readFaults(final ConfigReader.Table faultTable)
    {
        for (final String channelName : faultTable.names())
        {
            if (!channelName.matches("[1-9][0-9]{0,4}"))
            {
                faultTable.error(channelName, null, "invalid channel id, expected [fault.<channel-id>.<feed>]");
                continue;
            }

            final int channelId = Integer.parseInt(channelName);
            final ConfigReader.Table channelTable = faultTable.table(channelName);
            for (final String feedName : channelTable.names())
            {
                final FeedName feed = feedName(feedName);
                if (null == feed)
                {
                    channelTable.error(feedName, null, "invalid feed, expected one of " +
                        ConfigValues.quoteAll(FEED_NAMES) + DidYouMean.clause(feedName, FEED_NAMES));
                    continue;
                }

                final FaultContext fault = new FaultContext(channelId, feed);
                fault.read(channelTable.table(feedName));
                faults.add(fault);
            }
        }
    }

    private static FeedName feedName(final String text)
    {
        for (final FeedName feed : FeedName.values())
        {
            if (feed.text().equals(text))
            {
                return feed;
            }
        }

        return null;
    }

    private static void concludeAll(final Validator validator, final List<? extends ConfigContext<?>> contexts)
    {
        for (int i = 0; i < contexts.size(); i++)
        {
            contexts.get(i).conclude(validator.scope(String.valueOf(i)));
        }
    }

    private static WirespeedConfig read(final Function<ConfigErrors, ConfigDocument> parser, final boolean conclude)
    {
        final ConfigErrors errors = new ConfigErrors((key) -> ConfigLocation.NONE);
        final ConfigDocument document = parser.apply(errors);
        if (null == document.root())
        {
            errors.throwIfAny();
        }

        final ConfigReader reader = new ConfigReader(document, errors);
        errors.locator(reader::locate);
        final WirespeedConfig config = new WirespeedConfig();
        config.read(reader.root());
        reader.reportUnknown();
        config.locations = reader.locations();
        config.sourceName = document.sourceName();
        if (conclude)
        {
            config.conclude(new Validator(errors, ""));
        }
        errors.throwIfAny();

        return config;
    }
}
