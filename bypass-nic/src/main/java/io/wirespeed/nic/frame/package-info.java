/**
 * The frame layer: allocation-free flyweights that read (decoders) and write (encoders) Ethernet II with one 802.1Q
 * tag, ARP, IPv4, UDP, IGMPv2/v3 and TCP headers in place, in network byte order, the Internet checksum, and a
 * {@link io.wirespeed.nic.frame.UdpView} over a whole Ethernet/IPv4/UDP frame with its decoder and encoder.
 */
package io.wirespeed.nic.frame;
