#!/usr/bin/env bash
# Dev only: shows that one release binary runs on an x86_64 CPU without AVX (qemu's Nehalem model, so the portable
# C kernels and OpenBLAS's Nehalem core are used) and generates the same greedy text there as natively with each
# kernel variant. Needs Debian's qemu-user and the default model (scripts/setup); takes a few minutes under emulation.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release >/dev/null
ddx=.build/release/ddx
question="A 60-year-old smoker has a chronic cough. What is the most likely diagnosis?"
run() { "$@" generate "$question" --temperature 0 --max-tokens 24 2>/dev/null | sha256sum | cut -c1-16; }
native=$(run "$ddx")
echo "native ($("$ddx" bench model --threads 1 --prompt-tokens 1 --gen-tokens 1 --json | sed 's/.*"kernels":"\([^"]*\)".*/\1/')): $native"
for k in avx2 scalar; do echo "DDX_KERNELS=$k: $(DDX_KERNELS=$k run "$ddx")"; done
emulated=$(run qemu-x86_64 -cpu Nehalem "$ddx")
echo "qemu Nehalem (no AVX): $emulated"
[ "$native" = "$emulated" ] && echo "same greedy text everywhere" || { echo "the emulated run differs"; exit 1; }
