import * as vscode from 'vscode';
import { messageBundle } from '../core/messages';
import { generationDefaultsOf, MODEL_FOLDER_FILES, ModelError, refusedModelFile, type GenerationDefaults } from '../core/model/modelFormat';
import type { ModelHost } from '../vscode/host';
import { readExtensionFile, startWorkerFrom } from './extensionFiles';
import { folderGenerationDefaults, modelFolderUri, readModelFolder, shown } from './modelFolder';
import type { FromWebModel, ModelBytes } from './modelProtocol';
import { WebModelClient, type ModelWorker } from './webModelClient';

/**
 * The model in a browser: the bundled one, read as the extension's files are (fetch or workspace.fs), or the folder of
 * `conceptExplainer.model.path`, one of the workspace's file system (modelFolder.ts); its bytes go to a web worker
 * where the host starts one, else the model runs on the host's own thread (webModelClient.ts).
 */
export function webModelHost(extensionUri: vscode.Uri): ModelHost {
  const dist = vscode.Uri.joinPath(extensionUri, 'dist');
  const bundled = vscode.Uri.joinPath(extensionUri, 'models', 'concept-gpt');
  const isBundled = (dir: string) => dir === bundled.toString();
  // The extension's own files do not change: their defaults are read once.
  let bundledDefaults: Promise<GenerationDefaults> | undefined;
  return {
    // A setting that names no folder here is kept as written: reading it then says why (modelFolderUri).
    modelDir: (configured) => (configured ? resolvedOr(configured) : bundled.toString()),
    createClient: (dir, idleMs) =>
      new WebModelClient({
        readModel: () => readModel(isBundled(dir) ? bundled : modelFolderUri(dir), isBundled(dir), vscode.Uri.joinPath(dist, 'ort-wasm-simd-threaded.wasm')),
        startWorker: async () => modelWorker(await startWorkerFrom(vscode.Uri.joinPath(dist, 'web', 'modelWorker.js'), 'Concept Explainer model')),
        idleMs,
      }),
    // A user's folder is read at each question, so that a config changed there is decoded as it now says.
    generationDefaults: async (dir) => (isBundled(dir) ? (bundledDefaults ??= bundledGenerationDefaults(bundled)) : folderGenerationDefaults(modelFolderUri(dir))),
  };
}

function resolvedOr(configured: string): string {
  try {
    return modelFolderUri(configured).toString();
  } catch {
    return configured;
  }
}

async function readModel(dir: vscode.Uri, bundled: boolean, wasmFile: vscode.Uri): Promise<ModelBytes> {
  const [files, wasm] = await Promise.all([bundled ? readBundledModel(dir) : readModelFolder(dir), readExtensionFile(wasmFile)]);
  return { dir: bundled ? dir.toString(true) : shown(dir), files, wasm, messages: messageBundle(), warmUp: true };
}

/** The bundled model's files: served over http(s) (vscode.dev) they cannot be measured first, so each is checked once read. */
async function readBundledModel(dir: vscode.Uri): Promise<Record<string, Uint8Array>> {
  const files: Record<string, Uint8Array> = {};
  await Promise.all(
    MODEL_FOLDER_FILES.map(async ({ name, maxBytes, required }) => {
      const uri = vscode.Uri.joinPath(dir, name);
      try {
        const bytes = await readExtensionFile(uri);
        const refused = refusedModelFile(uri.toString(true), { isFile: true, size: bytes.byteLength }, maxBytes);
        if (refused) throw refused;
        files[name] = bytes;
      } catch (error) {
        if (required || error instanceof ModelError) throw error instanceof ModelError ? error : new ModelError(`${uri.toString(true)}: ${(error as Error).message}`);
      }
    }),
  );
  return files;
}

/** The bundled model's decoding defaults; none where its generation_config.json cannot be read (it is optional). */
async function bundledGenerationDefaults(dir: vscode.Uri): Promise<GenerationDefaults> {
  const bytes = await readExtensionFile(vscode.Uri.joinPath(dir, 'generation_config.json')).catch(() => undefined);
  return generationDefaultsOf(dir.toString(true), bytes);
}

/** A browser's Worker as the model client sees it. */
function modelWorker(worker: Worker | undefined): ModelWorker | undefined {
  if (!worker) return undefined;
  return {
    post: (message) => worker.postMessage(message),
    terminate: () => worker.terminate(),
    listen: (onMessage, onError) => {
      worker.onmessage = (event: MessageEvent<FromWebModel>) => onMessage(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        onError(event.message || 'the model worker stopped');
      };
    },
  };
}
