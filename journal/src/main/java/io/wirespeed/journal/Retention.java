package io.wirespeed.journal;

import io.wirespeed.config.JournalRetentionAction;
import net.openhft.chronicle.queue.impl.StoreFileListener;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keeps the newest N completed cycle files of a queue and deletes or moves older ones, each time a cycle file is
 * released (the appender rolled past it) and once at open.
 */
final class Retention implements StoreFileListener
{
    static final String SUFFIX = ".cq4";

    private final Path dir;
    private final int keepCycles;
    private final JournalRetentionAction action;
    private final Path archiveDir;
    private long retired;

    Retention(final Path dir, final int keepCycles, final JournalRetentionAction action, final Path archiveDir)
    {
        this.dir = dir;
        this.keepCycles = keepCycles;
        this.action = action;
        this.archiveDir = archiveDir;
    }

    @Override
    public void onReleased(final int cycle, final File file)
    {
        apply();
    }

    /**
     * Cycle files retired so far.
     *
     * @return the count.
     */
    long retired()
    {
        return retired;
    }

    /**
     * Retire every completed cycle file past the newest N; the newest file (being written) never counts.
     *
     * @return files retired by this call.
     */
    int apply()
    {
        if (keepCycles <= 0)
        {
            return 0;
        }
        final List<Path> files = cycleFiles(dir);
        final int completed = files.size() - 1;
        int count = 0;
        for (int i = 0; i < completed - keepCycles; i++)
        {
            retire(files.get(i));
            count++;
        }
        retired += count;
        return count;
    }

    /**
     * The cycle files of a queue directory, oldest first (Chronicle names them so they sort by time).
     *
     * @param dir of the queue.
     * @return the files.
     */
    static List<Path> cycleFiles(final Path dir)
    {
        try (Stream<Path> list = Files.list(dir))
        {
            final List<Path> files = new ArrayList<>();
            list.filter((p) -> p.getFileName().toString().endsWith(SUFFIX)).sorted().forEach(files::add);
            return files;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot list the journal " + dir, ex);
        }
    }

    private void retire(final Path file)
    {
        try
        {
            if (JournalRetentionAction.MOVE == action)
            {
                Files.createDirectories(archiveDir);
                Files.move(file, archiveDir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            else
            {
                Files.deleteIfExists(file);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot " + action.text() + " the journal cycle " + file, ex);
        }
    }
}
