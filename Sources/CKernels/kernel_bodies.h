/*
 * The kernel bodies, compiled once per instruction-set variant: kernels_scalar.c, kernels_avx2.c and
 * kernels_avx512.c include this file after defining CK_AVX2 (0 or 1), CK_AVX512 (0 or 1) and CK_SUFFIX, so each
 * exported kernel `ckern_NAME` becomes `ck_NAME_<suffix>` in that variant; kernels_dispatch.c picks one variant per
 * process (see CKernels.h). No include guard: it is meant to be included once per translation unit.
 *
 * Matrix-vector kernels for ggml-quantised weights (see include/CKernels.h for the activation layouts).
 *
 * Weight block layouts are ggml's block_q8_0 / q4_0 / q4_1 / q4_K / q5_K / q6_K (ggml-common.h); the activation
 * pairing (Q8_0 for Q4_0 and Q8_0, Q8_1 for Q4_1, Q8_K for the K-quants) and the per-block integer-sum-then-scale
 * arithmetic are those of ggml's ggml_vec_dot_*_q8_* reference implementations (ggml-cpu/quants.c). The AVX2 code is
 * our own: unsigned-by-signed byte products (vpmaddubsw) summed into 32-bit lanes (vpmaddwd), one float FMA per block.
 */

#include "kernel_variant.h"

#include <string.h>

/* No implicit a*b+c fusion: the dequantisers must match gguf-py bit for bit, and silu/softmax must give the same
 * values in every variant. FMAs are written out where wanted. */
#pragma STDC FP_CONTRACT OFF

#ifndef CK_NEON
#define CK_NEON 0
#endif

static inline uint16_t ck_load_u16(const uint8_t *p) {
    uint16_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

#if CK_AVX2
static inline float ck_half(const uint8_t *p) { return _cvtsh_ss(ck_load_u16(p)); }
#elif CK_NEON
static inline float ck_half(const uint8_t *p) {
    __fp16 h;
    memcpy(&h, p, sizeof h);
    return (float)h;
}
#else
/* IEEE binary16 -> binary32, exact for every input (normals, subnormals, infinities, NaNs). */
static inline float ck_half(const uint8_t *p) {
    const uint16_t h = ck_load_u16(p);
    const uint32_t sign = (uint32_t)(h & 0x8000u) << 16;
    const uint32_t exponent = (h >> 10) & 0x1fu;
    const uint32_t mantissa = h & 0x3ffu;
    uint32_t bits;
    if (exponent == 0) {
        float f = (float)mantissa * 5.9604644775390625e-8f; /* mantissa * 2^-24 */
        memcpy(&bits, &f, sizeof bits);
        bits |= sign;
    } else if (exponent == 31) {
        bits = sign | 0x7f800000u | (mantissa << 13);
    } else {
        bits = sign | ((exponent + 112u) << 23) | (mantissa << 13);
    }
    float f;
    memcpy(&f, &bits, sizeof f);
    return f;
}
#endif

/* The 6-bit scales and mins of a Q4_K / Q5_K super-block, unpacked from its 12 scale bytes.
 * Packing as ggml's get_scale_min_k4 (ggml-quants.c). */
static inline void ck_k4_scales(const uint8_t *s, uint8_t sc[8], uint8_t mn[8]) {
    for (int j = 0; j < 4; j++) {
        sc[j] = s[j] & 63;
        mn[j] = s[j + 4] & 63;
    }
    for (int j = 4; j < 8; j++) {
        sc[j] = (uint8_t)((s[j + 4] & 0xF) | ((s[j - 4] >> 6) << 4));
        mn[j] = (uint8_t)((s[j + 4] >> 4) | ((s[j] >> 6) << 4));
    }
}

#if CK_AVX2
static inline float ck_hsum_ps(__m256 v) {
    __m128 r = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    r = _mm_add_ps(r, _mm_movehl_ps(r, r));
    r = _mm_add_ss(r, _mm_movehdup_ps(r));
    return _mm_cvtss_f32(r);
}

static inline __m256i ck_loadu(const void *p) { return _mm256_loadu_si256((const __m256i *)p); }

/* 16 bytes of packed nibbles -> 32 bytes: low nibbles in bytes 0-15, high nibbles in bytes 16-31. The 16 bytes are
 * loaded into both halves (a pure load, no shuffle port) and only the upper half is shifted. */
static inline __m256i ck_nibbles32(const uint8_t *p) {
    const __m256i both = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)p));
    const __m256i shifted = _mm256_srlv_epi32(both, _mm256_setr_epi32(0, 0, 0, 0, 4, 4, 4, 4));
    return _mm256_and_si256(shifted, _mm256_set1_epi8(0x0F));
}

/* Unsigned bytes times signed bytes, summed in groups of four into eight int32 lanes. */
static inline __m256i ck_dot_u8s8(__m256i u, __m256i s) {
    return _mm256_madd_epi16(_mm256_maddubs_epi16(u, s), _mm256_set1_epi16(1));
}

/* Signed times signed: move the sign of `a` onto `b` so the first operand is non-negative. */
static inline __m256i ck_dot_s8s8(__m256i a, __m256i b) {
    return ck_dot_u8s8(_mm256_sign_epi8(a, a), _mm256_sign_epi8(b, a));
}

/* int16 scale for bytes 0-15 (lanes of the low 128 bits) and another for bytes 16-31. */
static inline __m256i ck_scale_pair(int lo, int hi) {
    return _mm256_set_m128i(_mm_set1_epi16((short)hi), _mm_set1_epi16((short)lo));
}
#endif

#if CK_AVX2
/* The binary16 fields at p, p+stride, ..., p+7*stride (one per block) as 8 floats. */
static inline __m256 ck_half8(const uint8_t *p, long stride) {
    __m128i v = _mm_cvtsi32_si128(ck_load_u16(p));
    v = _mm_insert_epi16(v, ck_load_u16(p + stride), 1);
    v = _mm_insert_epi16(v, ck_load_u16(p + 2 * stride), 2);
    v = _mm_insert_epi16(v, ck_load_u16(p + 3 * stride), 3);
    v = _mm_insert_epi16(v, ck_load_u16(p + 4 * stride), 4);
    v = _mm_insert_epi16(v, ck_load_u16(p + 5 * stride), 5);
    v = _mm_insert_epi16(v, ck_load_u16(p + 6 * stride), 6);
    v = _mm_insert_epi16(v, ck_load_u16(p + 7 * stride), 7);
    return _mm256_cvtph_ps(v);
}

/* The (d, m) binary16 pairs at the start of 8 blocks `stride` bytes apart (Q4_1: 20, Q5_1: 24) -> d as 8 floats,
 * m as 8 floats. */
