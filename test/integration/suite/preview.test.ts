import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import type { ConceptExplainerApi } from '../../../src/extension';
import { activateExtension, closeAll, EXTENSION_ID, mode, setSetting, sleep, useChatServer, waitFor } from './helpers';

/** What the driver saw in a webview (scripts/vscode-server/look.mjs). */
interface Look {
  error?: string;
  terms: Array<{ text: string; concept: string; lang: string; href: string; inCode: boolean; inPre: boolean; inOtherLink: boolean; heading: string | null }>;
  headings: Array<{ id: string; text: string }>;
  links: Array<{ href: string | null; text: string }>;
  tooltip?: { visible: boolean; text: string; lang: string; box: { left: number; top: number; right: number; bottom: number }; viewport: { width: number; height: number }; background: string; color: string };
  screenshot?: string;
}

const driven = process.env.CONCEPT_EXPLAINER_TEST_DRIVER === 'playwright';
let lookCount = 0;

/** Asks the test driver to look at a webview of the page (only where a driver runs the workbench in Chromium). */
async function lookAt(request: { view: 'preview' | 'notebook'; hover?: string; click?: string; screenshot?: string }): Promise<Look> {
  const results = process.env.CONCEPT_EXPLAINER_TEST_RESULTS!;
  const id = `${process.pid}-${++lookCount}`;
  const answer = `${results}.look-${id}.json`;
  fs.writeFileSync(`${results}.look.json.tmp`, JSON.stringify({ id, ...request }));
  fs.renameSync(`${results}.look.json.tmp`, `${results}.look.json`);
  await waitFor(() => fs.existsSync(answer), 'the driver did not answer', 60_000);
  const look = JSON.parse(fs.readFileSync(answer, 'utf8')) as Look;
  fs.rmSync(answer, { force: true });
  assert.equal(look.error, undefined, look.error);
  return look;
}

