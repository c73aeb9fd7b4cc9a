#!/usr/bin/env python3
"""ddx's inference core against llama.cpp (through llama-cpp-python) on the same GGUF files, same thread counts,
alternating engines round by round so both see the same machine state. Prints medians and ratios (ddx / llama.cpp).

Both engines run the same procedure: a 512-token prompt in one batch, then 128 greedy tokens one at a time after it
(as `ddx bench model` does). Peak memory: ddx's whole process; llama.cpp's peak RSS minus the Python process's RSS
before the model was loaded (the interpreter and numpy are not counted against it).

Variants of the default model (Q8_0, Q4_K_M, F16, F32) are made once with llama.cpp's quantiser (requantised from the
Q4_1 file: the same weights in each format, which is what a speed comparison needs) into ~/.cache/ddx-bench.

    Benchmarks/engines.sh                                  # Q4_1, Q8_0, Q4_K_M at 1 and 2 threads, 3 rounds
    Benchmarks/engines.sh --formats Q4_1 --threads 2 --rounds 5
Dev-only: needs `pip install llama-cpp-python` (it builds llama.cpp for this CPU).
"""
import argparse, json, os, statistics, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CACHE = os.path.expanduser(os.environ.get("DDX_BENCH_CACHE", "~/.cache/ddx-bench"))
FTYPES = {"Q8_0": "LLAMA_FTYPE_MOSTLY_Q8_0", "Q4_K_M": "LLAMA_FTYPE_MOSTLY_Q4_K_M", "Q4_0": "LLAMA_FTYPE_MOSTLY_Q4_0",
          "F16": "LLAMA_FTYPE_MOSTLY_F16", "F32": "LLAMA_FTYPE_ALL_F32"}

LLAMA_CHILD = r"""
import json, random, sys, time, numpy as np, llama_cpp
def rss(key):
    for line in open('/proc/self/status'):
        if line.startswith(key): return int(line.split()[1]) / 1024
path, threads, prompt_n, gen_n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
before = rss('VmRSS:')
tload = time.perf_counter()
llm = llama_cpp.Llama(model_path=path, n_ctx=prompt_n + gen_n + 16, n_threads=threads, n_threads_batch=threads,
                      n_batch=prompt_n, n_ubatch=prompt_n, verbose=False)
nv = llm.n_vocab()
def argmax(): return int(np.argmax(np.ctypeslib.as_array(llm._ctx.get_logits(), shape=(nv,))))
random.seed(1234)
prompt = [random.randint(100, nv - 100) for _ in range(prompt_n)]
t0 = time.perf_counter(); llm.eval(prompt); t1 = time.perf_counter()
tok = argmax()
first = time.perf_counter()
for _ in range(gen_n):
    llm.eval([tok]); tok = argmax()
t2 = time.perf_counter()
print(json.dumps({"prompt_tps": prompt_n / (t1 - t0), "gen_tps": gen_n / (t2 - t1), "peak_rss_mb": rss('VmHWM:') - before,
                  "ttft_from_load_ms": (first - tload) * 1000}))
"""


def variant(source, fmt):
    """The default model in format `fmt` (made once with llama.cpp's quantiser)."""
    if fmt == "Q4_1":
        return source
    out = os.path.join(CACHE, os.path.basename(source).replace(".Q4_1.", f".{fmt}."))
    if os.path.exists(out):
        return out
    import ctypes, llama_cpp
    os.makedirs(CACHE, exist_ok=True)
    params = llama_cpp.llama_model_quantize_default_params()
    params.ftype = getattr(llama_cpp, FTYPES[fmt])
    params.allow_requantize = True
    params.nthread = os.cpu_count() or 1
    saved = os.dup(2)
    with open(os.devnull, "w") as null:   # the quantiser prints a line per tensor
        os.dup2(null.fileno(), 2)
        try:
            rc = llama_cpp.llama_model_quantize(source.encode(), (out + ".tmp").encode(), ctypes.byref(params))
        finally:
            os.dup2(saved, 2)
    if rc != 0:
        sys.exit(f"engines.py: llama.cpp could not make the {fmt} variant (code {rc})")
    os.replace(out + ".tmp", out)
    return out