static inline void ck_dm8(const uint8_t *p, long stride, __m256 *d, __m256 *m) {
    uint32_t v[8];
    for (int i = 0; i < 8; i++) memcpy(&v[i], p + stride * i, 4);
    __m128i lo = _mm_cvtsi32_si128((int)v[0]);
    lo = _mm_insert_epi32(lo, (int)v[1], 1);
    lo = _mm_insert_epi32(lo, (int)v[2], 2);
    lo = _mm_insert_epi32(lo, (int)v[3], 3);
    __m128i hi = _mm_cvtsi32_si128((int)v[4]);
    hi = _mm_insert_epi32(hi, (int)v[5], 1);
    hi = _mm_insert_epi32(hi, (int)v[6], 2);
    hi = _mm_insert_epi32(hi, (int)v[7], 3);
    /* per 128-bit lane: the four d halves into the low 8 bytes, the four m halves into the high 8 bytes */
    const __m256i shuffle = _mm256_setr_epi8(0, 1, 4, 5, 8, 9, 12, 13, 2, 3, 6, 7, 10, 11, 14, 15,
                                             0, 1, 4, 5, 8, 9, 12, 13, 2, 3, 6, 7, 10, 11, 14, 15);
    const __m256i t = _mm256_shuffle_epi8(_mm256_set_m128i(hi, lo), shuffle);
    *d = _mm256_cvtph_ps(_mm256_castsi256_si128(_mm256_permute4x64_epi64(t, 0x08)));
    *m = _mm256_cvtph_ps(_mm256_castsi256_si128(_mm256_permute4x64_epi64(t, 0x0d)));
}

/* The 32 bits at p (little-endian) -> 32 bytes, byte j = 0x10 when bit j is set, else 0: the fifth bit of the
 * Q5_0/Q5_1 quants, in the order ck_nibbles32 gives their low four bits. */
static inline __m256i ck_fifth_bits32(const uint8_t *p) {
    uint32_t bits;
    memcpy(&bits, p, 4);
    const __m256i spread = _mm256_setr_epi64x(0x0000000000000000LL, 0x0101010101010101LL,
                                              0x0202020202020202LL, 0x0303030303030303LL);
    const __m256i select = _mm256_set1_epi64x((long long)0x8040201008040201ULL);
    const __m256i v = _mm256_and_si256(_mm256_shuffle_epi8(_mm256_set1_epi32((int)bits), spread), select);
    return _mm256_and_si256(_mm256_cmpeq_epi8(v, select), _mm256_set1_epi8(0x10));
}

#define CK_ALIGN32 __attribute__((aligned(32)))
/* Keeps the scale array in memory so each block's scale is a broadcast load (load port) rather than a register
 * shuffle (the shuffle port is the bottleneck of these loops). */
#define CK_SPILL() __asm__ __volatile__("" ::: "memory")
#endif

/*
 * The 32-value formats work in groups of 8 blocks: the 8 weight scales are converted and multiplied by the 8
 * activation scales with one vector op, then each block costs its integer dot product and one FMA.
 */

/* ---------------------------------------------------------------- Q8_0 x Q8_0 */

void CK_FN(gemv_q8_0)(long rows, long columns, const void *w, long row_bytes,
                     const int8_t *q8, const float *d32, float *y) {
    const long nb = columns / 32;
    for (long r = 0; r < rows; r++) {
        const uint8_t *x = (const uint8_t *)w + r * row_bytes;
#if CK_AVX2
        __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
        long b = 0;
        for (; b + 8 <= nb; b += 8) {
            const uint8_t *xb = x + b * 34;
            const int8_t *ab = q8 + b * 32;
            CK_ALIGN32 float sc[8];
            _mm256_store_ps(sc, _mm256_mul_ps(ck_half8(xb, 34), _mm256_loadu_ps(d32 + b)));
            CK_SPILL();
            for (int k = 0; k < 8; k += 2) {
                const __m256i p0 = ck_dot_s8s8(ck_loadu(xb + k * 34 + 2), ck_loadu(ab + k * 32));
                const __m256i p1 = ck_dot_s8s8(ck_loadu(xb + k * 34 + 36), ck_loadu(ab + k * 32 + 32));
                acc0 = _mm256_fmadd_ps(_mm256_broadcast_ss(sc + k), _mm256_cvtepi32_ps(p0), acc0);
                acc1 = _mm256_fmadd_ps(_mm256_broadcast_ss(sc + k + 1), _mm256_cvtepi32_ps(p1), acc1);
            }
        }
        for (; b < nb; b++) {
            const uint8_t *x0 = x + b * 34;
            const __m256i p0 = ck_dot_s8s8(ck_loadu(x0 + 2), ck_loadu(q8 + b * 32));
            acc0 = _mm256_fmadd_ps(_mm256_set1_ps(ck_half(x0) * d32[b]), _mm256_cvtepi32_ps(p0), acc0);
        }
        y[r] = ck_hsum_ps(_mm256_add_ps(acc0, acc1));
#elif CK_NEON
        /* dotprod: four int32 lanes of 4-byte dot products per 16 bytes; two blocks per step, two accumulators */
        float32x4_t acc0 = vdupq_n_f32(0), acc1 = vdupq_n_f32(0);
        long b = 0;
        for (; b + 2 <= nb; b += 2) {
            const int8_t *w0 = (const int8_t *)(x + b * 34 + 2), *w1 = (const int8_t *)(x + b * 34 + 36);
            const int8_t *a = q8 + b * 32;
            const int32x4_t p0 = vdotq_s32(vdotq_s32(vdupq_n_s32(0), vld1q_s8(w0), vld1q_s8(a)), vld1q_s8(w0 + 16), vld1q_s8(a + 16));
            const int32x4_t p1 = vdotq_s32(vdotq_s32(vdupq_n_s32(0), vld1q_s8(w1), vld1q_s8(a + 32)), vld1q_s8(w1 + 16), vld1q_s8(a + 48));
            acc0 = vmlaq_n_f32(acc0, vcvtq_f32_s32(p0), ck_half(x + b * 34) * d32[b]);
            acc1 = vmlaq_n_f32(acc1, vcvtq_f32_s32(p1), ck_half(x + b * 34 + 34) * d32[b + 1]);
        }
        for (; b < nb; b++) {
            const int8_t *w0 = (const int8_t *)(x + b * 34 + 2);
            const int8_t *a = q8 + b * 32;
            const int32x4_t p0 = vdotq_s32(vdotq_s32(vdupq_n_s32(0), vld1q_s8(w0), vld1q_s8(a)), vld1q_s8(w0 + 16), vld1q_s8(a + 16));
            acc0 = vmlaq_n_f32(acc0, vcvtq_f32_s32(p0), ck_half(x + b * 34) * d32[b]);
        }
        y[r] = vaddvq_f32(vaddq_f32(acc0, acc1));
#else
        float sum = 0;
        for (long b = 0; b < nb; b++) {
            const uint8_t *blk = x + b * 34;
            const int8_t *qw = (const int8_t *)(blk + 2);
            const int8_t *qa = q8 + b * 32;
            int s = 0;
            for (int i = 0; i < 32; i++) s += qw[i] * qa[i];
            sum += (float)s * (ck_half(blk) * d32[b]);
        }
        y[r] = sum;
#endif
    }
}

/* ---------------------------------------------------------------- Q4_0 x Q8_0 */

/* Σ (q−8)·a = Σ q·a − 8·Σ a: the unsigned nibbles go straight into vpmaddubsw and the offset term comes from the
 * activation's per-block o32 = −8·d_a·Σq_a (computed when x was quantised), one FMA per 8 blocks. */
