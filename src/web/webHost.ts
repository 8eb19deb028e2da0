import * as vscode from 'vscode';
import { mergeInWorker, type MergeMessage, type MergeRequest, type MergeWorkerEvents } from '../core/glossary/merge';
import { mergeHere } from '../core/glossary/merge';
import type { Concept, ConceptDetails } from '../core/glossary/types';
import { decodeUtf8 } from '../core/text';
import type { ExtensionHost } from '../vscode/host';
import { readUserFileThroughFs } from '../vscode/workspaceFiles';
import { readExtensionFile, startWorkerFrom } from './extensionFiles';
import { workspacePath } from './modelFolder';
import { webModelHost } from './webModelHost';

/**
 * A browser's extension host (VS Code for the Web, or a VS Code server's web worker host): every file through
 * workspace.fs or fetch, never the disk; the model of `conceptExplainer.model.path` is a folder of the workspace's
 * file system (webModelHost.ts); the model and big glossaries in web workers where the host starts them, else on its
 * own thread. The bundled glossary is read before activation ends, since hovers read it synchronously.
 */
export async function webHost(extensionUri: vscode.Uri): Promise<ExtensionHost> {
  const dist = vscode.Uri.joinPath(extensionUri, 'dist');
  const [index, details] = await Promise.all([
    readJson(vscode.Uri.joinPath(dist, 'glossary.json'), 'glossary'),
    readJson(vscode.Uri.joinPath(dist, 'glossary-details.json'), 'glossary details'),
  ]);
  const detailsById = new Map(Object.entries((details.value ?? {}) as Record<string, ConceptDetails>));
  return {
    glossary: {
      bundled: {
        concepts: () => {
          if (index.error) throw index.error;
          return index.value as Concept[];
        },
        details: () => detailsById,
      },
      readUserFile: readUserFileThroughFs,
      confinement: async (folders) => folders.map((folder) => folder.uri.path),
      mergeOffThread: (bundled, inputs, source) =>
        mergeInWorker((request, events) => startMergeWorker(vscode.Uri.joinPath(dist, 'web', 'glossaryWorker.js'), request, events), bundled, inputs, source).catch(
          // No worker here: merged on this thread, as a small glossary is.
          () => mergeHere(bundled, inputs, source),
        ),
      homeFolder: undefined,
      absolutePath: workspacePath,
    },
    model: webModelHost(extensionUri),
  };
}

/** A bundled JSON file, or the error to tell the user when a feature needs it. */
async function readJson(uri: vscode.Uri, what: string): Promise<{ value?: unknown; error?: Error }> {
  try {
    return { value: JSON.parse(decodeUtf8(await readExtensionFile(uri))) };
  } catch (error) {
    return { error: new Error(`The bundled ${what} cannot be read (${uri.toString(true)}): ${(error as Error).message}`) };
  }
}

/** The glossary merge in a web worker (webGlossaryWorker.ts); fails where the host cannot start one. */
function startMergeWorker(script: vscode.Uri, request: MergeRequest, events: MergeWorkerEvents) {
  let worker: Worker | undefined;
  let stopped = false;
  void startWorkerFrom(script, 'Concept Explainer glossary').then(
    (started) => {
      if (stopped) return started?.terminate();
      if (!started) return events.failed(new Error('no web worker in this host'));
      worker = started;
      worker.onmessage = (event: MessageEvent<MergeMessage>) => events.message(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        events.failed(new Error(event.message || 'the glossary worker stopped'));
      };
      worker.postMessage(request);
    },
    (error: Error) => events.failed(error),
  );
  return {
    next: () => worker?.postMessage('next'),
    stop: () => {
      stopped = true;
      worker?.terminate();
    },
  };
}
