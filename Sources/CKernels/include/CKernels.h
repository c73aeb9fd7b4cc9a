#ifndef CKERNELS_H
#define CKERNELS_H
/*
 * Hot inner loops of ddx's numeric kernels: matrix-vector products of ggml-quantised weight rows with
 * quantised activations, in variants selected at run time: AVX-512 and AVX2 intrinsics on x86_64, NEON with the
 * dot-product extension on arm64 (each compiled for its instructions by target attributes, whatever the build's
 * baseline), and portable C. Each is tested
 * against a Swift reference implementation (Kernels/ReferenceDot.swift).
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

/*
 * Instruction-set variants. Every kernel exists once per variant; one variant is selected per process at load time
 * (the widest the CPU supports, or the one DDX_KERNELS names: scalar, avx2, avx512, neon) and the `ckern_*` functions
 * below run it. `ckern_kernels` reaches any supported variant directly (the tests compare each with the reference).
 */
enum { CKERN_SCALAR = 0, CKERN_AVX2 = 1, CKERN_AVX512 = 2, CKERN_NEON = 3 };

/// The variant the `ckern_*` functions run (a CKERN_* value).
int ckern_simd_level(void);
/// 1 when this CPU (and build) can run `level`'s code.
int ckern_supported(int level);
/// "scalar", "AVX2", "AVX-512" or "NEON".
const char *ckern_level_name(int level);

#define CK_GEMV_Q8 (long rows, long columns, const void *w, long row_bytes, const int8_t *q8, const float *d32, \
                    float *y)
#define CK_GEMV_Q8S (long rows, long columns, const void *w, long row_bytes, const int8_t *q8, const float *d32, \
                     const float *s32, float *y)
#define CK_GEMV_QK (long rows, long columns, const void *w, long row_bytes, const int8_t *q8, const float *d256, \
                    const int16_t *bsums, float *y)
#define CK_GEMV_F (long rows, long columns, const void *w, long row_bytes, const float *x, float *y)
#define CK_DEQUANT (const void *src, long blocks, float *out)
#define CK_DOT_F32 (const float *a, const float *b, long count, float *out)
#define CK_ATTN_SCORES (const float *query, const float *keys, long count, long dim, float scale, float *out)
#define CK_ATTN_MIX (const float *weights, const float *values, long count, long dim, float *out)
#define CK_SILU_MUL (float *gate, const float *up, long count)
#define CK_SOFTMAX (float *x, long count)

/// Every kernel as X(name, parameters, arguments). The gemv kernels compute y[r] = dot(row r, activation) over
/// `rows` rows (q8/d32/s32/d256/bsums as above; Q4_0 and Q5_0 take the o32 offsets in the s32 slot); the dequant
/// kernels turn contiguous blocks of the 32-value formats into floats (ggml's formulas, bit-identical to gguf-py);
/// dot_f32 writes Σ a[i]·b[i] to *out; for one query against `count` cached rows of `dim` floats, attn_scores writes
/// out[p] = scale · dot(query, keys + p·dim) and attn_mix writes out[0..<dim] = Σ_p weights[p] · (values + p·dim);
/// silu_mul sets gate[i] = silu(gate[i]) · up[i] and softmax turns x into softmax(x) in place (uniform when every
/// entry is −∞), both with the exp polynomial of Kernels/VectorOps.swift, so each variant gives the same values.
#define CK_KERNEL_LIST(X) \
    X(gemv_q8_0, CK_GEMV_Q8, (rows, columns, w, row_bytes, q8, d32, y)) \
    X(gemv_q4_0, CK_GEMV_Q8S, (rows, columns, w, row_bytes, q8, d32, s32, y)) \
    X(gemv_q4_1, CK_GEMV_Q8S, (rows, columns, w, row_bytes, q8, d32, s32, y)) \
    X(gemv_q5_0, CK_GEMV_Q8S, (rows, columns, w, row_bytes, q8, d32, s32, y)) \
    X(gemv_q5_1, CK_GEMV_Q8S, (rows, columns, w, row_bytes, q8, d32, s32, y)) \
    X(gemv_q4_K, CK_GEMV_QK, (rows, columns, w, row_bytes, q8, d256, bsums, y)) \
    X(gemv_q5_K, CK_GEMV_QK, (rows, columns, w, row_bytes, q8, d256, bsums, y)) \
    X(gemv_q6_K, CK_GEMV_QK, (rows, columns, w, row_bytes, q8, d256, bsums, y)) \
    X(dequant_q8_0, CK_DEQUANT, (src, blocks, out)) \
    X(dequant_q4_0, CK_DEQUANT, (src, blocks, out)) \
    X(dequant_q4_1, CK_DEQUANT, (src, blocks, out)) \
    X(dequant_q5_0, CK_DEQUANT, (src, blocks, out)) \
    X(dequant_q5_1, CK_DEQUANT, (src, blocks, out)) \
    X(gemv_f32, CK_GEMV_F, (rows, columns, w, row_bytes, x, y)) \
    X(gemv_f16, CK_GEMV_F, (rows, columns, w, row_bytes, x, y)) \
    X(gemv_bf16, CK_GEMV_F, (rows, columns, w, row_bytes, x, y)) \
    X(dot_f32, CK_DOT_F32, (a, b, count, out)) \
    X(attn_scores, CK_ATTN_SCORES, (query, keys, count, dim, scale, out)) \
    X(attn_mix, CK_ATTN_MIX, (weights, values, count, dim, out)) \
    X(silu_mul, CK_SILU_MUL, (gate, up, count)) \
    X(softmax, CK_SOFTMAX, (x, count))

/// One variant's kernels, as function pointers named like the exported kernels without `ckern_`.
#define CK_FIELD(name, params, args) void (*name) params;
typedef struct ckern_kernel_table { CK_KERNEL_LIST(CK_FIELD) } ckern_kernel_table;
#undef CK_FIELD

/// `level`'s kernels, or NULL when this CPU or build cannot run them.
const ckern_kernel_table *ckern_kernels(int level);

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