void CK_FN(gemv_q4_0)(long rows, long columns, const void *w, long row_bytes,
                     const int8_t *q8, const float *d32, const float *o32, float *y) {
    const long nb = columns / 32;
    for (long r = 0; r < rows; r++) {
        const uint8_t *x = (const uint8_t *)w + r * row_bytes;
#if CK_AVX2
        __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps(), acco = _mm256_setzero_ps();
        long b = 0;
        for (; b + 8 <= nb; b += 8) {
            const uint8_t *xb = x + b * 18;
            const int8_t *ab = q8 + b * 32;
            CK_ALIGN32 float sc[8];
            const __m256 dw = ck_half8(xb, 18);
            _mm256_store_ps(sc, _mm256_mul_ps(dw, _mm256_loadu_ps(d32 + b)));
            acco = _mm256_fmadd_ps(dw, _mm256_loadu_ps(o32 + b), acco);
            CK_SPILL();
            for (int k = 0; k < 8; k += 2) {
                const __m256i p0 = ck_dot_u8s8(ck_nibbles32(xb + k * 18 + 2), ck_loadu(ab + k * 32));
                const __m256i p1 = ck_dot_u8s8(ck_nibbles32(xb + k * 18 + 20), ck_loadu(ab + k * 32 + 32));
                acc0 = _mm256_fmadd_ps(_mm256_broadcast_ss(sc + k), _mm256_cvtepi32_ps(p0), acc0);
                acc1 = _mm256_fmadd_ps(_mm256_broadcast_ss(sc + k + 1), _mm256_cvtepi32_ps(p1), acc1);
            }
        }
        float tail = 0;
        for (; b < nb; b++) {
            const uint8_t *x0 = x + b * 18;
            const float dw = ck_half(x0);
            const __m256i p0 = ck_dot_u8s8(ck_nibbles32(x0 + 2), ck_loadu(q8 + b * 32));
            acc0 = _mm256_fmadd_ps(_mm256_set1_ps(dw * d32[b]), _mm256_cvtepi32_ps(p0), acc0);
            tail += dw * o32[b];
        }
        y[r] = ck_hsum_ps(_mm256_add_ps(_mm256_add_ps(acc0, acc1), acco)) + tail;
#elif CK_NEON
        float32x4_t acc0 = vdupq_n_f32(0), acc1 = vdupq_n_f32(0);
        const uint8x16_t low = vdupq_n_u8(0x0F);
        const int8x16_t eight = vdupq_n_s8(8);
        for (long b = 0; b < nb; b++) {
            const uint8x16_t v = vld1q_u8(x + b * 18 + 2);
            const int8x16_t lo = vsubq_s8(vreinterpretq_s8_u8(vandq_u8(v, low)), eight);
            const int8x16_t hi = vsubq_s8(vreinterpretq_s8_u8(vshrq_n_u8(v, 4)), eight);
            const int8_t *a = q8 + b * 32;
            const int32x4_t p = vdotq_s32(vdotq_s32(vdupq_n_s32(0), lo, vld1q_s8(a)), hi, vld1q_s8(a + 16));
            if (b & 1) acc1 = vmlaq_n_f32(acc1, vcvtq_f32_s32(p), ck_half(x + b * 18) * d32[b]);
            else acc0 = vmlaq_n_f32(acc0, vcvtq_f32_s32(p), ck_half(x + b * 18) * d32[b]);
        }
        (void)o32;
        y[r] = vaddvq_f32(vaddq_f32(acc0, acc1));
#else
        float sum = 0;
        for (long b = 0; b < nb; b++) {
            const uint8_t *blk = x + b * 18;
            const int8_t *qa = q8 + b * 32;
            int s = 0;
            for (int i = 0; i < 16; i++) {
                s += ((blk[2 + i] & 0xF) - 8) * qa[i];
                s += ((blk[2 + i] >> 4) - 8) * qa[i + 16];
            }
            sum += (float)s * (ck_half(blk) * d32[b]);
        }
        (void)o32;
        y[r] = sum;
#endif
    }
}

/* ---------------------------------------------------------------- Q4_1 x Q8_1 */

void CK_FN(gemv_q4_1)(long rows, long columns, const void *w, long row_bytes,
                     const int8_t *q8, const float *d32, const float *s32, float *y) {
    const long nb = columns / 32;
    for (long r = 0; r < rows; r++) {
        const uint8_t *x = (const uint8_t *)w + r * row_bytes;
#if CK_AVX2
        __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps(), accm = _mm256_setzero_ps();
        long b = 0;
        for (; b + 8 <= nb; b += 8) {
            const uint8_t *xb = x + b * 20;
            const int8_t *ab = q8 + b * 32;
            CK_ALIGN32 float sc[8];
            __m256 dw, mw;
            ck_dm8(xb, 20, &dw, &mw);
            _mm256_store_ps(sc, _mm256_mul_ps(dw, _mm256_loadu_ps(d32 + b)));
            /* the min terms m_w * s_a of all 8 blocks at once */
            accm = _mm256_fmadd_ps(mw, _mm256_loadu_ps(s32 + b), accm);
            CK_SPILL();
            for (int k = 0; k < 8; k += 2) {
                const __m256i p0 = ck_dot_u8s8(ck_nibbles32(xb + k * 20 + 4), ck_loadu(ab + k * 32));
                const __m256i p1 = ck_dot_u8s8(ck_nibbles32(xb + k * 20 + 24), ck_loadu(ab + k * 32 + 32));
                acc0 = _mm256_fmadd_ps(_mm256_broadcast_ss(sc + k), _mm256_cvtepi32_ps(p0), acc0);
                acc1 = _mm256_fmadd_ps(_mm256_broadcast_ss(sc + k + 1), _mm256_cvtepi32_ps(p1), acc1);
            }
        }
        float tail = 0;
        for (; b < nb; b++) {
            const uint8_t *x0 = x + b * 20;
            const __m256i p0 = ck_dot_u8s8(ck_nibbles32(x0 + 4), ck_loadu(q8 + b * 32));
            acc0 = _mm256_fmadd_ps(_mm256_set1_ps(ck_half(x0) * d32[b]), _mm256_cvtepi32_ps(p0), acc0);
            tail += ck_half(x0 + 2) * s32[b];
        }
        y[r] = ck_hsum_ps(_mm256_add_ps(_mm256_add_ps(acc0, acc1), accm)) + tail;
#elif CK_NEON
        float32x4_t acc0 = vdupq_n_f32(0), acc1 = vdupq_n_f32(0);
        float mins = 0;
        const uint8x16_t low = vdupq_n_u8(0x0F);
        for (long b = 0; b < nb; b++) {
            const uint8_t *blk = x + b * 20;
            const uint8x16_t v = vld1q_u8(blk + 4);
            const int8x16_t lo = vreinterpretq_s8_u8(vandq_u8(v, low));
            const int8x16_t hi = vreinterpretq_s8_u8(vshrq_n_u8(v, 4));
            const int8_t *a = q8 + b * 32;
            const int32x4_t p = vdotq_s32(vdotq_s32(vdupq_n_s32(0), lo, vld1q_s8(a)), hi, vld1q_s8(a + 16));
            if (b & 1) acc1 = vmlaq_n_f32(acc1, vcvtq_f32_s32(p), ck_half(blk) * d32[b]);
            else acc0 = vmlaq_n_f32(acc0, vcvtq_f32_s32(p), ck_half(blk) * d32[b]);
            mins += ck_half(blk + 2) * s32[b];
        }
        y[r] = vaddvq_f32(vaddq_f32(acc0, acc1)) + mins;
#else
        float sum = 0;
        for (long b = 0; b < nb; b++) {
            const uint8_t *blk = x + b * 20;
            const int8_t *qa = q8 + b * 32;
            int s = 0;
            for (int i = 0; i < 16; i++) {
                s += (blk[4 + i] & 0xF) * qa[i];
                s += (blk[4 + i] >> 4) * qa[i + 16];
            }
            sum += (ck_half(blk) * d32[b]) * (float)s + ck_half(blk + 2) * s32[b];
        }
        y[r] = sum;
#endif
    }
}

