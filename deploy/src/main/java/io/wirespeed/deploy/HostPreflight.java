package io.wirespeed.deploy;

import io.wirespeed.config.AfXdpNicContext;
import io.wirespeed.config.AgentContext;
import io.wirespeed.config.AgentRole;
import io.wirespeed.config.NicBackend;
import io.wirespeed.config.WirespeedConfig;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * The host preflight against a configuration: CPU isolation, IRQ affinity, governor and C-states of the configured
 * cores, transparent huge pages, huge pages and locked memory for an AF_XDP UMEM, NIC queues, clocksource and time
 * sync (RTS 25: within 100 µs of UTC).
 * <p>
 * A finding FAILs only where the configuration demands what the host lacks (a pinned core that is not isolated, a
 * UMEM in huge pages that are not reserved, a UMEM larger than the locked-memory limit); everything else that is
 * merely untuned WARNs, so an untuned laptop runs the default configuration.
 */
final class HostPreflight
{
    /** RTS 25's bound on the clock's divergence from UTC for algorithmic trading. */
    static final long RTS25_MAX_ERROR_US = 100;
    static final int CAP_IPC_LOCK = 14;

    private final WirespeedConfig config;
    private final HostView host;
    private final Supplier<ClockSync> clock;
    private final List<HostFinding> findings = new ArrayList<>();

    private HostPreflight(final WirespeedConfig config, final HostView host, final Supplier<ClockSync> clock)
    {
        this.config = config;
        this.host = host;
        this.clock = clock;
    }

    /**
     * Check a host for a configuration.
     *
     * @param config concluded configuration.
     * @param roles  the agent roles that will run, whose configured cores are checked.
     * @param host   the host's /proc and /sys.
     * @param clock  the kernel clock's synchronization state, null where unreadable.
     * @return every finding, in check order.
     */
    static List<HostFinding> check(
        final WirespeedConfig config, final List<AgentRole> roles, final HostView host, final Supplier<ClockSync> clock)
    {
        final HostPreflight preflight = new HostPreflight(config, host, clock);
        final BitSet cores = new BitSet();
        final List<String> coreKeys = new ArrayList<>();
        for (final AgentRole role : roles)
        {
            final AgentContext agent = config.agent(role);
            if (agent.core() >= 0)
            {
                cores.set(agent.core());
                coreKeys.add("agents." + role.text() + ".core = " + agent.core());
            }
        }
        new CoreChecks(host, preflight.findings).check(cores, coreKeys);
        preflight.checkTransparentHugePages();
        preflight.checkAfXdp();
        preflight.checkClocksource();
        preflight.checkTimeSync();
        return preflight.findings;
    }

    /**
     * Whether any finding fails.
     *
     * @param findings from {@link #check}.
     * @return true when at least one is FAIL.
     */
    static boolean fails(final List<HostFinding> findings)
    {
        return findings.stream().anyMatch((finding) -> HostFinding.Level.FAIL == finding.level);
    }

    /**
     * The preflight {@code run} makes: a failing host is refused with each failing finding on its own line, unless
     * the operator allows it, in which case each overridden finding is printed.
     *
     * @param config       concluded configuration.
     * @param roles        the agent roles that will run.
     * @param allowUntuned {@code --allow-untuned}.
     * @param out          where overrides are printed.
     * @param err          where a refusal is printed.
     * @return true when the appliance may start.
     */
    static boolean admit(
        final WirespeedConfig config,
        final List<AgentRole> roles,
        final boolean allowUntuned,
        final PrintWriter out,
        final PrintWriter err)
    {
        final List<HostFinding> findings = check(config, roles, HostView.host(), ClockSync::readHost);
        if (!fails(findings))
        {
            return true;
        }
        final PrintWriter to = allowUntuned ? out : err;
        for (final HostFinding finding : findings)
        {
            if (HostFinding.Level.FAIL == finding.level)
            {
                to.println((allowUntuned ? "wirespeed run: --allow-untuned overrides: " : "") + finding);
            }
        }
        if (!allowUntuned)
        {
            err.println("wirespeed run: this host fails the preflight for this configuration (the FAIL lines above; " +
                "`wirespeed check` lists every finding); fix the host or pass --allow-untuned");
        }
        to.flush();
        return allowUntuned;
    }

    private void checkTransparentHugePages()
    {
        final String thp = host.read("/sys/kernel/mm/transparent_hugepage/enabled");
        if (null == thp)
        {
            findings.add(HostFinding.ok("transparent huge pages", "not available on this kernel"));
        }
        else if (thp.contains("[always]"))
        {
            findings.add(HostFinding.warn("transparent huge pages", "enabled = always (" + thp + "): khugepaged " +
                "compaction stalls the hot threads", "echo madvise > /sys/kernel/mm/transparent_hugepage/enabled " +
                "(or boot with transparent_hugepage=madvise)"));
        }
        else
        {
            findings.add(HostFinding.ok("transparent huge pages", thp));
        }
    }

    private void checkAfXdp()
    {
        if (NicBackend.AF_XDP != config.nic().backend())
        {
            findings.add(HostFinding.ok("locked memory", "nic.backend = \"" + config.nic().backend().text() +
                "\" locks no memory"));
            return;
        }
        final AfXdpNicContext xdp = config.nic().afXdp();
        final long umemBytes = (long)xdp.umemFrameSizeBytes() * xdp.umemFrameCount();
        checkHugePages(xdp, umemBytes);
        checkMemlock(umemBytes);
        new NicQueueChecks(host, findings).check(xdp);
    }

