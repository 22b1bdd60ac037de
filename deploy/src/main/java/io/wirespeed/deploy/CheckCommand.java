package io.wirespeed.deploy;

import io.wirespeed.config.AgentRole;
import io.wirespeed.config.ConfigCheck;
import io.wirespeed.config.StrategySample;
import io.wirespeed.config.ThreadingMode;
import io.wirespeed.config.WirespeedConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code wirespeed check}: the host preflight against a configuration, one line per finding (OK, WARN or FAIL, what
 * was found, how to fix it); exit 1 when a finding fails, which {@code run} refuses without {@code --allow-untuned}.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Check this host against the configuration: core isolation, IRQ affinity, CPU governor, " +
    "C-states, transparent huge pages, huge pages and memlock for the AF_XDP UMEM, NIC queues, clocksource and " +
    "time sync (RTS 25). Exit 0 when nothing fails, 1 when something does.")
final class CheckCommand implements Callable<Integer>
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: the built-in one)")
    Path configFile;

    @Option(names = "--root", paramLabel = "DIR", hidden = true, defaultValue = "/",
        description = "where /proc and /sys are read from (default: ${DEFAULT-VALUE})")
    Path root;

    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final WirespeedConfig config = CommandConfig.load(configFile, spec.commandLine().getErr());
        if (null == config)
        {
            return ConfigCheck.EXIT_INVALID;
        }
        final boolean inProcessStrategies = ThreadingMode.MULTI_PROCESS != config.appliance().threadingMode() &&
            config.strategies().stream().anyMatch((strategy) -> StrategySample.NONE != strategy.sample());
        final List<AgentRole> roles = ApplianceThreads.roles(config, inProcessStrategies);
        final List<HostFinding> findings = HostPreflight.check(config, roles, new HostView(root), ClockSync::readHost);
        out.println("wirespeed check: host " + hostname() + " against " + config.sourceName() + " (" +
            config.appliance().threadingMode().text() + " threading, nic.backend = \"" +
            config.nic().backend().text() + "\")");
        int warnings = 0;
        int failures = 0;
        for (final HostFinding finding : findings)
        {
            out.println("  " + finding);
            warnings += HostFinding.Level.WARN == finding.level ? 1 : 0;
            failures += HostFinding.Level.FAIL == finding.level ? 1 : 0;
        }
        out.println("wirespeed check: " + failures + " fail, " + warnings + " warn, " +
            (findings.size() - failures - warnings) + " ok" + (failures > 0 ?
            ": `wirespeed run` refuses this host unless --allow-untuned" : ""));
        out.flush();
        return failures > 0 ? Refusal.EXIT_REFUSED : 0;
    }

    private String hostname()
    {
        final String name = new HostView(root).read("/proc/sys/kernel/hostname");
        return null == name ? "(unknown)" : name;
    }
}
