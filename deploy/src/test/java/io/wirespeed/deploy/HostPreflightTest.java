package io.wirespeed.deploy;

import io.wirespeed.config.AgentRole;
import io.wirespeed.config.WirespeedConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The host preflight against a fake /proc and /sys written by hand, and once against this host.
 */
final class HostPreflightTest
{
    private static final ClockSync SYNCED = new ClockSync(0, 0x2001, 4_000, 12);
    private static final List<AgentRole> FEED_AND_GATEWAY = List.of(AgentRole.FEED, AgentRole.GATEWAY);

    @TempDir
    Path root;

    @Test
    void aTunedHostPassesEveryCheckForPinnedCoresAndAnAfXdpUmemInHugePages() throws IOException
    {
        write("/proc/cmdline", "BOOT_IMAGE=/vmlinuz root=/dev/sda1 isolcpus=managed_irq,domain,2-3 " +
            "nohz_full=2-3 rcu_nocbs=2-3 quiet");
        write("/sys/devices/system/cpu/isolated", "2-3");
        write("/sys/devices/system/cpu/nohz_full", "2-3");
        write("/proc/irq/24/smp_affinity_list", "0-1");
        write("/proc/irq/25/smp_affinity_list", "0");
        for (final int core : new int[]{ 2, 3 })
        {
            write("/sys/devices/system/cpu/cpu" + core + "/cpufreq/scaling_governor", "performance");
            idleState(core, 0, "POLL", 0, false);
            idleState(core, 1, "C1", 2, false);
            idleState(core, 2, "C6", 133, true);
        }
        write("/sys/kernel/mm/transparent_hugepage/enabled", "always madvise [never]");
        write("/proc/meminfo", "MemTotal:       32000000 kB\nHugePages_Total:      64\nHugePages_Free:       64\n" +
            "Hugepagesize:       2048 kB\n");
        write("/proc/self/status", "Name:\tjava\nCapEff:\t0000000000000000\n");
        write("/proc/self/limits", "Limit                     Soft Limit           Hard Limit           Units\n" +
            "Max locked memory         unlimited            unlimited            bytes\n");
        write("/sys/class/net/ens1f0/ifindex", "4");
        write("/sys/class/net/ens1f0/queues/rx-0/rps_cpus", "0");
        write("/sys/class/net/ens1f0/queues/rx-1/rps_cpus", "0");
        write("/sys/devices/system/clocksource/clocksource0/current_clocksource", "tsc");

        final List<HostFinding> findings = HostPreflight.check(pinnedAfXdp(true), FEED_AND_GATEWAY,
            new HostView(root, (command) -> ethtool(command, 4096, 2048)), () -> SYNCED);

        final String text = text(findings);
        assertFalse(HostPreflight.fails(findings), text);
        assertTrue(text.contains("OK   nic rings: ens1f0: RX ring 2048 descriptors (maximum 4096), " +
            "nic.af_xdp.ring_size = 1024"), text);
        assertTrue(findings.stream().allMatch((f) -> HostFinding.Level.OK == f.level), text);
        assertTrue(text.contains("OK   isolcpus: cores 2-3 are isolated"), text);
        assertTrue(text.contains("OK   irq affinity: no IRQ may run on cores 2-3"), text);
        assertTrue(text.contains("OK   huge pages: 16 of 64 free huge pages of 2048 kB for the UMEM"), text);
        assertTrue(text.contains("OK   nic queues: ens1f0 has 2 RX queue(s); queue 1"), text);
        assertTrue(text.contains("OK   time sync: synchronized, estimated error 12 µs"), text);
    }

