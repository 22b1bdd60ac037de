/**
 * The iLink 3-style FIXP venue session, initiator side, with its message encoders and decoders.
 * <p>
 * Inbound, a business message is identified by its UUID and SeqNum and delivered once, in order: gaps are recovered
 * with RetransmitRequest, the previous session's messages (a {@link io.wirespeed.gateway.session.PreviousSession}
 * given at start) with LastUUID before the current UUID's. Alarms (a refused frame, an unknown previous UUID, a
 * refused retransmission, a NextSeqNo going back) are counted, handed to the error handler as
 * {@link io.wirespeed.gateway.session.VenueSessionAlarm} and reported to the order logic, which publishes them as
 * SessionEvents.
 */
package io.wirespeed.gateway.session;
