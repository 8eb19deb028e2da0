import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import type { Glossary } from '../core/glossary/glossary';
import { isConceptId, type Lang } from '../core/glossary/types';
import { isMachineLearningText } from '../core/matching/reading';
import { findTerms, termMarks, tipFor, type MarkZone, type TermMark, type TermMarker, type TermTip } from '../core/present/termMarks';
import { explainHref } from '../webviewProtocol/notebookTerms';
import { Commands } from './commandIds';
import { displayLang, type ConfigStore } from './config';
import { Disposable } from './dispose';
import type { GlossaryService } from './glossaryService';

/** The path of the URI that opens a concept's explanation: `<scheme>://<extension id>/explain?id=...&lang=...`. */
const EXPLAIN_PATH = '/explain';
/** Documents whose "about machine learning" answer is kept, so that a preview's re-renders do not compute it again. */
const ML_CACHE_SIZE = 20;

/**
 * The Markdown preview runs no command links (VS Code disables them there for safety), so a marked term links to
 * a URI that VS Code routes to this extension's URI handler: `vscode://concept-explainer.concept-explainer/explain`.
 */
export class ExplainLinks implements vscode.UriHandler {
  constructor(private readonly extensionId: string) {}

  /** The link without its query, for a notebook's renderer to complete (`explainHref`). */
  get base(): string {
    return `${vscode.env.uriScheme}://${this.extensionId}${EXPLAIN_PATH}`;
  }

  href(id: string, lang: Lang): string {
    return explainHref(this.base, id, lang);
  }

  /** Opens the explanation a link names; anything else (another path, an unknown id) is ignored. */
  async handleUri(uri: vscode.Uri): Promise<void> {
    if (uri.path !== EXPLAIN_PATH) return;
    const query = new URLSearchParams(uri.query);
    const id = query.get('id');
    const lang = query.get('lang');
    if (!isConceptId(id)) return;
    await vscode.commands.executeCommand(Commands.showConcept, { id, lang: lang === 'fr' || lang === 'en' ? lang : undefined });
  }
}

/**
 * The glossary's terms marked in VS Code's Markdown preview (`extendMarkdownIt`), through the hovers' matcher, with
 * the user's glossaries; off with `conceptExplainer.preview.enabled`. Open previews render again when the setting,
 * the language or the glossary change.
 */
export class PreviewTerms extends Disposable implements TermMarker {
  private extended = false;
  private readonly mlByDocument = new Map<string, { version: number; ml: boolean }>();
  /** Each rendering's answer, so that its many pieces of text look the document up once. */
  private readonly mlByRender = new WeakMap<object, boolean>();

  constructor(
    private readonly glossary: GlossaryService,
    private readonly config: ConfigStore,
    private readonly links: ExplainLinks,
  ) {
    super();
    let shown = this.shownSettings();
    this.register(
      config.onDidChange(() => {
        const now = this.shownSettings();
        if (now !== shown) this.refresh();
        shown = now;
      }),
    );
    this.register(glossary.onDidChange(() => this.refresh()));
  }

  /** What VS Code's Markdown extension calls with its markdown-it instance (once, and again after a plugin reload). */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt {
    this.extended = true;
    return md.use(termMarks, this);
  }

  find(text: string, zone: MarkZone, env: unknown): readonly TermMark[] {
    const glossary = this.config.current.previewEnabled ? this.glossary.get() : undefined;
    return glossary ? findTerms(glossary.matcher, text, zone, this.isMachineLearning(glossary, env)) : [];
  }

  /** The definition in the hover's language (the setting, else the sentence's or the form's), and a link to the panel. */
  tip(id: string, matched: Lang | undefined): TermTip | undefined {
    const concept = this.glossary.get()?.get(id);
    if (!concept) return undefined;
    const lang = displayLang(this.config.current, matched);
    return tipFor(concept, lang, this.links.href(id, lang), vscode.l10n.t('Click to open the full explanation'));
  }

  private isMachineLearning(glossary: Glossary, env: unknown): boolean {
    if (typeof env !== 'object' || env === null) return false;
    let ml = this.mlByRender.get(env);
    if (ml === undefined) {
      ml = this.documentIsMachineLearning(glossary, (env as { currentDocument?: unknown }).currentDocument);
      this.mlByRender.set(env, ml);
    }
    return ml;
  }

  /** The preview's render environment names the document; a text rendered without one is taken as not about machine learning. */
  private documentIsMachineLearning(glossary: Glossary, uri: unknown): boolean {
    // The Markdown extension's Uri: read as a URI string, whichever copy of the API made it.
    if (typeof uri !== 'object' || uri === null || !('scheme' in uri)) return false;
    const key = String(uri);
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === key);
    if (!document) return false;
    const cached = this.mlByDocument.get(key);
    if (cached?.version === document.version) return cached.ml;
    const ml = isMachineLearningText(glossary, document.getText());
    this.mlByDocument.delete(key);
    this.mlByDocument.set(key, { version: document.version, ml });
    if (this.mlByDocument.size > ML_CACHE_SIZE) this.mlByDocument.delete(this.mlByDocument.keys().next().value!);
    return ml;
  }

  private shownSettings(): string {
    const { previewEnabled, language } = this.config.current;
    return `${previewEnabled}:${language}`;
  }

  /** Renders open previews again; nothing to do before the Markdown extension has used the plugin. */
  private refresh(): void {
    if (!this.extended) return;
    this.mlByDocument.clear();
    void vscode.commands.executeCommand('markdown.preview.refresh').then(undefined, () => undefined);
  }
}