/** A chat server on 127.0.0.1 that answers at once, so that a test of what is asked does not wait for the model. */
async function startQuickChatServer(): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.end(`data: ${JSON.stringify({ choices: [{ delta: { content: 'A quick answer.' } }] })}\n\ndata: [DONE]\n\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, close: () => server.close() };
}

/** The concept the explanation panel shows, if any. */
function panelConcept(api: ConceptExplainerApi): string | undefined {
  const entry = api.panelSnapshot()?.entry;
  return entry?.kind === 'concept' ? entry.id : undefined;
}

function fixture(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(folder, 'the tests need a workspace folder');
  return vscode.Uri.joinPath(folder, name);
}

/** The HTML VS Code's Markdown extension renders for a document, through its own markdown-it and our plugin. */
async function render(document: vscode.TextDocument): Promise<string> {
  return vscode.commands.executeCommand<string>('markdown.api.render', document);
}

/** The marked terms of rendered HTML: [text, concept id]. */
function marked(html: string): Array<[string, string]> {
  return [...html.matchAll(/<a class="concept-term" href="[^"]*" data-concept="([^"]+)" data-lang="(?:fr|en)">([^<]*)</g)].map((m) => [m[2]!, m[1]!]);
}

const HOSTILE_CONCEPT = {
  id: 'zorglub-layer',
  category: 'neural-networks',
  level: 'beginner',
  fr: { term: 'couche zorglub', definition: 'Une couche <img src=x onerror="alert(1)"> avec **gras** et [un lien](https://evil.example).' },
  en: { term: 'zorglub layer', definition: 'A layer <img src=x onerror="alert(1)"> with **bold** and [a link](https://evil.example).' },
};

describe('Terms in the Markdown preview', function () {
  this.timeout(120_000);
  let api: ConceptExplainerApi;
  let document: vscode.TextDocument;

  before(async () => {
    api = await activateExtension();
    document = await vscode.workspace.openTextDocument(fixture('course-notes.md'));
  });

  afterEach(async () => {
    await setSetting('preview.enabled', undefined);
    await setSetting('language', undefined);
  });

  after(closeAll);

  it("marks the terms of prose and code spans, never in links, code blocks or headings' anchors", async () => {
    const html = await render(document);
    const ids = marked(html).map(([, id]) => id);
    for (const id of ['self-attention', 'transformer', 'fine-tuning', 'pre-training', 'neural-network', 'backpropagation']) assert.ok(ids.includes(id), `${id} is not marked: ${ids.join(', ')}`);
    assert.ok(marked(html).some(([text, id]) => text === 'self_attention' && id === 'self-attention'), 'the code span is marked');
    assert.ok(marked(html).some(([text, id]) => text === 'lr' && id === 'learning-rate'), '`lr` in a document about machine learning');
    assert.deepEqual(marked(await vscode.commands.executeCommand<string>('markdown.api.render', 'Set the `lr` flag.')), [], 'but not in a text that is not');
    assert.match(html, /<h1[^>]* id="self-attention-in-a-transformer"/, "the heading's anchor is the one VS Code gives it");
    assert.match(html, />the fine-tuning guide<\/a>/, 'the link text stays a plain link');
    assert.match(html, /self-attention inside a fenced block stays as written/, 'the fenced block is not marked');
    const scheme = vscode.env.uriScheme;
    assert.ok(html.includes(`href="${scheme}://${EXTENSION_ID}/explain?id=self-attention&amp;lang=en"`), html.slice(0, 2000));
    assert.match(html, /lang="en"><span class="concept-tip-head"><strong>fine-tuning<\/strong><span class="concept-tip-other"> · affinage/, '« l\'affinage » in an English sentence shows the English side, as its hover does');
    assert.match(html, /lang="fr"><span class="concept-tip-head"><strong>affinage<\/strong>/, 'the French sentence shows the French side');
  });

  it('follows the language setting and turns off with conceptExplainer.preview.enabled', async () => {
    await setSetting('language', 'fr');
    assert.match(await render(document), /data-concept="self-attention" data-lang="fr">Self-attention<span class="concept-tip" role="tooltip" lang="fr"><span class="concept-tip-head"><strong>auto-attention<\/strong>/);
    await setSetting('preview.enabled', false);
    assert.deepEqual(marked(await render(document)), []);
    await setSetting('preview.enabled', undefined);
    assert.ok(marked(await render(document)).length > 5);
  });

  it("opens the explanation from a term's link, through the extension's URI handler", async () => {
    const href = /href="([^"]+explain\?id=backpropagation[^"]*)"/.exec(await render(document))?.[1]?.replace(/&amp;/g, '&');
    assert.ok(href, 'no link for backpropagation');
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.parse(href));
    await waitFor(() => panelConcept(api) === 'backpropagation', `the panel did not open on backpropagation: ${JSON.stringify(api.panelSnapshot()?.entry)}`, 10_000);
  });

  it('shows a user glossary\'s concept with its text escaped, in a trusted workspace and in Restricted Mode', async () => {
    const glossary = fixture('.vscode/concepts.json');
    await vscode.workspace.fs.writeFile(glossary, new TextEncoder().encode(JSON.stringify([HOSTILE_CONCEPT])));
    try {
      await sleep(400);
      await api.glossarySettled();
      await waitFor(() => api.conceptOrigin('zorglub-layer')?.kind === 'user', 'the user glossary was not loaded', 10_000);
      const html = await vscode.commands.executeCommand<string>('markdown.api.render', 'A zorglub layer sits between two others.');
      assert.deepEqual(marked(html), [['zorglub layer', 'zorglub-layer']]);
      assert.ok(!/<img|<strong>bold|href="https:\/\/evil/.test(html), html);
      assert.ok(html.includes('A layer &lt;img src=x onerror=&quot;alert(1)&quot;&gt; with **bold** and [a link](https://evil.example).'), html);
    } finally {
      await vscode.workspace.fs.delete(glossary, { useTrash: false });
      await sleep(400);
      await api.glossarySettled();
    }
  });

  it('shows the definition on hover in the real preview, in the colours of the theme', async function () {
    if (!driven) this.skip();
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('markdown.showPreviewToSide');
    // The preview paints, then marks its terms and sets its headings' anchors, and may replace its frame while it
    // renders again: look again until they are there.
    const lookOnce = async () => {
      try {
        return await lookAt({ view: 'preview', hover: 'fine-tuning', screenshot: `preview-hover-${mode}` });
      } catch (error) {
        if (/detached/i.test(String(error))) return undefined;
        throw error;
      }
    };
    let look = await lookOnce();
    for (let tries = 0; tries < 8 && (!look || look.terms.length < 8 || !look.headings[0]?.id); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      look = await lookOnce();
    }
    assert.ok(look, 'the preview frame kept being replaced');
    assert.ok(look.terms.length >= 8, JSON.stringify(look.terms));
    assert.deepEqual(look.terms.filter((t) => t.inPre || t.inOtherLink), [], 'no term marked in a code block or inside a link');
    assert.ok(look.terms.some((t) => t.inCode && t.concept === 'self-attention'), 'the code span is marked');
    assert.equal(look.headings[0]?.id, 'self-attention-in-a-transformer');
    assert.ok(look.tooltip?.visible, JSON.stringify(look.tooltip));
    assert.match(look.tooltip.text, /^fine-tuning · affinage/);
    const { box, viewport } = look.tooltip;
    assert.ok(box.left >= 0 && box.right <= viewport.width, `the tooltip stays in the preview: ${JSON.stringify(look.tooltip)}`);
    assert.notEqual(look.tooltip.background, 'rgba(0, 0, 0, 0)', 'the tooltip has the hover background');
    const edge = await lookAt({ view: 'preview', hover: 'backpropagation', screenshot: `preview-hover-edge-${mode}` });
    assert.ok(edge.tooltip!.box.right <= edge.tooltip!.viewport.width + 1, `a term at the right edge keeps its tooltip in view: ${JSON.stringify(edge.tooltip)}`);
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
    try {
      await sleep(1500);
      const dark = await lookAt({ view: 'preview', hover: 'self-attention', screenshot: `preview-hover-dark-${mode}` });
      assert.ok(dark.tooltip?.visible, JSON.stringify(dark.tooltip));
      assert.notEqual(dark.tooltip.background, look.tooltip.background, 'the tooltip follows the colour theme');
    } finally {
      await vscode.workspace.getConfiguration('workbench').update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});

describe('Terms in notebooks', function () {
  this.timeout(120_000);
  let api: ConceptExplainerApi;
  let notebook: vscode.NotebookDocument;

  before(async () => {
    api = await activateExtension();
    notebook = await vscode.workspace.openNotebookDocument(fixture('fine-tuning-notes.ipynb'));
  });

  after(closeAll);

  it('sends the renderer only the concepts of the Markdown cells, with their forms and definitions', async () => {
    const terms = api.notebookTerms(notebook);
    const ids = terms.concepts.map((concept) => concept.id);
    for (const id of ['fine-tuning', 'transformer', 'pre-training', 'self-attention', 'learning-rate', 'overfitting', 'validation-loss']) assert.ok(ids.includes(id), `${id} is not sent: ${ids.join(', ')}`);
    assert.ok(!ids.includes('adamw'), 'a concept of a code cell only is not sent');
    assert.equal(terms.ml, true, 'the notebook imports torch');
    assert.ok(JSON.stringify(terms).length < 20_000, `what is sent stays small: ${JSON.stringify(terms).length} characters`);
  });

  it('explains a selection made in a code cell, and asks about it', async () => {
    const editor = await vscode.window.showNotebookDocument(notebook);
    const code = notebook.cellAt(1);
    editor.selections = [new vscode.NotebookRange(1, 2)];
    await vscode.commands.executeCommand('notebook.cell.edit');
    await waitFor(() => vscode.window.activeTextEditor?.document === code.document, 'the code cell editor did not take the focus', 10_000);
    const cellEditor = vscode.window.activeTextEditor!;
    const start = code.document.getText().indexOf('self_attention');
    cellEditor.selection = new vscode.Selection(code.document.positionAt(start), code.document.positionAt(start + 'self_attention'.length));
    await vscode.commands.executeCommand('conceptExplainer.explainSelection');
    assert.equal(panelConcept(api), 'self-attention');
    const server = await startQuickChatServer();
    try {
      await useChatServer(server.url);
      const turn = await vscode.commands.executeCommand<{ context?: string; state: string; error?: string }>('conceptExplainer.askAboutSelection', 'What is this?');
      assert.equal(turn?.context, 'self_attention');
      assert.equal(turn?.state, 'done', turn?.error);
    } finally {
      await useChatServer();
      server.close();
    }
  });

  it('lists the concepts of every cell in "Concepts in this file", in reading order', async () => {
    const editor = await vscode.window.showNotebookDocument(notebook);
    editor.selections = [new vscode.NotebookRange(0, 1)];
    const first = vscode.commands.executeCommand('conceptExplainer.conceptsInFile');
    await sleep(1000);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await first;
    assert.equal(panelConcept(api), 'fine-tuning', 'the first concept of the first cell');
    const last = vscode.commands.executeCommand('conceptExplainer.conceptsInFile');
    await sleep(1000);
    await vscode.commands.executeCommand('quickInput.last');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await last;
    assert.equal(panelConcept(api), 'validation-loss', 'the last new concept, in the last cell');
  });

  it('marks terms in rendered Markdown cells, and a click opens the explanation', async function () {
    if (!driven) this.skip();
    await vscode.window.showNotebookDocument(notebook);
    const look = await lookAt({ view: 'notebook', hover: 'overfitting', screenshot: `notebook-hover-${mode}` });
    const ids = look.terms.map((t) => t.concept);
    for (const id of ['fine-tuning', 'self-attention', 'overfitting', 'learning-rate']) assert.ok(ids.includes(id), `${id} is not marked: ${ids.join(', ')}`);
    assert.deepEqual(look.terms.filter((t) => t.inPre || t.inOtherLink), [], 'no term marked in a code block or inside a link');
    assert.ok(look.tooltip?.visible, JSON.stringify(look.tooltip));
    assert.match(look.tooltip.text, /surapprentissage/i);
    await lookAt({ view: 'notebook', click: 'pre-training' });
    await waitFor(() => panelConcept(api) === 'pre-training', `the panel did not open on pre-training: ${JSON.stringify(api.panelSnapshot()?.entry)}`, 10_000);
  });

});
