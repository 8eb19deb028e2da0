import * as vscode from 'vscode';
import { mergeInWorker, type MergeMessage, type MergeRequest, type MergeWorkerEvents } from '../core/glossary/merge';
import { mergeHere } from '../core/glossary/merge';
import type { Concept, ConceptDetails } from '../core/glossary/types';
import { messageBundle } from '../core/messages';
import { MODEL_FILE_LIMITS, ModelError, readGenerationDefaults, type GenerationDefaults } from '../core/model/modelFormat';
import { decodeUtf8 } from '../core/text';
import type { ExtensionHost } from '../vscode/host';
import { readUserFileThroughFs } from '../vscode/workspaceFiles';
import { readExtensionFile, startWorkerFrom } from './extensionFiles';
import type { FromWebModel, ModelBytes } from './modelProtocol';
import { WebModelClient, type ModelWorker } from './webModelClient';

/** The model files a web worker is sent, with their size limits. */
const MODEL_FILES: ReadonlyArray<readonly [string, number, boolean]> = [
  ['config.json', MODEL_FILE_LIMITS.jsonBytes, true],
  ['generation_config.json', MODEL_FILE_LIMITS.jsonBytes, false],
  ['tokenizer.json', MODEL_FILE_LIMITS.tokenizerBytes, true],
  ['model.onnx', MODEL_FILE_LIMITS.onnxBytes, true],
];

/**
 * A browser's extension host (VS Code for the Web, or a VS Code server's web worker host): every file through
 * workspace.fs or fetch, never the disk; the bundled model only (`conceptExplainer.model.path` names a folder of the
 * desktop's disk); the model and big glossaries in web workers where the host starts them, else on its own thread.
 * The bundled glossary and the model's decoding defaults are read before activation ends, since the features read
 * them synchronously.
 */
export async function webHost(extensionUri: vscode.Uri): Promise<ExtensionHost> {
  const dist = vscode.Uri.joinPath(extensionUri, 'dist');
  const modelDir = vscode.Uri.joinPath(extensionUri, 'models', 'concept-gpt');
  const [index, details, generation] = await Promise.all([
    readJson(vscode.Uri.joinPath(dist, 'glossary.json'), 'glossary'),
    readJson(vscode.Uri.joinPath(dist, 'glossary-details.json'), 'glossary details'),
    readJson(vscode.Uri.joinPath(modelDir, 'generation_config.json'), 'generation_config.json'),
  ]);
  const detailsById = new Map(Object.entries((details.value ?? {}) as Record<string, ConceptDetails>));
  const defaults: GenerationDefaults = readGenerationDefaults(generation.value as Record<string, unknown> | undefined);
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
      absolutePath: (path, folders) => (folders[0] ? folders[0].uri.with({ path }) : vscode.Uri.file(path)),
    },
    model: {
      modelDir: () => modelDir.toString(),
      createClient: (dir, idleMs) =>
        new WebModelClient({
          readModel: () => readModel(vscode.Uri.parse(dir), vscode.Uri.joinPath(dist, 'ort-wasm-simd-threaded.wasm')),
          startWorker: async () => modelWorker(await startWorkerFrom(vscode.Uri.joinPath(dist, 'web', 'modelWorker.js'), 'Concept Explainer model')),
          idleMs,
        }),
      generationDefaults: () => defaults,
    },
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

async function readModel(dir: vscode.Uri, wasmFile: vscode.Uri): Promise<ModelBytes> {
  const files: Record<string, Uint8Array> = {};
  await Promise.all(
    MODEL_FILES.map(async ([name, maxBytes, required]) => {
      const uri = vscode.Uri.joinPath(dir, name);
      try {
        const bytes = await readExtensionFile(uri);
        if (bytes.byteLength > maxBytes) throw new ModelError(`${uri.toString(true)} is larger than a model file of its kind can be.`);
        files[name] = bytes;
      } catch (error) {
        if (required || error instanceof ModelError) throw error instanceof ModelError ? error : new ModelError(`${uri.toString(true)}: ${(error as Error).message}`);
      }
    }),
  );
  return { dir: dir.toString(true), files, wasm: await readExtensionFile(wasmFile), messages: messageBundle(), warmUp: true };
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