/* ---------------------------------------------------------------- Q5_0 x Q8_0, Q5_1 x Q8_1 */

/* The 5-bit quant u (0..31) of element i (0..31) of a Q5 block whose fifth bits are `qh` and nibbles `qs`. */
static inline int ck_q5_quant(const uint8_t *qs, uint32_t qh, int i) {
    const int nibble = i < 16 ? (qs[i] & 0x0F) : (qs[i - 16] >> 4);
    return nibble | (int)((qh >> i) & 1) << 4;
}

/* Q5_0: Σ (u−16)·a = Σ u·a − 16·Σ a, so the offset comes from the activation's o32 (−8·d_a·Σq) doubled, as for
 * Q4_0. Block: f16 d, 4 bytes qh, 16 bytes qs (22 bytes). */
void CK_FN(gemv_q5_0)(long rows, long columns, const void *w, long row_bytes,
                     const int8_t *q8, const float *d32, const float *o32, float *y) {
    const long nb = columns / 32;
    for (long r = 0; r < rows; r++) {
        const uint8_t *x = (const uint8_t *)w + r * row_bytes;
#if CK_AVX2
        __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps(), acco = _mm256_setzero_ps();
        long b = 0;
        for (; b + 8 <= nb; b += 8) {
            const uint8_t *xb = x + b * 22;
            const int8_t *ab = q8 + b * 32;
            CK_ALIGN32 float sc[8];
            const __m256 dw = ck_half8(xb, 22);
            _mm256_store_ps(sc, _mm256_mul_ps(dw, _mm256_loadu_ps(d32 + b)));
            acco = _mm256_fmadd_ps(dw, _mm256_loadu_ps(o32 + b), acco);
            CK_SPILL();
            for (int k = 0; k < 8; k += 2) {
                const uint8_t *x0 = xb + k * 22, *x1 = x0 + 22;
                const __m256i u0 = _mm256_or_si256(ck_nibbles32(x0 + 6), ck_fifth_bits32(x0 + 2));
                const __m256i u1 = _mm256_or_si256(ck_nibbles32(x1 + 6), ck_fifth_bits32(x1 + 2));
                const __m256i p0 = ck_dot_u8s8(u0, ck_loadu(ab + k * 32));
                const __m256i p1 = ck_dot_u8s8(u1, ck_loadu(ab + k * 32 + 32));
                acc0 = _mm256_fmadd_ps(_mm256_broadcast_ss(sc + k), _mm256_cvtepi32_ps(p0), acc0);
                acc1 = _mm256_fmadd_ps(_mm256_broadcast_ss(sc + k + 1), _mm256_cvtepi32_ps(p1), acc1);
            }
        }
        float tail = 0;
        for (; b < nb; b++) {
            const uint8_t *x0 = x + b * 22;
            const __m256i u = _mm256_or_si256(ck_nibbles32(x0 + 6), ck_fifth_bits32(x0 + 2));
            const __m256i p = ck_dot_u8s8(u, ck_loadu(q8 + b * 32));
            const float dw = ck_half(x0);
            acc0 = _mm256_fmadd_ps(_mm256_set1_ps(dw * d32[b]), _mm256_cvtepi32_ps(p), acc0);
            tail += 2 * dw * o32[b];
        }
        y[r] = ck_hsum_ps(_mm256_add_ps(acc0, acc1)) + 2 * ck_hsum_ps(acco) + tail;
#else
        float sum = 0;
        for (long b = 0; b < nb; b++) {
            const uint8_t *blk = x + b * 22;
            uint32_t qh;
            memcpy(&qh, blk + 2, 4);
            const int8_t *qa = q8 + b * 32;
            int s = 0;
            for (int i = 0; i < 32; i++) s += (ck_q5_quant(blk + 6, qh, i) - 16) * qa[i];
            sum += (float)s * (ck_half(blk) * d32[b]);
        }
        y[r] = sum;
#endif
    }
}

/* Q5_1: Σ (d_w·d_a)·Σ u·a + m_w·s_a, as Q4_1. Block: f16 d, f16 m, 4 bytes qh, 16 bytes qs (24 bytes). */
void CK_FN(gemv_q5_1)(long rows, long columns, const void *w, long row_bytes,
                     const int8_t *q8, const float *d32, const float *s32, float *y) {
    const long nb = columns / 32;
    for (long r = 0; r < rows; r++) {
        const uint8_t *x = (const uint8_t *)w + r * row_bytes;
#if CK_AVX2
        __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps(), accm = _mm256_setzero_ps();
        long b = 0;
        for (; b + 8 <= nb; b += 8) {
            const uint8_t *xb = x + b * 24;
            const int8_t *ab = q8 + b * 32;
            CK_ALIGN32 float sc[8];
            __m256 dw, mw;
            ck_dm8(xb, 24, &dw, &mw);
            _mm256_store_ps(sc, _mm256_mul_ps(dw, _mm256_loadu_ps(d32 + b)));
            accm = _mm256_fmadd_ps(mw, _mm256_loadu_ps(s32 + b), accm);
            CK_SPILL();
            for (int k = 0; k < 8; k += 2) {
                const uint8_t *x0 = xb + k * 24, *x1 = x0 + 24;
                const __m256i u0 = _mm256_or_si256(ck_nibbles32(x0 + 8), ck_fifth_bits32(x0 + 4));
                const __m256i u1 = _mm256_or_si256(ck_nibbles32(x1 + 8), ck_fifth_bits32(x1 + 4));
                const __m256i p0 = ck_dot_u8s8(u0, ck_loadu(ab + k * 32));
                const __m256i p1 = ck_dot_u8s8(u1, ck_loadu(ab + k * 32 + 32));
                acc0 = _mm256_fmadd_ps(_mm256_broadcast_ss(sc + k), _mm256_cvtepi32_ps(p0), acc0);
                acc1 = _mm256_fmadd_ps(_mm256_broadcast_ss(sc + k + 1), _mm256_cvtepi32_ps(p1), acc1);
            }
        }
        float tail = 0;
        for (; b < nb; b++) {
            const uint8_t *x0 = x + b * 24;
            const __m256i u = _mm256_or_si256(ck_nibbles32(x0 + 8), ck_fifth_bits32(x0 + 4));
            const __m256i p = ck_dot_u8s8(u, ck_loadu(q8 + b * 32));
            acc0 = _mm256_fmadd_ps(_mm256_set1_ps(ck_half(x0) * d32[b]), _mm256_cvtepi32_ps(p), acc0);
            tail += ck_half(x0 + 2) * s32[b];
        }
        y[r] = ck_hsum_ps(_mm256_add_ps(_mm256_add_ps(acc0, acc1), accm)) + tail;
#else
        float sum = 0;
        for (long b = 0; b < nb; b++) {
            const uint8_t *blk = x + b * 24;
            uint32_t qh;
            memcpy(&qh, blk + 4, 4);
            const int8_t *qa = q8 + b * 32;
            int s = 0;
            for (int i = 0; i < 32; i++) s += ck_q5_quant(blk + 8, qh, i) * qa[i];
            sum += (ck_half(blk) * d32[b]) * (float)s + ck_half(blk + 2) * s32[b];
        }
        y[r] = sum;
#endif
    }
}

