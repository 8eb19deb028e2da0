import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Glossary } from '../core/glossary/glossary';
import { loadBundledGlossary } from '../core/glossary/load';

/** Figures printed by `bench --json`. Times in milliseconds. */
export interface BenchReport {
  glossary: { concepts: number; loadMs: number };
  lookupLine2000: LatencyFigures;
  lookupFile10000Lines: LatencyFigures & { totalMs: number };
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

function timeLookup(glossary: Glossary, line: string, offset: number): number {
  const start = process.hrtime.bigint();
  glossary.conceptAt(line, offset);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function benchLine(glossary: Glossary, random: () => number): LatencyFigures {
  const line = sampleText(glossary, 2000, random);
  const samples = new Float64Array(20000);
  for (let i = 0; i < samples.length; i++) {
    samples[i] = timeLookup(glossary, line, Math.floor(random() * line.length));
  }
  return latency(samples);
}

function benchFile(glossary: Glossary, random: () => number): LatencyFigures & { totalMs: number } {
  const lines = Array.from({ length: 10000 }, () => sampleText(glossary, 20 + Math.floor(random() * 80), random));
  const samples = new Float64Array(lines.reduce((sum, line) => sum + line.length, 0));
  let index = 0;
  const started = process.hrtime.bigint();
  for (const line of lines) {
    for (let offset = 0; offset < line.length; offset++) {
      samples[index++] = timeLookup(glossary, line, offset);
    }
  }
  const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
  return { ...latency(samples), totalMs: Math.round(totalMs) };
}

function timeLoad(glossaryFile: string): { glossary: Glossary; loadMs: number } {
  const runs: number[] = [];
  let glossary: Glossary | undefined;
  for (let i = 0; i < 5; i++) {
    const start = process.hrtime.bigint();
    glossary = loadBundledGlossary(glossaryFile);
    runs.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  runs.sort((a, b) => a - b);
  return { glossary: glossary!, loadMs: Math.round(runs[2]! * 100) / 100 };
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

export function runGlossaryBench(glossaryFile: string, projectRoot: string): BenchReport {
  const { glossary, loadMs } = timeLoad(glossaryFile);
  const random = seededRandom(42);
  return {
    glossary: { concepts: glossary.size, loadMs },
    lookupLine2000: benchLine(glossary, random),
    lookupFile10000Lines: benchFile(glossary, random),
    activationMs: readActivationMs(projectRoot),
    vsixBytes: fileSize(path.join(projectRoot, 'concept-explainer.vsix')),
  };
}
