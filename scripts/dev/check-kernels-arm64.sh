#!/usr/bin/env bash
# Dev only: cross-compiles the C kernels for arm64 and runs scripts/dev/check-kernels-arm64.c under qemu, once on a
# CPU with the dot-product extension (the NEON variant is picked and checked against the portable one) and once on
# one without (the dispatcher must fall back to the portable code). Needs Debian's gcc-aarch64-linux-gnu,
# libc6-dev-arm64-cross and qemu-user (apt-get install them; nothing here is used by the build or CI).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
aarch64-linux-gnu-gcc -O3 -static -ffp-contract=off -Wall -Wno-unknown-pragmas -ISources/CKernels/include \
    -ISources/CKernels Sources/CKernels/kernels_scalar.c Sources/CKernels/kernels_neon.c \
    Sources/CKernels/kernels_dispatch.c scripts/dev/check-kernels-arm64.c -lm -o "$out/check"
echo "== Neoverse-N1 (dotprod)"
qemu-aarch64 -cpu neoverse-n1 "$out/check"
echo "== Cortex-A53 (no dotprod)"
qemu-aarch64 -cpu cortex-a53 "$out/check"
