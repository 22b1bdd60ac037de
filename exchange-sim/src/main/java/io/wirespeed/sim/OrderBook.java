package io.wirespeed.sim;

import org.agrona.collections.Long2ObjectHashMap;

/**
 * A price-time priority limit order book for one instrument: limit orders match against the opposite side best
 * price first, oldest first within a price, and any remainder rests; orders and levels come from pools sized at
 * construction, so nothing is allocated while it runs.
 */
public final class OrderBook
{
    /**
     * Returned by {@link #add} when the book holds its maximum number of resting orders and the remainder could not
     * rest.
     */
    public static final long REJECTED = -1;

    /**
     * The participant id of orders entered by the venue's order-entry clients rather than simulated participants.
     */
    public static final int CLIENT = -1;

    private final int securityId;
    private final int maxOrders;
    private final int maxClientOrders;
    private final Order[] freeOrders;
    private int freeOrderCount;
    private final PriceLevel[] freeLevels;
    private int freeLevelCount;
    private final PriceLevel[] bids;
    private final PriceLevel[] asks;
    private int bidCount;
    private int askCount;
    private final Order[] live;
    private int liveCount;
    private final Order[] clientLive;
    private int clientLiveCount;
    private final Long2ObjectHashMap<Order> ordersById;
    private long orderSequence;
    private long prioritySequence;

    /**
     * An empty book for simulated participants only.
     *
     * @param securityId the instrument's id; order ids carry it in their upper 32 bits.
     * @param maxOrders  the most orders that may rest at once.
     */
    public OrderBook(final int securityId, final int maxOrders)
    {
        this(securityId, maxOrders, 0);
    }

    /**
     * An empty book with room for client orders ({@link #CLIENT}) on top of the participants' orders.
     *
     * @param securityId      the instrument's id; order ids carry it in their upper 32 bits.
     * @param maxOrders       the most orders of simulated participants that may rest at once.
     * @param maxClientOrders the most client orders that may rest at once, besides.
     */
    public OrderBook(final int securityId, final int maxOrders, final int maxClientOrders)
    {
        if (maxOrders < 1 || maxClientOrders < 0)
        {
            throw new IllegalArgumentException(
                "maxOrders must be positive and maxClientOrders not negative: " + maxOrders + ", " + maxClientOrders);
        }
        this.securityId = securityId;
        this.maxOrders = maxOrders;
        this.maxClientOrders = maxClientOrders;
        final int capacity = maxOrders + maxClientOrders;
        freeOrders = new Order[capacity];
        for (int i = 0; i < capacity; i++)
        {
            freeOrders[i] = new Order();
        }
        freeOrderCount = capacity;
        freeLevels = new PriceLevel[capacity];
        for (int i = 0; i < capacity; i++)
        {
            freeLevels[i] = new PriceLevel();
        }
        freeLevelCount = capacity;
        bids = new PriceLevel[capacity];
        asks = new PriceLevel[capacity];
        live = new Order[capacity];
        clientLive = new Order[Math.max(1, maxClientOrders)];
        ordersById = new Long2ObjectHashMap<>(capacity * 4, 0.5f);
    }

    /**
     * The instrument's security id.
     *
     * @return the id.
     */
    public int securityId()
    {
        return securityId;
    }

    /**
     * The most orders of simulated participants that may rest at once.
     *
     * @return the capacity.
     */
    public int maxOrders()
    {
        return maxOrders;
    }

    /**
     * The most client orders that may rest at once.
     *
     * @return the capacity.
     */
    public int maxClientOrders()
    {
        return maxClientOrders;
    }

    /**
     * Enter a limit order: it trades with resting orders of the other side priced at or better than its limit, best
     * price first and oldest first at a price, each fill recorded in {@code fills}; what remains rests at its limit.
     *
     * @param side        of the order.
     * @param price       limit price mantissa.
     * @param qty         positive quantity.
     * @param participant who sent it.
     * @param fills       reset, then filled with the fills this order made.
     * @return the new order's id (also when fully filled), or {@link #REJECTED} when a remainder found no room.
     */
    public long add(final Side side, final long price, final long qty, final int participant, final Fills fills)
    {
        return add(side, price, qty, participant, fills, true);
    }

