import * as vscode from 'vscode';
import { originOfBackend, type Backend } from '../../core/pipeline/engine';
import { ConversationStore, type Turn } from '../../core/chat/conversation';
import { keyFor } from '../../core/chat/apiKey';
import { modelOrigin, pickChatModel, sendThrough } from './languageModels';
import { ServerError } from '../../core/chat/openaiClient';
import { ModelError } from '../../core/model/modelFormat';
import { WorkerCrashedError } from '../../core/model/modelClient';
import { uiLang, type ConfigStore } from '../config';
import type { GlossaryService } from '../glossaryService';
import type { ModelService } from '../modelService';
import type { ChatPhase } from '../../webviewProtocol/chatMessages';

/** Secret storage key of the chat server's API key (never in settings). */
export const API_KEY_SECRET = 'conceptExplainer.chat.server.apiKey';
/**
 * How often, at most, a partial answer is saved while it streams (that answer alone, see ConversationStore). The
 * last piece is always saved within this time: a reload keeps what the view had shown (saving only every 500 ms,
 * with nothing after the last save, kept one letter of an answer cut by a reload).
 */
const SAVE_EVERY_MS = 100;

export interface ChatEvents {
  turn(turn: Turn): void;
  delta(id: string, text: string): void;
  /** What the answer `id` waits for, until its first text. */
  progress(id: string, phase: ChatPhase): void;
  busy(busy: boolean): void;
  notice(text: string): void;
  /** The conversation was cleared (New Chat, from the view or the command palette). */
  cleared(): void;
}

/**
 * The conversation and what answers it: one answer at a time; a new question stops the answer in
 * progress (the computation, not only the display) and says so.
 */
export class ChatController {
  readonly store: ConversationStore;
  private running: { turnId: string; controller: AbortController; done: Promise<void> } | undefined;
  /** What the answer in progress waits for, until its first text (then undefined). */
  private phase: { readonly id: string; readonly phase: ChatPhase } | undefined;
  /** Ends what the answer in progress set up (its saving timer, its watch on the model). */
  private endAnswer: (() => void) | undefined;
  private listeners: ChatEvents | undefined;
  /** The API keys sent in this session: a server that echoes one in its answer does not get it saved. */
  private readonly sentKeys = new Set<string>();

  constructor(
    storage: vscode.Memento,
    private readonly glossary: GlossaryService,
    private readonly model: ModelService,
    private readonly config: ConfigStore,
    private readonly secrets: vscode.SecretStorage,
  ) {
    this.store = new ConversationStore(storage, { secrets: () => [...this.sentKeys] });
  }

  get busy(): boolean {
    return this.running !== undefined;
  }

  /** What the answer in progress waits for, while none of it is shown. */
  get waiting(): { readonly id: string; readonly phase: ChatPhase } | undefined {
    return this.phase;
  }

  attach(events: ChatEvents | undefined): void {
    this.listeners = events;
  }

  /** Asks a question; resolves with the finished turn. */
  async ask(question: string, selection?: string): Promise<Turn | undefined> {
    if (!this.glossary.get()) return undefined;
    if (this.running) {
      this.listeners?.notice(vscode.l10n.t('The previous answer was stopped to answer the new question.'));
      await this.stop();
    }
    const config = this.config.current;
    // The whole conversation (bounded by the store) is what the answer must not repeat; a server reads only
    // the most recent turns of it.
    const history = this.store.all.filter((earlier) => earlier.state !== 'error' && earlier.answer !== '');
    const turn = this.store.add({ id: newId(), question, context: selection, lang: config.chatLanguage === 'auto' ? uiLang() : config.chatLanguage });
    this.listeners?.turn(turn);
    const controller = new AbortController();
    let finish!: () => void;
    this.running = { turnId: turn.id, controller, done: new Promise((resolve) => (finish = resolve)) };
    this.listeners?.busy(true);
    // Said at once in place of the answer: the first one may wait seconds for the index and the model.
    this.setPhase(turn.id, this.phaseOf(config.chatBackend));
    try {
      return await this.answer(turn, history, controller.signal);
    } finally {
      this.endAnswer?.();
      this.endAnswer = undefined;
      this.phase = undefined;
      this.running = undefined;
      finish();
      this.listeners?.busy(false);
    }
  }

  /** The chat view opened: with the bundled model, load it now, while the user writes the question. */
  warmUp(): void {
    if (this.config.current.chatBackend === 'bundled') void this.model.preload();
  }

  /** Stops the answer in progress, if any, and waits until it has stopped. */
  async stop(): Promise<void> {
    const running = this.running;
    if (!running) return;
    running.controller.abort();
    await running.done;
  }

