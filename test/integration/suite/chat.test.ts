import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Turn } from '../../../src/core/chat/conversation';
import { activateExtension, closeAll, openDocument, selectText, setSetting, startSlowChatServer, useChatServer, waitFor, waitForStreamingAnswer } from './helpers';

/** The bundled model answers on the CPU; the first question also loads it. */
const ANSWER_TIMEOUT_MS = 120_000;

describe('Chat view with the bundled model', function () {
  this.timeout(ANSWER_TIMEOUT_MS * 2);

  before(async () => {
    await activateExtension();
    await vscode.commands.executeCommand('conceptExplainer.newChat');
  });
  after(closeAll);

  it('says in place what the first answer waits for (the model loading, then reading the question), then streams it', async () => {
    const api = await activateExtension();
    // The first chat test of the run: nothing has loaded the model yet.
    assert.notEqual(api.modelState(), 'ready');
    const turn = await vscode.commands.executeCommand<Turn>('conceptExplainer.openChat', 'What is dropout?');
    assert.equal(turn.state, 'done', turn.error);
    const shown = api.chatPhasesShown();
    assert.equal(shown?.id, turn.id, 'the view was told what the answer waited for');
    assert.equal(shown.phases[0], 'loading', JSON.stringify(shown.phases));
    assert.equal(shown.phases.at(-1), 'reading', JSON.stringify(shown.phases));
    assert.equal(api.chatWaiting(), undefined, 'nothing is waiting once the answer is there');
  });

  it('Stop ends an answer while the model is still loading', async () => {
    const api = await activateExtension();
    // Another idle time starts a new model worker: the model loads again for the next question. The setting
    // stays (in this run's settings only): setting it back would start yet another worker, one more load to wait.
    await setSetting('model.idleMinutes', 9);
    await waitFor(() => api.modelState() === 'unloaded', 'the model was not let go', 10_000);
    const pending = vscode.commands.executeCommand<Turn>('conceptExplainer.openChat', 'What is a token?');
    await waitFor(() => api.chatWaiting()?.phase === 'loading', 'the view was not told the model is loading', 10_000);
    const stopped = Date.now();
    await vscode.commands.executeCommand('conceptExplainer.stopAnswer');
    const turn = await pending;
    assert.equal(turn.state, 'stopped');
    assert.equal(turn.answer, '');
    assert.ok(Date.now() - stopped < 3_000, `Stop took ${Date.now() - stopped} ms`);
    assert.equal(api.chatWaiting(), undefined);
  });

  it('opens in its own container and answers a French question from the glossary, in French', async () => {
    const api = await activateExtension();
    const turn = await vscode.commands.executeCommand<Turn>('conceptExplainer.openChat', "Qu'est-ce que l'affinage ?");
    await waitFor(() => api.chatViewResolved(), 'the chat view did not open', 20_000);
    assert.equal(turn.state, 'done', turn.error);
    assert.equal(turn.lang, 'fr');
    assert.ok(turn.answer.trim().length > 20, turn.answer);
    assert.ok(turn.sources.includes('fine-tuning'), JSON.stringify(turn.sources));
    assert.equal(api.modelState(), 'ready');
  });

  it('answers an English question in English and keeps both turns in the saved conversation', async () => {
    const api = await activateExtension();
    const turn = await vscode.commands.executeCommand<Turn>('conceptExplainer.openChat', 'What is self-attention?');
    assert.equal(turn.state, 'done', turn.error);
    assert.equal(turn.lang, 'en');
    assert.ok(turn.sources.includes('self-attention'), JSON.stringify(turn.sources));
    const questions = api.chatTurns().map((saved) => saved.question);
    assert.deepEqual(questions.slice(-2), ["Qu'est-ce que l'affinage ?", 'What is self-attention?']);
  });

  it('[trusted] Stop ends the answer in progress and closes the request', async () => {
    const server = await startSlowChatServer();
    try {
      await useChatServer(server.url);
      const api = await activateExtension();
      const question = 'Explain the Transformer architecture in detail.';
      const pending = vscode.commands.executeCommand<Turn>('conceptExplainer.openChat', question);
      await waitForStreamingAnswer(api, question);
      await vscode.commands.executeCommand('conceptExplainer.stopAnswer');
      const turn = await pending;
      assert.equal(turn.state, 'stopped');
      assert.match(turn.answer, /^word0 /);
      await waitFor(() => server.closed() === 1, 'the request to the server was not closed', 10_000);
    } finally {
      await useChatServer();
      server.close();
    }
  });

  it('[trusted] a new question stops the answer in progress instead of running two at once', async () => {
    const server = await startSlowChatServer();
    try {
      await useChatServer(server.url);
      const api = await activateExtension();
      const first = vscode.commands.executeCommand<Turn>('conceptExplainer.openChat', 'What is a neural network?');
      await waitForStreamingAnswer(api, 'What is a neural network?');
      await useChatServer();
      const second = vscode.commands.executeCommand<Turn>('conceptExplainer.openChat', 'What is a token?');
      const [a, b] = await Promise.all([first, second]);
      assert.equal(a.state, 'stopped');
      assert.equal(b.state, 'done', b.error);
      assert.ok(b.sources.includes('token'), JSON.stringify(b.sources));
    } finally {
      await useChatServer();
      server.close();
    }
  });

  it('Ask About Selection sends the selection with the question', async () => {
    const editor = await openDocument('loss = cross_entropy(logits, labels)  # then backpropagation', 'python');
    selectText(editor, 'backpropagation');
    const turn = await vscode.commands.executeCommand<Turn>('conceptExplainer.askAboutSelection', 'What is this?');
    assert.equal(turn.context, 'backpropagation');
    assert.equal(turn.state, 'done', turn.error);
    assert.ok(turn.sources.includes('backpropagation'), JSON.stringify(turn.sources));
  });

  it('reads a follow-up as being about the previous answer’s concept, with its own intent', async () => {
    await vscode.commands.executeCommand('conceptExplainer.newChat');
    const first = await vscode.commands.executeCommand<Turn>('conceptExplainer.openChat', "Qu'est-ce que GPT ?");
    assert.equal(first.state, 'done', first.error);
    const followUp = await vscode.commands.executeCommand<Turn>('conceptExplainer.openChat', 'Et comment ça marche ?');
    assert.equal(followUp.state, 'done', followUp.error);
    assert.deepEqual([followUp.intent, followUp.concepts], ['how', ['gpt']]);
    assert.equal(followUp.lang, 'fr');
    assert.deepEqual(followUp.sources, ['gpt']);
    assert.notEqual(followUp.answer, first.answer, 'a follow-up never repeats the previous answer');
    const thanks = await vscode.commands.executeCommand<Turn>('conceptExplainer.openChat', 'Merci !');
    assert.equal(thanks.intent, 'smalltalk');
    assert.ok(!/Je ne connais que/.test(thanks.answer), thanks.answer);
    assert.notEqual(thanks.answer, followUp.answer);
  });

  it('offers questions to go on with under the answer; choosing one asks it, and nothing else can be asked that way', async () => {
    const api = await activateExtension();
    const turn = await vscode.commands.executeCommand<Turn>('conceptExplainer.openChat', "Qu'est-ce que le surapprentissage ?");
    assert.equal(turn.state, 'done', turn.error);
    assert.ok((turn.suggestions?.length ?? 0) >= 2, JSON.stringify(turn.suggestions));
    for (const question of turn.suggestions!) assert.match(question, /\?$|\.$/u, question);
    const before = api.chatTurns().length;
    // What the page posts is only where the suggestion is; a wrong place or extra text asks nothing.
    await api.chatViewReceive({ type: 'askSuggestion', id: turn.id, index: 9 });
    await api.chatViewReceive({ type: 'askSuggestion', id: 'no-such-turn', index: 0 });
    await api.chatViewReceive({ type: 'askSuggestion', id: turn.id, index: '0' });
    assert.equal(api.chatTurns().length, before);
    await api.chatViewReceive({ type: 'askSuggestion', id: turn.id, index: 0, question: 'ignored' });
    const asked = api.chatTurns().at(-1)!;
    assert.equal(asked.question, turn.suggestions![0]);
    assert.equal(asked.state, 'done', asked.error);
    assert.equal(asked.lang, 'fr');
  });

  it('New Chat clears the conversation', async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand('conceptExplainer.newChat');
    assert.equal(api.chatTurns().length, 0);
  });
});