    /**
     * Enter a limit order as {@link #add(Side, long, long, int, Fills)} does, optionally dropping what does not trade
     * at once (fill and kill) instead of resting it.
     *
     * @param side            of the order.
     * @param price           limit price mantissa.
     * @param qty             positive quantity.
     * @param participant     who sent it, {@link #CLIENT} for a client order.
     * @param fills           reset, then filled with the fills this order made.
     * @param restRemainder   false to drop the untraded remainder.
     * @return the new order's id (also when fully filled or dropped), or {@link #REJECTED} when a remainder found no
     * room.
     */
    public long add(
        final Side side,
        final long price,
        final long qty,
        final int participant,
        final Fills fills,
        final boolean restRemainder)
    {
        final long orderId = ((long)securityId << 32) | (++orderSequence & 0xFFFF_FFFFL);
        fills.reset(orderId, side, participant);
        long remaining = qty;
        final Side other = side.opposite();
        while (remaining > 0 && levelCount(other) > 0)
        {
            final PriceLevel best = levels(other)[0];
            if (side.isBetter(best.price, price))
            {
                break;
            }
            final Order resting = best.head;
            final long fillQty = Math.min(remaining, resting.qty);
            remaining -= fillQty;
            resting.qty -= fillQty;
            best.qty -= fillQty;
            final boolean done = 0 == resting.qty;
            fills.add(resting.orderId, resting.participant, best.price, fillQty, done);
            if (done)
            {
                removeOrder(resting);
            }
        }

        if (remaining > 0 && restRemainder)
        {
            if (0 == freeOrderCount)
            {
                return REJECTED;
            }
            rest(orderId, side, price, remaining, participant);
        }
        return orderId;
    }

    /**
     * Cancel a resting order.
     *
     * @param orderId of the order.
     * @return true when it was resting and is now gone.
     */
    public boolean cancel(final long orderId)
    {
        final Order order = ordersById.get(orderId);
        if (null == order)
        {
            return false;
        }
        removeOrder(order);
        return true;
    }

    /**
     * Reduce a resting order's quantity in place, keeping its time priority.
     *
     * @param orderId of the order.
     * @param qty     the new quantity, positive and below the current one.
     * @return true when the order was resting and has been reduced.
     */
    public boolean reduce(final long orderId, final long qty)
    {
        final Order order = ordersById.get(orderId);
        if (null == order || qty <= 0 || qty >= order.qty)
        {
            return false;
        }
        order.level.qty -= order.qty - qty;
        order.qty = qty;
        return true;
    }

    /**
     * Quantity an order of a side could trade at once at a limit, counted up to a bound.
     *
     * @param side  of the would-be order.
     * @param price its limit price mantissa.
     * @param upTo  stop counting once this much is found.
     * @return the quantity, at most a level's worth above {@code upTo}.
     */
    public long availableQty(final Side side, final long price, final long upTo)
    {
        final Side other = side.opposite();
        final PriceLevel[] levels = levels(other);
        final int count = levelCount(other);
        long qty = 0;
        for (int i = 0; i < count && qty < upTo; i++)
        {
            if (side.isBetter(levels[i].price, price))
            {
                break;
            }
            qty += levels[i].qty;
        }
        return qty;
    }

    /**
     * Remove every resting order, the clients' too.
     */
    public void clear()
    {
        while (liveCount > 0)
        {
            removeOrder(live[liveCount - 1]);
        }
        while (clientLiveCount > 0)
        {
            removeOrder(clientLive[clientLiveCount - 1]);
        }
    }

    /**
     * Number of resting orders of simulated participants.
     *
     * @return the count.
     */
    public int orderCount()
    {
        return liveCount;
    }

    /**
     * Number of resting client orders.
     *
     * @return the count.
     */
    public int clientOrderCount()
    {
        return clientLiveCount;
    }

    /**
     * A resting order of a simulated participant by position in an unordered list, for picking one at random.
     *
     * @param index 0..orderCount-1.
     * @return its id.
     */
    public long orderIdAt(final int index)
    {
        return live[index].orderId;
    }

    /**
     * Remaining quantity of a resting order.
     *
     * @param orderId of the order.
     * @return its quantity, or 0 when it is not resting.
     */
    public long orderQty(final long orderId)
    {
        final Order order = ordersById.get(orderId);
        return null == order ? 0 : order.qty;
    }

