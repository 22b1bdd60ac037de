/**
 * Seeded fault injection (loss, duplication, reordering, delay) wrapped around any NIC backend's RX queues, switched
 * on per feed from configuration, modelled on Aeron's loss generators.
 */
package io.wirespeed.nic.fault;