/* ---------------------------------------------------------------- dequantisation of the 32-value formats */

/* Contiguous blocks to floats, with ggml's formulas and operation order (a product, then a sum: never contracted into
 * an FMA, so the results equal gguf-py's dequantize bit for bit). Used to feed the sgemm path of prompt batches. */

#if CK_AVX2
/* 32 bytes (unsigned when `is_unsigned`, else signed) -> 4 × 8 floats: (b − offset)·d + m (m added only when `add_m`). */
static inline void ck_bytes_to_floats(__m256i bytes, int is_unsigned, int offset, float d, float m, int add_m, float *o) {
    const __m128i lo = _mm256_castsi256_si128(bytes), hi = _mm256_extracti128_si256(bytes, 1);
    const __m128i parts[4] = {lo, _mm_srli_si128(lo, 8), hi, _mm_srli_si128(hi, 8)};
    const __m256 dv = _mm256_set1_ps(d), mv = _mm256_set1_ps(m);
    const __m256i off = _mm256_set1_epi32(offset);
    for (int k = 0; k < 4; k++) {
        __m256i v = is_unsigned ? _mm256_cvtepu8_epi32(parts[k]) : _mm256_cvtepi8_epi32(parts[k]);
        v = _mm256_sub_epi32(v, off);
        __m256 f = _mm256_mul_ps(_mm256_cvtepi32_ps(v), dv);
        if (add_m) f = _mm256_add_ps(f, mv);
        _mm256_storeu_ps(o + 8 * k, f);
    }
}
#endif

void CK_FN(dequant_q8_0)(const void *src, long blocks, float *out) {
    for (long b = 0; b < blocks; b++) {
        const uint8_t *x = (const uint8_t *)src + b * 34;
        const float d = ck_half(x);
#if CK_AVX2
        ck_bytes_to_floats(ck_loadu(x + 2), 0, 0, d, 0, 0, out + b * 32);
#else
        for (int i = 0; i < 32; i++) out[b * 32 + i] = (float)(int8_t)x[2 + i] * d;
#endif
    }
}

void CK_FN(dequant_q4_0)(const void *src, long blocks, float *out) {
    for (long b = 0; b < blocks; b++) {
        const uint8_t *x = (const uint8_t *)src + b * 18;
        const float d = ck_half(x);
#if CK_AVX2
        ck_bytes_to_floats(ck_nibbles32(x + 2), 1, 8, d, 0, 0, out + b * 32);
#else
        for (int i = 0; i < 16; i++) {
            out[b * 32 + i] = (float)((x[2 + i] & 0x0F) - 8) * d;
            out[b * 32 + 16 + i] = (float)((x[2 + i] >> 4) - 8) * d;
        }
#endif
    }
}

void CK_FN(dequant_q4_1)(const void *src, long blocks, float *out) {
    for (long b = 0; b < blocks; b++) {
        const uint8_t *x = (const uint8_t *)src + b * 20;
        const float d = ck_half(x), m = ck_half(x + 2);
#if CK_AVX2
        ck_bytes_to_floats(ck_nibbles32(x + 4), 1, 0, d, m, 1, out + b * 32);
#else
        for (int i = 0; i < 16; i++) {
            out[b * 32 + i] = (float)(x[4 + i] & 0x0F) * d + m;
            out[b * 32 + 16 + i] = (float)(x[4 + i] >> 4) * d + m;
        }
#endif
    }
}

void CK_FN(dequant_q5_0)(const void *src, long blocks, float *out) {
    for (long b = 0; b < blocks; b++) {
        const uint8_t *x = (const uint8_t *)src + b * 22;
        const float d = ck_half(x);
#if CK_AVX2
        ck_bytes_to_floats(_mm256_or_si256(ck_nibbles32(x + 6), ck_fifth_bits32(x + 2)), 1, 16, d, 0, 0, out + b * 32);
#else
        uint32_t qh;
        memcpy(&qh, x + 2, 4);
        for (int i = 0; i < 32; i++) out[b * 32 + i] = (float)(ck_q5_quant(x + 6, qh, i) - 16) * d;
#endif
    }
}

void CK_FN(dequant_q5_1)(const void *src, long blocks, float *out) {
    for (long b = 0; b < blocks; b++) {
        const uint8_t *x = (const uint8_t *)src + b * 24;
        const float d = ck_half(x), m = ck_half(x + 2);
#if CK_AVX2
        ck_bytes_to_floats(_mm256_or_si256(ck_nibbles32(x + 8), ck_fifth_bits32(x + 4)), 1, 0, d, m, 1, out + b * 32);
#else
        uint32_t qh;
        memcpy(&qh, x + 4, 4);
        for (int i = 0; i < 32; i++) out[b * 32 + i] = (float)ck_q5_quant(x + 8, qh, i) * d + m;
#endif
    }
}

/* ---------------------------------------------------------------- K-quants x Q8_K */

#if CK_AVX2
/* Q4_K/Q5_K scale bytes -> the 8 scales (bytes 0-7 of *sc) and 8 mins (bytes 0-7 of *mn), four at a time on 32-bit
 * words: sub-blocks 0-3 are the low 6 bits of bytes 0-3 (scales) and 4-7 (mins); sub-blocks 4-7 take their low 4 bits
 * from the nibbles of bytes 8-11 and their top 2 bits from the top bits of bytes 0-3 / 4-7 (ggml's get_scale_min_k4). */
static inline void ck_k4_scales_vec(const uint8_t *s, uint64_t *sc, uint64_t *mn) {
    uint32_t w0, w1, w2;
    memcpy(&w0, s, 4);
    memcpy(&w1, s + 4, 4);
    memcpy(&w2, s + 8, 4);
    const uint32_t sc_lo = w0 & 0x3f3f3f3fu;
    const uint32_t mn_lo = w1 & 0x3f3f3f3fu;
    const uint32_t sc_hi = (w2 & 0x0f0f0f0fu) | (((w0 >> 6) & 0x03030303u) << 4);
    const uint32_t mn_hi = ((w2 >> 4) & 0x0f0f0f0fu) | (((w1 >> 6) & 0x03030303u) << 4);
    *sc = (uint64_t)sc_lo | ((uint64_t)sc_hi << 32);
    *mn = (uint64_t)mn_lo | ((uint64_t)mn_hi << 32);
}

