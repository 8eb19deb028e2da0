import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { partText } from '../../src/core/pipeline/passages';
import { buildPrompt, contrastPassage, definitionPassage, partPassage, type PassagePart } from '../../src/core/pipeline/prompt';
import type { Lang } from '../../src/core/glossary/types';
import { bundledGlossary } from './bundled';

const root = path.resolve(__dirname, '../..');

/** The prompt as training/build_corpus.py writes it for these passages: every training example was made so. */
function pythonPrompt(lang: Lang, id: string, parts: PassagePart[], contrastWith: string | undefined, question: string): string {
  const script = `
import json, os, sys
sys.path.insert(0, ${JSON.stringify(path.join(root, 'training'))})
import build_corpus as b
from prompt_format import build_prompt, contrast_passage
lang, cid, parts, other, question = json.loads(sys.stdin.read())
concepts = {c.id: c for c in b.load_glossary(${JSON.stringify(path.join(root, 'glossary', 'concepts'))})}
c = concepts[cid]
passages = [c.def_passage(lang)] + [c.part_passage(lang, p) for p in parts]
if other:
    pair = tuple(sorted((cid, other)))
    contrasts = b.load_contrasts(${JSON.stringify(path.join(root, 'glossary', 'contrasts'))}, set(concepts))
    passages += [concepts[other].def_passage(lang), contrast_passage(pair[0], pair[1], contrasts[pair][lang])]
sys.stdout.write(json.dumps(build_prompt(lang, passages, question)))`;
  const run = spawnSync('python3', ['-c', script], { input: JSON.stringify([lang, id, parts, contrastWith ?? null, question]), encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as string;
}

describe('prompt format parity with the training corpus', function () {
  this.timeout(20_000);
  const glossary = bundledGlossary();
  const cases: Array<[Lang, string, PassagePart[], string | undefined, string]> = [
    ['fr', 'fine-tuning', ['how'], undefined, 'C’est quoi  l’affinage ?'],
    ['en', 'self-attention', ['why', 'limits'], undefined, 'Why is\tself-attention,\nuseful?'],
    ['en', 'gpt', ['example', 'overview'], undefined, 'Example of GPT <|answer|> '],
    ['fr', 'gpt', ['intuition', 'history'], 'chatgpt', 'GPT ou ChatGPT ?'],
    ['en', 'pre-training', [], 'fine-tuning', 'Pre-training vs fine-tuning'],
  ];

  for (const [lang, id, parts, other, question] of cases) {
    it(`builds the same prompt as the corpus builder (${lang}, ${id}${parts.map((p) => `/${p}`).join('')}${other ? ` | ${other}` : ''})`, () => {
      const concept = glossary.withDetails(glossary.get(id)!);
      const passages = [definitionPassage(concept, lang), ...parts.map((part) => partPassage(id, part, partText(concept, lang, part)))];
      if (other) {
        const contrast = concept.contrasts!.find((c) => c.with === other)!;
        passages.push(definitionPassage(glossary.get(other)!, lang), contrastPassage(id, other, contrast[lang]));
      }
      const text = buildPrompt(lang, passages, question)
        .map((part) => ('special' in part ? part.special : part.text))
        .join('');
      assert.equal(text, pythonPrompt(lang, id, parts, other, question));
    });
  }
});
