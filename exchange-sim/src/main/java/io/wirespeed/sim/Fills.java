package io.wirespeed.sim;

/**
 * The fills one aggressive order made, in match order: which resting order, at what price, for how much, and the
 * MDTradeEntryID of the feed's trade entry each is part of.
 */
public final class Fills
{
    /**
     * The trade entry id of a fill whose trade has not been given one (uInt32NULL's null).
     */
    public static final long NO_TRADE_ENTRY_ID = 0xFFFF_FFFFL;

    private final long[] restingOrderIds;
    private final long[] prices;
    private final long[] quantities;
    private final boolean[] restingDone;
    private final int[] restingParticipants;
    private final long[] tradeEntryIds;
    private int count;
    private long aggressorOrderId;
    private Side aggressorSide;
    private int aggressorParticipant;

    /**
     * Storage for up to a number of fills.
     *
     * @param capacity the most fills one order can make.
     */
    public Fills(final int capacity)
    {
        restingOrderIds = new long[capacity];
        prices = new long[capacity];
        quantities = new long[capacity];
        restingDone = new boolean[capacity];
        restingParticipants = new int[capacity];
        tradeEntryIds = new long[capacity];
    }

    void reset(final long aggressorOrderId, final Side aggressorSide, final int aggressorParticipant)
    {
        this.count = 0;
        this.aggressorOrderId = aggressorOrderId;
        this.aggressorSide = aggressorSide;
        this.aggressorParticipant = aggressorParticipant;
    }

    void add(
        final long restingOrderId, final int restingParticipant, final long price, final long qty, final boolean done)
    {
        restingOrderIds[count] = restingOrderId;
        restingParticipants[count] = restingParticipant;
        prices[count] = price;
        quantities[count] = qty;
        restingDone[count] = done;
        tradeEntryIds[count] = NO_TRADE_ENTRY_ID;
        count++;
    }

    void tradeEntryId(final int index, final long tradeEntryId)
    {
        tradeEntryIds[index] = tradeEntryId;
    }

    /**
     * Number of fills.
     *
     * @return the count.
     */
    public int count()
    {
        return count;
    }

    /**
     * The aggressive order's id.
     *
     * @return the id.
     */
    public long aggressorOrderId()
    {
        return aggressorOrderId;
    }

    /**
     * The aggressive order's side.
     *
     * @return the side.
     */
    public Side aggressorSide()
    {
        return aggressorSide;
    }

    /**
     * Who sent the aggressive order.
     *
     * @return the participant id, {@link OrderBook#CLIENT} for a client order.
     */
    public int aggressorParticipant()
    {
        return aggressorParticipant;
    }

    /**
     * Total quantity the aggressive order traded.
     *
     * @return the sum of the fills' quantities.
     */
    public long totalQty()
    {
        long total = 0;
        for (int i = 0; i < count; i++)
        {
            total += quantities[i];
        }
        return total;
    }

    /**
     * Who owned the resting order of a fill.
     *
     * @param index 0..count-1.
     * @return the participant id, {@link OrderBook#CLIENT} for a client order.
     */
    public int restingParticipant(final int index)
    {
        return restingParticipants[index];
    }

    /**
     * The resting order of a fill.
     *
     * @param index 0..count-1.
     * @return its order id.
     */
    public long restingOrderId(final int index)
    {
        return restingOrderIds[index];
    }

    /**
     * The price of a fill, the resting order's price.
     *
     * @param index 0..count-1.
     * @return the price mantissa.
     */
    public long price(final int index)
    {
        return prices[index];
    }

    /**
     * The quantity of a fill.
     *
     * @param index 0..count-1.
     * @return the quantity.
     */
    public long qty(final int index)
    {
        return quantities[index];
    }

    /**
     * The MDTradeEntryID of the trade summary entry on the incremental feed that reports this fill: one entry per
     * instrument, price level and event.
     *
     * @param index 0..count-1.
     * @return the id, or {@link #NO_TRADE_ENTRY_ID} before the event is published.
     */
    public long tradeEntryId(final int index)
    {
        return tradeEntryIds[index];
    }

    /**
     * Whether the fill completed the resting order.
     *
     * @param index 0..count-1.
     * @return true when the resting order left the book.
     */
    public boolean isRestingDone(final int index)
    {
        return restingDone[index];
    }
}
