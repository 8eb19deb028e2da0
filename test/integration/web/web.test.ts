// The extension in a browser's extension host (a web worker: package.json's `browser` entry), driven in Chromium:
// the runner starts this suite with `extensionDevelopmentKind: web` (scripts/run-vscode-tests.mjs --mode web).
// Nothing here may use Node: the suite runs in the same web worker as the extension.
import * as vscode from 'vscode';
import type { Turn } from '../../../src/core/chat/conversation';
import type { ConceptExplainerApi } from '../../../src/extension';
import { mode, resultsPath, serverFile } from '../webIndex';

const EXTENSION_ID = 'concept-explainer.concept-explainer';
/** The bundled model answers on the CPU, in WebAssembly; the first question also loads it. */
const ANSWER_TIMEOUT_MS = 180_000;

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(test: () => boolean | PromiseLike<boolean>, message: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await test())) {
    check(Date.now() < deadline, message);
    await sleep(100);
  }
}

async function activate(): Promise<ConceptExplainerApi> {
  const extension = vscode.extensions.getExtension<ConceptExplainerApi>(EXTENSION_ID);
  check(extension, `${EXTENSION_ID} is not installed`);
  return extension.activate();
}

const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const exists = (uri: vscode.Uri) => vscode.workspace.fs.stat(uri).then(() => true, () => false);

interface WorkbenchLook {
  hover: string;
  webviews: string[];
  screenshot?: string;
  error?: string;
}

let looks = 0;

/**
 * Asks the runner to look at the workbench (scripts/vscode-server/look.mjs): the hover and webviews as a person sees
 * them, once one shows `waitFor`, and a screenshot under test-results/.
 */
async function lookAtWorkbench(request: { waitFor?: string; screenshot?: string }): Promise<WorkbenchLook> {
  const id = `web${++looks}`;
  const answer = serverFile(`${resultsPath}.look-${id}.json`);
  // Written in place: the runner reads it again while it is not yet valid JSON, and a rename would race with the
  // runner taking the file away.
  await vscode.workspace.fs.writeFile(serverFile(`${resultsPath}.look.json`), encode(JSON.stringify({ id, view: 'workbench', ...request })));
  await waitFor(() => exists(answer), 'the runner did not answer', 90_000);
  const look = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(answer))) as WorkbenchLook;
  await vscode.workspace.fs.delete(answer);
  check(look.error === undefined, `the runner could not look: ${look.error}`);
  return look;
}

/** A screenshot's name: web-hover, or web-untrusted-hover in Restricted Mode. */
const shot = (name: string) => `${mode}-${name}`;

/** Text as shown: a hover's appendText writes spaces as U+00A0. */
const shown = (text: string) => text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');

async function openWorkspaceFile(name: string, text?: string): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  check(folder, 'the web suite needs a workspace folder');
  const uri = vscode.Uri.joinPath(folder.uri, name);
  if (text !== undefined) await vscode.workspace.fs.writeFile(uri, encode(text));
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
}

/** Asks the chat view a question: the finished turn, and the answer as first seen while it streamed ('' if never). */
async function askChat(api: ConceptExplainerApi, question: string): Promise<{ turn: Turn; partial: string }> {
  const pending = vscode.commands.executeCommand<Turn>('conceptExplainer.openChat', question);
  let partial = '';
  await waitFor(() => {
    const last = api.chatTurns().at(-1);
    if (last?.question !== question) return false;
    if (last.state === 'streaming' && last.answer.length > 0) partial = last.answer;
    return partial.length > 0 || last.state === 'done' || last.state === 'error';
  }, 'the answer never started', ANSWER_TIMEOUT_MS);
  return { turn: await pending, partial };
}

/** A finished answer that was shown in pieces before it was done. */
function checkStreamed({ turn, partial }: { turn: Turn; partial: string }): void {
  check(turn.state === 'done', `the answer failed: ${turn.error}`);
  check(partial.length > 0 && partial.length < turn.answer.length, `the answer was not streamed (first piece ${partial.length} of ${turn.answer.length} characters)`);
}

async function conceptHoverAt(editor: vscode.TextEditor, needle: string): Promise<string> {
  const offset = editor.document.getText().indexOf(needle);
  check(offset >= 0, `"${needle}" is not in the document`);
  const position = editor.document.positionAt(offset + 2);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
  const texts = hovers.map((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)).join('\n'));
  // As shown: without Markdown's escapes (`auto\-attention`).
  return (texts.find((text) => text.includes('conceptExplainer.showConcept')) ?? '').replace(/\\(.)/g, '$1');
}

