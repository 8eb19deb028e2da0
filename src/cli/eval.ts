import * as fs from 'node:fs';
import * as path from 'node:path';
import { baselineAnswer, judge, summarize, type HeldOutItem, type JudgedTurn } from '../core/pipeline/evaluate';
import { ChatEngine, type Backend } from '../core/pipeline/engine';
import type { Turn } from '../core/chat/conversation';
import type { Glossary } from '../core/glossary/glossary';
import type { ParsedArgs } from './args';
import type { CliOutput } from './explain';
import { generateOptions, modelClient, type CliPaths } from './model';

export function heldOutFile(paths: CliPaths): string {
  return path.join(paths.dist, '..', 'training', 'eval', 'heldout.jsonl');
}

function readHeldOut(file: string): HeldOutItem[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as HeldOutItem);
}

/** About `limit` items taken evenly through the file, so a short run still sees every kind. */
function spread<T>(items: readonly T[], limit: number): T[] {
  if (!(limit < items.length)) return [...items];
  const step = items.length / limit;
  return Array.from({ length: limit }, (_, i) => items[Math.floor(i * step)]!);
}

/**
 * `eval`: answers every held-out item (a question, or a dialogue turn by turn) through the chat's own pipeline,
 * greedy, and judges each answer and the retrieval-only baseline; prints the summary as JSON. `--details FILE`
 * writes each turn with its answer.
 */
export async function runEval(glossary: Glossary, paths: CliPaths, args: ParsedArgs, io: CliOutput): Promise<number> {
  const limit = Number(args.flags.get('limit') ?? Infinity);
  const file = typeof args.flags.get('heldout') === 'string' ? path.resolve(String(args.flags.get('heldout'))) : heldOutFile(paths);
  const items = spread(readHeldOut(file), limit);
  const engine = new ChatEngine(glossary);
  const client = modelClient(paths);
  const backend: Backend = { kind: 'bundled', model: client, options: { ...generateOptions(args, paths.modelDir), greedy: true, ...(args.flags.has('no-plan') ? { composeFollowsPlan: false } : {}) } };
  const judged: JudgedTurn[] = [];
  const details: string[] = [];
  const started = performance.now();
  try {
    for (const item of items) {
      const history: Turn[] = [];
      for (const turn of item.turns) {
        const request = { question: turn.question, answerLang: turn.answer_lang, fallbackLang: turn.answer_lang, history };
        const answer = await engine.ask(request, backend, () => {});
        const previous = history[history.length - 1]?.answer;
        const baseline = baselineAnswer(answer.passages, glossary, answer.lang, answer.understanding.intent);
        const model = judge(glossary, turn, answer.text, answer.passages, previous);
        judged.push({ kind: item.kind, intent: turn.intent, model, baseline: judge(glossary, turn, baseline, answer.passages, previous) });
        details.push(JSON.stringify({ kind: item.kind, ...turn, understood: answer.understanding.intent, understoodIds: answer.understanding.concepts.map((c) => c.id), answer: answer.text, sources: answer.sources, ...model }));
        history.push({
          id: String(history.length),
          question: turn.question,
          answer: answer.text,
          lang: answer.lang,
          sources: answer.sources,
          intent: answer.understanding.intent,
          concepts: answer.understanding.concepts.map((concept) => concept.id),
          state: 'done',
          createdAt: 0,
        });
      }
    }
  } finally {
    await client.dispose();
  }
  const detailsFile = args.flags.get('details');
  if (typeof detailsFile === 'string') fs.writeFileSync(detailsFile, `${details.join('\n')}\n`);
  const summary = { model: paths.modelDir, heldout: file, composePlan: backend.options.composeFollowsPlan === true, ...summarize(items.length, judged), seconds: Math.round((performance.now() - started) / 1000) };
  io.out(JSON.stringify(summary, null, args.flags.has('json') ? 0 : 2));
  return 0;
}
