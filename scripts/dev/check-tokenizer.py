#!/usr/bin/env python3
"""Dev-only: check tokenizer agreement with llama.cpp (llama-cpp-python) on varied strings (not run in CI).

  pip install llama-cpp-python
  python3 scripts/dev/check-tokenizer.py --smollm SmolLM2-135M-Instruct.Q4_1.gguf [--qwen Qwen.gguf]
  python3 scripts/dev/check-tokenizer.py --smollm ... --write      # (re)write the golden files
  python3 scripts/dev/check-tokenizer.py --smollm ... --ddx .build/release/ddx
  python3 scripts/dev/check-tokenizer.py --smollm ... --encoder "CMD"

For each model the script tokenizes CASES with llama.cpp (vocab only) and compares the ids with the golden file
Tests/TokenizationTests/Golden/<name>.json, which the Swift tests compare ddx's tokenizer against when the model is
present. `--write` regenerates the golden file from llama.cpp instead. `--ddx EXE` also compares `ddx tokenize`
with llama.cpp; `--encoder CMD` runs `CMD MODEL` with the cases as JSON on stdin ([{"text", "add_special",
"parse_special"}]) and expects a JSON array of id arrays on stdout. A truncated model file whose header is complete
(e.g. the first part of a split download) is read through a temporary vocab-only copy.
"""
import argparse, json, os, subprocess, sys

# The file name a golden set records (the Swift test looks for it in the model folder) when the given path is not a
# plain .gguf (e.g. the first part of a split download).
MODEL_NAMES = {"smollm2": "SmolLM2-135M-Instruct.Q4_1.gguf", "deepseek-r1-qwen": "DeepSeek-R1-Distill-Qwen-7B.gguf"}

GOLDEN_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "TokenizationTests", "Golden")

MEDICAL = ("A 67-year-old man presents with 3 days of productive cough, fever (38.9 °C), pleuritic chest pain and "
           "dyspnoea. CRP 148 mg/L, WBC 15.2 × 10⁹/L; CXR: right lower-lobe consolidation. CURB-65 = 2 → "
           "admit; start amoxicillin 1 g PO TDS ± clarithromycin 500 mg BD.")

TEXTS = [
    "Hello world",
    "Cough -> Expectorants (e.g., guaifenesin)",
    "A 55-year-old former smoker has exertional dyspnoea and wheeze.",
    "Patient's BP was 120/80 mmHg; HR 72 bpm; SpO2 98%.",
    "Dose: 0.5 mg/kg q6h, max 4,000 mg/day (1,234,567.89 units)",
    "I'm sure they'll say we've done what you'd expect. It's John's.",
    "SHOUTING CAN'T HURT: I'M FINE, WE'RE OK, THEY'LL GO, YOU'D KNOW",
    "'s 't 're 've 'm 'll 'd 'S 'T 'RE 'Ll",
    "   leading spaces and trailing spaces   ",
    "tabs\tand\t\tmore\ttabs\t",
    "line one\nline two\n\nline four\r\nwindows line\r\n",
    "\n\n\n",
    "  \n  \t\n x  y   z",
    "hyper-\ntension\t\n \n  x",
    "    indented code\n        deeper\n",
    "def f(x):\n    return x ** 2  # square\n",
    "for (int i = 0; i < n; ++i) { sum += a[i]; }",
    "{\"key\": [1, 2, 3], \"nested\": {\"a\": null}}",
    "中文文本：肺炎的症状包括咳嗽、发烧和呼吸困难。",
    "日本語のテキストとカタカナ、ひらがな。",
    "한국어 텍스트입니다.",
    "Ελληνικά κείμενα και русский текст.",
    "العربية نص",
    "emoji 😀😃🎉 👩‍⚕️ 🇫🇷 ❤️",
    "Café naïve résumé — “quotes” ‘single’ … ©®™",
    "combining: e\u0301 a\u0308 n\u0303",
    "numbers: 1 12 123 1234 12345 123456 3.14159 ½ ² ٣ ४",
    "Mixed123abc456def 7x8=56",
    "URL https://example.com/path?q=1&r=2#frag and email a.b@c.org",
    "ICD-10: J18.9, E11.65; HbA1c 7.2% (55 mmol/mol); eGFR <60 mL/min/1.73m²",
    "Ünïcödé ÇÀPS and ǅ titlecase, ﬁ ligature, ＦＵＬＬＷＩＤＴＨ １２３",
    "math: ∑ ∫ √ ≤ ≥ ≠ ∞ α β γ",
    "bell\u0007 unit\u001f sep \u007f del",
    "non\u00a0breaking\u2003em\u3000ideographic spaces",
    "zero\u200bwidth\u200djoiner\ufeffbom \u0085nel \u2028ls\u2029ps",
    "!!!??? ... --- === *** ### <<>> ||",
    "Long word: pneumonoultramicroscopicsilicovolcanoconiosis antidisestablishmentarianism",
    "a" * 70,
    " " * 100 + "x",
    "=" * 64,
    "咳嗽" * 40,
    MEDICAL,
    " ",
    "",
    "a",
    "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\nHow to stop a cough?<|im_end|>\n<|im_start|>assistant\n",
    "<|im_start|><|im_end|><|endoftext|>",
    "text<|im_end|>more <|im_end|> spaced",
    "<think>\nreasoning\n</think>\n\nanswer",
    "<｜User｜>Hello<｜Assistant｜>Hi<｜end▁of▁sentence｜>",
    "<tool_call>{\"name\": \"x\"}</tool_call> and </s> <s>",
]

