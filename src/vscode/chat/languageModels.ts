import * as vscode from 'vscode';
import type { SendMessages } from '../../core/pipeline/engine';
import { LIMITS } from '../../core/chat/openaiClient';
import { BUNDLED_MODEL_VENDOR } from './bundledModelProvider';

/**
 * Sends the grounded messages to one of VS Code's language models (the user's own, with the consent VS Code
 * asks for) and streams its answer. Its API has no system role: the grounding goes first, as the user's.
 */
export function sendThrough(model: vscode.LanguageModelChat): SendMessages {
  return async (messages, onText, signal) => {
    const cancel = new vscode.CancellationTokenSource();
    const onAbort = () => cancel.cancel();
    signal?.addEventListener('abort', onAbort);
    try {
      const chat = messages.map((message) =>
        message.role === 'assistant' ? vscode.LanguageModelChatMessage.Assistant(message.content) : vscode.LanguageModelChatMessage.User(message.content),
      );
      const response = await model.sendRequest(chat, { justification: vscode.l10n.t('Concept Explainer answers your question from its glossary.') }, cancel.token);
      let text = '';
      for await (const piece of response.text) {
        if (signal?.aborted) break;
        const kept = piece.slice(0, LIMITS.answerChars - text.length);
        text += kept;
        onText(kept);
        if (text.length >= LIMITS.answerChars) break;
      }
      return text;
    } catch (error) {
      throw new Error(describeModelError(error, model));
    } finally {
      signal?.removeEventListener('abort', onAbort);
      cancel.dispose();
    }
  };
}

function describeModelError(error: unknown, model: vscode.LanguageModelChat): string {
  if (error instanceof vscode.LanguageModelError) {
    if (error.code === vscode.LanguageModelError.NoPermissions.name) {
      return vscode.l10n.t('VS Code did not allow Concept Explainer to use the model {0}.', model.name);
    }
    if (error.code === vscode.LanguageModelError.Blocked.name) return vscode.l10n.t('The model {0} refused the request for now.', model.name);
    if (error.code === vscode.LanguageModelError.NotFound.name) return vscode.l10n.t('The model {0} is no longer available.', model.name);
  }
  return vscode.l10n.t('The model {0} failed: {1}', model.name, (error as Error)?.message ?? String(error));
}

/** Who answers through this model, as a turn records it (Turn.origin): its text is sent back to it only. */
export function modelOrigin(model: vscode.LanguageModelChat): string {
  return `vscode-lm:${model.vendor}/${model.id}`;
}

/**
 * VS Code's language models but the bundled one this extension offers itself (see bundledModelProvider): going
 * through VS Code to reach it would only be the `bundled` backend the long way round.
 */
export async function otherChatModels(): Promise<vscode.LanguageModelChat[]> {
  return (await vscode.lm.selectChatModels()).filter((model) => model.vendor !== BUNDLED_MODEL_VENDOR);
}

/** The VS Code model the setting names (by id or family; empty: the first one), or undefined when none is available. */
export async function pickChatModel(wanted: string): Promise<vscode.LanguageModelChat | undefined> {
  const models = await otherChatModels();
  if (!wanted) return models[0];
  return models.find((model) => model.id === wanted || model.family === wanted || model.name === wanted);
}
