import type { Intent } from '../pipeline/intent';
import type { Lang } from '../glossary/types';
import { withoutKeys } from './openaiClient';

export type TurnState = 'streaming' | 'done' | 'stopped' | 'interrupted' | 'error';

/** One question and its answer, as saved with the workspace. */
export interface Turn {
  readonly id: string;
  readonly question: string;
  /** Text the user selected in the editor, sent along with the question. */
  readonly context?: string;
  readonly answer: string;
  readonly lang: Lang;
  readonly sources: readonly string[];
  /** What the question was understood to ask, and about which concepts (for the follow-ups after it). */
  readonly intent?: Intent;
  readonly concepts?: readonly string[];
  /** Questions offered under the answer, to go on with. */
  readonly suggestions?: readonly string[];
  /**
   * Who answered: `bundled` (the model on this machine), a chat server's origin (`https://host:port`), or
   * `vscode-lm:<vendor>/<id>` (a VS Code language model). A turn's text is only ever sent back to where it came
   * from (see `sendableTo`): a server's answer may hold what it was sent, the API key included.
   */
  readonly origin?: string;
  readonly state: TurnState;
  readonly error?: string;
  readonly createdAt: number;
}

/** Where conversations are kept: VS Code's workspace state in the extension, a map in tests. */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

const STORAGE_KEY = 'conceptExplainer.chat.turns';
/** The answer being streamed, saved on its own: a few bytes a save instead of the whole conversation. */
const STREAMING_KEY = 'conceptExplainer.chat.streaming';

/**
 * The saved conversation keeps the most recent turns within these bounds; older ones are dropped. Each field is
 * bounded too: a question as the chat view takes it, a few lines of selected text (the prompt reads 300
 * characters of it; a 20 MB selection once went whole into the workspace state), an answer as long as a server may
 * send, an error message.
 */
export const CONVERSATION_LIMITS = { turns: 200, chars: 1_000_000, questionChars: 2_000, contextChars: 2_000, answerChars: 64_000, errorChars: 2_000 } as const;

/** Options of the store. */
export interface ConversationOptions {
  /**
   * The secrets that must never be saved (the chat server's API key, which a server may echo in its answer):
   * they are taken out of every question, selection, answer and error before it is kept, with the shapes of keys.
   */
  readonly secrets?: () => readonly (string | undefined)[];
}

/**
 * The chat's conversation, saved after every change, so a window reload in the middle of an answer keeps
 * the partial answer (marked as interrupted when it comes back). While an answer streams only that answer is
 * saved (`saveStreaming`), and the conversation is bounded in turns and characters.
 */
export class ConversationStore {
  private turns: Turn[];

  constructor(
    private readonly storage: KeyValueStore,
    private readonly options: ConversationOptions = {},
  ) {
    this.turns = withStreamedAnswer(restoreTurns(storage.get<unknown>(STORAGE_KEY)), storage.get<unknown>(STREAMING_KEY));
  }

  /**
   * Keeps the answer in progress in memory (a view opened now shows it) and saves it alone: the whole
   * conversation is saved when the turn ends.
   */
  saveStreaming(id: string, answer: string): void {
    const kept = this.clean(answer, CONVERSATION_LIMITS.answerChars);
    this.turns = this.turns.map((turn) => (turn.id === id ? { ...turn, answer: kept } : turn));
    void this.storage.update(STREAMING_KEY, { id, answer: kept });
  }

  get all(): readonly Turn[] {
    return this.turns;
  }

  get(id: string): Turn | undefined {
    return this.turns.find((turn) => turn.id === id);
  }

  add(turn: Omit<Turn, 'answer' | 'sources' | 'state' | 'createdAt'> & Partial<Pick<Turn, 'sources'>>): Turn {
    const created: Turn = this.sanitized({ answer: '', sources: [], state: 'streaming', createdAt: Date.now(), ...turn });
    this.turns = bounded([...this.turns, created]);
    void this.save();
    return created;
  }

  update(id: string, change: Partial<Omit<Turn, 'id'>>): Turn | undefined {
    let updated: Turn | undefined;
    this.turns = this.turns.map((turn) => (turn.id === id ? (updated = this.sanitized({ ...turn, ...change })) : turn));
    void this.save();
    return updated;
  }

  clear(): void {
    this.turns = [];
    void this.save();
  }

  /** The turn as it may be kept: each text within its bound, without the secrets. */
  private sanitized(turn: Turn): Turn {
    return {
      ...turn,
      question: this.clean(turn.question, CONVERSATION_LIMITS.questionChars),
      context: turn.context === undefined ? undefined : this.clean(turn.context, CONVERSATION_LIMITS.contextChars),
      answer: this.clean(turn.answer, CONVERSATION_LIMITS.answerChars),
      error: turn.error === undefined ? undefined : this.clean(turn.error, CONVERSATION_LIMITS.errorChars),
    };
  }

  /** Cut before the secrets are looked for, so the work is bounded whatever the caller passes. */
  private clean(text: string, maxChars: number): string {
    return withoutKeys(text.slice(0, maxChars), this.options.secrets?.() ?? []);
  }

