import * as vscode from 'vscode';
import { detectLanguage } from '../../core/pipeline/language';
import { MAX_QUESTION_CHARS, type Backend, type ChatEngine } from '../../core/pipeline/engine';
import type { Turn } from '../../core/chat/conversation';
import { searchConcepts } from '../../core/glossary/search';
import { otherLang, type Lang } from '../../core/glossary/types';
import { Commands } from '../commandIds';
import { compareWithLabel, comparePair, differenceQuestion, simplerQuestion } from '../../core/present/questions';
import { escapeMarkdown, escapeMarkdownText, unescapeMarkdownText } from '../../core/present/markdown';
import { uiLang, type ConfigStore } from '../config';
import type { GlossaryService } from '../glossaryService';
import type { ModelService } from '../modelService';
import type { ChatController } from './chatController';
import { modelOrigin, sendThrough } from './languageModels';
import { BUNDLED_MODEL_VENDOR } from './bundledModelProvider';

export const PARTICIPANT_ID = 'conceptExplainer.concepts';

export interface ParticipantDeps {
  readonly chat: ChatController;
  readonly glossary: GlossaryService;
  readonly config: ConfigStore;
  readonly model: ModelService;
  readonly extensionUri: vscode.Uri;
}

/** What an answer leaves for the follow-ups and for the next turns' understanding. */
interface AnswerMetadata {
  readonly question: string;
  readonly intent: string;
  readonly concepts: readonly string[];
  readonly lang: Lang;
  /** Who answered (Turn.origin): the answer goes back, as history, to that model only. */
  readonly origin?: string;
  /** The answer was streamed as escaped text (Restricted Mode): history reads it unescaped. */
  readonly plainText?: boolean;
}

/** `@concepts` in VS Code's Chat view: the same pipeline as the side view, offline by default. */
export function registerConceptParticipant(deps: ParticipantDeps): vscode.Disposable {
  const participant = vscode.chat.createChatParticipant(PARTICIPANT_ID, (request, context, stream, token) => answerInChat(deps, request, context, stream, token));
  participant.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'concepts.svg');
  participant.followupProvider = { provideFollowups: (result) => followups(deps, result) };
  return participant;
}

/** The handler, exported for the integration tests, which call it with VS Code's own types. */
export async function answerInChat(
  deps: ParticipantDeps,
  request: Pick<vscode.ChatRequest, 'prompt' | 'command' | 'model'>,
  context: Pick<vscode.ChatContext, 'history'>,
  stream: Pick<vscode.ChatResponseStream, 'markdown' | 'button' | 'progress'>,
  token: vscode.CancellationToken,
): Promise<vscode.ChatResult> {
  const engine = await deps.glossary.engine();
  if (!engine) return { errorDetails: { message: vscode.l10n.t('The glossary could not be loaded.') } };
  // The pipeline reads this much of a question; a 1 MB message held the host 6 to 8 s before it was cut.
  const prompt = request.prompt.slice(0, MAX_QUESTION_CHARS);
  const lang = detectLanguage(prompt, uiLang());
  if (request.command === 'glossary') return listConcepts(engine, prompt, lang, stream);
  const question = questionFor(request.command, prompt.trim(), lang);
  if (!question) {
    stream.markdown(vscode.l10n.t('Name a concept, for example: `/explain self-attention` or `/compare GPT and ChatGPT`.'));
    return {};
  }
  const controller = new AbortController();
  const cancel = token.onCancellationRequested(() => controller.abort());
  // In Restricted Mode an answer may quote the workspace's glossary: it shows as written, never as Markdown (links).
  const plainText = !vscode.workspace.isTrusted;
  try {
    const answer = await engine.ask(
      { question, answerLang: 'auto', fallbackLang: lang, history: historyTurns(context.history) },
      await backendFor(deps, request.model),
      // Pieces the model had already written when the request was cancelled are not shown.
      (text) => token.isCancellationRequested || stream.markdown(plainText ? escapeMarkdownText(text) : text),
      controller.signal,
    );
    for (const id of answer.sources) {
      const concept = engine.glossary.get(id);
      if (concept) stream.button({ command: Commands.showConcept, title: vscode.l10n.t('Open: {0}', concept[answer.lang].term), arguments: [{ id, lang: answer.lang }] });
    }
    const metadata: AnswerMetadata = { question, intent: answer.understanding.intent, concepts: answer.understanding.concepts.map((c) => c.id), lang: answer.lang, origin: answer.origin, plainText };
    return { metadata };
  } catch (error) {
    if (token.isCancellationRequested) return {};
    return { errorDetails: { message: (error as Error)?.message ?? String(error) } };
  } finally {
    cancel.dispose();
  }
}

