import type * as vscode from 'vscode';
import { activateWith, type ConceptExplainerApi } from './vscode/activate';
import { nodeHost } from './vscode/nodeHost';

export type { ConceptExplainerApi } from './vscode/activate';

/** The desktop's entry (package.json `main`): the extension in a Node extension host. */
export function activate(context: vscode.ExtensionContext): ConceptExplainerApi {
  return activateWith(context, nodeHost(context.extensionUri));
}

export function deactivate(): void {}
