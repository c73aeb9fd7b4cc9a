#!/usr/bin/env python3
"""Writes the tiny GGUF seed files of the `gguf` fuzzing target (Tests/FuzzTargetsTests/Corpus/gguf/).

Dev only: needs the `gguf` and `numpy` packages from PyPI. The files are committed; rerun only to change them.
Each is a complete one-block llama or qwen2 model (8-wide, vocabulary of the 256 byte tokens plus a few) with
tokenizer metadata and a chat template, small enough for libFuzzer to mutate.
"""
import sys
from pathlib import Path

import gguf
import numpy as np

BYTES = []
n = 256
for b in range(256):
    if 0x21 <= b <= 0x7E or 0xA1 <= b <= 0xAC or 0xAE <= b <= 0xFF:
        BYTES.append(chr(b))
    else:
        BYTES.append(chr(n))
        n += 1
WORDS = ["co", "ugh", "cough", "Ġf", "ever", "Ġfever"]
MERGES = ["c o", "u g", "co ugh", "Ġ f", "e v", "ev er", "Ġf ever"]
SPECIALS = ["<|im_start|>", "<|im_end|>", "<s>"]
CHATML = ("{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + "
          "'<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}")


def write(path, arch, qtype):
    tokens = BYTES + WORDS + SPECIALS
    w = gguf.GGUFWriter(str(path), arch)
    w.add_name(f"fuzz-{arch}")
    w.add_block_count(1)
    w.add_context_length(32)
    w.add_embedding_length(32)
    w.add_feed_forward_length(32)
    w.add_head_count(2)
    w.add_head_count_kv(1)
    w.add_layer_norm_rms_eps(1e-5)
    w.add_rope_freq_base(10000.0)
    w.add_tokenizer_model("gpt2")
    w.add_tokenizer_pre("qwen2" if arch == "qwen2" else "smollm")
    w.add_token_list(tokens)
    w.add_token_types([1] * (len(tokens) - len(SPECIALS)) + [3] * len(SPECIALS))
    w.add_token_merges(MERGES)
    w.add_bos_token_id(len(tokens) - 1)
    w.add_eos_token_id(len(tokens) - 2)
    w.add_chat_template(CHATML)
    rng = np.random.default_rng(7)
    e, f, hd = 32, 32, 16

    def t(name, shape, quant=True):
        data = rng.standard_normal(shape).astype(np.float32) * 0.1
        if quant and qtype != gguf.GGMLQuantizationType.F32:
            data = gguf.quants.quantize(data, qtype)
            w.add_tensor(name, data, raw_dtype=qtype)
        else:
            w.add_tensor(name, data)

    t("token_embd.weight", (len(tokens), e))
    t("blk.0.attn_norm.weight", (e,), quant=False)
    t("blk.0.attn_q.weight", (2 * hd, e))
    t("blk.0.attn_k.weight", (hd, e))
    t("blk.0.attn_v.weight", (hd, e))
    if arch == "qwen2":
        t("blk.0.attn_q.bias", (2 * hd,), quant=False)
        t("blk.0.attn_k.bias", (hd,), quant=False)
        t("blk.0.attn_v.bias", (hd,), quant=False)
    t("blk.0.attn_output.weight", (e, 2 * hd))
    t("blk.0.ffn_norm.weight", (e,), quant=False)
    t("blk.0.ffn_gate.weight", (f, e))
    t("blk.0.ffn_up.weight", (f, e))
    t("blk.0.ffn_down.weight", (e, f))
    t("output_norm.weight", (e,), quant=False)
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()


out = Path(sys.argv[1] if len(sys.argv) > 1 else "Tests/FuzzTargetsTests/Corpus/gguf")
out.mkdir(parents=True, exist_ok=True)
write(out / "llama-q8_0.gguf", "llama", gguf.GGMLQuantizationType.Q8_0)
write(out / "qwen2-q4_0.gguf", "qwen2", gguf.GGMLQuantizationType.Q4_0)
