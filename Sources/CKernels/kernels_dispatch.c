/*
 * Runtime selection of the kernel variant: the widest one this CPU supports (AVX-512, then AVX2 on x86_64; NEON
 * with dotprod on arm64; else the portable code), unless DDX_KERNELS names another (`scalar`, `avx2`, `avx512`,
 * `neon`; an unsupported one falls back to the best supported). The choice is made once, on first use; the Swift side
 * then calls through that variant's table (`ckern_kernels(ckern_simd_level())`).
 */
#include "kernel_variant.h"

#include <stdlib.h>
#include <string.h>
#if defined(__aarch64__) && defined(__linux__)
#include <sys/auxv.h>
#ifndef HWCAP_ASIMDDP
#define HWCAP_ASIMDDP (1 << 20)
#endif
#endif

#define CK_ENTRY_scalar(name, params, args) CK_NAME(ck_, name, scalar),
static const ckern_kernel_table ck_scalar_table = { CK_KERNEL_LIST(CK_ENTRY_scalar) };
#if defined(__x86_64__)
#define CK_ENTRY_avx2(name, params, args) CK_NAME(ck_, name, avx2),
#define CK_ENTRY_avx512(name, params, args) CK_NAME(ck_, name, avx512),
static const ckern_kernel_table ck_avx2_table = { CK_KERNEL_LIST(CK_ENTRY_avx2) };
static const ckern_kernel_table ck_avx512_table = { CK_KERNEL_LIST(CK_ENTRY_avx512) };
#endif
#if defined(__aarch64__)
#define CK_ENTRY_neon(name, params, args) CK_NAME(ck_, name, neon),
static const ckern_kernel_table ck_neon_table = { CK_KERNEL_LIST(CK_ENTRY_neon) };
#endif

static int ck_active_level = -1;

int ckern_supported(int level) {
    switch (level) {
    case CKERN_SCALAR: return 1;
#if defined(__x86_64__)
    case CKERN_AVX2:
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("f16c");
    case CKERN_AVX512:
        __builtin_cpu_init();
        return ckern_supported(CKERN_AVX2) && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw")
            && __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("bmi2");
#endif
#if defined(__aarch64__)
    case CKERN_NEON:
#if defined(__APPLE__)
        return 1;                                   /* every Apple arm64 CPU has the dot-product instructions */
#elif defined(__linux__)
        return (getauxval(AT_HWCAP) & HWCAP_ASIMDDP) != 0;
#else
        return 0;
#endif
#endif
    default: return 0;
    }
}

static const ckern_kernel_table *ck_table(int level) {
    switch (level) {
#if defined(__x86_64__)
    case CKERN_AVX2: return &ck_avx2_table;
    case CKERN_AVX512: return &ck_avx512_table;
#endif
#if defined(__aarch64__)
    case CKERN_NEON: return &ck_neon_table;
#endif
    default: return &ck_scalar_table;
    }
}

static int ck_best_level(void) {
    for (int level = CKERN_NEON; level > CKERN_SCALAR; level--)
        if (ckern_supported(level)) return level;
    return CKERN_SCALAR;
}

static int ck_select_variant(void) {
    int level = ck_best_level();
    const char *wanted = getenv("DDX_KERNELS");
    if (wanted) {
        int asked = -1;
        if (strcmp(wanted, "scalar") == 0) asked = CKERN_SCALAR;
        else if (strcmp(wanted, "avx2") == 0) asked = CKERN_AVX2;
        else if (strcmp(wanted, "avx512") == 0) asked = CKERN_AVX512;
        else if (strcmp(wanted, "neon") == 0) asked = CKERN_NEON;
        if (asked >= 0 && ckern_supported(asked)) level = asked;
    }
    return level;
}

int ckern_simd_level(void) {
    /* Chosen on first use; concurrent first calls compute the same value, so relaxed atomics suffice. */
    int level = __atomic_load_n(&ck_active_level, __ATOMIC_RELAXED);
    if (level < 0) {
        level = ck_select_variant();
        __atomic_store_n(&ck_active_level, level, __ATOMIC_RELAXED);
    }
    return level;
}

const char *ckern_level_name(int level) {
    switch (level) {
    case CKERN_AVX2: return "AVX2";
    case CKERN_AVX512: return "AVX-512";
    case CKERN_NEON: return "NEON";
    default: return "scalar";
    }
}

const ckern_kernel_table *ckern_kernels(int level) {
    return ckern_supported(level) ? ck_table(level) : NULL;
}
