package io.wirespeed.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static io.wirespeed.config.Fixtures.VALID;
import static io.wirespeed.config.Fixtures.errors;
import static io.wirespeed.config.Fixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code [nic.pcap]}: one capture or several merged by recorded time, the pacing, the clock of the feed handler's
 * timers; every key it cannot honour is refused by name.
 */
final class PcapNicContextTest
{
    private static final String PCAP = VALID + "[nic]\nbackend = \"pcap\"\n[nic.pcap]\n";

    @Test
    void shouldReadSeveralCapturesMergedOnTheCaptureClockByDefault()
    {
        final PcapNicContext pcap = parse(PCAP + "read_paths = [\"a.pcapng\", \"b.pcapng\"]\npacing = \"max\"\n")
            .nic().pcap();

        assertEquals(List.of(Path.of("a.pcapng"), Path.of("b.pcapng")), pcap.readPaths());
        assertEquals(List.of(Path.of("a.pcapng"), Path.of("b.pcapng")), pcap.captures());
        assertEquals(PcapPacing.MAX, pcap.pacing());
        assertEquals(PcapClock.CAPTURE, pcap.clock());
    }

    @Test
    void shouldReadOneCaptureAndTheWallClockWithRecordedPacing()
    {
        final PcapNicContext pcap = parse(PCAP + "read_path = \"all.pcap\"\nclock = \"wall\"\n").nic().pcap();

        assertEquals(List.of(Path.of("all.pcap")), pcap.captures());
        assertEquals(PcapPacing.RECORDED, pcap.pacing());
        assertEquals(PcapClock.WALL, pcap.clock());
    }

    @Test
    void shouldRequireACaptureForThePcapBackend()
    {
        assertOneError(PCAP + "pacing = \"max\"\n", "nic.pcap.read_path", null,
            "missing required key (read_path or read_paths, needed when nic.backend = \"pcap\")");
    }

    @Test
    void shouldRefuseBothKeysForTheCaptures()
    {
        assertOneError(PCAP + "read_path = \"a.pcap\"\nread_paths = [\"b.pcap\"]\n", "nic.pcap.read_paths",
            "[\"b.pcap\"]", "set together with read_path; use one of them");
    }

    @Test
    void shouldRefuseAnEmptyListOfCaptures()
    {
        assertOneError(PCAP + "read_paths = []\n", "nic.pcap.read_paths", "[]",
            "empty (list at least one capture, or leave the key out)");
    }

    @Test
    void shouldRefuseACaptureListedTwice()
    {
        assertOneError(PCAP + "read_paths = [\"a.pcap\", \"b.pcap\", \"./a.pcap\"]\n", "nic.pcap.read_paths",
            "\"./a.pcap\"", "listed twice (its frames would arrive twice)");
    }

    @Test
    void shouldRefuseWritingOverACaptureItReads()
    {
        assertOneError(PCAP + "read_paths = [\"a.pcap\", \"b.pcap\"]\nwrite_path = \"b.pcap\"\n",
            "nic.pcap.write_path", "\"b.pcap\"", "same file as an entry of read_paths");
    }

    @Test
    void shouldRefuseTheWallClockForAnUnpacedReplay()
    {
        assertOneError(PCAP + "read_path = \"a.pcap\"\npacing = \"max\"\nclock = \"wall\"\n", "nic.pcap.clock",
            "\"wall\"", "with pacing = \"max\" the gap and silence timers would run on the host's clock while " +
            "frames arrive faster than recorded; use clock = \"capture\" or pacing = \"recorded\"");
    }

    @Test
    void shouldRefuseAnUnknownClock()
    {
        assertOneError(PCAP + "read_path = \"a.pcap\"\nclock = \"recorded\"\n", "nic.pcap.clock", "\"recorded\"",
            "invalid value, expected one of \"capture\", \"wall\"");
    }

    @Test
    void shouldRefuseFaultInjectionOnFeedsFromCaptures()
    {
        assertOneError(PCAP + "read_path = \"a.pcap\"\n[fault.310.a]\nenabled = true\nloss_rate = 0.01\n",
            "fault.310.a", null, "not honoured with nic.backend = \"pcap\": every capture arrives on one port, " +
            "not one per feed; remove packets from the capture instead (editcap)");
    }

    @Test
    void shouldAcceptADisabledFaultTableOnFeedsFromCaptures()
    {
        assertEquals(PcapClock.CAPTURE, parse(PCAP + "read_path = \"a.pcap\"\n[fault.310.a]\nenabled = false\n")
            .nic().pcap().clock());
    }

    private static void assertOneError(final String toml, final String key, final String value, final String reason)
    {
        final List<ConfigError> errors = errors(toml);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(key, errors.get(0).key());
        assertEquals(value, errors.get(0).value());
        assertEquals(reason, errors.get(0).reason());
    }
}
