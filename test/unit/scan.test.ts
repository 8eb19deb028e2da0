import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from '../../src/cli/args';
import { runScan, type ScanFile } from '../../src/cli/scan';
import { Glossary } from '../../src/core/glossary/glossary';
import type { Concept } from '../../src/core/glossary/types';
import { judgeFile, coverageFigures, type GoldFile, type Prediction } from '../../src/core/matching/coverage';
import { DocumentReading } from '../../src/core/matching/reading';
import { makeConcept } from './fixtures';

function concept(id: string, en: string, fr: string, aliases: string[] = []): Concept {
  const base = makeConcept(id);
  return { ...base, en: { ...base.en, term: en, aliases }, fr: { ...base.fr, term: fr, aliases: [] } };
}

const glossary = new Glossary([
  concept('learning-rate', 'learning rate', "taux d'apprentissage"),
  concept('bias', 'bias', 'biais'),
  concept('bias-term', 'bias term', 'terme de biais'),
  concept('linear-layer', 'linear layer', 'couche linéaire', ['nn.Linear']),
  concept('pytorch', 'PyTorch', 'PyTorch', ['torch']),
  concept('fine-tuning', 'fine-tuning', 'affinage'),
  concept('self-attention', 'self-attention', 'auto-attention'),
]);

const SCRIPT = ['import torch', 'lr = 3e-4  # the learning rate', 'layer = torch.nn.Linear(8, 8, bias=True)', ''].join('\n');
const NOTEBOOK = JSON.stringify({
  cells: [
    { cell_type: 'markdown', metadata: {}, source: ['# Affinage\n', "Le taux d'apprentissage compte."] },
    { cell_type: 'code', metadata: {}, outputs: [], execution_count: null, source: ['import torch\n', 'lr = 1e-4'] },
  ],
  metadata: {},
  nbformat: 4,
  nbformat_minor: 5,
});

function scan(...argv: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runScan(glossary, parseArgs(argv, { valued: ['lang'], switches: ['json'] }), { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out, err };
}

describe('scan', () => {
  let folder: string;
  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-'));
    fs.writeFileSync(path.join(folder, 'train.py'), SCRIPT);
    fs.writeFileSync(path.join(folder, 'notes.md'), 'We use self-attention and fine-tuning.\n');
    fs.writeFileSync(path.join(folder, 'tp.ipynb'), NOTEBOOK);
    fs.writeFileSync(path.join(folder, 'image.png'), 'not text');
    fs.mkdirSync(path.join(folder, 'node_modules'));
    fs.writeFileSync(path.join(folder, 'node_modules', 'x.py'), 'lr = 1');
  });
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('prints every concept with its line, column, text, id, zone and sense, and a summary in reading order', () => {
    const { code, out } = scan(path.join(folder, 'train.py'), '--json', '--lang', 'fr');
    assert.equal(code, 0);
    const [file] = (JSON.parse(out.join('\n')) as { files: ScanFile[] }).files;
    assert.ok(file);
    assert.equal(file.language, 'python');
    assert.equal(file.ml, true);
    const lr = file.hits.find((hit) => hit.text === 'lr');
    assert.deepEqual(lr, { line: 2, column: 1, endColumn: 3, text: 'lr', id: 'learning-rate', term: "taux d'apprentissage", zone: 'code' });
    const bias = file.hits.find((hit) => hit.text === 'bias');
    assert.equal(bias?.id, 'bias-term');
    assert.deepEqual(bias?.sense, { over: ['bias'] });
    assert.equal(file.hits.find((hit) => hit.text === 'learning rate')?.zone, 'prose');
    assert.deepEqual(
      file.concepts.map((use) => [use.id, use.count, use.firstLine]),
      [
        ['pytorch', 2, 1],
        ['learning-rate', 2, 2],
        ['linear-layer', 1, 3],
        ['bias-term', 1, 3],
      ],
    );
  });

  it('gives the same concepts as the hovers, at every position', () => {
    const { out } = scan(path.join(folder, 'train.py'), '--json');
    const [file] = (JSON.parse(out.join('\n')) as { files: ScanFile[] }).files;
    const reading = new DocumentReading(glossary, SCRIPT, 'python');
    const lines = SCRIPT.split('\n');
    const hovered = new Set<string>();
    lines.forEach((line, index) => {
      for (let character = 0; character < line.length; character++) {
        const hit = reading.conceptAt(index, character);
        if (hit) hovered.add(`${index + 1}:${hit.start + 1}:${hit.concept.id}`);
      }
    });
    assert.deepEqual(new Set(file!.hits.map((hit) => `${hit.line}:${hit.column}:${hit.id}`)), hovered);
  });

  it('reads a notebook cell by cell, its lines counted within each cell', () => {
    const { out } = scan(path.join(folder, 'tp.ipynb'), '--json', '--lang', 'en');
    const [file] = (JSON.parse(out.join('\n')) as { files: ScanFile[] }).files;
    assert.deepEqual(
      file!.hits.map((hit) => [hit.cell, hit.line, hit.text, hit.id]),
      [
        [0, 1, 'Affinage', 'fine-tuning'],
        [0, 2, "taux d'apprentissage", 'learning-rate'],
        [1, 1, 'torch', 'pytorch'],
        [1, 2, 'lr', 'learning-rate'],
      ],
    );
    assert.equal(file!.concepts[0]!.firstCell, 0);
  });

  it('walks a folder: the files of known languages, in path order, never node_modules', () => {
    const { out } = scan(folder, '--json');
    assert.deepEqual(
      (JSON.parse(out.join('\n')) as { files: ScanFile[] }).files.map((file) => path.basename(file.file)),
      ['notes.md', 'tp.ipynb', 'train.py'],
    );
  });

  it('prints file:line:column lines and a summary without --json', () => {
    const { out } = scan(path.join(folder, 'notes.md'), '--lang', 'en');
    assert.deepEqual(out, [
      `${path.join(folder, 'notes.md')}:1:8  self-attention  self-attention`,
      `${path.join(folder, 'notes.md')}:1:27  fine-tuning  fine-tuning`,
      `${path.join(folder, 'notes.md')}: 2 concepts (not machine-learning code: short forms such as lr are not read): self-attention (1), fine-tuning (1)`,
    ]);
  });

  it('refuses a path that does not exist, and a call without a path', () => {
    assert.throws(() => scan(path.join(folder, 'missing.py')), /no such file or folder/);
    assert.throws(() => scan(), /scan needs a file or a folder/);
  });

  it('is a command of the command line, with its usage in --help', function () {
    const cli = path.resolve(__dirname, '../../dist/cli.js');
    if (!fs.existsSync(cli)) this.skip();
    const help = spawnSync(process.execPath, [cli, 'scan', '--help'], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /scan <file\|folder>\.\.\. \[--json\] \[--lang fr\|en\]/);
    const wrong = spawnSync(process.execPath, [cli, 'scan', '--frobnicate'], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
    assert.equal(wrong.status, 2);
  });
});

