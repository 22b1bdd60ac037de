package io.wirespeed.config;

/**
 * What happens to a journal cycle file past {@code journal.retention_cycles}: deleted, or moved to
 * {@code journal.archive_dir}.
 */
public enum JournalRetentionAction implements ConfigEnum
{
    /**
     * Delete the file.
     */
    DELETE("delete"),

    /**
     * Move the file into the archive directory.
     */
    MOVE("move");

    private final String text;

    JournalRetentionAction(final String text)
    {
        this.text = text;
    }

    @Override
    public String text()
    {
        return text;
    }
}
