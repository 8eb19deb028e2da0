import * as assert from 'node:assert/strict';
import { composeGroups } from '../../src/core/answer/compose';
import { passagesFor } from '../../src/core/answer/passages';
import { ComposeConstraint } from '../../src/core/model/runtime';
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

  it('offers, for a "why", the reason and the ways the definition is introduced, in the answer language', () => {
    const glossary = bundledGlossary();
    const dropout = glossary.get('dropout')!;
    const passages = passagesFor({ intent: 'why', concepts: [dropout], followUp: false }, glossary, 'fr');
    const groups = composeGroups(passages, glossary, 'fr');
    assert.equal(groups.length, 2);
    assert.deepEqual(groups[0], [glossary.withDetails(dropout).fr.sections!.why], 'the reason first, as the answer uses it');
    assert.ok(groups[1]!.includes(`${dropout.fr.term.charAt(0).toUpperCase()}${dropout.fr.term.slice(1)} : ${dropout.fr.definition}`), JSON.stringify(groups[1]));
    assert.equal(composeGroups([], glossary, 'en').length, 4, 'no passage: the polite replies');
  });
});