describe('the coverage benchmark’s judgements', () => {
  const gold: GoldFile = {
    file: 'x.py',
    kind: 'python',
    lang: 'en',
    mentions: [
      { line: 1, column: 1, text: 'lr', concept: 'learning-rate' },
      { line: 2, column: 1, text: 'bias', concept: 'bias-term' },
      { line: 3, column: 1, text: 'warmup', concept: 'learning-rate-warmup', also: ['learning-rate'] },
      { line: 4, column: 1, text: 'packing', concept: 'sequence-packing', missing: true },
      { line: 5, column: 1, text: 'torch', concept: 'pytorch', optional: true },
    ],
  };
  const has = (id: string) => id !== 'sequence-packing';
  const prediction = (line: number, text: string, id: string): Prediction => ({ line, column: 1, endColumn: 1 + text.length, text, id, kind: 'python' });

  it('finds a mention when a match over it shows one of its concepts; a match is right over a mention of its concept', () => {
    const judged = judgeFile(gold, [prediction(1, 'lr', 'learning-rate'), prediction(2, 'bias', 'bias'), prediction(3, 'warmup', 'learning-rate'), prediction(5, 'torch', 'pytorch'), prediction(6, 'model', 'parameters')], has);
    const { all } = coverageFigures([judged]);
    assert.equal(all.mentions, 3, 'the optional and the missing mentions are not required');
    assert.equal(all.found, 2);
    assert.equal(all.matches, 5);
    assert.equal(all.correct, 3, 'an optional mention’s concept is right; bias and a match over nothing are wrong');
    assert.equal(all.missingConcepts, 1);
    assert.equal(all.goldConcepts, 4);
    assert.deepEqual(
      judged.wrong.map((wrong) => [wrong.text, wrong.shown[0]]),
      [
        ['bias', 'bias'],
        ['model', 'parameters'],
      ],
    );
  });
});
