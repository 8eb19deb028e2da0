import * as path from 'node:path';
import { ChatEngine, type Backend, type ChatAnswer } from '../core/pipeline/engine';
import type { Glossary } from '../core/glossary/glossary';
import { decodingOptions, loadModelFiles } from '../core/model/modelFiles';
import type { GenerateOptions } from '../core/model/runtime';
import { WorkerModelClient } from '../core/model/workerClient';
import type { ParsedArgs } from './args';
import { UsageError } from './args';
import type { CliOutput } from './explain';
import { parseLang } from './explain';
import { writeStreamed } from './terminal';

/** Where the command line finds its files: beside dist/cli.js, and the bundled model one level up. */
export interface CliPaths {
  readonly dist: string;
  readonly modelDir: string;
}

export function defaultPaths(dist: string): CliPaths {
  return { dist, modelDir: process.env.CONCEPT_EXPLAINER_MODEL ?? path.join(dist, '..', 'models', 'concept-gpt') };
}

/** A worker for the command line; without `warmUp` for one short answer (see WorkerData.warmUp). */
export function modelClient(paths: CliPaths, warmUp = true): WorkerModelClient {
  return new WorkerModelClient({ workerFile: path.join(paths.dist, 'modelWorker.js'), modelDir: paths.modelDir, wasmDir: paths.dist, idleMs: 0, warmUp });
}

function intFlag(args: ParsedArgs, name: string): number | undefined {
  const value = args.flags.get(name);
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new UsageError(`--${name} must be a whole number`);
  return number;
}

/** Decoding from the model's generation_config.json; `--greedy`, `--max-tokens` and `--seed` adjust it. */
export function generateOptions(args: ParsedArgs, modelDir: string): GenerateOptions {
  return decodingOptions(modelDir, { greedy: args.flags.has('greedy'), maxNewTokens: intFlag(args, 'max-tokens'), seed: intFlag(args, 'seed') });
}

/**
 * The bundled model in a worker, or with `--server URL --server-model NAME` an OpenAI-compatible server (the API
 * key from the environment variable CONCEPT_EXPLAINER_API_KEY, never from a flag that shows in the process list).
 */
export function cliBackend(args: ParsedArgs, paths: CliPaths, client: WorkerModelClient): Backend {
  const url = args.flags.get('server');
  if (typeof url === 'string') {
    const model = args.flags.get('server-model');
    if (typeof model !== 'string' || !model.trim()) throw new UsageError('--server needs --server-model NAME');
    return { kind: 'server', settings: { url, model, apiKey: process.env.CONCEPT_EXPLAINER_API_KEY || undefined } };
  }
  return { kind: 'bundled', model: client, options: generateOptions(args, paths.modelDir) };
}

/** The JSON line `ask --json` and `chat --json` print for one answer. */
export function answerJson(answer: ChatAnswer): Record<string, unknown> {
  return {
    answer: answer.text,
    sources: answer.sources,
    lang: answer.lang,
    suggestions: answer.suggestions,
    tokens: answer.generation?.ids.length ?? 0,
    first_token_ms: round(answer.firstTextMs),
    tokens_per_s: round(answer.generation?.tokensPerS ?? 0),
  };
}

/** `ask "<question>"`: streams the grounded answer; `--json` prints it with its sources and timings. */
export async function runAsk(glossary: Glossary, paths: CliPaths, args: ParsedArgs, io: CliOutput): Promise<number> {
  const question = args.positional.join(' ').trim();
  if (!question) throw new UsageError('ask needs a question, for example: ask "Qu\'est-ce que l\'affinage ?"');
  const json = args.flags.has('json');
  const client = modelClient(paths, false);
  try {
    const answer = await new ChatEngine(glossary).ask(
      { question, answerLang: parseLang(args.flags.get('lang')) ?? 'auto', fallbackLang: 'en', history: [] },
      cliBackend(args, paths, client),
      json ? () => {} : writeStreamed,
    );
    io.out(json ? JSON.stringify(answerJson(answer), null, 2) : `\n\n[${answer.sources.join(', ')}]`);
    return 0;
  } finally {
    await client.dispose();
  }
}

/** `tokenize "<text>"`: the ids of the bundled tokenizer. */
export function runTokenize(paths: CliPaths, args: ParsedArgs, io: CliOutput): number {
  const text = args.positional.join(' ');
  const { tokenizer } = loadModelFiles(paths.modelDir);
  const ids = tokenizer.encode(text, { parseSpecial: args.flags.has('special') });
  io.out(args.flags.has('json') ? JSON.stringify({ ids }) : ids.join(' '));
  return 0;
}

/** `generate --raw "<text>"`: continues raw text with no prompt format; prints the new tokens only. */
export async function runGenerate(paths: CliPaths, args: ParsedArgs, io: CliOutput): Promise<number> {
  if (!args.flags.has('raw')) throw new UsageError('generate needs --raw (it continues text with no prompt format)');
  const text = args.positional.join(' ');
  const client = modelClient(paths);
  try {
    const options = { ...generateOptions(args, paths.modelDir), stop: [] };
    const json = args.flags.has('json');
    const result = await client.generate([{ text }], options, json ? () => {} : writeStreamed);
    io.out(json ? JSON.stringify({ text: result.text, ids: result.ids }) : '');
    return 0;
  } finally {
    await client.dispose();
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
