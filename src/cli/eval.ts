import * as fs from 'node:fs';
import * as path from 'node:path';
import { baselineAnswer, judge, summarize, type HeldOutItem, type JudgedTurn } from '../core/pipeline/evaluate';
import { explicitRegister } from '../core/pipeline/language';
import { ChatEngine, turnOf, type Backend } from '../core/pipeline/engine';
import type { Turn } from '../core/chat/conversation';
import type { Glossary } from '../core/glossary/glossary';
import type { ParsedArgs } from './args';
import type { CliOutput } from './explain';
import { generateOptions, modelClient, type CliPaths } from './model';

export function heldOutFile(paths: CliPaths): string {
  return path.join(paths.dist, '..', 'training', 'eval', 'heldout.jsonl');
}

/**
 * Conversations written by hand like real ones (reactions, doubts, tu and vous, "already said that"), in a file
 * of their own: the corpus builder rewrites heldout.jsonl, never this one.
 */
export function conversationsFile(paths: CliPaths): string {
  return path.join(paths.dist, '..', 'training', 'eval', 'conversations.jsonl');
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
  const files = args.flags.get('heldout') === undefined && fs.existsSync(conversationsFile(paths)) ? [file, conversationsFile(paths)] : [file];
  const items = spread(files.flatMap(readHeldOut), limit);
  const engine = new ChatEngine(glossary);
  const client = modelClient(paths);
  const started = performance.now();
  const options = { ...generateOptions(args, paths.modelDir), greedy: true };
  // The model with its plan, and (unless --no-plan or --plan-only) without it: what the model itself chooses.
  const withPlan = !args.flags.has('no-plan');
  const withoutPlan = args.flags.has('no-plan') || !args.flags.has('plan-only');
  try {
    const main = await evaluatePass(engine, glossary, items, { kind: 'bundled', model: client, options: withPlan ? options : { ...options, composeFollowsPlan: false } });
    const detailsFile = args.flags.get('details');
    if (typeof detailsFile === 'string') fs.writeFileSync(detailsFile, `${main.details.join('\n')}\n`);
    const noPlan = withPlan && withoutPlan ? await evaluatePass(engine, glossary, items, { kind: 'bundled', model: client, options: { ...options, composeFollowsPlan: false } }) : undefined;
    const summary = {
      model: paths.modelDir,
      heldout: files,
      composePlan: withPlan && options.composeFollowsPlan === true,
      ...summarize(items.length, main.judged),
      ...(noPlan && { noPlan: headline(summarize(items.length, noPlan.judged)) }),
      seconds: Math.round((performance.now() - started) / 1000),
    };
    io.out(JSON.stringify(summary, null, args.flags.has('json') ? 0 : 2));
  } finally {
    await client.dispose();
  }
  return 0;
}

/** The overall figures of a pass, without its kinds. */
function headline(summary: ReturnType<typeof summarize>): Omit<ReturnType<typeof summarize>, 'byKind'> {
  const { byKind, ...overall } = summary;
  void byKind;
  return overall;
}

/** Every item through the engine with one backend, each answer judged beside the retrieval-only baseline. */
async function evaluatePass(engine: ChatEngine, glossary: Glossary, items: readonly HeldOutItem[], backend: Backend): Promise<{ judged: JudgedTurn[]; details: string[] }> {
  const judged: JudgedTurn[] = [];
  const details: string[] = [];
  for (const item of items) {
    const history: Turn[] = [];
    let register: 'tu' | 'vous' | undefined;
    for (const turn of item.turns) {
      register = explicitRegister(turn.question) ?? register;
      const request = { question: turn.question, answerLang: turn.answer_lang, fallbackLang: turn.answer_lang, history };
      const answer = await engine.ask(request, backend, () => {});
      const dialogue = { earlierAnswers: history.map((earlier) => earlier.answer), register };
      const baseline = baselineAnswer(answer.passages, glossary, answer.lang, answer.understanding.intent);
      const model = judge(glossary, turn, answer.text, answer.passages, dialogue);
      judged.push({ kind: item.kind, intent: turn.intent, model, baseline: judge(glossary, turn, baseline, answer.passages, dialogue) });
      details.push(JSON.stringify({ kind: item.kind, ...turn, understood: answer.understanding.intent, understoodIds: answer.understanding.concepts.map((c) => c.id), answer: answer.text, sources: answer.sources, ...model }));
      history.push(turnOf(String(history.length), turn.question, answer, 'done', 0));
    }
  }
  return { judged, details };
}
