import * as vscode from 'vscode';
import { Disposable } from './dispose';
import { Glossary } from '../core/glossary/glossary';
import type { Concept, DetailsSource } from '../core/glossary/types';
import { mergeHere, OFF_THREAD_CHARS, type MergeInput } from '../core/glossary/merge';
import { fileProblem, type MergedGlossary, type UserGlossaryProblem } from '../core/glossary/userGlossary';
import type { UserFileRules } from '../core/glossary/userFileRules';
import type { ConfigStore } from './config';
import type { GlossaryHost } from './host';
import { DocumentReadings } from './readings';
import { engineFor, type ChatEngine } from '../core/pipeline/engine';
import { nextTurn } from '../core/slices';
import type { DocumentReading } from '../core/matching/reading';

/** Each workspace folder's own glossary, documented in the README. */
const WORKSPACE_GLOSSARY_FOLDER = '.vscode';
export const WORKSPACE_GLOSSARY = `${WORKSPACE_GLOSSARY_FOLDER}/concepts.json`;

/** Waits this long after a change, so that a burst of saves reloads once. */
const RELOAD_DELAY_MS = 80;

/**
 * The glossary every feature reads: the bundled concepts, loaded on first use, merged with the user's
 * glossary files. Those files are read again whenever one is saved, created or deleted, or the settings
 * name others; their mistakes go to the Problems panel and never stop the valid entries from loading.
 */
