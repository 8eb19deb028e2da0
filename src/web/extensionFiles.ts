import * as vscode from 'vscode';

/**
 * One of the extension's own files, in a browser. Served over http(s) (vscode.dev, github.dev), it is fetched; served by
 * a VS Code server (`vscode-remote:`), workspace.fs reads it, since a browser cannot fetch that scheme.
 */
export async function readExtensionFile(uri: vscode.Uri): Promise<Uint8Array> {
  if (uri.scheme === 'http' || uri.scheme === 'https') {
    const response = await fetch(uri.toString(true));
    if (!response.ok) throw new Error(`${uri.toString(true)}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }
  return vscode.workspace.fs.readFile(uri);
}

/**
 * Starts a web worker from one of the extension's scripts, through a blob URL of its text: a worker's script must have
 * the page's origin, which the extension's files do not. Undefined where the extension host has no Worker.
 */
export async function startWorkerFrom(script: vscode.Uri, name: string): Promise<Worker | undefined> {
  if (typeof Worker !== 'function') return undefined;
  const source = await readExtensionFile(script);
  const url = URL.createObjectURL(new Blob([source as BlobPart], { type: 'text/javascript' }));
  try {
    return new Worker(url, { name });
  } catch {
    // "Creating workers from remote extensions is currently not supported", and the like.
    return undefined;
  } finally {
    // The worker has its own reference to the script once created.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
