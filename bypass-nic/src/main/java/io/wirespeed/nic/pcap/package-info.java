/**
 * The capture-file NIC backend: a {@link io.wirespeed.nic.pcap.PcapNicPort} replays classic pcap (micro- or
 * nanosecond, either byte order) and pcapng captures, Ethernet or Linux cooked ({@code tcpdump -i any}), one file or
 * several merged by recorded time, as one RX queue, as fast as possible or paced by the recorded timestamps, optionally
 * on the captures' own clock ({@link io.wirespeed.nic.pcap.CaptureClock}); and captures sent frames to a nanosecond
 * pcap file that Wireshark, tshark and tcpdump open.
 */
package io.wirespeed.nic.pcap;
