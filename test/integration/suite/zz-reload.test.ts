import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import { activateExtension, setSetting, waitFor } from './helpers';

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
    const server = http.createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      // One word every 200 ms, for at most two minutes: still streaming when the window reloads.
      let sent = 0;
      const timer = setInterval(() => {
        response.write(`data: ${JSON.stringify({ choices: [{ delta: { content: `word${sent} ` } }] })}\n\n`);
        if (++sent > 600) clearInterval(timer);
      }, 200);
      response.on('close', () => clearInterval(timer));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    await setSetting('chat.server.url', `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`);
    await setSetting('chat.backend', 'server');
    void vscode.commands.executeCommand('conceptExplainer.openChat', 'Explain the Transformer architecture in detail.');
    await waitFor(() => (api.chatTurns().at(-1)?.answer.length ?? 0) > 10, 'the answer never started streaming', 30_000);
    await new Promise((resolve) => setTimeout(resolve, 700)); // the partial answer is saved every 300 ms
  });

  it('[trusted][after-reload] keeps the conversation and marks the cut answer as interrupted', async () => {
    await setSetting('chat.backend', undefined);
    await setSetting('chat.server.url', undefined);
    const api = await activateExtension();
    const turns = api.chatTurns();
    assert.deepEqual(turns.map((turn) => turn.question), ['What is backpropagation?', 'Explain the Transformer architecture in detail.']);
    assert.equal(turns[0]!.state, 'done');
    assert.equal(turns[1]!.state, 'interrupted');
    // What was saved before the reload: at least the first words, never anything else.
    assert.match(turns[1]!.answer, /^word0 (word\d+ )*$/);
  });
});