    @Test
    void anUntunedHostFailsOnlyWhatTheConfigurationDemandsAndWarnsTheRestWithAFix() throws IOException
    {
        write("/proc/cmdline", "BOOT_IMAGE=/vmlinuz root=/dev/sda1 isolcpus=3 quiet");
        write("/sys/devices/system/cpu/isolated", "3");
        write("/sys/devices/system/cpu/nohz_full", "(null)");
        write("/proc/irq/24/smp_affinity_list", "0-3");
        write("/proc/irq/default_smp_affinity", "f");
        write("/sys/devices/system/cpu/cpu2/cpufreq/scaling_governor", "powersave");
        idleState(2, 0, "POLL", 0, false);
        idleState(2, 1, "C6", 133, false);
        write("/sys/kernel/mm/transparent_hugepage/enabled", "[always] madvise never");
        write("/proc/meminfo", "HugePages_Total:       0\nHugePages_Free:        0\nHugepagesize:       2048 kB\n");
        write("/proc/self/status", "Name:\tjava\nCapEff:\t0000000000000000\n");
        write("/proc/self/limits", "Limit                     Soft Limit           Hard Limit           Units\n" +
            "Max locked memory         8388608              8388608              bytes\n");
        write("/sys/devices/system/clocksource/clocksource0/current_clocksource", "kvm-clock");
        write("/sys/devices/system/clocksource/clocksource0/available_clocksource", "kvm-clock tsc acpi_pm");

        final List<HostFinding> findings = HostPreflight.check(pinnedAfXdp(true), FEED_AND_GATEWAY,
            new HostView(root), () -> new ClockSync(ClockSync.TIME_ERROR, ClockSync.STA_UNSYNC, 16_000_000, 16_000));

        final String text = text(findings);
        assertTrue(text.contains("FAIL isolcpus: configured core(s) 2 not isolated (agents.feed.core = 2, " +
            "agents.gateway.core = 3; isolated: 3); fix: boot with isolcpus=managed_irq,domain,2-3 nohz_full=2-3 " +
            "rcu_nocbs=2-3"), text);
        assertTrue(text.contains("WARN nohz_full: core(s) 2-3 not in nohz_full"), text);
        assertTrue(text.contains("WARN rcu_nocbs: core(s) 2-3 not in rcu_nocbs"), text);
        assertTrue(text.contains("WARN irq affinity: 1 IRQ(s) may run on cores 2-3 (24)"), text);
        assertTrue(text.contains("WARN cpu governor: core 2: powersave; fix: echo performance > " +
            "/sys/devices/system/cpu/cpu2/cpufreq/scaling_governor"), text);
        assertTrue(text.contains("OK   cpu governor: core 3: no cpufreq driver"), text);
        assertTrue(text.contains("WARN c-states: core 2: deep idle states enabled: C6 (133 µs)"), text);
        assertTrue(text.contains("WARN transparent huge pages: enabled = always"), text);
        assertTrue(text.contains("FAIL huge pages: nic.af_xdp.huge_pages = true: the UMEM (33554432 bytes) needs " +
            "16 huge pages of 2048 kB, 0 free; fix: reserve them: sysctl vm.nr_hugepages=16"), text);
        assertTrue(text.contains("FAIL locked memory: the UMEM (nic.af_xdp.umem_frame_size_bytes x " +
            "umem_frame_count = 33554432 bytes) is pinned but the memlock limit is 8388608 bytes"), text);
        assertTrue(text.contains("WARN nic queues: nic.af_xdp.interface = \"ens1f0\": no such device"), text);
        assertTrue(text.contains("WARN clocksource: kvm-clock"), text);
        assertTrue(text.contains("WARN time sync: the kernel clock is not synchronized to UTC (adjtimex state 5, " +
            "no PTP hardware clock)"), text);
        assertEquals(3, findings.stream().filter((f) -> HostFinding.Level.FAIL == f.level).count(), text);
    }

    @Test
    void capIpcLockLiftsTheMemlockLimitAndAQueueTheDeviceLacksWarns() throws IOException
    {
        write("/proc/self/status", "Name:\tjava\nCapEff:\t000001ffffffffff\n");
        write("/proc/self/limits", "Max locked memory         8388608              8388608              bytes\n");
        write("/sys/class/net/ens1f0/ifindex", "4");
        write("/sys/class/net/ens1f0/queues/rx-0/rps_cpus", "0");

        final List<HostFinding> findings = HostPreflight.check(pinnedAfXdp(false), List.of(),
            new HostView(root, (command) -> ethtool(command, 4096, 256)), () -> SYNCED);

        final String text = text(findings);
        assertFalse(HostPreflight.fails(findings), text);
        assertTrue(text.contains("OK   locked memory: CAP_IPC_LOCK"), text);
        assertTrue(text.contains("OK   huge pages: nic.af_xdp.huge_pages = false"), text);
        assertTrue(text.contains("WARN nic queues: ens1f0 has 1 RX queue(s); nic.af_xdp.queue = 1 is not one of " +
            "them; fix: ethtool -L ens1f0 combined 2"), text);
        assertTrue(text.contains("WARN nic rings: ens1f0: RX ring 256 descriptors (maximum 4096), smaller than " +
            "nic.af_xdp.ring_size = 1024: a burst overflows the NIC before the XSK ring; fix: ethtool -G ens1f0 rx " +
            "1024"), text);
    }

    /**
     * What {@code ethtool -g ens1f0} prints (ethtool 6.1), and nothing for any other command.
     */
    private static String ethtool(final List<String> command, final int maxRx, final int currentRx)
    {
        if (!command.equals(List.of("ethtool", "-g", "ens1f0")))
        {
            return null;
        }
        return "Ring parameters for ens1f0:\nPre-set maximums:\nRX:\t\t" + maxRx + "\nRX Mini:\tn/a\n" +
            "RX Jumbo:\tn/a\nTX:\t\t" + maxRx + "\nCurrent hardware settings:\nRX:\t\t" + currentRx + "\n" +
            "RX Mini:\tn/a\nRX Jumbo:\tn/a\nTX:\t\t" + currentRx + "\nRX Buf Len:\t\tn/a\n";
    }

