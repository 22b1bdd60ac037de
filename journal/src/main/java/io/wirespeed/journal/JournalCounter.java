package io.wirespeed.journal;

/**
 * The counters the journal keeps in the counters file, by type id and label.
 */
public enum JournalCounter
{
    RECORDS(5000, "records journaled"),
    BYTES(5001, "bytes journaled (record headers and payloads)"),
    RECORDS_LOST(5002, "records lost before the journal (JournalLoss totals: a tap's ring was full)"),
    BYTES_LOST(5003, "bytes lost before the journal (JournalLoss totals: ring full, or left behind by an untethered"
        + " subscription)"),
    ROLL_OVERS(5004, "roll-overs to a new cycle file"),
    UNREADABLE(5005, "ring records and messages not journaled: malformed, or no internal-schema template it knows"),
    ERRORS(5006, "distinct errors journaled from the error log"),
    MAX_LAG_BYTES(5007, "most bytes the journal has been behind a ring or subscription"),
    CYCLES_RETIRED(5008, "cycle files deleted or moved by retention");

    /** Type id of a per-source lag counter: bytes the journal is behind one ring or one subscription. */
    public static final int LAG_TYPE_ID = 5050;

    private final int typeId;
    private final String label;

    JournalCounter(final int typeId, final String label)
    {
        this.typeId = typeId;
        this.label = label;
    }

    /**
     * Counter type id.
     *
     * @return the id.
     */
    public int typeId()
    {
        return typeId;
    }

    /**
     * Label read by tools.
     *
     * @return the label.
     */
    public String label()
    {
        return label;
    }
}
