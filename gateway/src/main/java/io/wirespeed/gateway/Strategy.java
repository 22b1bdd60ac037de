package io.wirespeed.gateway;

import org.agrona.collections.Hashing;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * A configured strategy as the gateway sees it: its account, risk book, allowed instruments and live orders by
 * client order id.
 */
final class Strategy
{
    final int id;
    final String name;
    final Account account;
    final RiskBook book;
    final boolean[] allowedInstruments;
    final Long2ObjectHashMap<Order> ordersByClOrdId;
    final RecentlyDone recentlyDone = new RecentlyDone();

    Strategy(
        final int id,
        final String name,
        final Account account,
        final RiskBook book,
        final boolean[] allowedInstruments,
        final int orderCapacity)
    {
        this.id = id;
        this.name = name;
        this.account = account;
        this.book = book;
        this.allowedInstruments = allowedInstruments;
        this.ordersByClOrdId = new Long2ObjectHashMap<>(orderCapacity, Hashing.DEFAULT_LOAD_FACTOR);
    }
}
