import * as vscode from 'vscode';
import type { Lang } from '../core/glossary/types';
import type { LocatedHit } from '../core/matching/reading';
import { displayLang, type ConfigStore } from './config';
import type { GlossaryService } from './glossaryService';
import type { ExplanationPanelManager, PanelSnapshot } from './panel/explanationPanel';

export interface ConceptsInFileDeps {
  readonly glossary: GlossaryService;
  readonly config: ConfigStore;
  readonly panels: ExplanationPanelManager;
}

/** A concept the active file uses: where it first appears, how often, and the language of the words that named it. */
export interface FileConcept {
  readonly id: string;
  readonly count: number;
  /** The first hover's document and position (a notebook's cell document, for a notebook). */
  readonly first: { readonly uri: vscode.Uri; readonly line: number; readonly character: number };
  /** The first hover's form language (`undefined`: the same in both). */
  readonly lang: Lang | undefined;
}

interface ConceptItem extends vscode.QuickPickItem {
  readonly concept: FileConcept;
}

/**
 * The concepts the active file shows on hover, in reading order (a notebook's cells in order), each once: the
 * same reading as the hovers. `undefined` when no file is open.
 */
export function conceptsInActiveFile(glossary: GlossaryService): FileConcept[] | undefined {
  const notebook = vscode.window.activeNotebookEditor?.notebook;
  const documents = notebook ? notebook.getCells().map((cell) => cell.document) : vscode.window.activeTextEditor ? [vscode.window.activeTextEditor.document] : undefined;
  if (!documents) return undefined;
  const concepts = new Map<string, { id: string; count: number; first: FileConcept['first']; lang: Lang | undefined }>();
  for (const document of documents) {
    for (const hit of glossary.readingOf(document)?.hits() ?? []) add(concepts, document.uri, hit);
  }
  return [...concepts.values()];
}

function add(concepts: Map<string, { id: string; count: number; first: FileConcept['first']; lang: Lang | undefined }>, uri: vscode.Uri, hit: LocatedHit): void {
  const known = concepts.get(hit.concept.id);
  if (known) known.count++;
  else concepts.set(hit.concept.id, { id: hit.concept.id, count: 1, first: { uri, line: hit.line, character: hit.start }, lang: hit.lang });
}

/**
 * "Concepts in This File": a quick pick of the concepts the active file uses, in reading order; moving through
 * the list shows where each first appears, and picking one opens its explanation.
 */
export async function pickConceptInFile({ glossary, config, panels }: ConceptsInFileDeps): Promise<PanelSnapshot | undefined> {
  const loaded = glossary.get();
  const concepts = loaded && conceptsInActiveFile(glossary);
  if (!loaded || !concepts) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a file to see the concepts it uses.'));
    return undefined;
  }
  if (concepts.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This file names no concept of the glossary.'));
    return undefined;
  }
  const items = concepts.map((concept): ConceptItem => {
    const entry = loaded.get(concept.id)!;
    const lang = displayLang(config.current, concept.lang);
    const where = vscode.l10n.t('line {0}', concept.first.line + 1);
    return {
      concept,
      label: entry[lang].term,
      description: concept.count > 1 ? `${where} · ×${concept.count}` : where,
      detail: entry[lang].definition,
    };
  });
  const picked = await showPick(items, concepts.length);
  if (!picked) return undefined;
  panels.showConcept(picked.id, displayLang(config.current, picked.lang));
  return panels.snapshot;
}

/** The quick pick, revealing each item's first appearance in the editor as it becomes active. */
async function showPick(items: readonly ConceptItem[], count: number): Promise<FileConcept | undefined> {
  const quickPick = vscode.window.createQuickPick<ConceptItem>();
  quickPick.title = vscode.l10n.t('Concepts in this file ({0})', count);
  quickPick.placeholder = vscode.l10n.t('Pick a concept to open its explanation');
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  quickPick.items = items;
  quickPick.onDidChangeActive(([active]) => active && reveal(active.concept));
  try {
    return await new Promise<FileConcept | undefined>((resolve) => {
      quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]?.concept));
      quickPick.onDidHide(() => resolve(undefined));
      quickPick.show();
    });
  } finally {
    quickPick.dispose();
  }
}

function reveal(concept: FileConcept): void {
  const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === concept.first.uri.toString());
  if (!editor) return;
  const position = new vscode.Position(concept.first.line, concept.first.character);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** How long the view waits after an edit or a switch of editor before reading the file again. */
const REFRESH_DELAY_MS = 300;

/**
 * The *In This File* view of the Concepts container: the concepts the active file uses, in reading order;
 * selecting one opens its explanation. It is read again when the active editor, its text or the glossary
 * changes, and only while the view is visible.
 */
export function registerConceptsInFileView({ glossary, config }: ConceptsInFileDeps): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.TreeDataProvider<FileConcept> = {
    onDidChangeTreeData: changed.event,
    getChildren: (element) => (element ? [] : conceptsOrMessage()),
    getTreeItem: (concept) => treeItem(concept),
  };
  const view = vscode.window.createTreeView('conceptExplainer.inThisFile', { treeDataProvider: provider });
  const conceptsOrMessage = (): FileConcept[] => {
    const concepts = glossary.get() ? conceptsInActiveFile(glossary) : undefined;
    view.message = !concepts ? vscode.l10n.t('Open a file to see the concepts it uses.') : concepts.length === 0 ? vscode.l10n.t('This file names no concept of the glossary.') : undefined;
    return concepts ?? [];
  };
  const treeItem = (concept: FileConcept): vscode.TreeItem => {
    const entry = glossary.get()?.get(concept.id);
    const lang = displayLang(config.current, concept.lang);
    const item = new vscode.TreeItem(entry?.[lang].term ?? concept.id);
    const where = vscode.l10n.t('line {0}', concept.first.line + 1);
    item.description = concept.count > 1 ? `${where} · ×${concept.count}` : where;
    item.tooltip = entry?.[lang].definition;
    item.command = { command: 'conceptExplainer.showConcept', title: entry?.[lang].term ?? concept.id, arguments: [{ id: concept.id, lang }] };
    return item;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = () => {
    clearTimeout(timer);
    timer = setTimeout(() => view.visible && changed.fire(), REFRESH_DELAY_MS);
  };
  return vscode.Disposable.from(
    view,
    changed,
    { dispose: () => clearTimeout(timer) },
    view.onDidChangeVisibility(refresh),
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.window.onDidChangeActiveNotebookEditor(refresh),
    vscode.workspace.onDidChangeTextDocument((event) => {
      const active = vscode.window.activeTextEditor?.document;
      if (event.document === active || vscode.window.activeNotebookEditor?.notebook.getCells().some((cell) => cell.document === event.document)) refresh();
    }),
    glossary.onDidChange(refresh),
    config.onDidChange(refresh),
  );
}
