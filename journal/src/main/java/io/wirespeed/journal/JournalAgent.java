package io.wirespeed.journal;

import io.aeron.ChannelUri;
import io.aeron.CommonContext;
import io.aeron.Subscription;
import io.wirespeed.nic.status.CounterAllocator;
import io.wirespeed.nic.tap.TapRing;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The journal thread: drains the hot threads' tap rings and polls the Aeron subscriptions, appending every record to
 * the {@link Journal}; every {@link #HOUSEKEEPING_INTERVAL_NS} it journals new errors from the error log, pretouches
 * the queue's next pages and measures how far behind each source it is.
 * <p>
 * Past the buffers: a tap ring that is full loses the hot thread's record, which {@code JournalTap} counts and
 * reports as a {@code JournalLoss} record once there is room; an Aeron publisher is never slowed by the journal
 * for longer than the driver's untethered window timeout, because the journal subscribes untethered
 * ({@link #subscriptionChannel(String)}): once the journal is further behind than 7/8 of the publisher's term window
 * (and behind a faster tethered subscriber) for longer than that timeout, the driver leaves it behind and rejoins it
 * at the publisher's position, and the journal records a {@code JournalLoss} of the bytes it skipped (lost records
 * unknown: 0) before the next record. A stream the journal alone subscribes to is not left behind: it is held.
 */
public final class JournalAgent implements Agent
{
    /** How often errors are read, the queue pretouched and lag measured. */
    public static final long HOUSEKEEPING_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(50);

    /**
     * Driver setting ({@code MediaDriver.Context.timerIntervalNs}) the untethered checks run at; the driver refuses
     * untethered timeouts not above it (default 1 s).
     */
    public static final long DRIVER_TIMER_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(10);

    /**
     * Driver setting ({@code untetheredWindowLimitTimeoutNs}): how long an untethered journal subscription may sit
     * further behind than 7/8 of the term window before it is left behind; the publisher can be back pressured for
     * about this long (plus a timer interval) when it fills the whole window first.
     */
    public static final long UNTETHERED_WINDOW_LIMIT_TIMEOUT_NS = TimeUnit.MILLISECONDS.toNanos(100);

    /** Driver setting ({@code untetheredRestingTimeoutNs}): rest before a left-behind subscription rejoins. */
    public static final long UNTETHERED_RESTING_TIMEOUT_NS = TimeUnit.MILLISECONDS.toNanos(100);

    private static final int RING_LIMIT = 4096;
    private static final int FRAGMENT_LIMIT = 256;

    private final Journal journal;
    private final OneToOneRingBuffer[] rings;
    private final AtomicCounter[] ringLag;
    private final SubscriptionSource[] subscriptions;
    private final ErrorLogSource errors;
    private final JournalCounters counters;
    private final EpochNanoClock clock;
    private long nextHousekeepingNs;
    private long errorsJournaled;

    /**
     * An agent for a journal, its sources and its counters.
     *
     * @param journal       to append to.
     * @param rings         the hot threads' tap rings.
     * @param subscriptions the Aeron subscriptions to record, made with {@link #subscriptionChannel(String)}.
     * @param errorLog      the error log's buffer, or null for none.
     * @param counters      where the journal's counters live.
     * @param clock         epoch nanoseconds.
     */
    public JournalAgent(
        final Journal journal,
        final List<TapRing> rings,
        final List<Subscription> subscriptions,
        final AtomicBuffer errorLog,
        final CounterAllocator counters,
        final EpochNanoClock clock)
    {
        this.journal = journal;
        this.clock = clock;
        this.counters = new JournalCounters(counters);
        this.rings = new OneToOneRingBuffer[rings.size()];
        this.ringLag = new AtomicCounter[rings.size()];
        for (int i = 0; i < rings.size(); i++)
        {
            this.rings[i] = rings.get(i).ring();
            this.ringLag[i] = counters.newCounter(
                JournalCounter.LAG_TYPE_ID, "journal: lag bytes, ring " + rings.get(i).path().getFileName());
        }
        this.subscriptions = new SubscriptionSource[subscriptions.size()];
        for (int i = 0; i < subscriptions.size(); i++)
        {
            final Subscription subscription = subscriptions.get(i);
            this.subscriptions[i] = new SubscriptionSource(subscription, journal, counters.newCounter(
                JournalCounter.LAG_TYPE_ID,
                "journal: lag bytes, " + subscription.channel() + " stream " + subscription.streamId()), clock);
        }
        this.errors = null == errorLog ? null : new ErrorLogSource(errorLog, journal);
    }

    /**
     * The channel the journal subscribes to a configured channel with: untethered, so a journal that falls behind is
     * left behind by the publisher instead of slowing it. The timeouts that bound how long the publisher is held
     * first are the media driver's ({@link #UNTETHERED_WINDOW_LIMIT_TIMEOUT_NS},
     * {@link #UNTETHERED_RESTING_TIMEOUT_NS},
     * {@link #DRIVER_TIMER_INTERVAL_NS}): on Aeron 1.51 the same parameters in an IPC subscription URI are not
     * honoured.
     *
     * @param channel the configured Aeron channel.
     * @return the journal's channel.
     */
    public static String subscriptionChannel(final String channel)
    {
        final ChannelUri uri = ChannelUri.parse(channel);
        uri.put(CommonContext.TETHER_PARAM_NAME, "false");
        return uri.toString();
    }

    @Override
    public String roleName()
    {
        return "journal";
    }

    @Override
    public void onStart()
    {
        journal.appender().singleThreadedCheckReset();
    }

    @Override
    public int doWork()
    {
        final long nowNs = clock.nanoTime();
        int work = 0;
        for (final OneToOneRingBuffer ring : rings)
        {
            work += journal.drain(ring, RING_LIMIT);
        }
        for (final SubscriptionSource subscription : subscriptions)
        {
            work += subscription.poll(FRAGMENT_LIMIT);
        }
        if (nowNs - nextHousekeepingNs >= 0)
        {
            nextHousekeepingNs = nowNs + HOUSEKEEPING_INTERVAL_NS;
            work += housekeeping();
        }
        if (work > 0)
        {
            publishCounters();
        }
        return work;
    }

    /**
     * What the journal has done, readable from any thread.
     *
     * @return the statistics.
     */
    public JournalStatistics statistics()
    {
        return journal.statistics();
    }

    /**
     * The journal's counters.
     *
     * @return the counters.
     */
    public JournalCounters counters()
    {
        return counters;
    }

    @Override
    public void onClose()
    {
        publishCounters();
        CloseHelper.closeAll(subscriptions);
        CloseHelper.closeAll(ringLag);
        CloseHelper.close(counters);
    }

    private int housekeeping()
    {
        int work = 0;
        if (null != errors)
        {
            final int journaled = errors.poll();
            errorsJournaled += journaled;
            work += journaled;
        }
        journal.pretouch();
        final JournalStatistics statistics = journal.statistics();
        for (int i = 0; i < rings.length; i++)
        {
            final long lag = rings[i].size();
            ringLag[i].setRelease(lag);
            statistics.onLag(lag);
        }
        for (final SubscriptionSource subscription : subscriptions)
        {
            statistics.onLag(subscription.updateLag());
        }
        counters.set(JournalCounter.MAX_LAG_BYTES, statistics.maxLagBytes());
        publishCounters();
        return work;
    }

    private void publishCounters()
    {
        counters.set(JournalCounter.RECORDS, journal.totalRecords());
        counters.set(JournalCounter.BYTES, journal.totalBytes());
        counters.set(JournalCounter.RECORDS_LOST, journal.lostRecords());
        counters.set(JournalCounter.BYTES_LOST, journal.lostBytes());
        counters.set(JournalCounter.ROLL_OVERS, journal.rollOvers());
        counters.set(JournalCounter.UNREADABLE, journal.unreadable());
        counters.set(JournalCounter.ERRORS, errorsJournaled);
        counters.set(JournalCounter.CYCLES_RETIRED, journal.cyclesRetired());
    }
}
