import { strict as assert } from 'node:assert';
import { parseUserGlossary } from '../../src/core/glossary/userGlossary';
import { definitionOffset, entryIdAt, entryIndexForTerm, entrySkeleton, idsInFile, insertEntry, newConceptId, overrideSkeleton } from '../../src/core/glossary/userGlossaryEdit';
import type { Concept } from '../../src/core/glossary/types';
import { bundledGlossary } from './bundled';

describe('adding an entry to a user glossary', () => {
  it('creates an array in an empty file, with the cursor inside the definition', () => {
    const result = insertEntry('', entrySkeleton('feature store', 'feature-store', 'en'), 'en');
    assert.equal(JSON.parse(result.text)[0].id, 'feature-store');
    assert.equal(result.text.slice(result.cursor - 15, result.cursor + 1), '"definition": ""');
    const before = result.text.slice(0, result.cursor);
    assert.ok(before.lastIndexOf('"en"') > before.lastIndexOf('"fr"'), 'the cursor is in the English entry');
  });

  it('writes a French term in French fields only: a draft with one note, no error, until its definition is written', () => {
    const result = insertEntry('', entrySkeleton('dérive des données', 'derive-des-donnees', 'fr'), 'fr');
    const [entry] = JSON.parse(result.text) as Array<Record<string, { term?: string }>>;
    assert.equal(entry!.fr!.term, 'dérive des données');
    assert.equal(entry!.en, undefined, 'nothing French in the English fields');
    const draft = parseUserGlossary('f.json', result.text);
    assert.deepEqual(draft.problems.map((problem) => problem.severity), ['info']);
    assert.match(draft.problems[0]!.message, /Draft: write the definition of "dérive des données"/);
    assert.equal(draft.entries.length, 0);
    const written = parseUserGlossary('f.json', result.text.replace('"definition": ""', '"definition": "Les données changent."'));
    assert.deepEqual(written.problems, []);
    const concept = written.entries[0]!.concept;
    assert.equal(concept.en.term, 'dérive des données', 'the other language shows the same text');
    assert.equal(concept.en.definition, 'Les données changent.');
  });

  it('asks for at least one language, in one message', () => {
    const problems = parseUserGlossary('f.json', '[{"id": "x", "category": "foundations", "level": "beginner"}]').problems;
    assert.deepEqual(problems.map((problem) => problem.message), ['"x": the entry needs "fr" or "en" (or both), each with a term and a definition.']);
  });

  it('appends to an array without touching a byte of what was there', () => {
    const original = '[\n  // our own terms\n  {"id": "a",   "odd":   "spacing"}\n]\n';
    const result = insertEntry(original, entrySkeleton('drift', 'drift', 'en'), 'fr');
    assert.ok(result.text.startsWith(original.slice(0, original.lastIndexOf('}') + 1)), result.text);
    assert.ok(result.text.endsWith('\n]\n'));
    assert.equal(parseUserGlossary('f.json', result.text).problems.filter((p) => p.message.startsWith('Invalid JSON')).length, 0);
    assert.equal(entryIndexForTerm(result.text, 'DRIFT'), 1);
  });

  it('turns a one-concept file into an array around it', () => {
    const original = '{"id": "a", "x": 1}\n';
    const result = insertEntry(original, entrySkeleton('drift', 'drift', 'en'), 'en');
    assert.ok(result.text.includes('{"id": "a", "x": 1}'));
    assert.equal(JSON.parse(result.text).length, 2);
  });

  it('refuses a file that is not valid JSON rather than guess where to write', () => {
    assert.throws(() => insertEntry('[{"id": "a" "b": 1}]', entrySkeleton('x', 'x', 'en'), 'en'), /not valid JSON/);
  });

  it('reads a 10,000-deep file as one with no entries, and refuses to write in it, without overflowing the stack', () => {
    const deep = `[${'['.repeat(10_000)}${']'.repeat(10_000)}, {"id": "a", "en": {"term": "feature store", "definition": ""}}]`;
    assert.equal(entryIndexForTerm(deep, 'feature store'), undefined);
    assert.deepEqual([...idsInFile(deep)], []);
    assert.equal(entryIdAt(deep, 0), undefined);
    assert.equal(definitionOffset(deep, 0, 'en'), 0);
    assert.throws(() => insertEntry(deep, entrySkeleton('x', 'x', 'en'), 'en'), (error: Error) => !(error instanceof RangeError) && /levels deep/.test(error.message));
  });

  it('makes ids from terms, never one the glossary already has', () => {
    assert.equal(newConceptId('Feature Store', undefined), 'feature-store');
    assert.equal(newConceptId('Réseau résiduel', undefined), 'reseau-residuel');
    assert.equal(newConceptId('dropout', bundledGlossary()), 'dropout-2');
    assert.equal(newConceptId('x', undefined, new Set(['x'])), 'x-2');
    assert.equal(newConceptId('!!!', undefined), 'concept');
  });
  it("copies a bundled entry without the bundled file's $schema, a path that does not exist beside users' files", () => {
    const bundled = { id: 'dropout', $schema: '../concept.schema.json', category: 'training', contrasts: [{ with: 'x', en: 'e', fr: 'f' }], en: { term: 'dropout' } };
    const copy = overrideSkeleton(bundled as unknown as Concept);
    assert.equal('$schema' in copy, false);
    assert.equal('contrasts' in copy, false);
    assert.equal(copy.id, 'dropout');
    assert.doesNotMatch(insertEntry('', copy, 'en').text, /schema/);
  });
});
