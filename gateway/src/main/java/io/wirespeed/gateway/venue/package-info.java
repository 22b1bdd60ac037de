/**
 * The boundary between the gateway's order logic and a venue session: {@link io.wirespeed.gateway.venue.VenueSession}
 * is what the order logic asks of the venue, {@link io.wirespeed.gateway.venue.VenueListener} is what the venue
 * session reports back. The iLink 3-style FIXP session implements the first and drives the second; the order logic
 * knows neither the wire protocol nor the transport.
 */
package io.wirespeed.gateway.venue;
