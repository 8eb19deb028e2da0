#!/usr/bin/env python3
"""Give an exported decoder the keys and values of each step's own tokens as extra outputs.

    /usr/bin/python3 training/step_outputs.py models/concept-gpt/model.onnx [more model.onnx ...]

In the standard layout, `present.{i}.key` is `Concat(past_key_values.{i}.key, <this step's keys>)`: a runtime that
feeds it back as the next past copies the whole cache out of the runtime and back in at every token. Out of
onnxruntime-web's WebAssembly heap, that copy lands in a fresh JavaScript buffer each time, which costs more than
the model's own arithmetic in a browser (measured in Chromium: three quarters of a token's time at 100 tokens of
cache). This adds, for each layer, `step_key_values.{i}.key` / `.value`: the Concat's second input, shape
[batch, heads, seq, head_dim]. A runtime that knows them asks for them instead of `present.*` and keeps the cache
itself (src/core/model/runtime.ts); every other runtime (transformers.js, Optimum) reads the standard outputs,
which are unchanged, and ignores these (their names start with neither `present` nor `past_key_values`).

Idempotent. Needs only onnx (Debian: python3-onnx). Called by export_onnx.py and quantize_onnx.py.
"""
import sys

import onnx
from onnx import helper

STEP_PREFIX = "step_key_values"


def add_step_outputs(model):
    """Adds step_key_values.{i}.key/.value beside each present.{i}.key/.value; returns how many were added."""
    graph = model.graph
    producer = {name: node for node in graph.node for name in node.output}
    existing = {output.name for output in graph.output}
    added = 0
    for output in list(graph.output):
        if not output.name.startswith("present."):
            continue
        step_name = STEP_PREFIX + output.name[len("present"):]
        if step_name in existing:
            continue
        concat = producer.get(output.name)
        if concat is None or concat.op_type != "Concat" or len(concat.input) != 2 or not concat.input[0].startswith("past_key_values."):
            raise ValueError(f"{output.name} is not Concat(past, this step's values); cannot add {step_name}")
        # An Identity gives the output its own name without renaming the tensor the attention reads.
        graph.node.append(helper.make_node("Identity", [concat.input[1]], [step_name], name=f"/{step_name}/Identity"))
        dims = [d.dim_param or d.dim_value for d in output.type.tensor_type.shape.dim]
        dims[2] = "sequence_length"
        graph.output.append(helper.make_tensor_value_info(step_name, output.type.tensor_type.elem_type, dims))
        added += 1
    return added


def main(paths):
    for path in paths:
        model = onnx.load(path)
        added = add_step_outputs(model)
        if added:
            onnx.checker.check_model(model)
            onnx.save(model, path)
        print(f"{path}: {added} step outputs added")


if __name__ == "__main__":
    main(sys.argv[1:] or ["models/concept-gpt/model.onnx"])
