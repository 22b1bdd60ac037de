package io.wirespeed.sim.venue;

import org.agrona.DirectBuffer;

/**
 * The venue's business layer behind the FIXP acceptor: it gets every in-sequence business message of an
 * established session and answers through that session's {@link VenueOutbound}. Called on the venue's duty cycle
 * thread only.
 */
public interface VenueApplication
{
    /**
     * A business message from a client (NewOrderSingle, OrderCancelRequest, OrderCancelReplaceRequest,
     * OrderMassActionRequest...), already checked by the session layer for sequence and session state.
     *
     * @param templateId the iLink 3 template id.
     * @param buffer     holds the message.
     * @param offset     where its SBE message header starts.
     * @param length     bytes of SBE message, header included.
     * @param seqNum     the client's sequence number of this message.
     * @param outbound   the client session, to answer on.
     */
    void onBusinessMessage(
        int templateId, DirectBuffer buffer, int offset, int length, long seqNum, VenueOutbound outbound);

    /**
     * A client session's connection was lost or terminated; its orders stay unless the application cancels them.
     *
     * @param uuid     the session's UUID.
     * @param outbound the session, for messages that will wait for its return.
     */
    void onSessionDisconnected(long uuid, VenueOutbound outbound);

    /**
     * Give the application its share of the duty cycle (delayed answers, for example).
     *
     * @param nowNs the cycle's clock reading.
     * @return work done.
     */
    int doWork(long nowNs);
}
