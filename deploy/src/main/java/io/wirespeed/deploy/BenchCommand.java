package io.wirespeed.deploy;

import io.wirespeed.latency.feed.BookScalingBenchmark;
import io.wirespeed.latency.feed.FeedAllocationBenchmark;
import io.wirespeed.latency.feed.FeedThroughputBenchmark;
import io.wirespeed.latency.nic.NicRoundTripBenchmark;
import io.wirespeed.latency.nic.ShmThroughputBenchmark;
import io.wirespeed.latency.nic.XdpBenchmark;
import io.wirespeed.latency.order.GatewayCostBenchmark;
import io.wirespeed.latency.order.OrderRoundTripBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code wirespeed bench NAME [ARGS...]}: a benchmark from {@code latency-tests}, run from the packaged launcher with
 * its JVM flags (benchmarks that start a second JVM start it on the same jar and flags).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Run a benchmark: shm-throughput, nic-round-trip, xdp (root), feed-throughput, book-scaling, " +
    "feed-alloc, gateway-cost, order-round-trip [ORDERS WARMUP spin|yield], journal [ROUNDS SECONDS], " +
    "replay INPUT... [OPTIONS].",
    footer =
    {
        "",
        "  shm-throughput    shm ring throughput, 64 B and 1 KiB frames, two threads and two processes",
        "  nic-round-trip    round trip over shm vs kernel UDP on loopback, side by side, with the ratio",
        "  xdp               AF_XDP vs kernel sockets over a veth pair: round trip and flood (root only)",
        "  feed-throughput   feed handler msgs/s vs raw Aeron IPC offers, with the ratio",
        "  book-scaling      ns per book update with 10, 1,000 and 10,000 instruments",
        "  feed-alloc        bytes the feed handler allocates over 10M packets (exit 1 unless zero)",
        "  gateway-cost      ns per order through the gateway on one thread (exit 1 unless 0 B/order)",
        "  order-round-trip  strategy -> gateway -> simulator -> execution report, p50..max",
        "  journal           tick-to-trade of the demo's appliance with the journal off vs on, alternating rounds",
        "  replay            wirespeed replay --raw-baseline: max-pace replay packets/s vs a raw read of the input"
    })
final class BenchCommand implements Callable<Integer>
{
    static final List<String> NAMES = List.of("shm-throughput", "nic-round-trip", "xdp", "feed-throughput",
        "book-scaling", "feed-alloc", "gateway-cost", "order-round-trip", "journal", "replay");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "the benchmark")
    String name;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "the benchmark's arguments")
    List<String> args = new ArrayList<>();

    public Integer call() throws Exception
    {
        final String[] arguments = args.toArray(new String[0]);
        switch (name)
        {
            case "shm-throughput" -> ShmThroughputBenchmark.main(arguments);
            case "nic-round-trip" -> NicRoundTripBenchmark.main(arguments);
            case "xdp" -> XdpBenchmark.main(arguments);
            case "feed-throughput" -> FeedThroughputBenchmark.main(arguments);
            case "book-scaling" -> BookScalingBenchmark.main(arguments);
            case "feed-alloc" -> FeedAllocationBenchmark.main(arguments);
            case "gateway-cost" -> GatewayCostBenchmark.main(arguments);
            case "order-round-trip" -> OrderRoundTripBenchmark.main(arguments);
            case "replay" ->
            {
                final List<String> replayArgs = new ArrayList<>(List.of("--raw-baseline"));
                replayArgs.addAll(args);
                return new CommandLine(new ReplayCommand()).setOut(spec.commandLine().getOut())
                    .setErr(spec.commandLine().getErr()).execute(replayArgs.toArray(new String[0]));
            }
            case "journal" ->
            {
                return JournalBench.run(arguments, spec.commandLine().getOut());
            }
            default ->
            {
                spec.commandLine().getErr().println("wirespeed bench: no benchmark named " + name + "; one of " +
                    String.join(", ", NAMES));
                return 2;
            }
        }
        return 0;
    }
}
