import * as assert from 'node:assert/strict';
import { lineLanguage } from '../../src/core/present/lineLanguage';

/** The language of the sentence around the first occurrence of `term` in `line`. */
function around(line: string, term: string) {
  const start = line.indexOf(term);
  return lineLanguage(line, start, start + term.length);
}

describe('the language of the sentence around a term', () => {
  it('is the sentence’s, whatever the language of the term’s form', () => {
    assert.equal(around('Les LLMs inventent parfois des sources qui n’existent pas.', 'LLMs'), 'fr');
    assert.equal(around('On entraîne le modèle avec du fine-tuning sur nos données.', 'fine-tuning'), 'fr');
    assert.equal(around('We then apply l’affinage to the whole model.', 'l’affinage'), 'en');
    assert.equal(around('# the LLMs we call are behind an API', 'LLMs'), 'en');
  });

  it('is not told for code, a bare term or a line too short', () => {
    assert.equal(around('llms = load_models(path)', 'llms'), undefined);
    assert.equal(around('for d in l: LLMs(d)', 'LLMs'), undefined);
    assert.equal(around('LLMs', 'LLMs'), undefined);
    assert.equal(around('- LLMs', 'LLMs'), undefined);
  });
});
