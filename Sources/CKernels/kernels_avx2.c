/* The AVX2 variant (with FMA and F16C), compiled for those instructions whatever the build's baseline; the
 * dispatcher runs it only on CPUs that report all three. */
#if defined(__x86_64__)
#include <immintrin.h>
#include <string.h>
#include "kernel_variant.h"
#pragma clang attribute push(__attribute__((target("avx2,fma,f16c"))), apply_to = function)
#define CK_AVX2 1
#define CK_AVX512 0
#define CK_SUFFIX avx2
#include "kernel_bodies.h"
#pragma clang attribute pop
#endif
