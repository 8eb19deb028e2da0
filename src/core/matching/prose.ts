/**
 * Where a document holds prose: all of it for Markdown and plain text, only the comments (and Python
 * docstrings) for code. Used to underline terms where they are words, not identifiers.
 */
export type TextSpan = readonly [start: number, end: number];

interface CommentSyntax {
  readonly line: readonly string[];
  readonly block: ReadonlyArray<readonly [open: string, close: string]>;
  readonly strings: readonly string[];
  /** Triple-quoted strings that are documentation (Python docstrings). */
  readonly docStrings?: readonly string[];
}

const C_LIKE: CommentSyntax = { line: ['//'], block: [['/*', '*/']], strings: ['"', "'", '`'] };
const HASH: CommentSyntax = { line: ['#'], block: [], strings: ['"', "'"] };
const PYTHON: CommentSyntax = { line: ['#'], block: [], strings: ['"', "'"], docStrings: ['"""', "'''"] };
const DASH: CommentSyntax = { line: ['--'], block: [['/*', '*/']], strings: ["'", '"'] };
const MARKUP: CommentSyntax = { line: [], block: [['<!--', '-->']], strings: [] };
const CSS: CommentSyntax = { line: [], block: [['/*', '*/']], strings: ['"', "'"] };
const PERCENT: CommentSyntax = { line: ['%'], block: [], strings: [] };

