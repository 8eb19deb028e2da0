/** How the next token is chosen from the model's scores. */
export interface SamplingOptions {
  /** Always the most likely token; the other options are then ignored but the repetition penalty. */
  readonly greedy?: boolean;
  /** Below 1 sharpens the distribution, above 1 flattens it. */
  readonly temperature?: number;
  /** Keep only the k most likely tokens (0: no limit). */
  readonly topK?: number;
  /** Keep the smallest set of tokens whose probabilities add up to p (1: no limit). */
  readonly topP?: number;
  /** Divides the positive scores (multiplies the negative ones) of tokens already generated; 1: none. */
  readonly repetitionPenalty?: number;
  /**
   * Added to the score of each token that would continue, in the prompt, the text the answer ends with: the
   * answer keeps to the glossary passages it is composed from (`copy_bias` in generation_config.json); 0: none.
   */
  readonly copyBias?: number;
}

/** The longest end of the answer looked for in the prompt. */
const COPY_MATCH_TOKENS = 4;

/**
 * Raises, in place, the tokens that follow in `source` the longest end of `generated` found there (up to four
 * tokens; a longer match gets the full bias, a single token a third of it).
 */
export function applyCopyBias(logits: Float32Array, source: readonly number[], generated: readonly number[], bias: number): void {
  if (bias === 0 || generated.length === 0) return;
  for (let length = Math.min(COPY_MATCH_TOKENS, generated.length); length >= 1; length--) {
    const next = followers(source, generated, length);
    if (next.size === 0) continue;
    const bonus = (bias * Math.min(length, 3)) / 3;
    for (const id of next) if (logits[id] !== undefined) logits[id] += bonus;
    return;
  }
}

/** Tokens of `source` right after an occurrence of the last `length` tokens of `generated`. */
function followers(source: readonly number[], generated: readonly number[], length: number): Set<number> {
  const found = new Set<number>();
  const tail = generated.length - length;
  for (let end = length; end < source.length; end++) {
    let match = true;
    for (let k = 0; k < length && match; k++) match = source[end - length + k] === generated[tail + k];
    if (match) found.add(source[end]!);
  }
  return found;
}

/** A small seeded generator (mulberry32), so a seed gives the same answer every time. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Penalises tokens already produced, in place (CTRL's rule, as transformers does it). */
export function applyRepetitionPenalty(logits: Float32Array, previous: Iterable<number>, penalty: number): void {
  if (penalty === 1) return;
  for (const id of new Set(previous)) {
    const score = logits[id];
    if (score !== undefined) logits[id] = score > 0 ? score / penalty : score * penalty;
  }
}

export function argmax(logits: Float32Array): number {
  let best = 0;
  for (let i = 1; i < logits.length; i++) {
    if (logits[i]! > logits[best]!) best = i;
  }
  return best;
}

/** Picks the next token id; `source` is what the copy bias copies from (the prompt). `logits` may be modified. */
export function sampleToken(
  logits: Float32Array,
  options: SamplingOptions,
  previous: readonly number[],
  random: () => number,
  source: readonly number[] = [],
): number {
  applyRepetitionPenalty(logits, previous, options.repetitionPenalty ?? 1);
  applyCopyBias(logits, source, previous, options.copyBias ?? 0);
  const temperature = options.temperature ?? 1;
  if (options.greedy || temperature <= 0) return argmax(logits);
  const candidates = topCandidates(logits, options.topK ?? 0);
  const probabilities = softmax(candidates.map((id) => logits[id]! / temperature));
  const kept = nucleus(probabilities, options.topP ?? 1);
  let total = 0;
  for (let i = 0; i < kept; i++) total += probabilities[i]!;
  let threshold = random() * total;
  for (let i = 0; i < kept; i++) {
    threshold -= probabilities[i]!;
    if (threshold <= 0) return candidates[i]!;
  }
  return candidates[kept - 1]!;
}

/** Token ids sorted by score, best first, at most `k` of them (all when k is 0). */
function topCandidates(logits: Float32Array, k: number): number[] {
  const ids = Array.from(logits.keys());
  ids.sort((a, b) => logits[b]! - logits[a]!);
  return k > 0 ? ids.slice(0, k) : ids;
}

/** Softmax of scores sorted best first (so the first is the maximum). */
function softmax(scores: number[]): number[] {
  const max = scores[0] ?? 0;
  const exps = scores.map((score) => Math.exp(score - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((value) => value / sum);
}

/** How many of the (sorted) probabilities the nucleus keeps. */
function nucleus(sortedProbabilities: number[], topP: number): number {
  if (topP >= 1) return sortedProbabilities.length;
  let cumulative = 0;
  for (let i = 0; i < sortedProbabilities.length; i++) {
    cumulative += sortedProbabilities[i]!;
    if (cumulative >= topP) return i + 1;
  }
  return sortedProbabilities.length;
}
