import * as assert from 'node:assert/strict';
import { applyRepetitionPenalty, argmax, sampleToken, seededRandom } from '../../src/core/model/sampling';
import { StopFilter } from '../../src/core/model/constraints';

const logits = () => Float32Array.from([1, 3, 2, -1, 0.5]);

describe('sampling', () => {
  it('greedy picks the highest score', () => {
    assert.equal(sampleToken(logits(), { greedy: true }, [], Math.random), 1);
    assert.equal(argmax(Float32Array.from([0, 0, 5, 5])), 2);
  });

  it('top-k 1 is greedy whatever the temperature', () => {
    const random = seededRandom(1);
    for (let i = 0; i < 20; i++) assert.equal(sampleToken(logits(), { temperature: 5, topK: 1 }, [], random), 1);
  });

  it('top-p keeps only the nucleus', () => {
    const random = seededRandom(2);
    const seen = new Set<number>();
    // softmax([1,3,2,-1,0.5]): token 1 ~0.63, token 2 ~0.23 -> p=0.8 keeps tokens 1 and 2 only.
    for (let i = 0; i < 200; i++) seen.add(sampleToken(logits(), { temperature: 1, topP: 0.8 }, [], random));
    assert.deepEqual([...seen].sort(), [1, 2]);
  });

  it('a seed gives the same tokens every time, and temperature spreads them', () => {
    const draw = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 30 }, () => sampleToken(logits(), { temperature: 2 }, [], random));
    };
    assert.deepEqual(draw(7), draw(7));
    assert.ok(new Set(draw(7)).size > 2);
  });

  it('the repetition penalty lowers tokens already produced', () => {
    const scores = logits();
    applyRepetitionPenalty(scores, [1, 3], 2);
    assert.equal(scores[1], 1.5);
    assert.equal(scores[3], -2);
    assert.equal(sampleToken(logits(), { greedy: true, repetitionPenalty: 4 }, [1], Math.random), 2);
  });
});

describe('stop strings', () => {
  it('ends the output before a stop string, even split across pieces', () => {
    const out: string[] = [];
    const filter = new StopFilter(['<|end'], (text) => out.push(text));
    assert.equal(filter.push('Hello <|'), false);
    assert.equal(out.join(''), 'Hello ');
    assert.equal(filter.push('en'), false);
    assert.equal(filter.push('d|> more'), true);
    assert.equal(out.join(''), 'Hello ');
    assert.equal(filter.text, 'Hello ');
  });

  it('releases held-back text that turned out not to be a stop string', () => {
    const out: string[] = [];
    const filter = new StopFilter(['STOP'], (text) => out.push(text));
    filter.push('a ST');
    filter.push('ART', true);
    assert.equal(out.join(''), 'a START');
  });
});
