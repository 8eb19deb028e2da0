import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const CLI = path.resolve(__dirname, '../../dist/cli.js');

function cli(...args: string[]) {
  assert.ok(fs.existsSync(CLI), 'dist/cli.js is missing: run "npm run build" first (npm test does)');
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('command line', () => {
  it('ends quietly when its reader stops early (`| head`)', () => {
    const result = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" list | head -c 10 > /dev/null; echo "\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    assert.equal(result.stdout.trim(), '0', result.stderr);
    assert.doesNotMatch(result.stderr, /EPIPE/);
  });

  it('explains a French term as JSON in French', () => {
    const { code, stdout } = cli('explain', 'auto-attention', '--json');
    assert.equal(code, 0);
    const json = JSON.parse(stdout);
    assert.deepEqual(Object.keys(json), ['id', 'lang', 'term', 'aliases', 'definition', 'explanation', 'sections', 'related']);
    assert.equal(json.id, 'self-attention');
    assert.equal(json.lang, 'fr');
    assert.ok(json.related.includes('transformer'));
    assert.match(json.sections.how, /requête/, 'the sections come from the details file');
    assert.deepEqual(Object.keys(json.sections), ['how', 'why', 'limits', 'history', 'intuition']);
  });

  it('answers in the language asked for', () => {
    const json = JSON.parse(cli('explain', "l'affinage", '--lang', 'en', '--json').stdout);
    assert.equal(json.id, 'fine-tuning');
    assert.equal(json.lang, 'en');
    assert.match(json.term, /fine-tuning/i);
  });

  it('finds the longest term inside a sentence', () => {
    const json = JSON.parse(cli('explain', 'on utilise le RLHF pour aligner un grand modèle de langage', '--json').stdout);
    assert.equal(json.id, 'large-language-model');
  });

  it('prints a readable explanation without --json', () => {
    const { code, stdout } = cli('explain', 'selfAttention');
    assert.equal(code, 0);
    assert.match(stdout, /^Self-attention/i);
    assert.match(stdout, /Example: /);
  });

  it('exits 1 with the closest concepts on stderr when nothing matches', () => {
    const { code, stdout, stderr } = cli('explain', 'tranformeur');
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.match(stderr, /No concept found for "tranformeur"/);
    assert.match(stderr, /\(transformer\)/);
  });

  it('exits 2 with the usage on a mistake', () => {
    assert.equal(cli('explain').code, 2);
    assert.equal(cli('explain', 'gpt', '--lang', 'de').code, 2);
    assert.equal(cli('frobnicate').code, 2);
  });

  it('refuses an option the command does not know, and explains each command with --help', () => {
    const bogus = cli('explain', 'gpt', '--bogus');
    assert.equal(bogus.code, 2);
    assert.match(bogus.stderr, /unknown option --bogus/);
    assert.equal(cli('list', '--json=yes').code, 2, 'a switch takes no value');
    const help = cli('ask', '--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: concept-explainer ask "<question>"/);
    assert.match(cli('--help').stdout, /concept-explainer chat/);
  });

  it('loads a team glossary with --glossary exactly as VS Code does, problems on stderr at file:line:column', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-glossary-'));
    const file = path.join(dir, 'team.json');
    fs.writeFileSync(file, JSON.stringify([{ id: 'house-question-set', category: 'evaluation', level: 'beginner', fr: { term: 'jeu maison de questions', definition: 'Nos questions relues.' }, en: { term: 'house question set', definition: 'Our reviewed questions.' } }, { id: 'half' }], null, 2));
    const { code, stdout, stderr } = cli('explain', 'house question set', '--json', '--glossary', file);
    assert.equal(code, 0);
    assert.equal(JSON.parse(stdout).definition, 'Our reviewed questions.');
    assert.match(stderr, /team\.json:\d+:\d+: error: "half": category is missing/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints glossary text without the terminal control characters it holds (clear screen, clipboard, C1 CSI)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-escapes-'));
    const file = path.join(dir, 'team.json');
    const clear = '\u001b[2J\u001b[H';
    const clipboard = '\u001b]52;c;ZWNobyBwd25lZA==\u0007';
    const hostile = `${clear}Trap${clipboard}\u009b31m\r\u202e`;
    fs.writeFileSync(file, JSON.stringify([{
      id: 'trap-term', category: 'foundations', level: 'beginner', related: ['gone-away'],
      en: { term: 'trap term', definition: `A definition ${hostile} that clears the screen.`, explanation: hostile, example: hostile },
    }, { id: 'broken', [`field${clipboard}`]: true }]));
    for (const args of [['explain', 'trap term'], ['explain', 'trap term', '--json'], ['explain', 'trap termz']]) {
      const { stdout, stderr } = cli(...args, '--glossary', file);
      // eslint-disable-next-line no-control-regex -- the characters a terminal acts on
      const control = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
      assert.doesNotMatch(stdout, control, args.join(' '));
      assert.doesNotMatch(stderr, control, args.join(' '));
      if (args.length === 2 && args[1] === 'trap term') assert.match(stdout, /A definition \[2J\[HTrap\]52;c;ZWNobyBwd25lZA==31m that clears the screen\./);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists every concept with both languages', () => {
    const rows = JSON.parse(cli('list', '--json').stdout);
    assert.ok(rows.length >= 60);
    const gpt = rows.find((row: { id: string }) => row.id === 'gpt');
    assert.deepEqual(Object.keys(gpt), ['id', 'category', 'level', 'fr', 'en', 'related', 'prerequisites']);
    assert.ok(gpt.fr.definition.length > 20 && gpt.en.definition.length > 20);
  });

  it('benchmarks the glossary alone and with a generated user glossary of 1,000 concepts', function () {
    this.timeout(600_000);
    const { code, stdout } = cli('bench', '--json', '--no-model');
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    assert.ok(report.glossary.concepts >= 200);
    for (const figures of [report.glossary, report.withUserGlossary]) {
      assert.ok(figures.loadMs > 0 && figures.firstLoadMs > 0);
    }
    assert.deepEqual(
      [report.withUserGlossary.userConcepts, report.withUserGlossary.concepts, report.withUserGlossary.problems],
      [1000, report.glossary.concepts + 1000, 0],
    );
    assert.ok(report.withUserGlossary.lookupLine2000.p99Ms > 0);
    assert.match(report.hostile.glossary50Mb.outcome, /^refused/);
    assert.match(report.hostile.drippingServer.outcome, /^timeout/);
    assert.equal(report.hostile.endlessServer.outcome, '64000 characters kept');
    assert.match(report.hostile.redirectingServer.outcome, /reaching the other host: 0$/);
    assert.match(report.hostile.explanationBrackets.outcome, /passages$/);
    assert.match(report.hostile.savedTurns.outcome, /^200 of 10000 turns restored/);
    assert.match(report.hostile.unknownLinks.outcome, /200000 links: 101 problems$/);
    assert.match(report.hostile.searchAtCap.outcome, /^15 searches/);
    assert.match(report.hostile.conceptsMegabyte.outcome, /^gpt/);
    for (const figures of Object.values(report.hostile) as Array<{ extraRssMb: number; eventLoopMaxMs: number }>) {
      assert.ok(figures.extraRssMb < 200, JSON.stringify(figures));
    }
  });
});