describe('The web extension in a browser extension host', function () {
  this.timeout(60_000);

  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('runs in a browser: no Node, the browser entry activated', async () => {
    const api = await activate();
    const node = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
    check(node === undefined, `this extension host is Node ${node}, not a browser's`);
    check(typeof navigator === 'object' && /Chrom/.test(navigator.userAgent), `not Chromium: ${typeof navigator === 'object' ? navigator.userAgent : 'no navigator'}`);
    check(typeof api.activationMs === 'number', 'the API is the extension’s');
  });

  it('shows a definition on hover, as the workbench draws it', async () => {
    await activate();
    const editor = await openWorkspaceFile('sample.md');
    const hover = await conceptHoverAt(editor, "l'auto-attention");
    check(/auto-attention/i.test(hover), `no hover for auto-attention: ${hover}`);
    const offset = editor.document.getText().indexOf("l'auto-attention") + 4;
    editor.selection = new vscode.Selection(editor.document.positionAt(offset), editor.document.positionAt(offset));
    await vscode.commands.executeCommand('editor.action.showHover');
    const look = await lookAtWorkbench({ waitFor: 'attention', screenshot: shot('hover') });
    check(/auto-attention/i.test(shown(look.hover)), `the workbench shows no definition: ${look.hover}`);
  });

  it('opens the explanation panel with a full explanation', async () => {
    const api = await activate();
    await vscode.commands.executeCommand('editor.action.hideHover').then(undefined, () => undefined);
    const snapshot = await vscode.commands.executeCommand<ConceptExplainerApiSnapshot>('conceptExplainer.showConcept', { id: 'fine-tuning', lang: 'en' });
    check(snapshot?.view?.term, `no panel: ${JSON.stringify(snapshot)}`);
    const term = snapshot.view.term;
    check(api.panelSnapshot()?.view?.term === term, 'the panel does not show the concept');
    const look = await lookAtWorkbench({ waitFor: 'Why it matters', screenshot: shot('panel') });
    const panel = look.webviews.find((text) => text.includes(term));
    check(panel, `the panel's page shows nothing of ${term}: ${JSON.stringify(look.webviews).slice(0, 500)}`);
    check(panel.length > 400, `the panel shows only ${panel.length} characters: ${panel}`);
  });

  it('reads a user glossary through workspace.fs, with the desktop’s size limit and problem', async () => {
    const api = await activate();
    const entry = { id: 'feature-vault', category: 'data-deployment', level: 'beginner', en: { term: 'feature vault', definition: 'Our in-house store of precomputed model features, shared by every team.' } };
    const editor = await openWorkspaceFile('.vscode/concepts.json', JSON.stringify([entry], null, 2));
    await waitFor(() => api.conceptOrigin('feature-vault')?.kind === 'user', 'the user glossary was not read', 20_000);
    await api.glossarySettled();
    const notes = await openWorkspaceFile('vault-notes.md', 'We keep them in the feature vault for now.\n');
    const hover = await conceptHoverAt(notes, 'feature vault');
    check(hover.includes('precomputed model features'), `the hover does not show the user's definition: ${hover}`);
    // Over the size limit: the same problem as on the desktop, at the file, and the other entries stay.
    const big = { ...entry, id: 'big-entry', en: { term: 'big entry', definition: 'x'.repeat(3000) } };
    await vscode.workspace.getConfiguration('conceptExplainer').update('glossary.maxFileSizeKB', 2, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('conceptExplainer').update('glossary.paths', ['big.concepts.json'], vscode.ConfigurationTarget.Global);
    const bigFile = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'big.concepts.json');
    await vscode.workspace.fs.writeFile(bigFile, encode(JSON.stringify([big])));
    try {
      await waitFor(() => vscode.languages.getDiagnostics(bigFile).some((d) => /over the 2 KB/.test(d.message)), `no size problem: ${JSON.stringify(vscode.languages.getDiagnostics(bigFile))}`, 20_000);
      check(api.conceptOrigin('big-entry') === undefined, 'the file over the limit was read');
      check(api.conceptOrigin('feature-vault')?.kind === 'user', 'the other file stopped loading');
    } finally {
      await vscode.workspace.getConfiguration('conceptExplainer').update('glossary.paths', undefined, vscode.ConfigurationTarget.Global);
      await vscode.workspace.getConfiguration('conceptExplainer').update('glossary.maxFileSizeKB', undefined, vscode.ConfigurationTarget.Global);
    }
    void editor;
  });

  it('merges a big user glossary (off the host’s thread where a web worker starts)', async () => {
    const api = await activate();
    // Over the 200,000 characters above which the merge leaves the extension host's thread (merge.ts).
    const entries = Array.from({ length: 700 }, (_, i) => ({
      id: `team-concept-${i}`,
      category: 'data-deployment',
      level: 'beginner',
      en: { term: `team concept ${i}`, definition: `Concept number ${i} of the team's own glossary, written long enough for the file to pass the threshold. `.repeat(3).trim() },
    }));
    const file = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'many.concepts.json');
    const text = JSON.stringify(entries);
    check(text.length > 200_000, `only ${text.length} characters`);
    await vscode.workspace.fs.writeFile(file, encode(text));
    await vscode.workspace.getConfiguration('conceptExplainer').update('glossary.paths', ['many.concepts.json'], vscode.ConfigurationTarget.Global);
    try {
      await waitFor(() => api.conceptOrigin('team-concept-699')?.kind === 'user', 'the big glossary was not merged', 60_000);
      check(api.conceptOrigin('team-concept-0')?.kind === 'user', 'the first entry is missing');
    } finally {
      await vscode.workspace.getConfiguration('conceptExplainer').update('glossary.paths', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('follows Restricted Mode’s rules for glossary files outside the workspace', async () => {
    const api = await activate();
    check(vscode.workspace.isTrusted === !mode.endsWith('untrusted'), `the workspace is ${vscode.workspace.isTrusted ? '' : 'not '}trusted in the ${mode} run`);
    // A file of the paths setting (the user's own settings) that lies outside the workspace folder.
    const outside = serverFile(`${resultsPath}.outside.concepts.json`);
    const entry = { id: 'outside-entry', category: 'data-deployment', level: 'beginner', en: { term: 'outside entry', definition: 'A concept kept outside the workspace folder.' } };
    await vscode.workspace.fs.writeFile(outside, encode(JSON.stringify([entry])));
    await vscode.workspace.getConfiguration('conceptExplainer').update('glossary.paths', [outside.path], vscode.ConfigurationTarget.Global);
    try {
      if (vscode.workspace.isTrusted) {
        await waitFor(() => api.conceptOrigin('outside-entry')?.kind === 'user', 'a trusted workspace did not read the file of the paths setting', 20_000);
      } else {
        const refused = () => vscode.languages.getDiagnostics(outside).some((d) => /Restricted Mode/.test(d.message));
        await waitFor(refused, `no Restricted Mode problem: ${JSON.stringify(vscode.languages.getDiagnostics(outside))}`, 20_000);
        check(api.conceptOrigin('outside-entry') === undefined, 'Restricted Mode read a file outside the workspace');
      }
    } finally {
      await vscode.workspace.getConfiguration('conceptExplainer').update('glossary.paths', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('streams a chat answer from the bundled model', async function () {
    this.timeout(ANSWER_TIMEOUT_MS + 60_000);
    const api = await activate();
    const answered = await askChat(api, 'What is dropout?');
    checkStreamed(answered);
    const { turn } = answered;
    check(turn.answer.trim().length > 20 && turn.sources.includes('dropout'), `${turn.answer} ${JSON.stringify(turn.sources)}`);
    check(api.modelThread() === 'web worker' || api.modelThread() === 'extension host', `the model ran in ${api.modelThread()}`);
    console.log(`web integration: the model ran in the ${api.modelThread()}`);
    const look = await lookAtWorkbench({ waitFor: turn.answer.slice(0, 30), screenshot: shot('chat') });
    check(look.webviews.some((text) => shown(text).includes(shown(turn.answer.slice(0, 30)))), `the chat view does not show the answer: ${JSON.stringify(look.webviews).slice(0, 500)}`);
  });

  describe('conceptExplainer.model.path: a model folder of the workspace’s file system', function () {
    this.timeout(2 * ANSWER_TIMEOUT_MS + 60_000);
    /** The decoding defaults of the user's model: short enough to cut the answer below, unlike the bundled model's. */
    const OWN_MAX_TOKENS = 24;
    const QUESTION = 'What is overfitting?';
    const settings = () => vscode.workspace.getConfiguration('conceptExplainer');
    const setModelPath = (value: string | undefined) => settings().update('model.path', value, vscode.ConfigurationTarget.Global);
    const models = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'models');
    const bundled = () => vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, 'models', 'concept-gpt');
    /** The bundled model copied into the workspace, with generation_config.json's max_new_tokens set to OWN_MAX_TOKENS. */
    const own = () => vscode.Uri.joinPath(models(), 'own-model');
    /** A copy without model.onnx. */
    const noOnnx = () => vscode.Uri.joinPath(models(), 'no-onnx');
    /** A copy whose config.json is over the 1 MB a config may have. */
    const bigConfig = () => vscode.Uri.joinPath(models(), 'big-config');

    before(async function () {
      this.timeout(60_000);
      await vscode.workspace.fs.copy(bundled(), own(), { overwrite: true });
      const generation = vscode.Uri.joinPath(own(), 'generation_config.json');
      const defaults = JSON.parse(decode(await vscode.workspace.fs.readFile(generation))) as Record<string, unknown>;
      check(defaults.max_new_tokens !== OWN_MAX_TOKENS, 'the bundled model already has these defaults');
      await vscode.workspace.fs.writeFile(generation, encode(JSON.stringify({ ...defaults, max_new_tokens: OWN_MAX_TOKENS })));
      await vscode.workspace.fs.copy(own(), noOnnx(), { overwrite: true });
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(noOnnx(), 'model.onnx'));
      await vscode.workspace.fs.copy(own(), bigConfig(), { overwrite: true });
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(bigConfig(), 'config.json'), encode(`{"model_type": "gpt2", "pad": "${'x'.repeat(1_100_000)}"}`));
    });

    afterEach(async () => {
      await setModelPath(undefined);
      await vscode.commands.executeCommand('conceptExplainer.newChat');
    });

    after(() => vscode.workspace.fs.delete(models(), { recursive: true }));

    /** Sets the path, and waits until the extension reads `expected` from it. */
    async function useModelPath(api: ConceptExplainerApi, value: string | undefined, expected: vscode.Uri): Promise<void> {
      await setModelPath(value);
      await waitFor(() => api.modelDir() === expected.toString(), `the model folder is ${api.modelDir()}, not ${expected.toString()}`, 10_000);
    }

    it('[trusted] answers with the model of a workspace folder, decoded as its own generation_config.json says', async () => {
      const api = await activate();
      await vscode.commands.executeCommand('conceptExplainer.newChat');
      const full = await askChat(api, QUESTION);
      checkStreamed(full);
      await vscode.commands.executeCommand('conceptExplainer.newChat');
      // A path relative to the workspace folder.
      await useModelPath(api, 'models/own-model', own());
      const options = await api.decodingOptions();
      check(options.maxNewTokens === OWN_MAX_TOKENS, `decoded with ${options.maxNewTokens} new tokens at most, not the folder's ${OWN_MAX_TOKENS}`);
      const cut = await askChat(api, QUESTION);
      checkStreamed(cut);
      // The same weights, decoded greedily: the same answer, cut where the folder's config says.
      const answer = cut.turn.answer.trim();
      check(answer.length > 20 && answer.length < full.turn.answer.trim().length && full.turn.answer.startsWith(answer), `"${answer}" is not the start of "${full.turn.answer}"`);
      check(api.modelDir() === own().toString() && api.modelState() !== 'unloaded', `the model of ${api.modelDir()} is ${api.modelState()}`);
    });

    it('[trusted] says which file the model folder lacks, in the chat, as on the desktop', async () => {
      const api = await activate();
      // An absolute path of the workspace's file system.
      await useModelPath(api, noOnnx().path, noOnnx());
      const { turn } = await askChat(api, QUESTION);
      const expected = `The model folder ${noOnnx().fsPath} has no model.onnx.`;
      check(turn.state === 'error' && turn.error === expected, `${turn.state}: ${turn.error ?? turn.answer}`);
      check(api.modelState() === 'unloaded', `the model is ${api.modelState()}`);
      const look = await lookAtWorkbench({ waitFor: 'has no model.onnx', screenshot: shot('model-path-error') });
      check(look.webviews.some((text) => shown(text).includes(expected)), `the chat view does not show the error: ${JSON.stringify(look.webviews).slice(0, 500)}`);
    });

    it('[trusted] refuses a model file over its limit before reading it, naming the file', async () => {
      const api = await activate();
      // A URI, as it is.
      await useModelPath(api, bigConfig().toString(), bigConfig());
      const { turn } = await askChat(api, QUESTION);
      const file = vscode.Uri.joinPath(bigConfig(), 'config.json').fsPath;
      check(turn.state === 'error' && turn.error === `${file} is 2 MB, more than a model file of its kind can be (1 MB); it was not read.`, `${turn.state}: ${turn.error ?? turn.answer}`);
    });

    it('[untrusted] ignores the setting in Restricted Mode: the bundled model answers', async () => {
      const api = await activate();
      await setModelPath(noOnnx().path);
      // The extension hears of a change as soon as the configuration holds it.
      await waitFor(() => settings().get('model.path') === noOnnx().path, 'the setting was not written', 10_000);
      check(api.modelDir() === bundled().toString(), `Restricted Mode reads the model of ${api.modelDir()}`);
      const answered = await askChat(api, QUESTION);
      checkStreamed(answered);
      check(answered.turn.answer.trim().length > 20, answered.turn.answer);
    });
  });
});

type ConceptExplainerApiSnapshot = ReturnType<ConceptExplainerApi['panelSnapshot']>;
