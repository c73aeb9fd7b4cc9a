#!/usr/bin/env python3
"""Dev-only: check ddx's inference core against independent references (not run in CI).

  pip install gguf numpy jinja2 llama-cpp-python
  swift build -c release
  python3 scripts/dev/check-model.py [--model FILE.gguf] [--ddx .build/release/ddx]

1. Logits: a float32 numpy forward pass over the GGUF's weights dequantised by `gguf.quants.dequantize`
   (a straightforward reference, written from the llama architecture) against `ddx model logits`.
2. Chat template: the prompt ddx renders against jinja2 with Hugging Face's settings.
3. Greedy continuations of 64 tokens on medical prompts against llama.cpp (llama-cpp-python) fed the same
   prompt token ids; the first divergence is reported with the top-1/top-2 margin of the reference logits there.
"""
import argparse, json, os, subprocess, sys
import numpy as np

PROMPTS = [
    "How to stop a cough?",
    "What are the risk factors for type 2 diabetes?",
    "A 55-year-old former smoker has exertional dyspnoea and wheeze. What is the likely diagnosis?",
    "What causes chest pain?",
    "How is atrial fibrillation diagnosed and treated?",
    "What is the differential diagnosis of a sudden severe headache?",
    "How should hypertension be managed?",
    "What can cause persistent lower back pain?",
]


def ddx(args, exe):
    out = subprocess.run([exe] + args, check=True, capture_output=True, text=True)
    return out.stdout


