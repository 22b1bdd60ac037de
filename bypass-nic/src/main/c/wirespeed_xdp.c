/*
 * wirespeed AF_XDP setup library: the system calls that open an AF_XDP socket, its UMEM and rings, and load and
 * attach the filtering XDP program. Setup only: the Java side drives the mapped rings itself, and calls in here on
 * the data path only for the wakeups the rings' need-wakeup flags ask for.
 *
 * Raw system calls, no libbpf or libxdp. Every function returns a non-negative result or -errno.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <linux/bpf.h>
#include <linux/if_link.h>
#include <linux/if_xdp.h>

#include <jni.h>
#include "io_wirespeed_nic_xdp_XdpNative.h"

#ifndef AF_XDP
#define AF_XDP 44
#endif
#ifndef SOL_XDP
#define SOL_XDP 283
#endif

#define RING_FILL 0
#define RING_COMPLETION 1
#define RING_RX 2
#define RING_TX 3

#define FILTER_KEY_SIZE 8
#define STATISTICS_COUNT 6
#define OFFSETS_COUNT 16

static int fail(void)
{
    return -errno;
}

static long bpf(const int cmd, union bpf_attr *attr)
{
    return syscall(__NR_bpf, cmd, attr, sizeof(*attr));
}

JNIEXPORT jint JNICALL Java_io_wirespeed_nic_xdp_XdpNative_interfaceIndex(
    JNIEnv *env, jclass type, jstring name)
{
    (void)type;
    const char *chars = (*env)->GetStringUTFChars(env, name, NULL);
    if (NULL == chars)
    {
        return -ENOMEM;
    }
    const unsigned int index = if_nametoindex(chars);
    const int error = errno;
    (*env)->ReleaseStringUTFChars(env, name, chars);
    return 0 == index ? -error : (jint)index;
}

JNIEXPORT jint JNICALL Java_io_wirespeed_nic_xdp_XdpNative_openSocket(JNIEnv *env, jclass type)
{
    (void)env;
    (void)type;
    const int fd = socket(AF_XDP, SOCK_RAW | SOCK_CLOEXEC, 0);
    return fd < 0 ? fail() : fd;
}

JNIEXPORT jlong JNICALL Java_io_wirespeed_nic_xdp_XdpNative_mapMemory(
    JNIEnv *env, jclass type, jlong length, jboolean hugePages)
{
    (void)env;
    (void)type;
    const int flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE | (hugePages ? MAP_HUGETLB : 0);
    void *address = mmap(NULL, (size_t)length, PROT_READ | PROT_WRITE, flags, -1, 0);
    return MAP_FAILED == address ? (jlong)fail() : (jlong)(uintptr_t)address;
}

JNIEXPORT jint JNICALL Java_io_wirespeed_nic_xdp_XdpNative_unmapMemory(
    JNIEnv *env, jclass type, jlong address, jlong length)
{
    (void)env;
    (void)type;
    return munmap((void *)(uintptr_t)address, (size_t)length) < 0 ? fail() : 0;
}

JNIEXPORT jint JNICALL Java_io_wirespeed_nic_xdp_XdpNative_registerUmem(
    JNIEnv *env, jclass type, jint fd, jlong address, jlong length, jint frameSize)
{
    (void)env;
    (void)type;
    struct xdp_umem_reg reg;
    memset(&reg, 0, sizeof(reg));
    reg.addr = (uint64_t)address;
    reg.len = (uint64_t)length;
    reg.chunk_size = (uint32_t)frameSize;
    reg.headroom = 0;
    reg.flags = 0;
    return setsockopt(fd, SOL_XDP, XDP_UMEM_REG, &reg, sizeof(reg)) < 0 ? fail() : 0;
}

static int ring_option(const int ring)
{
    switch (ring)
    {
        case RING_FILL: return XDP_UMEM_FILL_RING;
        case RING_COMPLETION: return XDP_UMEM_COMPLETION_RING;
        case RING_RX: return XDP_RX_RING;
        case RING_TX: return XDP_TX_RING;
        default: return -1;
    }
}

JNIEXPORT jint JNICALL Java_io_wirespeed_nic_xdp_XdpNative_ringSize(
    JNIEnv *env, jclass type, jint fd, jint ring, jint size)
{
    (void)env;
    (void)type;
    const int option = ring_option(ring);
    if (option < 0)
    {
        return -EINVAL;
    }
    const int entries = size;
    return setsockopt(fd, SOL_XDP, option, &entries, sizeof(entries)) < 0 ? fail() : 0;
}

static void put_ring_offsets(jlong *out, const struct xdp_ring_offset *ring)
{
    out[0] = (jlong)ring->producer;
    out[1] = (jlong)ring->consumer;
    out[2] = (jlong)ring->desc;
    out[3] = (jlong)ring->flags;
}

JNIEXPORT jint JNICALL Java_io_wirespeed_nic_xdp_XdpNative_ringOffsets(
    JNIEnv *env, jclass type, jint fd, jlongArray offsets)
{
    (void)type;
    struct xdp_mmap_offsets mmap_offsets;
    memset(&mmap_offsets, 0, sizeof(mmap_offsets));
    socklen_t length = sizeof(mmap_offsets);
    if (getsockopt(fd, SOL_XDP, XDP_MMAP_OFFSETS, &mmap_offsets, &length) < 0)
    {
        return fail();
    }
    if (length < sizeof(mmap_offsets))
    {
        return -EOPNOTSUPP;
    }

    jlong values[OFFSETS_COUNT];
    put_ring_offsets(values + 4 * RING_FILL, &mmap_offsets.fr);
    put_ring_offsets(values + 4 * RING_COMPLETION, &mmap_offsets.cr);
    put_ring_offsets(values + 4 * RING_RX, &mmap_offsets.rx);
    put_ring_offsets(values + 4 * RING_TX, &mmap_offsets.tx);
    (*env)->SetLongArrayRegion(env, offsets, 0, OFFSETS_COUNT, values);
    return 0;
}

JNIEXPORT jlong JNICALL Java_io_wirespeed_nic_xdp_XdpNative_mapRing(
    JNIEnv *env, jclass type, jint fd, jint ring, jlong length)
{
    (void)env;
    (void)type;
    off_t page_offset;
    switch (ring)
    {
        case RING_FILL: page_offset = (off_t)XDP_UMEM_PGOFF_FILL_RING; break;
        case RING_COMPLETION: page_offset = (off_t)XDP_UMEM_PGOFF_COMPLETION_RING; break;
        case RING_RX: page_offset = (off_t)XDP_PGOFF_RX_RING; break;
        case RING_TX: page_offset = (off_t)XDP_PGOFF_TX_RING; break;
        default: return -EINVAL;
    }
    void *address = mmap(
        NULL, (size_t)length, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd, page_offset);
    return MAP_FAILED == address ? (jlong)fail() : (jlong)(uintptr_t)address;
}

JNIEXPORT jint JNICALL Java_io_wirespeed_nic_xdp_XdpNative_bind(
    JNIEnv *env, jclass type, jint fd, jint ifIndex, jint queue, jboolean zeroCopy)
{
    (void)env;
    (void)type;
    struct sockaddr_xdp address;
    memset(&address, 0, sizeof(address));
    address.sxdp_family = AF_XDP;
    address.sxdp_ifindex = (uint32_t)ifIndex;
    address.sxdp_queue_id = (uint32_t)queue;
    address.sxdp_flags = (uint16_t)((zeroCopy ? XDP_ZEROCOPY : XDP_COPY) | XDP_USE_NEED_WAKEUP);
    return bind(fd, (struct sockaddr *)&address, sizeof(address)) < 0 ? fail() : 0;
}

JNIEXPORT jint JNICALL Java_io_wirespeed_nic_xdp_XdpNative_zeroCopyInUse(JNIEnv *env, jclass type, jint fd)
{
    (void)env;
    (void)type;
    struct xdp_options options;
    memset(&options, 0, sizeof(options));
    socklen_t length = sizeof(options);
    if (getsockopt(fd, SOL_XDP, XDP_OPTIONS, &options, &length) < 0)
    {
        return fail();
    }
    return (options.flags & XDP_OPTIONS_ZEROCOPY) ? 1 : 0;
}

static int create_map(const enum bpf_map_type map_type, const char *name, const uint32_t key_size,
    const uint32_t value_size, const uint32_t entries)
{
    union bpf_attr attr;
    memset(&attr, 0, sizeof(attr));
    attr.map_type = map_type;
    attr.key_size = key_size;
    attr.value_size = value_size;
    attr.max_entries = entries;
    strncpy(attr.map_name, name, sizeof(attr.map_name) - 1);
    const long fd = bpf(BPF_MAP_CREATE, &attr);
    return fd < 0 ? fail() : (int)fd;
}

JNIEXPORT jint JNICALL Java_io_wirespeed_nic_xdp_XdpNative_createSocketMap(JNIEnv *env, jclass type, jint entries)
{
    (void)env;
    (void)type;
    return create_map(BPF_MAP_TYPE_XSKMAP, "ws_xsks", sizeof(uint32_t), sizeof(uint32_t), (uint32_t)entries);
}

JNIEXPORT jint JNICALL Java_io_wirespeed_nic_xdp_XdpNative_createFilterMap(JNIEnv *env, jclass type, jint entries)
{
    (void)env;
    (void)type;
    return create_map(BPF_MAP_TYPE_HASH, "ws_filter", FILTER_KEY_SIZE, sizeof(uint32_t), (uint32_t)entries);
}

static int update_element(const int map_fd, const void *key, const void *value)
{
    union bpf_attr attr;
    memset(&attr, 0, sizeof(attr));
    attr.map_fd = (uint32_t)map_fd;
    attr.key = (uint64_t)(uintptr_t)key;
    attr.value = (uint64_t)(uintptr_t)value;
    attr.flags = BPF_ANY;
    return bpf(BPF_MAP_UPDATE_ELEM, &attr) < 0 ? fail() : 0;
}

JNIEXPORT jint JNICALL Java_io_wirespeed_nic_xdp_XdpNative_putSocket(
    JNIEnv *env, jclass type, jint mapFd, jint key, jint socketFd)
{
    (void)env;
    (void)type;
    const uint32_t index = (uint32_t)key;
    const uint32_t fd = (uint32_t)socketFd;
    return update_element(mapFd, &index, &fd);
}

/*
 * Filter key, as the program builds it on its stack from the packet's bytes:
 *
 *   0               4       6       8
 *   +---------------+-------+-------+
 *   | IPv4 dst (BE) | port  | 0     |
 *   +---------------+-------+-------+
 *
 * A destination address of 0 matches every destination with that port.
 */
