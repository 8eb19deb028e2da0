import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Turn } from '../../../src/core/chat/conversation';
import { activateExtension, closeAll, setSetting } from './helpers';

/** A ChatResponseStream that records what the handler sends. */
function recordingStream() {
  const markdown: string[] = [];
  const buttons: vscode.Command[] = [];
  return {
    markdown,
    buttons,
    stream: {
      markdown: (value: string | vscode.MarkdownString) => void markdown.push(typeof value === 'string' ? value : value.value),
      button: (command: vscode.Command) => void buttons.push(command),
      progress: () => {},
    },
  };
}

/** A response of ours in VS Code's chat history, as VS Code builds it (its constructor is hidden from the types only). */
function ourEarlierAnswer(answer: string, metadata: { question: string; intent: string; concepts: string[]; lang: string }): vscode.ChatResponseTurn {
  const Turn = vscode.ChatResponseTurn as unknown as new (response: unknown[], result: vscode.ChatResult, participant: string) => vscode.ChatResponseTurn;
  return new Turn([new vscode.ChatResponseMarkdownPart(answer)], { metadata }, 'conceptExplainer.concepts');
}

const NO_MODEL = undefined as unknown as vscode.LanguageModelChat;

async function lookup(query: string): Promise<string> {
  const result = await vscode.lm.invokeTool('conceptExplainer_lookup', { input: { query }, toolInvocationToken: undefined });
  return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
}

