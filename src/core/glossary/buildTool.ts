import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileGlossary, readGlossaryFolder } from './compile';
import { formatProblem } from './types';
import { userGlossaryFileSchema } from './userSchema';

/** Build step: validates the bundled glossary and writes it as one JSON file that loads in a single parse. */
export function buildBundledGlossary(folder: string, outFile: string): { count: number; problems: string[] } {
  const read = readGlossaryFolder(folder);
  const compiled = compileGlossary(read.sources);
  const problems = [...read.problems, ...compiled.problems].map((problem) => formatProblem(problem));
  if (problems.length === 0) {
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    fs.writeFileSync(outFile, JSON.stringify(compiled.concepts));
  }
  return { count: compiled.concepts.length, problems };
}

/** Build step: the schema VS Code uses (through `jsonValidation`) to complete and check users' glossary files. */
export function writeUserGlossarySchema(outFile: string): void {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, `${JSON.stringify(userGlossaryFileSchema(), null, 2)}\n`);
}
