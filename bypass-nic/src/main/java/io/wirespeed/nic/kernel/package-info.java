/**
 * The kernel-socket backend: ordinary non-blocking UDP sockets, busy-polled, behind the
 * {@link io.wirespeed.nic.NicPort} interface; the baseline every bypass figure is compared against, and the fallback
 * where no bypass is possible.
 */
package io.wirespeed.nic.kernel;
