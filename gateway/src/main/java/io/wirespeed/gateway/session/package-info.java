/**
 * The iLink 3-style FIXP venue session, initiator side, with its message encoders and decoders.
 */
package io.wirespeed.gateway.session;
