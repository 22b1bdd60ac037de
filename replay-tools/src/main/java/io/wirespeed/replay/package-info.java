/**
 * pcap and journal import/export, replay of captured sessions through the live pipeline, and inspection tools.
 * {@link io.wirespeed.replay.ReplayParticipant} is what an order replay plugs into the feed replay.
 */
package io.wirespeed.replay;