    private void checkHugePages(final AfXdpNicContext xdp, final long umemBytes)
    {
        if (!xdp.hugePages())
        {
            findings.add(HostFinding.ok("huge pages", "nic.af_xdp.huge_pages = false: the UMEM uses normal pages"));
            return;
        }
        final long pageKb = parseLong(host.field("/proc/meminfo", "Hugepagesize"), 2048);
        final long free = parseLong(host.field("/proc/meminfo", "HugePages_Free"), 0);
        final long pageBytes = pageKb * 1024;
        final long needed = (umemBytes + pageBytes - 1) / pageBytes;
        if (free < needed)
        {
            findings.add(HostFinding.fail("huge pages", "nic.af_xdp.huge_pages = true: the UMEM (" + umemBytes +
                " bytes) needs " + needed + " huge pages of " + pageKb + " kB, " + free + " free",
                "reserve them: sysctl vm.nr_hugepages=" + (needed + parseLong(host.field("/proc/meminfo",
                "HugePages_Total"), 0) - free) + " (or hugepages=" + needed + " on the kernel command line), or " +
                "set nic.af_xdp.huge_pages = false"));
        }
        else
        {
            findings.add(HostFinding.ok("huge pages", needed + " of " + free + " free huge pages of " + pageKb +
                " kB for the UMEM"));
        }
    }

    private void checkMemlock(final long umemBytes)
    {
        final String capEff = host.field("/proc/self/status", "CapEff");
        if (null != capEff && hasCapability(capEff, CAP_IPC_LOCK))
        {
            findings.add(HostFinding.ok("locked memory", "CAP_IPC_LOCK: the UMEM (" + umemBytes +
                " bytes) is not limited by RLIMIT_MEMLOCK"));
            return;
        }
        final long limit = memlockLimit();
        if (limit >= 0 && limit < umemBytes)
        {
            findings.add(HostFinding.fail("locked memory", "the UMEM (nic.af_xdp.umem_frame_size_bytes x " +
                "umem_frame_count = " + umemBytes + " bytes) is pinned but the memlock limit is " + limit +
                " bytes and the process lacks CAP_IPC_LOCK", "raise it: LimitMEMLOCK=infinity in the unit " +
                "(or ulimit -l unlimited, memlock in /etc/security/limits.conf), or grant CAP_IPC_LOCK"));
        }
        else
        {
            findings.add(HostFinding.ok("locked memory", "memlock limit " + (limit < 0 ? "unlimited" : limit +
                " bytes") + " holds the UMEM (" + umemBytes + " bytes)"));
        }
    }

    private long memlockLimit()
    {
        final String limits = host.read("/proc/self/limits");
        if (null != limits)
        {
            for (final String line : limits.split("\n"))
            {
                if (line.startsWith("Max locked memory"))
                {
                    final String soft = line.substring("Max locked memory".length()).trim().split("\\s+")[0];
                    return "unlimited".equals(soft) ? -1 : parseLong(soft, -1);
                }
            }
        }
        return -1;
    }

    private void checkClocksource()
    {
        final String source = host.read("/sys/devices/system/clocksource/clocksource0/current_clocksource");
        if (null == source)
        {
            findings.add(HostFinding.warn("clocksource", "unreadable", "check /sys/devices/system/clocksource"));
        }
        else if (!"tsc".equals(source))
        {
            findings.add(HostFinding.warn("clocksource", source + ": reading the clock costs more than with tsc " +
                "(available: " + host.read("/sys/devices/system/clocksource/clocksource0/available_clocksource") +
                ")", "boot with clocksource=tsc tsc=reliable where the TSC is invariant"));
        }
        else
        {
            findings.add(HostFinding.ok("clocksource", source));
        }
    }

    private void checkTimeSync()
    {
        final List<String> ptp = host.list("/sys/class/ptp");
        final String ptpText = ptp.isEmpty() ? "no PTP hardware clock" : "PTP clocks " + String.join(",", ptp);
        final ClockSync sync = clock.get();
        final String fix = "synchronize to UTC within 100 µs (RTS 25): ptp4l + phc2sys on a PTP-capable NIC, " +
            "or chrony with a local stratum-1 source";
        if (null == sync)
        {
            findings.add(HostFinding.warn("time sync", "the kernel clock state is unreadable (" + ptpText + ")", fix));
        }
        else if (!sync.isSynchronized())
        {
            findings.add(HostFinding.warn("time sync", "the kernel clock is not synchronized to UTC (adjtimex " +
                "state " + sync.state + ", " + ptpText + ")", fix));
        }
        else if (sync.estErrorUs > RTS25_MAX_ERROR_US)
        {
            findings.add(HostFinding.warn("time sync", "estimated error " + sync.estErrorUs + " µs (maximum " +
                sync.maxErrorUs + " µs) exceeds RTS 25's 100 µs (" + ptpText + ")", fix));
        }
        else
        {
            findings.add(HostFinding.ok("time sync", "synchronized, estimated error " + sync.estErrorUs +
                " µs (maximum " + sync.maxErrorUs + " µs), " + ptpText));
        }
    }

    static boolean hasCapability(final String capHex, final int capability)
    {
        try
        {
            return 0 != (Long.parseUnsignedLong(capHex, 16) & (1L << capability));
        }
        catch (final NumberFormatException ex)
        {
            return false;
        }
    }

    static long parseLong(final String text, final long orElse)
    {
        try
        {
            return null == text ? orElse : Long.parseLong(text);
        }
        catch (final NumberFormatException ex)
        {
            return orElse;
        }
    }
}
