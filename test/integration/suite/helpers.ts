import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import type { ConceptExplainerApi } from '../../../src/extension';

export const EXTENSION_ID = 'concept-explainer.concept-explainer';
export const mode = process.env.CONCEPT_EXPLAINER_TEST_MODE ?? 'trusted';

export async function activateExtension(): Promise<ConceptExplainerApi> {
  const extension = vscode.extensions.getExtension<ConceptExplainerApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  return extension.activate();
}

const EXTENSIONS: Record<string, string> = { markdown: 'md', plaintext: 'txt', python: 'py' };
let fileCount = 0;

/**
 * Opens a new file of the workspace with the given text, in an editor. A saved file, not an untitled
 * one: closing a dirty untitled editor would ask whether to save it and block the next tests.
 */
export async function openDocument(content: string, language: string): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(folder, 'the tests need a workspace folder');
  const uri = vscode.Uri.joinPath(folder, `doc-${process.pid}-${++fileCount}.${EXTENSIONS[language] ?? 'txt'}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  const document = await vscode.workspace.openTextDocument(uri);
  assert.equal(document.languageId, language);
  return vscode.window.showTextDocument(document, vscode.ViewColumn.One);
}

/** The position of the first character of `needle` (plus `shift`) in the document. */
export function positionOf(document: vscode.TextDocument, needle: string, shift = 0): vscode.Position {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" is not in the document`);
  return document.positionAt(offset + shift);
}

export function selectText(editor: vscode.TextEditor, needle: string): void {
  const start = positionOf(editor.document, needle);
  editor.selection = new vscode.Selection(start, start.translate(0, needle.length));
}

/** Our hovers at a position: those carrying a link to our own command. */
export async function conceptHovers(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return hovers.filter((hover) => hoverText(hover).includes('conceptExplainer.showConcept'));
}

export function hoverText(hover: vscode.Hover): string {
  return hover.contents.map((content) => (typeof content === 'string' ? content : content.value)).join('\n');
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('conceptExplainer').update(key, value, vscode.ConfigurationTarget.Global);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `check` holds, failing with `message` after `timeoutMs`. */
export async function waitFor(check: () => boolean, message: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) {
      assert.fail(message);
    }
    await sleep(50);
  }
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * A local OpenAI-compatible server that streams one word every 200 ms for up to two minutes: an answer that is
 * reliably still streaming when a test stops it or reloads the window. Returns its base URL.
 */
export async function startSlowChatServer(): Promise<{ url: string; closed: () => number; close: () => void }> {
  let closedConnections = 0;
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    let sent = 0;
    const timer = setInterval(() => {
      response.write(`data: ${JSON.stringify({ choices: [{ delta: { content: `word${sent} ` } }] })}\n\n`);
      if (++sent > 600) clearInterval(timer);
    }, 200);
    response.on('close', () => {
      clearInterval(timer);
      closedConnections++;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    closed: () => closedConnections,
    close: () => server.close(),
  };
}

/**
 * A local OpenAI-compatible server that streams `words` words at once, then nothing more while the connection
 * stays open: an answer whose last shown piece comes right before a long pause (a window reload then must keep it).
 */
export async function startStallingChatServer(words: number): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    for (let sent = 0; sent < words; sent++) response.write(`data: ${JSON.stringify({ choices: [{ delta: { content: `word${sent} ` } }] })}\n\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** Points the chat at a server, or back at the bundled model with no argument. */
export async function useChatServer(url?: string): Promise<void> {
  await setSetting('chat.server.url', url);
  await setSetting('chat.backend', url ? 'server' : undefined);
}

/** Waits until the chat's answer to `question` is streaming and has some text. */
export async function waitForStreamingAnswer(api: ConceptExplainerApi, question: string): Promise<void> {
  await waitFor(() => {
    const last = api.chatTurns().at(-1);
    return last?.question === question && last.state === 'streaming' && last.answer.length > 0;
  }, `the answer to "${question}" never started streaming`, 30_000);
}
