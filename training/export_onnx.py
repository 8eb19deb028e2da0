#!/usr/bin/env python3
"""Export a checkpoint to ONNX (opset 14) in the standard decoder layout, with its config and tokenizer.

    python3 training/export_onnx.py [--checkpoint models/checkpoints/main/ckpt.pt]
                                    [--tokenizer training/data/tokenizer.json] [--out models/concept-gpt-fp32]

The fp32 export is the reference; the bundled model, models/concept-gpt, is its int8 version, made by
training/quantize_onnx.py.

Layout (the names Hugging Face Optimum and transformers.js use):
  inputs  input_ids int64 [batch, seq], attention_mask int64 [batch, past+seq],
          position_ids int64 [batch, seq],
          past_key_values.{i}.key / .value float32 [batch, heads, past, head_dim]
  outputs logits float32 [batch, seq, vocab], present.{i}.key / .value [batch, heads, past+seq, head_dim]
          and, beside them, step_key_values.{i}.key / .value [batch, heads, seq, head_dim]: this step's own keys and
          values, for a runtime that keeps the cache itself (training/step_outputs.py)
The first step feeds zero-length past tensors ([batch, heads, 0, head_dim]).

Writes model.onnx, config.json, generation_config.json, tokenizer.json, tokenizer_config.json and
export_check.json (the numerical check). The check runs the ONNX model with onnxruntime (Python's if
importable, else Node's onnxruntime-node / onnxruntime-web through training/onnx_check.cjs) with and
without past, and compares with torch; exit status 1 if the difference is too large.
"""
import argparse
import inspect
import json
import os
import shutil
import subprocess
import sys
import tempfile

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bpe import Tokenizer  # noqa: E402
from model import GPT, GPTConfig, load_checkpoint  # noqa: E402
from prompt_format import ANSWER, CONTEXT, EOT, LANG, PAD, QUESTION, build_prompt, definition_passage, part_passage  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OPSET = 14


class Decoder(torch.nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask, position_ids, *past):
        logits, presents = self.model(input_ids, attention_mask, position_ids, list(past))
        return (logits, *presents)


def io_names(n_layer):
    past, present = [], []
    for i in range(n_layer):
        past += ["past_key_values.%d.key" % i, "past_key_values.%d.value" % i]
        present += ["present.%d.key" % i, "present.%d.value" % i]
    return past, present


def export(model, cfg, path):
    H = cfg.n_head
    D = cfg.n_embd // cfg.n_head
    past_names, present_names = io_names(cfg.n_layer)
    B, S, P = 1, 4, 3
    ids = torch.randint(0, cfg.vocab_size, (B, S), dtype=torch.long)
    mask = torch.ones(B, P + S, dtype=torch.long)
    pos = torch.arange(P, P + S, dtype=torch.long).unsqueeze(0)
    past = [torch.randn(B, H, P, D) for _ in past_names]
    dyn = {"input_ids": {0: "batch_size", 1: "sequence_length"},
           "attention_mask": {0: "batch_size", 1: "past_sequence_length + sequence_length"},
           "position_ids": {0: "batch_size", 1: "sequence_length"},
           "logits": {0: "batch_size", 1: "sequence_length"}}
    for n in past_names:
        dyn[n] = {0: "batch_size", 2: "past_sequence_length"}
    for n in present_names:
        dyn[n] = {0: "batch_size", 2: "past_sequence_length + sequence_length"}
    kwargs = {}
    if "dynamo" in inspect.signature(torch.onnx.export).parameters:
        kwargs["dynamo"] = False  # the TorchScript exporter; torch >= 2.9 defaults to dynamo
    wrapper = Decoder(model).eval()
    with torch.no_grad():
        torch.onnx.export(wrapper, (ids, mask, pos, *past), path, opset_version=OPSET,
                          input_names=["input_ids", "attention_mask", "position_ids"] + past_names,
                          output_names=["logits"] + present_names, dynamic_axes=dyn, do_constant_folding=True,
                          **kwargs)


