package io.wirespeed.deploy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Preflight of the configured agent cores: isolation (isolcpus, nohz_full, rcu_nocbs), IRQ affinity, CPU frequency
 * governor and C-states.
 */
final class CoreChecks
{
    /** An idle state whose exit latency is above this is a deep C-state for a pinned, spinning core. */
    static final long DEEP_CSTATE_LATENCY_US = 10;
    private static final int IRQS_NAMED = 12;

    private final HostView host;
    private final List<HostFinding> findings;

    CoreChecks(final HostView host, final List<HostFinding> findings)
    {
        this.host = host;
        this.findings = findings;
    }

    void check(final BitSet cores, final List<String> coreKeys)
    {
        if (cores.isEmpty())
        {
            findings.add(HostFinding.ok("cores", "no agent core is pinned (agents.<role>.core = -1): " +
                "nothing to isolate"));
            return;
        }
        final String list = HostCores.text(cores);
        checkIsolated(cores, coreKeys, list);
        checkKernelList("nohz_full", "/sys/devices/system/cpu/nohz_full", cores, list,
            "ticks keep interrupting the pinned cores");
        checkKernelList("rcu_nocbs", null, cores, list, "RCU callbacks run on the pinned cores");
        checkIrqs(cores, list);
        checkGovernors(cores);
        checkIdleStates(cores);
    }

    private void checkIsolated(final BitSet cores, final List<String> coreKeys, final String list)
    {
        final BitSet isolated = HostView.cpuList(host.read("/sys/devices/system/cpu/isolated"));
        isolated.or(HostView.cpuList(host.kernelParameter("isolcpus")));
        final BitSet missing = (BitSet)cores.clone();
        missing.andNot(isolated);
        if (missing.isEmpty())
        {
            findings.add(HostFinding.ok("isolcpus", "cores " + list + " are isolated"));
        }
        else
        {
            findings.add(HostFinding.fail("isolcpus", "configured core(s) " + HostCores.text(missing) +
                " not isolated (" + String.join(", ", coreKeys) + "; isolated: " + HostCores.text(isolated) + ")",
                "boot with isolcpus=managed_irq,domain," + list + " nohz_full=" + list + " rcu_nocbs=" + list +
                ", or set the cores to -1, or run with --allow-untuned"));
        }
    }

    private void checkKernelList(
        final String parameter, final String sysPath, final BitSet cores, final String list, final String cost)
    {
        final BitSet covered = HostView.cpuList(host.kernelParameter(parameter));
        if (null != sysPath)
        {
            covered.or(HostView.cpuList(host.read(sysPath)));
        }
        final BitSet missing = (BitSet)cores.clone();
        missing.andNot(covered);
        if (missing.isEmpty())
        {
            findings.add(HostFinding.ok(parameter, "cores " + list));
        }
        else
        {
            findings.add(HostFinding.warn(parameter, "core(s) " + HostCores.text(missing) + " not in " + parameter +
                ": " + cost, "boot with " + parameter + "=" + list));
        }
    }

    private void checkIrqs(final BitSet cores, final String list)
    {
        final List<String> onCores = new ArrayList<>();
        for (final String irq : host.list("/proc/irq"))
        {
            if (!irq.chars().allMatch(Character::isDigit))
            {
                continue;
            }
            final BitSet affinity = HostView.cpuList(host.read("/proc/irq/" + irq + "/smp_affinity_list"));
            if (affinity.intersects(cores))
            {
                onCores.add(irq);
            }
        }
        if (onCores.isEmpty())
        {
            findings.add(HostFinding.ok("irq affinity", "no IRQ may run on cores " + list));
        }
        else
        {
            findings.add(HostFinding.warn("irq affinity", onCores.size() + " IRQ(s) may run on cores " + list +
                " (" + String.join(",", onCores.subList(0, Math.min(IRQS_NAMED, onCores.size()))) +
                (onCores.size() > IRQS_NAMED ? ",..." : "") + ")", "write the other cores to " +
                "/proc/irq/N/smp_affinity_list and keep irqbalance off them (IRQBALANCE_BANNED_CPULIST=" + list +
                ")"));
        }
    }

    private void checkGovernors(final BitSet cores)
    {
        for (int core = cores.nextSetBit(0); core >= 0; core = cores.nextSetBit(core + 1))
        {
            final String governor = host.read("/sys/devices/system/cpu/cpu" + core + "/cpufreq/scaling_governor");
            if (null == governor)
            {
                findings.add(HostFinding.ok("cpu governor", "core " + core + ": no cpufreq driver (the frequency is " +
                    "the platform's)"));
            }
            else if (!"performance".equals(governor))
            {
                findings.add(HostFinding.warn("cpu governor", "core " + core + ": " + governor,
                    "echo performance > /sys/devices/system/cpu/cpu" + core + "/cpufreq/scaling_governor " +
                    "(or cpupower frequency-set -g performance)"));
            }
            else
            {
                findings.add(HostFinding.ok("cpu governor", "core " + core + ": performance"));
            }
        }
    }

    private void checkIdleStates(final BitSet cores)
    {
        for (int core = cores.nextSetBit(0); core >= 0; core = cores.nextSetBit(core + 1))
        {
            final String dir = "/sys/devices/system/cpu/cpu" + core + "/cpuidle";
            final List<String> deep = new ArrayList<>();
            for (final String state : host.list(dir))
            {
                final long latencyUs = HostPreflight.parseLong(host.read(dir + "/" + state + "/latency"), 0);
                final boolean disabled = "1".equals(host.read(dir + "/" + state + "/disable"));
                if (!disabled && latencyUs > DEEP_CSTATE_LATENCY_US)
                {
                    deep.add(host.read(dir + "/" + state + "/name") + " (" + latencyUs + " µs)");
                }
            }
            if (deep.isEmpty())
            {
                findings.add(HostFinding.ok("c-states", "core " + core + ": no idle state deeper than " +
                    DEEP_CSTATE_LATENCY_US + " µs enabled"));
            }
            else
            {
                findings.add(HostFinding.warn("c-states", "core " + core + ": deep idle states enabled: " +
                    String.join(", ", deep), "cpupower -c " + core + " idle-set -D " + DEEP_CSTATE_LATENCY_US +
                    " (or boot with intel_idle.max_cstate=1 processor.max_cstate=1)"));
            }
        }
    }
}
