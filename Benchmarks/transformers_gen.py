#!/usr/bin/env python3
"""Dev-only: generation speed of the seeds' own path, Hugging Face transformers `generate` on the CPU in float32, on
the default model's GGUF (transformers dequantises it), against `ddx bench model` on the same file and thread count,
measured one after the other in this run. Prints tokens/s, peak memory and the ratio.

    pip install torch transformers accelerate        # large; not needed for anything else
    python3 Benchmarks/transformers_gen.py --ddx .build/release/ddx [--threads 2] [--tokens 128]
"""
import argparse, json, os, resource, subprocess, sys, time


def transformers_run(path, threads, prompt_tokens, gen_tokens):
    import torch
    from transformers import AutoModelForCausalLM
    torch.set_num_threads(threads)
    folder, name = os.path.split(path)
    model = AutoModelForCausalLM.from_pretrained(folder, gguf_file=name, torch_dtype=torch.float32)
    model.eval()
    ids = torch.randint(100, model.config.vocab_size - 100, (1, prompt_tokens), generator=torch.Generator().manual_seed(1))
    with torch.no_grad():
        model.generate(ids, max_new_tokens=4, do_sample=False, min_new_tokens=4)   # warm-up
        t0 = time.perf_counter()
        model(ids)
        t1 = time.perf_counter()
        out = model.generate(ids, max_new_tokens=gen_tokens, min_new_tokens=gen_tokens, do_sample=False)
        t2 = time.perf_counter()
    generated = out.shape[1] - prompt_tokens
    # generate() also processes the prompt once: take it out of the generation time.
    return {"gen_tps": generated / ((t2 - t1) - (t1 - t0)), "prompt_tps": prompt_tokens / (t1 - t0),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ddx", default=".build/release/ddx")
    ap.add_argument("--model", default=os.path.expanduser("~/.local/share/ddx/models/SmolLM2-135M-Instruct.Q4_1.gguf"))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--prompt-tokens", type=int, default=64)
    ap.add_argument("--tokens", type=int, default=128)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        print(json.dumps(transformers_run(a.model, a.threads, a.prompt_tokens, a.tokens)))
        return
    try:
        import torch, transformers  # noqa: F401
    except ImportError:
        sys.exit("transformers_gen.py: needs `pip install torch transformers accelerate`")
    hf = json.loads(subprocess.run([sys.executable, __file__, "--child", "--model", a.model, "--threads", str(a.threads),
                                    "--prompt-tokens", str(a.prompt_tokens), "--tokens", str(a.tokens)],
                                   check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1])
    ddx = json.loads(subprocess.run([a.ddx, "bench", "model", "--model", a.model, "--threads", str(a.threads),
                                     "--prompt-tokens", str(a.prompt_tokens), "--gen-tokens", str(a.tokens),
                                     "--repetitions", "3", "--json"], check=True, capture_output=True, text=True).stdout)
    print(f"transformers (float32): {hf['gen_tps']:.1f} generated tokens/s, peak {hf['peak_rss_mb']:.0f} MiB")
    print(f"ddx:                    {ddx['gen_tps']:.1f} generated tokens/s, peak {ddx['peak_rss_mb']:.0f} MiB")
    print(f"ratio: ddx generates {ddx['gen_tps'] / hf['gen_tps']:.1f}x as fast with {ddx['peak_rss_mb'] / hf['peak_rss_mb']:.2f}x the memory "
          f"({a.threads} threads, {a.prompt_tokens}-token prompt, {a.tokens} greedy tokens)")


if __name__ == "__main__":
    main()
