import { composeGroups, composePlan } from './compose';
import { detectLanguage, detectRegister, type Register } from './language';
import { passagesFor, shownIn } from './passages';
import { suggestionsFor } from './suggestions';
import { buildPrompt, REFUSAL, type Passage } from './prompt';
import { Retriever } from './retrieval';
import { understand, type EarlierTurn, type Understanding } from './understand';
import { splitPieces } from '../matching/normalize';
import type { Glossary } from '../glossary/glossary';
import { CONCEPT_ID_WORDS, type Lang } from '../glossary/types';
import type { GenerateOptions, GenerationResult, PromptPart } from '../model/runtime';
import { turnsForPrompt, type Turn } from '../chat/conversation';
import { streamChat, type ChatMessage, type ServerSettings } from '../chat/openaiClient';

/** Anything that generates text from a prompt: the model in a worker, in process, or a test double. */
export interface TextGenerator {
  generate(prompt: readonly PromptPart[], options: GenerateOptions, onText: (text: string) => void, signal?: AbortSignal): Promise<GenerationResult>;
}

/** A model that takes chat messages: a language model of VS Code's, say. Resolves with the whole answer. */
export type SendMessages = (messages: ChatMessage[], onText: (text: string) => void, signal?: AbortSignal) => Promise<string>;

export type Backend =
  | { readonly kind: 'bundled'; readonly model: TextGenerator; readonly options: GenerateOptions }
  | { readonly kind: 'server'; readonly settings: ServerSettings }
  | { readonly kind: 'messages'; readonly send: SendMessages };

export interface ChatRequest {
  readonly question: string;
  /** Text selected in the editor, asked about. */
  readonly selection?: string;
  readonly answerLang: Lang | 'auto';
  /** Used when the question's language cannot be told (a bare term such as "GPT"). */
  readonly fallbackLang: Lang;
  /** Earlier turns, oldest first: what follow-ups refer to and what the answer must not repeat. */
  readonly history: readonly Turn[];
  /** How many of the most recent earlier turns a server or a VS Code model reads (4 when not said). */
  readonly serverHistoryTurns?: number;
}

export interface ChatAnswer {
  readonly text: string;
  readonly lang: Lang;
  /** Glossary entries the answer rests on. */
  readonly sources: string[];
  readonly understanding: Understanding;
  readonly passages: readonly Passage[];
  /** How the learner addresses the chat in French (the chat's own words follow it). */
  readonly register: Register;
  /** Two or three questions the glossary can answer next and the conversation has not shown (in `lang`). */
  readonly suggestions: readonly string[];
  /** The bundled model's run; absent when no model ran (a refusal) or a server answered. */
  readonly generation?: GenerationResult;
  /** From the question to the first piece of text, understanding and retrieval included. */
  readonly firstTextMs: number;
}

/**
 * The model reads at most this much of a question (all of it goes to understanding): with the passages and
 * the answer, the prompt then always fits the model's 1,024 positions.
 */
const MAX_PROMPT_QUESTION_CHARS = 500;

/** The earlier turns sent to a server stay within this many characters. */
const SERVER_HISTORY_CHARS = 4000;

/** The selection goes with the question, cut short: the prompt has room for a few lines only. */
const MAX_SELECTION_CHARS = 300;

/**
 * The answer pipeline, one for the chat view, the command line, the evaluation and the benchmark: it reads
 * the question in the light of the conversation, takes the passages of the glossary that serve it, and has
 * the bundled model (or a server) compose the answer from them.
 */
export class ChatEngine {
  private readonly retriever: Retriever;

  constructor(
    readonly glossary: Glossary,
    retriever?: Retriever,
  ) {
    this.retriever = retriever ?? new Retriever(glossary);
  }

  /** The same engine, its retrieval index built in slices with `pause` between (see `Retriever.sliced`). */
  static async sliced(glossary: Glossary, pause: () => Promise<void>): Promise<ChatEngine> {
    return new ChatEngine(glossary, await Retriever.sliced(glossary, pause));
  }

  /** Understanding, language and passages, without generating (the benchmark's and the tests' view). */
  prepare(request: ChatRequest): { understanding: Understanding; lang: Lang; register: Register; passages: Passage[]; prompt: PromptPart[] } {
    const earlier = request.history.map(earlierTurn);
    const understanding = understand(withSelection(request.question, request.selection), this.retriever, this.glossary, earlier);
    const previousLang = request.history[request.history.length - 1]?.lang;
    const lang = request.answerLang === 'auto' ? detectLanguage(request.question, previousLang ?? request.fallbackLang) : request.answerLang;
    const register = registerOf(request);
    // Nothing the conversation has shown is shown again: its answers are what was shown.
    const shown = shownIn(request.history.map((turn) => turn.answer));
    const passages = passagesFor(understanding, this.glossary, lang, shown, request.question);
    return { understanding, lang, register, passages, prompt: buildPrompt(lang, passages, request.question.slice(0, MAX_PROMPT_QUESTION_CHARS)) };
  }