/* Σ_j mn[j] * (bsums[2j] + bsums[2j+1]) as 8 int32 lanes (one per sub-block j). */
static inline __m256i ck_k4_mins(uint64_t mn, const int16_t *bsums) {
    const __m128i m8 = _mm_cvtsi64_si128((long long)mn);
    const __m256i m16 = _mm256_cvtepu8_epi16(_mm_unpacklo_epi8(m8, m8)); /* m0 m0 m1 m1 ... m7 m7 */
    return _mm256_madd_epi16(m16, ck_loadu(bsums));
}

/* The integer part of one Q4_K/Q5_K super-block: Σ_j sc_j Σ q*a as 8 int32 lanes. `hb` is the 32 high-bit bytes of
 * Q5_K (NULL for Q4_K). */
static inline __m256i ck_k4_dot(const uint8_t *qs, const uint8_t *qh, const int8_t *a, uint64_t scales) {
    const __m256i m4 = _mm256_set1_epi8(0x0F);
    const __m256i one = _mm256_set1_epi8(1);
    __m256i hb = qh ? ck_loadu(qh) : _mm256_setzero_si256();
    __m256i sumi = _mm256_setzero_si256();
    for (int c = 0; c < 4; c++) {
        const __m256i q = ck_loadu(qs + 32 * c);
        __m256i lo = _mm256_and_si256(q, m4);
        __m256i hi = _mm256_and_si256(_mm256_srli_epi16(q, 4), m4);
        if (qh) {
            lo = _mm256_or_si256(lo, _mm256_slli_epi16(_mm256_and_si256(hb, one), 4));
            hi = _mm256_or_si256(hi, _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(hb, 1), one), 4));
            hb = _mm256_srli_epi16(hb, 2);
        }
        const __m256i plo = _mm256_maddubs_epi16(lo, ck_loadu(a + 64 * c));
        const __m256i phi = _mm256_maddubs_epi16(hi, ck_loadu(a + 64 * c + 32));
        const int s0 = (int)((scales >> (16 * c)) & 0xFF), s1 = (int)((scales >> (16 * c + 8)) & 0xFF);
        sumi = _mm256_add_epi32(sumi, _mm256_madd_epi16(plo, _mm256_set1_epi16((short)s0)));
        sumi = _mm256_add_epi32(sumi, _mm256_madd_epi16(phi, _mm256_set1_epi16((short)s1)));
    }
    return sumi;
}
#endif

/* Q4_K (five_bit = 0, 144-byte blocks) and Q5_K (five_bit = 1, 176-byte blocks). */
static inline void ck_gemv_k4(long rows, long columns, const void *w, long row_bytes, const int8_t *q8,
                              const float *d256, const int16_t *bsums, float *y, int five_bit) {
    const long nb = columns / 256;
    const long block_bytes = five_bit ? 176 : 144;
    for (long r = 0; r < rows; r++) {
        const uint8_t *x = (const uint8_t *)w + r * row_bytes;
#if CK_AVX2
        __m256 acc = _mm256_setzero_ps(), accm = _mm256_setzero_ps();
        for (long i = 0; i < nb; i++) {
            const uint8_t *blk = x + i * block_bytes;
            uint64_t sc, mn;
            ck_k4_scales_vec(blk + 4, &sc, &mn);
            const __m256i mins = ck_k4_mins(mn, bsums + i * 16);
            const __m256i sumi = five_bit ? ck_k4_dot(blk + 48, blk + 16, q8 + i * 256, sc)
                                          : ck_k4_dot(blk + 16, NULL, q8 + i * 256, sc);
            acc = _mm256_fmadd_ps(_mm256_set1_ps(ck_half(blk) * d256[i]), _mm256_cvtepi32_ps(sumi), acc);
            accm = _mm256_fmadd_ps(_mm256_set1_ps(ck_half(blk + 2) * d256[i]), _mm256_cvtepi32_ps(mins), accm);
        }
        y[r] = ck_hsum_ps(_mm256_sub_ps(acc, accm));
#else
        float sum = 0, mins = 0;
        for (long i = 0; i < nb; i++) {
            const uint8_t *blk = x + i * block_bytes;
            const float d = ck_half(blk) * d256[i];
            const float dmin = ck_half(blk + 2) * d256[i];
            uint8_t sc[8], mn[8];
            ck_k4_scales(blk + 4, sc, mn);
            const int16_t *bs = bsums + i * 16;
            int summ = 0;
            for (int j = 0; j < 8; j++) summ += mn[j] * (bs[2 * j] + bs[2 * j + 1]);
            mins += dmin * (float)summ;
            const uint8_t *qh = blk + 16;
            const uint8_t *qs = blk + (five_bit ? 48 : 16);
            const int8_t *a = q8 + i * 256;
            int sumi = 0;
            for (int c = 0; c < 4; c++) {
                int slo = 0, shi = 0;
                for (int l = 0; l < 32; l++) {
                    int vlo = qs[32 * c + l] & 0xF, vhi = qs[32 * c + l] >> 4;
                    if (five_bit) {
                        vlo |= ((qh[l] >> (2 * c)) & 1) << 4;
                        vhi |= ((qh[l] >> (2 * c + 1)) & 1) << 4;
                    }
                    slo += vlo * a[64 * c + l];
                    shi += vhi * a[64 * c + 32 + l];
                }
                sumi += sc[2 * c] * slo + sc[2 * c + 1] * shi;
            }
            sum += d * (float)sumi;
        }
        y[r] = sum - mins;
#endif
    }
}

void CK_FN(gemv_q4_K)(long rows, long columns, const void *w, long row_bytes,
                     const int8_t *q8, const float *d256, const int16_t *bsums, float *y) {
    ck_gemv_k4(rows, columns, w, row_bytes, q8, d256, bsums, y, 0);
}

void CK_FN(gemv_q5_K)(long rows, long columns, const void *w, long row_bytes,
                     const int8_t *q8, const float *d256, const int16_t *bsums, float *y) {
    ck_gemv_k4(rows, columns, w, row_bytes, q8, d256, bsums, y, 1);
}

/* ---------------------------------------------------------------- Q6_K x Q8_K */

