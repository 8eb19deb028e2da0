import { Answerer, generateGrounded, sourcesOf, type TextGenerator } from '../answer/answerer';
import { buildPrompt, contextLine } from '../answer/prompt';
import type { Retrieved } from '../answer/retrieval';
import type { Glossary } from '../glossary/glossary';
import type { Concept, Lang } from '../glossary/types';
import type { GenerateOptions } from '../model/runtime';
import type { Turn } from './conversation';
import { streamChat, type ChatMessage, type ServerSettings } from './openaiClient';

export type Backend = { readonly kind: 'bundled'; readonly model: TextGenerator; readonly options: GenerateOptions } | { readonly kind: 'server'; readonly settings: ServerSettings };

export interface ChatRequest {
  readonly question: string;
  /** Text selected in the editor, asked about. */
  readonly selection?: string;
  readonly answerLang: Lang | 'auto';
  readonly fallbackLang: Lang;
  /** Earlier turns that fit in the prompt, oldest first. */
  readonly history: readonly Turn[];
}

export interface ChatAnswer {
  readonly text: string;
  readonly lang: Lang;
  readonly sources: string[];
  /** From the question to the first piece of text, retrieval included. */
  readonly firstTextMs: number;
}

/** The selection goes with the question, cut short: the prompt has room for a few lines only. */
const MAX_SELECTION_CHARS = 300;

/** Answers chat questions from the glossary, with the bundled model or an OpenAI-compatible server. */
export class ChatEngine {
  private readonly answerer: Answerer;

  constructor(readonly glossary: Glossary) {
    this.answerer = new Answerer(glossary);
  }

  async ask(request: ChatRequest, backend: Backend, onText: (text: string) => void, signal?: AbortSignal): Promise<ChatAnswer> {
    const started = performance.now();
    let firstTextMs = 0;
    const questionText = withSelection(request.question, request.selection);
    const prepared = this.answerer.prepare({ text: questionText, answerLang: request.answerLang, fallbackLang: request.fallbackLang });
    const retrieved = prepared.retrieved.length > 0 || !isFollowUp(request.question) ? prepared.retrieved : this.followUp(request.history);
    const stream = (text: string) => {
      firstTextMs ||= performance.now() - started;
      onText(text);
    };
    const concepts = retrieved.map((entry) => entry.concept);
    const text =
      backend.kind === 'bundled'
        ? (await generateGrounded(backend.model, prepared.lang, retrieved, buildPrompt(prepared.lang, concepts, questionText), backend.options, stream, signal)).text
        : await streamChat(backend.settings, serverMessages(prepared.lang, concepts, request.history, questionText), stream, signal, { temperature: 0.3 });
    return { text, lang: prepared.lang, sources: sourcesOf(text, retrieved), firstTextMs };
  }

  /** A follow-up such as "give me an example" names no concept: it is about the previous answer's. */
  private followUp(history: readonly Turn[]): Retrieved[] {
    const last = history[history.length - 1];
    return (last?.sources ?? []).flatMap((id) => {
      const concept = this.glossary.get(id);
      return concept ? [{ concept, score: 0, via: 'term' as const }] : [];
    });
  }
}

/** Words of a question that refers back to the previous answer ("give me an example", "tell me more"). */
const REFERS_BACK = /(?:^|[^\p{L}])(?:it|its|this|that|these|those|examples?|more|again|simpler|simply|ça|cela|ceci|exemples?|encore|simplement|autrement|détails?|details?)(?![\p{L}])/iu;
/** Words that refer back only in a question of a few words ("why?", "et comment ?"). */
const BARE_FOLLOW_UP = /(?:^|[^\p{L}])(?:why|how|pourquoi|comment)(?![\p{L}])/iu;

/** A short question that names nothing but refers back, as opposed to a new question off the subject. */
export function isFollowUp(question: string): boolean {
  const words = question.trim().split(/\s+/).length;
  return (words <= 10 && REFERS_BACK.test(question)) || (words <= 3 && BARE_FOLLOW_UP.test(question));
}

export function withSelection(question: string, selection: string | undefined): string {
  const excerpt = selection?.trim().slice(0, MAX_SELECTION_CHARS);
  return excerpt ? `${question.trim()} « ${excerpt} »` : question.trim();
}

const SYSTEM: Record<Lang, string> = {
  en:
    'You explain machine-learning concepts to developers. Answer in English, briefly and accurately, from the ' +
    'glossary entries below when they are relevant, and cite each entry you use as [id]. If the question is not ' +
    'about machine learning, say that you only know machine-learning concepts.',
  fr:
    "Tu expliques des concepts d'apprentissage automatique à des développeurs. Réponds en français, brièvement et " +
    'avec exactitude, à partir des entrées du glossaire ci-dessous quand elles sont pertinentes, et cite chaque ' +
    "entrée utilisée sous la forme [id]. Si la question ne porte pas sur l'apprentissage automatique, dis que tu ne " +
    "connais que les concepts d'apprentissage automatique.",
};

/** The grounding goes into the system prompt; earlier turns follow as messages. */
export function serverMessages(lang: Lang, concepts: readonly Concept[], history: readonly Turn[], question: string): ChatMessage[] {
  const glossary = concepts.map((concept) => contextLine(concept, lang)).join('');
  const system = glossary ? `${SYSTEM[lang]}\n\n${lang === 'fr' ? 'Glossaire' : 'Glossary'}:\n${glossary}` : SYSTEM[lang];
  return [
    { role: 'system', content: system },
    ...history.flatMap((turn): ChatMessage[] => [
      { role: 'user', content: withSelection(turn.question, turn.context) },
      { role: 'assistant', content: turn.answer },
    ]),
    { role: 'user', content: question },
  ];
}
