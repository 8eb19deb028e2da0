import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Glossary } from '../core/glossary/glossary';
import { bundledDetails, loadBundledGlossary, readBundledConcepts } from '../core/glossary/load';
import { mergeUserGlossaries, parseUserGlossary } from '../core/glossary/userGlossary';
import { DocumentReading } from '../core/matching/reading';
import { decodeUtf8 } from '../core/text';

/** Figures printed by `bench --json`. Times in milliseconds. */
export interface BenchReport {
  glossary: { concepts: number; firstLoadMs: number; loadMs: number };
  lookupLine2000: LatencyFigures;
  lookupFile10000Lines: LatencyFigures & { totalMs: number };
  /** The bundled glossary plus a user glossary file of generated concepts, as the extension loads them. */
  withUserGlossary: { userConcepts: number; concepts: number; fileBytes: number; problems: number; firstLoadMs: number; loadMs: number; lookupLine2000: LatencyFigures };
  activationMs: number | null;
  vsixBytes: number | null;
}

export interface LatencyFigures {
  lookups: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** A small deterministic generator, so two runs measure the same text. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const FILLER = [
  'the model', 'on calcule', 'const x = compute(', 'le réseau apprend', 'we train it', 'return value;',
  'pour chaque couche', 'def forward(self, x):', 'une fois', 'with a batch of', 'et ensuite', '// TODO',
];

/** Text that mixes prose, code and glossary terms written as people write them. */
function sampleText(glossary: Glossary, length: number, random: () => number): string {
  const forms = glossary.concepts.flatMap((concept) => [concept.fr.term, concept.en.term, ...concept.en.aliases]);
  const identifiers = forms.map((form) => form.replace(/[\s-]+(\p{L})/gu, (_, ch: string) => ch.toUpperCase()));
  const words = [...FILLER, ...forms, ...identifiers, "l'affinage", 'self_attention'];
  let text = '';
  while (text.length < length) {
    text += `${words[Math.floor(random() * words.length)]} `;
  }
  return text.slice(0, length);
}

function percentile(sorted: Float64Array, fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}

function latency(samples: Float64Array): LatencyFigures {
  const sorted = Float64Array.from(samples).sort();
  const round = (ms: number) => Math.round(ms * 10000) / 10000;
  return {
    lookups: samples.length,
    p50Ms: round(percentile(sorted, 0.5)),
    p99Ms: round(percentile(sorted, 0.99)),
    maxMs: round(sorted[sorted.length - 1] ?? 0),
  };
}

/** One hover lookup, through the hovers' own path: the document's reading (its zones, machine-learning code or not). */
function timeLookup(reading: DocumentReading, line: number, offset: number): number {
  const start = process.hrtime.bigint();
  reading.conceptAt(line, offset);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** A Python file (code, `#` comments, strings), the harder path: zones, code names and senses all weigh in. */
const BENCH_LANGUAGE = 'python';

function benchLine(glossary: Glossary, random: () => number): LatencyFigures {
  const line = sampleText(glossary, 2000, random);
  const reading = new DocumentReading(glossary, line, BENCH_LANGUAGE);
  const samples = new Float64Array(20000);
  for (let i = 0; i < samples.length; i++) {
    samples[i] = timeLookup(reading, 0, Math.floor(random() * line.length));
  }
  return latency(samples);
}

function benchFile(glossary: Glossary, random: () => number): LatencyFigures & { totalMs: number } {
  const lines = Array.from({ length: 10000 }, () => sampleText(glossary, 20 + Math.floor(random() * 80), random));
  const samples = new Float64Array(lines.reduce((sum, line) => sum + line.length, 0));
  let index = 0;
  const started = process.hrtime.bigint();
  // Read once, as the extension does for a document's version; the reading's cost is part of the total.
  const reading = new DocumentReading(glossary, lines.join('\n'), BENCH_LANGUAGE);
  for (let line = 0; line < lines.length; line++) {
    for (let offset = 0; offset < lines[line]!.length; offset++) {
      samples[index++] = timeLookup(reading, line, offset);
    }
  }
  const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
  return { ...latency(samples), totalMs: Math.round(totalMs) };
}

/**
 * Times `load` six times in this process: the first run (cold: nothing compiled yet, as at the extension's
 * start) and the median of the five after it (the steady cost, as when a saved glossary is read again).
 */
function timeRuns<T>(load: () => T): { result: T; firstLoadMs: number; loadMs: number } {
  const runs: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < 6; i++) {
    const start = process.hrtime.bigint();
    result = load();
    runs.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const round = (ms: number) => Math.round(ms * 100) / 100;
  const [first, ...rest] = runs;
  rest.sort((a, b) => a - b);
  return { result: result!, firstLoadMs: round(first!), loadMs: round(rest[2]!) };
}

function timeLoad(glossaryFile: string): { glossary: Glossary; firstLoadMs: number; loadMs: number } {
  const { result, firstLoadMs, loadMs } = timeRuns(() => loadBundledGlossary(glossaryFile));
  return { glossary: result, firstLoadMs, loadMs };
}

/** The activation time the last integration run measured inside VS Code, if there was one. */
function readActivationMs(projectRoot: string): number | null {
  try {
    const results = JSON.parse(fs.readFileSync(path.join(projectRoot, 'test-results', 'integration-trusted.json'), 'utf8'));
    return typeof results.activationMs === 'number' ? results.activationMs : null;
  } catch {
    return null;
  }
}

function fileSize(file: string): number | null {
  return fs.existsSync(file) ? fs.statSync(file).size : null;
}

const SYLLABLES = ['ka', 'lo', 'vem', 'tri', 'sun', 'dra', 'pel', 'mor', 'ix', 'qua', 'ren', 'tol', 'bri', 'zen', 'fa', 'gu'];

function generatedWord(random: () => number): string {
  const count = 2 + Math.floor(random() * 3);
  return Array.from({ length: count }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join('');
}

/** A user glossary file of `count` concepts shaped like a team's entries: terms of 1-3 words, aliases, links. */
function generatedUserGlossary(count: number, bundledIds: readonly string[], random: () => number): string {
  const entries = Array.from({ length: count }, (_, index) => {
    const words = Array.from({ length: 1 + Math.floor(random() * 3) }, () => generatedWord(random));
    const term = `${words.join(' ')} ${index}`;
    const localized = (lang: string) => ({
      term: lang === 'fr' ? `${term} fr` : term,
      aliases: [`${words.join('')}${index}${lang}`, `${words[0]}-${index}-${lang}-alt`],
      definition: `Definition ${index} (${lang}) of a concept that a team wrote for its own project, one or two sentences long.`,
      explanation: `An explanation of ${term} in several sentences. `.repeat(12),
      example: `An example that uses ${term}.`,
    });
    return {
      id: `team-concept-${index}`,
      category: 'foundations',
      level: 'beginner',
      fr: localized('fr'),
      en: localized('en'),
      related: [bundledIds[index % bundledIds.length], `team-concept-${(index + 1) % count}`],
    };
  });
  return JSON.stringify(entries, null, 2);
}

function timeLoadWithUser(glossaryFile: string, userFile: string): { glossary: Glossary; problems: number; firstLoadMs: number; loadMs: number } {
  const { result, firstLoadMs, loadMs } = timeRuns(() => {
    const bundled = readBundledConcepts(glossaryFile);
    const parsed = parseUserGlossary(userFile, decodeUtf8(fs.readFileSync(userFile)));
    return mergeUserGlossaries(bundled, [parsed], bundledDetails(glossaryFile));
  });
  return { glossary: result.glossary, problems: result.problems.length, firstLoadMs, loadMs };
}

function benchUserGlossary(glossaryFile: string, bundled: Glossary, random: () => number): BenchReport['withUserGlossary'] {
  const userConcepts = 1000;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'concept-explainer-bench-'));
  const userFile = path.join(folder, 'concepts.json');
  try {
    fs.writeFileSync(userFile, generatedUserGlossary(userConcepts, bundled.concepts.map((concept) => concept.id), random));
    const { glossary, problems, firstLoadMs, loadMs } = timeLoadWithUser(glossaryFile, userFile);
    return { userConcepts, concepts: glossary.size, fileBytes: fs.statSync(userFile).size, problems, firstLoadMs, loadMs, lookupLine2000: benchLine(glossary, random) };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

export function runGlossaryBench(glossaryFile: string, projectRoot: string): BenchReport {
  const { glossary, firstLoadMs, loadMs } = timeLoad(glossaryFile);
  const random = seededRandom(42);
  // Loads are timed before the lookups fill the heap with their samples, whose collection would be timed too.
  const withUserGlossary = benchUserGlossary(glossaryFile, glossary, random);
  return {
    glossary: { concepts: glossary.size, firstLoadMs, loadMs },
    lookupLine2000: benchLine(glossary, random),
    lookupFile10000Lines: benchFile(glossary, random),
    withUserGlossary,
    activationMs: readActivationMs(projectRoot),
    vsixBytes: fileSize(path.join(projectRoot, 'concept-explainer.vsix')),
  };
}