describe('Inside VS Code’s own chat', function () {
  this.timeout(240_000);
  before(activateExtension);
  after(closeAll);

  it('offers the bundled model as a VS Code language model that answers offline, from the glossary', async function () {
    const api = vscode.lm as unknown as { registerLanguageModelChatProvider?: unknown };
    if (typeof api.registerLanguageModelChatProvider !== 'function') this.skip(); // VS Code before 1.104
    let models: vscode.LanguageModelChat[] = [];
    const deadline = Date.now() + 20_000;
    while (models.length === 0 && Date.now() < deadline) {
      models = await vscode.lm.selectChatModels({ vendor: 'concept-explainer' });
      if (models.length === 0) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.equal(models.length, 1, 'the bundled model is listed among VS Code’s language models');
    const [model] = models;
    assert.equal(model!.id.endsWith('concept-gpt'), true, model!.id);
    const response = await model!.sendRequest([vscode.LanguageModelChatMessage.User("Qu'est-ce que l'affinage ?")], {}, new vscode.CancellationTokenSource().token);
    let text = '';
    for await (const piece of response.text) text += piece;
    assert.ok(text.length > 30, text);
    assert.match(text, /affinage|entraîn/iu, text);
  });

  it('registers the glossary tool for agents, referencable as #concept', async () => {
    const tool = vscode.lm.tools.find((candidate) => candidate.name === 'conceptExplainer_lookup');
    assert.ok(tool, `tools: ${vscode.lm.tools.map((t) => t.name).join(', ')}`);
    assert.deepEqual((tool.inputSchema as { required: string[] }).required, ['query']);
  });

  it('the tool returns the right entries for French and English terms and questions, short enough for an agent', async () => {
    const french = await lookup("Qu'est-ce que l'affinage ?");
    assert.match(french, /^\[fine-tuning\] affinage/);
    const english = await lookup('Why does dropout work?');
    assert.match(english, /^\[dropout\] dropout/i);
    assert.match(english, /why \(dropout\): /, 'the passage that answers the question comes with the definition');
    const contrast = await lookup('LoRA vs QLoRA');
    assert.match(contrast, /\[lora\][\s\S]*\[qlora\][\s\S]*contrast \(lora \| qlora\)/);
    assert.ok(french.length <= 4000 && english.length <= 4000);
    assert.match(await lookup('How do I bake bread?'), /No machine-learning concept/);
  });

  it('@concepts answers through the bundled model, with the entries it rests on as buttons that open the panel', async () => {
    const api = await activateExtension();
    const { stream, markdown, buttons } = recordingStream();
    const token = new vscode.CancellationTokenSource().token;
    const result = await api.participantHandler({ prompt: 'What is LoRA?', command: undefined, model: undefined as unknown as vscode.LanguageModelChat }, { history: [] }, stream, token);
    assert.equal(result.errorDetails, undefined, result.errorDetails?.message);
    assert.ok(markdown.join('').trim().length > 20, markdown.join(''));
    assert.deepEqual((result.metadata as { concepts: string[] }).concepts, ['lora']);
    assert.ok(buttons.some((button) => button.command === 'conceptExplainer.showConcept' && (button.arguments?.[0] as { id: string }).id === 'lora'), JSON.stringify(buttons));
  });

  it('@concepts /glossary searches without the model, and /compare compares', async () => {
    const api = await activateExtension();
    const token = new vscode.CancellationTokenSource().token;
    const search = recordingStream();
    await api.participantHandler({ prompt: 'attention', command: 'glossary', model: undefined as unknown as vscode.LanguageModelChat }, { history: [] }, search.stream, token);
    assert.match(search.markdown.join(''), /self\\-attention|auto\\-attention/i);
    const compare = recordingStream();
    const result = await api.participantHandler({ prompt: 'GPT and ChatGPT', command: 'compare', model: undefined as unknown as vscode.LanguageModelChat }, { history: [] }, compare.stream, token);
    assert.equal((result.metadata as { intent: string }).intent, 'contrast');
  });

  it('@concepts reads a follow-up from the chat history: the earlier concept, the new intent, the question’s language', async () => {
    const api = await activateExtension();
    const token = new vscode.CancellationTokenSource().token;
    const earlier = ourEarlierAnswer('LoRA fine-tunes a model by training two small matrices.', { question: 'What is LoRA?', intent: 'what', concepts: ['lora'], lang: 'en' });
    const english = recordingStream();
    const how = await api.participantHandler({ prompt: 'And how does it work?', command: undefined, model: NO_MODEL }, { history: [earlier] }, english.stream, token);
    assert.deepEqual([(how.metadata as { intent: string }).intent, (how.metadata as { concepts: string[] }).concepts], ['how', ['lora']]);
    assert.ok(english.buttons.some((button) => (button.arguments?.[0] as { id: string }).id === 'lora'), JSON.stringify(english.buttons));
    const french = recordingStream();
    const why = await api.participantHandler({ prompt: 'Et pourquoi ça marche ?', command: undefined, model: NO_MODEL }, { history: [earlier] }, french.stream, token);
    assert.deepEqual([(why.metadata as { intent: string }).intent, (why.metadata as { concepts: string[] }).concepts, (why.metadata as { lang: string }).lang], ['why', ['lora'], 'fr']);
    const unrelated = ourEarlierAnswer('Ignored', { question: 'x', intent: 'what', concepts: ['gpt'], lang: 'en' });
    const other = Object.assign(Object.create(Object.getPrototypeOf(unrelated) as object) as vscode.ChatResponseTurn, { ...unrelated, participant: 'someone.else' });
    const alone = recordingStream();
    const result = await api.participantHandler({ prompt: 'And how does it work?', command: undefined, model: NO_MODEL }, { history: [other] }, alone.stream, token);
    assert.deepEqual((result.metadata as { concepts?: string[] } | undefined)?.concepts ?? [], [], 'another participant’s answers are not ours to follow up');
  });

  it('the side view’s vscode backend, set in the user’s settings, says clearly that no VS Code model is available', async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand('conceptExplainer.newChat');
    await setSetting('chat.backend', 'vscode');
    try {
      const turn = await vscode.commands.executeCommand<Turn>('conceptExplainer.openChat', 'What is LoRA?');
      assert.equal(turn.state, 'error');
      assert.match(turn.error ?? '', /No VS Code language model is available[\s\S]*"conceptExplainer\.chat\.backend" back to "bundled"/);
      assert.equal(api.chatTurns().at(-1)?.state, 'error');
    } finally {
      await setSetting('chat.backend', undefined);
    }
  });

  it('@concepts stops within a moment when the request is cancelled', async () => {
    const api = await activateExtension();
    const { stream, markdown } = recordingStream();
    const source = new vscode.CancellationTokenSource();
    let pieces = 0;
    const counting = { ...stream, markdown: (value: string | vscode.MarkdownString) => (stream.markdown(value), ++pieces === 3 && source.cancel()) };
    const started = Date.now();
    await api.participantHandler({ prompt: 'Explain the Transformer architecture', command: undefined, model: undefined as unknown as vscode.LanguageModelChat }, { history: [] }, counting, source.token);
    assert.ok(pieces <= 5, `${pieces} pieces after cancelling at 3: ${markdown.join('')}`);
    assert.ok(Date.now() - started < 60_000);
  });
});
