import * as l10n from '@vscode/l10n';
import { ModelError } from './modelFormat';

/**
 * `conceptExplainer.model.path` in a browser's extension host, which has no disk of its own: the folder is one of the
 * workspace's file system (a VS Code server's machine, say). Plain strings here, free of `vscode`, so that the rules
 * are tested in Node; src/web/modelFolder.ts turns the target into a URI and reads it.
 */
export type ModelPathTarget =
  /** A URI, taken as it is. */
  | { readonly kind: 'uri'; readonly uri: string }
  /** A path from the root of the workspace's file system, normalised. */
  | { readonly kind: 'absolute'; readonly path: string }
  /** A path from the first workspace folder. */
  | { readonly kind: 'relative'; readonly path: string }
  /** Why the setting names no folder that can be read here. */
  | { readonly kind: 'unusable'; readonly reason: string };

/** The schemes a model folder's URI may have besides the workspace folders' own: a disk's, a VS Code server's. */
const URI_SCHEMES: readonly string[] = ['file', 'vscode-remote'];

/**
 * Where a non-empty `model.path` points, given the schemes of the workspace folders (none: no folder is open).
 * Absolute and relative paths are the workspace's, as `conceptExplainer.glossary.paths` are in a browser.
 */
export function modelPathTarget(configured: string, workspaceSchemes: readonly string[]): ModelPathTarget {
  // Two letters at least before "://": `C:\models` is a Windows path, not a URI.
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]+):\/\//.exec(configured)?.[1]?.toLowerCase();
  if (scheme) {
    // Only file systems VS Code reads for the workspace: no model is fetched from an arbitrary server.
    if ([...URI_SCHEMES, ...workspaceSchemes].includes(scheme)) return { kind: 'uri', uri: configured };
    return unusable(l10n.t('{0}: in a browser the model folder is a path of the workspace\'s file system, or a file: or vscode-remote: URI.', configured));
  }
  if (configured === '~' || /^~[\\/]/.test(configured)) {
    return unusable(l10n.t('{0}: a browser has no home folder; give the model folder\'s path from the workspace folder or from the root.', configured));
  }
  // A Windows remote's path, written as VS Code writes it in a URI.
  if (/^[a-zA-Z]:[\\/]/.test(configured)) return { kind: 'absolute', path: normalizePath(`/${configured.replace(/\\/g, '/')}`) };
  if (configured.startsWith('/')) return { kind: 'absolute', path: normalizePath(configured) };
  if (workspaceSchemes.length === 0) return unusable(l10n.t('{0}: a relative model folder needs a workspace folder to start from.', configured));
  return { kind: 'relative', path: configured };
}

function unusable(reason: string): ModelPathTarget {
  return { kind: 'unusable', reason };
}

/** An absolute `/`-separated path without `.`, `..` or repeated separators (`..` stops at the root). */
export function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '' && part !== '.') parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/**
 * How long reading a model file of `bytes` may take: a file system that stops answering (a remote gone quiet) must
 * not leave the chat loading for ever, while a big model over a slow link (1 MB/s) still arrives.
 */
export function modelReadBoundMs(bytes: number): number {
  return 30_000 + Math.ceil(bytes / 1000);
}

/**
 * `work`'s result, or a ModelError naming `file` once its bound has passed. The read itself cannot be stopped
 * (workspace.fs has no cancellation): its result is then dropped.
 */
export function withinReadBound<T>(work: PromiseLike<T>, file: string, bytes: number): Promise<T> {
  const ms = modelReadBoundMs(bytes);
  return withinTime(work, ms, () => new ModelError(l10n.t('{0} was not read within {1} seconds; the model was not loaded.', file, Math.round(ms / 1000))));
}

/** `work`'s result, or `late()`'s error once `ms` have passed. */
export function withinTime<T>(work: PromiseLike<T>, ms: number, late: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(late()), ms);
  });
  return Promise.race([Promise.resolve(work), timeout]).finally(() => clearTimeout(timer));
}

/**
 * The name the chat view shows for a model folder of `conceptExplainer.model.path`: its last segment, of a path, a
 * Windows path or a URI ("/data/models/my-gpt/" and "file:///data/models/my-gpt" are both "my-gpt").
 */
export function modelFolderName(configured: string): string {
  const segments = configured.trim().replace(/^[a-zA-Z][a-zA-Z0-9+.-]+:\/\/[^/]*/, '').split(/[\\/]+/).filter(Boolean);
  return segments[segments.length - 1] ?? configured.trim();
}
