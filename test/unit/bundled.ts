import * as path from 'node:path';
import { compileGlossary, readGlossaryFolder } from '../../src/core/glossary/compile';
import { Glossary } from '../../src/core/glossary/glossary';
import { formatProblem } from '../../src/core/glossary/types';

let cached: Glossary | undefined;

/** The project's glossary compiled from its sources, failing loudly if any entry is broken. */
export function bundledGlossary(): Glossary {
  if (!cached) {
    const read = readGlossaryFolder(path.resolve(__dirname, '../../glossary/concepts'));
    const compiled = compileGlossary(read.sources);
    const problems = [...read.problems, ...compiled.problems].map(formatProblem);
    if (problems.length > 0) {
      throw new Error(`The glossary has problems:\n${problems.join('\n')}`);
    }
    cached = new Glossary(compiled.concepts);
  }
  return cached;
}
