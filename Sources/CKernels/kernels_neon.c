/* The NEON variant for arm64 CPUs with the dot-product extension (ARMv8.2 `dotprod`: Apple M1 and later, Neoverse,
 * Cortex-A76 and later): the Q8_0, Q4_0 and Q4_1 matvecs use `sdot`; the other kernels are the portable code,
 * vectorised by the compiler. The dispatcher runs it only where the CPU reports the extension. */
#if defined(__aarch64__)
#include <arm_neon.h>
#include <string.h>
#include "kernel_variant.h"
#if defined(__clang__)
#pragma clang attribute push(__attribute__((target("dotprod"))), apply_to = function)
#else
#pragma GCC push_options
#pragma GCC target("arch=armv8.2-a+dotprod")
#endif
#define CK_AVX2 0
#define CK_AVX512 0
#define CK_NEON 1
#define CK_SUFFIX neon
#include "kernel_bodies.h"
#if defined(__clang__)
#pragma clang attribute pop
#else
#pragma GCC pop_options
#endif
#endif