export class GlossaryService extends Disposable {
  private bundledConcepts: Concept[] | undefined;
  private bundled: Glossary | undefined;
  private merged: Glossary | undefined;
  private readonly readings = new DocumentReadings();
  private failure: Error | undefined;
  private readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('Concept Explainer'));
  private readonly changed = this.register(new vscode.EventEmitter<Glossary>());
  /** Fires after user glossaries were read again. */
  readonly onDidChange = this.changed.event;
  private watchers: vscode.Disposable[] = [];
  private pending: ReturnType<typeof setTimeout> | undefined;
  private loading: Promise<void> = Promise.resolve();
  private files: vscode.Uri[] = [];
  private readonly details: DetailsSource;
  /** The paths setting the last reload read, as JSON. */
  private readPaths = '';
  /** The setting's paths the watchers follow. */
  private watchedKey = '';

  constructor(
    private readonly host: GlossaryHost,
    private readonly config: ConfigStore,
  ) {
    super();
    this.register({
      dispose: () => {
        clearTimeout(this.pending);
        this.disposeWatchers();
      },
    });
    this.details = host.bundled.details;
    [
      config.onDidChange((current) => {
        // Only the paths setting changes which files are read; other settings leave the glossary as it is.
        const paths = JSON.stringify(current.glossaryPaths);
        if (paths !== this.readPaths) this.scheduleReload();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.scheduleReload()),
      vscode.workspace.onDidCloseTextDocument((document) => this.readings.forget(document)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.scheduleReload()),
      // A file watcher may miss a save made through the editor on some file systems; saves are certain.
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (this.files.some((uri) => uri.toString() === document.uri.toString())) {
          this.scheduleReload();
        }
      }),
    ].forEach((listener) => this.register(listener));
  }

  /**
   * How hovers read a document with the current glossary (zones, machine-learning code or not): the hover,
   * the underlines, Explain Selection and "Concepts in This File" all go through it. `undefined` when the
   * glossary cannot be loaded.
   */
  readingOf(document: vscode.TextDocument): DocumentReading | undefined {
    const glossary = this.get();
    return glossary && this.readings.of(document, glossary);
  }

  /** The glossary, or `undefined` (after telling the user once) when the bundled one cannot be loaded. */
  get(): Glossary | undefined {
    return this.merged ?? this.loadBundled();
  }

  /**
   * The answering engine of the glossary in use: its retrieval index is too much work to build for every
   * question, so it is built once per glossary, in slices (a team glossary of 5,000 concepts is some 300 ms
   * of work, which must not hold the extension host's thread).
   */
  engine(): Promise<ChatEngine | undefined> {
    const glossary = this.get();
    return glossary ? engineFor(glossary, nextTurn) : Promise.resolve(undefined);
  }

  /** Reads the user's glossaries now (the first time, and after any change); resolves once merged. */
  reload(): Promise<void> {
    clearTimeout(this.pending);
    this.pending = undefined;
    this.loading = this.loading.then(() => this.readUserGlossaries()).catch((error: unknown) => {
      void vscode.window.showErrorMessage(vscode.l10n.t('Concept Explainer cannot read your glossaries: {0}', String(error)));
    });
    return this.loading;
  }

  /** Resolves when no reload is waiting or running: what tests wait on after saving a file. */
  async settled(): Promise<void> {
    while (this.pending) await new Promise((resolve) => setTimeout(resolve, RELOAD_DELAY_MS));
    await this.loading;
  }

  private scheduleReload(): void {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => void this.reload(), RELOAD_DELAY_MS);
  }

  /** The bundled glossary indexed on its own, for when no user glossary is merged into it. */
  private loadBundled(): Glossary | undefined {
    const concepts = this.readBundled();
    this.bundled ??= concepts && new Glossary(concepts, { details: this.details });
    return this.bundled;
  }

  private readBundled(): Concept[] | undefined {
    if (this.bundledConcepts || this.failure) {
      return this.bundledConcepts;
    }
    try {
      this.bundledConcepts = this.host.bundled.concepts();
    } catch (error) {
      this.failure = error as Error;
      void vscode.window.showErrorMessage(vscode.l10n.t('Concept Explainer cannot load its glossary: {0}', this.failure.message));
    }
    return this.bundledConcepts;
  }

  private async readUserGlossaries(): Promise<void> {
    this.readPaths = JSON.stringify(this.config.current.glossaryPaths);
    const files = await this.glossaryFiles();
    this.files = files;
    this.watch();
    const inputs: MergeInput[] = [];
    const rules = await this.fileRules();
    for (const uri of files) for (const input of await this.readOne(uri, rules)) inputs.push(input);
    // Without user glossaries the bundled one stays unloaded until a feature needs it.
    const concepts = inputs.length > 0 ? this.readBundled() : undefined;
    const merged = concepts
      ? await this.merge(concepts, inputs)
      : { glossary: this.bundledConcepts ? this.loadBundled() : undefined, problems: [] };
    this.showProblems(files, merged.problems);
    this.merged = merged.glossary;
    if (merged.glossary) this.changed.fire(merged.glossary);
  }

  /** Big glossaries are parsed and checked in a worker, so that the host never stalls on them; small ones here. */
  private async merge(bundled: readonly Concept[], inputs: readonly MergeInput[]): Promise<MergedGlossary> {
    const chars = inputs.reduce((sum, input) => sum + ('text' in input ? input.text.length : 0), 0);
    if (chars <= OFF_THREAD_CHARS) return mergeHere(bundled, inputs, this.details);
    try {
      return await this.host.mergeOffThread(bundled, inputs, this.details);
    } catch (error) {
      const problems = inputs.map((input) => fileProblem(input.file, vscode.l10n.t('Your glossaries could not be read: {0}', (error as Error).message)));
      return { glossary: this.loadBundled() ?? new Glossary(bundled, { details: this.details }), problems };
    }
  }

  /** In Restricted Mode a file must stay inside the workspace folders, links followed. */
  private async fileRules(): Promise<UserFileRules> {
    const maxBytes = this.config.current.glossaryMaxFileKB * 1024;
    if (vscode.workspace.isTrusted) return { maxBytes };
    return { maxBytes, confineTo: await this.host.confinement(vscode.workspace.workspaceFolders ?? []) };
  }

  /** The default file of each workspace folder, then every path of the setting (a folder gives its `*.json`). */
  private async glossaryFiles(): Promise<vscode.Uri[]> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const candidates: vscode.Uri[] = folders.map((folder) => vscode.Uri.joinPath(folder.uri, WORKSPACE_GLOSSARY));
    for (const entry of this.config.current.glossaryPaths) {
      for (const uri of resolveSettingPath(entry.trim(), folders, this.host)) {
        // A loop, not push(...): a folder may hold more files than a call has room for arguments.
        for (const file of await expandFolder(uri)) candidates.push(file);
      }
    }
    const unique = new Map(candidates.map((uri) => [uri.toString(), uri]));
    return [...unique.values()];
  }

  /**
   * Any change to a glossary file, or a new file in a folder the setting names, reloads. The watchers are
   * made again only when the paths they watch change, not on every save.
   */
  private watch(): void {
    const watched = this.config.current.glossaryPaths.flatMap((entry) => resolveSettingPath(entry.trim(), vscode.workspace.workspaceFolders ?? [], this.host));
    const key = watched.map((uri) => uri.toString()).join('\n');
    if (key === this.watchedKey && this.watchers.length > 0) return;
    this.watchedKey = key;
    this.disposeWatchers();
    const patterns: vscode.GlobPattern[] = [`**/${WORKSPACE_GLOSSARY}`];
    for (const uri of watched) {
      // Whether the path is a file or a folder may change: watch it as both.
      patterns.push(new vscode.RelativePattern(uri, '*.json'), new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), basename(uri)));
    }
    for (const pattern of patterns) {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      const reload = () => this.scheduleReload();
      watcher.onDidChange(reload);
      watcher.onDidCreate(reload);
      watcher.onDidDelete(reload);
      this.watchers.push(watcher);
    }
    // A file written into a folder that has just been created can come before the watcher sees the folder,
    // and its own event is then lost: a new or removed `.vscode` folder reloads too.
    const folders = vscode.workspace.createFileSystemWatcher(`**/${WORKSPACE_GLOSSARY_FOLDER}`, false, true, false);
    folders.onDidCreate(() => this.scheduleReload());
    folders.onDidDelete(() => this.scheduleReload());
    this.watchers.push(folders);
  }

  private disposeWatchers(): void {
    for (const watcher of this.watchers) watcher.dispose();
    this.watchers = [];
  }

  /**
   * One file, read within the rules; a file that cannot be read gives only its problem, and nothing it does stops the
   * other files.
   */
  private async readOne(uri: vscode.Uri, rules: UserFileRules): Promise<MergeInput[]> {
    try {
      const read = await this.host.readUserFile(uri, rules);
      if ('missing' in read) return [];
      if ('problem' in read) return [{ file: uri.fsPath, problems: [read.problem] }];
      return [{ file: uri.fsPath, text: read.text }];
    } catch (error) {
      return [{ file: uri.fsPath, problems: [fileProblem(uri.fsPath, vscode.l10n.t('This file cannot be read: {0}', (error as Error).message))] }];
    }
  }

  private showProblems(files: readonly vscode.Uri[], problems: readonly UserGlossaryProblem[]): void {
    this.diagnostics.clear();
    for (const uri of files) {
      const own = problems.filter((problem) => problem.file === uri.fsPath);
      if (own.length > 0) this.diagnostics.set(uri, own.map(toDiagnostic));
    }
  }
}

