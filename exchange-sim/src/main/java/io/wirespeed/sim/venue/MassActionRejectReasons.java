package io.wirespeed.sim.venue;

/**
 * MassActionRejectReason (FIX tag 1376) on OrderMassActionReport.
 */
public final class MassActionRejectReasons
{
    /**
     * Invalid or unknown security.
     */
    public static final int UNKNOWN_SECURITY = 1;

    /**
     * Other: a scope the venue does not support (quote set, instrument group).
     */
    public static final int UNSUPPORTED_SCOPE = 99;

    private MassActionRejectReasons()
    {
    }
}
