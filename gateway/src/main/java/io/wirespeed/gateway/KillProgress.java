package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.ControlRefusal;
import io.wirespeed.codecs.internal.ControlScope;

/**
 * The kills still sweeping, each with the orders it latched, the cancels sent for them and those finished: answered
 * with a ControlAck when tripped and again, complete, once every order it latched has finished at the venue.
 */
final class KillProgress
{
    /** No record: the latch answers nobody (cancel on disconnect) or every record is in use. */
    static final int NONE = -1;

    private static final int MAX_RECORDS = Integer.SIZE;

    private final GatewayOutput output;
    private final boolean[] active = new boolean[MAX_RECORDS];
    private final boolean[] announced = new boolean[MAX_RECORDS];
    private final int[] templateId = new int[MAX_RECORDS];
    private final ControlScope[] scope = new ControlScope[MAX_RECORDS];
    private final long[] targetId = new long[MAX_RECORDS];
    private final long[] latched = new long[MAX_RECORDS];
    private final long[] sent = new long[MAX_RECORDS];
    private final long[] finished = new long[MAX_RECORDS];
    private final byte[][] operator = new byte[MAX_RECORDS][ControlIntake.OPERATOR_LENGTH];

    KillProgress(final GatewayOutput output)
    {
        this.output = output;
    }

    /**
     * Start a record for a kill.
     *
     * @return the record, or {@link #NONE} when every record is in use (the kill is then answered once).
     */
    int open(
        final int controlTemplateId,
        final ControlScope controlScope,
        final long target,
        final byte[] operatorName)
    {
        for (int record = 0; record < MAX_RECORDS; record++)
        {
            if (!active[record])
            {
                active[record] = true;
                announced[record] = false;
                templateId[record] = controlTemplateId;
                scope[record] = controlScope;
                targetId[record] = target;
                latched[record] = 0;
                sent[record] = 0;
                finished[record] = 0;
                System.arraycopy(operatorName, 0, operator[record], 0, ControlIntake.OPERATOR_LENGTH);
                return record;
            }
        }
        return NONE;
    }

    /**
     * An order joins a record.
     *
     * @return the record's bit for the order's mask of kills.
     */
    int onLatched(final int record, final int kills, final boolean cancelSent)
    {
        if (NONE == record)
        {
            return 0;
        }
        final int bit = 1 << record;
        if (0 == (kills & bit))
        {
            latched[record]++;
            if (cancelSent)
            {
                sent[record]++;
            }
        }
        return bit;
    }

    void onCancelSent(final int kills)
    {
        for (int record = 0; record < MAX_RECORDS; record++)
        {
            if (0 != (kills & (1 << record)))
            {
                sent[record]++;
            }
        }
    }

    void onFinished(final int kills)
    {
        for (int record = 0; record < MAX_RECORDS; record++)
        {
            if (0 != (kills & (1 << record)))
            {
                finished[record]++;
            }
        }
    }

    /**
     * Answer a kill as it stands; a record whose orders all finished is complete and closed.
     */
    void acknowledge(final int record, final long nowNs)
    {
        if (NONE != record)
        {
            final boolean complete = finished[record] >= latched[record];
            output.onControlAck(templateId[record], scope[record], targetId[record], ControlRefusal.NONE,
                latched[record], sent[record], finished[record], complete, operator[record], nowNs);
            active[record] = !complete;
            announced[record] = true;
        }
    }

    /**
     * Answer, complete, every kill whose orders all finished.
     */
    void publishFinished(final long nowNs)
    {
        for (int record = 0; record < MAX_RECORDS; record++)
        {
            if (active[record] && announced[record] && finished[record] >= latched[record])
            {
                acknowledge(record, nowNs);
            }
        }
    }
}
