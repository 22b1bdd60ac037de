package io.wirespeed.replay.convert;

import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.config.JournalContext;
import io.wirespeed.config.PcapClock;
import io.wirespeed.config.PcapPacing;
import io.wirespeed.journal.Journal;
import io.wirespeed.journal.JournalReader;
import io.wirespeed.nic.FrameHandler;
import io.wirespeed.nic.pcap.CaptureFileException;
import io.wirespeed.nic.pcap.PcapNicPort;
import io.wirespeed.nic.pcap.PcapPortOptions;
import io.wirespeed.nic.pcap.PcapRxQueue;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * pcap and pcapng captures into a new journal: a CONFIG record, then every frame of the captures merged by recorded
 * time (as the replay NIC reads them, Linux cooked frames as Ethernet) as a RAW_FRAME_IN record stamped with its
 * recorded time, sourceId {@code fileIndex << 8}.
 * <p>
 * The CONFIG record holds the configuration's text when one is given, else a comment line naming the captures and
 * saying no configuration came with them; it is stamped with the first frame's recorded time (the host's time when
 * the captures hold no frame). Frames the replay NIC does not hand over (cut short by the snap length, in files
 * with problems) are not journaled and are named in the port's summary.
 */
public final class CaptureImport implements FrameHandler
{
    private static final int COUNTERS = 128;

    private final Journal journal;
    private final PcapRxQueue rxQueue;
    private final byte[] config;
    private long frames;
    private long bytes;
    private long firstSequence = -1;
    private long lastSequence = -1;

    private CaptureImport(final Journal journal, final PcapRxQueue rxQueue, final byte[] config)
    {
        this.journal = journal;
        this.rxQueue = rxQueue;
        this.config = config;
    }

    /**
     * The CONFIG text journaled when no configuration comes with the captures.
     *
     * @param captures the captures.
     * @return a TOML comment line naming them.
     */
    public static String noConfiguration(final List<Path> captures)
    {
        final StringBuilder out = new StringBuilder("# imported by wirespeed replay import from");
        for (final Path capture : captures)
        {
            out.append(' ').append(capture);
        }
        return out.append("; no configuration came with the captures").append(System.lineSeparator()).toString();
    }

    /**
     * Import captures into a journal directory that holds no journal yet.
     *
     * @param captures   pcap or pcapng files, merged by recorded time; the index of each is its sourceId's port.
     * @param journalDir the journal to create.
     * @param configText the configuration to journal, or null for {@link #noConfiguration(List)}.
     * @return what was imported, in words: the capture summary, then the journal's records.
     * @throws CaptureFileException     when a capture cannot be opened or is not a supported capture.
     * @throws IllegalArgumentException when the directory already holds a journal, or a capture is given twice.
     */
    public static String importCaptures(final List<Path> captures, final Path journalDir, final String configText)
    {
        if (captures.isEmpty())
        {
            throw new IllegalArgumentException("no capture to import");
        }
        if (captures.size() > 256)
        {
            throw new IllegalArgumentException(captures.size() + " captures: at most 256 (sourceId = file << 8)");
        }
        if (JournalReader.isJournal(journalDir))
        {
            throw new IllegalArgumentException(journalDir + " already holds a journal; import into a new directory");
        }
        final String text = null == configText ? noConfiguration(captures) : configText;
        final CountersManager counters = new CountersManager(
            new UnsafeBuffer(new byte[COUNTERS * CountersManager.METADATA_LENGTH]),
            new UnsafeBuffer(new byte[COUNTERS * CountersManager.COUNTER_LENGTH]));
        final EpochNanoClock hostClock = SystemEpochNanoClock.INSTANCE;
        try (PcapNicPort port = PcapNicPort.open("import", captures, null, PcapPacing.MAX, PcapClock.WALL,
            (typeId, label) -> counters.newCounter(label, typeId), hostClock, new PcapPortOptions());
            Journal journal = Journal.open(new JournalContext().dir(journalDir), hostClock))
        {
            final CaptureImport importer = new CaptureImport(
                journal, port.pcapRxQueue(), text.getBytes(StandardCharsets.UTF_8));
            while (!port.isEndOfCapture())
            {
                port.pcapRxQueue().poll(importer, Integer.MAX_VALUE);
            }
            importer.configOnce(hostClock.nanoTime());
            return port.summary() + System.lineSeparator() + importer.journaled(journalDir);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs)
    {
        configOnce(rxTimestampNs);
        lastSequence = journal.appendRecord(
            JournalStream.RAW_FRAME_IN, rxQueue.sourceIndex() << 8, rxTimestampNs, buffer, offset, length);
        if (0 == frames++)
        {
            firstSequence = lastSequence;
        }
        bytes += length;
    }

    private void configOnce(final long timestampNs)
    {
        if (0 == journal.nextSequence(JournalStream.CONFIG))
        {
            journal.appendRecord(JournalStream.CONFIG, 0, timestampNs, new UnsafeBuffer(config), 0, config.length);
        }
    }

    private String journaled(final Path journalDir)
    {
        return String.format("journaled to %s: 1 CONFIG record, %,d RAW_FRAME_IN records (%,d bytes%s)",
            journalDir, frames, bytes,
            frames > 0 ? ", sequences " + firstSequence + " to " + lastSequence : "");
    }
}
