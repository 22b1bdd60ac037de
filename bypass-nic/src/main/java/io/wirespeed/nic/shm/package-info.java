/**
 * The shared-memory virtual NIC, the embedded default backend: descriptor rings over a frame area in a memory-mapped
 * file shared with a peer process, like DPDK memif.
 */
package io.wirespeed.nic.shm;
