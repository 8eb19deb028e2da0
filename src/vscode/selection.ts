import * as vscode from 'vscode';
import type { ConceptHit, Glossary } from '../core/glossary/glossary';
import type { DocumentReading } from '../core/matching/reading';

/** Longer selections are not terms; the matcher would only find a term inside them. */
export const MAX_SELECTION_LENGTH = 200;

/**
 * At most the first `maxChars` characters of a range: a selection may be a whole 20 MB file, and only its start is
 * ever used, so the rest is never copied out of the document.
 */
export function textWithin(document: vscode.TextDocument, range: vscode.Range, maxChars: number): string {
  const start = document.offsetAt(range.start);
  const end = Math.min(document.offsetAt(range.end), start + maxChars);
  return document.getText(new vscode.Range(range.start, document.positionAt(end)));
}

/**
 * The text the user points at: the selection, or the term under the cursor when nothing is selected (read as
 * the hover reads it, when the document's `reading` is given).
 */
export function selectedText(editor: vscode.TextEditor, glossary: Glossary, reading?: DocumentReading): string | undefined {
  const selection = editor.selection;
  if (!selection.isEmpty) {
    return textWithin(editor.document, selection, 4 * MAX_SELECTION_LENGTH).trim().slice(0, MAX_SELECTION_LENGTH) || undefined;
  }
  const line = editor.document.lineAt(selection.active.line).text;
  const hit = reading ? reading.conceptAt(selection.active.line, selection.active.character) : glossary.conceptAt(line, selection.active.character);
  if (hit) {
    return hit.text;
  }
  const wordRange = editor.document.getWordRangeAtPosition(selection.active);
  return wordRange ? editor.document.getText(wordRange) : undefined;
}

/** The concept a selection names, if the selection is short enough to be a term. */
export function conceptInSelection(editor: vscode.TextEditor, glossary: Glossary): ConceptHit | undefined {
  const selection = editor.selection;
  if (selection.isEmpty || !selection.isSingleLine) {
    return undefined;
  }
  const text = textWithin(editor.document, selection, MAX_SELECTION_LENGTH + 1);
  return text.length <= MAX_SELECTION_LENGTH ? glossary.find(text) : undefined;
}
