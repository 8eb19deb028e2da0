import MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { formsOf, type Glossary } from '../core/glossary/glossary';
import { isMachineLearningText } from '../core/matching/reading';
import { conceptsInMarkdown, findTerms } from '../core/present/termMarks';
import { decodeUtf8 } from '../core/text';
import { NOTEBOOK_RENDERER_ID, parseRendererMessage, RENDERER_LIMITS, type RendererTerms } from '../webviewProtocol/notebookTerms';
import { Commands } from './commandIds';
import { uiLang, type ConfigStore } from './config';
import { Disposable } from './dispose';
import type { GlossaryService } from './glossaryService';
import type { ExplainLinks } from './preview';

/** Waits this long after an edit before sending a notebook's terms again, so that typing sends once. */
const UPDATE_DELAY_MS = 250;
/** At most this much of a Markdown output is read for terms (a cell's own text is read whole). */
const MAX_OUTPUT_CHARS = 200_000;

/**
 * Terms in notebooks' rendered Markdown: VS Code's Markdown cell renderer, extended by ours
 * (notebook-src/main.ts), cannot reach the extension host, so each notebook's renderer is sent the concepts its
 * Markdown names (their forms, terms and definitions: a few KB), when it asks and again when the notebook, the
 * glossary or the settings change. A click on a marked term comes back as a message and opens the panel.
 */
export class NotebookTerms extends Disposable {
  private readonly messaging = vscode.notebooks.createRendererMessaging(NOTEBOOK_RENDERER_ID);
  /** Parses cells as the Markdown cell renderer does (raw HTML and bare links on). */
  private readonly md = new MarkdownIt({ html: true, linkify: true });
  /** Notebooks whose renderer asked for terms (by URI), and their pending updates. */
  private readonly served = new Set<string>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly glossary: GlossaryService,
    private readonly config: ConfigStore,
    private readonly links: ExplainLinks,
  ) {
    super();
    this.register({ dispose: () => this.pending.forEach((timer) => clearTimeout(timer)) });
    let shown = this.shownSettings();
    [
      this.messaging.onDidReceiveMessage(({ editor, message }) => void this.receive(editor, message)),
      vscode.workspace.onDidChangeNotebookDocument((event) => {
        if (touchesMarkdown(event)) this.schedule(event.notebook);
      }),
      vscode.workspace.onDidCloseNotebookDocument((notebook) => this.served.delete(notebook.uri.toString())),
      config.onDidChange(() => {
        const now = this.shownSettings();
        if (now !== shown) this.sendAll();
        shown = now;
      }),
      glossary.onDidChange(() => this.sendAll()),
    ].forEach((subscription) => this.register(subscription));
  }

  /** What a notebook's renderer is sent: the concepts its Markdown cells and Markdown outputs name. */
  termsFor(notebook: vscode.NotebookDocument): RendererTerms {
    const config = this.config.current;
    const base = { type: 'terms', enabled: config.previewEnabled, language: config.language, uiLang: uiLang(), hint: vscode.l10n.t('Click to open the full explanation'), linkBase: this.links.base } as const;
    const glossary = config.previewEnabled ? this.glossary.get() : undefined;
    if (!glossary) return { ...base, ml: false, concepts: [] };
    const ml = isMachineLearningText(glossary, notebook.getCells().map((cell) => cell.document.getText()).join('\n'));
    const ids = new Set<string>();
    for (const text of markdownTexts(notebook)) {
      for (const id of conceptsInMarkdown(this.md, text, (piece, zone) => findTerms(glossary.matcher, piece, zone, ml))) ids.add(id);
    }
    return { ...base, ml, concepts: conceptsFor(glossary, ids) };
  }

  private async receive(editor: vscode.NotebookEditor, raw: unknown): Promise<void> {
    const message = parseRendererMessage(raw);
    if (message?.type === 'ready') {
      this.served.add(editor.notebook.uri.toString());
      await this.send(editor);
    } else if (message?.type === 'explain') {
      await vscode.commands.executeCommand(Commands.showConcept, { id: message.id, lang: message.lang });
    }
  }

  private async send(editor: vscode.NotebookEditor): Promise<void> {
    await this.messaging.postMessage(this.termsFor(editor.notebook), editor);
  }

  private schedule(notebook: vscode.NotebookDocument): void {
    const key = notebook.uri.toString();
    if (!this.served.has(key)) return;
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        for (const editor of vscode.window.visibleNotebookEditors) if (editor.notebook === notebook) void this.send(editor);
      }, UPDATE_DELAY_MS),
    );
  }

  private sendAll(): void {
    for (const editor of vscode.window.visibleNotebookEditors) if (this.served.has(editor.notebook.uri.toString())) void this.send(editor);
  }

  private shownSettings(): string {
    const { previewEnabled, language } = this.config.current;
    return `${previewEnabled}:${language}`;
  }
}

/** Whether an edit may change the terms of a notebook's Markdown: cells added or removed, Markdown edited, outputs changed. */
function touchesMarkdown(event: vscode.NotebookDocumentChangeEvent): boolean {
  return event.contentChanges.length > 0 || event.cellChanges.some((change) => change.outputs !== undefined || (change.document !== undefined && change.cell.kind === vscode.NotebookCellKind.Markup));
}

/** The Markdown a notebook renders: its Markdown cells and the Markdown outputs of its code cells. */
function* markdownTexts(notebook: vscode.NotebookDocument): Generator<string> {
  for (const cell of notebook.getCells()) {
    if (cell.kind === vscode.NotebookCellKind.Markup) yield cell.document.getText();
    for (const output of cell.outputs) {
      for (const item of output.items) {
        if (item.mime === 'text/markdown') yield decodeUtf8(item.data.subarray(0, MAX_OUTPUT_CHARS * 4)).slice(0, MAX_OUTPUT_CHARS);
      }
    }
  }
}

/** The concepts named, in the glossary's order (so that a form two concepts share finds the same one as in hovers). */
function conceptsFor(glossary: Glossary, ids: ReadonlySet<string>): RendererTerms['concepts'] {
  return glossary.concepts
    .filter((concept) => ids.has(concept.id))
    .slice(0, RENDERER_LIMITS.concepts)
    .map((concept) => ({
      id: concept.id,
      forms: formsOf(concept).slice(0, RENDERER_LIMITS.forms).map((form) => [form.lang, form.text, form.preferred] as const),
      fr: { term: concept.fr.term, definition: concept.fr.definition },
      en: { term: concept.en.term, definition: concept.en.definition },
    }));
}