static void filter_key(uint8_t *key, const jint address, const jint port)
{
    const uint32_t address_be = htonl((uint32_t)address);
    const uint16_t port_be = htons((uint16_t)port);
    memset(key, 0, FILTER_KEY_SIZE);
    memcpy(key, &address_be, sizeof(address_be));
    memcpy(key + 4, &port_be, sizeof(port_be));
}

JNIEXPORT jint JNICALL Java_io_wirespeed_nic_xdp_XdpNative_addFilter(
    JNIEnv *env, jclass type, jint mapFd, jint address, jint port)
{
    (void)env;
    (void)type;
    uint8_t key[FILTER_KEY_SIZE];
    const uint32_t value = 1;
    filter_key(key, address, port);
    return update_element(mapFd, key, &value);
}

JNIEXPORT jint JNICALL Java_io_wirespeed_nic_xdp_XdpNative_removeFilter(
    JNIEnv *env, jclass type, jint mapFd, jint address, jint port)
{
    (void)env;
    (void)type;
    uint8_t key[FILTER_KEY_SIZE];
    filter_key(key, address, port);
    union bpf_attr attr;
    memset(&attr, 0, sizeof(attr));
    attr.map_fd = (uint32_t)mapFd;
    attr.key = (uint64_t)(uintptr_t)key;
    return bpf(BPF_MAP_DELETE_ELEM, &attr) < 0 ? fail() : 0;
}

