import * as vscode from 'vscode';
import { CONVERSATION_LIMITS, type Turn } from '../../core/chat/conversation';
import { Commands, parseShowConceptArgs } from '../commandIds';
import { displayLang, writeSetting, type ConfigStore } from '../config';
import type { GlossaryService } from '../glossaryService';
import { originOf, sealKey } from '../../core/chat/apiKey';
import { API_KEY_SECRET, type ChatController } from './chatController';
import { CHAT_VIEW_ID, type ChatViewProvider } from './chatView';
import { textWithin } from '../selection';
import { otherChatModels } from './languageModels';
import { BUNDLED_MODEL_ID, BUNDLED_MODEL_VENDOR } from './bundledModelProvider';
import { aboutConcept } from '../../core/present/questions';
import { typeset } from '../../core/pipeline/phrasing';

export interface ChatCommandDeps {
  readonly chat: ChatController;
  readonly view: ChatViewProvider;
  readonly glossary: GlossaryService;
  readonly config: ConfigStore;
  readonly secrets: vscode.SecretStorage;
}

async function openChat(): Promise<void> {
  await vscode.commands.executeCommand(`${CHAT_VIEW_ID}.focus`);
}

/** Chat commands. `askAboutSelection` and `openChat` with a question resolve with the finished turn (tests use it). */
export function registerChatCommands(deps: ChatCommandDeps): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.openChat, async (question?: unknown) => {
      await openChat();
      return typeof question === 'string' && question.trim() ? deps.chat.ask(question.trim()) : undefined;
    }),
    vscode.commands.registerCommand(Commands.askAboutSelection, (question?: unknown) => askAboutSelection(deps, question)),
    vscode.commands.registerCommand(Commands.askAboutConcept, (args: unknown) => askAboutConcept(deps, args)),
    vscode.commands.registerCommand(Commands.newChat, () => deps.chat.clear()),
    vscode.commands.registerCommand(Commands.stopAnswer, () => deps.chat.stop()),
    vscode.commands.registerCommand(Commands.setServerApiKey, () => setServerApiKey(deps.secrets, deps.config.current.serverUrl)),
    vscode.commands.registerCommand(Commands.pickChatModel, () => pickVsCodeModel()),
    vscode.commands.registerCommand(Commands.askInVsCodeChat, (question?: unknown) => askInVsCodeChat(question)),
  );
}

/** `question` skips the input box (for keybindings with a fixed question). */
async function askAboutSelection({ chat }: ChatCommandDeps, preset: unknown): Promise<Turn | undefined> {
  const editor = vscode.window.activeTextEditor;
  // Only what the conversation keeps of a selection is read from the document (the prompt reads less still).
  const selection = editor && !editor.selection.isEmpty ? textWithin(editor.document, editor.selection, CONVERSATION_LIMITS.contextChars) : '';
  if (!selection.trim()) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select some text to ask about.'));
    return undefined;
  }
  const question =
    typeof preset === 'string' && preset.trim()
      ? preset.trim()
      : await vscode.window.showInputBox({ prompt: vscode.l10n.t('Your question about the selection'), value: vscode.l10n.t('What does this mean?') });
  if (!question) return undefined;
  await openChat();
  return chat.ask(question, selection);
}

/** "Ask the chat" from a hover or the panel: the chat opens with a question about the concept to finish. */
async function askAboutConcept({ view, glossary, config }: ChatCommandDeps, rawArgs: unknown): Promise<void> {
  const args = parseShowConceptArgs(rawArgs);
  const concept = args && glossary.get()?.get(args.id);
  await openChat();
  if (!concept) return;
  const lang = args.lang ?? displayLang(config.current);
  const term = concept[lang].term;
  // « À propos de l'affinage : », "About fine-tuning: "
  view.prefill(typeset(aboutConcept(term, lang), lang));
}

/** The key is saved for the server URL set now, and sent to that origin only. */
async function setServerApiKey(secrets: vscode.SecretStorage, serverUrl: string): Promise<void> {
  const origin = originOf(serverUrl);
  if (!origin) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Set "conceptExplainer.chat.server.url" first: the key is kept for that server only.'));
    return;
  }
  const key = await vscode.window.showInputBox({
    title: origin,
    prompt: vscode.l10n.t('API key of the chat server (kept in VS Code secret storage; empty to remove it)'),
    password: true,
    ignoreFocusOut: true,
  });
  if (key === undefined) return;
  const sealed = key.trim() ? sealKey(serverUrl, key.trim()) : undefined;
  if (sealed) await secrets.store(API_KEY_SECRET, sealed);
  else await secrets.delete(API_KEY_SECRET);
  void vscode.window.showInformationMessage(sealed ? vscode.l10n.t('API key saved for {0}.', origin) : vscode.l10n.t('API key removed.'));
}

/**
 * Opens VS Code's Chat view on `@concepts` with the bundled model picked. Without a Copilot account the Chat
 * view's model picker offers only to sign in, and a request with no model is refused ("Language model
 * unavailable") before `@concepts` is called; with the model this extension offers picked, `@concepts` answers
 * offline. `question` is asked at once; without it the input waits for one.
 */
async function askInVsCodeChat(question: unknown): Promise<void> {
  const asked = typeof question === 'string' && question.trim() ? question.trim() : '';
  await vscode.commands.executeCommand('workbench.action.chat.open', {
    query: `@concepts ${asked}`,
    isPartialQuery: !asked,
    modelSelector: { vendor: BUNDLED_MODEL_VENDOR, id: BUNDLED_MODEL_ID },
  });
}

/** A quick pick over VS Code's language models; the choice becomes the side view's backend. */
async function pickVsCodeModel(): Promise<void> {
  const models = await otherChatModels();
  if (models.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No VS Code language model is available. Install or sign in to a chat model extension first.'));
    return;
  }
  const picked = await vscode.window.showQuickPick(
    models.map((model) => ({ label: model.name, description: `${model.vendor} · ${model.family}`, id: model.id })),
    { placeHolder: vscode.l10n.t('The model the chat answers with, from the glossary (its provider receives your questions)') },
  );
  if (!picked) return;
  await writeSetting('chat.vscodeModel', picked.id);
  await writeSetting('chat.backend', 'vscode');
}
