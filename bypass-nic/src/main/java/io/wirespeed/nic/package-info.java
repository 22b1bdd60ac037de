/**
 * The NIC abstraction every other module stands on: poll-mode RX/TX bursts of raw Ethernet frames without copies,
 * its backends (shared-memory virtual NIC, AF_XDP, kernel sockets, pcap), fault injection, and the frame layer
 * (Ethernet, ARP, IPv4, UDP, IGMP, TCP headers and checksums). Code arrives with the bypass-nic issues.
 */
package io.wirespeed.nic;
