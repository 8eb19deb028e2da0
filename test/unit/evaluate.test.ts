import * as assert from 'node:assert/strict';
import { baselineAnswer, faithfulness, judge, opensWithLabel, registerMatches, repetitionRate, summarize, type HeldOutTurn, type JudgedTurn } from '../../src/core/pipeline/evaluate';
import type { Intent } from '../../src/core/pipeline/intent';
import { passagesFor } from '../../src/core/pipeline/passages';
import { definitionPassage, REFUSAL } from '../../src/core/pipeline/prompt';
import { mergeUserGlossaries, parseUserGlossary } from '../../src/core/glossary/userGlossary';
import { bundledGlossary } from './bundled';

const turnOf = (intent: Intent, concept_ids: string[], answer_lang: 'fr' | 'en' = 'en'): HeldOutTurn => ({ question: 'q', intent, concept_ids, answer_lang });

describe('evaluation of answers', () => {
  const glossary = bundledGlossary();
  const dropout = glossary.get('dropout')!;
  const passages = (intent: Intent, ids: string[], lang: 'fr' | 'en' = 'en') =>
    passagesFor({ intent, concepts: ids.map((id) => glossary.get(id)!), followUp: false }, glossary, lang);

  it('counts a "why" answered when the answer leads with the entry’s reason, not with the definition alone', () => {
    const why = dropout.en.sections!.why!;
    const given = passages('why', ['dropout']);
    assert.equal(judge(glossary, turnOf('why', ['dropout']), `${why}\n\nDropout: ${dropout.en.definition}`, given).intentAddressed, true);
    assert.equal(judge(glossary, turnOf('why', ['dropout']), `Dropout: ${dropout.en.definition}\n\n${why}`, given).intentAddressed, false);
    assert.equal(judge(glossary, turnOf('why', ['dropout']), `Dropout: ${dropout.en.definition}`, given).intentAddressed, false);
  });

  it('accepts, for an entry without the part asked for (a user’s own), its overview after the definition', () => {
    const entry = {
      id: 'canary-release', category: 'foundations', level: 'beginner',
      fr: { term: 'déploiement canari', definition: 'Une mise en production progressive.', explanation: 'Une petite part du trafic reçoit la nouvelle version pendant une journée, puis le reste si ses mesures tiennent.' },
      en: { term: 'canary release', definition: 'A gradual release to production.', explanation: 'A small share of traffic gets the new version for a day, then the rest if its measurements hold.' },
    };
    const merged = mergeUserGlossaries(glossary.concepts, [parseUserGlossary('/w/.vscode/concepts.json', JSON.stringify([entry]))]).glossary;
    const given = passagesFor({ intent: 'why', concepts: [merged.get('canary-release')!], followUp: false }, merged, 'en');
    const turn = turnOf('why', ['canary-release']);
    assert.equal(judge(merged, turn, `Canary release: ${entry.en.definition}\n\n${entry.en.explanation}`, given).intentAddressed, true);
    assert.equal(judge(merged, turn, `Canary release: ${entry.en.definition}`, given).intentAddressed, false, 'the definition alone does not say why');
  });

  it('counts a contrast answered only when it names both concepts and states their curated difference', () => {
    const gpt = glossary.get('gpt')!;
    const contrast = gpt.contrasts!.find((c) => c.with === 'chatgpt')!.fr;
    const given = passages('contrast', ['gpt', 'chatgpt'], 'fr');
    assert.equal(judge(glossary, turnOf('contrast', ['gpt', 'chatgpt'], 'fr'), contrast, given).intentAddressed, true);
    assert.equal(judge(glossary, turnOf('contrast', ['gpt', 'chatgpt'], 'fr'), `GPT : ${gpt.fr.definition}`, given).intentAddressed, false);
  });

  it('measures faithfulness as the share of sentences resting on the passages', () => {
    const given = passages('what', ['dropout']);
    assert.equal(faithfulness(dropout.en.definition, given, 'q', [dropout]), 1);
    assert.ok(faithfulness(`${dropout.en.definition} Bananas grow on tall tropical plants near beaches.`, given, 'q', [dropout]) <= 0.5);
  });

  it('expects the refusal outside the domain and a short polite reply to small talk, never a repeat', () => {
    assert.equal(judge(glossary, turnOf('ood', []), REFUSAL.en, []).intentAddressed, true);
    assert.equal(judge(glossary, turnOf('ood', []), 'Boil it for ten minutes.', []).intentAddressed, false);
    assert.equal(judge(glossary, turnOf('smalltalk', []), "You're welcome!", []).intentAddressed, true);
    assert.equal(judge(glossary, turnOf('smalltalk', []), REFUSAL.en, []).intentAddressed, false);
    assert.equal(judge(glossary, turnOf('smalltalk', []), 'Same again.', [], { earlierAnswers: ['Same again.'] }).intentAddressed, false);
  });

  it('counts the passages a dialogue repeats, label openings, the register and conversational turns off topic', () => {
    const overfitting = glossary.withDetails(glossary.get('overfitting')!);
    const definition = definitionPassage(overfitting, 'en');
    const answer = `Overfitting is ${definition.text.charAt(0).toLowerCase()}${definition.text.slice(1)}`;
    assert.equal(judge(glossary, turnOf('what', ['overfitting']), answer, [definition], { earlierAnswers: [] }).repeatedPassages, 0);
    assert.equal(judge(glossary, turnOf('what', ['overfitting']), definition.text, [definition], { earlierAnswers: [`As said: ${definition.text}`] }).repeatedPassages, 1);
    assert.equal(opensWithLabel(`overfitting: ${definition.text}`, [overfitting]), true);
    assert.equal(opensWithLabel(`Surapprentissage (en anglais : overfitting) : ${overfitting.fr.definition}`, [overfitting]), true);
    assert.equal(opensWithLabel(answer, [overfitting]), false);
    assert.equal(registerMatches('Avec plaisir ! Posez-moi une question quand vous voulez.', 'tu'), false);
    assert.equal(registerMatches('Avec plaisir ! Pose-moi une question quand tu veux.', 'tu'), true);
    const remark = { ...turnOf('limits', ['overfitting']), conversational: true };
    assert.equal(judge(glossary, remark, REFUSAL.en, []).onTopic, false);
    assert.equal(judge(glossary, remark, 'Hello! Ask me about a concept.', []).onTopic, false);
    assert.equal(judge(glossary, remark, overfitting.en.sections!.limits!, []).onTopic, true);
  });

  it('checks the language, quoted terms aside', () => {
    const french = judge(glossary, turnOf('what', ['fine-tuning'], 'fr'), `L'affinage : ${glossary.get('fine-tuning')!.fr.definition}`, []);
    assert.equal(french.languageMatch, true);
    assert.equal(judge(glossary, turnOf('what', ['fine-tuning'], 'fr'), glossary.get('fine-tuning')!.en.definition, []).languageMatch, false);
  });

  it('prints the retrieved passages as the baseline answer', () => {
    const given = passages('why', ['dropout']);
    const baseline = baselineAnswer(given, glossary, 'en', 'why');
    assert.ok(baseline.startsWith(dropout.en.sections!.why!), baseline);
    assert.ok(baseline.endsWith(`dropout: ${dropout.en.definition}`), baseline);
    assert.equal(baselineAnswer([], glossary, 'en', 'ood'), REFUSAL.en);
    assert.equal(baselineAnswer([], glossary, 'en', 'smalltalk'), '');
  });

  it('measures repetition, punctuation included', () => {
    assert.equal(repetitionRate('one two three four five'), 0);
    assert.ok(repetitionRate(',,,,,,,,,,') > 0.8);
    assert.ok(repetitionRate('the model the model the model the model') > 0.5);
  });

  it('summarises by kind, with the baseline beside the model', () => {
    const yes = judge(glossary, turnOf('ood', []), REFUSAL.en, []);
    const no = judge(glossary, turnOf('ood', []), 'no', []);
    const turns: JudgedTurn[] = [
      { kind: 'ood', intent: 'ood', model: yes, baseline: yes },
      { kind: 'why', intent: 'why', model: yes, baseline: no },
    ];
    const summary = summarize(2, turns);
    assert.equal(summary.turns, 2);
    assert.equal(summary.intentAddressed, 1);
    assert.equal(summary.baselineIntentAddressed, 0.5);
    assert.equal(summary.outOfDomainRefusal, 1);
    assert.equal(summary.byKind.why!.baselineIntentAddressed, 0);
  });
});
