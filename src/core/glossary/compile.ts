import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import contrastSchema from '../../../glossary/contrast.schema.json';
import { checkCrossReferences, checkShape, shapeProblem, type GlossarySource } from './check';
import type { Concept, ContrastEntry, ContrastText, GlossaryProblem } from './types';

export interface CompiledGlossary {
  /** Valid concepts, sorted by id. */
  readonly concepts: Concept[];
  readonly problems: GlossaryProblem[];
}

/** Reads every `*.json` file of a folder as a glossary source; a file that is not JSON becomes a problem. */
export function readGlossaryFolder(folder: string): { sources: GlossarySource[]; problems: GlossaryProblem[] } {
  const sources: GlossarySource[] = [];
  const problems: GlossaryProblem[] = [];
  const files = fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort();
  for (const name of files) {
    const file = path.join(folder, name);
    try {
      sources.push({ file, data: JSON.parse(fs.readFileSync(file, 'utf8')) as unknown });
    } catch (error) {
      problems.push({ file, field: '', message: `is not valid JSON (${(error as Error).message})` });
    }
  }
  return { sources, problems };
}

/**
 * Validates sources one by one, then across entries. An invalid file is left out and reported; the others
 * still load.
 */
export function compileGlossary(sources: readonly GlossarySource[]): CompiledGlossary {
  const problems: GlossaryProblem[] = [];
  const valid: Array<{ file: string; concept: Concept }> = [];
  for (const source of sources) {
    const shapeProblems = checkShape(source);
    problems.push(...shapeProblems);
    if (shapeProblems.length === 0) {
      const concept = source.data as Concept;
      problems.push(...checkFileName(source.file, concept));
      valid.push({ file: source.file, concept });
    }
  }
  problems.push(...checkCrossReferences(valid));
  const concepts = valid.map((entry) => entry.concept).sort((a, b) => a.id.localeCompare(b.id));
  return { concepts, problems };
}

function checkFileName(file: string, concept: Concept): GlossaryProblem[] {
  const expected = `${concept.id}.json`;
  return path.basename(file) === expected
    ? []
    : [{ file, field: 'id', message: `"${concept.id}" must match the file name (${expected})` }];
}

const validateContrast = new Ajv({ allErrors: true }).compile<ContrastEntry>(contrastSchema);

/**
 * Validates the curated contrasts (`glossary/contrasts/<a>--<b>.json`) against their schema and the concepts,
 * and attaches each one to both of its concepts.
 */
export function attachContrasts(
  concepts: readonly Concept[],
  sources: readonly GlossarySource[],
): { concepts: Concept[]; problems: GlossaryProblem[]; count: number } {
  const ids = new Set(concepts.map((concept) => concept.id));
  const problems: GlossaryProblem[] = [];
  const byConcept = new Map<string, ContrastText[]>();
  let count = 0;
  for (const { file, data } of sources) {
    if (!validateContrast(data)) {
      problems.push(...(validateContrast.errors ?? []).map((error) => shapeProblem(file, error)));
      continue;
    }
    const found = checkContrast(file, data, ids);
    problems.push(...found);
    if (found.length > 0) continue;
    const [a, b] = data.concepts;
    byConcept.set(a, [...(byConcept.get(a) ?? []), { with: b, fr: data.fr, en: data.en }]);
    byConcept.set(b, [...(byConcept.get(b) ?? []), { with: a, fr: data.fr, en: data.en }]);
    count++;
  }
  const withContrasts = concepts.map((concept) => {
    const contrasts = byConcept.get(concept.id);
    return contrasts ? { ...concept, contrasts } : concept;
  });
  return { concepts: withContrasts, problems, count };
}

function checkContrast(file: string, contrast: ContrastEntry, ids: ReadonlySet<string>): GlossaryProblem[] {
  const [a, b] = contrast.concepts;
  const problems: GlossaryProblem[] = [];
  contrast.concepts.forEach((id, index) => {
    if (!ids.has(id)) problems.push({ file, field: `concepts.${index}`, message: `unknown concept id "${id}"` });
  });
  if (a.localeCompare(b) >= 0) problems.push({ file, field: 'concepts', message: 'the two ids must be in alphabetical order' });
  const expected = `${a}--${b}.json`;
  if (path.basename(file) !== expected) problems.push({ file, field: 'concepts', message: `the file must be named ${expected}` });
  return problems;
}
