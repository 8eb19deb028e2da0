#!/usr/bin/env node
// Runs an exported decoder with onnxruntime (Node) for export_onnx.py's numerical check.
//   node training/onnx_check.cjs <model.onnx> <case.json> <out.json>
// case.json: {"ids": [...], "split": k, "n_layer": L, "n_head": H, "head_dim": D, "greedy": N, "eos": id}
// Writes out.json with: full_logits (no past, whole prompt), rest_logits (prompt[0:k] first, then
// prompt[k:] fed with the past from the first call), present_dims, greedy_ids (greedy decoding with
// the KV cache, one token a step), batch_logits (batch of 2 with left padding on the second row).
// Looks for onnxruntime-node, then onnxruntime-web (NODE_PATH is honoured).
'use strict';
const fs = require('fs');

function loadOrt() {
  for (const name of ['onnxruntime-node', 'onnxruntime-web']) {
    try {
      return { ort: require(name), name };
    } catch (e) {
      /* try the next one */
    }
  }
  throw new Error('neither onnxruntime-node nor onnxruntime-web can be required (set NODE_PATH)');
}

async function main() {
  const [modelPath, casePath, outPath] = process.argv.slice(2);
  const { ort, name } = loadOrt();
  const c = JSON.parse(fs.readFileSync(casePath, 'utf8'));
  const session = await ort.InferenceSession.create(modelPath);
  const L = c.n_layer;
  const H = c.n_head;
  const D = c.head_dim;

  const i64 = (arr, dims) => new ort.Tensor('int64', BigInt64Array.from(arr.map((x) => BigInt(x))), dims);
  function emptyPast(batch) {
    const feeds = {};
    for (let i = 0; i < L; i++) {
      feeds[`past_key_values.${i}.key`] = new ort.Tensor('float32', new Float32Array(0), [batch, H, 0, D]);
      feeds[`past_key_values.${i}.value`] = new ort.Tensor('float32', new Float32Array(0), [batch, H, 0, D]);
    }
    return feeds;
  }
  function pastFrom(out) {
    const feeds = {};
    for (let i = 0; i < L; i++) {
      feeds[`past_key_values.${i}.key`] = out[`present.${i}.key`];
      feeds[`past_key_values.${i}.value`] = out[`present.${i}.value`];
    }
    return feeds;
  }
  async function step(ids, pastLen, past) {
    const n = ids.length;
    const feeds = {
      input_ids: i64(ids, [1, n]),
      attention_mask: i64(new Array(pastLen + n).fill(1), [1, pastLen + n]),
      position_ids: i64(ids.map((_, j) => pastLen + j), [1, n]),
      ...past,
    };
    return session.run(feeds);
  }

  const ids = c.ids;
  const k = c.split;
  const full = await step(ids, 0, emptyPast(1));
  const first = await step(ids.slice(0, k), 0, emptyPast(1));
  const rest = await step(ids.slice(k), k, pastFrom(first));

  // greedy decoding with the cache
  const greedy = [];
  let out = full;
  let pastLen = ids.length;
  const V = full.logits.dims[2];
  for (let s = 0; s < c.greedy; s++) {
    const lg = out.logits.data;
    const T = out.logits.dims[1];
    let best = 0;
    for (let v = 1; v < V; v++) if (lg[(T - 1) * V + v] > lg[(T - 1) * V + best]) best = v;
    greedy.push(best);
    if (best === c.eos) break;
    out = await step([best], pastLen, pastFrom(out));
    pastLen += 1;
  }

  // batch of two rows, the second one left-padded by 3 tokens
  const pad = 3;
  const n = ids.length;
  const b2ids = [...ids, ...new Array(pad).fill(c.pad_id ?? 0), ...ids.slice(0, n - pad)];
  const mask = [...new Array(n).fill(1), ...new Array(pad).fill(0), ...new Array(n - pad).fill(1)];
  const pos = [...ids.map((_, j) => j), ...new Array(pad).fill(0), ...ids.slice(0, n - pad).map((_, j) => j)];
  const batch = await session.run({
    input_ids: i64(b2ids, [2, n]),
    attention_mask: i64(mask, [2, n]),
    position_ids: i64(pos, [2, n]),
    ...emptyPast(2),
  });

  const result = {
    runtime: name,
    inputs: session.inputNames,
    outputs: session.outputNames,
    full_dims: full.logits.dims,
    full_logits: Array.from(full.logits.data),
    rest_dims: rest.logits.dims,
    rest_logits: Array.from(rest.logits.data),
    present_dims: rest['present.0.key'].dims,
    greedy_ids: greedy,
    batch_dims: batch.logits.dims,
    batch_logits: Array.from(batch.logits.data),
  };
  fs.writeFileSync(outPath, JSON.stringify(result));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
