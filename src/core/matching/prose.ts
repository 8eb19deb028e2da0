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
