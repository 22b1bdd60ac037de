/**
 * The capture-file NIC backend: a {@link io.wirespeed.nic.pcap.PcapNicPort} replays classic pcap (micro- or
 * nanosecond, either byte order) and pcapng captures as an RX queue, as fast as polled or paced by the recorded
 * timestamps, and captures sent frames to a nanosecond pcap file that Wireshark, tshark and tcpdump open.
 */
package io.wirespeed.nic.pcap;
