package io.wirespeed.sim;

/**
 * Simulated participants acting on one instrument per event, from a seeded generator: the mid walks a tick at a time,
 * passive orders join around it, resting orders are cancelled, and aggressive orders trade through the touch.
 */
final class MarketGenerator
{
    static final int MAX_AGGRESSIVE_QTY = 20;
    static final int MAX_PASSIVE_QTY = 10;

    private static final double MID_MOVE_PROBABILITY = 0.08;
    private static final double ADD_PROBABILITY = 0.55;
    private static final double ADD_PROBABILITY_WHEN_FULL = 0.35;
    private static final double CANCEL_PROBABILITY = 0.30;

    private final SimRandom random;
    private final int participants;
    private final int simDepth;
    private final int targetOrders;

    MarketGenerator(final SimRandom random, final int participants, final int simDepth)
    {
        this.random = random;
        this.participants = participants;
        this.simDepth = simDepth;
        this.targetOrders = simDepth * 6;
    }

    static int maxOrders(final int simDepth)
    {
        return simDepth * 16 + 64;
    }

    /**
     * One participant action on the instrument's book; its fills land in {@code fills}.
     */
    void act(final SimInstrument instrument, final Fills fills)
    {
        final OrderBook book = instrument.book;
        fills.reset(0, Side.BID, 0);
        walkMid(instrument);

        final double action = random.nextDouble();
        final double addProbability = book.orderCount() < targetOrders ? ADD_PROBABILITY : ADD_PROBABILITY_WHEN_FULL;
        final boolean full = book.orderCount() >= book.maxOrders() - 1;
        final int participant = random.nextInt(participants);
        if (!full && action < addProbability)
        {
            addPassive(instrument, participant, fills);
        }
        else if (action < addProbability + CANCEL_PROBABILITY || full)
        {
            if (book.orderCount() > 0)
            {
                book.cancel(book.orderIdAt(random.nextInt(book.orderCount())));
            }
            else
            {
                addPassive(instrument, participant, fills);
            }
        }
        else
        {
            aggress(instrument, participant, fills);
        }
    }

    void walkMid(final SimInstrument instrument)
    {
        if (random.nextDouble() < MID_MOVE_PROBABILITY)
        {
            final long step = random.nextInt(2) == 0 ? -1 : 1;
            final long next = instrument.midTicks + step;
            instrument.midTicks = next <= simDepth * 2L ? instrument.midTicks + 1 : next;
        }
    }

    private void addPassive(final SimInstrument instrument, final int participant, final Fills fills)
    {
        final Side side = random.nextInt(2) == 0 ? Side.BID : Side.ASK;
        final long offset = 1 + random.nextInt(simDepth);
        final long ticks = Side.BID == side ? instrument.midTicks - offset : instrument.midTicks + offset;
        final long qty = 1 + random.nextInt(MAX_PASSIVE_QTY);
        instrument.book.add(side, instrument.priceOfTicks(ticks), qty, participant, fills);
    }

    private void aggress(final SimInstrument instrument, final int participant, final Fills fills)
    {
        final Side side = random.nextInt(2) == 0 ? Side.BID : Side.ASK;
        final OrderBook book = instrument.book;
        final Side other = side.opposite();
        if (0 == book.levelCount(other))
        {
            addPassive(instrument, participant, fills);
            return;
        }
        final long through = random.nextInt(2) * instrument.tickMantissa;
        final long touch = book.levelPrice(other, 0);
        final long limit = Side.BID == side ? touch + through : touch - through;
        final long qty = 1 + random.nextInt(MAX_AGGRESSIVE_QTY);
        book.add(side, limit, qty, participant, fills);
    }
}