#define INSN(CODE, DST, SRC, OFF, IMM) \
    ((struct bpf_insn){ .code = (CODE), .dst_reg = (DST), .src_reg = (SRC), .off = (OFF), .imm = (IMM) })
#define MOV64_REG(DST, SRC) INSN(BPF_ALU64 | BPF_MOV | BPF_X, DST, SRC, 0, 0)
#define MOV64_IMM(DST, IMM) INSN(BPF_ALU64 | BPF_MOV | BPF_K, DST, 0, 0, IMM)
#define ADD64_IMM(DST, IMM) INSN(BPF_ALU64 | BPF_ADD | BPF_K, DST, 0, 0, IMM)
#define AND64_IMM(DST, IMM) INSN(BPF_ALU64 | BPF_AND | BPF_K, DST, 0, 0, IMM)
#define LDX(SIZE, DST, SRC, OFF) INSN(BPF_LDX | SIZE | BPF_MEM, DST, SRC, OFF, 0)
#define STX(SIZE, DST, SRC, OFF) INSN(BPF_STX | SIZE | BPF_MEM, DST, SRC, OFF, 0)
#define ST(SIZE, DST, OFF, IMM) INSN(BPF_ST | SIZE | BPF_MEM, DST, 0, OFF, IMM)
#define JMP_REG(OP, DST, SRC, AT, TARGET) INSN(BPF_JMP | OP | BPF_X, DST, SRC, (TARGET) - (AT) - 1, 0)
#define JMP_IMM(OP, DST, IMM, AT, TARGET) INSN(BPF_JMP | OP | BPF_K, DST, 0, (TARGET) - (AT) - 1, IMM)
#define LD_MAP_FD(DST, FD) \
    INSN(BPF_LD | BPF_DW | BPF_IMM, DST, BPF_PSEUDO_MAP_FD, 0, FD), INSN(0, 0, 0, 0, 0)
