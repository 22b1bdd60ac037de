package io.wirespeed.journal;

import io.wirespeed.codecs.internal.JournalStream;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which journal records a reader gives: streams, a capture-time range, an instrument, a client order id, a
 * strategy, and whether it follows the journal as it grows and under which tailer name it resumes.
 */
public final class JournalQuery
{
    /** Value of a numeric filter that is not set. */
    public static final long ANY = Long.MIN_VALUE;

    private final EnumSet<JournalStream> streams = EnumSet.noneOf(JournalStream.class);
    private long fromNs = Long.MIN_VALUE;
    private long toNs = Long.MAX_VALUE;
    private long securityId = ANY;
    private long clOrdId = ANY;
    private long strategyId = ANY;
    private boolean follow;
    private String tailer;

    /**
     * Only records of these streams (none named: every stream).
     *
     * @param streams to keep.
     * @return this for a fluent API.
     */
    public JournalQuery streams(final Collection<JournalStream> streams)
    {
        this.streams.addAll(streams);
        this.streams.remove(JournalStream.NULL_VAL);
        this.streams.remove(JournalStream.SBE_UNKNOWN);
        return this;
    }

    /**
     * The streams kept; empty for all.
     *
     * @return the streams.
     */
    public Set<JournalStream> streams()
    {
        return streams;
    }

    /**
     * Only records captured at or after a time.
     *
     * @param fromNs epoch nanoseconds.
     * @return this for a fluent API.
     */
    public JournalQuery fromNs(final long fromNs)
    {
        this.fromNs = fromNs;
        return this;
    }

    /**
     * Only records captured at or before a time.
     *
     * @param toNs epoch nanoseconds.
     * @return this for a fluent API.
     */
    public JournalQuery toNs(final long toNs)
    {
        this.toNs = toNs;
        return this;
    }

    /**
     * Only records about an instrument (internal messages that carry a security id).
     *
     * @param securityId the venue's security id.
     * @return this for a fluent API.
     */
    public JournalQuery securityId(final long securityId)
    {
        this.securityId = securityId;
        return this;
    }

    /**
     * Only records about a client order id, as the request's own id or the order it acts on.
     *
     * @param clOrdId the id.
     * @return this for a fluent API.
     */
    public JournalQuery clOrdId(final long clOrdId)
    {
        this.clOrdId = clOrdId;
        return this;
    }

    /**
     * Only records of a strategy (orders, reports, risk decisions).
     *
     * @param strategyId the configured strategy id.
     * @return this for a fluent API.
     */
    public JournalQuery strategyId(final long strategyId)
    {
        this.strategyId = strategyId;
        return this;
    }

    /**
     * Keep reading as the journal grows instead of stopping at its end.
     *
     * @param follow true to follow.
     * @return this for a fluent API.
     */
    public JournalQuery follow(final boolean follow)
    {
        this.follow = follow;
        return this;
    }

    /**
     * Whether the reader follows the journal.
     *
     * @return true when following.
     */
    public boolean follow()
    {
        return follow;
    }

    /**
     * Resume where the last reader of this name stopped, and remember where this one stops (a Chronicle named
     * tailer, kept in the journal's directory).
     *
     * @param tailer the name, or null for a reader from the start.
     * @return this for a fluent API.
     */
    public JournalQuery tailer(final String tailer)
    {
        this.tailer = tailer;
        return this;
    }

    /**
     * The tailer name.
     *
     * @return the name or null.
     */
    public String tailer()
    {
        return tailer;
    }

    long fromNs()
    {
        return fromNs;
    }

    long toNs()
    {
        return toNs;
    }

    long securityId()
    {
        return securityId;
    }

    long clOrdId()
    {
        return clOrdId;
    }

    long strategyId()
    {
        return strategyId;
    }

    boolean hasContentFilter()
    {
        return ANY != securityId || ANY != clOrdId || ANY != strategyId;
    }
}