# (text index, add_special, parse_special) beyond the default (False, True) for every text.
VARIANTS = [(45, False, False), (46, False, False), (47, True, True), (48, False, False), (49, True, False),
            (0, True, True), (43, True, True), (41, True, False)]


def cases():
    out = [{"text": t, "add_special": False, "parse_special": True} for t in TEXTS]
    out += [{"text": TEXTS[i], "add_special": a, "parse_special": p} for i, a, p in VARIANTS]
    return out


def vocab_only_copy(path):
    """A temporary GGUF with `path`'s metadata and no tensors: llama.cpp refuses truncated files even with
    vocab_only, and a model's first split part holds the whole header."""
    import tempfile
    import gguf
    gguf.GGUFReader._build_tensors = lambda self, offsets, fields: setattr(self, "tensors", [])
    reader = gguf.GGUFReader(path)
    types = gguf.GGUFValueType
    arch = bytes(reader.fields["general.architecture"].parts[-1]).decode()
    out = os.path.join(tempfile.mkdtemp(), "vocab-only.gguf")
    writer = gguf.GGUFWriter(out, arch)
    for key, field in reader.fields.items():
        if key.startswith("GGUF.") or key == "general.architecture":
            continue
        kind = field.types[0]
        if kind == types.ARRAY:
            sub = field.types[1]
            values = [bytes(field.parts[i]) if sub == types.STRING else field.parts[i][0].item() for i in field.data]
            writer.add_key_value(key, values, types.ARRAY, sub_type=sub)
        elif kind == types.STRING:
            writer.add_key_value(key, bytes(field.parts[field.data[0]]).decode(), types.STRING)
        else:
            writer.add_key_value(key, field.parts[field.data[0]][0].item(), kind)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return out