#define CALL(HELPER) INSN(BPF_JMP | BPF_CALL, 0, 0, 0, HELPER)
#define EXIT() INSN(BPF_JMP | BPF_EXIT, 0, 0, 0, 0)

#define R0 BPF_REG_0
#define R1 BPF_REG_1
#define R2 BPF_REG_2
#define R3 BPF_REG_3
#define R4 BPF_REG_4
#define R6 BPF_REG_6
#define R10 BPF_REG_10

/* Frame offsets: untagged Ethernet, IPv4 without options, UDP. */
#define ETHER_TYPE_OFFSET 12
#define IP_OFFSET 14
#define IP_FRAGMENT_OFFSET (IP_OFFSET + 6)
#define IP_PROTOCOL_OFFSET (IP_OFFSET + 9)
#define IP_DESTINATION_OFFSET (IP_OFFSET + 16)
#define UDP_DESTINATION_PORT_OFFSET (IP_OFFSET + 20 + 2)
#define UDP_HEADER_END (IP_OFFSET + 20 + 8)

/* Values as a little-endian load of the network-order bytes sees them. */
#define ETHER_TYPE_IPV4_LOADED 0x0008
#define IP_VERSION_4_NO_OPTIONS 0x45
#define IP_PROTOCOL_UDP 17
#define IP_MORE_FRAGMENTS_AND_OFFSET_LOADED 0xff3f

#define LABEL_REDIRECT 32
#define LABEL_PASS 38
#define PROGRAM_LENGTH 40

/*
 * The XDP program, hand-assembled: frames that are untagged IPv4 without options, UDP, not fragments, and whose
 * (destination address, destination port) or (any, destination port) is in the filter map go to the AF_XDP socket in
 * the socket map at the frame's RX queue index; everything else, and every frame of a queue without a socket, goes on
 * to the kernel (XDP_PASS), so ARP, ICMP, TCP and other UDP traffic keep working.
 */
