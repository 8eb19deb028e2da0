/**
 * The coverage benchmark's judgements: how the concepts a file shows on hover compare with the mentions a
 * learner would hover (a gold file written by hand before the matcher ran on the text).
 */

/** The kinds of text the figures are given for. */
export const COVERAGE_KINDS = ['french-prose', 'english-prose', 'python', 'other'] as const;
export type CoverageKind = (typeof COVERAGE_KINDS)[number];

/** One mention of a gold file: line and column from 1 (a notebook's cell from 0). */
export interface GoldMention {
  readonly cell?: number;
  readonly line: number;
  readonly column: number;
  readonly text: string;
  /** The concept a learner expects; `also`: other concepts that answer as well. */
  readonly concept: string;
  readonly also?: readonly string[];
  /** Neither required nor counted against a match of one of its concepts. */
  readonly optional?: boolean;
  /** The glossary lacked the concept when the gold was written: `concept` is the id proposed for it. */
  readonly missing?: boolean;
  /** The kind of this mention, in a file of several (a notebook's Markdown and code cells). */
  readonly kind?: CoverageKind;
}

/** A gold file: `kind` is the file's kind, or `notebook` (Markdown cells are prose in `lang`, code cells Python). */
export interface GoldFile {
  readonly file: string;
  readonly kind: CoverageKind | 'notebook';
  readonly lang: 'fr' | 'en';
  readonly mentions: readonly GoldMention[];
}

/** A concept the matcher showed: line from 1, columns from 1 (`endColumn` after the last character). */
export interface Prediction {
  readonly cell?: number;
  readonly line: number;
  readonly column: number;
  readonly endColumn: number;
  readonly text: string;
  readonly id: string;
  /** The kind of text it is in. */
  readonly kind: CoverageKind;
}

/** The figures of one kind, or of all. Shares are from 0 to 1 (`null` when there is nothing to divide). */
export interface CoverageFigures {
  /** Required mentions of concepts the glossary has. */
  mentions: number;
  found: number;
  recall: number | null;
  /** Every concept shown on hover. */
  matches: number;
  correct: number;
  precision: number | null;
  /** Distinct concepts of the required mentions, and those the glossary lacks. */
  goldConcepts: number;
  missingConcepts: number;
  missingShare: number | null;
  /** Required mentions of concepts the glossary lacks (not in `mentions`). */
  missingMentions: number;
}

/** A mention not found, or a match that is wrong, for the details file. */
export interface CoverageMiss {
  readonly file: string;
  readonly cell?: number;
  readonly line: number;
  readonly column: number;
  readonly text: string;
  readonly expected: readonly string[];
  /** What the hover shows there instead (nothing, or another concept). */
  readonly shown: readonly string[];
  readonly kind: CoverageKind;
}

export interface FileJudgement {
  readonly tallies: Map<CoverageKind, Tally>;
  readonly misses: CoverageMiss[];
  readonly wrong: CoverageMiss[];
}

interface Tally {
  mentions: number;
  found: number;
  matches: number;
  correct: number;
  concepts: Set<string>;
  missing: Set<string>;
  missingMentions: number;
}

function emptyTally(): Tally {
  return { mentions: 0, found: 0, matches: 0, correct: 0, concepts: new Set(), missing: new Set(), missingMentions: 0 };
}

/** The kind of a mention of a gold file. */
export function kindOf(gold: GoldFile, mention: Pick<GoldMention, 'kind'>): CoverageKind {
  if (mention.kind) return mention.kind;
  return gold.kind === 'notebook' ? 'python' : gold.kind;
}

function overlaps(mention: GoldMention, prediction: Prediction): boolean {
  return (
    mention.cell === prediction.cell &&
    mention.line === prediction.line &&
    prediction.column < mention.column + mention.text.length &&
    mention.column < prediction.endColumn
  );
}

/**
 * Judges one file: a required mention of a concept the glossary has is found when a match over it shows one
 * of its concepts; a match is correct when it lies over a mention and shows one of that mention's concepts
 * (an optional mention's too). `has` says whether the glossary has a concept.
 */
export function judgeFile(gold: GoldFile, predictions: readonly Prediction[], has: (id: string) => boolean): FileJudgement {
  const tallies = new Map<CoverageKind, Tally>();
  const tally = (kind: CoverageKind) => tallies.get(kind) ?? tallies.set(kind, emptyTally()).get(kind)!;
  const misses: CoverageMiss[] = [];
  const wrong: CoverageMiss[] = [];
  const where = (m: { cell?: number; line: number; column: number; text: string }) => ({ file: gold.file, ...(m.cell !== undefined && { cell: m.cell }), line: m.line, column: m.column, text: m.text });
  for (const mention of gold.mentions) {
    if (mention.optional) continue;
    const kind = kindOf(gold, mention);
    const known = [mention.concept, ...(mention.also ?? [])].filter(has);
    const counts = tally(kind);
    counts.concepts.add(mention.concept);
    if (known.length === 0) {
      counts.missing.add(mention.concept);
      counts.missingMentions++;
      continue;
    }
    counts.mentions++;
    const over = predictions.filter((prediction) => overlaps(mention, prediction));
    if (over.some((prediction) => known.includes(prediction.id))) counts.found++;
    else misses.push({ ...where(mention), expected: known, shown: over.map((prediction) => prediction.id), kind });
  }
  for (const prediction of predictions) {
    const counts = tally(prediction.kind);
    counts.matches++;
    const under = gold.mentions.filter((mention) => overlaps(mention, prediction));
    if (under.some((mention) => mention.concept === prediction.id || mention.also?.includes(prediction.id))) counts.correct++;
    else wrong.push({ ...where(prediction), expected: under.flatMap((mention) => [mention.concept, ...(mention.also ?? [])]), shown: [prediction.id], kind: prediction.kind });
  }
  return { tallies, misses, wrong };
}

/** The figures of several files' tallies, by kind and for all. */
export function coverageFigures(judgements: readonly FileJudgement[]): { all: CoverageFigures; byKind: Partial<Record<CoverageKind, CoverageFigures>> } {
  const byKind: Partial<Record<CoverageKind, CoverageFigures>> = {};
  const all = emptyTally();
  for (const kind of COVERAGE_KINDS) {
    const merged = emptyTally();
    for (const judgement of judgements) {
      const counts = judgement.tallies.get(kind);
      if (counts) addTally(merged, counts);
    }
    if (merged.mentions + merged.matches + merged.missingMentions > 0) byKind[kind] = figures(merged);
    addTally(all, merged);
  }
  return { all: figures(all), byKind };
}

function addTally(into: Tally, from: Tally): void {
  into.mentions += from.mentions;
  into.found += from.found;
  into.matches += from.matches;
  into.correct += from.correct;
  into.missingMentions += from.missingMentions;
  from.concepts.forEach((id) => into.concepts.add(id));
  from.missing.forEach((id) => into.missing.add(id));
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10000) / 10000;
}

function figures(counts: Tally): CoverageFigures {
  return {
    mentions: counts.mentions,
    found: counts.found,
    recall: share(counts.found, counts.mentions),
    matches: counts.matches,
    correct: counts.correct,
    precision: share(counts.correct, counts.matches),
    goldConcepts: counts.concepts.size,
    missingConcepts: counts.missing.size,
    missingShare: share(counts.missing.size, counts.concepts.size),
    missingMentions: counts.missingMentions,
  };
}