def ddx(binary, path, threads, prompt_n, gen_n):
    out = subprocess.run([binary, "bench", "model", "--model", path, "--threads", str(threads), "--prompt-tokens",
                          str(prompt_n), "--gen-tokens", str(gen_n), "--repetitions", "1", "--json"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def llama(path, threads, prompt_n, gen_n):
    out = subprocess.run([sys.executable, "-c", LLAMA_CHILD, path, str(threads), str(prompt_n), str(gen_n)],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ddx", required=True, help="the release ddx binary")
    ap.add_argument("--model", required=True, help="the default model (Q4_1)")
    ap.add_argument("--formats", default="Q4_1,Q8_0,Q4_K_M")
    ap.add_argument("--threads", default="1,2")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--prompt-tokens", type=int, default=512)
    ap.add_argument("--gen-tokens", type=int, default=128)
    ap.add_argument("--json", action="store_true", help="one JSON object per row instead of the table")
    a = ap.parse_args()
    try:
        import llama_cpp  # noqa: F401
    except ImportError:
        sys.exit("engines.py: llama-cpp-python is not installed (pip install llama-cpp-python); nothing to compare with")
    rows = []
    for fmt in a.formats.split(","):
        path = variant(a.model, fmt)
        for threads in (int(t) for t in a.threads.split(",")):
            d, l = [], []
            for _ in range(a.rounds):
                d.append(ddx(a.ddx, path, threads, a.prompt_tokens, a.gen_tokens))
                l.append(llama(path, threads, a.prompt_tokens, a.gen_tokens))
            med = lambda runs, k: statistics.median(r[k] for r in runs)
            row = {"format": fmt, "threads": threads}
            for k in ("prompt_tps", "gen_tps", "peak_rss_mb"):
                row["ddx_" + k], row["llama_" + k] = med(d, k), med(l, k)
                row[k + "_ratio"] = row["ddx_" + k] / row["llama_" + k] if row["llama_" + k] else float("nan")
            rows.append(row)
            if a.json:
                print(json.dumps(row), flush=True)
    # Time to first token: the default model, a 200-token prompt, 2 threads. ddx from its process start and from the
    # start of its model load; llama.cpp from the start of its model load (the Python interpreter is not counted).
    td, tl = [], []
    for _ in range(max(3, a.rounds)):
        td.append(ddx(a.ddx, a.model, 2, 200, 1))
        tl.append(llama(a.model, 2, 200, 1))
    ttft = {"ddx_ttft_ms": statistics.median(r["ttft_ms"] for r in td),
            "ddx_ttft_from_load_ms": statistics.median(r["ttft_from_load_ms"] for r in td),
            "llama_ttft_from_load_ms": statistics.median(r["ttft_from_load_ms"] for r in tl)}
    ttft["ttft_from_load_ratio"] = ttft["llama_ttft_from_load_ms"] / ttft["ddx_ttft_from_load_ms"]
    if a.json:
        print(json.dumps(ttft))
        return
    print(f"{'format':7} {'thr':>3} | {'prompt tok/s ddx':>16} {'llama.cpp':>9} {'ratio':>6} | {'gen tok/s ddx':>13} "
          f"{'llama.cpp':>9} {'ratio':>6} | {'peak MiB ddx':>12} {'llama.cpp':>9} {'ratio':>6}")
    for r in rows:
        print(f"{r['format']:7} {r['threads']:>3} | {r['ddx_prompt_tps']:16.1f} {r['llama_prompt_tps']:9.1f} "
              f"{r['prompt_tps_ratio']:5.2f}x | {r['ddx_gen_tps']:13.1f} {r['llama_gen_tps']:9.1f} {r['gen_tps_ratio']:5.2f}x | "
              f"{r['ddx_peak_rss_mb']:12.1f} {r['llama_peak_rss_mb']:9.1f} {r['peak_rss_mb_ratio']:5.2f}x")
    print(f"time to first token, default model, 200-token prompt, 2 threads: ddx {ttft['ddx_ttft_ms']:.0f} ms from process "
          f"start, {ttft['ddx_ttft_from_load_ms']:.0f} ms from the load's start; llama.cpp "
          f"{ttft['llama_ttft_from_load_ms']:.0f} ms from the load's start ({ttft['ttft_from_load_ratio']:.2f}x as long as ddx)")
    print(f"medians of {a.rounds} alternating rounds; prompt {a.prompt_tokens} tokens, then {a.gen_tokens} generated")


if __name__ == "__main__":
    main()
