package io.wirespeed.sim.venue;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault knobs of the venue's order-entry application: hold every answer back for a while, reject the next orders or
 * every order for an instrument with a chosen reason. May be set from any thread; the application reads them on its
 * duty cycle.
 */
public final class VenueFaults
{
    /**
     * The most instruments rejected at once by {@link #rejectSecurity}.
     */
    public static final int MAX_REJECTED_SECURITIES = 16;

    private static final int NONE = -1;

    private volatile long responseDelayNs;
    private final AtomicInteger rejectNextCount = new AtomicInteger();
    private volatile int rejectNextReason;
    private final int[] rejectedSecurityIds = new int[MAX_REJECTED_SECURITIES];
    private final int[] rejectedSecurityReasons = new int[MAX_REJECTED_SECURITIES];
    private volatile int rejectedSecurityCount;

    /**
     * Hold every answer for a time before it goes to the session; 0 answers at once.
     *
     * @param delayNs the hold, in nanoseconds.
     * @return this for a fluent API.
     */
    public VenueFaults delayResponses(final long delayNs)
    {
        if (delayNs < 0)
        {
            throw new IllegalArgumentException("delayNs must not be negative: " + delayNs);
        }
        responseDelayNs = delayNs;
        return this;
    }

    /**
     * The hold answers get now.
     *
     * @return nanoseconds.
     */
    public long responseDelayNs()
    {
        return responseDelayNs;
    }

    /**
     * Reject the next new orders, whatever they are, with a reason.
     *
     * @param count  how many.
     * @param reason the OrdRejReason, e.g. a {@link OrdRejReasons} value.
     * @return this for a fluent API.
     */
    public VenueFaults rejectNextOrders(final int count, final int reason)
    {
        rejectNextReason = reason;
        rejectNextCount.set(count);
        return this;
    }

    /**
     * Reject every new order for an instrument with a reason, until {@link #clear()}.
     *
     * @param securityId the instrument.
     * @param reason     the OrdRejReason.
     * @return this for a fluent API.
     */
    public synchronized VenueFaults rejectSecurity(final int securityId, final int reason)
    {
        final int count = rejectedSecurityCount;
        if (count == MAX_REJECTED_SECURITIES)
        {
            throw new IllegalStateException("at most " + MAX_REJECTED_SECURITIES + " rejected securities");
        }
        rejectedSecurityIds[count] = securityId;
        rejectedSecurityReasons[count] = reason;
        rejectedSecurityCount = count + 1;
        return this;
    }

    /**
     * Switch every fault off.
     *
     * @return this for a fluent API.
     */
    public synchronized VenueFaults clear()
    {
        responseDelayNs = 0;
        rejectNextCount.set(0);
        rejectedSecurityCount = 0;
        return this;
    }

    /**
     * The reason to reject a new order with, taking one of the "next orders" when they apply.
     *
     * @param securityId the order's instrument.
     * @return the reason, or -1 to let it through.
     */
    int rejectReason(final int securityId)
    {
        final int count = rejectedSecurityCount;
        for (int i = 0; i < count; i++)
        {
            if (rejectedSecurityIds[i] == securityId)
            {
                return rejectedSecurityReasons[i];
            }
        }
        int next = rejectNextCount.get();
        while (next > 0)
        {
            if (rejectNextCount.compareAndSet(next, next - 1))
            {
                return rejectNextReason;
            }
            next = rejectNextCount.get();
        }
        return NONE;
    }
}
