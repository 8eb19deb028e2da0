import * as assert from 'node:assert/strict';
import { composeGroups, composePlan, exampleFromElsewhere } from '../../src/core/pipeline/compose';
import { passagesFor } from '../../src/core/pipeline/passages';
import { ComposeConstraint } from '../../src/core/model/constraints';
import { bundledGlossary } from './bundled';

const EOS = 0;
/** One token a character, so the test reads like text. */
const encode = (text: string) => [...text].map((ch) => ch.charCodeAt(0));
const allowed = (constraint: ComposeConstraint) => {
  const logits = new Float32Array(256);
  constraint.mask(logits);
  return [...logits.keys()].filter((id) => logits[id] !== Number.NEGATIVE_INFINITY).map((id) => (id === EOS ? 'EOS' : String.fromCharCode(id)));
};

describe('answers composed from the passages', () => {
  it('lets the model write only whole pieces, each passage once, then end', () => {
    const constraint = new ComposeConstraint([['ab', 'xb'], ['cd']], encode, [EOS]);
    assert.deepEqual(allowed(constraint).sort(), ['a', 'c', 'x'], 'no end before a first piece');
    constraint.accept('a'.charCodeAt(0));
    assert.deepEqual(allowed(constraint), ['b'], 'inside a piece, only its next token');
    constraint.accept('b'.charCodeAt(0));
    assert.deepEqual(allowed(constraint).sort(), ['\n', 'EOS'], 'a blank line before the next piece, or the end');
    for (const ch of '\n\ncd') constraint.accept(ch.charCodeAt(0));
    assert.deepEqual(allowed(constraint), ['EOS'], 'every passage used: only the end');
  });

  it('follows a plan: opens with the passage asked for, and does not end before the groups it must cover', () => {
    const constraint = new ComposeConstraint([['ab'], ['cd'], ['ef']], encode, [EOS], { opensWith: 1, mustCover: [1, 2] });
    assert.deepEqual(allowed(constraint), ['c'], 'only the planned opening');
    for (const ch of 'cd') constraint.accept(ch.charCodeAt(0));
    assert.deepEqual(allowed(constraint), ['\n'], 'no end while a group to cover is missing');
    for (const ch of '\n\nef') constraint.accept(ch.charCodeAt(0));
    assert.deepEqual(allowed(constraint).sort(), ['\n', 'EOS'], 'covered: the end, or one more piece');
    const unplannable = new ComposeConstraint([['ab']], encode, [EOS], { opensWith: 5, mustCover: [7] });
    assert.deepEqual(allowed(unplannable), ['a'], 'a plan that names no group is ignored');
  });

  it('writes the passages one after the other when the plan keeps their order', () => {
    const constraint = new ComposeConstraint([['ab'], ['cd'], ['ef']], encode, [EOS], { opensWith: 0, mustCover: [0, 1, 2], inOrder: true });
    for (const ch of 'ab\n\n') constraint.accept(ch.charCodeAt(0));
    assert.deepEqual(allowed(constraint), ['c'], 'only the next piece, none skipped');
    for (const ch of 'cd\n\n') constraint.accept(ch.charCodeAt(0));
    assert.deepEqual(allowed(constraint), ['e']);
    for (const ch of 'ef') constraint.accept(ch.charCodeAt(0));
    assert.deepEqual(allowed(constraint), ['EOS'], 'all written: the end');
  });

  it('plans the opening and the coverage from the passages and the intent', () => {
    const glossary = bundledGlossary();
    const [gpt, bert, dropout] = ['gpt', 'bert', 'dropout'].map((id) => glossary.get(id)!);
    const why = passagesFor({ intent: 'why', concepts: [dropout!], followUp: false }, glossary, 'en');
    assert.deepEqual(composePlan(why, 'why'), { opensWith: 0, mustCover: [0] });
    const several = passagesFor({ intent: 'several', concepts: [gpt!, bert!], followUp: false }, glossary, 'en');
    assert.deepEqual(composePlan(several, 'several'), { opensWith: 0, mustCover: [0, 1] });
    assert.deepEqual(composePlan([], 'smalltalk'), {}, 'small talk: the replies are free');
    const fromOverview = [
      { conceptIds: ['team'], kind: 'definition' as const, text: 'A team term.', line: '' },
      { conceptIds: ['team'], kind: 'overview' as const, text: 'How the team uses it.', line: '' },
    ];
    assert.deepEqual(composePlan(fromOverview, 'why'), { opensWith: 0, mustCover: [0, 1] }, 'a user entry without a "why": the overview too');
    assert.deepEqual(composePlan(fromOverview, 'what'), { opensWith: 0, mustCover: [0] });
    const detailThenWhy = [
      { conceptIds: ['cnn'], kind: 'overview' as const, text: 'A CNN is made for grids.', line: '' },
      { conceptIds: ['convolution'], kind: 'why' as const, text: 'Why convolution works.', line: '' },
      { conceptIds: ['convolution'], kind: 'definition' as const, text: 'A convolution is...', line: '' },
    ];
    assert.deepEqual(composePlan(detailThenWhy, 'why'), { opensWith: 0, mustCover: [0, 1] }, 'a precise sentence first, the reason still given');
  });

  it('offers, for a "why", the reason and then the definition said as a sentence, never a « Terme : » label', () => {
    const glossary = bundledGlossary();
    const dropout = glossary.get('dropout')!;
    const passages = passagesFor({ intent: 'why', concepts: [dropout], followUp: false }, glossary, 'fr');
    const context = { intent: 'why' as const, register: 'tu' as const };
    const groups = composeGroups(passages, glossary, 'fr', context);
    assert.equal(groups.length, 2);
    assert.deepEqual(groups[0], [glossary.withDetails(dropout).fr.sections!.why], 'the reason first, as the answer uses it');
    assert.equal(groups[1]!.length, 1);
    assert.ok(!groups[1]![0]!.startsWith(`${dropout.fr.term} :`), groups[1]![0]);
    assert.ok(groups[1]![0]!.endsWith(dropout.fr.definition.slice(1)), 'the definition itself, after its subject');
    const gpt = passagesFor({ intent: 'define', concepts: [glossary.get('gpt')!], followUp: false }, glossary, 'fr');
    assert.ok(!composeGroups(gpt, glossary, 'fr', context)[0]!.some((piece) => piece.includes('(en anglais')), 'no dictionary label');
  });

  it('gives, for a "how", the mechanism alone for an advanced term the learner named, and what it is as a summary for a beginner\'s concept or one described without its name', () => {
    const glossary = bundledGlossary();
    const decoding = glossary.get('constrained-decoding')!;
    assert.equal(decoding.level, 'advanced');
    assert.deepEqual(passagesFor({ intent: 'how', concepts: [decoding], followUp: false }, glossary, 'en').map((passage) => passage.kind), ['how'], 'the mechanism alone');
    const search = glossary.get('semantic-search')!;
    for (const [lang, inShort] of [['fr', 'En bref, la recherche sémantique est '], ['en', 'In short, semantic search is ']] as const) {
      const passages = passagesFor({ intent: 'how', concepts: [search], followUp: false, described: search.level === 'advanced' }, glossary, lang);
      const groups = composeGroups(passages, glossary, lang, { intent: 'how', register: 'vous' });
      assert.ok(groups.some((group) => group[0] === glossary.withDetails(search)[lang].sections!.how), 'the mechanism');
      const last = groups[groups.length - 1]![0]!;
      assert.ok(last.startsWith(inShort), last);
    }
    // The forest's mechanism in French already says it trains trees on random draws and votes: no summary repeats it.
    const forest = glossary.get('random-forest')!;
    assert.deepEqual(passagesFor({ intent: 'how', concepts: [forest], followUp: false }, glossary, 'fr').map((passage) => passage.kind), ['how']);
    // A "why" opens with its reason, and the definition after it is no summary of a mechanism.
    const why = passagesFor({ intent: 'why', concepts: [forest], followUp: false }, glossary, 'en');
    assert.ok(!composeGroups(why, glossary, 'en', { intent: 'why', register: 'vous' }).flat().some((piece) => piece.startsWith('In short')));
  });

  it('answers small talk with the one reply of its kind, in the learner\'s tu or vous, greeting only at the start', () => {
    const glossary = bundledGlossary();
    const reply = (smallTalk: 'thanks' | 'greeting', register: 'tu' | 'vous', inConversation = false) =>
      composeGroups([], glossary, 'fr', { intent: 'smalltalk', smallTalk, register, inConversation });
    assert.equal(reply('thanks', 'tu').length, 1);
    assert.match(reply('thanks', 'tu')[0]![0]!, /^Avec plaisir ! Pose-moi/);
    assert.match(reply('thanks', 'vous')[0]![0]!, /Posez-moi/);
    assert.match(reply('greeting', 'tu')[0]![0]!, /^Bonjour/);
    assert.doesNotMatch(reply('greeting', 'tu', true)[0]![0]!, /Bonjour/);
    assert.match(composeGroups([], glossary, 'en', { intent: 'smalltalk', smallTalk: 'thanks', register: 'tu' })[0]![0]!, /^You're welcome/);
  });

  it('says an example asked for in the learner’s own setting comes from another field, only when it does', () => {
    const fraud = 'A fraud detector flags 100 transactions, 80 of which are real frauds: its precision is 80%.';
    assert.equal(exampleFromElsewhere('Can you give me an example of precision and recall with my hives?', fraud), true);
    assert.equal(exampleFromElsewhere('And an example with our fraud detector?', fraud), false, 'the glossary’s example is their setting');
    assert.equal(exampleFromElsewhere('Can you give me an example of precision and recall?', fraud), false, 'no setting of their own');
    assert.equal(exampleFromElsewhere('Tu peux me donner un exemple concret avec nos éoliennes ?', 'Un modèle trie 100 radiographies.'), true);
  });
});
