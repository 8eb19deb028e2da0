import type * as vscode from 'vscode';
import type { MergeInput } from '../core/glossary/merge';
import type { Concept, DetailsSource } from '../core/glossary/types';
import type { UserFileRead, UserFileRules } from '../core/glossary/userFileRules';
import type { MergedGlossary } from '../core/glossary/userGlossary';
import type { ModelClient } from '../core/model/modelClient';
import type { GenerationDefaults } from '../core/model/modelFormat';

/**
 * What differs between the desktop's extension host (Node) and a browser's (a web worker): how files are read, where
 * the model runs, where big glossaries are merged. Everything else is one code base; src/extension.ts gives the Node
 * implementation, src/web/extension.ts the browser's.
 */
export interface ExtensionHost {
  readonly glossary: GlossaryHost;
  readonly model: ModelHost;
}

export interface GlossaryHost {
  /** The bundled glossary's index (throws a message for the user when it cannot be read) and its details. */
  readonly bundled: { concepts(): Concept[]; readonly details: DetailsSource };
  /** Reads one user glossary file within the rules: its text, or the problem that kept it from being read. */
  readUserFile(uri: vscode.Uri, rules: UserFileRules): Promise<UserFileRead>;
  /** In Restricted Mode, the folders a user glossary file must stay in, as `readUserFile` compares them. */
  confinement(folders: readonly vscode.WorkspaceFolder[]): Promise<string[]>;
  /** Parses and merges big user glossaries off the extension host's thread. */
  mergeOffThread(bundled: readonly Concept[], inputs: readonly MergeInput[], details: DetailsSource): Promise<MergedGlossary>;
  /** The user's home folder, for `~` in `conceptExplainer.glossary.paths`; undefined where there is none (a browser). */
  readonly homeFolder: vscode.Uri | undefined;
  /** An absolute path of the paths setting: a file of this machine on the desktop, of the workspace's file system in a browser. */
  absolutePath(path: string, folders: readonly vscode.WorkspaceFolder[]): vscode.Uri;
}

export interface ModelHost {
  /**
   * The model folder to use, given `conceptExplainer.model.path` (empty: the bundled model): a path of this machine's
   * disk on the desktop, a URI of the workspace's file system in a browser.
   */
  modelDir(configured: string): string;
  /** A client that runs the model of `modelDir`, released after `idleMs` without a request (0: never). */
  createClient(modelDir: string, idleMs: number): ModelClient;
  /**
   * The folder's generation_config.json, the truth for its decoding defaults. A promise: a browser reads the folder
   * through workspace.fs, which has no synchronous read.
   */
  generationDefaults(modelDir: string): Promise<GenerationDefaults>;
}
