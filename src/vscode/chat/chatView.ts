import * as vscode from 'vscode';
import type { Turn } from '../../core/chat/conversation';
import type { Lang } from '../../core/glossary/types';
import { displayUrl } from '../../core/chat/openaiClient';
import { renderAnswer } from '../../core/present/markdown';
import { parseChatMessage, type ChatHostMessage, type ChatPhase, type ChatStrings, type ChatTurnView, type ChatWebviewMessage } from '../../webviewProtocol/chatMessages';
import { exampleQuestions } from '../../core/present/questions';
import { typeset } from '../../core/pipeline/phrasing';
import { Commands } from '../commandIds';
import { uiLang, writeSetting, type ConfigStore } from '../config';
import { Disposable } from '../dispose';
import type { GlossaryService } from '../glossaryService';
import { WebviewChannel } from '../webview';
import { forEachInSlices, nextTurn } from '../../core/slices';
import { modelFolderName } from '../../core/model/modelPath';
import type { ChatController } from './chatController';

export const CHAT_VIEW_ID = 'conceptExplainer.chat';

/** The chat side view: shows the saved conversation and streams answers into it. */
export class ChatViewProvider extends Disposable implements vscode.WebviewViewProvider {
  private view: vscode.WebviewView | undefined;
  private channel: WebviewChannel<ChatHostMessage, ChatWebviewMessage> | undefined;
  private pendingPrefill: string | undefined;
  /** What the view was told the latest answer waited for, in order (for tests: the view is not silent). */
  private shownPhases: { id: string; phases: ChatPhase[] } | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly chat: ChatController,
    private readonly glossary: GlossaryService,
    private readonly config: ConfigStore,
  ) {
    super();
    this.register(vscode.window.registerWebviewViewProvider(CHAT_VIEW_ID, this));
    this.register(config.onDidChange(() => this.postSettings()));
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.channel?.dispose();
    const channel = new WebviewChannel<ChatHostMessage, ChatWebviewMessage>(view.webview, this.extensionUri, 'chat', vscode.l10n.t('Concept Explainer Chat'), parseChatMessage, {
      ready: () => {
        this.chat.warmUp();
        void this.postInit();
      },
      message: (message) => void this.handle(message),
    });
    this.channel = channel;
    if (this.pendingPrefill !== undefined) channel.postOnReady({ type: 'prefill', text: this.pendingPrefill });
    this.pendingPrefill = undefined;
    view.onDidDispose(() => {
      channel.dispose();
      if (this.channel === channel) this.channel = undefined;
      this.view = undefined;
      this.chat.attach(undefined);
    });
    this.chat.attach({
      turn: (turn) => this.post({ type: 'turn', turn: this.turnView(turn) }),
      delta: (id, text) => this.post({ type: 'delta', id, text }),
      progress: (id, phase) => this.postProgress(id, phase),
      busy: (busy) => this.post({ type: 'busy', busy }),
      notice: (text) => this.post({ type: 'notice', text }),
      cleared: () => this.post({ type: 'cleared' }),
    });
  }

  get resolved(): boolean {
    return this.view !== undefined;
  }

  /** The phases the view showed in place of the latest answer before its first text. */
  get phasesShown(): { readonly id: string; readonly phases: readonly ChatPhase[] } | undefined {
    return this.shownPhases;
  }

  private postProgress(id: string, phase: ChatPhase): void {
    if (this.shownPhases?.id !== id) this.shownPhases = { id, phases: [] };
    this.shownPhases.phases.push(phase);
    this.post({ type: 'progress', id, phase });
  }

  /** Puts a question draft in the input box (for "Ask the chat" links). */
  prefill(text: string): void {
    if (this.channel) this.channel.postOnReady({ type: 'prefill', text });
    else this.pendingPrefill = text; // the view is not resolved yet
  }

  /** A message as the page would post it, through the same validation (how tests press the page's buttons). */
  receive(raw: unknown): Promise<void> {
    const message = parseChatMessage(raw);
    return message && message.type !== 'ready' ? this.handle(message) : Promise.resolve();
  }

  private async handle(message: Exclude<ChatWebviewMessage, { type: 'ready' }>): Promise<void> {
    switch (message.type) {
      case 'ask':
        await this.chat.ask(message.question);
        return;
      case 'stop':
        await this.chat.stop();
        return;
      case 'newChat':
        await this.chat.clear();
        return;
      case 'copy': {
        const turn = this.chat.store.get(message.id);
        if (turn) {
          await vscode.env.clipboard.writeText(turn.answer);
          void vscode.window.setStatusBarMessage(vscode.l10n.t('Answer copied'), 2000);
        }
        return;
      }
      case 'openConcept':
        await vscode.commands.executeCommand(Commands.showConcept, { id: message.id });
        return;
      case 'askSuggestion': {
        // The question is the one the host offered under that answer, never text from the page.
        const question = this.chat.store.get(message.id)?.suggestions?.[message.index];
        if (question) await this.chat.ask(question);
        return;
      }
      case 'setLanguage':
        await writeSetting('chat.language', message.language);
        return;
    }
  }

  /**
   * The conversation rendered a slice at a time: up to 200 saved turns of Markdown (a megabyte at most) held the
   * extension host for a second when rendered at once. A turn that changed meanwhile is rendered again.
   */
  private async postInit(): Promise<void> {
    const rendered = new Map<Turn, ChatTurnView>();
    await forEachInSlices(this.chat.store.all, (turn) => rendered.set(turn, this.turnView(turn)), nextTurn);
    const turns = this.chat.store.all.map((turn) => rendered.get(turn) ?? this.turnView(turn));
    this.post({ type: 'init', turns, ...this.settings(), strings: chatStrings() });
    this.post({ type: 'busy', busy: this.chat.busy });
    const waiting = this.chat.waiting;
    if (waiting) this.postProgress(waiting.id, waiting.phase);
  }

  /** Only what settings change: re-sending the turns would blank an answer that is streaming. */
  private postSettings(): void {
    this.post({ type: 'settings', ...this.settings() });
  }

  private settings(): { examples: string[]; language: Lang | 'auto'; backend: string } {
    const config = this.config.current;
    return {
      examples: this.examples(config.chatLanguage === 'auto' ? uiLang() : config.chatLanguage),
      language: config.chatLanguage,
      backend:
        config.chatBackend === 'server'
          ? `${config.serverModel || 'server'} @ ${displayUrl(config.serverUrl)}`
          : config.chatBackend === 'vscode'
            ? vscode.l10n.t('VS Code model {0}', config.vscodeModel || '')
            : // (A model of `conceptExplainer.model.path` answers offline too, but it is not the bundled one.)
              config.modelPath
              ? vscode.l10n.t('your model {0}, offline', modelFolderName(config.modelPath))
              : vscode.l10n.t('bundled model, offline'),
    };
  }

  private post(message: ChatHostMessage): void {
    this.channel?.post(message);
  }

  private turnView(turn: Turn): ChatTurnView {
    const glossary = this.glossary.get();
    return {
      id: turn.id,
      question: turn.question,
      context: turn.context,
      // In Restricted Mode an answer may quote the workspace's glossary: plain text, as the panel shows it.
      answerHtml: renderAnswer(turn.answer, !vscode.workspace.isTrusted),
      state: turn.state,
      error: turn.error,
      suggestions: turn.suggestions?.map((question) => typeset(question, turn.lang)),
      sources: turn.sources.flatMap((id) => {
        const concept = glossary?.get(id);
        return concept ? [{ id, term: concept[turn.lang].term }] : [];
      }),
    };
  }

  /** A few questions about beginner concepts of the glossary, in the user's language. */
  private examples(lang: Lang): string[] {
    const concepts = this.glossary.get()?.concepts.filter((concept) => concept.level === 'beginner') ?? [];
    const picked = [0, 7, 13].flatMap((i) => (concepts.length > 0 ? [concepts[(i * 5) % concepts.length]!] : []));
    // « Qu'est-ce que l'exactitude ? », with the no-break spaces French puts before ? and :
    return exampleQuestions(picked.map((concept) => concept[lang].term), lang).map((question) => typeset(question, lang));
  }
}

