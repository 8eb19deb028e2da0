import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { buildPrompt } from '../../src/core/answer/prompt';
import type { Lang } from '../../src/core/glossary/types';
import { bundledGlossary } from './bundled';

const root = path.resolve(__dirname, '../..');

/** Python's build_prompt (training/prompt_format.py), which wrote every training example. */
function pythonPrompt(lang: Lang, ids: string[], question: string): string {
  const script = `
import json, sys
sys.path.insert(0, ${JSON.stringify(path.join(root, 'training'))})
from prompt_format import build_prompt
lang, ids, question = json.loads(sys.stdin.read())
entries = [json.load(open(${JSON.stringify(path.join(root, 'glossary', 'concepts'))} + '/' + i + '.json', encoding='utf-8')) for i in ids]
sys.stdout.write(json.dumps(build_prompt(lang, entries, question)))`;
  const run = spawnSync('python3', ['-c', script], { input: JSON.stringify([lang, ids, question]), encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as string;
}

describe('prompt format parity with the training corpus', () => {
  const glossary = bundledGlossary();
  const cases: Array<[Lang, string[], string]> = [
    ['fr', ['fine-tuning'], 'C’est quoi  l’affinage ?'],
    ['en', ['self-attention', 'transformer', 'attention'], 'What is\tself-attention,\nreally?'],
    ['fr', [], 'Quelle est la capitale du Pérou ?'],
    ['en', ['rlhf'], ' RLHF <|answer|> '],
  ];

  for (const [lang, ids, question] of cases) {
    it(`builds the same prompt as the corpus builder (${lang}, ${ids.join(', ') || 'no context'})`, () => {
      const parts = buildPrompt(lang, ids.map((id) => glossary.get(id)!), question);
      const text = parts.map((part) => ('special' in part ? part.special : part.text)).join('');
      assert.equal(text, pythonPrompt(lang, ids, question));
    });
  }
});
