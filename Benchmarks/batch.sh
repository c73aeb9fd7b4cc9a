#!/usr/bin/env bash
# ddx batch benchmark: builds a release ddx and runs `ddx bench batch` (default 32,000 synthesised MedReason-sized
# texts through parse, graph, link, verify, journal and report, with the shipped ontology), printing the figure and
# its same-run anchor (parse only, one core). Goal: 32,000 texts in under 60 s on a 2-core machine.
#
#   Benchmarks/batch.sh                 # 32,000 texts, all cores
#   Benchmarks/batch.sh --texts 4000    # extra arguments go to `ddx bench batch`
#   DDX_SCRATCH=.build-batch Benchmarks/batch.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="${DDX_SCRATCH:-.build-batch}"
swift build -c release --scratch-path "$scratch" --product ddx >&2
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/ddx"
"$bin" bench batch "$@"