  async ask(request: ChatRequest, backend: Backend, onText: (text: string) => void, signal?: AbortSignal): Promise<ChatAnswer> {
    const started = performance.now();
    let firstTextMs = 0;
    const stream = (text: string) => {
      firstTextMs ||= performance.now() - started;
      onText(text);
    };
    const { understanding, lang, register, passages, prompt } = this.prepare(request);
    const context = { intent: understanding.intent, smallTalk: understanding.smallTalk, register, inConversation: understanding.inConversation };
    let generation: GenerationResult | undefined;
    let text: string;
    if (understanding.intent === 'ood' && backend.kind === 'bundled') {
      // Nothing to ground an answer on: the fixed sentence, without running the model.
      text = REFUSAL[lang];
      stream(text);
    } else if (backend.kind === 'bundled') {
      const options = backend.options.composeFromContext
        ? {
            ...backend.options,
            compose: composeGroups(passages, this.glossary, lang, context),
            composePlan: backend.options.composeFollowsPlan ? composePlan(passages, understanding.intent) : undefined,
          }
        : backend.options;
      generation = await backend.model.generate(prompt, options, stream, signal);
      text = generation.text;
    } else {
      const messages = serverMessages(lang, passages, turnsForPrompt(request.history, request.serverHistoryTurns ?? 4, SERVER_HISTORY_CHARS), withSelection(request.question, request.selection));
      text =
        backend.kind === 'server'
          ? await streamChat(backend.settings, messages, stream, signal, { temperature: 0.3 })
          : await backend.send(messages, stream, signal);
    }
    const answer = withoutCitations(text, (id) => this.glossary.get(id) !== undefined);
    const shownNow = shownIn([...request.history.map((turn) => turn.answer), answer]);
    const suggestions = suggestionsFor(understanding, this.glossary, lang, register, shownNow, request.history.map((turn) => turn.question));
    return { text: answer, lang, register, suggestions, sources: sourcesOf(answer, understanding, passages), understanding, passages, generation, firstTextMs };
  }
}

/** The learner's tu or vous, from this question and the earlier ones (the last that said either). */
function registerOf(request: ChatRequest): Register {
  let register: Register | undefined;
  for (const turn of request.history) register = detectRegister(turn.question, register);
  return detectRegister(request.question, register);
}

function earlierTurn(turn: Turn): EarlierTurn {
  return { conceptIds: turn.concepts ?? turn.sources, intent: turn.intent };
}

export function withSelection(question: string, selection: string | undefined): string {
  const excerpt = selection?.trim().slice(0, MAX_SELECTION_CHARS);
  return excerpt ? `${question.trim()} « ${excerpt} »` : question.trim();
}

/** `[gpt]`, with the spaces before it; not a Markdown link `[text](url)`. */
const CITATION = new RegExp(`[ \\t]*\\[(${CONCEPT_ID_WORDS})\\](?!\\()`, 'g');

/**
 * The answer without the citations of glossary ids that an older model or a server may write (`[gpt]`, a last
 * `Sources: [a] [b]` line): the sources show as chips instead. Other brackets (a Markdown link) stay.
 */
export function withoutCitations(answer: string, isConceptId: (id: string) => boolean): string {
  const cites = (ids: string) => [...ids.matchAll(/\[([^\]]*)\]/g)].every((match) => isConceptId(match[1]!));
  return answer
    .replace(/\n*[ \t]*Sources?[ \t]?:[ \t]*((?:\[[a-z0-9-]+\][,\s]*)+)$/u, (line, ids: string) => (cites(ids) ? '' : line))
    .replace(CITATION, (citation, id: string) => (isConceptId(id) ? '' : citation))
    .trimEnd();
}

/** Share of a passage's words an answer must repeat to count as resting on it. */
const USED_SHARE = 0.3;

/**
 * The concepts whose passages the answer uses (it repeats a good share of their words), in the order they were
 * asked about; all the concepts asked about when it quotes none (a server that rephrased them).
 */
export function sourcesOf(answer: string, understanding: Understanding, passages: readonly Passage[]): string[] {
  const words = new Set(splitPieces(answer).map((piece) => piece.key));
  const used = new Set(
    passages
      .filter((passage) => {
        const keys = splitPieces(passage.text).map((piece) => piece.key).filter((key) => key.length > 3);
        return keys.length > 0 && keys.filter((key) => words.has(key)).length / keys.length >= USED_SHARE;
      })
      .flatMap((passage) => passage.conceptIds),
  );
  const asked = understanding.concepts.map((concept) => concept.id);
  const cited = asked.filter((id) => used.has(id));
  return cited.length > 0 ? cited : asked;
}

const SYSTEM: Record<Lang, string> = {
  en:
    'You explain machine-learning concepts to developers. Answer in English, briefly and accurately, from the ' +
    'glossary passages below: answer the question asked (a reason for "why", the mechanism for "how", the ' +
    'difference for a comparison) and say nothing the passages do not support. If the question is not about ' +
    'machine learning, say that you only know machine-learning concepts.',
  fr:
    "Tu expliques des concepts d'apprentissage automatique à des développeurs. Réponds en français, brièvement et " +
    'avec exactitude, à partir des passages du glossaire ci-dessous : réponds à la question posée (une raison pour ' +
    '« pourquoi », le mécanisme pour « comment », la différence pour une comparaison) et ne dis rien que les passages ' +
    "ne soutiennent. Si la question ne porte pas sur l'apprentissage automatique, dis que tu ne connais que les " +
    "concepts d'apprentissage automatique.",
};

/** The grounding goes into the system prompt; earlier turns follow as messages. */
export function serverMessages(lang: Lang, passages: readonly Passage[], history: readonly Turn[], question: string): ChatMessage[] {
  const glossary = passages.map((passage) => passage.line).join('');
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