function chatStrings(): ChatStrings {
  return {
    placeholder: vscode.l10n.t('Ask about a machine-learning concept'),
    send: vscode.l10n.t('Send'),
    stop: vscode.l10n.t('Stop'),
    newChat: vscode.l10n.t('New chat'),
    copy: vscode.l10n.t('Copy'),
    copied: vscode.l10n.t('Copied'),
    sources: vscode.l10n.t('Sources:'),
    interrupted: vscode.l10n.t('Interrupted: the window was reloaded during this answer.'),
    stopped: vscode.l10n.t('Stopped.'),
    emptyTitle: vscode.l10n.t('Ask about machine learning'),
    emptyHint: vscode.l10n.t('Answers come from the glossary, in the language of your question. For example:'),
    languageLabel: vscode.l10n.t('Answer language'),
    languageAuto: vscode.l10n.t('Same as the question'),
    previousStopped: vscode.l10n.t('The previous answer was stopped to answer the new question.'),
    backendBundled: vscode.l10n.t('bundled model, offline'),
    backendServer: vscode.l10n.t('server'),
    phases: {
      loading: vscode.l10n.t('Loading the model…'),
      reading: vscode.l10n.t('Reading the question…'),
      waiting: vscode.l10n.t('Waiting for the answer…'),
    },
    elapsed: vscode.l10n.t('{0} s'),
    suggestionsLabel: vscode.l10n.t('Go on with:'),
    interruptedBeforeStart: vscode.l10n.t('Interrupted: the window was reloaded before this answer began.'),
  };
}
