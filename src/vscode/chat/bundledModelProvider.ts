import * as vscode from 'vscode';
import type { Turn } from '../../core/chat/conversation';
import { detectLanguage } from '../../core/pipeline/language';
import { uiLang } from '../config';
import type { ModelService } from '../modelService';
import type { GlossaryService } from '../glossaryService';

/** The vendor under which the bundled model is offered to VS Code (package.json `languageModelChatProviders`). */
export const BUNDLED_MODEL_VENDOR = 'concept-explainer';
export const BUNDLED_MODEL_ID = 'concept-gpt';

// The Language Model Chat Provider API (VS Code 1.104 and later), declared here: the extension builds against
// @types/vscode 1.95 and runs on older VS Code too, where the API is absent and nothing is registered.
interface ChatInformation {
  readonly id: string;
  readonly name: string;
  readonly family: string;
  readonly version: string;
  readonly maxInputTokens: number;
  readonly maxOutputTokens: number;
  readonly tooltip?: string;
  readonly detail?: string;
  readonly capabilities: { readonly toolCalling?: boolean; readonly imageInput?: boolean };
}

interface RequestMessage {
  readonly role: vscode.LanguageModelChatMessageRole;
  readonly content: ReadonlyArray<unknown>;
}

interface ChatProvider {
  provideLanguageModelChatInformation(options: unknown, token: vscode.CancellationToken): ChatInformation[];
  provideLanguageModelChatResponse(model: ChatInformation, messages: readonly RequestMessage[], options: unknown, progress: vscode.Progress<vscode.LanguageModelTextPart>, token: vscode.CancellationToken): Promise<void>;
  provideTokenCount(model: ChatInformation, text: string | RequestMessage, token: vscode.CancellationToken): Promise<number>;
}

type RegisterProvider = (vendor: string, provider: ChatProvider) => vscode.Disposable;

export interface BundledModelDeps {
  readonly glossary: GlossaryService;
  readonly model: ModelService;
}

/**
 * Offers the bundled model to VS Code as a language model ("Concept Explainer (offline)"), where VS Code has the
 * API: other extensions and VS Code's model picker can then use it, and nothing leaves the machine. It answers
 * as the side view does: from the glossary, through the same pipeline. Returns undefined where the running VS
 * Code lacks the API.
 */
export function registerBundledModelProvider(deps: BundledModelDeps): vscode.Disposable | undefined {
  const register = (vscode.lm as unknown as { registerLanguageModelChatProvider?: RegisterProvider }).registerLanguageModelChatProvider;
  if (typeof register !== 'function') return undefined;
  return register(BUNDLED_MODEL_VENDOR, {
    provideLanguageModelChatInformation: () => [
      {
        id: BUNDLED_MODEL_ID,
        name: vscode.l10n.t('Concept Explainer (offline)'),
        family: BUNDLED_MODEL_ID,
        version: '1',
        maxInputTokens: 1024,
        maxOutputTokens: 512,
        tooltip: vscode.l10n.t('The model bundled with Concept Explainer: answers machine-learning questions from its glossary, on this machine.'),
        capabilities: {},
      },
    ],
    provideLanguageModelChatResponse: (_model, messages, _options, progress, token) => answer(deps, messages, progress, token),
    provideTokenCount: async (_model, text) => Math.ceil(textOf(text).length / 4),
  });
}

async function answer(deps: BundledModelDeps, messages: readonly RequestMessage[], progress: vscode.Progress<vscode.LanguageModelTextPart>, token: vscode.CancellationToken): Promise<void> {
  const engine = await deps.glossary.engine();
  if (!engine) throw new Error(vscode.l10n.t('The glossary could not be loaded.'));
  const turns = messages.filter((message) => message.role === vscode.LanguageModelChatMessageRole.User || message.role === vscode.LanguageModelChatMessageRole.Assistant);
  const question = textOf(turns.at(-1) ?? { role: vscode.LanguageModelChatMessageRole.User, content: [] }).trim();
  if (!question) return;
  const controller = new AbortController();
  const cancel = token.onCancellationRequested(() => controller.abort());
  try {
    await engine.ask(
      { question, answerLang: 'auto', fallbackLang: detectLanguage(question, uiLang()), history: historyOf(turns.slice(0, -1)) },
      { kind: 'bundled', model: deps.model, options: await deps.model.decodingOptions({ seed: Date.now() % 100000 }) },
      (text) => progress.report(new vscode.LanguageModelTextPart(text)),
      controller.signal,
    );
  } finally {
    cancel.dispose();
  }
}

/** The earlier user and assistant messages as the pipeline's turns (what follow-ups refer to). */
function historyOf(messages: readonly RequestMessage[]): Turn[] {
  const turns: Turn[] = [];
  for (let index = 0; index + 1 < messages.length; index++) {
    const [asked, answered] = [messages[index]!, messages[index + 1]!];
    if (asked.role !== vscode.LanguageModelChatMessageRole.User || answered.role !== vscode.LanguageModelChatMessageRole.Assistant) continue;
    const question = textOf(asked);
    turns.push({ id: String(turns.length), question, answer: textOf(answered), lang: detectLanguage(question, uiLang()), sources: [], state: 'done', createdAt: 0 });
    index++;
  }
  return turns.slice(-4);
}

function textOf(message: string | RequestMessage): string {
  if (typeof message === 'string') return message;
  return message.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : typeof (part as { value?: unknown }).value === 'string' ? (part as { value: string }).value : '')).join('');
}
