/**
 * The venue's order-entry side: the iLink 3-style FIXP acceptor (session layer) and the order-entry application
 * that matches client orders on the simulator's books. They meet at {@link io.wirespeed.sim.venue.VenueApplication}
 * and {@link io.wirespeed.sim.venue.VenueOutbound}.
 */
package io.wirespeed.sim.venue;
