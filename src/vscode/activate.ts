import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { configureMessages } from '../core/messages';
import { registerCommands } from './commands';
import { registerConceptsInFileView } from './conceptsInFile';
import { ConfigStore } from './config';
import { SelectionFollower } from './follow';
import { GlossaryService } from './glossaryService';
import { ConceptHoverProvider } from './hover';
import { ExplanationPanelManager, type PanelSnapshot } from './panel/explanationPanel';
import type { Turn } from '../core/chat/conversation';
import type { ModelState, ModelThread } from '../core/model/modelClient';
import type { GenerateOptions } from '../core/model/runtime';
import type { ChatPhase } from '../webviewProtocol/chatMessages';
import { registerChatCommands } from './chat/chatCommands';
import { ChatController } from './chat/chatController';
import { ChatViewProvider } from './chat/chatView';
import { ModelService } from './modelService';
import { ModelStatusBar } from './statusBar';
import { TermDecorations, type DecoratedTerm } from './decorations';
import { GlossaryTreeProvider } from './glossaryTree';
import { registerUserGlossaryCommands } from './userGlossaryCommands';
import { GLOSSARY_TOOL, GlossaryLookupTool } from './chat/glossaryTool';
import { answerInChat, registerConceptParticipant } from './chat/participant';
import { registerBundledModelProvider } from './chat/bundledModelProvider';
import { ExplainLinks, PreviewTerms } from './preview';
import { NotebookTerms } from './notebookTerms';
import type { ExtensionHost } from './host';

/** What `activate` returns: read-only views for tests and for other extensions. */
export interface ConceptExplainerApi {
  /** Milliseconds `activate` took. */
  readonly activationMs: number;
  /** What the explanation panel shows, if it is open. */
  panelSnapshot(): PanelSnapshot | undefined;
  /** The saved chat conversation. */
  chatTurns(): readonly Turn[];
  modelState(): ModelState;
  /** Where the model runs: a worker thread (desktop), a web worker or the web extension host's thread (browser). */
  modelThread(): ModelThread | undefined;
  /** The folder the model is read from: the bundled one, or `conceptExplainer.model.path`'s as this host resolves it. */
  modelDir(): string;
  /** The decoding options of the next answer: that folder's generation_config.json's. */
  decodingOptions(): Promise<GenerateOptions>;
  /** Whether the chat view has been shown (its webview resolved). */
  chatViewResolved(): boolean;
  /** What the chat view showed in place of the latest answer before its first text (loading, reading...). */
  chatPhasesShown(): { readonly id: string; readonly phases: readonly ChatPhase[] } | undefined;
  /** What the answer in progress waits for while none of it is shown. */
  chatWaiting(): { readonly id: string; readonly phase: ChatPhase } | undefined;
  /** Hands the chat view's host a message as its page would post it, validated the same way. */
  chatViewReceive(raw: unknown): Promise<void>;
  /** Resolves once the user glossaries are read and merged, including changes saved just before. */
  glossarySettled(): Promise<void>;
  /** Where a concept comes from: `undefined` for a bundled one, else the user file that adds or replaces it. */
  conceptOrigin(id: string): { kind: 'user' | 'override'; file: string } | undefined;
  /** The glossary tree's categories and concept ids, as shown (with the filter applied). */
  glossaryTree(): Array<{ category: string; concepts: string[] }>;
  /** The terms underlined in a document. */
  decoratedTerms(uri: vscode.Uri): readonly DecoratedTerm[];
  /** Decorates the visible editors now instead of after the usual short delay. */
  refreshDecorations(): void;
  /** The `@concepts` chat participant's handler, for tests that call it with VS Code's own types. */
  readonly participantHandler: OmitFirst<typeof answerInChat>;
  /** Marks the glossary's terms in the Markdown preview: VS Code's Markdown extension calls it (`markdown.markdownItPlugins`). */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
  /** What a notebook's Markdown renderer is sent: the concepts its Markdown names (for tests). */
  notebookTerms(notebook: vscode.NotebookDocument): ReturnType<NotebookTerms['termsFor']>;
}

type OmitFirst<F> = F extends (first: never, ...rest: infer Rest) => infer Result ? (...rest: Rest) => Result : never;

/**
 * Registers everything, on the desktop and in a browser alike (`host` says how files are read and where the model
 * runs); loads nothing heavy (the glossary loads on first use).
 */
export function activateWith(context: vscode.ExtensionContext, host: ExtensionHost): ConceptExplainerApi {
  const started = performance.now();
  // The core's messages (glossary problems, server and model errors) use the UI's bundle.
  configureMessages(vscode.l10n.bundle);
  const config = new ConfigStore();
  const glossary = new GlossaryService(host.glossary, config);
  const panels = new ExplanationPanelManager(context.extensionUri, glossary, config, context.workspaceState);
  const model = new ModelService(host.model, config);
  const chat = new ChatController(context.workspaceState, glossary, model, config, context.secrets);
  const chatView = new ChatViewProvider(context.extensionUri, chat, glossary, config);
  const tree = new GlossaryTreeProvider(glossary, config);
  const decorations = new TermDecorations(glossary, config);
  const participantDeps = { chat, glossary, config, model, extensionUri: context.extensionUri };
  const links = new ExplainLinks(context.extension.id);
  const preview = new PreviewTerms(glossary, config, links);
  const notebooks = new NotebookTerms(glossary, config, links);
  context.subscriptions.push(
    config,
    glossary,
    tree,
    decorations,
    registerUserGlossaryCommands({ glossary, config }),
    panels,
    model,
    chatView,
    new ModelStatusBar(model),
    new SelectionFollower(glossary, config, panels),
    registerCommands({ glossary, config, panels }),
    registerConceptsInFileView({ glossary, config, panels }),
    registerChatCommands({ chat, view: chatView, glossary, config, secrets: context.secrets }),
    vscode.languages.registerHoverProvider('*', new ConceptHoverProvider(glossary, config)),
    registerConceptParticipant(participantDeps),
    // The bundled model as a VS Code language model, where VS Code has the API (1.104 and later).
    registerBundledModelProvider({ glossary, model }) ?? new vscode.Disposable(() => {}),
    vscode.lm.registerTool(GLOSSARY_TOOL, new GlossaryLookupTool(glossary)),
    vscode.window.registerUriHandler(links),
    preview,
    notebooks,
  );
  const activationMs = performance.now() - started;
  // The user's glossaries are read after activation returns, off its critical path.
  void glossary.reload();
  return {
    activationMs,
    panelSnapshot: () => panels.snapshot,
    chatTurns: () => chat.store.all,
    modelState: () => model.state,
    modelThread: () => model.thread,
    modelDir: () => model.modelDir,
    decodingOptions: () => model.decodingOptions(),
    chatViewResolved: () => chatView.resolved,
    chatPhasesShown: () => chatView.phasesShown,
    chatWaiting: () => chat.waiting,
    chatViewReceive: (raw) => chatView.receive(raw),
    glossarySettled: () => glossary.settled(),
    conceptOrigin: (id) => glossary.get()?.origin(id),
    glossaryTree: () => tree.outline(),
    decoratedTerms: (uri) => decorations.termsIn(uri),
    refreshDecorations: () => decorations.update(),
    participantHandler: (request, chatContext, stream, token) => answerInChat(participantDeps, request, chatContext, stream, token),
    extendMarkdownIt: (md) => preview.extendMarkdownIt(md),
    notebookTerms: (notebook) => notebooks.termsFor(notebook),
  };
}

