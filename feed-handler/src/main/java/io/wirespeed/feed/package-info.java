/**
 * Venue feed channels: A/B arbitration by MsgSeqNum, gap detection, snapshot recovery, instrument definitions,
 * MBP order books and normalized publication over Aeron IPC. Code arrives with the feed-path issue.
 */
package io.wirespeed.feed;
