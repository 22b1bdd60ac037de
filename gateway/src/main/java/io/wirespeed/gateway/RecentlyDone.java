package io.wirespeed.gateway;

/**
 * The client order ids of a strategy's last few finished orders (filled, canceled, rejected), so a cancel or replace
 * that raced its order's end is told it came too late rather than that the order is unknown. A fixed ring searched
 * only on that refusal path; nothing allocated.
 */
final class RecentlyDone
{
    static final int CAPACITY = 256;

    private final long[] clOrdIds = new long[CAPACITY];
    private int next;
    private int size;

    void add(final long clOrdId)
    {
        clOrdIds[next] = clOrdId;
        next = (next + 1) % CAPACITY;
        size = Math.min(CAPACITY, size + 1);
    }

    boolean contains(final long clOrdId)
    {
        for (int i = 0; i < size; i++)
        {
            if (clOrdIds[i] == clOrdId)
            {
                return true;
            }
        }
        return false;
    }
}
