import type * as vscode from 'vscode';
import { activateWith, type ConceptExplainerApi } from '../vscode/activate';
import { webHost } from './webHost';

/**
 * The browser's entry (package.json `browser`): VS Code for the Web, github.dev, or a VS Code server's web worker
 * extension host. The same features as the desktop's, through the browser's host (webHost.ts).
 */
export async function activate(context: vscode.ExtensionContext): Promise<ConceptExplainerApi> {
  return activateWith(context, await webHost(context.extensionUri));
}

export function deactivate(): void {}