void CK_FN(gemv_q6_K)(long rows, long columns, const void *w, long row_bytes,
                     const int8_t *q8, const float *d256, const int16_t *bsums, float *y) {
    const long nb = columns / 256;
    for (long r = 0; r < rows; r++) {
        const uint8_t *x = (const uint8_t *)w + r * row_bytes;
#if CK_AVX2
        const __m256i m4 = _mm256_set1_epi8(0x0F);
        const __m256i m3 = _mm256_set1_epi8(0x03);
        __m256 acc = _mm256_setzero_ps();
        for (long i = 0; i < nb; i++) {
            const uint8_t *blk = x + i * 210;
            const uint8_t *ql = blk;
            const uint8_t *qh = blk + 128;
            const int8_t *sc = (const int8_t *)(blk + 192);
            const int8_t *a = q8 + i * 256;
            /* The stored quants are q + 32 (0..63): Σ sc·(q−32)·a = Σ sc·q·a − 32·Σ_g sc_g·bsum_g. */
            const __m256i sc16 = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)sc));
            __m256i sumi = _mm256_slli_epi32(_mm256_madd_epi16(sc16, ck_loadu(bsums + i * 16)), 5);
            sumi = _mm256_sub_epi32(_mm256_setzero_si256(), sumi);
            for (int h = 0; h < 2; h++) {
                const __m256i l0 = ck_loadu(ql + 64 * h);
                const __m256i l1 = ck_loadu(ql + 64 * h + 32);
                const __m256i hb = ck_loadu(qh + 32 * h);
                const __m256i q1 = _mm256_or_si256(_mm256_and_si256(l0, m4),
                                                   _mm256_slli_epi16(_mm256_and_si256(hb, m3), 4));
                const __m256i q2 = _mm256_or_si256(_mm256_and_si256(l1, m4),
                                                   _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(hb, 2), m3), 4));
                const __m256i q3 = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(l0, 4), m4),
                                                   _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(hb, 4), m3), 4));
                const __m256i q4 = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(l1, 4), m4),
                                                   _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(hb, 6), m3), 4));
                const int8_t *ah = a + 128 * h;
                const int8_t *sh = sc + 8 * h;
                const __m256i p1 = _mm256_maddubs_epi16(q1, ck_loadu(ah));
                const __m256i p2 = _mm256_maddubs_epi16(q2, ck_loadu(ah + 32));
                const __m256i p3 = _mm256_maddubs_epi16(q3, ck_loadu(ah + 64));
                const __m256i p4 = _mm256_maddubs_epi16(q4, ck_loadu(ah + 96));
                sumi = _mm256_add_epi32(sumi, _mm256_madd_epi16(p1, ck_scale_pair(sh[0], sh[1])));
                sumi = _mm256_add_epi32(sumi, _mm256_madd_epi16(p2, ck_scale_pair(sh[2], sh[3])));
                sumi = _mm256_add_epi32(sumi, _mm256_madd_epi16(p3, ck_scale_pair(sh[4], sh[5])));
                sumi = _mm256_add_epi32(sumi, _mm256_madd_epi16(p4, ck_scale_pair(sh[6], sh[7])));
            }
            acc = _mm256_fmadd_ps(_mm256_set1_ps(ck_half(blk + 208) * d256[i]), _mm256_cvtepi32_ps(sumi), acc);
        }
        y[r] = ck_hsum_ps(acc);
#else
        float sum = 0;
        for (long i = 0; i < nb; i++) {
            const uint8_t *blk = x + i * 210;
            const uint8_t *ql = blk;
            const uint8_t *qh = blk + 128;
            const int8_t *sc = (const int8_t *)(blk + 192);
            const float d = ck_half(blk + 208) * d256[i];
            const int8_t *a = q8 + i * 256;
            int sumi = 0;
            for (int h = 0; h < 2; h++) {
                const uint8_t *lh = ql + 64 * h;
                const uint8_t *hh = qh + 32 * h;
                const int8_t *ah = a + 128 * h;
                const int8_t *sh = sc + 8 * h;
                for (int l = 0; l < 32; l++) {
                    const int g = l / 16;
                    const int v1 = ((lh[l] & 0xF) | ((hh[l] & 3) << 4)) - 32;
                    const int v2 = ((lh[l + 32] & 0xF) | (((hh[l] >> 2) & 3) << 4)) - 32;
                    const int v3 = ((lh[l] >> 4) | (((hh[l] >> 4) & 3) << 4)) - 32;
                    const int v4 = ((lh[l + 32] >> 4) | (((hh[l] >> 6) & 3) << 4)) - 32;
                    sumi += sh[g] * v1 * ah[l] + sh[2 + g] * v2 * ah[l + 32]
                          + sh[4 + g] * v3 * ah[l + 64] + sh[6 + g] * v4 * ah[l + 96];
                }
            }
            sum += d * (float)sumi;
        }
        y[r] = sum;
#endif
        (void)bsums;
    }
}

/* ---------------------------------------------------------------- float formats */

void CK_FN(gemv_f32)(long rows, long columns, const void *w, long row_bytes, const float *x, float *y) {
    for (long r = 0; r < rows; r++) {
        const float *v = (const float *)((const uint8_t *)w + r * row_bytes);
        long j = 0;
        float sum = 0;
#if CK_AVX2
        __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps(), a2 = _mm256_setzero_ps(), a3 = _mm256_setzero_ps();
        for (; j + 32 <= columns; j += 32) {
            a0 = _mm256_fmadd_ps(_mm256_loadu_ps(v + j), _mm256_loadu_ps(x + j), a0);
            a1 = _mm256_fmadd_ps(_mm256_loadu_ps(v + j + 8), _mm256_loadu_ps(x + j + 8), a1);
            a2 = _mm256_fmadd_ps(_mm256_loadu_ps(v + j + 16), _mm256_loadu_ps(x + j + 16), a2);
            a3 = _mm256_fmadd_ps(_mm256_loadu_ps(v + j + 24), _mm256_loadu_ps(x + j + 24), a3);
        }
        for (; j + 8 <= columns; j += 8) a0 = _mm256_fmadd_ps(_mm256_loadu_ps(v + j), _mm256_loadu_ps(x + j), a0);
        sum = ck_hsum_ps(_mm256_add_ps(_mm256_add_ps(a0, a1), _mm256_add_ps(a2, a3)));
#endif
        for (; j < columns; j++) sum += v[j] * x[j];
        y[r] = sum;
    }
}

void CK_FN(gemv_f16)(long rows, long columns, const void *w, long row_bytes, const float *x, float *y) {
    for (long r = 0; r < rows; r++) {
        const uint8_t *v = (const uint8_t *)w + r * row_bytes;
        long j = 0;
        float sum = 0;
#if CK_AVX2
        __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps(), a2 = _mm256_setzero_ps(), a3 = _mm256_setzero_ps();
        for (; j + 32 <= columns; j += 32) {
            const __m128i *h = (const __m128i *)(v + 2 * j);
            a0 = _mm256_fmadd_ps(_mm256_cvtph_ps(_mm_loadu_si128(h)), _mm256_loadu_ps(x + j), a0);
            a1 = _mm256_fmadd_ps(_mm256_cvtph_ps(_mm_loadu_si128(h + 1)), _mm256_loadu_ps(x + j + 8), a1);
            a2 = _mm256_fmadd_ps(_mm256_cvtph_ps(_mm_loadu_si128(h + 2)), _mm256_loadu_ps(x + j + 16), a2);
            a3 = _mm256_fmadd_ps(_mm256_cvtph_ps(_mm_loadu_si128(h + 3)), _mm256_loadu_ps(x + j + 24), a3);
        }
        for (; j + 8 <= columns; j += 8)
            a0 = _mm256_fmadd_ps(_mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(v + 2 * j))), _mm256_loadu_ps(x + j), a0);
        sum = ck_hsum_ps(_mm256_add_ps(_mm256_add_ps(a0, a1), _mm256_add_ps(a2, a3)));
#endif
        for (; j < columns; j++) sum += ck_half(v + 2 * j) * x[j];
        y[r] = sum;
    }
}