def dedupe_transposed_weights(path):
    """torch.onnx folds the tied LM head into a transposed copy of the embedding matrix; replace that
    copy with a Transpose node on the embedding (onnxruntime folds it again in memory at load time),
    so the file holds the tied weight once."""
    import numpy as np
    import onnx
    from onnx import helper, numpy_helper

    m = onnx.load(path)
    g = m.graph
    inits = {i.name: i for i in g.initializer}
    arrays = {n: numpy_helper.to_array(i) for n, i in inits.items() if len(i.dims) == 2 and min(i.dims) >= 16}
    removed = 0
    for name, arr in list(arrays.items()):
        for other_name, other in arrays.items():
            if other_name != name and other.shape == arr.shape[::-1] and other_name in inits and name in inits \
                    and np.array_equal(other.T, arr):
                g.initializer.remove(inits.pop(name))
                g.node.insert(0, helper.make_node("Transpose", [other_name], [name], perm=[1, 0],
                                                  name="tied_transpose_%d" % removed))
                removed += 1
                break
    if removed:
        onnx.save(m, path)
    return removed


def write_configs(out, cfg, tok, tokenizer_path, meta, args):
    eos = tok.token_id(EOT)
    pad = tok.token_id(PAD)
    config = {
        "architectures": ["GPT2LMHeadModel"],
        "model_type": "gpt2",
        "vocab_size": cfg.vocab_size,
        "n_positions": cfg.n_positions,
        "n_ctx": cfg.n_positions,
        "n_embd": cfg.n_embd,
        "n_layer": cfg.n_layer,
        "n_head": cfg.n_head,
        "n_inner": None,
        "activation_function": "gelu_new",
        "layer_norm_epsilon": cfg.layer_norm_epsilon,
        "resid_pdrop": 0.0, "embd_pdrop": 0.0, "attn_pdrop": 0.0,
        "initializer_range": 0.02,
        "scale_attn_weights": True,
        "scale_attn_by_inverse_layer_idx": False,
        "reorder_and_upcast_attn": False,
        "tie_word_embeddings": True,
        "bos_token_id": eos,
        "eos_token_id": eos,
        "pad_token_id": pad,
        "use_cache": True,
        "torch_dtype": "float32",
        "transformers_version": "4.40.0",
        "concept_explainer": meta,
    }
    gen = {"bos_token_id": eos, "eos_token_id": eos, "pad_token_id": pad, "max_new_tokens": args.max_new_tokens,
           "do_sample": False, "transformers_version": "4.40.0"}
    if args.compose:
        # This project's own key (src/core/model/runtime.ts, ComposeConstraint): answers are made of the prompt's
        # passages only; runtimes that do not know it generate freely.
        gen["compose_from_context"] = True
        # And the answer opens with the first passage and covers every concept asked about (composePlan in
        # src/core/pipeline/compose.ts).
        gen["compose_plan"] = True
    if args.copy_bias:
        # This project's own key (src/core/model/sampling.ts, applyCopyBias): runtimes that do not know it ignore it.
        gen["copy_bias"] = args.copy_bias
    tcfg = {
        "tokenizer_class": "GPT2TokenizerFast",
        "model_max_length": cfg.n_positions,
        "bos_token": EOT, "eos_token": EOT, "unk_token": EOT, "pad_token": PAD,
        "add_prefix_space": False, "clean_up_tokenization_spaces": False,
        "additional_special_tokens": [LANG["fr"], LANG["en"], CONTEXT, QUESTION, ANSWER],
        "added_tokens_decoder": {str(tok.token_id(s)): {"content": s, "lstrip": False, "normalized": False,
                                                        "rstrip": False, "single_word": False, "special": True}
                                 for s in tok.specials},
    }
    for name, obj in (("config.json", config), ("generation_config.json", gen), ("tokenizer_config.json", tcfg)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            json.dump(obj, f, ensure_ascii=False, indent=2)
            f.write("\n")
    if os.path.abspath(tokenizer_path) != os.path.abspath(os.path.join(out, "tokenizer.json")):
        shutil.copyfile(tokenizer_path, os.path.join(out, "tokenizer.json"))


@torch.no_grad()
def torch_greedy(model, ids, n, eos):
    """Greedy decoding with the KV cache through the same forward() the export traced."""
    cfg = model.cfg
    ids_t = torch.tensor([ids])
    logits, presents = model(ids_t, torch.ones_like(ids_t), torch.arange(len(ids)).unsqueeze(0),
                             [torch.zeros(1, cfg.n_head, 0, cfg.n_embd // cfg.n_head) for _ in range(2 * cfg.n_layer)])
    out = []
    L = len(ids)
    for _ in range(n):
        nxt = int(logits[0, -1].argmax())
        out.append(nxt)
        if nxt == eos:
            break
        logits, presents = model(torch.tensor([[nxt]]), torch.ones(1, L + 1, dtype=torch.long),
                                 torch.tensor([[L]]), presents)
        L += 1
    return out


@torch.no_grad()
def torch_greedy_nocache(model, ids, n, eos):
    out = []
    seq = list(ids)
    for _ in range(n):
        t = torch.tensor([seq])
        logits, _ = model(t, torch.ones_like(t), torch.arange(len(seq)).unsqueeze(0), None)
        nxt = int(logits[0, -1].argmax())
        out.append(nxt)
        if nxt == eos:
            break
        seq.append(nxt)
    return out


def run_ort_python(model_path, case):
    import numpy as np
    import onnxruntime as ort  # noqa: F401  (only on machines that have it)
    sess = ort.InferenceSession(model_path, providers=["CPUExecutionProvider"])
    L, H, D = case["n_layer"], case["n_head"], case["head_dim"]

    def past0(b):
        return {("past_key_values.%d.%s" % (i, kv)): np.zeros((b, H, 0, D), np.float32)
                for i in range(L) for kv in ("key", "value")}

    names = [o.name for o in sess.get_outputs()]

    def step(ids, plen, past):
        n = len(ids)
        feeds = {"input_ids": np.array([ids], np.int64), "attention_mask": np.ones((1, plen + n), np.int64),
                 "position_ids": np.arange(plen, plen + n, dtype=np.int64)[None], **past}
        return dict(zip(names, sess.run(None, feeds)))

    def past_from(o):
        return {("past_key_values.%d.%s" % (i, kv)): o["present.%d.%s" % (i, kv)] for i in range(L) for kv in ("key", "value")}

    ids, k = case["ids"], case["split"]
    full = step(ids, 0, past0(1))
    first = step(ids[:k], 0, past0(1))
    rest = step(ids[k:], k, past_from(first))
    greedy = []
    o = full
    plen = len(ids)
    for _ in range(case["greedy"]):
        nxt = int(o["logits"][0, -1].argmax())
        greedy.append(nxt)
        if nxt == case["eos"]:
            break
        o = step([nxt], plen, past_from(o))
        plen += 1
    n = len(ids)
    pad = 3
    b_ids = np.array([ids, [case["pad_id"]] * pad + ids[:n - pad]], np.int64)
    mask = np.array([[1] * n, [0] * pad + [1] * (n - pad)], np.int64)
    pos = np.array([list(range(n)), [0] * pad + list(range(n - pad))], np.int64)
    b = dict(zip(names, sess.run(None, {"input_ids": b_ids, "attention_mask": mask, "position_ids": pos, **past0(2)})))
    return {"runtime": "onnxruntime (python)", "full_dims": list(full["logits"].shape),
            "full_logits": full["logits"].ravel().tolist(), "rest_dims": list(rest["logits"].shape),
            "rest_logits": rest["logits"].ravel().tolist(), "present_dims": list(rest["present.0.key"].shape),
            "greedy_ids": greedy, "batch_dims": list(b["logits"].shape), "batch_logits": b["logits"].ravel().tolist()}


def run_ort_node(model_path, case):
    with tempfile.TemporaryDirectory() as d:
        cp = os.path.join(d, "case.json")
        op = os.path.join(d, "out.json")
        with open(cp, "w") as f:
            json.dump(case, f)
        env = dict(os.environ)
        paths = [os.path.join(ROOT, "node_modules")] + ([env["NODE_PATH"]] if env.get("NODE_PATH") else [])
        env["NODE_PATH"] = os.pathsep.join(paths)
        r = subprocess.run(["node", os.path.join(HERE, "onnx_check.cjs"), model_path, cp, op], env=env,
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError("node check failed: %s" % (r.stderr.strip() or r.stdout.strip()))
        with open(op) as f:
            res = json.load(f)
        return res


def verify(model, cfg, tok, model_path, tol):
    H = cfg.n_head
    D = cfg.n_embd // H
    passages = [definition_passage("self-attention", "auto-attention", "self-attention",
                                   "Mécanisme où chaque jeton regarde les autres jetons."),
                part_passage("self-attention", "why", "L'auto-attention relie des mots éloignés, car chaque jeton voit tous les autres.")]
    prompt = build_prompt("fr", passages, "pourquoi l'auto-attention ?")
    ids = tok.encode(prompt)[: cfg.n_positions - 40]
    eos = tok.token_id(EOT)
    pad_id = tok.token_id(PAD)
    n_greedy = 24
    case = {"ids": ids, "split": max(1, len(ids) - 7), "n_layer": cfg.n_layer, "n_head": H, "head_dim": D,
            "greedy": n_greedy, "eos": eos, "pad_id": pad_id}
    res = None
    errors = []
    for runner in (run_ort_python, run_ort_node):
        try:
            res = runner(model_path, case)
            break
        except Exception as e:  # noqa: BLE001
            errors.append("%s: %s" % (runner.__name__, e))
    if res is None:
        return {"ok": None, "skipped": "no onnxruntime available: " + " | ".join(errors)}

    n = len(ids)
    with torch.no_grad():
        t_ids = torch.tensor([ids])
        ref, _ = model(t_ids, torch.ones_like(t_ids), torch.arange(n).unsqueeze(0), None)
    ref = ref[0]
    V = cfg.vocab_size
    full = torch.tensor(res["full_logits"]).view(n, V)
    k = case["split"]
    rest = torch.tensor(res["rest_logits"]).view(n - k, V)
    d_full = (full - ref).abs().max().item()
    d_rest = (rest - ref[k:]).abs().max().item()
    # batch of two: row 0 = the prompt; row 1 = the prompt's first n-3 tokens with 3 pad tokens
    bl = torch.tensor(res["batch_logits"]).view(2, n, V)
    pad = 3
    with torch.no_grad():
        short = torch.tensor([ids[: n - pad]])
        ref_short, _ = model(short, torch.ones_like(short), torch.arange(n - pad).unsqueeze(0), None)
    row1 = bl[1, pad:]  # both runners left-pad row 1
    d_batch = max((bl[0] - ref).abs().max().item(), (row1 - ref_short[0]).abs().max().item())
    g_torch = torch_greedy(model, ids, n_greedy, eos)
    g_nocache = torch_greedy_nocache(model, ids, n_greedy, eos)
    report = {
        "runtime": res["runtime"],
        "prompt_tokens": n,
        "split": k,
        "max_abs_diff_no_past": d_full,
        "max_abs_diff_with_past": d_rest,
        "max_abs_diff_batch_padded": d_batch,
        "logits_scale": ref.abs().max().item(),
        "present_dims": res["present_dims"],
        "greedy_onnx": res["greedy_ids"],
        "greedy_torch_cache": g_torch,
        "greedy_torch_nocache": g_nocache,
        "greedy_match": res["greedy_ids"] == g_torch == g_nocache,
        "tolerance": tol,
    }
    report["ok"] = bool(max(d_full, d_rest, d_batch) <= tol and report["greedy_match"]
                        and report["present_dims"] == [1, H, n, D])
    report["greedy_text"] = tok.decode(g_torch)
    return report


TOKENIZER_TEST_TEXTS = [
    "c'est quoi l'affinage ?",
    "What's self-attention? It's what they'd call 'attention'.",
    "self_attention selfAttention FineTune fine-tuning FINE_TUNING",
    "Qu\u2019est-ce que le pré-entraînement ? Ça, c'est l'œuvre d'OpenAI : « Attention Is All You Need » (2017).",
    "  two spaces,   three spaces,\ttab\nnewline\n\ntwo newlines \n trailing   ",
    "numbers 2017 1.5e-3 10,000 ½ ² 3.14159",
    "unicode: 🤖 漢字 Ελληνικά naïve café\u00a0nbsp",
    "<|lang_fr|><|context|>[fine-tuning] affinage (fine-tuning) : L'affinage consiste à poursuivre l'entraînement.\n"
    "<|question|>c'est quoi l'affinage ?\n<|answer|>Affinage (en anglais : fine-tuning) : ...\n\nSource : [fine-tuning]<|endoftext|>",
    "<|lang_en|><|context|><|question|>How do I cook pancakes?\n<|answer|>",
    "text<|pad|>with<|endoftext|>specials<|unknown|>",
]


def write_tokenizer_tests(out, tok):
    cases = [{"text": t, "ids": tok.encode(t)} for t in TOKENIZER_TEST_TEXTS]
    for c in cases:
        assert tok.decode(c["ids"]) == c["text"], "tokenizer round trip failed on %r" % c["text"]
    with open(os.path.join(out, "tokenizer_tests.json"), "w", encoding="utf-8") as f:
        json.dump({"about": "texts and their ids under tokenizer.json (reference: training/bpe.py)", "cases": cases},
                  f, ensure_ascii=False, indent=1)
        f.write("\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkpoint", default=os.path.join(ROOT, "models", "checkpoints", "main", "ckpt.pt"))
    ap.add_argument("--tokenizer", default=os.path.join(HERE, "data", "tokenizer.json"))
    ap.add_argument("--out", default=os.path.join(ROOT, "models", "concept-gpt-fp32"))
    ap.add_argument("--tol", type=float, default=1e-3, help="max abs logit difference allowed")
    ap.add_argument("--no-verify", action="store_true")
    ap.add_argument("--max-new-tokens", type=int, default=480, help="generation_config.json's max_new_tokens")
    ap.add_argument("--compose", action="store_true",
                    help="generation_config.json's compose_from_context: the answer is composed of the prompt's passages")
    ap.add_argument("--copy-bias", type=float, default=0.0,
                    help="generation_config.json's copy_bias: logit bonus for continuing the prompt's text (0: none)")
    ap.add_argument("--require-verify", action="store_true", help="fail when no onnxruntime is available")
    args = ap.parse_args()

    state = load_checkpoint(args.checkpoint)
    cfg = GPTConfig(**state["config"])
    model = GPT(cfg)
    model.load_state_dict(state["model"])
    model.eval()
    tok = Tokenizer.load(args.tokenizer)
    assert max(tok.vocab.values()) + 1 == cfg.vocab_size, "tokenizer and checkpoint disagree on vocab size"

    os.makedirs(args.out, exist_ok=True)
    model_path = os.path.join(args.out, "model.onnx")
    export(model, cfg, model_path)
    n_tied = dedupe_transposed_weights(model_path)
    import onnx
    from quantize_onnx import replace_bool_casts
    from step_outputs import add_step_outputs
    m = onnx.load(model_path)
    if replace_bool_casts(m) + add_step_outputs(m):
        onnx.save(m, model_path)
    onnx.checker.check_model(m)
    meta = {"params": model.num_params(), "train_step": state.get("step"), "train_tokens": state.get("tokens_seen"),
            "train_minutes": round(state.get("train_seconds", 0) / 60, 1), "opset": OPSET,
            "prompt_format": "training/PROMPT_FORMAT.md"}
    write_configs(args.out, cfg, tok, args.tokenizer, meta, args)
    write_tokenizer_tests(args.out, tok)
    size = os.path.getsize(model_path)
    print("exported %s (%.2f MB, %d parameters, opset %d, %d tied weight copies removed)" % (
        model_path, size / 1e6, model.num_params(), OPSET, n_tied))
    print("inputs:", [i.name for i in m.graph.input])
    print("outputs:", [o.name for o in m.graph.output])
    if args.no_verify:
        return 0
    rep = verify(model, cfg, tok, model_path, args.tol)
    with open(os.path.join(args.out, "export_check.json"), "w", encoding="utf-8") as f:
        json.dump(rep, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(json.dumps(rep, ensure_ascii=False, indent=1))
    if rep["ok"] is None:
        print("warning: numerical check skipped", file=sys.stderr)
        return 1 if args.require_verify else 0
    return 0 if rep["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
