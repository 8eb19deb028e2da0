// What both test entries (the desktop's extension host and the browser's) share to run the suites and record
// their results: Node-free, since the browser's entry imports it too.

/** One test's outcome, as the runner reads it back. */
export interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number | null;
  error: string | null;
  stack?: string;
}

/** What a run writes for the runner (scripts/run-vscode-tests.mjs) to read. */
export interface TestResults {
  mode: string;
  passes: number;
  failures: number;
  pending: number;
  durationMs: number;
  activationMs?: number;
  vscodeVersion?: string;
  tests: TestResult[];
}

/** Keeps only the tests that belong to this mode (and match the optional grep). */
export function filterTests(root: Mocha.Suite, keep: (fullTitle: string) => boolean): void {
  root.tests = root.tests.filter((t) => keep(t.fullTitle()));
  for (const child of root.suites) filterTests(child, keep);
}

export function errorText(error: unknown): { message: string; stack?: string } {
  if (error instanceof Error) return { message: error.message || String(error), ...(error.stack ? { stack: error.stack } : {}) };
  return { message: String(error) };
}

/** Runs the suites (`run` starts mocha) and records each test's outcome in `results`. */
export function recordRun(run: (done: () => void) => Mocha.Runner, results: TestResults): Promise<void> {
  return new Promise<void>((resolve) => {
    const runner = run(() => resolve());
    runner.on('pass', (t: Mocha.Test) => {
      results.passes++;
      results.tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration ?? null, error: null });
    });
    runner.on('fail', (t: Mocha.Test | Mocha.Hook, error: unknown) => {
      const { message, stack } = errorText(error);
      results.failures++;
      results.tests.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration ?? null, error: message, ...(stack ? { stack } : {}) });
    });
    runner.on('pending', (t: Mocha.Test) => {
      results.pending++;
      results.tests.push({ title: t.fullTitle(), state: 'pending', durationMs: null, error: null });
    });
  });
}
