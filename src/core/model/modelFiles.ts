import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import type { GenerateOptions } from './runtime';
import { BpeTokenizer } from '../tokenizer/bpe';

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

type Json = Record<string, unknown>;

/**
 * Bounds on a model's files, read whole into memory: a config is a few KB, a tokenizer a few MB (Llama 3's is
 * 9 MB), and an ONNX file cannot pass 2 GB (the protobuf limit).
 */
export const MODEL_FILE_LIMITS = { jsonBytes: 1_000_000, tokenizerBytes: 64 * 1024 * 1024, onnxBytes: 2 * 1024 * 1024 * 1024 - 1 } as const;

/**
 * A model file's bytes, read within bounds as users' glossary files are (userFiles.ts): a regular file only,
 * never a device or a pipe (a `model.onnx` linked to /dev/zero grew the memory by 100 MB a second without end),
 * no larger than `maxBytes`, and no more than was measured even if the file grows meanwhile. `undefined` when
 * the file does not exist.
 */
export function readModelFile(file: string, maxBytes: number): Buffer | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new ModelError(l10n.t('{0} cannot be read ({1}).', file, code ?? (error as Error).message));
  }
  if (!stat.isFile()) throw new ModelError(l10n.t('{0} is not a regular file (a device or a pipe, say); it was not read.', file));
  if (stat.size > maxBytes) throw new ModelError(l10n.t('{0} is {1} MB, more than a model file of its kind can be ({2} MB); it was not read.', file, Math.ceil(stat.size / 1e6), Math.floor(maxBytes / 1e6)));
  // Non-blocking: a file swapped for a pipe since it was measured must not hold the thread until a writer comes.
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    const size = Math.min(fs.fstatSync(fd).isFile() ? stat.size : 0, maxBytes);
    const buffer = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const bytes = fs.readSync(fd, buffer, read, size - read, read);
      if (bytes === 0) break;
      read += bytes;
    }
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

function readJson(dir: string, name: string, required: boolean): Json | undefined {
  const file = path.join(dir, name);
  const bytes = readModelFile(file, MODEL_FILE_LIMITS.jsonBytes);
  if (!bytes) {
    if (required) throw new ModelError(l10n.t('The model folder {0} has no {1}.', dir, name));
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new ModelError(l10n.t('{0} is not valid JSON: {1}', file, (error as Error).message));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ModelError(l10n.t('{0} must hold a JSON object.', file));
  return value as Json;
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

function readGenerationDefaults(json: Json | undefined): GenerationDefaults {
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

/** The sampling defaults of a model folder; none when it has no generation_config.json. */
export function loadGenerationDefaults(dir: string): GenerationDefaults {
  return readGenerationDefaults(readJson(dir, 'generation_config.json', false));
}

/**
 * Decoding options from a model folder's generation_config.json, the one truth for its defaults (Hugging Face's
 * meaning: no sampling unless `do_sample`, no penalty unless `repetition_penalty`), so every runtime reading the
 * folder decodes alike. `greedy` turns sampling off; `seed` seeds it.
 */
export function decodingOptions(dir: string, overrides: { greedy?: boolean; maxNewTokens?: number; seed?: number; copyBias?: number; composeFromContext?: boolean; composeFollowsPlan?: boolean } = {}): GenerateOptions {
  const defaults = loadGenerationDefaults(dir);
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
export function loadModelFiles(dir: string): ModelFiles {
  if (!fs.existsSync(dir)) throw new ModelError(l10n.t('The model folder {0} does not exist.', dir));
  const configJson = readJson(dir, 'config.json', true)!;
  const config = readModelConfig(configJson, path.join(dir, 'config.json'));
  const generationJson = readJson(dir, 'generation_config.json', false);
  const eosIds = config.eosIds.length > 0 ? config.eosIds : ids(generationJson?.eos_token_id);
  const tokenizerFile = path.join(dir, 'tokenizer.json');
  const tokenizerBytes = readModelFile(tokenizerFile, MODEL_FILE_LIMITS.tokenizerBytes);
  if (!tokenizerBytes) throw new ModelError(l10n.t('The model folder {0} has no {1}.', dir, 'tokenizer.json'));
  let tokenizer: BpeTokenizer;
  try {
    tokenizer = BpeTokenizer.fromJson(tokenizerBytes.toString('utf8'));
  } catch (error) {
    throw new ModelError(l10n.t('{0} cannot be used: {1}', tokenizerFile, (error as Error).message));
  }
  const onnx = readModelFile(path.join(dir, 'model.onnx'), MODEL_FILE_LIMITS.onnxBytes);
  if (!onnx) throw new ModelError(l10n.t('The model folder {0} has no {1}.', dir, 'model.onnx'));
  return {
    dir,
    config: { ...config, eosIds },
    generation: readGenerationDefaults(generationJson),
    tokenizer,
    onnx,
  };
}
