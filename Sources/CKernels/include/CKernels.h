#ifndef CKERNELS_H
#define CKERNELS_H
/*
 * Hot inner loops of ddx's numeric kernels: matrix-vector products of ggml-quantised weight rows with
 * quantised activations. Built with -O3 -mavx2 -mfma -mf16c on x86_64 (AVX2 intrinsics); every function has a
 * portable scalar fallback, and a Swift reference implementation (Kernels/ReferenceDot.swift) the tests compare
 * it against.
 *
 * Activation layouts (written by the Swift side, not ggml's block structs):
 *   q8   : int8 quants, contiguous, `columns` entries (padded to a multiple of 32)
 *   d32  : one float scale per 32 values (already rounded to binary16, as ggml stores it in block_q8_0/q8_1)
 *   s32  : one float per 32 values, binary16-rounded d*sum(q) (block_q8_1's `s`)
 *   o32  : one float per 32 values, -8*d*sum(q) with the rounded d (the Q4_0 offset term)
 *   d256 : one float scale per 256 values (block_q8_K's `d`)
 *   bsums: one int16 per 16 values, the sum of those quants (block_q8_K's `bsums`)
 *
 * Every gemv computes y[r] = dot(row r, activation) for r in [0, rows), row r starting at w + r*row_bytes.
 */
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// 1 when the AVX2 code paths were compiled in, 0 for the portable scalar fallback.
int ckern_simd_level(void);

void ckern_gemv_q8_0(long rows, long columns, const void *w, long row_bytes,
                     const int8_t *q8, const float *d32, float *y);
void ckern_gemv_q4_0(long rows, long columns, const void *w, long row_bytes,
                     const int8_t *q8, const float *d32, const float *o32, float *y);
void ckern_gemv_q4_1(long rows, long columns, const void *w, long row_bytes,
                     const int8_t *q8, const float *d32, const float *s32, float *y);
void ckern_gemv_q5_0(long rows, long columns, const void *w, long row_bytes,
                     const int8_t *q8, const float *d32, const float *o32, float *y);
void ckern_gemv_q5_1(long rows, long columns, const void *w, long row_bytes,
                     const int8_t *q8, const float *d32, const float *s32, float *y);
void ckern_gemv_q4_K(long rows, long columns, const void *w, long row_bytes,
                     const int8_t *q8, const float *d256, const int16_t *bsums, float *y);
void ckern_gemv_q5_K(long rows, long columns, const void *w, long row_bytes,
                     const int8_t *q8, const float *d256, const int16_t *bsums, float *y);
void ckern_gemv_q6_K(long rows, long columns, const void *w, long row_bytes,
                     const int8_t *q8, const float *d256, const int16_t *bsums, float *y);

/// Contiguous blocks of the 32-value formats to floats (ggml's formulas, bit-identical to gguf-py's dequantize).
void ckern_dequant_q8_0(const void *src, long blocks, float *out);
void ckern_dequant_q4_0(const void *src, long blocks, float *out);
void ckern_dequant_q4_1(const void *src, long blocks, float *out);
void ckern_dequant_q5_0(const void *src, long blocks, float *out);
void ckern_dequant_q5_1(const void *src, long blocks, float *out);

void ckern_gemv_f32(long rows, long columns, const void *w, long row_bytes, const float *x, float *y);
void ckern_gemv_f16(long rows, long columns, const void *w, long row_bytes, const float *x, float *y);
void ckern_gemv_bf16(long rows, long columns, const void *w, long row_bytes, const float *x, float *y);

/// A spin-wait hint (`pause` on x86, `yield` on arm64).
static inline void ckern_cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

#ifdef __cplusplus
}
#endif
#endif
