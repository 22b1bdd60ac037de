/**
 * The AF_XDP backend: Linux kernel bypass through an AF_XDP socket whose UMEM and rings Java drives directly, set up
 * by a small JNI library built from src/main/c, behind the {@link io.wirespeed.nic.NicPort} interface.
 */
package io.wirespeed.nic.xdp;
