import { documentZones, type ZoneKind } from './matching/prose';
import type { HoverWhere } from './settings';

/**
 * Where hovers show definitions (`conceptExplainer.hover.where`), for readers of dense code who want fewer popups:
 * `everywhere`; `prose`, only in comments, docstrings, string literals and the prose of Markdown and plain text
 * (not on identifiers, nor in Markdown's code spans and blocks outside their strings); `onDemand`, never on hover
 * (Explain Selection still explains a selected term).
 *
 * `zone` is what the matcher's reading of the document says the place is (src/core/matching/prose.ts). In code,
 * the line's own zones say where its code starts (after a comment, inside a Markdown code span), and the string
 * literals are read from there.
 */
export function hoverShowsAt(where: HoverWhere, zone: ZoneKind, line: string, character: number, languageId: string): boolean {
  if (where === 'everywhere') return true;
  if (where === 'onDemand') return false;
  if (zone === 'prose') return true;
  const local = zoneAt(documentZones(line, languageId), character);
  return inStringLiteral(line, character, languageId, local && local.kind !== 'prose' ? local.start : 0);
}

/** Languages whose single quote opens no string (Rust's lifetimes and characters). */
const DOUBLE_QUOTES_ONLY = new Set(['rust']);
/** Languages whose backquotes quote a string (template literals, raw strings, shell substitutions). */
const BACKQUOTE_STRINGS = new Set(['javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'go', 'shellscript', 'kotlin', 'dart']);

/**
 * Whether `character` is inside a string literal of a line of code, reading from `from` (where the code starts:
 * comments are zones of their own, so no quote of a comment is read). A string that spans lines is seen on its
 * first line only; Python's triple-quoted strings are docstrings, already prose.
 */
export function inStringLiteral(line: string, character: number, languageId: string, from = 0): boolean {
  const quotes = DOUBLE_QUOTES_ONLY.has(languageId) ? '"' : BACKQUOTE_STRINGS.has(languageId) ? `"'\`` : `"'`;
  let open: string | undefined;
  for (let index = Math.max(0, from); index < Math.min(character, line.length); index++) {
    const char = line[index]!;
    if (open) {
      if (char === '\\') index++;
      else if (char === open) open = undefined;
    } else if (quotes.includes(char)) {
      open = char;
    }
  }
  return open !== undefined;
}

/** The zone holding `offset`, among zones that follow each other and cover the text (`documentZones`). */
export function zoneAt<Z extends { readonly start: number }>(zones: readonly Z[], offset: number): Z | undefined {
  let low = 0;
  let high = zones.length - 1;
  if (high < 0) return undefined;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (zones[middle]!.start <= offset) low = middle;
    else high = middle - 1;
  }
  return zones[low];
}