static int build_program(struct bpf_insn *program, const int socket_map_fd, const int filter_map_fd)
{
    const struct bpf_insn instructions[PROGRAM_LENGTH] =
    {
        /*  0 */ MOV64_REG(R6, R1),
        /*  1 */ LDX(BPF_W, R2, R6, offsetof(struct xdp_md, data)),
        /*  2 */ LDX(BPF_W, R3, R6, offsetof(struct xdp_md, data_end)),
        /*  3 */ MOV64_REG(R4, R2),
        /*  4 */ ADD64_IMM(R4, UDP_HEADER_END),
        /*  5 */ JMP_REG(BPF_JGT, R4, R3, 5, LABEL_PASS),
        /*  6 */ LDX(BPF_H, R4, R2, ETHER_TYPE_OFFSET),
        /*  7 */ JMP_IMM(BPF_JNE, R4, ETHER_TYPE_IPV4_LOADED, 7, LABEL_PASS),
        /*  8 */ LDX(BPF_B, R4, R2, IP_OFFSET),
        /*  9 */ JMP_IMM(BPF_JNE, R4, IP_VERSION_4_NO_OPTIONS, 9, LABEL_PASS),
        /* 10 */ LDX(BPF_B, R4, R2, IP_PROTOCOL_OFFSET),
        /* 11 */ JMP_IMM(BPF_JNE, R4, IP_PROTOCOL_UDP, 11, LABEL_PASS),
        /* 12 */ LDX(BPF_H, R4, R2, IP_FRAGMENT_OFFSET),
        /* 13 */ AND64_IMM(R4, IP_MORE_FRAGMENTS_AND_OFFSET_LOADED),
        /* 14 */ JMP_IMM(BPF_JNE, R4, 0, 14, LABEL_PASS),
        /* 15 */ LDX(BPF_W, R4, R2, IP_DESTINATION_OFFSET),
        /* 16 */ STX(BPF_W, R10, R4, -8),
        /* 17 */ LDX(BPF_H, R4, R2, UDP_DESTINATION_PORT_OFFSET),
        /* 18 */ STX(BPF_W, R10, R4, -4),
        /* 19 */ LD_MAP_FD(R1, filter_map_fd),
        /* 21 */ MOV64_REG(R2, R10),
        /* 22 */ ADD64_IMM(R2, -8),
        /* 23 */ CALL(BPF_FUNC_map_lookup_elem),
        /* 24 */ JMP_IMM(BPF_JNE, R0, 0, 24, LABEL_REDIRECT),
        /* 25 */ ST(BPF_W, R10, -8, 0),
        /* 26 */ LD_MAP_FD(R1, filter_map_fd),
        /* 28 */ MOV64_REG(R2, R10),
        /* 29 */ ADD64_IMM(R2, -8),
        /* 30 */ CALL(BPF_FUNC_map_lookup_elem),
        /* 31 */ JMP_IMM(BPF_JEQ, R0, 0, 31, LABEL_PASS),
        /* 32 */ LDX(BPF_W, R2, R6, offsetof(struct xdp_md, rx_queue_index)),
        /* 33 */ LD_MAP_FD(R1, socket_map_fd),
        /* 35 */ MOV64_IMM(R3, XDP_PASS),
        /* 36 */ CALL(BPF_FUNC_redirect_map),
        /* 37 */ EXIT(),
        /* 38 */ MOV64_IMM(R0, XDP_PASS),
        /* 39 */ EXIT(),
    };
    memcpy(program, instructions, sizeof(instructions));
    return PROGRAM_LENGTH;
}

static long load_program(const struct bpf_insn *program, const int length, char *log, const uint32_t log_size)
{
    static const char license[] = "Dual BSD/GPL";
    union bpf_attr attr;
    memset(&attr, 0, sizeof(attr));
    attr.prog_type = BPF_PROG_TYPE_XDP;
    attr.expected_attach_type = BPF_XDP;
    attr.insns = (uint64_t)(uintptr_t)program;
    attr.insn_cnt = (uint32_t)length;
    attr.license = (uint64_t)(uintptr_t)license;
    strncpy(attr.prog_name, "wirespeed_xdp", sizeof(attr.prog_name) - 1);
    if (NULL != log)
    {
        attr.log_level = 1;
        attr.log_buf = (uint64_t)(uintptr_t)log;
        attr.log_size = log_size;
    }
    return bpf(BPF_PROG_LOAD, &attr);
}

