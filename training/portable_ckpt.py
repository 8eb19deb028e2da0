"""Moves a trained checkpoint between machines and torch versions as plain numpy arrays.

    python3 training/portable_ckpt.py to-npz models/checkpoints/main/ckpt.pt weights.npz     # on the GPU machine
    python3 training/portable_ckpt.py from-npz weights.npz models/checkpoints/main/ckpt.pt   # where the export runs
    python3 training/portable_ckpt.py from-npz part0.npz part1.npz ... ckpt.pt               # weights split in parts

Why: a GPU machine may run another torch (2.x) than the one that exports the ONNX file (Debian's 1.13 here);
the model weights, config and training counters travel as an .npz that every numpy reads, without the
optimizer state (only `--resume` needs it, and it triples the size), and with the tied LM head stored once
(it is the token embedding). The rebuilt checkpoint exports and samples like the original; it cannot be
resumed. Parts: the tensors of one checkpoint may be spread over several .npz files, read together.
"""
import json
import os
import sys

import numpy as np

TIED_HEAD = "lm_head.weight"
EMBEDDING = "transformer.wte.weight"
META_KEYS = ("config", "step", "train_seconds", "tokens_seen", "epoch", "tokenizer_hash", "args")


def to_npz(ckpt_path, npz_path):
    import torch
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from model import load_checkpoint
    state = load_checkpoint(ckpt_path)
    weights = state["model"]
    tied = TIED_HEAD in weights and torch.equal(weights[TIED_HEAD], weights[EMBEDDING])
    arrays = {"w/" + name: tensor.detach().float().cpu().numpy() for name, tensor in weights.items()
              if not (tied and name == TIED_HEAD)}
    meta = {key: state.get(key) for key in META_KEYS}
    meta["tied_head"] = tied
    meta["torch"] = torch.__version__
    np.savez(npz_path, __meta__=np.frombuffer(json.dumps(meta, default=str).encode("utf-8"), dtype=np.uint8), **arrays)
    print("wrote %s (%d tensors)" % (npz_path, len(arrays)))


def from_npz(npz_paths, ckpt_path):
    import torch
    weights = {}
    meta = None
    for path in npz_paths:
        data = np.load(path)
        meta = meta or json.loads(bytes(data["__meta__"]).decode("utf-8"))
        weights.update({name[2:]: torch.from_numpy(np.array(data[name])) for name in data.files if name.startswith("w/")})
    if meta.get("tied_head", False) or (TIED_HEAD not in weights and EMBEDDING in weights):
        weights[TIED_HEAD] = weights[EMBEDDING]
    os.makedirs(os.path.dirname(os.path.abspath(ckpt_path)), exist_ok=True)
    torch.save({"model": weights, **{key: meta.get(key) for key in META_KEYS}, "trained_with_torch": meta.get("torch")}, ckpt_path)
    print("wrote %s (%d tensors, trained with torch %s)" % (ckpt_path, len(weights), meta.get("torch")))


def main():
    if len(sys.argv) < 4 or sys.argv[1] not in ("to-npz", "from-npz") or (sys.argv[1] == "to-npz" and len(sys.argv) != 4):
        print(__doc__, file=sys.stderr)
        return 2
    if sys.argv[1] == "to-npz":
        to_npz(sys.argv[2], sys.argv[3])
    else:
        from_npz(sys.argv[2:-1], sys.argv[-1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
