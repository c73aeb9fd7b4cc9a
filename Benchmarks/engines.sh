#!/usr/bin/env bash
# ddx's inference core against llama.cpp on the same GGUF files and thread counts (see engines.py): builds a release
# ddx, then alternates the two engines round by round and prints medians and ratios. Dev-only: needs llama-cpp-python.
#
#   Benchmarks/engines.sh                                   # Q4_1, Q8_0, Q4_K_M at 1 and 2 threads
#   Benchmarks/engines.sh --formats Q4_1 --threads 2 --rounds 5
#   DDX_MODEL=/path/to/SmolLM2-135M-Instruct.Q4_1.gguf Benchmarks/engines.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="${DDX_SCRATCH:-.build}"
swift build -c release --scratch-path "$scratch" --product ddx >&2
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/ddx"
model="${DDX_MODEL:-${XDG_DATA_HOME:-$HOME/.local/share}/ddx/models/SmolLM2-135M-Instruct.Q4_1.gguf}"
[ -f "$model" ] || { echo "engines.sh: no model at $model (run scripts/setup, or set DDX_MODEL)" >&2; exit 1; }
exec python3 Benchmarks/engines.py --ddx "$bin" --model "$model" "$@"
