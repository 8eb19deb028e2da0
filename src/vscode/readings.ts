import * as vscode from 'vscode';
import type { Glossary } from '../core/glossary/glossary';
import { DocumentReading, isMachineLearningText } from '../core/matching/reading';

/** How many documents' readings are kept: the visible editors and a few recent ones. */
const KEPT = 24;

/**
 * How hovers read each open document (its zones, whether it is machine-learning code), computed once per
 * version of the document and of the glossary. A notebook cell is read with its notebook: the cells decide
 * together whether it is about machine learning (the imports are often in the first cell only).
 */
export class DocumentReadings {
  private readonly kept = new Map<string, { version: number; glossary: Glossary; reading: DocumentReading }>();
  private readonly notebooks = new Map<string, { version: number; glossary: Glossary; ml: boolean }>();

  of(document: vscode.TextDocument, glossary: Glossary): DocumentReading {
    const key = document.uri.toString();
    const cached = this.kept.get(key);
    if (cached && cached.version === document.version && cached.glossary === glossary) {
      // Most recently used last, so the oldest goes first.
      this.kept.delete(key);
      this.kept.set(key, cached);
      return cached.reading;
    }
    const reading = new DocumentReading(glossary, document.getText(), document.languageId, { ml: this.notebookIsMachineLearning(document, glossary) });
    this.kept.delete(key);
    this.kept.set(key, { version: document.version, glossary, reading });
    if (this.kept.size > KEPT) this.kept.delete(this.kept.keys().next().value!);
    return reading;
  }

  /** Whether the notebook of a cell is about machine learning; `undefined` for a document that is no cell. */
  private notebookIsMachineLearning(document: vscode.TextDocument, glossary: Glossary): boolean | undefined {
    if (document.uri.scheme !== 'vscode-notebook-cell') return undefined;
    const notebook = vscode.workspace.notebookDocuments.find((candidate) => candidate.getCells().some((cell) => cell.document === document));
    if (!notebook) return undefined;
    const key = notebook.uri.toString();
    const cached = this.notebooks.get(key);
    if (cached && cached.version === notebook.version && cached.glossary === glossary) return cached.ml;
    const ml = isMachineLearningText(glossary, notebook.getCells().map((cell) => cell.document.getText()).join('\n'));
    this.notebooks.set(key, { version: notebook.version, glossary, ml });
    return ml;
  }

  forget(document: vscode.TextDocument): void {
    this.kept.delete(document.uri.toString());
  }
}
