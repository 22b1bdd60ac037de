package io.wirespeed.gateway.session;

/**
 * The ErrorCodes of iLink 3's NegotiationReject and EstablishmentReject that this session layer uses, and what an
 * initiator does about each: retry after its backoff, negotiate again with the same UUID, or stop.
 */
public final class FixpErrorCodes
{
    /**
     * HMACNotAuthenticated: the signature did not verify or the identity (access key) is not recognized.
     */
    public static final int HMAC_NOT_AUTHENTICATED = 0;

    /**
     * HMACNotAvailable: the venue's authentication component did not answer in time.
     */
    public static final int HMAC_NOT_AVAILABLE = 1;

    /**
     * Unnegotiated (Establish only): the UUID was never negotiated, or the venue no longer knows it.
     */
    public static final int UNNEGOTIATED = 2;

    /**
     * InvalidTimestamp: RequestTimestamp not above the last one used, or out of range.
     */
    public static final int INVALID_TIMESTAMP = 3;

    /**
     * AlreadyEstablished (Establish only): the UUID is established on a connection the venue still holds.
     */
    public static final int ALREADY_ESTABLISHED = 8;

    /**
     * SessionBlocked: the session and firm are not authorized on this port.
     */
    public static final int SESSION_BLOCKED = 10;

    /**
     * Volume controls: the session exceeded its message rate limit.
     */
    public static final int VOLUME_CONTROLS = 15;

    /**
     * The reject cannot be cured by trying again: the session stays rejected until an operator acts.
     */
    public static final int ACTION_STOP = 0;

    /**
     * Transient: connect again after the reconnect backoff, establishing the same UUID.
     */
    public static final int ACTION_RETRY = 1;

    /**
     * The venue does not know the UUID's negotiation: connect again after the backoff and Negotiate the same UUID.
     */
    public static final int ACTION_RENEGOTIATE = 2;

    private FixpErrorCodes()
    {
    }

    /**
     * What to do about an EstablishmentReject.
     *
     * @param errorCodes the reject's ErrorCodes.
     * @return {@link #ACTION_STOP}, {@link #ACTION_RETRY} or {@link #ACTION_RENEGOTIATE}.
     */
    public static int establishmentRejectAction(final int errorCodes)
    {
        switch (errorCodes)
        {
            case UNNEGOTIATED:
                return ACTION_RENEGOTIATE;
            case HMAC_NOT_AVAILABLE:
            case INVALID_TIMESTAMP:
            case ALREADY_ESTABLISHED:
            case VOLUME_CONTROLS:
                return ACTION_RETRY;
            default:
                return ACTION_STOP;
        }
    }

    /**
     * What to do about a NegotiationReject: only the venue's transient failures are worth another try.
     *
     * @param errorCodes the reject's ErrorCodes.
     * @return {@link #ACTION_STOP} or {@link #ACTION_RETRY}.
     */
    public static int negotiationRejectAction(final int errorCodes)
    {
        switch (errorCodes)
        {
            case HMAC_NOT_AVAILABLE:
            case INVALID_TIMESTAMP:
                return ACTION_RETRY;
            default:
                return ACTION_STOP;
        }
    }
}
