package io.wirespeed.replay.convert;

import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.journal.JournalQuery;
import io.wirespeed.journal.JournalReader;
import io.wirespeed.nic.pcap.ExternalTool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Captures written by text2pcap, imported into a journal and exported again, checked by tshark, capinfos and
 * mergecap (nobody here wrote them): the exported file opens, holds as many packets as the journal's RAW_FRAME_IN
 * records with each record's bytes and nanosecond stamp, and equals, packet for packet, what mergecap makes of the
 * original captures.
 */
@Tag("interop")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ConvertInteropTest
{
    private static final long T0_NS = 1_765_000_000_123_456_789L;
    private static final int FRAMES_PER_FILE = 150;
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;

    private Path feedA;
    private Path feedB;
    private Path merged;

    @BeforeEach
    void twoCapturesRecordedSideBySide() throws IOException
    {
        ExternalTool.assumeOnPath("text2pcap", "tshark", "capinfos", "mergecap");
        feedA = text2pcap("a", 0, 0x31);
        feedB = text2pcap("b", 333, 0x32);
        merged = dir.resolve("merged.pcapng");
        ExternalTool.run(dir, "mergecap", "-w", merged.toString(), feedA.toString(), feedB.toString());
    }

    @Test
    void importedThenExportedTheCapturesAreTheSamePacketsWithTheSameNanosecondStampsToTshark() throws IOException
    {
        final Path journal = dir.resolve("journal");
        final String imported = CaptureImport.importCaptures(List.of(feedA, feedB), journal, null);
        final Path out = dir.resolve("out.pcap");
        final String exported = JournalExport.export(journal, out, null, null, false);
        System.out.println(imported + System.lineSeparator() + exported);

        final List<TsharkPackets.Packet> original = TsharkPackets.read(dir, merged);
        assertEquals(2 * FRAMES_PER_FILE, original.size());
        assertEquals(original, TsharkPackets.read(dir, out), "tshark reads the same packets and stamps");

        final String capinfos = ExternalTool.run(dir, "capinfos", "-t", "-E", "-c", "-M", out.toString());
        assertTrue(capinfos.contains("File type:           nsecpcap"), capinfos);
        assertTrue(capinfos.contains("File encapsulation:  ether"), capinfos);
        assertTrue(capinfos.contains("Number of packets:   " + 2 * FRAMES_PER_FILE), capinfos);

        final List<String> config = new ArrayList<>();
        final List<TsharkPackets.Packet> records = new ArrayList<>();
        final List<Integer> sourceIds = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(journal, new JournalQuery()))
        {
            reader.readAll((stream, sourceId, sequence, timestampNs, buffer, offset, length) ->
            {
                final byte[] bytes = new byte[length];
                buffer.getBytes(offset, bytes);
                if (JournalStream.CONFIG == stream)
                {
                    assertTrue(records.isEmpty(), "the CONFIG record comes first");
                    config.add(new String(bytes, StandardCharsets.UTF_8));
                    assertEquals(original.get(0).epochNs(), timestampNs, "stamped with the first frame's time");
                }
                else
                {
                    assertEquals(JournalStream.RAW_FRAME_IN, stream);
                    assertEquals(records.size(), sequence);
                    records.add(new TsharkPackets.Packet(timestampNs, HEX.formatHex(bytes)));
                    sourceIds.add(sourceId);
                }
            });
        }
        assertEquals(List.of(CaptureImport.noConfiguration(List.of(feedA, feedB))), config);
        assertTrue(config.get(0).contains("no configuration came with the captures"), config.get(0));
        assertEquals(original, records, "the journal's RAW_FRAME_IN records are tshark's packets");
        final List<String> inA = new ArrayList<>();
        for (final TsharkPackets.Packet packet : TsharkPackets.read(dir, feedA))
        {
            inA.add(packet.hex());
        }
        for (int i = 0; i < records.size(); i++)
        {
            assertEquals(inA.contains(records.get(i).hex()) ? 0 : 1 << 8, sourceIds.get(i).intValue(),
                "sourceId is the file's index << 8");
        }
        assertTrue(imported.contains("300 frames"), imported);
        assertTrue(imported.contains("1 CONFIG record, 300 RAW_FRAME_IN records"), imported);
        assertTrue(exported.contains("300 RAW_FRAME_IN and 0 RAW_FRAME_OUT frames"), exported);
    }

    @Test
    void aTimeWindowExportsTheFramesTsharkSeesInItWhicheverWayTheTimeIsWritten() throws IOException
    {
        final Path journal = dir.resolve("journal");
        final Path config = Files.writeString(dir.resolve("wirespeed.toml"), "[nic]\nbackend = \"pcap\"\n");
        CaptureImport.importCaptures(List.of(feedA, feedB), journal, Files.readString(config));
        final List<TsharkPackets.Packet> original = TsharkPackets.read(dir, merged);
        final long fromNs = original.get(40).epochNs();
        final long toNs = original.get(200).epochNs();
        final String from = "+0." + String.format("%09d", fromNs - original.get(0).epochNs());
        final String to = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSSSS").withZone(ZoneOffset.UTC)
            .format(Instant.ofEpochSecond(0, toNs));

        final Path out = dir.resolve("window.pcap");
        JournalExport.export(journal, out, from, to, false);
        final Path iso = dir.resolve("iso.pcap");
        JournalExport.export(journal, iso, Instant.ofEpochSecond(0, fromNs).toString(),
            Instant.ofEpochSecond(0, toNs).toString(), false);

        final List<TsharkPackets.Packet> inWindow = original.subList(40, 201);
        assertEquals(inWindow, TsharkPackets.read(dir, out));
        assertEquals(inWindow, TsharkPackets.read(dir, iso));
        final List<String> configs = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(journal, new JournalQuery().streams(List.of(
            JournalStream.CONFIG))))
        {
            reader.readAll((stream, sourceId, sequence, timestampNs, buffer, offset, length) ->
                configs.add(buffer.getStringWithoutLengthUtf8(offset, length)));
        }
        assertEquals(List.of(Files.readString(config)), configs);
    }

    @Test
    void anExistingJournalIsNotImportedIntoAndABadTimeIsNamed()
    {
        final Path journal = dir.resolve("journal");
        CaptureImport.importCaptures(List.of(feedA), journal, null);

        assertEquals(journal + " already holds a journal; import into a new directory",
            assertThrows(IllegalArgumentException.class,
                () -> CaptureImport.importCaptures(List.of(feedB), journal, null)).getMessage());
        final IllegalArgumentException badTime = assertThrows(IllegalArgumentException.class,
            () -> JournalExport.export(journal, dir.resolve("x.pcap"), "25:00:00", null, false));
        assertTrue(badTime.getMessage().startsWith("not a time of day: 25:00:00; TIME is an ISO-8601 UTC instant"),
            badTime.getMessage());
    }

    /**
     * A pcapng of Ethernet/IPv4/UDP frames of random lengths and bytes, nanosecond stamps 1 us apart plus an offset.
     */
    private Path text2pcap(final String name, final long offsetNs, final int lastOctet) throws IOException
    {
        final Random random = new Random(lastOctet);
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < FRAMES_PER_FILE; i++)
        {
            final long ns = T0_NS + i * 1_000L + offsetNs;
            final byte[] frame = frame(random, lastOctet, 8 + random.nextInt(1200));
            text.append(String.format("%d.%09d ", ns / 1_000_000_000L, ns % 1_000_000_000L));
            for (int offset = 0; offset < frame.length; offset += 16)
            {
                text.append(String.format("%06x ", offset));
                for (int j = offset; j < Math.min(frame.length, offset + 16); j++)
                {
                    text.append(' ').append(HEX.toHexDigits(frame[j]));
                }
                text.append('\n');
            }
            text.append('\n');
        }
        final Path dump = Files.writeString(dir.resolve(name + ".txt"), text);
        final Path capture = dir.resolve(name + ".pcapng");
        ExternalTool.run(dir, "text2pcap", "-q", "-n", "-t", "%s.%f", dump.toString(), capture.toString());
        return capture;
    }

    private static byte[] frame(final Random random, final int lastOctet, final int udpPayload)
    {
        final byte[] frame = new byte[14 + 20 + 8 + udpPayload];
        random.nextBytes(frame);
        final byte[] header = HEX.parseHex("01005e0001" + HEX.toHexDigits((byte)lastOctet) + "0011223344550800" +
            "4500" + HEX.toHexDigits((short)(20 + 8 + udpPayload)) + "000040004011" + "0000" + "c6120001" +
            "ef0001" + HEX.toHexDigits((byte)lastOctet) + "7531" + "79" + HEX.toHexDigits((byte)lastOctet) +
            HEX.toHexDigits((short)(8 + udpPayload)) + "0000");
        System.arraycopy(header, 0, frame, 0, header.length);
        return frame;
    }
}
