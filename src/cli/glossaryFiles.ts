import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Glossary } from '../core/glossary/glossary';
import { bundledDetails, readBundledConcepts } from '../core/glossary/load';
import { readUserFile } from '../core/glossary/userFiles';
import { fileProblem, mergeUserGlossaries, parseUserGlossary, type ParsedUserGlossary } from '../core/glossary/userGlossary';
import { loadBundledGlossary } from '../core/glossary/load';
import type { CliOutput } from './explain';

/** The same limit as the extension's default for `conceptExplainer.glossary.maxFileSizeKB`. */
const MAX_FILE_BYTES = 2048 * 1024;

/**
 * The bundled glossary with the user glossary files given on the command line (`--glossary FILE`, repeatable),
 * read and merged exactly as the extension does; their problems go to stderr as `file:line:column: message`.
 */
export async function glossaryWith(indexFile: string, files: readonly string[], io: CliOutput): Promise<Glossary> {
  if (files.length === 0) return loadBundledGlossary(indexFile);
  const parsed: ParsedUserGlossary[] = [];
  for (const file of files.map((name) => path.resolve(name))) {
    const read = await readUserFile(file, { maxBytes: MAX_FILE_BYTES });
    if ('missing' in read) parsed.push({ file, entries: [], problems: [fileProblem(file, 'This file does not exist.')] });
    else if ('problem' in read) parsed.push({ file, entries: [], problems: [read.problem] });
    else parsed.push(parseUserGlossary(file, read.text));
  }
  const merged = mergeUserGlossaries(readBundledConcepts(indexFile), parsed, bundledDetails(indexFile));
  for (const problem of merged.problems) {
    io.err(`${path.relative(process.cwd(), problem.file) || problem.file}:${problem.start.line + 1}:${problem.start.character + 1}: ${problem.severity}: ${problem.message}`);
  }
  return merged.glossary;
}

/** The held-out set's own user glossary (its questions about a team's concepts need it), when it is there. */
export function evalUserGlossary(dist: string): string[] {
  const file = path.join(dist, '..', 'training', 'eval', 'user-glossary.json');
  return fs.existsSync(file) ? [file] : [];
}
