/**
 * pcap and journal import/export, replay of captured sessions through the live pipeline, and inspection tools.
 * Code arrives with the replay issue.
 */
package io.wirespeed.replay;
