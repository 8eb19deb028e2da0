import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Turn } from '../../../src/core/chat/conversation';
import { activateExtension, waitFor } from '../suite/helpers';

/**
 * Not a test suite: `npm run screenshots` runs it to leave the workbench as a user sees it after a short
 * session (the explanation panel open on a concept, a French conversation in the chat), for the runner's
 * screenshot (test-results/trusted.png) and the text of the webviews (test-results/trusted-webviews.json).
 */
/** Asks the runner to look at the workbench once a webview shows `text` (scripts/vscode-server/look.mjs), with a screenshot. */
async function lookAtWorkbench(text: string): Promise<{ webviews: string[]; error?: string }> {
  const results = process.env.CONCEPT_EXPLAINER_TEST_RESULTS!;
  const answer = `${results}.look-showcase.json`;
  fs.writeFileSync(`${results}.look.json.tmp`, JSON.stringify({ id: 'showcase', view: 'workbench', waitFor: text, screenshot: 'showcase' }));
  fs.renameSync(`${results}.look.json.tmp`, `${results}.look.json`);
  await waitFor(() => fs.existsSync(answer), 'the runner did not answer', 90_000);
  const look = JSON.parse(fs.readFileSync(answer, 'utf8')) as { webviews: string[]; error?: string };
  assert.equal(look.error, undefined, look.error);
  return look;
}

describe('Showcase', function () {
  this.timeout(300_000);

  it('leaves the panel and a conversation on screen', async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand('conceptExplainer.showConcept', { id: 'self-attention', lang: 'fr' });
    await vscode.commands.executeCommand('conceptExplainer.newChat');
    const lines: string[] = [];
    const questions = (process.env.CONCEPT_EXPLAINER_SHOWCASE ?? "Qu'est-ce que GPT ?|Et comment ça marche ?|Quel est le piège ?|Quelle est la différence entre GPT et ChatGPT ?").split('|');
    for (const question of questions) {
      const turn = await vscode.commands.executeCommand<Turn>('conceptExplainer.openChat', question);
      assert.equal(turn.state, 'done', turn.error);
      lines.push(`> ${question}`, '', turn.answer, '', `(${turn.intent} · ${turn.concepts?.join(', ')} · sources: ${turn.sources.join(', ')})`, '');
    }
    const root = vscode.extensions.getExtension('concept-explainer.concept-explainer')!.extensionPath;
    fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
    fs.writeFileSync(path.join(root, 'test-results', 'showcase-conversation.md'), lines.join('\n'));
    await waitFor(() => api.chatViewResolved(), 'the chat view did not open', 20_000);
    // A headless workbench paints a side view's webview once the view has focus.
    await vscode.commands.executeCommand('conceptExplainer.chat.focus');
    const shown = await lookAtWorkbench(questions.at(-1)!);
    fs.writeFileSync(path.join(root, 'test-results', 'showcase-webviews.json'), JSON.stringify(shown, null, 2));
    assert.ok(shown.webviews.some((text) => text.includes(questions.at(-1)!)), 'the chat view does not show the conversation');
  });
});
