/**
 * The venue's order-entry side, written from CME's iLink 3 documentation and sharing no code with the gateway it is
 * the counterparty of: the FIXP acceptor (SOFH framing, HMAC, Negotiate/Establish, sequencing, keepalive,
 * retransmission, across the UUIDs a client negotiates) and the order-entry application that matches client orders
 * on the simulator's books and answers status requests. They meet at {@link io.wirespeed.sim.venue.VenueApplication}
 * and {@link io.wirespeed.sim.venue.VenueOutbound}.
 */
package io.wirespeed.sim.venue;