def reference(model_path):
    import ctypes
    import llama_cpp
    from llama_cpp import Llama
    try:
        model = Llama(model_path=model_path, vocab_only=True, verbose=False)
    except ValueError:
        model = Llama(model_path=vocab_only_copy(model_path), vocab_only=True, verbose=False)
    vocab = llama_cpp.llama_model_get_vocab(model.model)

    def decode(ids):
        data = b""
        buffer = ctypes.create_string_buffer(1024)
        for i in ids:
            n = llama_cpp.llama_token_to_piece(vocab, i, buffer, 1024, 0, True)
            data += buffer.raw[:n]
        return data

    results = []
    for case in cases():
        ids = model.tokenize(case["text"].encode("utf-8"), add_bos=case["add_special"], special=case["parse_special"])
        entry = dict(case, ids=ids)
        data = decode(ids)
        try:
            entry["decoded"] = data.decode("utf-8")
        except UnicodeDecodeError:
            entry["decoded_hex"] = data.hex()
        results.append(entry)
    version = getattr(llama_cpp, "__version__", "?")
    return results, version, model.n_vocab()


def write_golden(path, model, reference_name, n_vocab, results):
    """One case per line, so diffs of the golden file stay readable."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    head = {"model": model, "reference": reference_name, "vocabulary_size": n_vocab}
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "cases": [\n')
        f.write(",\n".join(json.dumps(r, ensure_ascii=False) for r in results))
        f.write("\n]}\n")


def ddx_encode(ddx, model_path, results):
    """Ids from `ddx tokenize` for each case."""
    ids = []
    for case in results:
        command = [ddx, "tokenize", "--model", model_path, "--format", "json"]
        command += [] if case["add_special"] else ["--no-add-special"]
        command += [] if case["parse_special"] else ["--no-parse-special"]
        out = subprocess.run(command + ["--", case["text"]], capture_output=True, text=True, check=True)
        ids.append(json.loads(out.stdout)["ids"])
    return ids


def compare(name, expected, actual):
    bad = 0
    for e, a in zip(expected, actual):
        if e["ids"] != a:
            bad += 1
            print(f"  MISMATCH {name}: {e['text']!r} add_special={e['add_special']} parse_special={e['parse_special']}")
            print(f"    expected {e['ids']}")
            print(f"    actual   {a}")
    print(f"{name}: {len(expected) - bad}/{len(expected)} cases identical")
    return bad


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--smollm", default=os.path.expanduser("~/.local/share/ddx/models/SmolLM2-135M-Instruct.Q4_1.gguf"))
    ap.add_argument("--qwen", help="a DeepSeek-R1-Distill-Qwen GGUF (pre-tokenizer deepseek-r1-qwen)")
    ap.add_argument("--write", action="store_true", help="rewrite the golden files from llama.cpp")
    ap.add_argument("--encoder", help="a command given MODEL that encodes the JSON cases on stdin")
    ap.add_argument("--ddx", help="a ddx executable: compare `ddx tokenize` with llama.cpp too")
    args = ap.parse_args()
    models = [("smollm2", args.smollm)] + ([("deepseek-r1-qwen", args.qwen)] if args.qwen else [])
    failures = 0
    for name, path in models:
        if not os.path.exists(path):
            print(f"{name}: {path} not found, skipped")
            continue
        results, version, n_vocab = reference(path)
        golden_path = os.path.join(GOLDEN_DIR, f"{name}.json")
        if args.write:
            model_name = os.path.basename(path) if path.endswith(".gguf") else MODEL_NAMES[name]
            write_golden(golden_path, model_name, f"llama-cpp-python {version}", n_vocab, results)
            print(f"{name}: wrote {len(results)} cases to {os.path.relpath(golden_path)}")
        else:
            with open(golden_path, encoding="utf-8") as f:
                golden = json.load(f)
            failures += compare(f"{name} llama.cpp {version} vs golden", golden["cases"], [r["ids"] for r in results])
        if args.encoder:
            request = json.dumps([{k: c[k] for k in ("text", "add_special", "parse_special")} for c in results])
            out = subprocess.run(args.encoder.split() + [path], input=request, capture_output=True, text=True, check=True)
            failures += compare(f"{name} encoder vs llama.cpp", results, json.loads(out.stdout))
        if args.ddx:
            failures += compare(f"{name} ddx tokenize vs llama.cpp", results, ddx_encode(args.ddx, path, results))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
