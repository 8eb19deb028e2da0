/** Parsed command line: positional words and `--flag [value]` options. */
export interface ParsedArgs {
  readonly positional: string[];
  readonly flags: ReadonlyMap<string, string | true>;
}

/** Flags that take a value; every other flag is a switch. */
const VALUED_FLAGS = new Set(['lang', 'max-tokens', 'seed', 'limit', 'details', 'heldout']);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = splitFlag(arg.slice(2));
    if (inline !== undefined) {
      flags.set(name, inline);
    } else if (VALUED_FLAGS.has(name)) {
      const value = argv[++i];
      if (value === undefined) {
        throw new UsageError(`--${name} needs a value`);
      }
      flags.set(name, value);
    } else {
      flags.set(name, true);
    }
  }
  return { positional, flags };
}

function splitFlag(flag: string): [string, string | undefined] {
  const eq = flag.indexOf('=');
  return eq < 0 ? [flag, undefined] : [flag.slice(0, eq), flag.slice(eq + 1)];
}

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {}
