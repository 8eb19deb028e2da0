import * as assert from 'node:assert/strict';
import { WholeEntryIndex } from '../../src/core/pipeline/wholeEntries';
import { bundledGlossary } from './bundled';

describe('the whole-entry index (questions that name no concept)', function () {
  this.timeout(60_000);
  const glossary = bundledGlossary();
  const index = WholeEntryIndex.of(glossary);

  it('ranks first the entry whose text holds a need told in the learner’s words, in either language', () => {
    assert.equal(index.closest('We want to flag fraudulent card payments, but fraud is very rare in our data')[0]?.concept.id, 'anomaly-detection');
    assert.equal(index.closest('je voudrais prévoir mes ventes du mois prochain à partir des ventes passées')[0]?.concept.id, 'time-series-forecasting');
    assert.deepEqual(index.closest('the of a', 3), []);
  });

  it('ranks among the given entries only', () => {
    const among = new Set(['baseline-model', 'mean-absolute-error']);
    const ranked = index.closest('why not simply reuse the sales of the same week last year?', 3, among);
    assert.ok(ranked.length > 0 && ranked.every((entry) => among.has(entry.concept.id)));
    assert.equal(ranked[0]!.concept.id, 'baseline-model');
  });

  it('knows the words the glossary uses, and no misspelling of them', () => {
    for (const word of ['player', 'model', 'boit']) assert.ok(index.knows(word), word);
    for (const word of ['neral', 'dtaa', 'xpert']) assert.ok(!index.knows(word), word);
  });

  it('is the same built a slice at a time as at once', async () => {
    const sliced = await WholeEntryIndex.sliced(glossary, () => new Promise((resolve) => setImmediate(resolve)), 2);
    const question = 'Certains capteurs tombent en panne et j’ai des trous dans les données';
    assert.deepEqual(
      sliced.closest(question).map((entry) => [entry.concept.id, entry.score]),
      index.closest(question).map((entry) => [entry.concept.id, entry.score]),
    );
  });
});
