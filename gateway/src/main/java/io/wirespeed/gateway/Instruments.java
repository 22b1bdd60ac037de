package io.wirespeed.gateway;

import io.wirespeed.config.InstrumentContext;
import org.agrona.collections.Hashing;
import org.agrona.collections.Int2IntHashMap;

import java.util.List;

/**
 * The configured instruments by dense index: security id, tick size, quantity bounds and contract multiplier.
 */
final class Instruments
{
    static final int UNKNOWN = -1;

    private final Int2IntHashMap indexBySecurityId;
    final int[] securityId;
    final String[] symbol;
    final long[] tickSize;
    final long[] minOrderQty;
    final long[] maxOrderQty;
    final double[] contractMultiplier;
    final int[] channel;

    Instruments(final List<InstrumentContext> contexts)
    {
        final int count = contexts.size();
        indexBySecurityId = new Int2IntHashMap(Math.max(8, count * 2), Hashing.DEFAULT_LOAD_FACTOR, UNKNOWN);
        securityId = new int[count];
        symbol = new String[count];
        tickSize = new long[count];
        minOrderQty = new long[count];
        maxOrderQty = new long[count];
        contractMultiplier = new double[count];
        channel = new int[count];
        for (int i = 0; i < count; i++)
        {
            final InstrumentContext context = contexts.get(i);
            securityId[i] = context.securityId();
            symbol[i] = context.symbol();
            tickSize[i] = context.tickSizeMantissa();
            minOrderQty[i] = context.minOrderQty();
            maxOrderQty[i] = context.maxOrderQty();
            contractMultiplier[i] = context.contractMultiplier().doubleValue();
            channel[i] = context.channel();
            indexBySecurityId.put(context.securityId(), i);
        }
    }

    int count()
    {
        return securityId.length;
    }

    int index(final int securityId)
    {
        return indexBySecurityId.get(securityId);
    }

    int indexOfSymbol(final String name)
    {
        for (int i = 0; i < symbol.length; i++)
        {
            if (symbol[i].equals(name))
            {
                return i;
            }
        }
        return UNKNOWN;
    }
}
