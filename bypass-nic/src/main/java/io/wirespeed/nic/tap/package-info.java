/**
 * Journal taps: how a hot thread hands a record to the journal without waiting for the disk. Each producing thread
 * owns one {@link io.wirespeed.nic.tap.TapRing} (a single-producer ring in a memory-mapped file, so a record written
 * before a kill -9 is still there for the next start to journal) and writes through a
 * {@link io.wirespeed.nic.tap.JournalTap}; the journal agent drains the rings.
 */
package io.wirespeed.nic.tap;