  private save(): PromiseLike<void> {
    if (!this.turns.some((turn) => turn.state === 'streaming')) void this.storage.update(STREAMING_KEY, undefined);
    return this.storage.update(STORAGE_KEY, this.turns);
  }
}

/** The most recent turns that fit the limits (the newest is always kept). */
function bounded(turns: Turn[]): Turn[] {
  let chars = 0;
  let start = turns.length;
  while (start > 0) {
    const turn = turns[start - 1]!;
    chars += turn.question.length + turn.answer.length + (turn.context?.length ?? 0);
    if (turns.length - start >= CONVERSATION_LIMITS.turns || (chars > CONVERSATION_LIMITS.chars && start < turns.length)) break;
    start--;
  }
  return start === 0 ? turns : turns.slice(start);
}

/** A turn cut by a reload gets the part of its answer that was saved on its own while it streamed. */
function withStreamedAnswer(turns: Turn[], saved: unknown): Turn[] {
  const streamed = saved as { id?: unknown; answer?: unknown } | undefined;
  if (typeof streamed?.id !== 'string' || typeof streamed.answer !== 'string') return turns;
  return turns.map((turn) =>
    turn.id === streamed.id && turn.state === 'interrupted' && String(streamed.answer).length > turn.answer.length ? { ...turn, answer: String(streamed.answer) } : turn,
  );
}

/**
 * Saved turns, checked field by field; an answer that was streaming when the window closed is interrupted. Only
 * the most recent turns within CONVERSATION_LIMITS are read (10,000 saved turns once took the host 1.7 s and the
 * chat view four minutes), each field within its bound and without the shapes of keys.
 */
export function restoreTurns(saved: unknown): Turn[] {
  if (!Array.isArray(saved)) return [];
  const restored: Turn[] = [];
  let chars = 0;
  for (let index = saved.length - 1; index >= 0 && restored.length < CONVERSATION_LIMITS.turns; index--) {
    const turn = restoreTurn(saved[index]);
    if (!turn) continue;
    chars += turn.question.length + turn.answer.length + (turn.context?.length ?? 0);
    if (chars > CONVERSATION_LIMITS.chars && restored.length > 0) break;
    restored.push(turn);
  }
  return restored.reverse();
}

function restoreTurn(value: unknown): Turn | undefined {
  const turn = value as Partial<Turn>;
  if (typeof turn?.id !== 'string' || typeof turn.question !== 'string' || typeof turn.answer !== 'string') return undefined;
  const state: TurnState = turn.state === 'streaming' || !isState(turn.state) ? 'interrupted' : turn.state;
  const text = (value: string, maxChars: number) => withoutKeys(value.slice(0, maxChars));
  return {
    id: turn.id,
    question: text(turn.question, CONVERSATION_LIMITS.questionChars),
    context: typeof turn.context === 'string' ? text(turn.context, CONVERSATION_LIMITS.contextChars) : undefined,
    answer: text(turn.answer, CONVERSATION_LIMITS.answerChars),
    lang: turn.lang === 'fr' ? 'fr' : 'en',
    sources: stringsOf(turn.sources),
    ...(typeof turn.intent === 'string' && { intent: turn.intent }),
    ...(Array.isArray(turn.concepts) && { concepts: stringsOf(turn.concepts) }),
    ...(Array.isArray(turn.suggestions) && { suggestions: stringsOf(turn.suggestions).slice(0, 3).map((text) => text.slice(0, 200)) }),
    ...(typeof turn.origin === 'string' && { origin: turn.origin.slice(0, 300) }),
    state,
    error: typeof turn.error === 'string' ? text(turn.error, CONVERSATION_LIMITS.errorChars) : undefined,
    createdAt: typeof turn.createdAt === 'number' ? turn.createdAt : 0,
  };
}

/** At most a few dozen strings: a turn names a few concepts. */
function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.slice(0, 50).filter((item): item is string => typeof item === 'string') : [];
}

function isState(value: unknown): value is TurnState {
  return value === 'done' || value === 'stopped' || value === 'interrupted' || value === 'error' || value === 'streaming';
}

/** Who answers on this machine, with nothing sent anywhere. */
export const LOCAL_ORIGIN = 'bundled';

/**
 * Whether a turn's text may be sent, as history, to the model at `origin`: only where its answer came from, or
 * any model when the bundled one answered it (its text is the user's and the glossary's). A turn of unknown
 * origin (saved before turns had one) goes nowhere: history never crosses from one server origin to another.
 */
export function sendableTo(turn: Turn, origin: string): boolean {
  return turn.origin === origin || turn.origin === LOCAL_ORIGIN;
}

/**
 * The turns a prompt may carry: the most recent finished ones that fit in `maxTurns` and `maxChars`.
 * Older turns stay in the saved conversation; they only leave the prompt.
 */
export function turnsForPrompt(turns: readonly Turn[], maxTurns: number, maxChars: number): Turn[] {
  const kept: Turn[] = [];
  let chars = 0;
  for (const turn of [...turns].reverse()) {
    if (kept.length >= maxTurns || turn.state === 'error' || !turn.answer) continue;
    chars += turn.question.length + turn.answer.length;
    if (chars > maxChars) break;
    kept.unshift(turn);
  }
  return kept;
}
