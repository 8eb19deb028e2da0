import { strict as assert } from 'node:assert';
import { parseUserGlossary } from '../../src/core/glossary/userGlossary';
import { entryIndexForTerm, entrySkeleton, insertEntry, newConceptId } from '../../src/core/glossary/userGlossaryEdit';
import { bundledGlossary } from './bundled';

describe('adding an entry to a user glossary', () => {
  it('creates an array in an empty file, with the cursor inside the definition', () => {
    const result = insertEntry('', entrySkeleton('feature store', 'feature-store'), 'en');
    assert.equal(JSON.parse(result.text)[0].id, 'feature-store');
    assert.equal(result.text.slice(result.cursor - 15, result.cursor + 1), '"definition": ""');
    const before = result.text.slice(0, result.cursor);
    assert.ok(before.lastIndexOf('"en"') > before.lastIndexOf('"fr"'), 'the cursor is in the English entry');
  });

  it('appends to an array without touching a byte of what was there', () => {
    const original = '[\n  // our own terms\n  {"id": "a",   "odd":   "spacing"}\n]\n';
    const result = insertEntry(original, entrySkeleton('drift', 'drift'), 'fr');
    assert.ok(result.text.startsWith(original.slice(0, original.lastIndexOf('}') + 1)), result.text);
    assert.ok(result.text.endsWith('\n]\n'));
    assert.equal(parseUserGlossary('f.json', result.text).problems.filter((p) => p.message.startsWith('Invalid JSON')).length, 0);
    assert.equal(entryIndexForTerm(result.text, 'DRIFT'), 1);
  });

  it('turns a one-concept file into an array around it', () => {
    const original = '{"id": "a", "x": 1}\n';
    const result = insertEntry(original, entrySkeleton('drift', 'drift'), 'en');
    assert.ok(result.text.includes('{"id": "a", "x": 1}'));
    assert.equal(JSON.parse(result.text).length, 2);
  });

  it('refuses a file that is not valid JSON rather than guess where to write', () => {
    assert.throws(() => insertEntry('[{"id": "a" "b": 1}]', entrySkeleton('x', 'x'), 'en'), /not valid JSON/);
  });

  it('makes ids from terms, never one the glossary already has', () => {
    assert.equal(newConceptId('Feature Store', undefined), 'feature-store');
    assert.equal(newConceptId('Réseau résiduel', undefined), 'reseau-residuel');
    assert.equal(newConceptId('dropout', bundledGlossary()), 'dropout-2');
    assert.equal(newConceptId('x', undefined, new Set(['x'])), 'x-2');
    assert.equal(newConceptId('!!!', undefined), 'concept');
  });
});
