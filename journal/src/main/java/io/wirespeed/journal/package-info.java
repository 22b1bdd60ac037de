/**
 * Chronicle Queue journaling of every stream (raw frames, normalized market data, orders, execution reports, risk
 * decisions, session and control events), readers, retention and restart recovery data. Code arrives with the journal
 * issue; its {@code system.properties} already turns Chronicle analytics off for every entry point.
 */
package io.wirespeed.journal;
