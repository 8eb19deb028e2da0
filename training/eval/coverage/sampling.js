// Token sampling for the in-browser demo: turns the model's logits into the next token id.
// Runs after every forward pass of the ONNX model (see worker.js); plain arrays, no dependencies.

import { InferenceSession } from 'onnxruntime-web';

/** Defaults close to what most chat demos use. */
export const DEFAULTS = {
  temperature: 0.8,
  topK: 40,
  topP: 0.95,
  minP: 0,
  repetitionPenalty: 1.1,
  maxNewTokens: 256,
};

/** A small seeded generator (mulberry32), so a demo run can be replayed with the same seed. */
export function makeRng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Numerically stable softmax: subtract the max before exponentiating. */
export function softmax(logits) {
  let max = -Infinity;
  for (const x of logits) if (x > max) max = x;
  const exps = logits.map((x) => Math.exp(x - max));
  const sum = exps.reduce((s, x) => s + x, 0);
  return exps.map((x) => x / sum);
}

/** Lowers the logits of tokens already generated (the CTRL-style repetition penalty). */
export function applyRepetitionPenalty(logits, previousIds, penalty) {
  for (const id of new Set(previousIds)) {
    logits[id] = logits[id] > 0 ? logits[id] / penalty : logits[id] * penalty;
  }
  return logits;
}

/**
 * Picks the next token. temperature 0 means greedy decoding (argmax). Otherwise the distribution is
 * sharpened or flattened by the temperature, cut to the top-k tokens, then to the smallest set whose
 * probability reaches top-p (nucleus sampling), and finally sampled.
 */
export function sampleNext(logits, options = {}, rng = Math.random) {
  const { temperature, topK, topP, minP } = { ...DEFAULTS, ...options };
  if (temperature === 0) return argmax(logits);
  const probs = softmax(logits.map((x) => x / temperature));
  let candidates = probs.map((p, id) => ({ id, p })).sort((a, b) => b.p - a.p);
  if (topK > 0) candidates = candidates.slice(0, topK);
  if (minP > 0) candidates = candidates.filter((c) => c.p >= minP * candidates[0].p);
  if (topP < 1) {
    let cumulative = 0;
    const kept = [];
    for (const c of candidates) {
      kept.push(c);
      cumulative += c.p;
      if (cumulative >= topP) break;
    }
    candidates = kept;
  }
  const total = candidates.reduce((s, c) => s + c.p, 0);
  let r = rng() * total;
  for (const c of candidates) {
    r -= c.p;
    if (r <= 0) return c.id;
  }
  return candidates[candidates.length - 1].id;
}

export function argmax(values) {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/** Stops on the end-of-sequence token or a stop sequence; the caller detokenizes as it goes. */
export function shouldStop(ids, eosTokenId, text, stop = []) {
  return ids[ids.length - 1] === eosTokenId || stop.some((s) => text.endsWith(s));
}

/** One decoding step with the KV cache: only the newest token is fed, past key/values come back as inputs. */
export async function step(session, inputIds, past) {
  const feeds = { input_ids: inputIds, ...past };
  const outputs = await session.run(feeds);
  return { logits: outputs.logits, present: outputs };
}
