import * as l10n from '@vscode/l10n';
import type * as Ort from 'onnxruntime-web';
import { StreamDecoder } from '../tokenizer/bpe';
import { ModelError, type GenerationDefaults, type ModelConfig, type ModelFiles } from './modelFormat';
import { ComposeConstraint, StopFilter } from './constraints';
import { hasStepOutputs, OwnedCache, PresentCache, type KeyValueCache } from './keyValueCache';
import { sampleToken, seededRandom, type SamplingOptions } from './sampling';

/** The part of onnxruntime's API the runtime uses: onnxruntime-web and onnxruntime-node both provide it. */
export interface OrtModule {
  readonly InferenceSession: { create(model: Uint8Array, options?: Ort.InferenceSession.SessionOptions): Promise<Ort.InferenceSession> };
  readonly Tensor: typeof Ort.Tensor;
}

/** A prompt as text and special tokens, so that text written by a user can never forge a special token. */
export type PromptPart = { readonly text: string } | { readonly special: string };

/** A prompt as parts, or as token ids already encoded. */
export type Prompt = readonly PromptPart[] | readonly number[];

export interface GenerateOptions extends SamplingOptions {
  readonly maxNewTokens?: number;
  readonly seed?: number;
  /** Generation ends before any of these strings, which are not part of the answer. */
  readonly stop?: readonly string[];
  /** Keep going past end-of-sequence tokens, up to maxNewTokens (for benchmarks of a fixed length). */
  readonly ignoreEos?: boolean;
  /**
   * Compose the answer from these pieces only (each group at most once, a blank line between two): the model
   * chooses among them token by token (see src/core/pipeline/compose.ts and ComposeConstraint).
   */
  readonly compose?: readonly (readonly string[])[];
  /** With `compose`: the group the answer must open with, and the groups it must hold before it may end. */
  readonly composePlan?: ComposePlan;
  /** generation_config.json's `compose_from_context`: the answer pipeline fills `compose` from the prompt's passages. */
  readonly composeFromContext?: boolean;
  /** generation_config.json's `compose_plan`: the answer pipeline fills `composePlan` (see src/core/pipeline/compose.ts). */
  readonly composeFollowsPlan?: boolean;
}

/** Indices into the compose groups. */
export interface ComposePlan {
  readonly opensWith?: number;
  readonly mustCover?: readonly number[];
  /** Each group comes after the one before it, none skipped (an answer whose order is its sense: a task, then its steps). */
  readonly inOrder?: boolean;
}

export type StopReason = 'eos' | 'stop' | 'length' | 'cancelled';

export interface GenerationResult {
  readonly text: string;
  readonly ids: number[];
  readonly promptTokens: number;
  readonly stopReason: StopReason;
  /** From the call to the first new token, prompt processing included. */
  readonly firstTokenMs: number;
  /** New tokens per second after the first one. */
  readonly tokensPerS: number;
  readonly totalMs: number;
}

const DEFAULT_MAX_NEW_TOKENS = 256;

/**
 * A long prompt is read this many tokens at a time, with the cache: the runtime's buffers grow with the tokens of one
 * run (scores for every position and every cached one, logits for every position), and WebAssembly memory never
 * shrinks. Measured with the bundled model: 48 MB of WebAssembly memory after prompts of 300 and 600 tokens and 69 MB
 * after 1,000 read this way, against 58, 69 and 152 MB read at once, in the same time or less.
 */
const PREFILL_CHUNK = 128;

/**
 * Each step copies its outputs out of onnxruntime's heap into new buffers, and the previous step's become garbage: the
 * logits (16 KB a token) and, for a model without step outputs (PresentCache), every layer's keys and values, 5.5 MB a
 * token with a 600-token cache. V8 frees buffers only when it collects their objects, which it does after tens of
 * megabytes of them, and the allocator keeps the pages they took: a chat's answers added 25-40 MB to the process.
 * Collecting the young generation once this much has been dropped (see `collectGarbage`) kept that to 5-15 MB, and a
 * 300-token prompt with 128 new tokens took 9-24% less CPU time than leaving it to V8 (three runs of each build in
 * turn, a loaded machine): fewer pages to fault in, no large collections.
 */
const GARBAGE_PER_COLLECTION = 4 * 2 ** 20;

