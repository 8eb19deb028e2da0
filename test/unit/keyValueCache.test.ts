import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { Tensor } from 'onnxruntime-web';
import { OwnedCache, hasStepOutputs } from '../../src/core/model/keyValueCache';
import type { ModelConfig } from '../../src/core/model/modelFormat';

const HEADS = 2;
const HEAD_DIM = 3;
const config = { layers: 1, kvHeads: HEADS, headDim: HEAD_DIM, maxPositions: 1024 } as ModelConfig;

/** [1, heads, tokens, headDim] values unique to (step, head, position, dim), so a misplaced one shows. */
function stepValues(step: number, tokens: number): Float32Array {
  return Float32Array.from({ length: HEADS * tokens * HEAD_DIM }, (_, i) => step * 1000 + i);
}

/** Concatenation along the sequence axis, the standard `present` = Concat(past, step). */
function concatenated(steps: Array<{ values: Float32Array; tokens: number }>): number[] {
  const out: number[] = [];
  for (let head = 0; head < HEADS; head++) {
    for (const { values, tokens } of steps) out.push(...values.subarray(head * tokens * HEAD_DIM, (head + 1) * tokens * HEAD_DIM));
  }
  return out;
}

describe('the key/value cache kept by the runtime (step outputs)', () => {
  it('feeds, after any sequence of steps, exactly what the standard present outputs would have held', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 12 }), (stepLengths) => {
        const cache = new OwnedCache(Tensor, config);
        const steps: Array<{ values: Float32Array; tokens: number }> = [];
        stepLengths.forEach((tokens, step) => {
          const values = stepValues(step + 1, tokens);
          steps.push({ values, tokens });
          const output = (kind: string) => new Tensor('float32', kind === 'key' ? values : values.map((v) => -v), [1, HEADS, tokens, HEAD_DIM]);
          cache.take({ 'step_key_values.0.key': output('key'), 'step_key_values.0.value': output('value') }, tokens);
          const past = cache.past();
          const length = steps.reduce((sum, s) => sum + s.tokens, 0);
          assert.deepEqual(past['past_key_values.0.key']!.dims, [1, HEADS, length, HEAD_DIM]);
          assert.deepEqual([...(past['past_key_values.0.key']!.data as Float32Array)], concatenated(steps));
          assert.deepEqual([...(past['past_key_values.0.value']!.data as Float32Array)], concatenated(steps).map((v) => -v));
        });
      }),
      { numRuns: 60 },
    );
  });

  it('starts each generation empty and reuses its buffers', () => {
    const cache = new OwnedCache(Tensor, config);
    const output = new Tensor('float32', stepValues(1, 5), [1, HEADS, 5, HEAD_DIM]);
    cache.take({ 'step_key_values.0.key': output, 'step_key_values.0.value': output }, 5);
    const before = cache.past()['past_key_values.0.key']!.data as Float32Array;
    const empty = cache.reset().past()['past_key_values.0.key']!;
    assert.deepEqual(empty.dims, [1, HEADS, 0, HEAD_DIM]);
    cache.take({ 'step_key_values.0.key': output, 'step_key_values.0.value': output }, 5);
    assert.equal((cache.past()['past_key_values.0.key']!.data as Float32Array).buffer, before.buffer);
  });

  it('is used only where every layer has both step outputs', () => {
    const names = ['logits', 'present.0.key', 'present.0.value', 'step_key_values.0.key', 'step_key_values.0.value', 'step_key_values.1.key'];
    assert.equal(hasStepOutputs(names, 1), true);
    assert.equal(hasStepOutputs(names, 2), false);
  });
});
