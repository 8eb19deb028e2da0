import type { Intent } from '../pipeline/intent';
import type { Lang } from '../glossary/types';

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
  readonly state: TurnState;
  readonly error?: string;
  readonly createdAt: number;
}

/** Where conversations are kept: VS Code's workspace state in the extension, a map in tests. */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void> | Promise<void>;
}

const STORAGE_KEY = 'conceptExplainer.chat.turns';
/** The answer being streamed, saved on its own: a few bytes a save instead of the whole conversation. */
const STREAMING_KEY = 'conceptExplainer.chat.streaming';

/** The saved conversation keeps the most recent turns within these bounds; older ones are dropped. */
export const CONVERSATION_LIMITS = { turns: 200, chars: 1_000_000 } as const;

/**
 * The chat's conversation, saved after every change, so a window reload in the middle of an answer keeps
 * the partial answer (marked as interrupted when it comes back). While an answer streams only that answer is
 * saved (`saveStreaming`), and the conversation is bounded in turns and characters.
 */
export class ConversationStore {
  private turns: Turn[];

  constructor(private readonly storage: KeyValueStore) {
    this.turns = withStreamedAnswer(restoreTurns(storage.get<unknown>(STORAGE_KEY)), storage.get<unknown>(STREAMING_KEY));
  }

  /**
   * Keeps the answer in progress in memory (a view opened now shows it) and saves it alone: the whole
   * conversation is saved when the turn ends.
   */
  saveStreaming(id: string, answer: string): void {
    this.turns = this.turns.map((turn) => (turn.id === id ? { ...turn, answer } : turn));
    void this.storage.update(STREAMING_KEY, { id, answer });
  }

  get all(): readonly Turn[] {
    return this.turns;
  }

  get(id: string): Turn | undefined {
    return this.turns.find((turn) => turn.id === id);
  }

  add(turn: Omit<Turn, 'answer' | 'sources' | 'state' | 'createdAt'> & Partial<Pick<Turn, 'sources'>>): Turn {
    const created: Turn = { answer: '', sources: [], state: 'streaming', createdAt: Date.now(), ...turn };
    this.turns = bounded([...this.turns, created]);
    void this.save();
    return created;
  }

  update(id: string, change: Partial<Omit<Turn, 'id'>>): Turn | undefined {
    let updated: Turn | undefined;
    this.turns = this.turns.map((turn) => (turn.id === id ? (updated = { ...turn, ...change }) : turn));
    void this.save();
    return updated;
  }

  clear(): void {
    this.turns = [];
    void this.save();
  }

  private save(): Thenable<void> | Promise<void> {
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

/** Saved turns, checked field by field; an answer that was streaming when the window closed is interrupted. */
export function restoreTurns(saved: unknown): Turn[] {
  if (!Array.isArray(saved)) return [];
  return saved.flatMap((value): Turn[] => {
    const turn = value as Partial<Turn>;
    if (typeof turn?.id !== 'string' || typeof turn.question !== 'string' || typeof turn.answer !== 'string') return [];
    const state: TurnState = turn.state === 'streaming' || !isState(turn.state) ? 'interrupted' : turn.state;
    return [{
      id: turn.id,
      question: turn.question,
      context: typeof turn.context === 'string' ? turn.context : undefined,
      answer: turn.answer,
      lang: turn.lang === 'fr' ? 'fr' : 'en',
      sources: stringsOf(turn.sources),
      ...(typeof turn.intent === 'string' && { intent: turn.intent }),
      ...(Array.isArray(turn.concepts) && { concepts: stringsOf(turn.concepts) }),
      ...(Array.isArray(turn.suggestions) && { suggestions: stringsOf(turn.suggestions).slice(0, 3).map((text) => text.slice(0, 200)) }),
      state,
      error: typeof turn.error === 'string' ? turn.error : undefined,
      createdAt: typeof turn.createdAt === 'number' ? turn.createdAt : 0,
    }];
  });
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function isState(value: unknown): value is TurnState {
  return value === 'done' || value === 'stopped' || value === 'interrupted' || value === 'error' || value === 'streaming';
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
