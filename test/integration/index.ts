// Entry point of the integration suite inside the VS Code extension host.
// VS Code (and @vscode/test-electron) load this module from the `extensionTestsPath` and call `run()`.
//
// - Both mocha interfaces are available: `suite`/`test`/`setup`/`suiteSetup` (tdd) and
//   `describe`/`it`/`beforeEach`/`before` (bdd).
// - CONCEPT_EXPLAINER_TEST_MODE=trusted|untrusted: tests whose full title contains "[untrusted]" run only
//   in untrusted mode, those containing "[trusted]" only in trusted mode, all others in both.
// - CONCEPT_EXPLAINER_TEST_GREP: optional extra filter (a regular expression on the full title).
// - CONCEPT_EXPLAINER_TEST_RESULTS: where the results JSON is written (the server workbench never closes
//   by itself, so the driver waits for this file).
// - results.activationMs: `globalThis.__conceptExplainerActivationMs` if a test set it, else the
//   `activationMs` that the extension's API (the value `activate()` returns) reports.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { errorText, filterTests, recordRun, type TestResults } from './results';

/** One suite file, as registered by the bundle that scripts/run-vscode-tests.mjs builds. */
interface SuiteModule {
  file: string;
  load: () => unknown;
}


interface TestGlobals {
  __conceptExplainerSuites?: SuiteModule[];
  __conceptExplainerActivationMs?: number;
}

const globals = globalThis as typeof globalThis & TestGlobals;

/** The suite files: registered by the bundle, or found next to this file when compiled without bundling. */
function suiteModules(): SuiteModule[] {
  if (globals.__conceptExplainerSuites) return globals.__conceptExplainerSuites;
  const dir = path.join(__dirname, 'suite');
  const files: string[] = [];
  const walk = (d: string): void => {
    if (!fs.existsSync(d)) return;
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.test.js')) files.push(p);
    }
  };
  walk(dir);
  const load = createRequire(__filename);
  return files.sort().map((file) => ({ file, load: () => load(file) as unknown }));
}


function writeResults(results: TestResults): void {
  const target = process.env.CONCEPT_EXPLAINER_TEST_RESULTS;
  if (!target) return;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // Write then rename, so the driver never reads a half-written file.
  fs.writeFileSync(`${target}.tmp`, JSON.stringify(results, null, 2));
  fs.renameSync(`${target}.tmp`, target);
}

/** The activation time the extension reports in its API (`activate()` returns { activationMs }), if any. */
function extensionActivationMs(): number | undefined {
  const ext = vscode.extensions.getExtension('concept-explainer.concept-explainer');
  const exported = ext?.isActive ? (ext.exports as { activationMs?: unknown } | undefined)?.activationMs : undefined;
  return typeof exported === 'number' ? exported : undefined;
}

export async function run(): Promise<void> {
  const mode = process.env.CONCEPT_EXPLAINER_TEST_MODE ?? 'trusted';
  const started = Date.now();
  const results: TestResults = { mode, passes: 0, failures: 0, pending: 0, durationMs: 0, tests: [] };
  const grep = process.env.CONCEPT_EXPLAINER_TEST_GREP ? new RegExp(process.env.CONCEPT_EXPLAINER_TEST_GREP) : undefined;
  const excluded = mode === 'untrusted' ? '[trusted]' : '[untrusted]';
  // After the driver reloads the window (see scripts/run-vscode-tests.mjs), only "[after-reload]" tests run.
  const afterReload = fs.existsSync(`${process.env.CONCEPT_EXPLAINER_TEST_RESULTS ?? ''}.reloaded`);
  const inPhase = (title: string) => title.includes('[after-reload]') === afterReload;

  try {
    const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: 'spec' });
    mocha.ui('bdd'); // both interfaces: suite/test and describe/it

    for (const suiteModule of suiteModules()) {
      mocha.suite.emit('pre-require', globalThis, suiteModule.file, mocha);
      try {
        mocha.suite.emit('require', suiteModule.load(), suiteModule.file, mocha);
      } catch (error) {
        const { message, stack } = errorText(error);
        results.tests.push({ title: `loading ${suiteModule.file}`, state: 'failed', durationMs: null, error: message, ...(stack ? { stack } : {}) });
        results.failures++;
      }
      mocha.suite.emit('post-require', globalThis, suiteModule.file, mocha);
    }
    filterTests(mocha.suite, (title) => !title.includes(excluded) && inPhase(title) && (!grep || grep.test(title)));

    await recordRun((done) => mocha.run(done), results);
  } catch (error) {
    const { message, stack } = errorText(error);
    results.failures++;
    results.tests.push({ title: 'running the integration suite', state: 'failed', durationMs: null, error: message, ...(stack ? { stack } : {}) });
  }

  results.durationMs = Date.now() - started;
  const activationMs = globals.__conceptExplainerActivationMs ?? extensionActivationMs();
  if (typeof activationMs === 'number') results.activationMs = Math.round(activationMs * 100) / 100;
  results.vscodeVersion = vscode.version;
  writeResults(results);
  if (results.failures > 0) throw new Error(`${results.failures} integration test(s) failed.`);
}
