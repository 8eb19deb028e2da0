import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compileGlossary, readGlossaryFolder } from '../../src/core/glossary/compile';
import { formatProblem } from '../../src/core/glossary/types';
import { parseUserGlossary } from '../../src/core/glossary/userGlossary';
import { makeConcept } from './fixtures';

function compile(files: Record<string, unknown>) {
  const sources = Object.entries(files).map(([file, data]) => ({ file, data }));
  const result = compileGlossary(sources);
  return { ids: result.concepts.map((c) => c.id), problems: result.problems.map(formatProblem) };
}

describe('glossary compiler', () => {
  it('accepts valid entries that link to each other', () => {
    const result = compile({
      'a.json': makeConcept('a', { related: ['b'] }),
      'b.json': makeConcept('b', { related: ['a'], prerequisites: ['a'] }),
    });
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.ids, ['a', 'b']);
  });

  it('names the file and the field of a missing or malformed field, and keeps the valid entries', () => {
    const broken = makeConcept('b') as unknown as Record<string, Record<string, unknown>>;
    delete broken.fr!.definition;
    broken.en!.term = 42;
    const result = compile({ 'a.json': makeConcept('a'), 'b.json': broken });
    assert.deepEqual(result.ids, ['a']);
    assert.ok(result.problems.includes('b.json: fr.definition is missing.'), result.problems.join('\n'));
    assert.ok(result.problems.some((p) => p.startsWith('b.json: en.term must be string')), result.problems.join('\n'));
  });

  it('words a broken field as users’ files do, from the same rules', () => {
    const broken = makeConcept('b', { level: 'expert' as never });
    const bundled = compile({ 'b.json': broken }).problems.find((p) => p.includes('level'))!;
    const user = parseUserGlossary('team.json', JSON.stringify([broken])).problems.find((p) => p.message.includes('level'))!;
    assert.equal(bundled.replace(/^b\.json: /, ''), user.message.replace(/^"b": /, ''));
  });

  it('reports unknown fields, bad enums and unknown links', () => {
    const result = compile({
      'a.json': { ...makeConcept('a', { related: ['nowhere'] }), colour: 'blue' },
      'b.json': makeConcept('b', { level: 'expert' as never }),
    });
    assert.ok(result.problems.includes('a.json: colour is not a known field.'), result.problems.join('\n'));
    assert.ok(result.problems.includes('b.json: level must be one of: beginner, advanced.'), result.problems.join('\n'));
  });

  it('reports links to unknown ids and to the concept itself', () => {
    const result = compile({ 'a.json': makeConcept('a', { related: ['nowhere', 'a'] }) });
    assert.deepEqual(result.problems, [
      'a.json: related.0: unknown concept id "nowhere"',
      'a.json: related.1: a concept cannot point to itself',
    ]);
  });

  it('reports an alias that two concepts claim in the same language, even written differently', () => {
    const a = makeConcept('a');
    const b = makeConcept('b', { en: { ...makeConcept('b').en, aliases: ['A_EN'] } });
    const result = compile({ 'a.json': a, 'b.json': b });
    assert.deepEqual(result.problems, ['b.json: en.aliases.0: "A_EN" is already a en term of "a"']);
  });

  it('reports an id that does not match its file name, and a duplicate id', () => {
    const result = compile({ 'x/a.json': makeConcept('a'), 'x/c.json': makeConcept('a') });
    assert.ok(result.problems.includes('x/c.json: id: "a" must match the file name (a.json)'));
    assert.ok(result.problems.some((p) => p.startsWith('x/c.json: id: "a" is already used by x/a.json')));
  });

  it('reports a file that is not JSON by name', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-'));
    fs.writeFileSync(path.join(folder, 'a.json'), JSON.stringify(makeConcept('a')));
    fs.writeFileSync(path.join(folder, 'broken.json'), '{ "id": "broken", ');
    const read = readGlossaryFolder(folder);
    assert.equal(read.sources.length, 1);
    assert.equal(read.problems.length, 1);
    assert.match(formatProblem(read.problems[0]!), /broken\.json: is not valid JSON/);
  });
});