function toDiagnostic(problem: UserGlossaryProblem): vscode.Diagnostic {
  const range = new vscode.Range(problem.start.line, problem.start.character, problem.end.line, problem.end.character);
  const severity = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information }[problem.severity];
  const diagnostic = new vscode.Diagnostic(range, problem.message, severity);
  diagnostic.source = 'Concept Explainer';
  return diagnostic;
}

/**
 * `~/x` from the home folder (none in a browser), an absolute path as is, a relative one from each workspace folder.
 */
function resolveSettingPath(entry: string, folders: readonly vscode.WorkspaceFolder[], host: GlossaryHost): vscode.Uri[] {
  if (entry === '~' || entry.startsWith('~/')) {
    return host.homeFolder ? [vscode.Uri.joinPath(host.homeFolder, entry.slice(1))] : [];
  }
  if (entry.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(entry)) {
    return [host.absolutePath(entry, folders)];
  }
  return folders.map((folder) => vscode.Uri.joinPath(folder.uri, entry));
}

async function expandFolder(uri: vscode.Uri): Promise<vscode.Uri[]> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) {
      const entries = await vscode.workspace.fs.readDirectory(uri);
      return entries
        .filter(([name, type]) => type & vscode.FileType.File && name.endsWith('.json'))
        .map(([name]) => name)
        .sort()
        .map((name) => vscode.Uri.joinPath(uri, name));
    }
  } catch {
    // A path that does not exist yet: it becomes a glossary once created.
  }
  return [uri];
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
