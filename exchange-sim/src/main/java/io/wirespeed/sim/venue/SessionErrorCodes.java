package io.wirespeed.sim.venue;

/**
 * The ErrorCodes values CME documents for the session layer's rejects and terminations; each message type has its
 * own list, so the constants are grouped by the message that carries them.
 */
public final class SessionErrorCodes
{
    /**
     * NegotiationReject and EstablishmentReject: HMACNotAuthenticated, the identity is not recognized or the
     * signature does not verify.
     */
    public static final int HMAC_NOT_AUTHENTICATED = 0;

    /**
     * EstablishmentReject: Unnegotiated, Establish for a UUID that was not negotiated (or was superseded by a later
     * Negotiate of the same session).
     */
    public static final int ESTABLISH_UNNEGOTIATED = 2;

    /**
     * EstablishmentReject: AlreadyEstablished.
     */
    public static final int ESTABLISH_ALREADY_ESTABLISHED = 8;

    /**
     * NegotiationReject and EstablishmentReject: SessionBlocked, session and firm are not authorized for this port
     * (here: the UUID belongs to another session, or the venue has no room for another session).
     */
    public static final int SESSION_BLOCKED = 10;

    /**
     * EstablishmentReject: InvalidKeepAliveInterval.
     */
    public static final int ESTABLISH_INVALID_KEEPALIVE_INTERVAL = 11;

    /**
     * Terminate: Finished, the session is being terminated (the answer to a client's Terminate).
     */
    public static final int TERMINATE_FINISHED = 0;

    /**
     * Terminate: Unnegotiated, a message other than Negotiate on a connection not negotiated.
     */
    public static final int TERMINATE_UNNEGOTIATED = 2;

    /**
     * Terminate: NotEstablished, a message other than Negotiate or Establish on a connection not established.
     */
    public static final int TERMINATE_NOT_ESTABLISHED = 3;

    /**
     * Terminate: AlreadyNegotiated, Negotiate on a connection already negotiated or established.
     */
    public static final int TERMINATE_ALREADY_NEGOTIATED = 4;

    /**
     * Terminate: AlreadyEstablished, Establish on a connection already established.
     */
    public static final int TERMINATE_ALREADY_ESTABLISHED = 6;

    /**
     * Terminate: InvalidNextSeqNo, a NextSeqNo (Establish or Sequence) lower than the one the venue expects.
     */
    public static final int TERMINATE_INVALID_NEXT_SEQ_NO = 10;

    /**
     * Terminate: InvalidMsgSeqNo, a business message's SeqNum lower than the one the venue expects.
     */
    public static final int TERMINATE_INVALID_MSG_SEQ_NO = 11;

    /**
     * Terminate: InvalidSOFH, a frame with a bad length or encoding type.
     */
    public static final int TERMINATE_INVALID_SOFH = 18;

    /**
     * Terminate: DecodingError, a message that cannot be decoded.
     */
    public static final int TERMINATE_DECODING_ERROR = 19;

    /**
     * Terminate: KeepAliveIntervalLapsed, the client stayed silent through a lapse warning.
     */
    public static final int TERMINATE_KEEPALIVE_LAPSED = 20;

    /**
     * RetransmitReject: OutOfRange, FromSeqNo + MsgCount beyond the sequence numbers sent (or no longer kept).
     */
    public static final int RETRANSMIT_OUT_OF_RANGE = 0;

    /**
     * RetransmitReject: InvalidUUID, the UUID or LastUUID is unknown or not the requester's.
     */
    public static final int RETRANSMIT_INVALID_UUID = 1;

    /**
     * RetransmitReject: RequestLimitExceeded, MsgCount above the most one request may ask for.
     */
    public static final int RETRANSMIT_REQUEST_LIMIT_EXCEEDED = 2;

    /**
     * RetransmitReject: InvalidFromSeqNo.
     */
    public static final int RETRANSMIT_INVALID_FROM_SEQ_NO = 5;

    private SessionErrorCodes()
    {
    }
}
