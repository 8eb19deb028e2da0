import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkCrossReferences, checkShape, type GlossarySource } from './check';
import type { Concept, GlossaryProblem } from './types';

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
