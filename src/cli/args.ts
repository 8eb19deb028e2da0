/** Parsed command line: positional words and `--flag [value]` options. */
export interface ParsedArgs {
  readonly positional: string[];
  readonly flags: ReadonlyMap<string, string | true>;
  /** Every value of a repeatable option, in order (`--glossary a.json --glossary b.json`). */
  readonly lists: ReadonlyMap<string, readonly string[]>;
}

/** The options one command accepts: those that take a value, and switches. */
export interface CommandOptions {
  readonly valued: readonly string[];
  readonly switches: readonly string[];
  readonly repeatable?: readonly string[];
}

/**
 * Parses a command's arguments; an option the command does not know, a switch given a value or an option
 * missing its value is a UsageError (exit code 2), as command-line tools do. `--help` is always accepted.
 */
export function parseArgs(argv: readonly string[], options: CommandOptions = { valued: [], switches: [] }): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  const lists = new Map<string, string[]>();
  const repeatable = new Set(options.repeatable ?? []);
  const valued = new Set([...options.valued, ...repeatable]);
  const switches = new Set([...options.switches, 'help']);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '--') {
      positional.push(arg);
      continue;
    }
    const [name, inline] = splitFlag(arg.slice(2));
    if (valued.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      if (repeatable.has(name)) lists.set(name, [...(lists.get(name) ?? []), value]);
      else flags.set(name, value);
    } else if (switches.has(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      flags.set(name, true);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { positional, flags, lists };
}

function splitFlag(flag: string): [string, string | undefined] {
  const eq = flag.indexOf('=');
  return eq < 0 ? [flag, undefined] : [flag.slice(0, eq), flag.slice(eq + 1)];
}

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {}
