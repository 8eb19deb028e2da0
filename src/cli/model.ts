import * as path from 'node:path';
import { Answerer } from '../core/answer/answerer';
import type { Glossary } from '../core/glossary/glossary';
import { loadGenerationDefaults, loadModelFiles } from '../core/model/modelFiles';
import type { GenerateOptions } from '../core/model/runtime';
import { WorkerModelClient } from '../core/model/workerClient';
import type { ParsedArgs } from './args';
import { UsageError } from './args';
import type { CliOutput } from './explain';
import { parseLang } from './explain';

/** Where the command line finds its files: beside dist/cli.js, and the bundled model one level up. */
export interface CliPaths {
  readonly dist: string;
  readonly modelDir: string;
}

export function defaultPaths(dist: string): CliPaths {
  return { dist, modelDir: process.env.CONCEPT_EXPLAINER_MODEL ?? path.join(dist, '..', 'models', 'concept-gpt') };
}

export function modelClient(paths: CliPaths, modelDir = paths.modelDir): WorkerModelClient {
  return new WorkerModelClient({ workerFile: path.join(paths.dist, 'modelWorker.js'), modelDir, wasmDir: paths.dist, idleMs: 0 });
}

function intFlag(args: ParsedArgs, name: string): number | undefined {
  const value = args.flags.get(name);
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new UsageError(`--${name} must be a whole number`);
  return number;
}

/** Sampling from the flags: `--greedy` or the model's generation_config.json defaults, seeded. */
export function generateOptions(args: ParsedArgs, modelDir: string): GenerateOptions {
  const defaults = loadGenerationDefaults(modelDir);
  return {
    greedy: args.flags.has('greedy') || defaults.doSample === false,
    temperature: defaults.temperature ?? 0.7,
    topK: defaults.topK ?? 40,
    topP: defaults.topP ?? 0.95,
    repetitionPenalty: defaults.repetitionPenalty ?? 1.1,
    maxNewTokens: intFlag(args, 'max-tokens') ?? defaults.maxNewTokens ?? 256,
    seed: intFlag(args, 'seed') ?? 0,
    stop: ['<|endoftext|>'],
  };
}

/** `ask "<question>"`: streams the grounded answer; `--json` prints it with its sources and timings. */
export async function runAsk(glossary: Glossary, paths: CliPaths, args: ParsedArgs, io: CliOutput): Promise<number> {
  const question = args.positional.join(' ').trim();
  if (!question) throw new UsageError('ask needs a question, for example: ask "Qu\'est-ce que l\'affinage ?"');
  const json = args.flags.has('json');
  const client = modelClient(paths);
  try {
    const answer = await new Answerer(glossary).answer(
      { text: question, answerLang: parseLang(args.flags.get('lang')) ?? 'auto', fallbackLang: 'en' },
      client,
      generateOptions(args, paths.modelDir),
      json ? undefined : (text) => process.stdout.write(text),
    );
    const generation = answer.generation;
    if (json) {
      io.out(JSON.stringify({
        answer: answer.answer,
        sources: answer.sources,
        lang: answer.lang,
        tokens: generation.ids.length,
        first_token_ms: round(answer.retrievalMs + generation.firstTokenMs),
        tokens_per_s: round(generation.tokensPerS),
      }, null, 2));
    } else {
      io.out(`\n\n[${answer.sources.join(', ')}]`);
    }
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
    const result = await client.generate([{ text }], options, json ? () => {} : (piece) => process.stdout.write(piece));
    io.out(json ? JSON.stringify({ text: result.text, ids: result.ids }) : '');
    return 0;
  } finally {
    await client.dispose();
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
