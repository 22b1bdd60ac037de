/**
 * The venue transport: SOFH-framed SBE messages over a byte stream, behind {@link
 * io.wirespeed.gateway.transport.VenueTransport}, with a busy-polled non-blocking kernel TCP implementation.
 */
package io.wirespeed.gateway.transport;
