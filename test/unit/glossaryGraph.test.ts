import { strict as assert } from 'node:assert';
import { Glossary } from '../../src/core/glossary/glossary';
import { dependentsOf, learningPath } from '../../src/core/glossary/graph';
import { buildConceptView } from '../../src/core/present/conceptView';
import { mergeUserGlossaries, parseUserGlossary } from '../../src/core/glossary/userGlossary';
import { makeConcept } from './fixtures';

const glossary = new Glossary([
  makeConcept('machine-learning'),
  makeConcept('neural-network', { prerequisites: ['machine-learning'] }),
  makeConcept('linear-algebra'),
  makeConcept('attention', { prerequisites: ['neural-network', 'linear-algebra'] }),
  makeConcept('self-attention', { prerequisites: ['attention'], level: 'advanced' }),
  makeConcept('transformer', { prerequisites: ['self-attention', 'neural-network'], level: 'advanced' }),
  makeConcept('embedding', { prerequisites: ['neural-network'] }),
]);

const ids = (concepts: ReadonlyArray<{ id: string }>) => concepts.map((concept) => concept.id);

describe('concept graph', () => {
  it('gives a path from the basics in which every step is a prerequisite of the next', () => {
    assert.deepEqual(ids(learningPath(glossary, 'transformer')), ['machine-learning', 'neural-network', 'attention', 'self-attention']);
    assert.deepEqual(ids(learningPath(glossary, 'machine-learning')), []);
  });

  it('bounds the path and survives a cycle that a user glossary may create', () => {
    const cyclic = new Glossary([makeConcept('a', { prerequisites: ['b'] }), makeConcept('b', { prerequisites: ['a'] })]);
    assert.deepEqual(ids(learningPath(cyclic, 'a')), ['b']);
    assert.equal(learningPath(glossary, 'transformer', 2).length, 2);
  });

  it('walks 3,000 entries that each need the two before them without overflowing the stack, and quickly', () => {
    const chain = Array.from({ length: 3_000 }, (_, i) => makeConcept(`step-${i}`, { prerequisites: i === 0 ? [] : i === 1 ? ['step-0'] : [`step-${i - 1}`, `step-${i - 2}`] }));
    const long = new Glossary(chain);
    const started = performance.now();
    const path = learningPath(long, 'step-2999');
    const view = buildConceptView(long, long.get('step-2999')!, 'en');
    assert.ok(performance.now() - started < 5_000);
    assert.deepEqual(ids(path), ['step-2993', 'step-2994', 'step-2995', 'step-2996', 'step-2997', 'step-2998']);
    assert.equal(view.learningPath.length, 6);
    assert.deepEqual(ids(dependentsOf(long, 'step-0')), ['step-1', 'step-2']);
    const hub = new Glossary([makeConcept('hub'), ...Array.from({ length: 20_000 }, (_, i) => makeConcept(`leaf-${i}`, { prerequisites: ['hub'] }))]);
    const listed = performance.now();
    assert.equal(dependentsOf(hub, 'hub').length, 20_000);
    assert.ok(performance.now() - listed < 5_000, 'what 20,000 entries build on is listed in linear time');
  });

  it('renders at most 20,000 characters of a 313 KB explanation', () => {
    const hostile = new Glossary([makeConcept('big', { en: { term: 'big', aliases: [], definition: 'Big.', explanation: '![a "'.repeat(80_000), example: '' } })]);
    const started = performance.now();
    const view = buildConceptView(hostile, hostile.get('big')!, 'en');
    assert.ok(performance.now() - started < 2_000, `${Math.round(performance.now() - started)} ms`);
    assert.ok(view.explanationHtml.length < 100_000, `${view.explanationHtml.length} characters of HTML`);
  });

  it('lists what a concept opens the way to, beginner concepts first', () => {
    assert.deepEqual(ids(dependentsOf(glossary, 'neural-network')), ['attention', 'embedding', 'transformer']);
    assert.deepEqual(ids(dependentsOf(glossary, 'transformer')), []);
  });

  it('puts the path and what to read next in the panel view', () => {
    const view = buildConceptView(glossary, glossary.get('attention')!, 'en');
    assert.deepEqual(view.learningPath.map((link) => link.id), ['machine-learning', 'neural-network']);
    assert.deepEqual(view.next.map((link) => link.id), ['self-attention']);
    assert.equal(view.origin, undefined);
  });

  it('names the category and level in the language shown', () => {
    const french = buildConceptView(glossary, glossary.get('self-attention')!, 'fr');
    assert.deepEqual([french.category, french.level], ['Fondements', 'avancé']);
    const english = buildConceptView(glossary, glossary.get('attention')!, 'en');
    assert.deepEqual([english.category, english.level], ['Foundations', 'beginner']);
  });

  it('marks user concepts and shows their Markdown as plain text when asked (Restricted Mode)', () => {
    const entry = {
      id: 'team-term', category: 'foundations', level: 'beginner',
      fr: { term: 'terme maison', definition: 'Un terme.', explanation: '[clic](https://example.com) **gras**' },
      en: { term: 'team term', definition: 'A term.', explanation: '[click](https://example.com) **bold**' },
    };
    const merged = mergeUserGlossaries(glossary.concepts, [parseUserGlossary('/w/.vscode/concepts.json', JSON.stringify([entry]))]).glossary;
    const concept = merged.get('team-term')!;
    const trusted = buildConceptView(merged, concept, 'en', { displayFile: () => '.vscode/concepts.json', plainText: false });
    assert.match(trusted.explanationHtml, /<a href="https:\/\/example.com">/);
    assert.deepEqual(trusted.origin, { kind: 'user', file: '.vscode/concepts.json', plainText: false });
    const restricted = buildConceptView(merged, concept, 'en', { displayFile: (file) => file, plainText: true });
    assert.equal(restricted.explanationHtml, '<p>[click](https://example.com) **bold**</p>');
    assert.equal(restricted.origin?.plainText, true);
    const bundled = buildConceptView(merged, merged.get('attention')!, 'en', { displayFile: (file) => file, plainText: true });
    assert.equal(bundled.origin, undefined, 'bundled concepts stay rendered');
  });
});
