import * as l10n from '@vscode/l10n';
import type { GenerateOptions } from './runtime';
import { BpeTokenizer } from '../tokenizer/bpe';
import { decodeUtf8 } from '../text';

/**
 * A model folder's format: its config, sampling defaults and tokenizer read from their bytes, wherever the bytes come
 * from (the disk in Node, workspace.fs or fetch in a browser). Free of Node, so that the web extension shares it.
 */
/** A problem with the model files, said so that the user knows which file to fix or restore. */
export class ModelError extends Error {}

/** What the runtime needs to know of a decoder, whichever family wrote its config.json. */
export interface ModelConfig {
  readonly family: 'gpt2' | 'llama';
  readonly layers: number;
  /** Heads of the key/value cache (fewer than attention heads with grouped-query attention). */
  readonly kvHeads: number;
  readonly headDim: number;
  readonly vocabSize: number;
  readonly maxPositions: number;
  readonly bosId: number | undefined;
  readonly eosIds: readonly number[];
}

/** Defaults from generation_config.json. */
export interface GenerationDefaults {
  readonly maxNewTokens?: number;
  readonly temperature?: number;
  readonly topK?: number;
  readonly topP?: number;
  readonly repetitionPenalty?: number;
  /** This project's own key: see SamplingOptions.copyBias. */
  readonly copyBias?: number;
  /** This project's own key `compose_from_context`: answers are composed of the prompt's passages (ComposeConstraint). */
  readonly composeFromContext?: boolean;
  /** This project's own key `compose_plan`: a composed answer opens with the passage retrieval put first and covers every concept asked about. */
  readonly composeFollowsPlan?: boolean;
  readonly doSample?: boolean;
}

export interface ModelFiles {
  readonly dir: string;
  readonly config: ModelConfig;
  readonly generation: GenerationDefaults;
  readonly tokenizer: BpeTokenizer;
  readonly onnx: Uint8Array;
}

export type Json = Record<string, unknown>;

/**
 * Bounds on a model's files, read whole into memory: a config is a few KB, a tokenizer a few MB (Llama 3's is
 * 9 MB), and an ONNX file cannot pass 2 GB (the protobuf limit).
 */
export const MODEL_FILE_LIMITS = { jsonBytes: 1_000_000, tokenizerBytes: 64 * 1024 * 1024, onnxBytes: 2 * 1024 * 1024 * 1024 - 1 } as const;

/** A model folder's files, each with its size limit and whether the model needs it. */
export const MODEL_FOLDER_FILES: ReadonlyArray<{ readonly name: string; readonly maxBytes: number; readonly required: boolean }> = [
  { name: 'config.json', maxBytes: MODEL_FILE_LIMITS.jsonBytes, required: true },
  { name: 'generation_config.json', maxBytes: MODEL_FILE_LIMITS.jsonBytes, required: false },
  { name: 'tokenizer.json', maxBytes: MODEL_FILE_LIMITS.tokenizerBytes, required: true },
  { name: 'model.onnx', maxBytes: MODEL_FILE_LIMITS.onnxBytes, required: true },
];

/** A model folder that is not there. */
export function missingModelFolder(dir: string): ModelError {
  return new ModelError(l10n.t('The model folder {0} does not exist.', dir));
}

/** A required file the model folder lacks. */
export function missingModelFile(dir: string, name: string): ModelError {
  return new ModelError(l10n.t('The model folder {0} has no {1}.', dir, name));
}

/** A model file the file system would not give (its error code, or message). */
export function unreadableModelFile(file: string, reason: string): ModelError {
  return new ModelError(l10n.t('{0} cannot be read ({1}).', file, reason));
}

/**
 * Why a model file, as its file system describes it, is not read at all: a device or a pipe (one linked to /dev/zero
 * would fill the memory), or a file over its kind's limit, said before a byte of it is read.
 */
export function refusedModelFile(file: string, stat: { readonly isFile: boolean; readonly size: number }, maxBytes: number): ModelError | undefined {
  if (!stat.isFile) return new ModelError(l10n.t('{0} is not a regular file (a device or a pipe, say); it was not read.', file));
  if (stat.size > maxBytes) {
    return new ModelError(l10n.t('{0} is {1} MB, more than a model file of its kind can be ({2} MB); it was not read.', file, Math.ceil(stat.size / 1e6), Math.floor(maxBytes / 1e6)));
  }
  return undefined;
}

function positiveInt(config: Json, names: readonly string[], file: string): number {
  for (const name of names) {
    const value = config[name];
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  }
  throw new ModelError(l10n.t('{0}: needs a positive integer {1}', file, names.join(l10n.t(' or '))));
}

function ids(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  return Array.isArray(value) ? value.filter((id): id is number => typeof id === 'number') : [];
}

/** Reads a GPT-2 (`n_layer`, `n_head`, `n_embd`) or Llama (`num_hidden_layers`, ...) config.json. */
export function readModelConfig(config: Json, file = 'config.json'): ModelConfig {
  const type = String(config.model_type ?? '');
  const family = type === 'gpt2' ? 'gpt2' : ['llama', 'mistral', 'qwen2', 'smollm'].includes(type) ? 'llama' : undefined;
  if (!family) throw new ModelError(l10n.t('{0}: model_type "{1}" is not supported (gpt2 or llama family)', file, type));
  const layers = positiveInt(config, ['n_layer', 'num_hidden_layers'], file);
  const heads = positiveInt(config, ['n_head', 'num_attention_heads'], file);
  const width = positiveInt(config, ['n_embd', 'hidden_size'], file);
  const kvHeads = typeof config.num_key_value_heads === 'number' ? config.num_key_value_heads : heads;
  const headDim = typeof config.head_dim === 'number' ? config.head_dim : width / heads;
  return {
    family,
    layers,
    kvHeads,
    headDim,
    vocabSize: positiveInt(config, ['vocab_size'], file),
    maxPositions: positiveInt(config, ['n_positions', 'max_position_embeddings', 'n_ctx'], file),
    bosId: ids(config.bos_token_id)[0],
    eosIds: ids(config.eos_token_id),
  };
}

