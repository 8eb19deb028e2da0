import * as vscode from 'vscode';
import { escapeMarkdown } from '../core/present/markdown';
import type { Glossary } from '../core/glossary/glossary';
import { filterConcepts } from '../core/glossary/search';
import type { Category, Concept, Lang } from '../core/glossary/types';
import { CATEGORIES, categoryLabel } from '../core/present/labels';
import { Commands } from './commandIds';
import { displayLang, uiLang, type ConfigStore } from './config';
import type { GlossaryService } from './glossaryService';

export const GLOSSARY_VIEW = 'conceptExplainer.glossary';
/** Context key that shows the "clear filter" button. */
const FILTERED_CONTEXT = 'conceptExplainer.treeFiltered';

type Node = { readonly kind: 'category'; readonly category: Category; readonly concepts: readonly Concept[] } | { readonly kind: 'concept'; readonly concept: Concept };

/** The glossary as a tree: categories, then their concepts; a filter narrows both. */
export class GlossaryTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private filterText = '';
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<Node>;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly glossary: GlossaryService,
    private readonly config: ConfigStore,
  ) {
    this.view = vscode.window.createTreeView(GLOSSARY_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions = [
      this.view,
      this.changed,
      glossary.onDidChange(() => this.refresh()),
      config.onDidChange(() => this.refresh()),
      vscode.commands.registerCommand(Commands.filterTree, (text?: unknown) => this.askFilter(text)),
      vscode.commands.registerCommand(Commands.clearTreeFilter, () => this.setFilter('')),
    ];
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  get filter(): string {
    return this.filterText;
  }

  /** What the tree shows, for tests: category labels and concept ids, in order. */
  outline(): Array<{ category: string; concepts: string[] }> {
    return this.categoryNodes().map((node) => ({ category: node.category, concepts: node.concepts.map((concept) => concept.id) }));
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.categoryNodes();
    return node.kind === 'category' ? node.concepts.map((concept) => ({ kind: 'concept', concept })) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const lang = displayLang(this.config.current);
    if (node.kind === 'category') {
      // A label: in the UI's language, whatever the language the concepts are shown in.
      const item = new vscode.TreeItem(categoryLabel(node.category, uiLang()), this.filterText ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      // A filtered tree gets other ids: VS Code would otherwise keep each category as collapsed as it was.
      item.id = this.filterText ? `category:${node.category}:${this.filterText}` : `category:${node.category}`;
      item.description = String(node.concepts.length);
      return item;
    }
    return this.conceptItem(node.concept, lang);
  }

  private conceptItem(concept: Concept, lang: Lang): vscode.TreeItem {
    const origin = this.glossary.get()?.origin(concept.id);
    const item = new vscode.TreeItem(concept[lang].term, vscode.TreeItemCollapsibleState.None);
    item.id = `concept:${concept.id}`;
    item.description = origin?.kind === 'user' ? vscode.l10n.t('mine') : origin?.kind === 'override' ? vscode.l10n.t('mine (replaces the bundled one)') : undefined;
    item.iconPath = new vscode.ThemeIcon(origin ? 'account' : concept.level === 'beginner' ? 'symbol-key' : 'symbol-class');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(escapeMarkdown(concept[lang].definition));
    if (origin) {
      tooltip.appendMarkdown('\n\n');
      tooltip.appendMarkdown(escapeMarkdown(vscode.l10n.t('From your glossary: {0}', vscode.workspace.asRelativePath(origin.file))));
      if (!vscode.workspace.isTrusted) {
        tooltip.appendMarkdown('\n\n');
        tooltip.appendMarkdown(escapeMarkdown(vscode.l10n.t('Restricted Mode: read as data only.')));
      }
    }
    item.tooltip = tooltip;
    item.contextValue = origin ? 'userConcept' : 'concept';
    item.command = { command: Commands.showConcept, title: vscode.l10n.t('Open the full explanation'), arguments: [{ id: concept.id, lang }] };
    return item;
  }

  private categoryNodes(): Array<Extract<Node, { kind: 'category' }>> {
    const glossary = this.glossary.get();
    if (!glossary) return [];
    const lang = displayLang(this.config.current);
    const concepts = this.filterText ? filterConcepts(glossary, this.filterText) : sortedByTerm(glossary, lang);
    return CATEGORIES.flatMap(({ id }) => {
      const inCategory = concepts.filter((concept) => concept.category === id);
      return inCategory.length > 0 ? [{ kind: 'category' as const, category: id, concepts: inCategory }] : [];
    });
  }

  private async askFilter(text: unknown): Promise<string> {
    const value =
      typeof text === 'string'
        ? text
        : await vscode.window.showInputBox({
            title: vscode.l10n.t('Filter Concepts'),
            prompt: vscode.l10n.t('Part of a term or alias, in French or English'),
            value: this.filterText,
          });
    if (value !== undefined) this.setFilter(value);
    return this.filterText;
  }

  private setFilter(text: string): void {
    this.filterText = text.trim();
    void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, this.filterText !== '');
    this.view.message = this.filterText ? vscode.l10n.t('Filtered by "{0}"', this.filterText) : undefined;
    if (this.filterText && this.categoryNodes().length === 0) {
      this.view.message = vscode.l10n.t('No concept matches "{0}".', this.filterText);
    }
    this.refresh();
  }

  private refresh(): void {
    this.changed.fire();
  }
}

function sortedByTerm(glossary: Glossary, lang: Lang): Concept[] {
  const collator = new Intl.Collator(lang, { sensitivity: 'base' });
  return [...glossary.concepts].sort((a, b) => collator.compare(a[lang].term, b[lang].term));
}
