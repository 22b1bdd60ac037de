package io.wirespeed.deploy;

/**
 * The counters of the appliance's journal taps, one per hot thread's ring, by type id and label: records the ring had
 * no room for (the journal is further behind than the ring holds), lost from the journal only, later said in a
 * {@code JournalLoss} record.
 */
enum JournalTapCounter
{
    /**
     * Raw frames the feed thread's ring had no room for.
     */
    FEED_LOST(5050, "journal tap (feed thread): records lost, ring full"),

    /**
     * Venue bytes and gateway state records the gateway thread's ring had no room for.
     */
    GATEWAY_LOST(5051, "journal tap (gateway thread): records lost, ring full");

    private final int typeId;
    private final String label;

    JournalTapCounter(final int typeId, final String label)
    {
        this.typeId = typeId;
        this.label = label;
    }

    /**
     * The counter's type id in the counters file.
     *
     * @return the type id.
     */
    int typeId()
    {
        return typeId;
    }

    /**
     * What the counter counts.
     *
     * @return the label.
     */
    String label()
    {
        return label;
    }
}
