package io.wirespeed.gateway.session;

import io.wirespeed.codecs.internal.SessionState;

/**
 * The initiator's own states, finer than the {@link SessionState} it reports.
 */
enum InitiatorState
{
    DISCONNECTED(SessionState.DISCONNECTED),
    CONNECTING(SessionState.CONNECTING),
    NEGOTIATING(SessionState.CONNECTING),
    ESTABLISHING(SessionState.NEGOTIATED),
    ESTABLISHED(SessionState.ESTABLISHED),
    RETRANSMITTING(SessionState.RETRANSMITTING),
    TERMINATING(SessionState.TERMINATING),
    REJECTED(SessionState.REJECTED);

    private final SessionState sessionState;

    InitiatorState(final SessionState sessionState)
    {
        this.sessionState = sessionState;
    }

    SessionState sessionState()
    {
        return sessionState;
    }
}
