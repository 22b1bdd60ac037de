package io.wirespeed.strategy;

import io.wirespeed.config.AgentRole;
import io.wirespeed.config.ConfigException;
import io.wirespeed.config.IdleStrategies;
import io.wirespeed.config.StrategyContext;
import io.wirespeed.config.StrategySample;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.strategy.sample.MarketMaker;
import io.wirespeed.strategy.sample.TickResponder;
import io.wirespeed.nic.status.CountersFile;
import io.wirespeed.nic.status.ErrorLogFile;
import org.agrona.ErrorHandler;
import org.agrona.IoUtil;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.ShutdownSignalBarrier;
import org.agrona.concurrent.SystemEpochClock;

import java.nio.file.Path;

/**
 * Runs one configured strategy's sample in its own JVM against the appliance's media driver, until SIGINT/SIGTERM.
 * <p>
 * Usage: {@code StrategyMain <config-file> <strategy-name>}; {@code -Dwirespeed.*} properties override the file.
 * Prints {@code started <name>} once connected and, on shutdown, a {@link #bookSummary} line per book then
 * {@code stopped <name>}.
 */
public final class StrategyMain
{
    private StrategyMain()
    {
    }

    /**
     * Entry point.
     *
     * @param args config file and strategy name.
     */
    public static void main(final String[] args)
    {
        if (2 != args.length)
        {
            System.err.println("usage: StrategyMain <config-file> <strategy-name>");
            System.exit(2);
        }
        try (ShutdownSignalBarrier barrier = new ShutdownSignalBarrier())
        {
            run(WirespeedConfig.load(Path.of(args[0])), args[1], barrier);
        }
        catch (final ConfigException | IllegalArgumentException ex)
        {
            System.err.println(ex.getMessage());
            System.exit(1);
        }
    }

    /**
     * Run a strategy's sample on its own thread until the barrier is signalled.
     *
     * @param config  concluded configuration.
     * @param name    of the {@code [[strategy]]}.
     * @param barrier signalled to stop; the caller closes it once this returns.
     */
    public static void run(final WirespeedConfig config, final String name, final ShutdownSignalBarrier barrier)
    {
        final StrategyFactory factory = factory(StrategySettings.from(config, name).strategy());
        final Path countersPath = countersPath(config, name);
        try (CountersFile counters = CountersFile.create(countersPath, 8);
            ErrorLogFile errors = ErrorLogFile.create(ErrorLogFile.beside(countersPath),
                ErrorLogFile.DEFAULT_LENGTH_BYTES, counters, "strategy " + name + ": agent errors",
                SystemEpochClock.INSTANCE, System.err))
        {
            run(config, name, barrier, StrategyClient.connect(config, name, factory), errors.errorHandler());
        }
        finally
        {
            IoUtil.deleteIfExists(countersPath.toFile());
        }
    }

    /**
     * The counters file of a strategy's own process (its error counter), next to the appliance's shm wires; its error
     * log is {@link ErrorLogFile#beside} it.
     *
     * @param config the configuration.
     * @param name   of the {@code [[strategy]]}.
     * @return the path.
     */
    public static Path countersPath(final WirespeedConfig config, final String name)
    {
        return Path.of(config.nic().shm().path() + "-strategy-" + name + "-counters");
    }

    private static void run(
        final WirespeedConfig config,
        final String name,
        final ShutdownSignalBarrier barrier,
        final StrategyClient client,
        final ErrorHandler errorHandler)
    {
        try (AgentRunner runner = new AgentRunner(
            IdleStrategies.of(config.agent(AgentRole.STRATEGY)), errorHandler, null, client))
        {
            AgentRunner.startOnThread(runner);
            System.out.println("started " + name);
            System.out.flush();
            barrier.await();
        }
        for (final BookView book : client.books())
        {
            System.out.println(bookSummary(book));
        }
        System.out.println("stopped " + name);
        System.out.flush();
    }

    /**
     * One line summing up a book view, printed for each book on shutdown so another process can check it saw the same
     * stream: {@code book <symbol> updates=<count> digest=<hash of the levels and feed state>}.
     *
     * @param book the view.
     * @return the line.
     */
    public static String bookSummary(final BookView book)
    {
        return "book " + book.symbol() + " updates=" + book.updateCount() + " digest=" +
            Integer.toHexString(book.toString().hashCode());
    }

    /**
     * The factory of a strategy's configured sample.
     *
     * @param strategy configuration naming the sample.
     * @return the factory.
     * @throws IllegalArgumentException when the strategy names no sample.
     */
    public static StrategyFactory factory(final StrategyContext strategy)
    {
        final StrategySample sample = strategy.sample();
        switch (sample)
        {
            case TICK_RESPONDER:
                return TickResponder::fromSettings;
            case MARKET_MAKER:
                return MarketMaker::fromSettings;
            default:
                throw new IllegalArgumentException("strategy." + strategy.name() +
                    ": sample = \"none\", nothing to run (set sample = \"tick-responder\" or \"market-maker\")");
        }
    }
}
