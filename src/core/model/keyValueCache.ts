import type * as Ort from 'onnxruntime-web';
import type { ModelConfig } from './modelFormat';

/** The keys and values of every token read so far, fed to the next step as `past_key_values.*`. */
export interface KeyValueCache {
  /** The outputs the runtime asks for: undefined for all of them. */
  readonly fetches: readonly string[] | undefined;
  /** The `past_key_values.*` inputs of the next step. */
  past(): Record<string, Ort.Tensor>;
  /** Takes in a step's outputs (`tokens` new positions); returns the tensors nobody needs any more. */
  take(results: Ort.InferenceSession.OnnxValueMapType, tokens: number): Ort.Tensor[];
}

type TensorConstructor = typeof Ort.Tensor;

const pastName = (layer: number, kind: string) => `past_key_values.${layer}.${kind}`;
const stepName = (layer: number, kind: string) => `step_key_values.${layer}.${kind}`;
const KINDS = ['key', 'value'] as const;

function cacheNames(layers: number): Array<{ past: string; present: string; step: string }> {
  return Array.from({ length: layers }, (_, layer) =>
    KINDS.map((kind) => ({ past: pastName(layer, kind), present: `present.${layer}.${kind}`, step: stepName(layer, kind) })),
  ).flat();
}

/** Whether the model also outputs each step's own keys and values (training/step_outputs.py). */
export function hasStepOutputs(outputNames: readonly string[], layers: number): boolean {
  return cacheNames(layers).every(({ step }) => outputNames.includes(step));
}

/**
 * The standard layout's way: each step outputs the whole cache (`present.*`), which becomes the next past. Any
 * decoder in the standard layout works this way, at the price of copying the whole cache out at every token.
 */
export class PresentCache implements KeyValueCache {
  readonly fetches = undefined;
  private tensors: Record<string, Ort.Tensor> = {};

  constructor(
    Tensor: TensorConstructor,
    private readonly config: ModelConfig,
  ) {
    for (const { past } of cacheNames(config.layers)) {
      this.tensors[past] = new Tensor('float32', new Float32Array(0), [1, config.kvHeads, 0, config.headDim]);
    }
  }

  past(): Record<string, Ort.Tensor> {
    return this.tensors;
  }

  take(results: Ort.InferenceSession.OnnxValueMapType): Ort.Tensor[] {
    const dropped = Object.values(this.tensors);
    const next: Record<string, Ort.Tensor> = {};
    for (const { past, present } of cacheNames(this.config.layers)) next[past] = results[present]!;
    this.tensors = next;
    return dropped;
  }
}

/**
 * The cache kept here, from the step outputs: each step copies out only its own tokens' keys and values and appends
 * them, in place, to buffers that live as long as the runtime. Copying the whole cache out of onnxruntime-web's heap
 * into fresh buffers at every token (PresentCache) cost more than the model's arithmetic in Chromium, where the
 * memory of each new buffer is faulted in anew: 184 tokens/s against 580 in Node, same runtime, same model.
 */
export class OwnedCache implements KeyValueCache {
  readonly fetches: readonly string[];
  private readonly buffers = new Map<string, Float32Array>();
  private length = 0;
  private readonly names: ReturnType<typeof cacheNames>;

  constructor(
    private readonly Tensor: TensorConstructor,
    private readonly config: ModelConfig,
  ) {
    this.names = cacheNames(config.layers);
    this.fetches = ['logits', ...this.names.map(({ step }) => step)];
  }

  /** Starts a new sequence; the buffers stay, for the next one. */
  reset(): this {
    this.length = 0;
    return this;
  }

  past(): Record<string, Ort.Tensor> {
    const { kvHeads, headDim } = this.config;
    const size = kvHeads * this.length * headDim;
    const tensors: Record<string, Ort.Tensor> = {};
    for (const { past } of this.names) {
      const data = this.buffers.get(past)?.subarray(0, size) ?? new Float32Array(0);
      tensors[past] = new this.Tensor('float32', data, [1, kvHeads, this.length, headDim]);
    }
    return tensors;
  }

  take(results: Ort.InferenceSession.OnnxValueMapType, tokens: number): Ort.Tensor[] {
    const dropped: Ort.Tensor[] = [];
    for (const { past, step } of this.names) {
      const output = results[step]!;
      this.buffers.set(past, this.appended(this.buffers.get(past), output.data as Float32Array, tokens));
      dropped.push(output);
    }
    this.length += tokens;
    return dropped;
  }

  /**
   * `buffer` holds [heads, length, headDim]; returns it holding [heads, length + tokens, headDim], `added` being
   * [heads, tokens, headDim]. Each head's block moves right to make room, the last head first so that no block is
   * overwritten before it has moved.
   */
  private appended(buffer: Float32Array | undefined, added: Float32Array, tokens: number): Float32Array {
    const { kvHeads, headDim } = this.config;
    const before = this.length * headDim;
    const after = (this.length + tokens) * headDim;
    const target = buffer && buffer.length >= kvHeads * after ? buffer : this.grown(buffer, kvHeads * after);
    for (let head = kvHeads - 1; head >= 0; head--) {
      target.copyWithin(head * after, head * before, head * before + before);
      target.set(added.subarray(head * tokens * headDim, (head + 1) * tokens * headDim), head * after + before);
    }
    return target;
  }

  /** A larger buffer with the old one's contents: room for at least 128 more positions, so that it grows rarely. */
  private grown(buffer: Float32Array | undefined, needed: number): Float32Array {
    const { kvHeads, headDim } = this.config;
    const positions = Math.min(this.config.maxPositions, Math.ceil(needed / (kvHeads * headDim)) + GROWTH_POSITIONS);
    const grown = new Float32Array(Math.max(needed, positions * kvHeads * headDim));
    if (buffer) grown.set(buffer.subarray(0, kvHeads * this.length * headDim));
    return grown;
  }
}

const GROWTH_POSITIONS = 128;