export function readGenerationDefaults(json: Json | undefined): GenerationDefaults {
  const number = (key: string) => (typeof json?.[key] === 'number' ? (json[key] as number) : undefined);
  return {
    maxNewTokens: number('max_new_tokens'),
    temperature: number('temperature'),
    topK: number('top_k'),
    topP: number('top_p'),
    repetitionPenalty: number('repetition_penalty'),
    copyBias: number('copy_bias'),
    composeFromContext: json?.compose_from_context === true,
    composeFollowsPlan: json?.compose_plan === true,
    doSample: typeof json?.do_sample === 'boolean' ? json.do_sample : undefined,
  };
}


/** Reads one of a model folder's files, within `maxBytes`; `undefined` when the file does not exist. */
export interface ModelFileSource {
  readonly dir: string;
  /** How the file is named in messages. */
  path(name: string): string;
  read(name: string, maxBytes: number): Uint8Array | undefined;
}

/**
 * A model folder whose files were read already, by name (a browser's extension host reads them, and hands them to the
 * model's web worker): a file over its limit is refused as on the disk.
 */
export function modelBytesSource(dir: string, files: Readonly<Record<string, Uint8Array | undefined>>): ModelFileSource {
  const path = (name: string) => `${dir}/${name}`;
  return {
    dir,
    path,
    read: (name, maxBytes) => {
      const bytes = files[name];
      const refused = bytes && refusedModelFile(path(name), { isFile: true, size: bytes.byteLength }, maxBytes);
      if (refused) throw refused;
      return bytes;
    },
  };
}

/** The decoding defaults of a generation_config.json read already (its bytes; undefined: the folder has none). */
export function generationDefaultsOf(dir: string, bytes: Uint8Array | undefined): GenerationDefaults {
  return readGenerationDefaults(readModelJson(modelBytesSource(dir, { 'generation_config.json': bytes }), 'generation_config.json', false));
}

/** A JSON object from a model folder's file, or `undefined` when an optional file is missing. */
export function readModelJson(source: ModelFileSource, name: string, required: boolean): Json | undefined {
  const bytes = source.read(name, MODEL_FILE_LIMITS.jsonBytes);
  if (!bytes) {
    if (required) throw missingModelFile(source.dir, name);
    return undefined;
  }
  const file = source.path(name);
  let value: unknown;
  try {
    value = JSON.parse(decodeUtf8(bytes));
  } catch (error) {
    throw new ModelError(l10n.t('{0} is not valid JSON: {1}', file, (error as Error).message));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ModelError(l10n.t('{0} must hold a JSON object.', file));
  return value as Json;
}

/** What may be set over a model folder's generation_config.json. */
export interface DecodingOverrides {
  greedy?: boolean;
  maxNewTokens?: number;
  seed?: number;
  copyBias?: number;
  composeFromContext?: boolean;
  composeFollowsPlan?: boolean;
}

/**
 * Decoding options from a model folder's generation_config.json, the one truth for its defaults (Hugging Face's
 * meaning: no sampling unless `do_sample`, no penalty unless `repetition_penalty`), so every runtime reading the
 * folder decodes alike. `greedy` turns sampling off; `seed` seeds it.
 */
export function decodingOptionsFrom(defaults: GenerationDefaults, overrides: DecodingOverrides = {}): GenerateOptions {
  return {
    greedy: overrides.greedy === true || defaults.doSample !== true,
    temperature: defaults.temperature ?? 1,
    topK: defaults.topK ?? 0,
    topP: defaults.topP ?? 1,
    repetitionPenalty: defaults.repetitionPenalty ?? 1,
    copyBias: overrides.copyBias ?? defaults.copyBias ?? 0,
    composeFromContext: overrides.composeFromContext ?? defaults.composeFromContext ?? false,
    composeFollowsPlan: overrides.composeFollowsPlan ?? defaults.composeFollowsPlan ?? false,
    maxNewTokens: overrides.maxNewTokens ?? defaults.maxNewTokens ?? 256,
    seed: overrides.seed ?? 0,
    stop: ['<|endoftext|>'],
  };
}

/** Reads and checks every file of a model folder; any problem is a ModelError naming the file. */
export function modelFilesFrom(source: ModelFileSource): ModelFiles {
  const { dir } = source;
  const configJson = readModelJson(source, 'config.json', true)!;
  const config = readModelConfig(configJson, source.path('config.json'));
  const generationJson = readModelJson(source, 'generation_config.json', false);
  const eosIds = config.eosIds.length > 0 ? config.eosIds : ids(generationJson?.eos_token_id);
  const tokenizerFile = source.path('tokenizer.json');
  const tokenizerBytes = source.read('tokenizer.json', MODEL_FILE_LIMITS.tokenizerBytes);
  if (!tokenizerBytes) throw missingModelFile(dir, 'tokenizer.json');
  let tokenizer: BpeTokenizer;
  try {
    tokenizer = BpeTokenizer.fromJson(decodeUtf8(tokenizerBytes));
  } catch (error) {
    throw new ModelError(l10n.t('{0} cannot be used: {1}', tokenizerFile, (error as Error).message));
  }
  const onnx = source.read('model.onnx', MODEL_FILE_LIMITS.onnxBytes);
  if (!onnx) throw missingModelFile(dir, 'model.onnx');
  return {
    dir,
    config: { ...config, eosIds },
    generation: readGenerationDefaults(generationJson),
    tokenizer,
    onnx,
  };
}
