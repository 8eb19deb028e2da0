import * as vscode from 'vscode';
import { detectLanguage } from '../../core/pipeline/language';
import type { Glossary } from '../../core/glossary/glossary';
import type { Lang } from '../../core/glossary/types';
import { buildConceptView, links } from '../../core/present/conceptView';
import {
  parsePanelState,
  parseWebviewMessage,
  type ConceptView,
  type HistoryItem,
  type HostMessage,
  type PanelState,
  type WebviewMessage,
} from '../../webviewProtocol/panelMessages';
import { Commands } from '../commandIds';
import { displayLang, uiLang, writeSetting, type ConfigStore } from '../config';
import { quoted } from '../../core/pipeline/phrasing';
import { Disposable } from '../dispose';
import type { GlossaryService } from '../glossaryService';
import { PanelHistory, type PanelEntry } from './history';
import { WebviewChannel, webviewOptions } from '../webview';
import { panelStrings } from './strings';

export const PANEL_VIEW_TYPE = 'conceptExplainer.explanation';

/** What the panel shows now, for commands and tests. */
export interface PanelSnapshot {
  readonly entry: PanelEntry | undefined;
  readonly lang: Lang;
  readonly visible: boolean;
  /** What the panel last rendered for a concept. */
  readonly view?: ConceptView;
  /** The tab's title. */
  readonly title: string;
  /** What the panel last rendered for a query that matched nothing. */
  readonly notFound?: { readonly query: string; readonly lang: Lang; readonly suggestions: readonly string[] };
}

/** The explanation panel: one per window, reused, restored after a reload. */
export class ExplanationPanel extends Disposable {
  private readonly history = new PanelHistory();
  private readonly channel: WebviewChannel<HostMessage, WebviewMessage>;
  private lang: Lang;
  private lastView: ConceptView | undefined;
  private lastNotFound: PanelSnapshot['notFound'];
  private readonly disposedEmitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidDispose = this.disposedEmitter.event;

  constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly glossary: GlossaryService,
    private readonly config: ConfigStore,
    lang: Lang,
    private readonly saveState: (state: PanelState) => void,
  ) {
    super();
    this.lang = lang;
    this.channel = this.register(
      new WebviewChannel<HostMessage, WebviewMessage>(panel.webview, extensionUri, 'panel', panel.title, parseWebviewMessage, {
        ready: () => this.render(),
        message: (message) => this.handle(message),
      }),
    );
    this.register(panel.onDidDispose(() => this.dispose()));
    this.register(config.onDidChange(() => this.render()));
    // A saved user glossary can change the concept on show, or remove it.
    this.register(glossary.onDidChange(() => this.render()));
  }

  static create(extensionUri: vscode.Uri, glossary: GlossaryService, config: ConfigStore, lang: Lang, saveState: (state: PanelState) => void): ExplanationPanel {
    const panel = vscode.window.createWebviewPanel(
      PANEL_VIEW_TYPE,
      vscode.l10n.t('Concept Explainer'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      webviewOptions(extensionUri),
    );
    return new ExplanationPanel(panel, extensionUri, glossary, config, lang, saveState);
  }

  override dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this.disposedEmitter.fire();
    super.dispose();
    this.panel.dispose();
  }

  get snapshot(): PanelSnapshot {
    return { entry: this.history.current, lang: this.lang, visible: this.panel.visible, view: this.lastView, title: this.panel.title, notFound: this.lastNotFound };
  }

  /** Restores what the panel showed before a reload. */
  restore(savedState: unknown): void {
    const state = parsePanelState(savedState);
    this.lang = state.lang ?? this.lang;
    // Kept even if the glossary has not loaded yet, or no longer has it: the page then says so (see message).
    if (state.conceptId) this.history.push({ kind: 'concept', id: state.conceptId });
    this.render();
  }

  showConcept(id: string, lang?: Lang): void {
    this.lang = lang ?? this.lang;
    this.history.push({ kind: 'concept', id });
    this.render();
    this.panel.reveal(undefined, true);
  }

  showNotFound(query: string): void {
    this.history.push({ kind: 'notFound', query });
    this.render();
    this.panel.reveal(undefined, true);
  }

  private handle(message: Exclude<WebviewMessage, { type: 'ready' }>): void {
    switch (message.type) {
      case 'openConcept':
        if (this.glossary.get()?.get(message.id)) {
          this.history.push({ kind: 'concept', id: message.id });
        }
        break;
      case 'back':
        this.history.back();
        break;
      case 'forward':
        this.history.forward();
        break;
      case 'goToHistory':
        this.history.goTo(message.index);
        break;
      case 'setLanguage':
        this.lang = message.lang;
        break;
      case 'askChat': {
        const entry = this.history.current;
        if (entry?.kind === 'concept') void vscode.commands.executeCommand(Commands.askAboutConcept, { id: entry.id, lang: this.lang });
        return;
      }
      case 'setFollow':
        void writeSetting('panel.followSelection', message.follow);
        return;
    }
    this.render();
  }

  private render(): void {
    const message = this.message();
    if (message) this.channel.post(message);
  }

  private message(): HostMessage | undefined {
    const glossary = this.glossary.get();
    const entry = this.history.current;
    if (!glossary || !entry) {
      return undefined;
    }
    const common = {
      canGoBack: this.history.canGoBack,
      follow: this.config.current.followSelection,
      strings: panelStrings(),
    };
    const concept = entry.kind === 'concept' ? glossary.get(entry.id) : undefined;
    if (!concept) {
      // A query nothing matches, or a concept that left the glossary (a panel restored after its user entry
      // was removed): the closest concepts, in the query's language.
      const query = entry.kind === 'notFound' ? entry.query : entry.id.replace(/-/g, ' ');
      const closest = glossary.suggest(query);
      const lang = glossary.languageOf(query, closest.slice(0, 1)) ?? detectLanguage(query, this.lang);
      const suggestions = links(glossary, closest.map((found) => found.id), lang);
      this.panel.title = quoted(query, uiLang());
      this.lastNotFound = { query, lang, suggestions: suggestions.map((link) => link.term) };
      return { type: 'showNotFound', query, suggestions, ...common };
    }
    this.panel.title = concept[this.lang].term;
    this.saveState({ conceptId: concept.id, lang: this.lang });
    const view = buildConceptView(glossary, concept, this.lang, {
      displayFile: (file) => vscode.workspace.asRelativePath(file),
      plainText: !vscode.workspace.isTrusted,
      labelsLang: uiLang(),
    });
    this.lastView = view;
    return { type: 'showConcept', view, canGoForward: this.history.canGoForward, ...this.historyItems(glossary), ...common };
  }

  private historyItems(glossary: Glossary): { history: HistoryItem[]; historyIndex: number } {
    const { entries, index } = this.history.all;
    const first = Math.max(0, Math.min(index - HISTORY_SHOWN / 2, entries.length - HISTORY_SHOWN));
    const history = entries.slice(first, first + HISTORY_SHOWN).map((entry, offset) => ({
      index: first + offset,
      label: entry.kind === 'concept' ? (glossary.get(entry.id)?.[this.lang].term ?? entry.id) : quoted(entry.query, uiLang()),
    }));
    return { history, historyIndex: index };
  }
}

