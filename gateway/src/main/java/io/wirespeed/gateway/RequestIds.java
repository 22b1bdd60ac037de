package io.wirespeed.gateway;

/**
 * Allocates gateway ids, monotonically increasing, one per venue request (new, cancel, replace, mass cancel).
 */
final class RequestIds
{
    private long next;

    RequestIds(final long first)
    {
        next = first;
    }

    long next()
    {
        return next++;
    }
}
