/** Messages between the extension host and the chat view's webview, both ways. */
import { isConceptId, type Lang } from '../core/glossary/types';

export type { TurnState as ChatTurnState } from '../core/chat/conversation';
import type { TurnState as ChatTurnState } from '../core/chat/conversation';

/** A turn as the view shows it. Plain text fields; `answerHtml` comes from the sanitising renderer. */
export interface ChatTurnView {
  readonly id: string;
  readonly question: string;
  readonly context?: string;
  readonly answerHtml: string;
  readonly state: ChatTurnState;
  readonly error?: string;
  readonly sources: ReadonlyArray<{ readonly id: string; readonly term: string }>;
  /** Questions to go on with, shown under the latest finished answer (plain text, typeset for its language). */
  readonly suggestions?: readonly string[];
}

/** What an answer that has not begun is waiting for: the model to load, the question to be read, a server. */
export type ChatPhase = 'loading' | 'reading' | 'waiting';

export interface ChatStrings {
  readonly placeholder: string;
  readonly send: string;
  readonly stop: string;
  readonly newChat: string;
  readonly copy: string;
  readonly copied: string;
  readonly sources: string;
  readonly interrupted: string;
  readonly stopped: string;
  readonly emptyTitle: string;
  readonly emptyHint: string;
  readonly languageLabel: string;
  readonly languageAuto: string;
  readonly previousStopped: string;
  readonly backendBundled: string;
  readonly backendServer: string;
  /** Shown in place of an answer that has not begun, by phase. */
  readonly phases: Readonly<Record<ChatPhase, string>>;
  /** The time waited so far, `{0}` the seconds (shown past two seconds). */
  readonly elapsed: string;
  /** The label of the suggested questions. */
  readonly suggestionsLabel: string;
  /** An answer cut by a reload before any of it was shown. */
  readonly interruptedBeforeStart: string;
}

export type ChatHostMessage =
  | {
      readonly type: 'init';
      readonly turns: readonly ChatTurnView[];
      readonly examples: readonly string[];
      readonly language: Lang | 'auto';
      readonly backend: string;
      readonly strings: ChatStrings;
    }
  | {
      /** A settings change: the language picker, the backend and the examples, nothing else (a streaming answer stays). */
      readonly type: 'settings';
      readonly examples: readonly string[];
      readonly language: Lang | 'auto';
      readonly backend: string;
    }
  | { readonly type: 'turn'; readonly turn: ChatTurnView }
  | { readonly type: 'delta'; readonly id: string; readonly text: string }
  /** What the answer `id`, not begun yet, is waiting for. */
  | { readonly type: 'progress'; readonly id: string; readonly phase: ChatPhase }
  | { readonly type: 'busy'; readonly busy: boolean }
  | { readonly type: 'notice'; readonly text: string }
  | { readonly type: 'prefill'; readonly text: string }
  | { readonly type: 'cleared' };

export type ChatWebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'ask'; readonly question: string }
  | { readonly type: 'stop' }
  | { readonly type: 'newChat' }
  | { readonly type: 'copy'; readonly id: string }
  | { readonly type: 'openConcept'; readonly id: string }
  /** The suggested question `index` under the answer `id` was chosen: the host asks it. */
  | { readonly type: 'askSuggestion'; readonly id: string; readonly index: number }
  | { readonly type: 'setLanguage'; readonly language: Lang | 'auto' };

/** A question longer than this is cut: the bundled model reads a few hundred tokens. */
export const MAX_QUESTION_CHARS = 2000;
/** At most this many suggested questions under an answer. */
export const MAX_SUGGESTIONS = 3;
/** A turn's id (see newId in the chat controller). */
const TURN_ID = /^[A-Za-z0-9-]{1,100}$/;

/** Accepts only well-formed messages from the webview. */
export function parseChatMessage(value: unknown): ChatWebviewMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
    case 'stop':
    case 'newChat':
      return { type: message.type };
    case 'ask':
      return typeof message.question === 'string' && message.question.trim()
        ? { type: 'ask', question: message.question.trim().slice(0, MAX_QUESTION_CHARS) }
        : undefined;
    case 'copy':
      return typeof message.id === 'string' && TURN_ID.test(message.id) ? { type: 'copy', id: message.id } : undefined;
    case 'openConcept':
      return isConceptId(message.id) ? { type: 'openConcept', id: message.id } : undefined;
    case 'askSuggestion':
      return typeof message.id === 'string' && TURN_ID.test(message.id) && Number.isInteger(message.index) && (message.index as number) >= 0 && (message.index as number) < MAX_SUGGESTIONS
        ? { type: 'askSuggestion', id: message.id, index: message.index as number }
        : undefined;
    case 'setLanguage':
      return message.language === 'auto' || message.language === 'fr' || message.language === 'en'
        ? { type: 'setLanguage', language: message.language }
        : undefined;
    default:
      return undefined;
  }
}
