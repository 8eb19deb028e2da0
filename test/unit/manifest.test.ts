import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(folder, entry.name);
    return entry.isDirectory() ? sourceFiles(relative) : entry.name.endsWith('.ts') ? [relative] : [];
  });
}

const sources = sourceFiles('src').map((file) => fs.readFileSync(path.join(root, file), 'utf8'));

describe('manifest and localisation', () => {
  const manifest = readJson('package.json');

  it('has a French and an English string for every %key% of package.json', () => {
    const keys = [...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
    const english = readJson('package.nls.json');
    const french = readJson('package.nls.fr.json');
    for (const key of keys) {
      assert.ok(english[key], `package.nls.json lacks ${key}`);
      assert.ok(french[key], `package.nls.fr.json lacks ${key}`);
    }
  });

  it('walks a newcomer through hover, Explain Selection, the chat and their own glossary, with commands that exist', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.deepEqual(walkthrough.steps.map((step: { id: string }) => step.id), ['hover', 'explain', 'chat', 'glossary']);
    const commands = new Set(manifest.contributes.commands.map((command: { command: string }) => command.command));
    for (const nls of ['package.nls.json', 'package.nls.fr.json']) {
      const strings = readJson(nls);
      for (const step of walkthrough.steps) {
        assert.ok(fs.existsSync(path.join(root, step.media.markdown)), step.media.markdown);
        const description = strings[step.description.slice(1, -1)] as string;
        const linked = [...description.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]!);
        assert.ok(linked.length > 0 && linked.every((id) => commands.has(id)), `${nls} ${step.id}: ${linked.join(', ')}`);
      }
    }
  });

  it('translates every vscode.l10n.t string into French', () => {
    const bundle = readJson('l10n/bundle.l10n.fr.json');
    const strings = sources.flatMap((text) => [...text.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]!.replace(/\\'/g, "'")));
    assert.ok(strings.length > 10);
    for (const text of strings) {
      assert.ok(bundle[text], `l10n/bundle.l10n.fr.json lacks "${text}"`);
    }
  });

  it('registers a handler for every contributed command and every id the code uses is contributed', () => {
    const contributed: string[] = manifest.contributes.commands.map((c: { command: string }) => c.command);
    const registered = sources.join('\n');
    const commandIds = fs.readFileSync(path.join(root, 'src/vscode/commandIds.ts'), 'utf8');
    for (const id of contributed) {
      assert.ok(commandIds.includes(`'${id}'`), `${id} has no entry in commandIds.ts`);
    }
    const declared = [...commandIds.matchAll(/'(conceptExplainer\.[A-Za-z.]+)'/g)].map((m) => m[1]);
    assert.deepEqual([...declared].sort(), [...contributed].sort());
    assert.ok(registered.includes('registerCommand('));
  });

  it('reads every contributed setting somewhere in the code', () => {
    const code = sources.join('\n');
    for (const key of Object.keys(manifest.contributes.configuration.properties)) {
      const short = key.replace(/^conceptExplainer\./, '');
      assert.ok(code.includes(`'${short}'`), `setting ${key} is never read`);
    }
  });
});

describe('the .vsix package', function () {
  // vsce ls took 56 s on the shared 2-core machine under load (a few seconds when quiet).
  this.timeout(180_000);

  it('holds what users need and no sources, tests, training data or source maps', () => {
    const run = spawnSync(process.execPath, [path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const files = run.stdout.split('\n').filter(Boolean);
    for (const needed of ['dist/extension.js', 'dist/modelWorker.js', 'dist/glossaryWorker.js', 'dist/glossary.json', 'dist/glossary-details.json', 'dist/user-glossary.schema.json', 'dist/ort-wasm-simd-threaded.wasm', 'dist/ort-wasm-simd-threaded.mjs', 'dist/media/panel.js', 'dist/media/chat.js', 'dist/notebookRenderer.js', 'dist/web/extension.js', 'dist/web/modelWorker.js', 'dist/web/glossaryWorker.js', 'media/panel.css', 'media/chat.css', 'media/terms.css', 'package.nls.fr.json', 'l10n/bundle.l10n.fr.json', 'models/concept-gpt/model.onnx', 'models/concept-gpt/tokenizer.json']) {
      assert.ok(files.includes(needed), `${needed} is not packaged`);
    }
    // models/concept-gpt-fp32 is the int8 model's reference (training/quantize_onnx.py), not shipped.
    const unwanted = files.filter((file) => /^(src|test|training|scripts|media-src|notebook-src|node_modules|glossary\/concepts|models\/concept-gpt-fp32)\/|\.map$|\.ts$/.test(file));
    assert.deepEqual(unwanted, []);
  });
});
