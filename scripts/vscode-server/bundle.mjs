// Bundles the integration suite (test/integration/index.ts and every test/integration/suite/**/*.test.ts)
// into one CommonJS file that the extension host loads as its extensionTestsPath.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import { SourceMap } from 'node:module';
import * as path from 'node:path';

/**
 * This run's own folder for its bundles, dist/test/run-<pid>/: runs of the runner at the same time in one working tree
 * (with other suites) must not replace each other's bundle. The runner removes it when it ends.
 */
export function runBundleDir(root) {
  return path.join(root, 'dist', 'test', `run-${process.pid}`);
}

function findSuiteFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true }).filter((name) => name.endsWith('.test.ts')).map((name) => path.join(dir, name)).sort();
}

/** Builds <run folder>/integration/index.js from every *.test.ts under suiteDir; returns { outfile, suiteFiles }. */
export async function bundleIntegrationTests(root, suiteDir = path.join(root, 'test', 'integration', 'suite')) {
  const suiteFiles = findSuiteFiles(suiteDir);
  const outfile = path.join(runBundleDir(root), 'integration', 'index.js');
  // A generated entry registers each suite file lazily (esbuild wraps each required ES module in an
  // initialiser that runs at the require call), so index.ts can load them between mocha's
  // pre-require and post-require events, exactly like mocha loading files from disk.
  const registrations = suiteFiles.map((file) => {
    const rel = path.relative(root, file).split(path.sep).join('/');
    return `  { file: ${JSON.stringify(rel)}, load: () => require(${JSON.stringify('./' + rel)}) },`;
  });
  const contents = [
    'globalThis.__conceptExplainerSuites = [',
    ...registrations,
    '];',
    "module.exports = require('./test/integration/index.ts');",
    '',
  ].join('\n');
  fs.rmSync(path.dirname(outfile), { recursive: true, force: true });
  await esbuild.build({
    stdin: { contents, resolveDir: root, sourcefile: 'integration-tests-entry.js', loader: 'js' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'linked', // integration/index.js.map, used by createStackMapper below
    sourcesContent: false,
    logLevel: 'warning',
    external: ['vscode', 'mocha'],
    outfile,
  });
  return { outfile, suiteFiles };
}

/**
 * Returns a function that rewrites positions in the bundle (".../dist/test/run-<pid>/integration/index.js:L:C")
 * into positions in the TypeScript sources ("test/integration/suite/x.test.ts:L:C"), so failures printed
 * from the extension host point at the test files. Unmapped text is left as it is.
 */
export function createStackMapper(root, outfile) {
  let map;
  try {
    map = new SourceMap(JSON.parse(fs.readFileSync(`${outfile}.map`, 'utf8')));
  } catch {
    return (text) => text;
  }
  const pattern = /(?:[^\s()'"]*[\\/])?dist[\\/]test[\\/](?:run-\d+[\\/])?integration[\\/]index\.js:(\d+):(\d+)/g;
  return (text) =>
    typeof text !== 'string'
      ? text
      : text.replace(pattern, (whole, line, column) => {
          const entry = map.findEntry(Number(line) - 1, Number(column) - 1);
          if (!entry || !entry.originalSource) return whole;
          const source = entry.originalSource.startsWith('file://') ? new URL(entry.originalSource).pathname : path.resolve(path.dirname(outfile), entry.originalSource);
          return `${path.relative(root, source)}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
        });
}

/**
 * Builds <run folder>/web/index.js: test/integration/webIndex.ts and every test/integration/web/*.test.ts, for a
 * browser's extension host (a web worker: no Node, mocha's browser build). A web worker reads no environment, so the
 * results file's path and the run's mode (web or web-untrusted) are written into the bundle. Returns { outfile, suiteFiles }.
 */
export async function bundleWebIntegrationTests(root, resultsFile, mode) {
  const suiteFiles = findSuiteFiles(path.join(root, 'test', 'integration', 'web'));
  const outfile = path.join(runBundleDir(root), 'web', 'index.js');
  const registrations = suiteFiles.map((file) => {
    const rel = path.relative(root, file).split(path.sep).join('/');
    return `  { file: ${JSON.stringify(rel)}, load: () => require(${JSON.stringify('./' + rel)}) },`;
  });
  const contents = ['globalThis.__conceptExplainerSuites = [', ...registrations, '];', "module.exports = require('./test/integration/webIndex.ts');", ''].join('\n');
  fs.rmSync(path.dirname(outfile), { recursive: true, force: true });
  await esbuild.build({
    stdin: { contents, resolveDir: root, sourcefile: 'web-integration-tests-entry.js', loader: 'js' },
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'cjs',
    sourcemap: 'inline',
    logLevel: 'warning',
    external: ['vscode'],
    define: { CONCEPT_EXPLAINER_RESULTS: JSON.stringify(resultsFile), CONCEPT_EXPLAINER_MODE: JSON.stringify(mode) },
    outfile,
  });
  return { outfile, suiteFiles };
}
