import * as fs from 'node:fs';
import * as path from 'node:path';
import { Answerer } from '../core/answer/answerer';
import { judge, summarize, type HeldOutQuestion, type Judgement } from '../core/answer/evaluate';
import type { Glossary } from '../core/glossary/glossary';
import type { ParsedArgs } from './args';
import type { CliOutput } from './explain';
import { generateOptions, modelClient, type CliPaths } from './model';

export function heldOutFile(paths: CliPaths): string {
  return path.join(paths.dist, '..', 'training', 'eval', 'heldout.jsonl');
}

function readHeldOut(file: string): HeldOutQuestion[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as HeldOutQuestion);
}

/**
 * `eval`: answers every held-out question with greedy decoding, through the same retrieval, prompt and
 * worker as the extension, and prints the summary as JSON. `--details FILE` writes each answer.
 */
export async function runEval(glossary: Glossary, paths: CliPaths, args: ParsedArgs, io: CliOutput): Promise<number> {
  const limit = Number(args.flags.get('limit') ?? Infinity);
  const file = typeof args.flags.get('heldout') === 'string' ? path.resolve(String(args.flags.get('heldout'))) : heldOutFile(paths);
  const items = readHeldOut(file).slice(0, limit);
  const answerer = new Answerer(glossary);
  const client = modelClient(paths);
  const options = { ...generateOptions(args, paths.modelDir), greedy: true };
  const judgements: Judgement[] = [];
  const details: string[] = [];
  const started = performance.now();
  try {
    for (const item of items) {
      const answer = await answerer.answer({ text: item.question, answerLang: item.answer_lang, fallbackLang: item.answer_lang }, client, options);
      const judgement = judge(glossary, item, answer.answer);
      judgements.push(judgement);
      details.push(JSON.stringify({ ...item, answer: answer.answer, sources: answer.sources, ...judgement }));
    }
  } finally {
    await client.dispose();
  }
  const detailsFile = args.flags.get('details');
  if (typeof detailsFile === 'string') fs.writeFileSync(detailsFile, `${details.join('\n')}\n`);
  const summary = { model: paths.modelDir, ...summarize(items, judgements), seconds: Math.round((performance.now() - started) / 1000) };
  io.out(JSON.stringify(summary, null, args.flags.has('json') ? 0 : 2));
  return 0;
}