const SYNTAX_BY_LANGUAGE: Readonly<Record<string, CommentSyntax>> = {
  ...Object.fromEntries(
    ['javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'java', 'c', 'cpp', 'csharp', 'go', 'rust', 'swift', 'kotlin', 'scala', 'php', 'dart', 'jsonc', 'groovy', 'objective-c', 'cuda-cpp', 'proto'].map((id) => [id, C_LIKE]),
  ),
  ...Object.fromEntries(['shellscript', 'ruby', 'perl', 'r', 'yaml', 'toml', 'dockerfile', 'makefile', 'julia', 'powershell', 'elixir', 'coffeescript', 'properties', 'ini'].map((id) => [id, HASH])),
  python: PYTHON,
  ...Object.fromEntries(['sql', 'lua', 'haskell'].map((id) => [id, DASH])),
  ...Object.fromEntries(['html', 'xml', 'svg', 'vue', 'svelte'].map((id) => [id, MARKUP])),
  ...Object.fromEntries(['css', 'scss', 'less'].map((id) => [id, CSS])),
  ...Object.fromEntries(['latex', 'tex', 'matlab', 'bibtex'].map((id) => [id, PERCENT])),
};

const WHOLE_TEXT_LANGUAGES = new Set(['markdown', 'plaintext', 'restructuredtext', 'asciidoc', 'git-commit', 'scminput']);

/** Whether a language has prose this module can find (Markdown, text, or a code language it knows). */
export function hasProse(languageId: string): boolean {
  return WHOLE_TEXT_LANGUAGES.has(languageId) || languageId in SYNTAX_BY_LANGUAGE;
}

/** The prose spans of a text, in order; empty for a language without known comment syntax. */
export function proseSpans(text: string, languageId: string): TextSpan[] {
  if (WHOLE_TEXT_LANGUAGES.has(languageId)) return [[0, text.length]];
  const syntax = SYNTAX_BY_LANGUAGE[languageId];
  return syntax ? commentSpans(text, syntax) : [];
}

/** One pass over the text: strings are skipped so that `"http://x"` or `'#'` opens no comment. */
function commentSpans(text: string, syntax: CommentSyntax): TextSpan[] {
  const spans: TextSpan[] = [];
  let index = 0;
  while (index < text.length) {
    const docString = syntax.docStrings?.find((quote) => text.startsWith(quote, index));
    if (docString) {
      const end = closeOf(text, docString, index + docString.length);
      spans.push([index + docString.length, end]);
      index = end + docString.length;
      continue;
    }
    const line = syntax.line.find((marker) => text.startsWith(marker, index));
    if (line) {
      const end = lineEnd(text, index);
      spans.push([index + line.length, end]);
      index = end;
      continue;
    }
    const block = syntax.block.find(([open]) => text.startsWith(open, index));
    if (block) {
      const end = closeOf(text, block[1], index + block[0].length);
      spans.push([index + block[0].length, end]);
      index = end + block[1].length;
      continue;
    }
    const quote = syntax.strings.find((marker) => text[index] === marker);
    index = quote ? skipString(text, index, quote) : index + 1;
  }
  return spans;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

function closeOf(text: string, close: string, from: number): number {
  const end = text.indexOf(close, from);
  return end < 0 ? text.length : end;
}

/** Past the closing quote; a string left open stops at the end of its line (backquotes may span lines). */
function skipString(text: string, start: number, quote: string): number {
  let index = start + 1;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') index += 2;
    else if (char === quote) return index + 1;
    else if (char === '\n' && quote !== '`') return index;
    else index++;
  }
  return index;
}

/** What a part of a document is: prose (comments, docstrings, Markdown text), code, or a shell block in Markdown. */
export type ZoneKind = 'prose' | 'code' | 'shell';

/** A part of a document, `[start, end)`; a document's zones follow each other and cover it whole. */
export interface Zone {
  readonly start: number;
  readonly end: number;
  readonly kind: ZoneKind;
}

/** Languages of prose with code in it: fenced blocks and inline code spans are code. */
const MARKDOWN_LANGUAGES = new Set(['markdown', 'mdx', 'quarto', 'rmd']);
const SHELL_FENCES = new Set(['bash', 'sh', 'shell', 'zsh', 'console', 'shellsession', 'powershell', 'ps1', 'pwsh', 'cmd', 'bat', 'batch', 'fish', 'terminal']);

/** Whether a language is a programming or configuration language (its comments are prose, the rest code). */
export function isCodeLanguage(languageId: string): boolean {
  return !WHOLE_TEXT_LANGUAGES.has(languageId) && !MARKDOWN_LANGUAGES.has(languageId);
}

/**
 * The zones of a document: in code, comments and docstrings are prose and the rest code; in Markdown, fenced
 * blocks and inline code spans are code (shell blocks apart); plain text is prose; a language this module does
 * not know is code.
 */
export function documentZones(text: string, languageId: string): Zone[] {
  if (MARKDOWN_LANGUAGES.has(languageId)) return markdownZones(text);
  if (WHOLE_TEXT_LANGUAGES.has(languageId)) return [{ start: 0, end: text.length, kind: 'prose' }];
  const syntax = SYNTAX_BY_LANGUAGE[languageId];
  return complete(syntax ? commentSpans(text, syntax).map(([start, end]) => ({ start, end, kind: 'prose' as const })) : [], text.length, 'code');
}

/** `parts` (sorted, apart) with the gaps between them filled with `fill`. */
function complete(parts: readonly Zone[], length: number, fill: ZoneKind): Zone[] {
  const zones: Zone[] = [];
  let at = 0;
  for (const part of parts) {
    if (part.start > at) zones.push({ start: at, end: part.start, kind: fill });
    if (part.end > part.start) zones.push(part);
    at = Math.max(at, part.end);
  }
  if (at < length || zones.length === 0) zones.push({ start: at, end: length, kind: fill });
  return zones;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*([\w+#.-]*)/;

/** Fenced code blocks (line by line) and inline code spans (within a line) of Markdown. */
function markdownZones(text: string): Zone[] {
  const code: Zone[] = [];
  let fence: { marker: string; start: number; kind: ZoneKind } | undefined;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const opening = FENCE.exec(line);
    if (fence) {
      if (opening && opening[1]![0] === fence.marker[0] && opening[1]!.length >= fence.marker.length && !opening[2]) {
        code.push({ start: fence.start, end: lineEnd, kind: fence.kind });
        fence = undefined;
      }
    } else if (opening) {
      fence = { marker: opening[1]!, start: lineStart, kind: SHELL_FENCES.has(opening[2]!.toLowerCase()) ? 'shell' : 'code' };
    } else {
      code.push(...inlineCode(line, lineStart));
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  if (fence) code.push({ start: fence.start, end: text.length, kind: fence.kind });
  return complete(code, text.length, 'prose');
}

/** `code` spans of a line: a run of backticks up to the next run of as many; an unclosed run is text. */
function inlineCode(line: string, offset: number): Zone[] {
  const spans: Zone[] = [];
  let index = line.indexOf('`');
  while (index >= 0) {
    let run = index;
    while (line[run] === '`') run++;
    const ticks = line.slice(index, run);
    let close = line.indexOf(ticks, run);
    while (close >= 0 && line[close + ticks.length] === '`') close = line.indexOf(ticks, close + ticks.length + 1);
    if (close < 0) break;
    spans.push({ start: offset + run, end: offset + close, kind: 'code' });
    index = line.indexOf('`', close + ticks.length);
  }
  return spans;
}
