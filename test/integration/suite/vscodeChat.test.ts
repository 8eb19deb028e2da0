import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAll } from './helpers';

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

async function lookup(query: string): Promise<string> {
  const result = await vscode.lm.invokeTool('conceptExplainer_lookup', { input: { query }, toolInvocationToken: undefined });
  return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
}

describe('Inside VS Code’s own chat', function () {
  this.timeout(240_000);
  before(activateExtension);
  after(closeAll);

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