    @Test
    void theDefaultConfigurationPassesAHostWithNothingReadableAndThisHost()
    {
        final WirespeedConfig config = WirespeedConfig.loadDefault(new Properties());
        final List<AgentRole> roles = ApplianceThreads.roles(config, true);

        final List<HostFinding> empty = HostPreflight.check(config, roles, new HostView(root), () -> null);
        assertFalse(HostPreflight.fails(empty), text(empty));
        assertTrue(text(empty).contains("OK   cores: no agent core is pinned"), text(empty));

        final List<HostFinding> host = HostPreflight.check(config, roles, HostView.host(), ClockSync::readHost);
        System.out.println("wirespeed check on this host, default configuration:\n" + text(host));
        assertFalse(HostPreflight.fails(host), text(host));
        assertTrue(host.stream().anyMatch((f) -> "time sync".equals(f.check)), text(host));
    }

    @Test
    void runRefusesAFailingHostUnlessAllowedAndThenSaysWhatItOverrode()
    {
        final Properties properties = new Properties();
        final int core = Runtime.getRuntime().availableProcessors() - 1;
        properties.setProperty("wirespeed.agents.feed.core", Integer.toString(core));
        final WirespeedConfig config = WirespeedConfig.loadDefault(properties);
        final List<HostFinding> findings = HostPreflight.check(
            config, List.of(AgentRole.FEED), HostView.host(), ClockSync::readHost);
        if (!HostPreflight.fails(findings))
        {
            System.out.println("core " + core + " is isolated on this host: nothing to refuse");
            return;
        }

        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        assertFalse(HostPreflight.admit(config, List.of(AgentRole.FEED), false, new PrintWriter(out),
            new PrintWriter(err)));
        assertTrue(err.toString().contains("FAIL isolcpus: configured core(s) " + core + " not isolated"), err + "");
        assertTrue(err.toString().contains("fix the host or pass --allow-untuned"), err + "");

        final StringWriter allowed = new StringWriter();
        assertTrue(HostPreflight.admit(config, List.of(AgentRole.FEED), true, new PrintWriter(allowed),
            new PrintWriter(err)));
        assertTrue(allowed.toString().startsWith("wirespeed run: --allow-untuned overrides: FAIL isolcpus"),
            allowed + "");
    }

    @Test
    void cpuListsReadAsTheKernelWritesThem()
    {
        assertEquals("2-6,8", HostCores.text(HostView.cpuList("2-6,8")));
        assertEquals("1-3", HostCores.text(HostView.cpuList("domain,managed_irq,1-3")));
        assertEquals("none", HostCores.text(HostView.cpuList("(null)")));
        assertEquals("none", HostCores.text(HostView.cpuList("")));
    }

    private WirespeedConfig pinnedAfXdp(final boolean hugePages)
    {
        final Properties properties = new Properties();
        properties.setProperty("wirespeed.appliance.threading_mode", "dedicated");
        properties.setProperty("wirespeed.agents.feed.core", "2");
        properties.setProperty("wirespeed.agents.gateway.core", "3");
        properties.setProperty("wirespeed.nic.backend", "af_xdp");
        properties.setProperty("wirespeed.nic.af_xdp.interface", "ens1f0");
        properties.setProperty("wirespeed.nic.af_xdp.queue", "1");
        properties.setProperty("wirespeed.nic.af_xdp.umem_frame_size_bytes", "4096");
        properties.setProperty("wirespeed.nic.af_xdp.umem_frame_count", "8192");
        properties.setProperty("wirespeed.nic.af_xdp.huge_pages", Boolean.toString(hugePages));
        return WirespeedConfig.loadDefault(properties);
    }

    private void idleState(final int core, final int state, final String name, final long latencyUs,
        final boolean disabled) throws IOException
    {
        final String dir = "/sys/devices/system/cpu/cpu" + core + "/cpuidle/state" + state;
        write(dir + "/name", name);
        write(dir + "/latency", Long.toString(latencyUs));
        write(dir + "/disable", disabled ? "1" : "0");
    }

    private void write(final String path, final String text) throws IOException
    {
        final Path file = root.resolve(path.substring(1));
        Files.createDirectories(file.getParent());
        Files.writeString(file, text + "\n");
    }

    private static String text(final List<HostFinding> findings)
    {
        return findings.stream().map(HostFinding::toString).collect(Collectors.joining("\n"));
    }
}
