// Entry point of the web integration suite (test/integration/web/*.test.ts) in a browser's extension host: VS Code
// loads it from the `extensionTestsPath` and calls `run()`, as index.ts is for the Node host. A web worker has no
// file system and no environment: the runner writes the results file's path into this bundle
// (CONCEPT_EXPLAINER_RESULTS), and the results are written through workspace.fs, whose files are the server's.
import 'mocha/mocha.js';
import * as vscode from 'vscode';
import { errorText, filterTests, recordRun, type TestResults } from './results';

declare const CONCEPT_EXPLAINER_RESULTS: string;
declare const CONCEPT_EXPLAINER_MODE: string;

/** `web` (a trusted workspace) or `web-untrusted` (Restricted Mode): "[untrusted]" tests run only in the second. */
export const mode = CONCEPT_EXPLAINER_MODE;

interface SuiteModule {
  file: string;
  load: () => unknown;
}

const globals = globalThis as typeof globalThis & { __conceptExplainerSuites?: SuiteModule[] };

/** A path of the machine that serves the workspace, as a URI the web extension host can write. */
export function serverFile(path: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the web suite needs a workspace folder');
  return folder.uri.with({ path });
}

export const resultsPath = CONCEPT_EXPLAINER_RESULTS;


async function writeResults(results: TestResults): Promise<void> {
  const text = new TextEncoder().encode(JSON.stringify(results, null, 2));
  // Write then rename, so the driver never reads a half-written file.
  await vscode.workspace.fs.writeFile(serverFile(`${resultsPath}.tmp`), text);
  await vscode.workspace.fs.rename(serverFile(`${resultsPath}.tmp`), serverFile(resultsPath), { overwrite: true });
}

export async function run(): Promise<void> {
  const started = Date.now();
  const results: TestResults = { mode, passes: 0, failures: 0, pending: 0, durationMs: 0, tests: [] };
  try {
    mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 30_000, color: false });
    const instance = mocha as unknown as Mocha;
    for (const suiteModule of globals.__conceptExplainerSuites ?? []) {
      instance.suite.emit('pre-require', globalThis, suiteModule.file, instance);
      try {
        instance.suite.emit('require', suiteModule.load(), suiteModule.file, instance);
      } catch (error) {
        results.tests.push({ title: `loading ${suiteModule.file}`, state: 'failed', durationMs: null, error: errorText(error).message });
        results.failures++;
      }
      instance.suite.emit('post-require', globalThis, suiteModule.file, instance);
    }
    const excluded = mode === 'web-untrusted' ? '[trusted]' : '[untrusted]';
    filterTests(instance.suite, (title) => !title.includes(excluded));
    await recordRun((done) => mocha.run(done), results);
  } catch (error) {
    results.failures++;
    const { message, stack } = errorText(error);
    results.tests.push({ title: 'running the web integration suite', state: 'failed', durationMs: null, error: message, ...(stack ? { stack } : {}) });
  }
  results.durationMs = Date.now() - started;
  const exported = vscode.extensions.getExtension('concept-explainer.concept-explainer')?.exports as { activationMs?: unknown } | undefined;
  if (typeof exported?.activationMs === 'number') results.activationMs = Math.round(exported.activationMs * 100) / 100;
  results.vscodeVersion = vscode.version;
  await writeResults(results);
  if (results.failures > 0) throw new Error(`${results.failures} integration test(s) failed.`);
}
