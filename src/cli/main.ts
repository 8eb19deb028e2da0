import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadBundledGlossary } from '../core/glossary/load';
import { configureMessages } from '../core/messages';
import { parseArgs, UsageError, type CommandOptions } from './args';
import { runGlossaryBench } from './bench';
import { benchModel } from './benchModel';
import { runHostileBench } from './benchHostile';
import { runChat } from './chat';
import { coverageCorpus, runCoverage } from './coverage';
import { evalUserGlossary, glossaryWith } from './glossaryFiles';
import { runEval } from './eval';
import { runExplain, runList, type CliOutput } from './explain';
import { defaultPaths, runAsk, runGenerate, runTokenize } from './model';
import { runScan } from './scan';
import { printable } from './terminal';

/** Each command: its usage line, what it does, and its options. */
const COMMANDS: Record<string, { usage: string; summary: string; options: CommandOptions }> = {
  explain: {
    usage: 'explain "<text>" [--lang fr|en] [--json] [--glossary FILE]...',
    summary: 'explain the concept named in the text (--glossary: also your glossary files, problems on stderr)',
    options: { valued: ['lang'], switches: ['json'], repeatable: ['glossary'] },
  },
  list: { usage: 'list [--json]', summary: 'list every concept', options: { valued: [], switches: ['json'] } },
  ask: {
    usage: 'ask "<question>" [--json] [--greedy] [--max-tokens N] [--seed N] [--lang fr|en] [--glossary FILE]... [--server URL --server-model NAME]',
    summary: 'answer one question with the bundled model (or a server; key in CONCEPT_EXPLAINER_API_KEY), from the glossary',
    options: { valued: ['lang', 'max-tokens', 'seed', 'server', 'server-model'], switches: ['json', 'greedy'], repeatable: ['glossary'] },
  },
  chat: {
    usage: 'chat [--json] [--greedy] [--lang fr|en] [--glossary FILE]... [--server URL --server-model NAME]',
    summary: 'a conversation: a prompt on a terminal, otherwise one question a line (--json: one line a turn)',
    options: { valued: ['lang', 'max-tokens', 'seed', 'server', 'server-model'], switches: ['json', 'greedy'], repeatable: ['glossary'] },
  },
  tokenize: {
    usage: 'tokenize "<text>" [--json] [--special]',
    summary: 'token ids of the bundled tokenizer',
    options: { valued: [], switches: ['json', 'special'] },
  },
  generate: {
    usage: 'generate --raw "<text>" [--greedy] [--max-tokens N] [--seed N] [--json]',
    summary: 'continue raw text (no prompt format)',
    options: { valued: ['max-tokens', 'seed'], switches: ['raw', 'greedy', 'json'] },
  },
  eval: {
    usage: 'eval [--json] [--limit N] [--heldout FILE] [--details FILE] [--glossary FILE]... [--no-plan | --plan-only]',
    summary: 'answer the held-out questions and dialogues (with training/eval/user-glossary.json), and print the figures by kind, beside the retrieval-only baseline and the model without its plan (--no-plan: only without the plan, the model alone picks how the answer opens and when it ends; --plan-only: only with it)',
    options: { valued: ['limit', 'heldout', 'details'], switches: ['json', 'no-plan', 'plan-only'], repeatable: ['glossary'] },
  },
  scan: {
    usage: 'scan <file|folder>... [--json] [--lang fr|en] [--glossary FILE]...',
    summary: 'every concept the files show on hover (file, line, column, text, concept), and the concepts each file uses in reading order',
    options: { valued: ['lang'], switches: ['json'], repeatable: ['glossary'] },
  },
  coverage: {
    usage: 'eval coverage [--json] [--corpus FOLDER] [--details FILE] [--glossary FILE]...',
    summary: 'recall and precision of the hovers on the gold mentions of training/eval/coverage (or FOLDER), and the gold concepts the glossary lacks, by kind of text',
    options: { valued: ['corpus', 'details'], switches: ['json'], repeatable: ['glossary'] },
  },
  bench: {
    usage: 'bench [--json] [--no-model]',
    summary: 'measure glossary, matcher and model figures',
    options: { valued: [], switches: ['json', 'no-model'] },
  },
};

