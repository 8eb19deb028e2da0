import * as assert from 'node:assert/strict';
import { generateGrounded } from '../../src/core/answer/answerer';
import { judge, repetitionRate, summarize, type HeldOutQuestion } from '../../src/core/answer/evaluate';
import { REFUSAL } from '../../src/core/answer/prompt';
import { bundledGlossary } from './bundled';

const question = (concept_ids: string[], answer_lang: 'fr' | 'en' = 'fr'): HeldOutQuestion => ({
  question: 'q', lang: answer_lang, answer_lang, concept_ids, kind: 'what',
});

describe('evaluation of answers', () => {
  const glossary = bundledGlossary();

  it('counts an answer about the asked concept, in the asked language, with the definition’s facts', () => {
    const definition = glossary.get('fine-tuning')!.fr.definition;
    const judgement = judge(glossary, question(['fine-tuning']), `L'affinage : ${definition}\n\nSource : [fine-tuning]`);
    assert.equal(judgement.onConcept, true);
    assert.equal(judgement.languageMatch, true);
    assert.ok(judgement.factRecall! > 0.9);
  });

  it('does not count an answer about another concept, or in the other language', () => {
    const wrong = judge(glossary, question(['fine-tuning']), `${glossary.get('gpt')!.fr.definition} Source : [gpt]`);
    assert.equal(wrong.onConcept, false);
    assert.ok(wrong.factRecall! < 0.5);
    const english = judge(glossary, question(['fine-tuning']), `Fine-tuning: ${glossary.get('fine-tuning')!.en.definition}`);
    assert.equal(english.languageMatch, false);
  });

  it('does not count an answer that cites another entry, even if it names the concept', () => {
    const judgement = judge(glossary, question(['self-attention'], 'en'), 'Attention mechanism: unlike self-attention, it ... Sources: [attention]');
    assert.equal(judgement.onConcept, false);
  });

  it('expects the refusal outside the domain, and never counts a refusal as on-concept', () => {
    assert.equal(judge(glossary, question([], 'en'), REFUSAL.en).onConcept, true);
    assert.equal(judge(glossary, question([], 'en'), 'Boil it for ten minutes.').onConcept, false);
    assert.equal(judge(glossary, question(['gpt'], 'en'), `${REFUSAL.en} [gpt]`).onConcept, false);
  });

  it('measures repetition, punctuation included', () => {
    assert.equal(repetitionRate('one two three four five'), 0);
    assert.ok(repetitionRate(',,,,,,,,,,') > 0.8);
    assert.ok(repetitionRate('the model the model the model the model') > 0.5);
  });

  it('summarises by kind', () => {
    const items = [question(['gpt'], 'en'), question([], 'en')];
    const summary = summarize(items, [judge(glossary, items[0]!, 'GPT is a model. [gpt]'), judge(glossary, items[1]!, 'no')]);
    assert.equal(summary.questions, 2);
    assert.equal(summary.conceptAccuracy, 0.5);
    assert.equal(summary.outOfDomainRefusal, 0);
    assert.deepEqual(summary.byKind.what, { questions: 2, conceptAccuracy: 0.5 });
  });
});

describe('grounded generation', () => {
  it('answers the fixed sentence, in the requested language, when nothing was retrieved, without the model', async () => {
    let called = false;
    const model = { generate: async () => ((called = true), { text: 'x', ids: [1], promptTokens: 1, stopReason: 'eos' as const, firstTokenMs: 0, tokensPerS: 0, totalMs: 0 }) };
    const pieces: string[] = [];
    const result = await generateGrounded(model, 'en', [], [], {}, (text) => pieces.push(text));
    assert.equal(result.text, REFUSAL.en);
    assert.deepEqual(pieces, [REFUSAL.en]);
    assert.equal(called, false);
  });
});