#if CK_AVX2
static inline __m256 ck_bf16x8(const uint8_t *p) {
    const __m256i wide = _mm256_cvtepu16_epi32(_mm_loadu_si128((const __m128i *)p));
    return _mm256_castsi256_ps(_mm256_slli_epi32(wide, 16));
}
#endif

static inline float ck_bf16(const uint8_t *p) {
    const uint32_t bits = (uint32_t)ck_load_u16(p) << 16;
    float f;
    memcpy(&f, &bits, sizeof f);
    return f;
}

void CK_FN(gemv_bf16)(long rows, long columns, const void *w, long row_bytes, const float *x, float *y) {
    for (long r = 0; r < rows; r++) {
        const uint8_t *v = (const uint8_t *)w + r * row_bytes;
        long j = 0;
        float sum = 0;
#if CK_AVX2
        __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps(), a2 = _mm256_setzero_ps(), a3 = _mm256_setzero_ps();
        for (; j + 32 <= columns; j += 32) {
            a0 = _mm256_fmadd_ps(ck_bf16x8(v + 2 * j), _mm256_loadu_ps(x + j), a0);
            a1 = _mm256_fmadd_ps(ck_bf16x8(v + 2 * j + 16), _mm256_loadu_ps(x + j + 8), a1);
            a2 = _mm256_fmadd_ps(ck_bf16x8(v + 2 * j + 32), _mm256_loadu_ps(x + j + 16), a2);
            a3 = _mm256_fmadd_ps(ck_bf16x8(v + 2 * j + 48), _mm256_loadu_ps(x + j + 24), a3);
        }
        for (; j + 8 <= columns; j += 8) a0 = _mm256_fmadd_ps(ck_bf16x8(v + 2 * j), _mm256_loadu_ps(x + j), a0);
        sum = ck_hsum_ps(_mm256_add_ps(_mm256_add_ps(a0, a1), _mm256_add_ps(a2, a3)));
#endif
        for (; j < columns; j++) sum += ck_bf16(v + 2 * j) * x[j];
        y[r] = sum;
    }
}

/* ---------------------------------------------------------------- float dot product */

static inline float ck_dot(const float *a, const float *b, long count) {
    long i = 0;
    float sum;
#if CK_AVX2
    __m256 s0 = _mm256_setzero_ps(), s1 = _mm256_setzero_ps(), s2 = _mm256_setzero_ps(), s3 = _mm256_setzero_ps();
    for (; i + 32 <= count; i += 32) {
        s0 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i), s0);
        s1 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i + 8), _mm256_loadu_ps(b + i + 8), s1);
        s2 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i + 16), _mm256_loadu_ps(b + i + 16), s2);
        s3 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i + 24), _mm256_loadu_ps(b + i + 24), s3);
    }
    for (; i + 8 <= count; i += 8) s0 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i), s0);
    sum = ck_hsum_ps(_mm256_add_ps(_mm256_add_ps(s0, s1), _mm256_add_ps(s2, s3)));
#else
    float s[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    for (; i + 8 <= count; i += 8)
        for (int k = 0; k < 8; k++) s[k] += a[i + k] * b[i + k];
    sum = ((s[0] + s[4]) + (s[1] + s[5])) + ((s[2] + s[6]) + (s[3] + s[7]));
#endif
    for (; i < count; i++) sum += a[i] * b[i];
    return sum;
}

void CK_FN(dot_f32)(const float *a, const float *b, long count, float *out) { *out = ck_dot(a, b, count); }

void CK_FN(attn_scores)(const float *query, const float *keys, long count, long dim, float scale, float *out) {
    for (long p = 0; p < count; p++) out[p] = ck_dot(query, keys + p * dim, dim) * scale;
}

void CK_FN(attn_mix)(const float *weights, const float *values, long count, long dim, float *out) {
    for (long i = 0; i < dim; i++) out[i] = 0;
    for (long p = 0; p < count; p++) {
        const float *v = values + p * dim;
        const float w = weights[p];
        long i = 0;
#if CK_AVX2
        const __m256 wv = _mm256_set1_ps(w);
        for (; i + 8 <= dim; i += 8)
            _mm256_storeu_ps(out + i, _mm256_fmadd_ps(wv, _mm256_loadu_ps(v + i), _mm256_loadu_ps(out + i)));
#endif
        for (; i < dim; i++) out[i] += w * v[i];
    }
}

/* ---------------------------------------------------------------- element-wise: exp, SiLU, softmax */

/* e^x, the same branch-free polynomial as VectorOps.exp (Cody-Waite reduction, degree-7 Taylor, 2^n in the exponent
 * bits), written so the compiler vectorises loops over it at each variant's width. */
static inline float ck_exp(float x) {
    const float xc = x > 88.0f ? 88.0f : (x < -87.3f ? -87.3f : x);
    const float shifted = xc * 1.44269504088896341f + 12582912.0f;
    const float n = shifted - 12582912.0f;
    int32_t k;
    memcpy(&k, &shifted, sizeof k);
    k -= 0x4B400000;
    float r = xc - n * 0.693145751953125f;
    r = r - n * 1.428606765330187e-6f;
    float p = 1.0f / 5040;
    p = p * r + 1.0f / 720;
    p = p * r + 1.0f / 120;
    p = p * r + 1.0f / 24;
    p = p * r + 1.0f / 6;
    p = p * r + 0.5f;
    p = p * r + 1;
    p = p * r + 1;
    const uint32_t bits = (uint32_t)(k + 127) << 23;
    float scale;
    memcpy(&scale, &bits, sizeof scale);
    const float result = p * scale;
    return x < -87.3f ? 0.0f : result;
}

void CK_FN(silu_mul)(float *gate, const float *up, long count) {
    for (long i = 0; i < count; i++) {
        const float g = gate[i];
        gate[i] = g / (1 + ck_exp(-g)) * up[i];
    }
}

void CK_FN(softmax)(float *x, long count) {
    if (count <= 0) return;
    /* Eight running maxima and sums, so both reductions vectorise without reassociating anything. */
    float lanes[8];
    long i = 0;
    for (int k = 0; k < 8; k++) lanes[k] = -__builtin_inff();
    for (; i + 8 <= count; i += 8)
        for (int k = 0; k < 8; k++) lanes[k] = x[i + k] > lanes[k] ? x[i + k] : lanes[k];
    float m = -__builtin_inff();
    for (int k = 0; k < 8; k++) m = lanes[k] > m ? lanes[k] : m;
    for (; i < count; i++) m = x[i] > m ? x[i] : m;
    if (m == -__builtin_inff()) {
        for (i = 0; i < count; i++) x[i] = 1.0f / (float)count;
        return;
    }
    for (i = 0; i < count; i++) x[i] = ck_exp(x[i] - m);
    for (int k = 0; k < 8; k++) lanes[k] = 0;
    for (i = 0; i + 8 <= count; i += 8)
        for (int k = 0; k < 8; k++) lanes[k] += x[i + k];
    float sum = ((lanes[0] + lanes[4]) + (lanes[1] + lanes[5])) + ((lanes[2] + lanes[6]) + (lanes[3] + lanes[7]));
    for (; i < count; i++) sum += x[i];
    const float inv = 1 / sum;
    for (i = 0; i < count; i++) x[i] *= inv;
}
