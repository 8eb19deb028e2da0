import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readUserFile } from '../../src/core/glossary/userFiles';
import { mergeUserGlossaries, nestingDepth, parseUserGlossary, USER_GLOSSARY_LIMITS } from '../../src/core/glossary/userGlossary';
import { bundledGlossary } from './bundled';

const ENTRY = { id: 'feature-store', category: 'data-deployment', level: 'beginner', fr: { term: 'magasin', definition: 'Le service.' }, en: { term: 'feature store', definition: 'The service.' } };

describe('hostile user glossary files', () => {
  let dir: string;
  let workspace: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'user-files-'));
    workspace = path.join(dir, 'workspace');
    fs.mkdirSync(workspace);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const rules = (confine = false) => ({ maxBytes: 1024 * 1024, ...(confine && { confineTo: [fs.realpathSync(workspace)] }) });

  it('refuses a link to a device such as /dev/zero, without reading it', async () => {
    const link = path.join(workspace, 'zero.json');
    fs.symlinkSync('/dev/zero', link);
    const read = await readUserFile(link, rules());
    assert.ok('problem' in read && /not a regular file/.test(read.problem.message), JSON.stringify(read));
  });

  it('in Restricted Mode, refuses a link that leaves the workspace; a trusted one follows it', async () => {
    const outside = path.join(dir, 'secret.json');
    fs.writeFileSync(outside, JSON.stringify(ENTRY));
    const link = path.join(workspace, 'concepts.json');
    fs.symlinkSync(outside, link);
    const confined = await readUserFile(link, rules(true));
    assert.ok('problem' in confined && /Restricted Mode/.test(confined.problem.message), JSON.stringify(confined));
    assert.ok('text' in (await readUserFile(link, rules())));
  });

  it('reports a loop of links and a file over the size limit as that file’s own problem', async () => {
    const a = path.join(workspace, 'a.json');
    const b = path.join(workspace, 'b.json');
    fs.symlinkSync(b, a);
    fs.symlinkSync(a, b);
    const loop = await readUserFile(a, rules());
    assert.ok('problem' in loop && /loop/.test(loop.problem.message));
    const big = path.join(workspace, 'big.json');
    fs.writeFileSync(big, ' '.repeat(4096));
    const read = await readUserFile(big, { maxBytes: 1024 });
    assert.ok('problem' in read && /maxFileSizeKB/.test(read.problem.message));
    assert.deepEqual(await readUserFile(path.join(workspace, 'none.json'), rules()), { missing: true });
  });

  it('rejects deep nesting before parsing (no stack overflow), and accepts a byte-order mark', () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    assert.equal(nestingDepth(deep), 5000);
    const parsed = parseUserGlossary('/x/deep.json', deep);
    assert.equal(parsed.entries.length, 0);
    assert.match(parsed.problems[0]!.message, /5000 levels deep/);
    assert.equal(nestingDepth('["[[[", {"a": "{{"}]'), 2, 'brackets inside strings do not count');
    const bom = parseUserGlossary('/x/bom.json', `\uFEFF${JSON.stringify(ENTRY)}`);
    assert.deepEqual([bom.entries.length, bom.problems.length], [1, 0]);
  });

  it('lists at most a hundred problems a file, and says how many more there are', () => {
    const invalid = JSON.stringify(Array.from({ length: 1000 }, (_, i) => ({ id: `x${i}` })));
    const parsed = parseUserGlossary('/x/invalid.json', invalid);
    assert.equal(parsed.problems.length, USER_GLOSSARY_LIMITS.problems + 1);
    assert.match(parsed.problems.at(-1)!.message, /more problems/);
  });

  it('reports a hundred of an entry’s 200,000 unknown links, quickly and without overflowing the stack', () => {
    const links = Array.from({ length: 200_000 }, (_, i) => `unknown-${i}`);
    const text = JSON.stringify([{ ...ENTRY, related: links, prerequisites: links.slice(0, 1000) }]);
    const bundled = bundledGlossary().concepts;
    const started = performance.now();
    const merged = mergeUserGlossaries(bundled, [parseUserGlossary('/x/links.json', text)]);
    const ms = performance.now() - started;
    assert.equal(merged.problems.length, USER_GLOSSARY_LIMITS.problems + 1);
    assert.match(merged.problems.at(-1)!.message, /200900 more problems/);
    assert.deepEqual(merged.glossary.get(ENTRY.id)?.related, [], 'the entry loads, without its broken links');
    assert.ok(ms < 10_000, `merging took ${Math.round(ms)} ms`);
  });

  it('reports a hundred of an entry’s 200,000 wrong-typed links without overflowing the stack', () => {
    const parsed = parseUserGlossary('/x/typed.json', JSON.stringify([{ ...ENTRY, related: Array.from({ length: 200_000 }, (_, i) => i) }]));
    assert.ok(parsed.problems.length <= USER_GLOSSARY_LIMITS.problems + 1);
    assert.equal(parsed.entries.length, 0);
  });
});
