package io.wirespeed.nic.xdp;

import io.wirespeed.config.XdpMode;
import io.wirespeed.nic.frame.FrameTestSupport;
import org.agrona.CloseHelper;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Test 5 and the other configuration-time errors: a JVM started without CAP_NET_RAW (setpriv drops it from the
 * bounding set) fails to open with a message naming the capability and the setcap command; without CAP_BPF or
 * CAP_NET_ADMIN the same for each; with a memlock limit below the UMEM and no CAP_IPC_LOCK, a message naming
 * ulimit -l and CAP_IPC_LOCK; a queue the device lacks, and huge pages where none are reserved, each with its own
 * message.
 */
@Tag("privileged")
@Timeout(120)
final class AfXdpSetupErrorTest
{
    private static final long TIMEOUT_MS = 60_000;

    private VethNetwork network;
    private ChildJvm child;
    private AfXdpNicPort port;

    @AfterEach
    void close()
    {
        CloseHelper.closeAll(child, port, network);
    }

    @Test
    void withoutCapNetRawOpenFailsNamingTheCapability()
    {
        final String message = openInChild(List.of("--bounding-set=-net_raw,-bpf,-sys_admin"), List.of());
        assertTrue(message.contains("missing capability CAP_NET_RAW"), message);
        assertTrue(message.contains("setcap cap_net_raw,cap_net_admin,cap_bpf,cap_ipc_lock+ep"), message);
    }

    @Test
    void withoutCapBpfOpenFailsNamingTheCapability()
    {
        final String message = openInChild(List.of("--bounding-set=-bpf,-sys_admin"), List.of());
        assertTrue(message.contains("missing capability CAP_BPF (or CAP_SYS_ADMIN) to create the XSKMAP"), message);
        assertTrue(message.contains("setcap "), message);
    }

    @Test
    void withoutCapNetAdminOpenFailsNamingTheCapability()
    {
        final String message = openInChild(List.of("--bounding-set=-net_admin,-sys_admin"), List.of());
        assertTrue(message.contains("missing capability CAP_NET_ADMIN to create the XSKMAP"), message);
    }

    @Test
    void aUmemOverTheMemlockLimitWithoutCapIpcLockFailsNamingTheFixes()
    {
        VethNetwork.skipUnless(VethNetwork.onPath("prlimit"), "no 'prlimit' (apt-get install util-linux)");
        final String message = openInChild(
            List.of("--bounding-set=-ipc_lock"), List.of("prlimit", "--memlock=1048576"));
        assertTrue(message.contains("exceeds the memlock limit (1048576 bytes)"), message);
        assertTrue(message.contains("ulimit -l") && message.contains("CAP_IPC_LOCK"), message);
    }

    @Test
    void aQueueTheDeviceLacksIsNamedWithTheQueueCount()
    {
        network = VethNetwork.create();
        final XdpSetupException error = assertThrows(XdpSetupException.class, () -> AfXdpNicPort.open("queue",
            new AfXdpNicOptions().interfaceName(network.rootInterface).queue(3), FrameTestSupport.newAllocator(),
            new SystemEpochNanoClock()));
        assertTrue(error.getMessage().contains("queue 3 does not exist: " + network.rootInterface +
            " has 1 RX and 1 TX queue(s)"), error.getMessage());
    }

    @Test
    void hugePagesOpenWhereReservedAndFailClearlyWhereNot() throws IOException
    {
        network = VethNetwork.create();
        final AfXdpNicOptions options = new AfXdpNicOptions()
            .interfaceName(network.rootInterface)
            .hugePages(true)
            .umemFrameCount(1024)
            .ringSize(512);
        if (freeHugePages() * 2 * 1024 * 1024 >= options.umemSizeBytes())
        {
            port = AfXdpNicPort.open("huge", options, FrameTestSupport.newAllocator(), new SystemEpochNanoClock());
            assertTrue(network.xdpAttached());
        }
        else
        {
            final XdpSetupException error = assertThrows(XdpSetupException.class, () -> AfXdpNicPort.open("huge",
                options, FrameTestSupport.newAllocator(), new SystemEpochNanoClock()));
            assertTrue(error.getMessage().contains("no huge pages for a UMEM of 2097152 bytes"), error.getMessage());
            assertTrue(error.getMessage().contains("sysctl -w vm.nr_hugepages=1"), error.getMessage());
        }
    }

    /**
     * Open a port in a JVM started with reduced privileges and return the failure it printed.
     */
    private String openInChild(final List<String> setprivOptions, final List<String> after)
    {
        VethNetwork.skipUnless(VethNetwork.onPath("setpriv"), "no 'setpriv' (apt-get install util-linux)");
        network = VethNetwork.create();
        final List<String> wrapper = new ArrayList<>(List.of("setpriv", "--inh-caps=-all", "--ambient-caps=-all"));
        wrapper.addAll(setprivOptions);
        wrapper.addAll(after);
        child = ChildJvm.start(wrapper, XdpPortHolder.class, network.rootInterface, XdpMode.GENERIC.name(), "4096");
        assertEquals(XdpPortHolder.OPEN_FAILED, child.awaitExit(TIMEOUT_MS), child.output());
        final String failed = child.awaitLine("failed ", TIMEOUT_MS);
        assertTrue(!network.xdpAttached(), "nothing left attached after a failed open");
        return failed;
    }

    private static long freeHugePages() throws IOException
    {
        for (final String line : Files.readAllLines(Path.of("/proc/meminfo")))
        {
            if (line.startsWith("HugePages_Free:"))
            {
                return Long.parseLong(line.substring("HugePages_Free:".length()).trim());
            }
        }
        return 0;
    }
}
