import * as vscode from 'vscode';
import { otherLang, type Concept, type Lang } from '../core/glossary/types';
import { hoverShowsAt } from '../core/hoverWhere';
import { escapeMarkdown } from '../core/present/markdown';
import { lineLanguage } from '../core/present/lineLanguage';
import { Commands, type ShowConceptArgs } from './commandIds';
import { displayLang, type ConfigStore } from './config';
import type { GlossaryService } from './glossaryService';

/** At most this many related concepts in a hover; the panel shows them all. */
const MAX_RELATED_IN_HOVER = 4;

/** Shows a concept's definition when the pointer rests on one of its terms, in any document. */
export class ConceptHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly glossary: GlossaryService,
    private readonly config: ConfigStore,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const config = this.config.current;
    if (!config.hoverEnabled || config.hoverWhere === 'onDemand' || !hoverAllowedFor(document.languageId, config.hoverLanguages)) {
      return undefined;
    }
    const glossary = this.glossary.get();
    // Through the document's reading: code or prose, machine-learning code or not (`lr`, `bias=True`).
    const hit = this.glossary.readingOf(document)?.conceptAt(position.line, position.character);
    if (!glossary || !hit) {
      return undefined;
    }
    // `hover.where`: only in comments, strings and prose, for readers of dense code.
    if (!hoverShowsAt(config.hoverWhere, hit.zone, document.lineAt(position.line).text, position.character, document.languageId)) {
      return undefined;
    }
    // The sentence's language before the form's: "LLMs" in a French sentence shows the French side.
    const lang = displayLang(config, lineLanguage(document.lineAt(position.line).text, hit.start, hit.end) ?? hit.lang);
    const related = hit.concept.related
      .slice(0, MAX_RELATED_IN_HOVER)
      .flatMap((id) => glossary.get(id) ?? []);
    const range = new vscode.Range(position.line, hit.start, position.line, hit.end);
    return new vscode.Hover(hoverMarkdown(hit.concept, lang, related), range);
  }
}

export function hoverAllowedFor(languageId: string, allowed: readonly string[]): boolean {
  return allowed.length === 0 || allowed.includes(languageId);
}

/** Fixed structure in Markdown; every piece of glossary text escaped. Only our own command may run. */
export function hoverMarkdown(concept: Concept, lang: Lang, related: readonly Concept[]): vscode.MarkdownString {
  const entry = concept[lang];
  const other = concept[otherLang(lang)].term;
  const markdown = new vscode.MarkdownString();
  markdown.isTrusted = { enabledCommands: [Commands.showConcept, Commands.askAboutConcept] };
  markdown.appendMarkdown(`**${escapeMarkdown(entry.term)}**`);
  if (other.toLowerCase() !== entry.term.toLowerCase()) {
    markdown.appendMarkdown(` · *${escapeMarkdown(other)}*`);
  }
  markdown.appendMarkdown('\n\n');
  // Escaped by hand: appendText turns every space into a no-break space, and the hover then breaks words anywhere.
  markdown.appendMarkdown(escapeMarkdown(entry.definition));
  markdown.appendMarkdown('\n\n');
  markdown.appendMarkdown(commandLink(vscode.l10n.t('Open the full explanation'), { id: concept.id, lang }));
  markdown.appendMarkdown(` · ${commandLink(vscode.l10n.t('Ask the chat'), { id: concept.id, lang }, Commands.askAboutConcept)}`);
  if (related.length > 0) {
    const links = related.map((target) => commandLink(target[lang].term, { id: target.id, lang }));
    markdown.appendMarkdown(` · ${escapeMarkdown(vscode.l10n.t('Related:'))} ${links.join(', ')}`);
  }
  return markdown;
}

function commandLink(label: string, args: ShowConceptArgs, command: string = Commands.showConcept): string {
  const uri = `command:${command}?${encodeURIComponent(JSON.stringify([args]))}`;
  return `[${escapeMarkdown(label)}](${uri})`;
}

