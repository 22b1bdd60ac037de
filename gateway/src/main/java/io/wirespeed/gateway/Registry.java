package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.ControlScope;
import io.wirespeed.config.InstrumentContext;
import io.wirespeed.config.RiskContext;
import io.wirespeed.config.StrategyContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configured instruments, strategies and accounts, each with its risk book, found by id without allocating.
 */
final class Registry
{
    private static final int MAX_STRATEGY_ID = 65535;

    final Instruments instruments;
    final Strategy[] strategies;
    final Account[] accounts;
    private final Strategy[] strategiesById = new Strategy[MAX_STRATEGY_ID + 1];

    Registry(
        final List<InstrumentContext> instrumentContexts,
        final List<StrategyContext> strategyContexts,
        final RiskContext risk,
        final int orderCapacity)
    {
        instruments = new Instruments(instrumentContexts);
        final int instrumentCount = instruments.count();
        final Map<String, Account> accountsByName = new LinkedHashMap<>();
        strategies = new Strategy[strategyContexts.size()];
        for (int i = 0; i < strategies.length; i++)
        {
            final StrategyContext context = strategyContexts.get(i);
            final Account account = accountsByName.computeIfAbsent(context.account(), (name) -> new Account(
                accountsByName.size() + 1, name,
                new RiskBook(new Limits(risk.limitsForAccount(name)), instrumentCount)));
            final boolean[] allowed = new boolean[instrumentCount];
            for (int j = 0; j < instrumentCount; j++)
            {
                allowed[j] = context.instruments().isEmpty() || context.instruments().contains(instruments.symbol[j]);
            }
            final Strategy strategy = new Strategy(context.id(), context.name(), account,
                new RiskBook(new Limits(risk.limitsForStrategy(context.name())), instrumentCount),
                allowed, Math.min(orderCapacity * 2, 4096));
            strategies[i] = strategy;
            strategiesById[context.id()] = strategy;
        }
        accounts = accountsByName.values().toArray(new Account[0]);
    }

    Strategy strategy(final long strategyId)
    {
        return strategyId > 0 && strategyId <= MAX_STRATEGY_ID ? strategiesById[(int)strategyId] : null;
    }

    Account account(final long accountId)
    {
        return accountId >= 1 && accountId <= accounts.length ? accounts[(int)accountId - 1] : null;
    }

    RiskBook book(final ControlScope scope, final long targetId)
    {
        if (ControlScope.STRATEGY == scope)
        {
            final Strategy strategy = strategy(targetId);
            return null == strategy ? null : strategy.book;
        }
        if (ControlScope.ACCOUNT == scope)
        {
            final Account account = account(targetId);
            return null == account ? null : account.book;
        }
        return null;
    }

    int accountId(final String name)
    {
        for (final Account account : accounts)
        {
            if (account.name.equals(name))
            {
                return account.id;
            }
        }
        return 0;
    }
}
