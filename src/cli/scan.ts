import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Glossary } from '../core/glossary/glossary';
import type { Lang } from '../core/glossary/types';
import { fileHits, languageOfFile, type FileHit } from '../core/matching/documents';
import { conceptsInOrder } from '../core/matching/reading';
import { UsageError, type ParsedArgs } from './args';
import { parseLang, type CliOutput } from './explain';

/** One concept a file shows on hover, as `scan --json` prints it: line and column from 1, like editors. */
export interface ScanHit {
  line: number;
  column: number;
  endColumn: number;
  /** The notebook cell (from 0), for a notebook. */
  cell?: number;
  text: string;
  id: string;
  term: string;
  /** `code`, `prose` (comments, docstrings, Markdown text) or `shell` (a shell block in Markdown). */
  zone: string;
  /** The other concepts these words can name, which the context ruled out (`bias` in code is not algorithmic bias). */
  sense?: { over: string[] };
}

/** A file as `scan --json` prints it: every hit, and the concepts it uses in the order it first names them. */
export interface ScanFile {
  file: string;
  language: string;
  /** Whether the file is about machine learning (its imports or its concepts): the field's short forms count there. */
  ml: boolean;
  hits: ScanHit[];
  concepts: Array<{ id: string; term: string; count: number; firstLine: number; firstCell?: number }>;
}

/** Folders a folder scan never enters. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'out', 'build', '__pycache__', '.venv', 'venv', '.cache']);

/** The files named, and in each folder named every file of a language the command knows, in path order. */
export function filesToScan(paths: readonly string[]): string[] {
  const files: string[] = [];
  const visit = (target: string, named: boolean) => {
    const stat = fs.statSync(target);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(target).sort()) {
        if (!name.startsWith('.') && !SKIPPED_FOLDERS.has(name)) visit(path.join(target, name), false);
      }
    } else if (named || (stat.isFile() && languageOfFile(target) && !target.endsWith('.gold.json'))) {
      files.push(target);
    }
  };
  for (const target of paths) {
    if (!fs.existsSync(target)) throw new UsageError(`no such file or folder: ${target}`);
    visit(target, true);
  }
  return files;
}

/** Scans one file through the hovers' own reading. */
export function scanFile(glossary: Glossary, file: string, lang: Lang): ScanFile {
  const language = languageOfFile(file) ?? 'plaintext';
  const { hits, ml } = fileHits(glossary, fs.readFileSync(file, 'utf8'), language);
  const firstCells = new Map<string, number | undefined>();
  for (const hit of hits) if (!firstCells.has(hit.concept.id)) firstCells.set(hit.concept.id, hit.cell);
  return {
    file,
    language,
    ml,
    hits: hits.map((hit) => toScanHit(hit, lang)),
    concepts: conceptsInOrder(hits).map((use) => ({
      id: use.id,
      term: glossary.get(use.id)![lang].term,
      count: use.count,
      firstLine: use.firstLine + 1,
      ...(firstCells.get(use.id) !== undefined && { firstCell: firstCells.get(use.id) }),
    })),
  };
}

function toScanHit(hit: FileHit, lang: Lang): ScanHit {
  return {
    line: hit.line + 1,
    column: hit.start + 1,
    endColumn: hit.end + 1,
    ...(hit.cell !== undefined && { cell: hit.cell }),
    text: hit.text,
    id: hit.concept.id,
    term: hit.concept[lang].term,
    zone: hit.zone,
    ...(hit.others && { sense: { over: [...hit.others] } }),
  };
}

/** The language the terms are printed in: `--lang`, else the command line's own (French when LANG says so). */
export function outputLang(args: ParsedArgs, env: NodeJS.ProcessEnv = process.env): Lang {
  const requested = parseLang(args.flags.get('lang'));
  if (requested) return requested;
  const language = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value) ?? '';
  return language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/**
 * `scan <file|folder>...`: every concept each file shows on hover (file, line, column, text, concept), then
 * the concepts each file uses, in reading order. `--json` prints `{"files": [ScanFile]}`.
 */
export function runScan(glossary: Glossary, args: ParsedArgs, io: CliOutput): number {
  if (args.positional.length === 0) throw new UsageError('scan needs a file or a folder, for example: scan train.py notes/');
  const lang = outputLang(args);
  const files = filesToScan(args.positional).map((file) => scanFile(glossary, file, lang));
  if (args.flags.has('json')) {
    io.out(JSON.stringify({ files }, null, 2));
    return 0;
  }
  for (const scanned of files) {
    for (const hit of scanned.hits) {
      const where = hit.cell === undefined ? `${hit.line}:${hit.column}` : `cell ${hit.cell}:${hit.line}:${hit.column}`;
      const sense = hit.sense ? ` (not ${hit.sense.over.join(', ')})` : '';
      io.out(`${scanned.file}:${where}  ${hit.text}  ${hit.id}${sense}`);
    }
    const summary = scanned.concepts.map((use) => `${use.term} (${use.count})`).join(', ');
    io.out(`${scanned.file}: ${scanned.concepts.length} concepts${scanned.ml ? '' : ' (not machine-learning code: short forms such as lr are not read)'}${summary ? `: ${summary}` : ''}`);
  }
  return 0;
}
