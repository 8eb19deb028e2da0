import * as vscode from 'vscode';
import { displayLang, type ConfigStore } from './config';
import { sentenceLanguage } from './sentenceLanguage';
import { Disposable } from './dispose';
import type { GlossaryService } from './glossaryService';
import type { ExplanationPanelManager } from './panel/explanationPanel';
import { conceptInSelection } from './selection';

/** Wait for the selection to settle before looking it up, so dragging the mouse does not flicker the panel. */
const FOLLOW_DELAY_MS = 250;

/** While the panel is open and follow mode is on, a selected term shows in the panel. */
export class SelectionFollower extends Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly glossary: GlossaryService,
    private readonly config: ConfigStore,
    private readonly panels: ExplanationPanelManager,
  ) {
    super();
    this.register(vscode.window.onDidChangeTextEditorSelection((event) => this.schedule(event.textEditor)));
    this.register({ dispose: () => clearTimeout(this.timer) });
  }

  private schedule(editor: vscode.TextEditor): void {
    if (!this.config.current.followSelection || !this.panels.isOpen) {
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.follow(editor), FOLLOW_DELAY_MS);
  }

  private follow(editor: vscode.TextEditor): void {
    const glossary = this.glossary.get();
    const hit = glossary && conceptInSelection(editor, glossary);
    const current = this.panels.snapshot?.entry;
    if (!hit || !this.panels.isOpen || (current?.kind === 'concept' && current.id === hit.concept.id)) {
      return;
    }
    this.panels.showConcept(hit.concept.id, displayLang(this.config.current, sentenceLanguage(editor.document, editor.selection) ?? hit.lang));
  }
}
