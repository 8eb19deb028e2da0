import { strict as assert } from 'node:assert';
import Ajv from 'ajv';
import { mergeUserGlossaries, parseUserGlossary, type UserGlossaryProblem } from '../../src/core/glossary/userGlossary';
import { editingSchema, userGlossaryFileSchema } from '../../src/core/glossary/userSchema';
import { makeConcept } from './fixtures';

const bundled = [
  makeConcept('attention', { fr: { term: 'attention', aliases: [], definition: 'Définition groupée.', explanation: '', example: '' }, related: ['token'] }),
  makeConcept('token', { related: ['attention'] }),
];

/** A user entry written the way a person would: only the required fields. */
function entry(id: string, term: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    category: 'foundations',
    level: 'beginner',
    fr: { term, definition: `${term}, dans notre équipe.` },
    en: { term, definition: `${term}, in our team.` },
    ...extra,
  };
}

function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  assert.ok(index >= 0, `${needle} is in the text`);
  return text.slice(0, index).split('\n').length - 1;
}

function messages(problems: readonly UserGlossaryProblem[]): string[] {
  return problems.map((problem) => `${problem.severity} ${problem.start.line}: ${problem.message}`);
}

describe('user glossaries', () => {
  it('adds new concepts and replaces bundled ones by id, and says where each comes from', () => {
    const text = JSON.stringify([entry('feature-store', 'feature store'), entry('attention', 'attention')], null, 2);
    const merged = mergeUserGlossaries(bundled, [parseUserGlossary('/w/.vscode/concepts.json', text)]);
    assert.deepEqual(merged.problems, []);
    assert.equal(merged.glossary.conceptAt('we use a feature_store here', 10)?.concept.id, 'feature-store');
    assert.equal(merged.glossary.get('attention')?.en.definition, 'attention, in our team.');
    assert.equal(merged.glossary.origin('attention')?.kind, 'override');
    assert.equal(merged.glossary.origin('feature-store')?.kind, 'user');
    assert.equal(merged.glossary.origin('token'), undefined);
    assert.equal(merged.glossary.size, 3);
  });

  it('reads a file holding a single concept, and fills in the optional parts', () => {
    const parsed = parseUserGlossary('one.json', JSON.stringify(entry('feature-store', 'feature store')));
    assert.equal(parsed.entries.length, 1);
    const concept = mergeUserGlossaries(bundled, [parsed]).glossary.get('feature-store')!;
    assert.deepEqual([concept.en.aliases, concept.en.explanation, concept.related], [[], '', []]);
  });

  it('reports invalid JSON at its line and still loads the entries it can read', () => {
    const text = [
      '[',
      '  {"id": "feature-store", "category": "foundations", "level": "beginner",',
      '   "fr": {"term": "magasin de caractéristiques", "definition": "Un magasin."},',
      '   "en": {"term": "feature store", "definition": "A store."}},',
      '  {"id": "broken" "category": "foundations"}',
      ']',
    ].join('\n');
    const merged = mergeUserGlossaries(bundled, [parseUserGlossary('f.json', text)]);
    assert.ok(merged.glossary.get('feature-store'), 'the valid entry loads');
    const syntax = merged.problems.find((problem) => problem.message.startsWith('Invalid JSON'));
    assert.ok(syntax, messages(merged.problems).join('\n'));
    assert.equal(syntax.start.line, 4);
    assert.equal(syntax.severity, 'error');
  });

  it('names a missing field at the line of the object that lacks it, and leaves that entry out', () => {
    const broken = entry('drift', 'drift');
    (broken.en as Record<string, unknown>).definition = undefined;
    const text = JSON.stringify([entry('feature-store', 'feature store'), broken], null, 2);
    const merged = mergeUserGlossaries(bundled, [parseUserGlossary('f.json', text)]);
    assert.equal(merged.glossary.get('drift'), undefined);
    assert.ok(merged.glossary.get('feature-store'));
    assert.deepEqual(messages(merged.problems), [`error ${lineOf(text, '"en": {\n      "term": "drift"')}: "drift": en.definition is missing.`]);
  });

  it('points at a wrong value and at an unknown field', () => {
    const text = JSON.stringify([entry('drift', 'drift', { level: 'expert', colour: 'red' })], null, 2);
    const problems = messages(parseUserGlossary('f.json', text).problems);
    assert.deepEqual(problems.sort(), [
      `error ${lineOf(text, '"colour"')}: "drift": colour is not a known field.`,
      `error ${lineOf(text, '"expert"')}: "drift": level must be one of: beginner, advanced.`,
    ]);
  });

  it('loads an entry whose link is unknown, without the link, and warns at that line', () => {
    const text = JSON.stringify([entry('drift', 'drift', { related: ['token', 'no-such-concept'] })], null, 2);
    const merged = mergeUserGlossaries(bundled, [parseUserGlossary('f.json', text)]);
    assert.deepEqual(merged.glossary.get('drift')?.related, ['token']);
    assert.deepEqual(messages(merged.problems), [
      `warning ${lineOf(text, '"no-such-concept"')}: "drift": unknown concept id "no-such-concept"; this link is ignored.`,
    ]);
  });

  it('warns about a term another concept already claims; hovers keep showing the bundled concept', () => {
    const text = JSON.stringify([entry('my-attention', 'attention head', { en: { term: 'attention head', aliases: ['token en'], definition: 'A head.' } })], null, 2);
    const merged = mergeUserGlossaries(bundled, [parseUserGlossary('f.json', text)]);
    assert.deepEqual(messages(merged.problems), [
      `warning ${lineOf(text, '"token en"')}: "my-attention": "token en" is already a en term of "token"; hovers on it show "token".`,
    ]);
    assert.equal(merged.glossary.conceptAt('a token en', 3)?.concept.id, 'token');
    assert.equal(merged.glossary.conceptAt('an attention head', 5)?.concept.id, 'my-attention');
  });

  it('keeps the first definition of an id defined in two user files', () => {
    const first = parseUserGlossary('/a.json', JSON.stringify(entry('drift', 'drift')));
    const second = parseUserGlossary('/b.json', JSON.stringify([entry('drift', 'data drift')], null, 2));
    const merged = mergeUserGlossaries(bundled, [first, second]);
    assert.equal(merged.glossary.get('drift')?.en.term, 'drift');
    assert.deepEqual(
      merged.problems.map((problem) => [problem.file, problem.start.line, problem.message]),
      [['/b.json', 2, '"drift": "drift" is already defined in /a.json:1; this entry is ignored.']],
    );
  });

  it('says what a file must hold when it is neither an object nor an array', () => {
    assert.match(parseUserGlossary('f.json', '"hello"').problems[0]!.message, /one concept \(an object\) or an array/);
    assert.deepEqual(parseUserGlossary('f.json', '').problems, []);
    assert.deepEqual(parseUserGlossary('f.json', '[]').entries, []);
  });

  it('contributes a file schema that accepts what the loader accepts and rejects what it rejects', () => {
    const validate = new Ajv().compile(userGlossaryFileSchema());
    assert.ok(validate([entry('drift', 'drift')]));
    assert.ok(validate(entry('drift', 'drift')));
    assert.ok(!validate([entry('drift', 'drift', { level: 'expert' })]));
    assert.ok(!validate([{ id: 'drift' }]));
  });

  it('gives VS Code a schema that completes and describes every field but reports nothing, so no mistake shows twice', () => {
    const editing = editingSchema();
    const validate = new Ajv({ strict: false }).compile(editing as object);
    for (const wrong of [[{ id: 'drift' }], [entry('drift', 'drift', { level: 'expert' })], 42, 'x', [{ fr: 3 }]]) {
      assert.ok(validate(wrong), JSON.stringify(wrong));
    }
    const text = JSON.stringify(editing);
    for (const field of ['"id"', '"category"', '"level"', '"term"', '"aliases"', '"definition"', '"explanation"', '"sections"', '"related"']) {
      assert.ok(text.includes(field), `${field} is completed`);
    }
    assert.ok(text.includes('"beginner"'), 'the allowed levels are offered as completions');
    assert.ok(text.includes('"description"'), 'fields keep their descriptions for hovers');
  });
});
