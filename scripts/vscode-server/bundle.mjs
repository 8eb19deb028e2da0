// Bundles the integration suite (test/integration/index.ts and every test/integration/suite/**/*.test.ts)
// into one CommonJS file that the extension host loads as its extensionTestsPath.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

function findSuiteFiles(dir) {
  const files = [];
  const walk = (d) => {
    if (!fs.existsSync(d)) return;
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.test.ts')) files.push(p);
    }
  };
  walk(dir);
  return files.sort();
}

/** Builds <root>/dist/test/integration/index.js; returns { outfile, suiteFiles }. */
export async function bundleIntegrationTests(root) {
  const testDir = path.join(root, 'test', 'integration');
  const suiteFiles = findSuiteFiles(path.join(testDir, 'suite'));
  const outfile = path.join(root, 'dist', 'test', 'integration', 'index.js');
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
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'warning',
    external: ['vscode', 'mocha'],
    outfile,
  });
  return { outfile, suiteFiles };
}
