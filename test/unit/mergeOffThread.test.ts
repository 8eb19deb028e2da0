import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mergeHere, mergeOffThread, OFF_THREAD_CHARS, runMergeWorker, type MergeInput } from '../../src/core/glossary/mergeOffThread';
import { bundledGlossary } from './bundled';

const WORKER = path.resolve(__dirname, '../../dist/glossaryWorker.js');

/** About 2 MB of a team's glossary, with one broken entry and one unknown link near the end. */
function bigInput(): MergeInput {
  const entries: unknown[] = [];
  for (let i = 0; i < 4800; i++) {
    entries.push({
      id: `team-term-${i}`, category: 'foundations', level: 'beginner', related: ['attention'],
      fr: { term: `terme maison ${i}`, definition: `Une définition assez longue pour ressembler à une vraie, numéro ${i}.` },
      en: { term: `team term ${i}`, definition: `A definition long enough to look like a real one, number ${i}.` },
    });
  }
  entries.push({ id: 'broken', category: 'foundations', level: 'expert', en: { term: 'broken one', definition: 'x' } });
  entries.push({ id: 'linked', category: 'foundations', level: 'beginner', related: ['no-such-concept'], en: { term: 'linked one', definition: 'y' } });
  return { file: '/w/team.concepts.json', text: JSON.stringify(entries, null, 1) };
}

describe('big user glossaries, parsed off the host thread', () => {
  it('gives in a worker exactly what parsing here gives (the stall it saves is in bench --json, hostile.glossaryAtCap)', async function () {
    assert.ok(fs.existsSync(WORKER), 'dist/glossaryWorker.js is missing: run "npm run build" first (npm test does)');
    this.timeout(60_000);
    const bundled = bundledGlossary().concepts;
    const inputs = [bigInput(), { file: '/w/unreadable.json', problems: [{ file: '/w/unreadable.json', start: { line: 0, character: 0 }, end: { line: 0, character: 1 }, severity: 'error' as const, message: 'cannot be read' }] }];
    assert.ok((inputs[0] as { text: string }).text.length > OFF_THREAD_CHARS);
    const here = mergeHere(bundled, inputs);
    const away = await mergeOffThread(WORKER, bundled, inputs);
    assert.equal(away.glossary.concepts.length, here.glossary.concepts.length);
    assert.deepEqual(away.problems, here.problems);
    assert.ok(away.problems.some((problem) => problem.message.includes('level must be one of')));
    assert.ok(away.problems.some((problem) => problem.message.includes('no-such-concept')));
    assert.equal(away.glossary.origin('team-term-7')?.kind, 'user');
    assert.equal(away.glossary.find('team term 4321')?.concept.id, 'team-term-4321', 'the host indexed the result');
  });

  it('sends its result a slice at a time, each only when the host asks, with the bundled concepts as ids', () => {
    const bundled = bundledGlossary().concepts;
    const sent: Array<{ type: string; concepts?: ReadonlyArray<unknown> }> = [];
    let askForNext: () => void = () => assert.fail('the worker did not listen');
    runMergeWorker({ bundled, inputs: [bigInput()], messages: {} }, { postMessage: (message) => void sent.push(message), on: (_event, listener) => void (askForNext = listener) });
    assert.equal(sent.length, 1, 'one slice before the host asks');
    while (sent.at(-1)?.type !== 'done') askForNext();
    const slices = sent.filter((message) => message.type === 'concepts');
    assert.ok(slices.length > 10 && slices.every((slice) => slice.concepts!.length <= 400), `${slices.length} slices`);
    const all = slices.flatMap((slice) => slice.concepts!);
    assert.equal(all.filter((concept) => typeof concept === 'string').length, bundled.length, 'unchanged bundled concepts travel as their ids');
    assert.equal(all.length, bundled.length + 4801);
  });
});
