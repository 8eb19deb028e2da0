import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Glossary } from '../core/glossary/glossary';
import { coverageFigures, judgeFile, kindOf, type CoverageFigures, type CoverageKind, type FileJudgement, type GoldFile, type Prediction } from '../core/matching/coverage';
import { fileHits, languageOfFile, notebookCells, type FileHit } from '../core/matching/documents';
import type { ParsedArgs } from './args';
import type { CliOutput } from './explain';

/** The floors the figures are held to (issue 17). */
export const COVERAGE_FLOORS = { recall: 0.92, precision: 0.97, missingShare: 0.05 } as const;

export function coverageCorpus(dist: string): string {
  return path.join(dist, '..', 'training', 'eval', 'coverage');
}

/** The gold files of a corpus folder (`<file>.gold.json` beside each file), in name order. */
export function readGoldFiles(folder: string): GoldFile[] {
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.gold.json'))
    .sort()
    .map((name) => JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8')) as GoldFile);
}

/** What the hovers of one corpus file show, as predictions of the kind of text each is in. */
export function predictionsFor(glossary: Glossary, gold: GoldFile, text: string): Prediction[] {
  const language = languageOfFile(gold.file) ?? 'plaintext';
  const { hits } = fileHits(glossary, text, language);
  const cellKinds = language === 'notebook' ? notebookCells(text).map((cell) => cell.kind) : [];
  const prose: CoverageKind = gold.lang === 'fr' ? 'french-prose' : 'english-prose';
  const kind = (hit: FileHit): CoverageKind => (hit.cell === undefined ? kindOf(gold, {}) : cellKinds[hit.cell] === 'markdown' ? prose : 'python');
  return hits.map((hit) => ({
    ...(hit.cell !== undefined && { cell: hit.cell }),
    line: hit.line + 1,
    column: hit.start + 1,
    endColumn: hit.end + 1,
    text: hit.text,
    id: hit.concept.id,
    kind: kind(hit),
  }));
}

export interface CoverageReport {
  corpus: string;
  files: Array<{ file: string; recall: number | null; precision: number | null }>;
  all: CoverageFigures;
  byKind: Partial<Record<CoverageKind, CoverageFigures>>;
  floors: typeof COVERAGE_FLOORS;
}

/** Judges every file of the corpus against its gold file. */
export function evaluateCoverage(glossary: Glossary, folder: string): { report: CoverageReport; judgements: FileJudgement[] } {
  const has = (id: string) => glossary.get(id) !== undefined;
  const judgements: FileJudgement[] = [];
  const files: CoverageReport['files'] = [];
  for (const gold of readGoldFiles(folder)) {
    const text = fs.readFileSync(path.join(folder, gold.file), 'utf8');
    const judgement = judgeFile(gold, predictionsFor(glossary, gold, text), has);
    judgements.push(judgement);
    const { all } = coverageFigures([judgement]);
    files.push({ file: gold.file, recall: all.recall, precision: all.precision });
  }
  return { report: { corpus: folder, files, ...coverageFigures(judgements), floors: COVERAGE_FLOORS }, judgements };
}

const percent = (value: number | null) => (value === null ? '-' : `${(value * 100).toFixed(1)} %`);

/**
 * `eval coverage`: recall on the gold mentions of concepts the glossary has, precision on every concept shown,
 * and the share of gold concepts the glossary lacks, by kind of text. `--details FILE` writes each mention
 * not found and each wrong match, one JSON object a line.
 */
export function runCoverage(glossary: Glossary, args: ParsedArgs, io: CliOutput, defaultFolder: string): number {
  const corpus = args.flags.get('corpus');
  const folder = typeof corpus === 'string' ? path.resolve(corpus) : defaultFolder;
  const { report, judgements } = evaluateCoverage(glossary, folder);
  const details = args.flags.get('details');
  if (typeof details === 'string') {
    const lines = judgements.flatMap((judgement) => [...judgement.misses.map((miss) => ({ problem: 'not found', ...miss })), ...judgement.wrong.map((miss) => ({ problem: 'wrong', ...miss }))]);
    fs.writeFileSync(details, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
  }
  if (args.flags.has('json')) {
    io.out(JSON.stringify(report));
    return 0;
  }
  io.out(`coverage of ${report.corpus} (${report.files.length} files)`);
  io.out('kind            recall (found/mentions)     precision (correct/matches)   concepts the glossary lacks');
  for (const [kind, figures] of [...Object.entries(report.byKind), ['all', report.all] as const]) {
    if (!figures) continue;
    io.out(
      `${kind.padEnd(15)} ${percent(figures.recall).padStart(7)} (${figures.found}/${figures.mentions})`.padEnd(44) +
        `${percent(figures.precision).padStart(7)} (${figures.correct}/${figures.matches})`.padEnd(30) +
        `${percent(figures.missingShare)} (${figures.missingConcepts}/${figures.goldConcepts})`,
    );
  }
  return 0;
}