/** At most this many recent steps of the history are shown, around the current one. */
const HISTORY_SHOWN = 8;


/** Where the panel's concept is also kept, for a reload that comes before the webview could save its state. */
const PANEL_STATE_KEY = 'conceptExplainer.panel.state';

/** Keeps the single panel of the window and creates or revives it on demand. */
export class ExplanationPanelManager extends Disposable implements vscode.WebviewPanelSerializer {
  private panel: ExplanationPanel | undefined;
  private readonly saveState = (state: PanelState) => void this.storage.update(PANEL_STATE_KEY, state);

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly glossary: GlossaryService,
    private readonly config: ConfigStore,
    private readonly storage: vscode.Memento,
  ) {
    super();
    this.register(vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, this));
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  get snapshot(): PanelSnapshot | undefined {
    return this.panel?.snapshot;
  }

  showConcept(id: string, lang?: Lang): void {
    this.open(lang).showConcept(id, lang);
  }

  showNotFound(query: string): void {
    this.open().showNotFound(query);
  }

  async deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const panel = this.adopt(new ExplanationPanel(webviewPanel, this.extensionUri, this.glossary, this.config, this.defaultLang(), this.saveState));
    panel.restore(parsePanelState(state).conceptId ? state : this.storage.get(PANEL_STATE_KEY));
  }

  override dispose(): void {
    this.panel?.dispose();
    super.dispose();
  }

  private open(lang?: Lang): ExplanationPanel {
    return this.panel ?? this.adopt(ExplanationPanel.create(this.extensionUri, this.glossary, this.config, lang ?? this.defaultLang(), this.saveState));
  }

  private adopt(panel: ExplanationPanel): ExplanationPanel {
    this.panel?.dispose();
    this.panel = panel;
    panel.onDidDispose(() => {
      if (this.panel === panel) {
        this.panel = undefined;
      }
    });
    return panel;
  }

  private defaultLang(): Lang {
    return displayLang(this.config.current);
  }
}
