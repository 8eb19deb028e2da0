import * as path from 'node:path';
import { loadBundledGlossary } from '../core/glossary/load';
import { parseArgs, UsageError } from './args';
import { runBench } from './bench';
import { runExplain, runList, type CliOutput } from './explain';

const USAGE = `Usage:
  concept-explainer explain "<text>" [--lang fr|en] [--json]   explain the concept named in the text
  concept-explainer list [--json]                              list every concept
  concept-explainer bench [--json]                             measure glossary load and lookup times`;

/** dist/cli.js sits beside dist/glossary.json; the project root is one level up. */
const DIST = __dirname;
const GLOSSARY_FILE = path.join(DIST, 'glossary.json');

function run(argv: readonly string[], io: CliOutput): number {
  const [command, ...rest] = argv;
  const args = parseArgs(rest);
  switch (command) {
    case 'explain':
      return runExplain(loadBundledGlossary(GLOSSARY_FILE), args, io);
    case 'list':
      return runList(loadBundledGlossary(GLOSSARY_FILE), io);
    case 'bench': {
      const report = runBench(GLOSSARY_FILE, path.dirname(DIST));
      io.out(JSON.stringify(report, null, args.flags.has('json') ? 0 : 2));
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

try {
  process.exitCode = run(process.argv.slice(2), io);
} catch (error) {
  io.err(`error: ${(error as Error).message}`);
  if (error instanceof UsageError) {
    io.err(USAGE);
  }
  process.exitCode = 2;
}
