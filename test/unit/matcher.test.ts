import * as assert from 'node:assert/strict';
import { EdgeTable, TermMatcher, type TermForm } from '../../src/core/matching/matcher';
import { formsOf } from '../../src/core/glossary/glossary';
import { bundledGlossary } from './bundled';
import { codeTermForms } from '../../src/core/matching/rules';
import { LANGS } from '../../src/core/glossary/types';

function form(conceptId: string, text: string, lang = 'en'): TermForm {
  return { conceptId, lang, text, preferred: true };
}

const matcher = new TermMatcher([
  form('reinforcement-learning', 'apprentissage par renforcement', 'fr'),
  form('rlhf', 'apprentissage par renforcement à partir de retours humains', 'fr'),
  form('machine-learning', 'apprentissage automatique', 'fr'),
  form('self-attention', 'self-attention'),
  form('attention', 'attention'),
  form('neural-network', 'réseau de neurones', 'fr'),
  form('gpt', 'GPT'),
]);

function idAt(text: string, needle: string): string | undefined {
  return matcher.matchAt(text, text.indexOf(needle))?.forms[0]?.conceptId;
}

describe('the trie edge table', () => {
  it('keeps every edge of nodes past 16.7 million, where an int32 key would overflow', () => {
    const table = new EdgeTable(16);
    const nodes = [0, 1, 16_777_215, 16_777_216, 16_777_217, 40_000_000, 2 ** 31 - 1];
    nodes.forEach((node, index) => {
      for (const code of [0, 97, 127]) table.set(node, code, index * 1000 + code);
    });
    nodes.forEach((node, index) => {
      for (const code of [0, 97, 127]) assert.equal(table.get(node, code), index * 1000 + code, `${node}/${code}`);
      assert.equal(table.get(node, 98), undefined);
    });
  });
});

describe('TermMatcher', () => {
  it('builds the same trie a slice at a time, pausing between slices', async () => {
    const glossary = bundledGlossary();
    const ids = new Set(glossary.concepts.map((concept) => concept.id));
    const forms = [...glossary.concepts.flatMap(formsOf), ...codeTermForms((id) => ids.has(id), LANGS)];
    let pauses = 0;
    const sliced = await TermMatcher.sliced(forms, async () => void pauses++, { sliceMs: 0 });
    const text = "On parle ici d'auto-attention, de fine-tuning, de self_attention et de réseaux de neurones.";
    assert.deepEqual(sliced.findAll(text), glossary.matcher.findAll(text));
    assert.ok(pauses > 10, `${pauses} pauses`);
  });

  it('prefers the longest term at a position', () => {
    const text = 'On utilise l’apprentissage par renforcement à partir de retours humains pour aligner le modèle.';
    assert.equal(idAt(text, 'apprentissage'), 'rlhf');
    assert.equal(idAt(text, 'humains'), 'rlhf');
    assert.equal(idAt('apprentissage par renforcement pur', 'renforcement'), 'reinforcement-learning');
    assert.equal(idAt('selfAttention(x)', 'Attention'), 'self-attention');
    assert.equal(idAt('the attention weights', 'attention'), 'attention');
  });

  it('returns the matched span of the source text', () => {
    const text = 'Les réseaux de neurones profonds';
    const match = matcher.matchAt(text, 6);
    assert.ok(match);
    assert.equal(text.slice(match.start, match.end), 'réseaux de neurones');
  });

  it('matches only on whole pieces', () => {
    assert.equal(matcher.matchAt('inattention', 4), undefined);
    assert.equal(matcher.matchAt('gptx', 1), undefined);
    assert.equal(idAt('class GPTConfig:', 'GPT'), 'gpt');
  });

  it('finds every term leftmost-longest without overlaps', () => {
    const found = matcher.findAll('GPT uses self-attention, a kind of attention.').map((m) => m.forms[0]!.conceptId);
    assert.deepEqual(found, ['gpt', 'self-attention', 'attention']);
  });

  it('looks at a bounded window, so a huge minified line still gives the right answer', () => {
    const filler = 'x=1;'.repeat(250_000);
    const line = `${filler}selfAttention(q,k,v);${filler}`;
    assert.equal(idAt(line, 'Attention'), 'self-attention');
    assert.equal(matcher.matchAt(line, 10), undefined);
    assert.equal(matcher.matchAt(line, line.length - 1), undefined);
  });

  it('does not match a word cut by the window edge', () => {
    const line = `${'a'.repeat(200)}attention`;
    assert.equal(matcher.matchAt(line, line.length - 1), undefined);
  });

  it('looks up a whole text exactly', () => {
    assert.equal(matcher.lookupExact('Self_Attention')[0]?.conceptId, 'self-attention');
    assert.deepEqual(matcher.lookupExact('attention is'), []);
  });
});
