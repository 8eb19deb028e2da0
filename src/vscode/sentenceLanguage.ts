import type * as vscode from 'vscode';
import type { Lang } from '../core/glossary/types';
import { lineLanguage } from '../core/present/lineLanguage';

/**
 * The language of the sentence around a range of one line (see lineLanguage): « les LLMs » in French prose shows
 * the French side. Undefined for a range over several lines, or a line that does not tell.
 */
export function sentenceLanguage(document: vscode.TextDocument, range: vscode.Range): Lang | undefined {
  if (range.start.line !== range.end.line) return undefined;
  return lineLanguage(document.lineAt(range.start.line).text, range.start.character, range.end.character);
}
