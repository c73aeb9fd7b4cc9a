/*
 * The list of kernels every instruction-set variant provides, as an X-macro: X(name, parameters, arguments).
 * kernel_bodies.h defines `ck_<name>_<suffix>` for each; kernels_dispatch.c builds one table per variant from it
 * and `ckern_kernels` hands out the table of the variant asked for.
 */
#ifndef CKERNELS_VARIANT_H
#define CKERNELS_VARIANT_H

#include "CKernels.h"

#define CK_CAT3(a, b, c) a##b##_##c
#define CK_NAME(prefix, name, suffix) CK_CAT3(prefix, name, suffix)
#define CK_FN(name) CK_NAME(ck_, name, CK_SUFFIX)

/* Every variant's kernels, for the dispatcher. */
#define CK_PROTO_scalar(name, params, args) void CK_NAME(ck_, name, scalar) params;
#define CK_PROTO_avx2(name, params, args) void CK_NAME(ck_, name, avx2) params;
#define CK_PROTO_avx512(name, params, args) void CK_NAME(ck_, name, avx512) params;
#define CK_PROTO_neon(name, params, args) void CK_NAME(ck_, name, neon) params;
CK_KERNEL_LIST(CK_PROTO_scalar)
#if defined(__x86_64__)
CK_KERNEL_LIST(CK_PROTO_avx2)
CK_KERNEL_LIST(CK_PROTO_avx512)
#endif
#if defined(__aarch64__)
CK_KERNEL_LIST(CK_PROTO_neon)
#endif

#endif