const USAGE = [
  'Usage:',
  ...Object.values(COMMANDS).map(({ usage, summary }) => `  concept-explainer ${usage}\n      ${summary}`),
  '',
  'concept-explainer <command> --help shows one command. The model folder is models/concept-gpt, or the folder in',
  'CONCEPT_EXPLAINER_MODEL.',
].join('\n');

/** dist/cli.js sits beside dist/glossary.json; the project root is one level up. */
const DIST = __dirname;
const GLOSSARY_FILE = path.join(DIST, 'glossary.json');

/**
 * Messages in French when the environment's language (LC_ALL, then LC_MESSAGES, then LANG) is French, from the
 * extension's own bundle; English otherwise, or when the bundle is not there.
 */
function configureLanguage(env: NodeJS.ProcessEnv = process.env): void {
  const language = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value) ?? '';
  if (!language.toLowerCase().startsWith('fr')) return;
  const bundle = path.join(path.dirname(DIST), 'l10n', 'bundle.l10n.fr.json');
  if (!fs.existsSync(bundle)) return;
  try {
    configureMessages(JSON.parse(fs.readFileSync(bundle, 'utf8')) as Record<string, string>);
  } catch {
    /* an unreadable bundle: the messages stay in English */
  }
}

async function run(argv: readonly string[], io: CliOutput): Promise<number> {
  configureLanguage();
  // `eval coverage` is a command of its own, with its own options.
  const [command, ...rest] = argv[0] === 'eval' && argv.slice(1).find((arg) => !arg.startsWith('--')) === 'coverage' ? ['coverage', ...argv.slice(1).filter((arg) => arg !== 'coverage')] : argv;
  const spec = command ? COMMANDS[command] : undefined;
  const args = parseArgs(rest, spec?.options);
  if (spec && args.flags.has('help')) {
    io.out(`Usage: concept-explainer ${spec.usage}\n  ${spec.summary}`);
    return 0;
  }
  const paths = defaultPaths(DIST);
  switch (command) {
    case 'ask':
      return runAsk(await glossaryWith(GLOSSARY_FILE, args.lists.get('glossary') ?? [], io), paths, args, io);
    case 'chat':
      return runChat(await glossaryWith(GLOSSARY_FILE, args.lists.get('glossary') ?? [], io), paths, args, io);
    case 'tokenize':
      return runTokenize(paths, args, io);
    case 'generate':
      return runGenerate(paths, args, io);
    case 'eval':
      return runEval(await glossaryWith(GLOSSARY_FILE, [...evalUserGlossary(DIST), ...(args.lists.get('glossary') ?? [])], io), paths, args, io);
    case 'explain':
      return runExplain(await glossaryWith(GLOSSARY_FILE, args.lists.get('glossary') ?? [], io), args, io);
    case 'scan':
      return runScan(await glossaryWith(GLOSSARY_FILE, args.lists.get('glossary') ?? [], io), args, io);
    case 'coverage':
      return runCoverage(await glossaryWith(GLOSSARY_FILE, args.lists.get('glossary') ?? [], io), args, io, coverageCorpus(DIST));
    case 'list':
      return runList(loadBundledGlossary(GLOSSARY_FILE), io);
    case 'bench': {
      const report = runGlossaryBench(GLOSSARY_FILE, path.dirname(DIST));
      const hostile = await runHostileBench(loadBundledGlossary(GLOSSARY_FILE).concepts, path.join(DIST, 'glossaryWorker.js'));
      const model = args.flags.has('no-model') ? null : await benchModel(paths, loadBundledGlossary(GLOSSARY_FILE));
      io.out(JSON.stringify({ ...report, hostile, model }, null, args.flags.has('json') ? 0 : 2));
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/** Every line printed, glossary text, answers and problems included, without terminal control characters. */
const io: CliOutput = {
  out: (text) => process.stdout.write(`${printable(text)}\n`),
  err: (text) => process.stderr.write(`${printable(text)}\n`),
};

// Output piped into a reader that stops early (`| head`): end quietly, as command-line tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

run(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    io.err(`error: ${error.message}`);
    if (error instanceof UsageError) {
      io.err(USAGE);
    }
    process.exitCode = 2;
  },
);
