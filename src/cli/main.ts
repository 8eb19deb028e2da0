import * as path from 'node:path';
import { loadBundledGlossary } from '../core/glossary/load';
import { parseArgs, UsageError } from './args';
import { runGlossaryBench } from './bench';
import { benchModel } from './benchModel';
import { runChat } from './chat';
import { runEval } from './eval';
import { runExplain, runList, type CliOutput } from './explain';
import { defaultPaths, runAsk, runGenerate, runTokenize } from './model';

const USAGE = `Usage:
  concept-explainer explain "<text>" [--lang fr|en] [--json]    explain the concept named in the text
  concept-explainer list [--json]                               list every concept
  concept-explainer ask "<question>" [--json] [--greedy] [--max-tokens N] [--seed N] [--lang fr|en]
                                                                answer with the bundled model, from the glossary
  concept-explainer chat [--json] [--greedy] [--lang fr|en]     a conversation (one question a line when not a terminal)
  concept-explainer tokenize "<text>" [--json]                  token ids of the bundled tokenizer
  concept-explainer generate --raw "<text>" [--greedy] [--max-tokens N] [--json]
                                                                continue raw text (no prompt format)
  concept-explainer eval [--json] [--limit N] [--heldout FILE] [--details FILE]   evaluate the model on held-out questions
  concept-explainer bench [--json] [--no-model]                 measure glossary, matcher and model figures

The model folder is models/concept-gpt, or the folder in CONCEPT_EXPLAINER_MODEL.`;

/** dist/cli.js sits beside dist/glossary.json; the project root is one level up. */
const DIST = __dirname;
const GLOSSARY_FILE = path.join(DIST, 'glossary.json');

async function run(argv: readonly string[], io: CliOutput): Promise<number> {
  const [command, ...rest] = argv;
  const args = parseArgs(rest);
  const paths = defaultPaths(DIST);
  switch (command) {
    case 'ask':
      return runAsk(loadBundledGlossary(GLOSSARY_FILE), paths, args, io);
    case 'chat':
      return runChat(loadBundledGlossary(GLOSSARY_FILE), paths, args, io);
    case 'tokenize':
      return runTokenize(paths, args, io);
    case 'generate':
      return runGenerate(paths, args, io);
    case 'eval':
      return runEval(loadBundledGlossary(GLOSSARY_FILE), paths, args, io);
    case 'explain':
      return runExplain(loadBundledGlossary(GLOSSARY_FILE), args, io);
    case 'list':
      return runList(loadBundledGlossary(GLOSSARY_FILE), io);
    case 'bench': {
      const report = runGlossaryBench(GLOSSARY_FILE, path.dirname(DIST));
      const model = args.flags.has('no-model') ? null : await benchModel(paths, loadBundledGlossary(GLOSSARY_FILE));
      io.out(JSON.stringify({ ...report, model }, null, args.flags.has('json') ? 0 : 2));
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

const io: CliOutput = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

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
