import * as vscode from 'vscode';
import { filterConcepts } from '../../core/glossary/search';
import { otherLang, type Concept, type Lang } from '../../core/glossary/types';
import type { GlossaryService } from '../glossaryService';

export const GLOSSARY_TOOL = 'conceptExplainer_lookup';

interface LookupInput {
  readonly query: string;
  readonly lang?: Lang;
}

/** What an agent gets back stays short: its context is precious. */
const MAX_RESULT_CHARS = 4000;
const MAX_QUERY_CHARS = 500;

/**
 * A tool for agents in VS Code's chat (`#concept`): looks up machine-learning concepts by term or question,
 * in French or English, in the merged glossary (the user's own included), and returns their definitions, the
 * passages that answer the question and their ids. Read-only and local: nothing leaves the machine.
 */
export class GlossaryLookupTool implements vscode.LanguageModelTool<LookupInput> {
  constructor(private readonly glossary: GlossaryService) {}

  prepareInvocation(options: vscode.LanguageModelToolInvocationPrepareOptions<LookupInput>): vscode.PreparedToolInvocation {
    return { invocationMessage: vscode.l10n.t('Looking up "{0}" in the concept glossary', String(options.input?.query ?? '').slice(0, 80)) };
  }

  async invoke(options: vscode.LanguageModelToolInvocationOptions<LookupInput>): Promise<vscode.LanguageModelToolResult> {
    return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(await this.lookup(options.input))]);
  }

  /** The text an agent reads; exported through `invoke` only. */
  async lookup(input: unknown): Promise<string> {
    const { query, lang } = parseInput(input);
    const engine = await this.glossary.engine();
    if (!query) return 'Give a term or a question about machine learning in "query".';
    if (!engine) return 'The concept glossary could not be loaded.';
    const prepared = engine.prepare({ question: query, answerLang: lang ?? 'auto', fallbackLang: 'en', history: [] });
    const concepts = prepared.understanding.concepts.length > 0 ? prepared.understanding.concepts : filterConcepts(engine.glossary, query).slice(0, 3);
    if (concepts.length === 0) return `No machine-learning concept of the glossary matches "${query}".`;
    const shown = prepared.understanding.concepts.length > 0 ? prepared.lang : (lang ?? prepared.lang);
    const lines = concepts.map((concept) => describe(concept, shown));
    const passages = prepared.passages.filter((passage) => passage.kind !== 'definition').map((passage) => `${passage.kind} (${passage.conceptIds.join(' | ')}): ${passage.text}`);
    return [...lines, ...(passages.length > 0 ? ['', ...passages] : [])].join('\n').slice(0, MAX_RESULT_CHARS);
  }
}

function describe(concept: Concept, lang: Lang): string {
  return `[${concept.id}] ${concept[lang].term} (${otherLang(lang)}: ${concept[otherLang(lang)].term}): ${concept[lang].definition}`;
}

function parseInput(input: unknown): { query: string; lang?: Lang } {
  const value = (typeof input === 'object' && input !== null ? input : {}) as Partial<LookupInput>;
  const query = typeof value.query === 'string' ? value.query.trim().slice(0, MAX_QUERY_CHARS) : '';
  return { query, ...(value.lang === 'fr' || value.lang === 'en' ? { lang: value.lang } : {}) };
}
