import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { bundledDetails, readBundledConcepts } from '../core/glossary/load';
import { mergeOffThread } from '../core/glossary/mergeOffThread';
import { readUserFile } from '../core/glossary/userFiles';
import { loadGenerationDefaults } from '../core/model/modelFiles';
import { WorkerModelClient } from '../core/model/workerClient';
import type { ExtensionHost } from './host';
import { readUserFileThroughFs } from './workspaceFiles';

/**
 * The desktop's extension host (Node): files on the disk are read with Node (links followed, devices refused), other
 * schemes through workspace.fs; the model and big glossaries run in worker threads.
 */
export function nodeHost(extensionUri: vscode.Uri): ExtensionHost {
  const dist = path.join(extensionUri.fsPath, 'dist');
  const index = path.join(dist, 'glossary.json');
  return {
    glossary: {
      bundled: { concepts: () => readBundledConcepts(index), details: bundledDetails(index) },
      readUserFile: (uri, rules) => (uri.scheme === 'file' ? readUserFile(uri.fsPath, rules) : readUserFileThroughFs(uri, rules)),
      // Real paths, links followed, as readUserFile compares them.
      confinement: (folders) =>
        Promise.all(folders.filter((folder) => folder.uri.scheme === 'file').map((folder) => fs.promises.realpath(folder.uri.fsPath).catch(() => folder.uri.fsPath))),
      mergeOffThread: (bundled, inputs, details) => mergeOffThread(path.join(dist, 'glossaryWorker.js'), bundled, inputs, details),
      homeFolder: vscode.Uri.file(os.homedir()),
      absolutePath: (file) => vscode.Uri.file(file),
    },
    model: {
      modelDir: (configured) => configured || path.join(extensionUri.fsPath, 'models', 'concept-gpt'),
      createClient: (modelDir, idleMs) => new WorkerModelClient({ workerFile: path.join(dist, 'modelWorker.js'), modelDir, wasmDir: dist, idleMs }),
      // Read at each question, so that a model folder changed on disk is decoded as its new config says.
      generationDefaults: async (modelDir) => loadGenerationDefaults(modelDir),
    },
  };
}
