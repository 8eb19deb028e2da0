import type { Glossary } from '../glossary/glossary';
import { DocumentReading, isMachineLearningText, type LocatedHit } from './reading';

/** VS Code's language id for a file name, for the files the command line reads (plain text otherwise). */
const LANGUAGE_BY_EXTENSION: Readonly<Record<string, string>> = {
  py: 'python', pyi: 'python', ipynb: 'notebook', md: 'markdown', markdown: 'markdown', mdx: 'markdown', qmd: 'markdown', rmd: 'markdown',
  txt: 'plaintext', text: 'plaintext', rst: 'restructuredtext', adoc: 'asciidoc',
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascriptreact', ts: 'typescript', mts: 'typescript', cts: 'typescript', tsx: 'typescriptreact',
  java: 'java', c: 'c', h: 'c', cpp: 'cpp', cc: 'cpp', hpp: 'cpp', cu: 'cuda-cpp', cs: 'csharp', go: 'go', rs: 'rust', swift: 'swift', kt: 'kotlin', scala: 'scala', php: 'php', dart: 'dart',
  jl: 'julia', r: 'r', rb: 'ruby', pl: 'perl', lua: 'lua', sql: 'sql', hs: 'haskell', sh: 'shellscript', bash: 'shellscript', zsh: 'shellscript',
  yaml: 'yaml', yml: 'yaml', toml: 'toml', ini: 'ini', cfg: 'ini', json: 'json', jsonc: 'jsonc', tex: 'latex', m: 'matlab', html: 'html', xml: 'xml', css: 'css', scss: 'scss',
};

/** The language of a file by its extension; `undefined` for an extension the command line does not read in folders. */
export function languageOfFile(fileName: string): string | undefined {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? undefined : LANGUAGE_BY_EXTENSION[fileName.slice(dot + 1).toLowerCase()];
}

/** A concept found in a file: a cell's index as well in a notebook. */
export interface FileHit extends LocatedHit {
  readonly cell?: number;
}

/** A Jupyter notebook's cells: their kind and text (sources as a string or a list of lines). */
export function notebookCells(json: string): Array<{ kind: 'markdown' | 'code' | 'raw'; text: string; language: string }> {
  const notebook = JSON.parse(json) as { cells?: unknown; metadata?: { language_info?: { name?: unknown }; kernelspec?: { language?: unknown } } };
  if (!Array.isArray(notebook.cells)) throw new Error('not a Jupyter notebook (no "cells")');
  const language = String(notebook.metadata?.language_info?.name ?? notebook.metadata?.kernelspec?.language ?? 'python');
  return notebook.cells.map((cell: { cell_type?: unknown; source?: unknown }) => {
    const source = Array.isArray(cell.source) ? cell.source.join('') : typeof cell.source === 'string' ? cell.source : '';
    const kind = cell.cell_type === 'markdown' ? 'markdown' : cell.cell_type === 'code' ? 'code' : 'raw';
    return { kind, text: source, language: kind === 'markdown' ? 'markdown' : kind === 'code' ? language : 'plaintext' };
  });
}

/**
 * Every concept a file shows on hover, through the hovers' own reading: each cell of a notebook as its own
 * document (as VS Code opens them), all cells deciding together whether the notebook is about machine learning.
 */
export function fileHits(glossary: Glossary, text: string, languageId: string): { hits: FileHit[]; ml: boolean } {
  if (languageId !== 'notebook') {
    const reading = new DocumentReading(glossary, text, languageId);
    return { hits: reading.hits(), ml: reading.ml };
  }
  const cells = notebookCells(text);
  const ml = isMachineLearningText(glossary, cells.map((cell) => cell.text).join('\n'));
  const hits = cells.flatMap((cell, index) => new DocumentReading(glossary, cell.text, cell.language, { ml }).hits().map((hit) => ({ ...hit, cell: index })));
  return { hits, ml };
}
