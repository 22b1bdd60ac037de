package io.wirespeed.deploy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The kit's systemd units, as packaged: {@code systemd-analyze verify} finds nothing to say about them (any warning
 * fails), and they run as the dedicated user with capabilities instead of root, group-only files and the shared
 * memory on its own 0770 tmpfs.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
final class SystemdUnitsPackagingTest
{
    private static final Path UNITS = WirespeedProcess.DIST.resolve("systemd");
    private static final List<String> SERVICES =
        List.of("wirespeed.service", "wirespeed-driver.service", "wirespeed-strategy@.service");

    @TempDir
    Path tempDir;

    @BeforeEach
    void onlyAfterPackage()
    {
        WirespeedProcess.assumePackaged();
    }

    @Test
    void systemdAnalyzeVerifiesEveryUnitWithoutAWord() throws Exception
    {
        final ProcessBuilder probe = new ProcessBuilder("sh", "-c", "command -v systemd-analyze");
        final boolean present = 0 == probe.start().waitFor();
        if (!present)
        {
            System.out.println("skipped: systemd-analyze is not installed (apt-get install -y systemd)");
        }
        assumeTrue(present, "systemd-analyze is not installed (apt-get install -y systemd)");

        // the units name /opt/wirespeed; verify checks ExecStart exists, so point them at the packaged launcher
        final List<String> command = new ArrayList<>(List.of("systemd-analyze", "verify", "--man=no"));
        try (var files = Files.list(UNITS))
        {
            for (final Path unit : files.sorted().toList())
            {
                final String name = unit.getFileName().toString();
                if (name.endsWith(".service") || name.endsWith(".mount"))
                {
                    Files.writeString(tempDir.resolve(name), Files.readString(unit)
                        .replace("/opt/wirespeed", WirespeedProcess.DIST.toAbsolutePath().toString()));
                    command.add(tempDir.resolve(name.replace("@.", "@market-maker.")).toString());
                }
            }
        }
        assertEquals(7, command.size(), command.toString());
        final Process verify = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, verify.waitFor(), output);
        assertEquals("", output.trim(), "systemd-analyze verify had something to say");
    }

    @Test
    void servicesRunAsTheDedicatedUserWithCapabilitiesAndGroupOnlyFiles() throws IOException
    {
        for (final String service : SERVICES)
        {
            final List<String> lines = Files.readAllLines(UNITS.resolve(service));
            for (final String expected : List.of("User=wirespeed", "Group=wirespeed", "UMask=0007",
                "LimitMEMLOCK=infinity", "NoNewPrivileges=yes", "KillSignal=SIGTERM",
                "RequiresMountsFor=/run/wirespeed", "Environment=WIRESPEED_JAVA_OPTS=-Dwirespeed.aeron.dir=" +
                "/run/wirespeed/aeron"))
            {
                assertTrue(lines.contains(expected), service + " lacks " + expected);
            }
            assertTrue(lines.stream().anyMatch((line) -> line.startsWith("ExecStart=/opt/wirespeed/bin/wirespeed ")),
                service);
        }
        final List<String> appliance = Files.readAllLines(UNITS.resolve("wirespeed.service"));
        assertTrue(appliance.contains("AmbientCapabilities=CAP_NET_RAW CAP_NET_ADMIN CAP_BPF CAP_IPC_LOCK"),
            "appliance capabilities");
        assertTrue(appliance.contains("CapabilityBoundingSet=CAP_NET_RAW CAP_NET_ADMIN CAP_BPF CAP_IPC_LOCK"),
            "appliance bounding set");
        for (final String unprivileged : List.of("wirespeed-driver.service", "wirespeed-strategy@.service"))
        {
            assertTrue(Files.readAllLines(UNITS.resolve(unprivileged)).contains("CapabilityBoundingSet="),
                unprivileged + " must hold no capability");
        }
        final List<String> mount = Files.readAllLines(UNITS.resolve("run-wirespeed.mount"));
        assertTrue(mount.contains("Type=tmpfs") && mount.contains("Where=/run/wirespeed"), "tmpfs mount");
        assertTrue(mount.stream().anyMatch((line) -> line.startsWith("Options=mode=0770,")), "tmpfs mode 0770");
        assertTrue(Files.readString(UNITS.resolve("wirespeed.sysusers")).contains("\nu wirespeed "), "sysusers");
    }
}