const SESSION_OPTIONS: Ort.InferenceSession.SessionOptions = {
  graphOptimizationLevel: 'all',
  // The bundled weights are int8 behind DequantizeLinear nodes (training/quantize_onnx.py). By default onnxruntime
  // fuses each of them with its MatMul into MatMulNBits, whose WebAssembly kernel decodes about seven times slower
  // than the fp32 one (measured: 100 against 700-950 tokens/s); with QDQ handling off it folds them into fp32
  // constants once, at load, and decodes as fast as the fp32 model.
  extra: { session: { disable_quant_qdq: '1' } },
};

/** A decoder-only model in the standard ONNX layout, run with a key/value cache. */
export class ModelRuntime {
  /**
   * Called after a token once the runtime has dropped GARBAGE_PER_COLLECTION bytes of tensors: the worker collects V8's
   * young generation there, where the dropped buffers are (see GARBAGE_PER_COLLECTION).
   */
  collectGarbage: (() => void) | undefined;
  private droppedBytes = 0;
  /** Kept between generations where the model has step outputs: its buffers are reused. */
  private readonly ownedCache: OwnedCache | undefined;

  private constructor(
    private readonly ort: OrtModule,
    private readonly session: Ort.InferenceSession,
    readonly files: ModelFiles,
  ) {
    if (hasStepOutputs(session.outputNames, files.config.layers)) this.ownedCache = new OwnedCache(ort.Tensor, files.config);
  }

  /** `threads`: onnxruntime-node's threads inside an operator (the WebAssembly runtime sets its own globally). */
  static async load(files: ModelFiles, ort: OrtModule, executionProviders: string[] = ['wasm'], threads?: number): Promise<ModelRuntime> {
    let session: Ort.InferenceSession;
    try {
      session = await ort.InferenceSession.create(files.onnx, { ...SESSION_OPTIONS, executionProviders, ...(threads && { intraOpNumThreads: threads }) });
    } catch (error) {
      throw new ModelError(l10n.t('{0}/model.onnx cannot be loaded: {1}', files.dir, (error as Error).message ?? String(error)));
    }
    checkLayout(session, files.config, files.dir);
    // onnxruntime has its own copy of the weights now: the file's bytes (15 MB for an fp32 model) are not kept.
    return new ModelRuntime(ort, session, { ...files, onnx: new Uint8Array(0) });
  }

  get config(): ModelConfig {
    return this.files.config;
  }

  get defaults(): GenerationDefaults {
    return this.files.generation;
  }

  encodePrompt(parts: readonly PromptPart[]): number[] {
    const { tokenizer } = this.files;
    return parts.flatMap((part) => ('special' in part ? [tokenizer.tokenId(part.special)] : tokenizer.encode(part.text)));
  }

  async release(): Promise<void> {
    await this.session.release();
  }

  /**
   * Generates after the prompt, calling `onText` with each new piece of text (never half a character).
   * `isCancelled` is checked before every token, so a cancellation stops the computation within one token.
   */
  async generate(
    prompt: Prompt,
    options: GenerateOptions,
    /** Each new piece of text, with the number of tokens generated so far. */
    onText: (text: string, tokens: number) => void = () => {},
    isCancelled: () => boolean = () => false,
  ): Promise<GenerationResult> {
    const started = performance.now();
    const promptIds = isIdList(prompt) ? [...prompt] : this.encodePrompt(prompt);
    const room = this.config.maxPositions - promptIds.length;
    if (room <= 0) {
      throw new ModelError(l10n.t('The prompt has {0} tokens; this model reads at most {1}.', promptIds.length, this.config.maxPositions));
    }
    const maxNewTokens = Math.min(options.maxNewTokens ?? this.defaults.maxNewTokens ?? DEFAULT_MAX_NEW_TOKENS, room);
    const random = seededRandom(options.seed ?? 0);
    const constraint = options.compose ? new ComposeConstraint(options.compose, (text) => this.files.tokenizer.encode(text), this.config.eosIds, options.composePlan) : undefined;
    const ids: number[] = [];
    const output = new StopFilter(options.stop ?? [], (text) => onText(text, ids.length));
    const decoder = new StreamDecoder(this.files.tokenizer, true);
    const cache: KeyValueCache = this.ownedCache?.reset() ?? new PresentCache(this.ort.Tensor, this.config);
    let input = promptIds;
    let firstTokenAt = 0;
    let stopReason: StopReason = 'length';
    while (ids.length < maxNewTokens) {
      if (isCancelled()) {
        stopReason = 'cancelled';
        break;
      }
      const step = await this.feed(input, promptIds.length + ids.length - input.length, cache, isCancelled);
      if (!step) {
        stopReason = 'cancelled';
        break;
      }
      // The penalty looks at the answer only: copying words of the glossary lines in the prompt is the point.
      constraint?.mask(step.logits);
      const next = sampleToken(step.logits, options, ids, random, promptIds);
      constraint?.accept(next);
      firstTokenAt ||= performance.now();
      if (!options.ignoreEos && this.config.eosIds.includes(next)) {
        stopReason = 'eos';
        break;
      }
      ids.push(next);
      if (output.push(decoder.push(next))) {
        stopReason = 'stop';
        break;
      }
      input = [next];
      this.collectIfDue();
    }
    if (stopReason !== 'stop') output.push(decoder.flush(), true);
    const finished = performance.now();
    const decodeMs = finished - (firstTokenAt || finished);
    return {
      text: output.text,
      ids,
      promptTokens: promptIds.length,
      stopReason,
      firstTokenMs: (firstTokenAt || finished) - started,
      tokensPerS: ids.length > 1 && decodeMs > 0 ? ((ids.length - 1) * 1000) / decodeMs : 0,
      totalMs: finished - started,
    };
  }

