import * as path from 'node:path';
import { attachContrasts, compileGlossary, readGlossaryFolder } from '../../src/core/glossary/compile';
import { Glossary } from '../../src/core/glossary/glossary';
import { formatProblem } from '../../src/core/glossary/types';

let cached: Glossary | undefined;

/** The project's glossary compiled from its sources, failing loudly if any entry is broken. */
export function bundledGlossary(): Glossary {
  if (!cached) {
    const read = readGlossaryFolder(path.resolve(__dirname, '../../glossary/concepts'));
    const compiled = compileGlossary(read.sources);
    const contrasts = readGlossaryFolder(path.resolve(__dirname, '../../glossary/contrasts'));
    const attached = attachContrasts(compiled.concepts, contrasts.sources);
    const problems = [...read.problems, ...compiled.problems, ...contrasts.problems, ...attached.problems].map(formatProblem);
    if (problems.length > 0) {
      throw new Error(`The glossary has problems:\n${problems.join('\n')}`);
    }
    cached = new Glossary(attached.concepts);
  }
  return cached;
}
