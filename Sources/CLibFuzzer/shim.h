// libFuzzer's driver entry point (compiler-rt, linked by `-sanitize=fuzzer`). Declared here only: the symbol
// exists in fuzzing builds (`scripts/fuzz`), and ddx-fuzz references it only under `#if DDX_FUZZ`.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
