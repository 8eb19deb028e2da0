// Builds the extension, the command line, the webview scripts and the compiled glossary into dist/.
// Usage: node esbuild.mjs [--production] [--watch] [--glossary-only | --code-only]
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const dist = path.join(root, 'dist');

const nodeDefaults = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  // playwright-core: the command line's bench drives Chromium with it, from node_modules (a development dependency).
  external: ['vscode', 'onnxruntime-node', 'playwright-core'],
  // jsonc-parser's default entry is a UMD build whose run-time requires a bundle cannot follow.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
};

/**
 * A browser's extension host and web workers: no Node. onnxruntime-web reads import.meta.url, which a script that is
 * not a module lacks; it only uses it to find files that the web extension hands it as bytes instead.
 */
const webDefaults = {
  ...nodeDefaults,
  platform: 'browser',
  target: 'es2022',
  format: 'iife',
  external: [],
  banner: { js: 'var __importMetaUrl = self.location.href;' },
  define: { 'import.meta.url': '__importMetaUrl' },
};

const targets = [
  { ...nodeDefaults, entryPoints: { extension: 'src/extension.ts' }, outdir: dist },
  { ...nodeDefaults, entryPoints: { cli: 'src/cli/main.ts' }, outdir: dist, banner: { js: '#!/usr/bin/env node' } },
  { ...nodeDefaults, entryPoints: { glossaryWorker: 'src/core/glossary/mergeWorker.ts' }, outdir: dist },
  {
    ...nodeDefaults,
    entryPoints: { modelWorker: 'src/core/model/worker.ts' },
    outdir: dist,
    // onnxruntime-web reads import.meta.url to find its files, which a CommonJS bundle lacks.
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__importMetaUrl' },
  },
  {
    ...nodeDefaults,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    external: [],
    entryPoints: { panel: 'media-src/panel/main.ts', chat: 'media-src/chat/main.ts' },
    outdir: path.join(dist, 'media'),
  },
  // The web extension (package.json `browser`) and its web workers: the same code on a browser's extension host.
  { ...webDefaults, format: 'cjs', external: ['vscode'], entryPoints: { extension: 'src/web/extension.ts' }, outdir: path.join(dist, 'web') },
  { ...webDefaults, entryPoints: { modelWorker: 'src/web/modelWorker.ts', glossaryWorker: 'src/web/glossaryWorker.ts' }, outdir: path.join(dist, 'web') },
  // bench's page in Chromium (src/cli/benchChromium.ts); not part of the extension.
  { ...webDefaults, entryPoints: { benchPage: 'src/web/benchPage.ts' }, outdir: path.join(dist, 'web') },
  {
    // The notebook renderer that marks terms in Markdown cells: an ES module loaded by the notebook's webview.
    ...nodeDefaults,
    platform: 'browser',
    target: 'es2022',
    format: 'esm',
    external: [],
    loader: { '.css': 'text' },
    entryPoints: { notebookRenderer: 'notebook-src/main.ts' },
    outdir: dist,
  },
];

/** Validates glossary/concepts/*.json and writes dist/glossary.json; a broken entry fails the build. */
async function buildGlossary() {
  const tool = path.join(dist, 'tools', 'glossary-build.cjs');
  await esbuild.build({ ...nodeDefaults, sourcemap: false, entryPoints: ['src/core/glossary/buildTool.ts'], outfile: tool });
  const { buildBundledGlossary, writeUserGlossarySchema } = await import(tool);
  writeUserGlossarySchema(path.join(dist, 'user-glossary.schema.json'));
  const { count, contrasts, problems } = buildBundledGlossary(
    path.join(root, 'glossary', 'concepts'),
    path.join(root, 'glossary', 'contrasts'),
    path.join(dist, 'glossary.json'),
  );
  if (problems.length > 0) {
    for (const problem of problems) console.error(`error: ${problem}`);
    throw new Error(`The glossary has ${problems.length} problem(s); fix the fields named above.`);
  }
  return { count, contrasts };
}

/** onnxruntime-web loads its WASM runtime at run time: ship the plain SIMD build beside the bundle. */
function copyWasmRuntime() {
  const from = path.join(root, 'node_modules', 'onnxruntime-web', 'dist');
  for (const file of ['ort-wasm-simd-threaded.mjs', 'ort-wasm-simd-threaded.wasm']) {
    fs.copyFileSync(path.join(from, file), path.join(dist, file));
  }
}

async function main() {
  // A release build starts from an empty dist/, so no development leftover (source maps) is packaged.
  if (production) fs.rmSync(dist, { recursive: true, force: true });
  fs.mkdirSync(dist, { recursive: true });
  copyWasmRuntime();
  if (args.has('--code-only')) {
    // Bundles the code against the glossary already in dist/ (while glossary files are being written).
    await Promise.all(targets.filter((t) => fs.existsSync(Object.values(t.entryPoints)[0])).map((t) => esbuild.build(t)));
    return;
  }
  const { count, contrasts } = await buildGlossary();
  if (args.has('--glossary-only')) {
    console.log(`glossary: ${count} concepts, ${contrasts} contrasts`);
    return;
  }
  if (watch) {
    for (const options of targets) await (await esbuild.context(options)).watch();
    console.log('watching for changes');
    return;
  }
  await Promise.all(targets.filter((t) => fs.existsSync(Object.values(t.entryPoints)[0])).map((t) => esbuild.build(t)));
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