JNIEXPORT jint JNICALL Java_io_wirespeed_nic_xdp_XdpNative_loadProgram(
    JNIEnv *env, jclass type, jint socketMapFd, jint filterMapFd, jbyteArray log)
{
    (void)type;
    struct bpf_insn program[PROGRAM_LENGTH];
    const int length = build_program(program, socketMapFd, filterMapFd);
    const long fd = load_program(program, length, NULL, 0);
    if (fd >= 0)
    {
        return (jint)fd;
    }

    const int error = errno;
    if (NULL != log && (EACCES == error || EINVAL == error))
    {
        const jsize log_size = (*env)->GetArrayLength(env, log);
        jbyte *log_bytes = (*env)->GetByteArrayElements(env, log, NULL);
        if (NULL != log_bytes && log_size > 1)
        {
            memset(log_bytes, 0, (size_t)log_size);
            const long retry = load_program(program, length, (char *)log_bytes, (uint32_t)log_size - 1);
            if (retry >= 0)
            {
                close((int)retry);
            }
            (*env)->ReleaseByteArrayElements(env, log, log_bytes, 0);
        }
    }
    return -error;
}

JNIEXPORT jint JNICALL Java_io_wirespeed_nic_xdp_XdpNative_attachProgram(
    JNIEnv *env, jclass type, jint programFd, jint ifIndex, jboolean nativeMode)
{
    (void)env;
    (void)type;
    union bpf_attr attr;
    memset(&attr, 0, sizeof(attr));
    attr.link_create.prog_fd = (uint32_t)programFd;
    attr.link_create.target_ifindex = (uint32_t)ifIndex;
    attr.link_create.attach_type = BPF_XDP;
    attr.link_create.flags = nativeMode ? XDP_FLAGS_DRV_MODE : XDP_FLAGS_SKB_MODE;
    const long fd = bpf(BPF_LINK_CREATE, &attr);
    return fd < 0 ? fail() : (jint)fd;
}

JNIEXPORT jint JNICALL Java_io_wirespeed_nic_xdp_XdpNative_wakeTx(JNIEnv *env, jclass type, jint fd)
{
    (void)env;
    (void)type;
    return sendto(fd, NULL, 0, MSG_DONTWAIT, NULL, 0) < 0 ? fail() : 0;
}

JNIEXPORT jint JNICALL Java_io_wirespeed_nic_xdp_XdpNative_wakeRx(JNIEnv *env, jclass type, jint fd)
{
    (void)env;
    (void)type;
    return recvfrom(fd, NULL, 0, MSG_DONTWAIT, NULL, NULL) < 0 ? fail() : 0;
}

JNIEXPORT jint JNICALL Java_io_wirespeed_nic_xdp_XdpNative_statistics(
    JNIEnv *env, jclass type, jint fd, jlongArray values)
{
    (void)type;
    struct xdp_statistics statistics;
    memset(&statistics, 0, sizeof(statistics));
    socklen_t length = sizeof(statistics);
    if (getsockopt(fd, SOL_XDP, XDP_STATISTICS, &statistics, &length) < 0)
    {
        return fail();
    }
    const jlong out[STATISTICS_COUNT] =
    {
        (jlong)statistics.rx_dropped,
        (jlong)statistics.rx_invalid_descs,
        (jlong)statistics.tx_invalid_descs,
        (jlong)statistics.rx_ring_full,
        (jlong)statistics.rx_fill_ring_empty_descs,
        (jlong)statistics.tx_ring_empty_descs,
    };
    (*env)->SetLongArrayRegion(env, values, 0, STATISTICS_COUNT, out);
    return 0;
}

JNIEXPORT jint JNICALL Java_io_wirespeed_nic_xdp_XdpNative_close(JNIEnv *env, jclass type, jint fd)
{
    (void)env;
    (void)type;
    return close(fd) < 0 ? fail() : 0;
}

JNIEXPORT jstring JNICALL Java_io_wirespeed_nic_xdp_XdpNative_errorText(JNIEnv *env, jclass type, jint error)
{
    (void)type;
    char text[256];
    const char *message = strerror_r(error, text, sizeof(text));
    return (*env)->NewStringUTF(env, message);
}
