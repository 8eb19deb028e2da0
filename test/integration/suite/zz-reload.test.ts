import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, startStallingChatServer, useChatServer, waitForStreamingAnswer } from './helpers';

/**
 * Runs last (files run in name order). The first test leaves an answer streaming from a slow local
 * OpenAI-compatible server; the runner then reloads the window, and the second test, in the new extension
 * host, finds the conversation with the partial answer marked as interrupted.
 */
describe('Chat history across a window reload', function () {
  this.timeout(120_000);

  it('[trusted][before-reload] leaves an answer streaming when the window reloads', async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand('conceptExplainer.newChat');
    await vscode.commands.executeCommand('conceptExplainer.openChat', 'What is backpropagation?');
    // Five words at once, then a pause that outlasts the reload: the last words shown come right before it.
    const server = await startStallingChatServer(5);
    await useChatServer(server.url);
    void vscode.commands.executeCommand('conceptExplainer.openChat', 'Explain the Transformer architecture in detail.');
    await waitForStreamingAnswer(api, 'Explain the Transformer architecture in detail.');
    await new Promise((resolve) => setTimeout(resolve, 1000));
  });

  it('[trusted][after-reload] keeps the conversation and marks the cut answer as interrupted', async () => {
    await useChatServer();
    const api = await activateExtension();
    const turns = api.chatTurns();
    assert.deepEqual(turns.map((turn) => turn.question), ['What is backpropagation?', 'Explain the Transformer architecture in detail.']);
    assert.equal(turns[0]!.state, 'done');
    assert.equal(turns[1]!.state, 'interrupted');
    // All that the view had shown before the reload, not only the first piece.
    assert.equal(turns[1]!.answer, 'word0 word1 word2 word3 word4 ');
  });
});