class Reference:
    """float32 llama/qwen2 forward pass on dequantised weights."""

    def __init__(self, path):
        import gguf
        r = gguf.GGUFReader(path)
        self.fields = r.fields
        def field(key, default=None):
            f = r.fields.get(key)
            if f is None:
                return default
            v = f.parts[f.data[0]]
            return bytes(v).decode() if f.types[0] == gguf.GGUFValueType.STRING else v[0].item()
        self.field = field
        arch = field("general.architecture")
        self.arch = arch
        self.layers = field(f"{arch}.block_count")
        self.heads = field(f"{arch}.attention.head_count")
        self.kv_heads = field(f"{arch}.attention.head_count_kv", self.heads)
        self.eps = field(f"{arch}.attention.layer_norm_rms_epsilon")
        self.base = field(f"{arch}.rope.freq_base", 10000.0)
        self.w = {}
        for t in r.tensors:
            a = gguf.quants.dequantize(t.data, t.tensor_type).astype(np.float32)
            shape = [int(x) for x in reversed(t.shape)]
            self.w[t.name] = a.reshape(shape)
        self.dim = self.w["token_embd.weight"].shape[1]
        self.hd = self.dim // self.heads
        self.neox = arch == "qwen2"
        self.template = field("tokenizer.chat_template")

    def rms(self, x, w):
        return x / np.sqrt(np.mean(x * x, axis=-1, keepdims=True) + self.eps) * w

    def rope(self, x, positions):
        hd = self.hd
        inv = self.base ** (-np.arange(0, hd, 2, dtype=np.float64) / hd)
        if "rope_freqs.weight" in self.w:
            inv = inv / self.w["rope_freqs.weight"].reshape(-1)
        ang = positions[:, None] * inv[None, :]
        cos, sin = np.cos(ang).astype(np.float32), np.sin(ang).astype(np.float32)
        out = x.copy()
        if self.neox:
            a, b = x[..., : hd // 2], x[..., hd // 2 :]
            out[..., : hd // 2] = a * cos[:, None, :] - b * sin[:, None, :]
            out[..., hd // 2 :] = a * sin[:, None, :] + b * cos[:, None, :]
        else:
            a, b = x[..., 0::2], x[..., 1::2]
            out[..., 0::2] = a * cos[:, None, :] - b * sin[:, None, :]
            out[..., 1::2] = a * sin[:, None, :] + b * cos[:, None, :]
        return out

    def logits(self, ids):
        w, n, hd = self.w, len(ids), self.hd
        x = w["token_embd.weight"][ids].astype(np.float32)
        pos = np.arange(n, dtype=np.float64)
        mask = np.triu(np.full((n, n), -np.inf, dtype=np.float32), 1)
        for l in range(self.layers):
            p = f"blk.{l}."
            h = self.rms(x, w[p + "attn_norm.weight"])
            q, k, v = h @ w[p + "attn_q.weight"].T, h @ w[p + "attn_k.weight"].T, h @ w[p + "attn_v.weight"].T
            if p + "attn_q.bias" in w:
                q, k, v = q + w[p + "attn_q.bias"], k + w[p + "attn_k.bias"], v + w[p + "attn_v.bias"]
            q = self.rope(q.reshape(n, self.heads, hd), pos)
            k = self.rope(k.reshape(n, self.kv_heads, hd), pos)
            v = v.reshape(n, self.kv_heads, hd)
            g = self.heads // self.kv_heads
            k, v = np.repeat(k, g, axis=1), np.repeat(v, g, axis=1)
            s = np.einsum("qhd,khd->hqk", q, k) / np.sqrt(hd) + mask
            s = np.exp(s - s.max(-1, keepdims=True))
            s /= s.sum(-1, keepdims=True)
            o = np.einsum("hqk,khd->qhd", s, v).reshape(n, -1)
            x = x + o @ w[p + "attn_output.weight"].T
            h = self.rms(x, w[p + "ffn_norm.weight"])
            gt, up = h @ w[p + "ffn_gate.weight"].T, h @ w[p + "ffn_up.weight"].T
            x = x + (gt / (1 + np.exp(-gt)) * up) @ w[p + "ffn_down.weight"].T
        out = w.get("output.weight", w["token_embd.weight"])
        return self.rms(x[-1], w["output_norm.weight"]) @ out.T


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=os.path.expanduser("~/.local/share/ddx/models/SmolLM2-135M-Instruct.Q4_1.gguf"))
    ap.add_argument("--ddx", default=".build/release/ddx")
    ap.add_argument("--tokens", type=int, default=64)
    a = ap.parse_args()
    ref = Reference(a.model)
    print(f"model {a.model}: {ref.arch}, {ref.layers} layers")

    # 1. Logits on the chat-formatted prompts.
    runs = []
    for prompt in PROMPTS:
        g = json.loads(ddx(["generate", prompt, "--model", a.model, "--template", "plain", "--no-prefill", "--json",
                            "--temperature", "0", "--repeat-penalty", "1", "--max-tokens", str(a.tokens)], a.ddx))
        runs.append(g)
    worst = 0.0
    for g in runs:
        ids = g["prompt_tokens"]
        mine = np.array(json.loads(ddx(["model", "logits", "--model", a.model, "--ids", ",".join(map(str, ids)), "--all"], a.ddx))["logits"])
        theirs = ref.logits(ids)
        rel = np.abs(mine - theirs).max() / np.abs(theirs).max()
        worst = max(worst, rel)
        print(f"logits: {len(ids)} prompt tokens, max |ddx - ref| / max|ref| = {rel:.4f}, top-1 {'same' if mine.argmax() == theirs.argmax() else 'DIFFERENT'}")
    print(f"logits: worst relative difference {worst:.4f} over {len(runs)} prompts")

    # 2. Chat template against jinja2.
    try:
        from jinja2.sandbox import ImmutableSandboxedEnvironment
        env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)
        t = env.from_string(ref.template)
        same = 0
        for prompt, g in zip(PROMPTS, runs):
            expected = t.render(messages=[{"role": "user", "content": prompt}], add_generation_prompt=True,
                                bos_token="", eos_token="")
            same += expected == g["prompt"]
        print(f"chat template: {same}/{len(runs)} prompts rendered byte-identically to jinja2")
    except ImportError:
        print("chat template: jinja2 not installed; skipped")

    # 3. Greedy continuations against llama.cpp from the same prompt ids.
    try:
        from llama_cpp import Llama
    except ImportError:
        print("greedy: llama-cpp-python not installed; skipped")
        return
    llm = Llama(model_path=a.model, n_ctx=2048, n_threads=2, logits_all=False, verbose=False)
    for prompt, g in zip(PROMPTS, runs):
        ids, mine = g["prompt_tokens"], g["tokens"]
        llm.reset()
        theirs = []
        for tok in llm.generate(ids, temp=0.0, top_k=1, repeat_penalty=1.0):
            if tok == llm.token_eos() or len(theirs) >= len(mine):
                break
            theirs.append(tok)
        n = 0
        while n < min(len(mine), len(theirs)) and mine[n] == theirs[n]:
            n += 1
        if n == len(mine) == len(theirs):
            print(f"greedy: identical {n} tokens  ({prompt[:40]})")
        else:
            l = ref.logits(ids + mine[:n])
            top = np.sort(l)[-2:]
            print(f"greedy: first {n} of {len(mine)} tokens identical; at the divergence the reference top-1/top-2 margin is {top[1]-top[0]:.3f}  ({prompt[:40]})")


if __name__ == "__main__":
    main()