  async clear(): Promise<void> {
    await this.stop();
    this.store.clear();
    this.listeners?.cleared();
  }

  /** What an answer waits for before its first text: the bundled model to load, then to read the question; a server. */
  private setPhase(id: string, phase: ChatPhase | undefined): void {
    if (phase === undefined || (this.phase?.id === id && this.phase.phase === phase)) {
      if (phase === undefined) this.phase = undefined;
      return;
    }
    this.phase = { id, phase };
    this.listeners?.progress(id, phase);
  }

  private phaseOf(backend: string): ChatPhase {
    if (backend !== 'bundled') return 'waiting';
    return this.model.state === 'unloaded' || this.model.state === 'loading' ? 'loading' : 'reading';
  }

  private async answer(turn: Turn, history: readonly Turn[], signal: AbortSignal): Promise<Turn | undefined> {
    let answer = '';
    let lastSave = 0;
    let saveTimer: ReturnType<typeof setTimeout> | undefined;
    const save = () => {
      saveTimer = undefined;
      lastSave = Date.now();
      this.store.saveStreaming(turn.id, answer);
    };
    const backendKind = this.config.current.chatBackend;
    const watch = this.model.onDidChangeState(() => {
      if (this.phase?.id === turn.id) this.setPhase(turn.id, this.phaseOf(backendKind));
    });
    this.endAnswer = () => {
      clearTimeout(saveTimer);
      watch.dispose();
    };
    const onText = (text: string) => {
      if (answer === '') this.setPhase(turn.id, undefined);
      answer += text;
      this.listeners?.delta(turn.id, text);
      saveTimer ??= setTimeout(save, Math.max(0, lastSave + SAVE_EVERY_MS - Date.now()));
    };
    const config = this.config.current;
    // Where the answer comes from, kept with it even when it is cut short: its text goes back only there.
    let origin: string | undefined;
    try {
      // Built in slices the first time (see engine()): the view already shows the question and what it waits for.
      const engine = await this.glossary.engine();
      if (!engine) throw new Error(vscode.l10n.t('The glossary could not be loaded.'));
      if (signal.aborted) throw new Error('stopped');
      this.setPhase(turn.id, this.phaseOf(backendKind));
      const backend = await this.backend();
      origin = originOfBackend(backend);
      const result = await engine.ask(
        { question: turn.question, selection: turn.context, answerLang: config.chatLanguage, fallbackLang: uiLang(), history, serverHistoryTurns: config.chatHistoryTurns },
        backend,
        onText,
        signal,
      );
      const state = signal.aborted ? 'stopped' : 'done';
      const concepts = result.understanding.concepts.map((concept) => concept.id);
      return this.finish(turn.id, { answer: result.text, lang: result.lang, sources: result.sources, intent: result.understanding.intent, concepts, suggestions: result.suggestions, origin, state });
    } catch (error) {
      if (signal.aborted) return this.finish(turn.id, { answer, origin, state: 'stopped' });
      return this.finish(turn.id, { answer, origin, state: 'error', error: describeError(error) });
    }
  }

  private finish(id: string, change: Partial<Turn>): Turn | undefined {
    const turn = this.store.update(id, change);
    if (turn) this.listeners?.turn(turn);
    return turn;
  }

  private async backend(): Promise<Backend> {
    const config = this.config.current;
    if (config.chatBackend === 'vscode') {
      const model = await pickChatModel(config.vscodeModel);
      if (!model) {
        throw new Error(vscode.l10n.t('No VS Code language model is available{0}. Install or sign in to a chat model extension, or set "conceptExplainer.chat.backend" back to "bundled".', config.vscodeModel ? ` (${config.vscodeModel})` : ''));
      }
      return { kind: 'messages', send: sendThrough(model), origin: modelOrigin(model) };
    }
    if (config.chatBackend === 'server') {
      if (!config.serverUrl) throw new Error(vscode.l10n.t('Set "conceptExplainer.chat.server.url" to use a chat server.'));
      const apiKey = keyFor(await this.secrets.get(API_KEY_SECRET), config.serverUrl);
      if (apiKey) this.sentKeys.add(apiKey);
      return { kind: 'server', settings: { url: config.serverUrl, model: config.serverModel, apiKey } };
    }
    return { kind: 'bundled', model: this.model, options: await this.model.decodingOptions({ seed: Date.now() % 100000 }) };
  }
}

function newId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A message the user can act on, whatever failed. */
export function describeError(error: unknown): string {
  if (error instanceof ServerError || error instanceof ModelError || error instanceof WorkerCrashedError) return error.message;
  return vscode.l10n.t('Something went wrong: {0}', (error as Error)?.message ?? String(error));
}

