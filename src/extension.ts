import * as vscode from 'vscode';
import { registerCommands } from './vscode/commands';
import { ConfigStore } from './vscode/config';
import { SelectionFollower } from './vscode/follow';
import { GlossaryService } from './vscode/glossaryService';
import { ConceptHoverProvider } from './vscode/hover';
import { ExplanationPanelManager, type PanelSnapshot } from './vscode/panel/explanationPanel';

/** What `activate` returns: read-only views for tests and for other extensions. */
export interface ConceptExplainerApi {
  /** Milliseconds `activate` took. */
  readonly activationMs: number;
  /** What the explanation panel shows, if it is open. */
  panelSnapshot(): PanelSnapshot | undefined;
}

/** Registers everything; loads nothing heavy (the glossary loads on first use). */
export function activate(context: vscode.ExtensionContext): ConceptExplainerApi {
  const started = performance.now();
  const config = new ConfigStore();
  const glossary = new GlossaryService(vscode.Uri.joinPath(context.extensionUri, 'dist', 'glossary.json').fsPath);
  const panels = new ExplanationPanelManager(context.extensionUri, glossary, config);
  context.subscriptions.push(
    config,
    panels,
    new SelectionFollower(glossary, config, panels),
    registerCommands({ glossary, config, panels }),
    vscode.languages.registerHoverProvider('*', new ConceptHoverProvider(glossary, config)),
  );
  const activationMs = performance.now() - started;
  return { activationMs, panelSnapshot: () => panels.snapshot };
}

export function deactivate(): void {}