    /**
     * Number of price levels on a side.
     *
     * @param side which side.
     * @return the count.
     */
    public int levelCount(final Side side)
    {
        return Side.BID == side ? bidCount : askCount;
    }

    /**
     * Price of a level, best first.
     *
     * @param side  which side.
     * @param index 0 for the best price.
     * @return the price mantissa.
     */
    public long levelPrice(final Side side, final int index)
    {
        return levels(side)[index].price;
    }

    /**
     * Aggregate quantity at a level.
     *
     * @param side  which side.
     * @param index 0 for the best price.
     * @return the quantity.
     */
    public long levelQty(final Side side, final int index)
    {
        return levels(side)[index].qty;
    }

    /**
     * Orders resting at a level.
     *
     * @param side  which side.
     * @param index 0 for the best price.
     * @return the count.
     */
    public int levelOrderCount(final Side side, final int index)
    {
        return levels(side)[index].orderCount;
    }

    /**
     * The order at a position in a level's time-priority queue, for tests and inspection (walks the queue).
     *
     * @param side     which side.
     * @param index    0 for the best price.
     * @param position 0 for the oldest order.
     * @return its id.
     */
    public long levelOrderId(final Side side, final int index, final int position)
    {
        Order order = levels(side)[index].head;
        for (int i = 0; i < position; i++)
        {
            order = order.next;
        }
        return order.orderId;
    }

    private PriceLevel[] levels(final Side side)
    {
        return Side.BID == side ? bids : asks;
    }

    private void rest(final long orderId, final Side side, final long price, final long qty, final int participant)
    {
        final Order order = freeOrders[--freeOrderCount];
        freeOrders[freeOrderCount] = null;
        order.orderId = orderId;
        order.priority = ++prioritySequence;
        order.participant = participant;
        order.side = side;
        order.price = price;
        order.qty = qty;
        if (CLIENT == participant)
        {
            order.liveIndex = clientLiveCount;
            clientLive[clientLiveCount++] = order;
        }
        else
        {
            order.liveIndex = liveCount;
            live[liveCount++] = order;
        }
        ordersById.put(orderId, order);
        findOrAddLevel(side, price).append(order);
    }

    private PriceLevel findOrAddLevel(final Side side, final long price)
    {
        final PriceLevel[] levels = levels(side);
        final int count = levelCount(side);
        int low = 0;
        int high = count - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            final long midPrice = levels[mid].price;
            if (midPrice == price)
            {
                return levels[mid];
            }
            if (side.isBetter(midPrice, price))
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        final PriceLevel level = freeLevels[--freeLevelCount];
        freeLevels[freeLevelCount] = null;
        level.price = price;
        level.qty = 0;
        level.orderCount = 0;
        level.head = null;
        level.tail = null;
        System.arraycopy(levels, low, levels, low + 1, count - low);
        levels[low] = level;
        if (Side.BID == side)
        {
            bidCount++;
        }
        else
        {
            askCount++;
        }
        return level;
    }

    private void removeOrder(final Order order)
    {
        final PriceLevel level = order.level;
        level.remove(order);
        if (0 == level.orderCount)
        {
            removeLevel(order.side, level);
        }

        final int index = order.liveIndex;
        if (CLIENT == order.participant)
        {
            final Order last = clientLive[--clientLiveCount];
            clientLive[index] = last;
            last.liveIndex = index;
            clientLive[clientLiveCount] = null;
        }
        else
        {
            final Order last = live[--liveCount];
            live[index] = last;
            last.liveIndex = index;
            live[liveCount] = null;
        }
        ordersById.remove(order.orderId);
        order.side = null;
        freeOrders[freeOrderCount++] = order;
    }

    private void removeLevel(final Side side, final PriceLevel level)
    {
        final PriceLevel[] levels = levels(side);
        final int count = levelCount(side);
        int index = 0;
        while (levels[index] != level)
        {
            index++;
        }
        System.arraycopy(levels, index + 1, levels, index, count - index - 1);
        levels[count - 1] = null;
        if (Side.BID == side)
        {
            bidCount--;
        }
        else
        {
            askCount--;
        }
        freeLevels[freeLevelCount++] = level;
    }
}