/** `/explain X` asks what X is; `/compare X and Y` asks for their difference; anything else as written. */
function questionFor(command: string | undefined, prompt: string, lang: Lang): string {
  if (!prompt) return '';
  if (command === 'compare') return differenceQuestion(prompt, lang);
  return prompt;
}

/**
 * The bundled model unless the user allowed the model picked in VS Code's chat; in Restricted Mode always the
 * bundled one, so nothing leaves the machine.
 */
async function backendFor(deps: ParticipantDeps, model: vscode.LanguageModelChat | undefined): Promise<Backend> {
  // The bundled model picked in the Chat view (offered by this extension) is the bundled backend itself.
  if (model && model.vendor !== BUNDLED_MODEL_VENDOR && deps.config.current.participantUsesChatModel && vscode.workspace.isTrusted) return { kind: 'messages', send: sendThrough(model), origin: modelOrigin(model) };
  return { kind: 'bundled', model: deps.model, options: await deps.model.decodingOptions({ seed: Date.now() % 100000 }) };
}

/** `/glossary <text>`: the concepts written like the text (or the closest), each with its definition. */
function listConcepts(engine: ChatEngine, query: string, lang: Lang, stream: Pick<vscode.ChatResponseStream, 'markdown' | 'button'>): vscode.ChatResult {
  const found = searchConcepts(engine.glossary, query).concepts.slice(0, 8);
  if (found.length === 0) {
    stream.markdown(vscode.l10n.t('No concept of the glossary is written like this.'));
    return {};
  }
  for (const concept of found) {
    const markdown = new vscode.MarkdownString();
    markdown.appendMarkdown(`**${escapeMarkdown(concept[lang].term)}** · *${escapeMarkdown(concept[otherLang(lang)].term)}*  \n${escapeMarkdown(concept[lang].definition)}\n\n`);
    stream.markdown(markdown);
  }
  stream.button({ command: Commands.showConcept, title: vscode.l10n.t('Open: {0}', found[0]![lang].term), arguments: [{ id: found[0]!.id, lang }] });
  return { metadata: { question: query, intent: 'glossary', concepts: found.map((c) => c.id), lang } satisfies AnswerMetadata };
}

/** VS Code's chat history as the pipeline's turns: what follow-ups refer to. */
function historyTurns(history: vscode.ChatContext['history']): Turn[] {
  const turns: Turn[] = [];
  for (const item of history) {
    if (!(item instanceof vscode.ChatResponseTurn) || item.participant !== PARTICIPANT_ID) continue;
    const metadata = item.result.metadata as Partial<AnswerMetadata> | undefined;
    const shown = item.response.flatMap((part) => (part instanceof vscode.ChatResponseMarkdownPart ? [part.value.value] : [])).join('');
    const answer = metadata?.plainText === true ? unescapeMarkdownText(shown) : shown;
    turns.push({
      id: String(turns.length),
      question: metadata?.question ?? '',
      answer,
      ...(typeof metadata?.origin === 'string' && { origin: metadata.origin }),
      lang: metadata?.lang === 'fr' ? 'fr' : 'en',
      sources: [...(metadata?.concepts ?? [])],
      concepts: [...(metadata?.concepts ?? [])],
      ...(metadata?.intent && metadata.intent !== 'glossary' ? { intent: metadata.intent as Turn['intent'] } : {}),
      state: 'done',
      createdAt: 0,
    });
  }
  return turns.slice(-4);
}

/** Related concepts, a simpler explanation, and a comparison with the closest related concept. */
function followups(deps: ParticipantDeps, result: vscode.ChatResult): vscode.ChatFollowup[] {
  const metadata = result.metadata as Partial<AnswerMetadata> | undefined;
  const glossary = deps.glossary.get();
  const concept = metadata?.concepts?.[0] ? glossary?.get(metadata.concepts[0]) : undefined;
  if (!glossary || !concept) return [];
  const lang = metadata?.lang ?? 'en';
  const related = concept.related.flatMap((id) => glossary.get(id) ?? []).slice(0, 2);
  // « Explique-moi l'affinage plus simplement », « Comparer avec le pré-entraînement »: each term with its article.
  return [
    { prompt: simplerQuestion(concept[lang].term, lang), label: lang === 'fr' ? 'Plus simplement' : 'Explain simply' },
    ...related.map((other) => ({ prompt: comparePair(concept[lang].term, other[lang].term, lang), command: 'compare', label: compareWithLabel(other[lang].term, lang) })),
    ...related.slice(0, 1).map((other) => ({ prompt: other[lang].term, command: 'explain', label: other[lang].term })),
  ];
}
