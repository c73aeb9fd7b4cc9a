/* The AVX-512 variant (F, BW, VL, DQ, plus AVX2/FMA/F16C): the AVX2 code compiled with EVEX encodings and 32 vector
 * registers, and 512-bit bodies where CK_AVX512 selects them; the dispatcher runs it only on CPUs that report all. */
#if defined(__x86_64__)
#include <immintrin.h>
#include <string.h>
#include "kernel_variant.h"
#pragma clang attribute push(__attribute__((target("avx512f,avx512bw,avx512vl,avx512dq,avx2,fma,f16c,bmi2"))), apply_to = function)
#define CK_AVX2 1
#define CK_AVX512 1
#define CK_SUFFIX avx512
#include "kernel_bodies.h"
#pragma clang attribute pop
#endif
