package io.wirespeed.sim.venue;

import org.agrona.MutableDirectBuffer;

/**
 * Where the venue's application writes a business message to one client session: the acceptor stamps it into its
 * outbound sequence, keeps it for retransmission and writes it to the connection.
 * <p>
 * A client that negotiates a new UUID keeps its outbound: what is committed goes out on the current UUID.
 * <p>
 * Use: read {@link #uuid()} and {@link #nextSeqNum()} into the message's UUID and SeqNum fields, encode the SBE
 * message (message header first) into {@link #buffer()} at {@link #offset()}, then {@link #commit(int)} its length.
 * The acceptor adds the SOFH framing.
 */
public interface VenueOutbound
{
    /**
     * The client this outbound answers, the same across the UUIDs it negotiates: its Session ID and Firm ID packed
     * in a long.
     *
     * @return the client's identity.
     */
    long clientId();

    /**
     * The UUID the next committed message goes out on, for the message's UUID field.
     *
     * @return the client's current UUID.
     */
    long uuid();

    /**
     * The sequence number the next committed message will carry, for the message's SeqNum field.
     *
     * @return the next outbound sequence number.
     */
    long nextSeqNum();

    /**
     * The buffer to encode the next message into.
     *
     * @return the buffer.
     */
    MutableDirectBuffer buffer();

    /**
     * Where in {@link #buffer()} the SBE message header of the next message goes.
     *
     * @return the offset.
     */
    int offset();

    /**
     * Send the message encoded at {@link #offset()}; the outbound sequence number advances even if the client is
     * not connected now (it can ask for a retransmission when it comes back).
     *
     * @param length bytes of SBE message, header included.
     */
    void commit(int length);
}
