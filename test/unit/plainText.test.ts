import * as assert from 'node:assert/strict';
import { mergeUserGlossaries, parseUserGlossary } from '../../src/core/glossary/userGlossary';
import { ChatEngine } from '../../src/core/pipeline/engine';
import { partText, plainText } from '../../src/core/pipeline/passages';
import { bundledGlossary } from './bundled';

/** Markdown to plain text as it was written before: the same marks, with quadratic regular expressions. */
function quadraticPlainText(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(/(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The openings of marks that are never closed, each repeated to 320 KB: what made the regular expressions quadratic. */
const HOSTILE = ['![a "', '![a ', '[a](', '[a', '](', '**a ', '__a ', '*a ', ' *a', '`a', '*', '_', '[', '![', '![a](', '* a*', '# ', '\n   '];

describe('plain text of glossary Markdown (hostile sizes)', () => {
  it('is what it was for every entry of the bundled glossary', () => {
    const glossary = bundledGlossary();
    for (const indexed of glossary.concepts) {
      const concept = glossary.withDetails(indexed);
      for (const lang of ['fr', 'en'] as const) {
        for (const text of [concept[lang].example, concept[lang].explanation, ...concept[lang].explanation.split(/\n\s*\n/)]) {
          assert.equal(plainText(text), quadraticPlainText(text), `${concept.id} (${lang})`);
        }
      }
    }
  });

  it('takes milliseconds on 320 KB of marks that are never closed', () => {
    for (const unit of HOSTILE) {
      const text = unit.repeat(Math.ceil(320_000 / unit.length));
      const started = performance.now();
      plainText(text);
      const ms = performance.now() - started;
      assert.ok(ms < 2_000, `${JSON.stringify(unit)}: ${Math.round(ms)} ms`);
    }
  });

  it('answers a question about an entry whose explanation is `![a "` 80,000 times, in milliseconds', () => {
    const hostile = '![a "'.repeat(80_000);
    const entry = { id: 'feature-store', category: 'data-deployment', level: 'beginner', en: { term: 'feature store', definition: 'The service that keeps our features.', explanation: hostile, example: hostile } };
    const merged = mergeUserGlossaries(bundledGlossary().concepts, [parseUserGlossary('/w/.vscode/concepts.json', JSON.stringify([entry]))]);
    const engine = new ChatEngine(merged.glossary);
    const concept = merged.glossary.get('feature-store')!;
    const started = performance.now();
    for (const question of ['What is a feature store?', 'How does a feature store work?', 'Give an example of a feature store.']) {
      engine.prepare({ question, answerLang: 'en', fallbackLang: 'en', history: [] });
    }
    partText(concept, 'en', 'overview');
    partText(concept, 'en', 'example');
    const ms = performance.now() - started;
    assert.ok(ms < 3_000, `${Math.round(ms)} ms (65 s before)`);
  });
});
