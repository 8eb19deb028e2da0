import * as vscode from 'vscode';
import {
  generationDefaultsOf,
  MODEL_FILE_LIMITS,
  MODEL_FOLDER_FILES,
  ModelError,
  missingModelFile,
  missingModelFolder,
  refusedModelFile,
  unreadableModelFile,
  type GenerationDefaults,
} from '../core/model/modelFormat';
import { modelPathTarget, withinReadBound } from '../core/model/modelPath';

/**
 * The model folder of `conceptExplainer.model.path` in a browser: a folder of the workspace's file system, read
 * through workspace.fs within the desktop's bounds (a file only, no larger than its kind's limit, measured before it
 * is read) and within a time, since a remote file system may stop answering.
 */

/** The folder a non-empty `model.path` names, as a URI; a ModelError says why it names none. */
export function modelFolderUri(configured: string): vscode.Uri {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const target = modelPathTarget(configured, folders.map((folder) => folder.uri.scheme));
  if (target.kind === 'unusable') throw new ModelError(target.reason);
  if (target.kind === 'uri') return vscode.Uri.parse(target.uri);
  if (target.kind === 'absolute') return workspacePath(target.path, folders);
  return vscode.Uri.joinPath(folders[0]!.uri, target.path);
}

/**
 * An absolute path of the workspace's file system (the glossary paths' and the model folder's): the first workspace
 * folder's URI with that path, a `file:` URI where no folder is open.
 */
export function workspacePath(path: string, folders: readonly vscode.WorkspaceFolder[]): vscode.Uri {
  return folders[0] ? folders[0].uri.with({ path }) : vscode.Uri.file(path);
}

/**
 * Every file of the folder, by name, for the model's worker. Each is measured before any is read, so that a missing
 * or refused file is said before a big model.onnx is read for nothing; the messages are the desktop's.
 */
export async function readModelFolder(dir: vscode.Uri): Promise<Record<string, Uint8Array>> {
  const label = shown(dir);
  if (!(await measure(dir))) throw missingModelFolder(label);
  const sizes = await Promise.all(MODEL_FOLDER_FILES.map((file) => measureModelFile(vscode.Uri.joinPath(dir, file.name), file.maxBytes)));
  const missing = MODEL_FOLDER_FILES.find((file, index) => file.required && sizes[index] === undefined);
  if (missing) throw missingModelFile(label, missing.name);
  const files: Record<string, Uint8Array> = {};
  await Promise.all(
    MODEL_FOLDER_FILES.map(async (file, index) => {
      const size = sizes[index];
      if (size !== undefined) files[file.name] = await readModelFile(vscode.Uri.joinPath(dir, file.name), size, file.maxBytes);
    }),
  );
  return files;
}

/** The folder's decoding defaults (its generation_config.json, read at each question as on the desktop); none without one. */
export async function folderGenerationDefaults(dir: vscode.Uri): Promise<GenerationDefaults> {
  const uri = vscode.Uri.joinPath(dir, 'generation_config.json');
  const size = await measureModelFile(uri, MODEL_FILE_LIMITS.jsonBytes);
  return generationDefaultsOf(shown(dir), size === undefined ? undefined : await readModelFile(uri, size, MODEL_FILE_LIMITS.jsonBytes));
}

/** A model file's size, refused (a ModelError) when it is no regular file or over `maxBytes`; undefined when missing. */
async function measureModelFile(uri: vscode.Uri, maxBytes: number): Promise<number | undefined> {
  const stat = await measure(uri);
  if (!stat) return undefined;
  const refused = refusedModelFile(shown(uri), { isFile: (stat.type & vscode.FileType.File) !== 0, size: stat.size }, maxBytes);
  if (refused) throw refused;
  return stat.size;
}

/** A file's or folder's stat; undefined when it is not there. */
async function measure(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await withinReadBound(vscode.workspace.fs.stat(uri), shown(uri), 0);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw asModelError(uri, error);
  }
}

async function readModelFile(uri: vscode.Uri, size: number, maxBytes: number): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = await withinReadBound(vscode.workspace.fs.readFile(uri), shown(uri), size);
  } catch (error) {
    throw asModelError(uri, error);
  }
  // A file that grew past its limit since it was measured is refused all the same.
  const refused = refusedModelFile(shown(uri), { isFile: true, size: bytes.byteLength }, maxBytes);
  if (refused) throw refused;
  return bytes;
}

/**
 * How a folder or file of the workspace is named in messages: by its path, as the desktop names its model files and
 * as the browser names users' glossary files (workspaceFiles.ts).
 */
export function shown(uri: vscode.Uri): string {
  return uri.fsPath;
}

function isMissing(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'FileNotADirectory');
}

function asModelError(uri: vscode.Uri, error: unknown): ModelError {
  if (error instanceof ModelError) return error;
  return unreadableModelFile(shown(uri), error instanceof vscode.FileSystemError ? error.code : (error as Error).message);
}
