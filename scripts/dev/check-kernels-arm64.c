/*
 * The arm64 side of the C kernels, run under qemu by scripts/dev/check-kernels-arm64.sh (dev only: this machine is
 * x86_64, so the Swift tests never reach the NEON variant). Checks that the dispatcher picks NEON exactly when the
 * CPU has dotprod, that every NEON gemv matches the portable variant within float summation error, and that the
 * NEON dequantisers, SiLU and attention kernels agree with the portable ones.
 */
#include "CKernels.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long state = 88172645463325252ULL;
static unsigned next(void) { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return (unsigned)state; }
static float uniform(float lo, float hi) { return lo + (hi - lo) * (float)(next() % 1000000) / 1000000.0f; }

/* binary16 of a float in the normal range (truncating; only needs to be a valid half) */
static unsigned short half_of(float f) {
    unsigned bits;
    memcpy(&bits, &f, 4);
    const unsigned sign = (bits >> 16) & 0x8000u;
    const int exponent = (int)((bits >> 23) & 0xff) - 127 + 15;
    return (unsigned short)(sign | ((unsigned)exponent << 10) | ((bits >> 13) & 0x3ffu));
}

static int failures = 0;

static void check_close(const char *what, const float *a, const float *b, const float *magnitude, long n) {
    for (long i = 0; i < n; i++) {
        if (fabsf(a[i] - b[i]) > magnitude[i] * 2e-6f + 1e-6f) {
            printf("FAIL %s[%ld]: %.9g vs %.9g\n", what, i, a[i], b[i]);
            failures++;
            return;
        }
    }
}

/* Random blocks of a 32-value format: `header` bytes of halves (scale, and min for Q4_1), then `quants` bytes. */
static void fill_blocks(unsigned char *w, long blocks, int header, int quants) {
    for (long b = 0; b < blocks; b++) {
        unsigned char *p = w + b * (header + quants);
        for (int h = 0; h < header; h += 2) {
            const unsigned short v = half_of(uniform(0.001f, 0.05f) * (next() & 1 ? 1 : -1));
            memcpy(p + h, &v, 2);
        }
        for (int i = 0; i < quants; i++) p[header + i] = (unsigned char)next();
    }
}

int main(void) {
    const int level = ckern_simd_level();
    printf("active variant: %s (dotprod %s)\n", ckern_level_name(level), ckern_supported(CKERN_NEON) ? "yes" : "no");
    if (ckern_supported(CKERN_NEON) != (level == CKERN_NEON)) { printf("FAIL dispatcher\n"); failures++; }
    const ckern_kernel_table *neon = ckern_kernels(CKERN_NEON), *portable = ckern_kernels(CKERN_SCALAR);
    if (!neon) { printf("no dotprod on this CPU: only the dispatcher was checked\n"); return failures ? 1 : 0; }

    enum { ROWS = 37, COLS = 32 * 24 };
    static unsigned char w[ROWS * (COLS / 32) * 34];
    static signed char q8[COLS];
    static float d32[COLS / 32], s32[COLS / 32], x[COLS], ya[ROWS], yb[ROWS], mag[ROWS];
    for (int i = 0; i < COLS; i++) { q8[i] = (signed char)(next() % 255 - 127); x[i] = uniform(-1, 1); }
    for (int b = 0; b < COLS / 32; b++) { d32[b] = uniform(0.001f, 0.02f); s32[b] = uniform(-2, 2); }
    struct { const char *name; int header, quants; } formats[] = {{"q8_0", 2, 32}, {"q4_0", 2, 16}, {"q4_1", 4, 16}};
    for (int f = 0; f < 3; f++) {
        fill_blocks(w, ROWS * (COLS / 32), formats[f].header, formats[f].quants);
        const long row_bytes = (COLS / 32) * (formats[f].header + formats[f].quants);
        /* |terms| bound: dequantise every row with the portable kernel and sum |w_i * x_i| over the activation */
        static float dense[ROWS * COLS];
        if (f == 0) portable->dequant_q8_0(w, ROWS * (COLS / 32), dense);
        if (f == 1) portable->dequant_q4_0(w, ROWS * (COLS / 32), dense);
        if (f == 2) portable->dequant_q4_1(w, ROWS * (COLS / 32), dense);
        for (int r = 0; r < ROWS; r++) {
            mag[r] = 0;
            for (int i = 0; i < COLS; i++) mag[r] += fabsf(dense[r * COLS + i] * (float)q8[i] * d32[i / 32]);
            mag[r] += 64;   /* the Q4_1 min terms */
        }
        static float dense_neon[ROWS * COLS];
        if (f == 0) { neon->gemv_q8_0(ROWS, COLS, w, row_bytes, q8, d32, ya); portable->gemv_q8_0(ROWS, COLS, w, row_bytes, q8, d32, yb);
                      neon->dequant_q8_0(w, ROWS * (COLS / 32), dense_neon); }
        if (f == 1) { neon->gemv_q4_0(ROWS, COLS, w, row_bytes, q8, d32, s32, ya); portable->gemv_q4_0(ROWS, COLS, w, row_bytes, q8, d32, s32, yb);
                      neon->dequant_q4_0(w, ROWS * (COLS / 32), dense_neon); }
        if (f == 2) { neon->gemv_q4_1(ROWS, COLS, w, row_bytes, q8, d32, s32, ya); portable->gemv_q4_1(ROWS, COLS, w, row_bytes, q8, d32, s32, yb);
                      neon->dequant_q4_1(w, ROWS * (COLS / 32), dense_neon); }
        check_close(formats[f].name, ya, yb, mag, ROWS);
        if (memcmp(dense, dense_neon, sizeof dense) != 0) { printf("FAIL dequant %s differs\n", formats[f].name); failures++; }
        printf("%s: NEON gemv and dequant checked (%d rows x %d columns)\n", formats[f].name, ROWS, COLS);
    }
    /* SiLU, softmax and attention: the same code in both variants; the results must agree bit for bit */
    static float g1[COLS], g2[COLS], up[COLS], s1[ROWS], s2[ROWS], o1[64], o2[64];
    for (int i = 0; i < COLS; i++) { g1[i] = g2[i] = uniform(-12, 12); up[i] = uniform(-1, 1); }
    neon->silu_mul(g1, up, COLS); portable->silu_mul(g2, up, COLS);
    neon->attn_scores(x, x + 64, ROWS, 16, 0.25f, s1); portable->attn_scores(x, x + 64, ROWS, 16, 0.25f, s2);
    neon->softmax(s1, ROWS); portable->softmax(s2, ROWS);
    neon->attn_mix(s1, x, ROWS, 16, o1); portable->attn_mix(s2, x, ROWS, 16, o2);
    if (memcmp(g1, g2, sizeof g1) != 0) { printf("FAIL silu differs\n"); failures++; }
    if (memcmp(o1, o2, 16 * sizeof(float)) != 0) { printf("FAIL attention differs\n"); failures++; }
    printf("%s\n", failures ? "FAILED" : "all arm64 kernel checks passed");
    return failures ? 1 : 0;
}
