#!/bin/sh
# Builds the AF_XDP setup library into the jar's classes: sh build-native.sh JAVA_HOME HEADER_DIR OUTPUT_DIR
# Where it cannot be built (not Linux, no C compiler, no JNI or kernel headers) it prints a warning and succeeds:
# the rest of the project still builds and the af_xdp backend reports at open why it is unavailable.
set -eu
java_home=$1
header_dir=$2
output_dir=$3
source_file=$(dirname "$0")/wirespeed_xdp.c
cc=${CC:-gcc}

skip()
{
    echo "[WARNING] wirespeed AF_XDP native library not built: $1; the af_xdp NIC backend will be unavailable"
    exit 0
}

[ "$(uname -s)" = Linux ] || skip "not Linux ($(uname -s))"
case $(uname -m) in
    x86_64 | amd64) platform=linux-x86_64 ;;
    aarch64 | arm64) platform=linux-aarch64 ;;
    *) skip "unsupported architecture $(uname -m)" ;;
esac
command -v "$cc" > /dev/null 2>&1 || skip "no C compiler '$cc' (install gcc, or point CC at one)"
[ -f "$java_home/include/jni.h" ] || skip "no JNI headers under $java_home/include (build with a JDK, not a JRE)"
[ -f "$header_dir/io_wirespeed_nic_xdp_XdpNative.h" ] || skip "javac wrote no JNI header to $header_dir"
printf '#include <linux/if_xdp.h>\n#include <linux/bpf.h>\n' | "$cc" -E -x c - > /dev/null 2>&1 ||
    skip "no Linux kernel headers for $cc (install linux-libc-dev)"

mkdir -p "$output_dir/$platform"
"$cc" -std=gnu11 -O2 -fPIC -shared -fvisibility=hidden -Wall -Wextra -Werror \
    -I"$java_home/include" -I"$java_home/include/linux" -I"$header_dir" \
    -o "$output_dir/$platform/libwirespeed-xdp.so" "$source_file"
echo "[INFO] wirespeed AF_XDP native library built: $output_dir/$platform/libwirespeed-xdp.so"
