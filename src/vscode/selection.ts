import * as vscode from 'vscode';
import type { ConceptHit, Glossary } from '../core/glossary/glossary';

/** Longer selections are not terms; the matcher would only find a term inside them. */
export const MAX_SELECTION_LENGTH = 200;

/** The text the user points at: the selection, or the term under the cursor when nothing is selected. */
export function selectedText(editor: vscode.TextEditor, glossary: Glossary): string | undefined {
  const selection = editor.selection;
  if (!selection.isEmpty) {
    return editor.document.getText(selection).trim().slice(0, MAX_SELECTION_LENGTH) || undefined;
  }
  const line = editor.document.lineAt(selection.active.line).text;
  const hit = glossary.conceptAt(line, selection.active.character);
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
  const text = editor.document.getText(selection);
  return text.length <= MAX_SELECTION_LENGTH ? glossary.find(text) : undefined;
}