  /**
   * Runs the model on new tokens after `pastLength` cached ones, PREFILL_CHUNK at a time, adding them to `cache`;
   * returns the last position's scores, or undefined when cancelled between two chunks.
   */
  private async feed(tokens: readonly number[], pastLength: number, cache: KeyValueCache, isCancelled: () => boolean) {
    let logits: Float32Array = new Float32Array(0);
    for (let start = 0; start < tokens.length; start += PREFILL_CHUNK) {
      if (start > 0 && isCancelled()) return undefined;
      logits = await this.step(tokens.slice(start, start + PREFILL_CHUNK), pastLength + start, cache);
    }
    return { logits };
  }

  private async step(tokens: readonly number[], pastLength: number, cache: KeyValueCache): Promise<Float32Array> {
    const { Tensor } = this.ort;
    const total = pastLength + tokens.length;
    const feeds: Record<string, Ort.Tensor> = {
      ...cache.past(),
      input_ids: new Tensor('int64', BigInt64Array.from(tokens, BigInt), [1, tokens.length]),
      attention_mask: new Tensor('int64', new BigInt64Array(total).fill(1n), [1, total]),
    };
    if (this.session.inputNames.includes('position_ids')) {
      feeds.position_ids = new Tensor('int64', BigInt64Array.from(tokens, (_, i) => BigInt(pastLength + i)), [1, tokens.length]);
    }
    const results = cache.fetches ? await this.session.run(feeds, [...cache.fetches]) : await this.session.run(feeds);
    const logits = results.logits!;
    const vocab = logits.dims[2]!;
    const last = (logits.data as Float32Array).slice((tokens.length - 1) * vocab, tokens.length * vocab);
    this.drop([...cache.take(results, tokens.length), logits]);
    return last;
  }

  /** Lets go of tensors the next steps do not need, counting their bytes for collectIfDue. */
  private drop(tensors: readonly Ort.Tensor[]): void {
    for (const tensor of tensors) {
      this.droppedBytes += tensor.size * BYTES_PER_ELEMENT;
      tensor.dispose?.();
    }
  }

  /**
   * Has the dropped tensors collected once they add up: after a token, never between two chunks of a prompt, where a
   * collection delayed the first token by about 10% (a 300-token prompt, 21 rounds in turn).
   */
  private collectIfDue(): void {
    if (this.droppedBytes < GARBAGE_PER_COLLECTION || !this.collectGarbage) return;
    this.droppedBytes = 0;
    this.collectGarbage();
  }
}

/** The cache and the logits are float32 (emptyCache feeds float32 tensors). */
const BYTES_PER_ELEMENT = 4;

function isIdList(prompt: Prompt): prompt is readonly number[] {
  return prompt.length > 0 && typeof prompt[0] === 'number';
}

function checkLayout(session: Ort.InferenceSession, config: ModelConfig, dir: string): void {
  const expected = ['input_ids', 'attention_mask', 'past_key_values.0.key', `past_key_values.${config.layers - 1}.value`];
  const missing = expected.filter((name) => !session.inputNames.includes(name));
  if (missing.length > 0 || !session.outputNames.includes('logits')) {
    throw new ModelError(
      l10n.t('{0}/model.onnx is not a decoder in the standard layout (missing {1}); its inputs are {2}', dir, [...missing, 'logits'].join(', '), session.inputNames.join(', ')),
    );
  }
}
