import * as fs from 'node:fs';
import * as path from 'node:path';
import { attachContrasts, compileGlossary, readGlossaryFolder } from './compile';
import { detailsFileOf, splitDetails } from './load';
import { formatProblem } from './types';
import { editingSchema } from './userSchema';

/**
 * Build step: validates the bundled glossary and writes it as two JSON files that each load in one parse:
 * the index (`glossary.json`: terms, definitions, links) that hovers need at once, and the details
 * (`glossary-details.json`: explanations, examples, references), two thirds of the bytes, read on first use.
 */
export function buildBundledGlossary(
  folder: string,
  contrastsFolder: string,
  outFile: string,
): { count: number; contrasts: number; problems: string[] } {
  const read = readGlossaryFolder(folder);
  const compiled = compileGlossary(read.sources);
  const readContrasts = fs.existsSync(contrastsFolder) ? readGlossaryFolder(contrastsFolder) : { sources: [], problems: [] };
  const withContrasts = attachContrasts(compiled.concepts, readContrasts.sources);
  const problems = [...read.problems, ...compiled.problems, ...readContrasts.problems, ...withContrasts.problems].map((problem) =>
    formatProblem(problem),
  );
  if (problems.length === 0) {
    const { index, details } = splitDetails(withContrasts.concepts);
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    fs.writeFileSync(outFile, JSON.stringify(index));
    fs.writeFileSync(detailsFileOf(outFile), JSON.stringify(details));
  }
  return { count: compiled.concepts.length, contrasts: withContrasts.count, problems };
}

/** Build step: the schema VS Code uses (through `jsonValidation`) to complete and check users' glossary files. */
export function writeUserGlossarySchema(outFile: string): void {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, `${JSON.stringify(editingSchema(), null, 2)}\n`);
}
