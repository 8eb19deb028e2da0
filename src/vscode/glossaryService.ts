import * as vscode from 'vscode';
import type { Glossary } from '../core/glossary/glossary';
import { loadBundledGlossary } from '../core/glossary/load';

/** Loads the bundled glossary on first use, not at activation, and reports a broken install once. */
export class GlossaryService {
  private glossary: Glossary | undefined;
  private failure: Error | undefined;

  constructor(private readonly file: string) {}

  /** The glossary, or `undefined` (after telling the user once) when it cannot be loaded. */
  get(): Glossary | undefined {
    if (this.glossary || this.failure) {
      return this.glossary;
    }
    try {
      this.glossary = loadBundledGlossary(this.file);
    } catch (error) {
      this.failure = error as Error;
      void vscode.window.showErrorMessage(vscode.l10n.t('Concept Explainer cannot load its glossary: {0}', this.failure.message));
    }
    return this.glossary;
  }
}
