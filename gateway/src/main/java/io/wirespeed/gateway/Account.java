package io.wirespeed.gateway;

/**
 * A trading account as the gateway sees it: the risk book shared by all its strategies.
 */
final class Account
{
    final int id;
    final String name;
    final RiskBook book;

    Account(final int id, final String name, final RiskBook book)
    {
        this.id = id;
        this.name = name;
        this.book = book;
    }
}
