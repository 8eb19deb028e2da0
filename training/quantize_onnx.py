#!/usr/bin/env python3
"""Quantise the exported decoder's weights to int8 (weight-only), checked against the fp32 reference.

    /usr/bin/python3 training/quantize_onnx.py [--fp32 models/concept-gpt-fp32] [--out models/concept-gpt]

Every weight matrix (the MatMul weights of each block, the tied token embedding / LM head, the position
embedding) is stored as int8 with one fp32 scale per output channel (symmetric, zero point 0) and read back
through a standard `DequantizeLinear` node (opset 13+) whose output keeps the fp32 initialiser's name, so
the graph, its inputs and outputs (the standard decoder layout) are unchanged. LayerNorm parameters and
biases stay fp32 (a few KB). Any ONNX runtime can run the file; onnxruntime folds the DequantizeLinear
nodes into fp32 constants once, at load time, when its session option `session.disable_quant_qdq` is "1"
(src/core/model/runtime.ts sets it), so decoding runs the same fp32 kernels as the reference.

Needs only onnx and numpy (Debian: python3-onnx python3-numpy). Writes, in --out: model.onnx, the fp32
folder's other files (config.json with a `quantization` note in its `concept_explainer` block,
generation_config.json unchanged, the tokenizer files), and quantize_check.json: per weight, the largest
error relative to the channel's range; and, run with onnxruntime-node (training/onnx_check.cjs) on prompts
built from the glossary in the chat's format, the int8 model's logits and greedy tokens against the fp32
model's. Exit status 1 if the check fails (see --min-top1).
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from bpe import Tokenizer  # noqa: E402
from prompt_format import build_prompt, definition_passage, part_passage  # noqa: E402
from step_outputs import add_step_outputs  # noqa: E402

COPIED = ("generation_config.json", "tokenizer.json", "tokenizer_config.json", "tokenizer_tests.json")
# Smaller float initialisers (LayerNorm weights, biases) stay fp32: quantising them saves nothing.
MIN_ELEMENTS = 4096


def consumers(graph):
    """initialiser name -> [(node, input index)]"""
    uses = {}
    for node in graph.node:
        for index, name in enumerate(node.input):
            uses.setdefault(name, []).append((node, index))
    return uses


def channel_axis(name, uses):
    """The axis that holds one output channel: a MatMul weight [in, out] is scaled per column, an embedding
    gathered by rows per row; the tied embedding, a MatMul weight that a Transpose turns into the token table,
    per column too (each token's vector). None: not a weight this script quantises."""
    axes = set()
    for node, index in uses.get(name, []):
        if node.op_type == "MatMul" and index == 1:
            axes.add(1)
        elif node.op_type == "Gather" and index == 0:
            axes.add(0)
        elif node.op_type == "Transpose" and [list(a.ints) for a in node.attribute if a.name == "perm"] == [[1, 0]]:
            axes.add(1)  # the transposed matrix is gathered by rows: this one's columns
        else:
            return None
    return axes.pop() if len(axes) == 1 else None


def quantize_per_channel(weights, axis):
    """Symmetric int8 with one scale per slice along `axis`: q = round(w / s), s = max|w| / 127."""
    reduce_axes = tuple(i for i in range(weights.ndim) if i != axis)
    absmax = np.abs(weights).max(axis=reduce_axes)
    scale = np.where(absmax > 0, absmax / 127.0, 1.0).astype(np.float32)
    shape = [1] * weights.ndim
    shape[axis] = -1
    q = np.clip(np.rint(weights / scale.reshape(shape)), -127, 127).astype(np.int8)
    restored = q.astype(np.float32) * scale.reshape(shape)
    # The error relative to each channel's range (absmax), worst channel.
    rel = (np.abs(restored - weights).max(axis=reduce_axes) / np.where(absmax > 0, absmax, 1.0)).max()
    return q, scale, float(rel)


def quantize_model(model, min_elements=MIN_ELEMENTS):
    graph = model.graph
    uses = consumers(graph)
    report = []
    dq_nodes = []
    for init in list(graph.initializer):
        if init.data_type != TensorProto.FLOAT or len(init.dims) != 2:
            continue
        weights = numpy_helper.to_array(init)
        axis = channel_axis(init.name, uses)
        if weights.size < min_elements or axis is None:
            continue
        q, scale, rel = quantize_per_channel(weights, axis)
        base = init.name
        graph.initializer.remove(init)
        graph.initializer.extend([
            numpy_helper.from_array(q, base + "_quantized"),
            numpy_helper.from_array(scale, base + "_scale"),
            numpy_helper.from_array(np.zeros(scale.shape, np.int8), base + "_zero_point"),
        ])
        # The node's output takes the fp32 initialiser's name: its consumers are unchanged.
        dq_nodes.append(helper.make_node("DequantizeLinear", [base + "_quantized", base + "_scale", base + "_zero_point"],
                                         [base], axis=axis, name=base + "_dequantize"))
        report.append({"name": base, "shape": list(weights.shape), "axis": axis, "max_error_of_channel_range": round(rel, 5)})
    # Nodes stay topologically sorted: the weights are ready before anything reads them.
    for node in reversed(dq_nodes):
        graph.node.insert(0, node)
    if any(o.domain in ("", "ai.onnx") and o.version < 13 for o in model.opset_import):
        raise SystemExit("DequantizeLinear with a per-channel axis needs opset 13 or later")
    return report


def replace_bool_casts(model):
    """Rewrites `Cast(attention_mask, to=bool)` as `Not(Equal(attention_mask, 0))`, the same values. onnxruntime's
    Cast kernel is one WebAssembly function of 490 KB (every pair of types), called once a token: where V8 optimises
    hot functions (a browser; the worker before it kept onnxruntime on baseline code), its optimised compilation took
    10-15 s and 200 MB of compiler memory that the process kept. Equal and Not are small kernels. Returns how many
    were replaced."""
    graph = model.graph
    integer_inputs = {i.name: i.type.tensor_type.elem_type for i in graph.input
                      if i.type.tensor_type.elem_type in (TensorProto.INT64, TensorProto.INT32)}
    replaced = 0
    for node in list(graph.node):
        to = [a.i for a in node.attribute if a.name == "to"]
        if node.op_type != "Cast" or to != [TensorProto.BOOL] or node.input[0] not in integer_inputs:
            continue
        zero = node.input[0] + "_zero"
        if zero not in {i.name for i in graph.initializer}:
            dtype = np.int64 if integer_inputs[node.input[0]] == TensorProto.INT64 else np.int32
            graph.initializer.append(numpy_helper.from_array(np.array(0, dtype), zero))
        position = list(graph.node).index(node)
        graph.node.remove(node)
        is_zero = node.output[0] + "_is_zero"
        graph.node.insert(position, helper.make_node("Not", [is_zero], [node.output[0]], name=(node.name or "cast") + "_not"))
        graph.node.insert(position, helper.make_node("Equal", [node.input[0], zero], [is_zero], name=(node.name or "cast") + "_equal"))
        replaced += 1
    return replaced


# ---- the check: fp32 and int8 side by side in onnxruntime-node ----

def glossary_prompts(tok, limit, n_positions):
    """Prompts in the chat's format from the glossary's entries: a definition and one section, asked in
    French and in English (the shape of most chat prompts; see training/PROMPT_FORMAT.md)."""
    files = sorted(glob.glob(os.path.join(ROOT, "glossary", "concepts", "*.json")))
    if not files:
        files = sorted(glob.glob(os.path.join(HERE, "fixtures", "concepts", "*.json")))
    step = max(1, len(files) // limit)
    questions = {"fr": "Pourquoi utiliser %s ?", "en": "Why does %s matter?"}
    prompts = []
    for index, path in enumerate(files[::step][:limit]):
        with open(path, encoding="utf-8") as f:
            entry = json.load(f)
        lang = "fr" if index % 2 == 0 else "en"
        other = "en" if lang == "fr" else "fr"
        side = entry.get(lang, {})
        if not side.get("definition"):
            continue
        passages = [definition_passage(entry["id"], side["term"], entry.get(other, {}).get("term", side["term"]), side["definition"])]
        why = side.get("sections", {}).get("why")
        if why:
            passages.append(part_passage(entry["id"], "why", why))
        ids = tok.encode(build_prompt(lang, passages, questions[lang] % side["term"]))
        prompts.append(ids[: n_positions - 64])
    return prompts


def run_node(model_path, case):
    with tempfile.TemporaryDirectory() as d:
        case_file, out_file = os.path.join(d, "case.json"), os.path.join(d, "out.json")
        with open(case_file, "w") as f:
            json.dump(case, f)
        env = dict(os.environ)
        env["NODE_PATH"] = os.pathsep.join([os.path.join(ROOT, "node_modules")] + ([env["NODE_PATH"]] if env.get("NODE_PATH") else []))
        run = subprocess.run(["node", os.path.join(HERE, "onnx_check.cjs"), model_path, case_file, out_file],
                             env=env, capture_output=True, text=True)
        if run.returncode != 0:
            raise RuntimeError("onnx_check.cjs failed: %s" % (run.stderr.strip() or run.stdout.strip()))
        with open(out_file) as f:
            return json.load(f)


def compare(fp32_path, int8_path, config, prompts, greedy):
    heads = config["n_head"]
    cases = []
    for ids in prompts:
        case = {"ids": ids, "split": max(1, len(ids) - 7), "n_layer": config["n_layer"], "n_head": heads,
                "head_dim": config["n_embd"] // heads, "greedy": greedy, "eos": config["eos_token_id"],
                "pad_id": config.get("pad_token_id", 0)}
        ref, got = run_node(fp32_path, case), run_node(int8_path, case)
        vocab = ref["full_dims"][2]
        a = np.array(ref["full_logits"], np.float32).reshape(-1, vocab)
        b = np.array(got["full_logits"], np.float32).reshape(-1, vocab)
        same_prefix = 0
        for x, y in zip(ref["greedy_ids"], got["greedy_ids"]):
            if x != y:
                break
            same_prefix += 1
        cases.append({
            "prompt_tokens": len(ids),
            "top1_agreement": float((a.argmax(1) == b.argmax(1)).mean()),
            "max_abs_logit_diff": float(np.abs(a - b).max()),
            "logits_scale": float(np.abs(a).max()),
            "greedy_identical_prefix": same_prefix,
            "greedy_tokens": len(ref["greedy_ids"]),
            "inputs": got["inputs"],
            "outputs": got["outputs"],
            "present_dims_ok": got["present_dims"] == ref["present_dims"],
        })
    return cases


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fp32", default=os.path.join(ROOT, "models", "concept-gpt-fp32"), help="the fp32 model folder (the reference)")
    ap.add_argument("--out", default=os.path.join(ROOT, "models", "concept-gpt"), help="the folder to write the int8 model in")
    ap.add_argument("--prompts", type=int, default=24, help="glossary prompts of the check")
    ap.add_argument("--greedy", type=int, default=32, help="greedy tokens compared after each prompt")
    ap.add_argument("--min-top1", type=float, default=0.95,
                    help="fail below this top-1 agreement with fp32 over the prompts' positions (the bundled model: 0.970)")
    ap.add_argument("--min-elements", type=int, default=MIN_ELEMENTS, help="smaller weight matrices stay fp32")
    ap.add_argument("--no-check", action="store_true")
    args = ap.parse_args()

    source = os.path.join(args.fp32, "model.onnx")
    model = onnx.load(source)
    weights = quantize_model(model, args.min_elements)
    casts = replace_bool_casts(model)
    add_step_outputs(model)  # a reference exported before they existed gets them too
    onnx.checker.check_model(model)
    os.makedirs(args.out, exist_ok=True)
    target = os.path.join(args.out, "model.onnx")
    # Written beside, then renamed: a runtime loading the folder meanwhile sees one model or the other.
    onnx.save(model, target + ".tmp")
    os.replace(target + ".tmp", target)
    for name in COPIED:
        if os.path.exists(os.path.join(args.fp32, name)):
            shutil.copyfile(os.path.join(args.fp32, name), os.path.join(args.out, name))
    with open(os.path.join(args.fp32, "config.json"), encoding="utf-8") as f:
        config = json.load(f)
    quantization = {"weights": "int8, symmetric, one scale per output channel (DequantizeLinear)",
                    "activations": "float32", "reference": os.path.relpath(os.path.abspath(args.fp32), ROOT).replace(os.sep, "/")}
    config.setdefault("concept_explainer", {})["quantization"] = quantization
    with open(os.path.join(args.out, "config.json"), "w", encoding="utf-8") as f:
        json.dump(config, f, ensure_ascii=False, indent=2)
        f.write("\n")
    sizes = {"fp32_bytes": os.path.getsize(source), "int8_bytes": os.path.getsize(target)}
    print("wrote %s: %.2f MB (fp32 %.2f MB), %d weight matrices in int8" % (
        target, sizes["int8_bytes"] / 1e6, sizes["fp32_bytes"] / 1e6, len(weights)))
    report = {"method": quantization, **sizes, "bool_casts_replaced": casts, "weights": weights}
    status = 0
    if not args.no_check:
        tok = Tokenizer.load(os.path.join(args.fp32, "tokenizer.json"))
        cases = compare(source, target, config, glossary_prompts(tok, args.prompts, config["n_positions"]), args.greedy)
        positions = sum(c["prompt_tokens"] for c in cases)
        top1 = sum(c["top1_agreement"] * c["prompt_tokens"] for c in cases) / max(1, positions)
        report["check"] = {
            "runtime": "onnxruntime-node (training/onnx_check.cjs)",
            "prompts": len(cases),
            "positions": positions,
            "top1_agreement": round(top1, 5),
            "max_abs_logit_diff": round(max(c["max_abs_logit_diff"] for c in cases), 4),
            "logits_scale": round(max(c["logits_scale"] for c in cases), 2),
            "greedy_identical": sum(c["greedy_identical_prefix"] == c["greedy_tokens"] for c in cases),
            "greedy_identical_prefix_mean": round(float(np.mean([c["greedy_identical_prefix"] for c in cases])), 2),
            "standard_layout": all(c["present_dims_ok"] and "logits" in c["outputs"] and "past_key_values.0.key" in c["inputs"] for c in cases),
            "min_top1": args.min_top1,
        }
        report["check"]["ok"] = bool(top1 >= args.min_top1 and report["check"]["standard_layout"])
        print(json.dumps(report["check"], indent=1))
        status = 0 if report["check"]["ok"] else 1
    with open(os.path.join(args.out, "quantize_check.json"), "w", encoding="utf-8") as f:
        json.dump(report, f, ensure_ascii=False, indent=2)
        f.write("\n")
    return status


if __name__ == "__main__":
    sys.exit(main())
