/* The portable variant: plain C, vectorised by the compiler for the build's baseline (SSE2 on x86_64, NEON on arm64). */
#define CK_AVX2 0
#define CK_AVX512 0
#define CK_SUFFIX scalar
#include "kernel_bodies.h"
