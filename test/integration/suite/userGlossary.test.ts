import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import type { Turn } from '../../../src/core/chat/conversation';
import type { ConceptExplainerApi } from '../../../src/extension';
import type { AddedEntry } from '../../../src/vscode/userGlossaryCommands';
import type { PanelSnapshot } from '../../../src/vscode/panel/explanationPanel';
import { activateExtension, closeAll, conceptHovers, hoverText, mode, openDocument, positionOf, selectText, setSetting, sleep, useChatServer, waitFor } from './helpers';

const FEATURE_STORE = {
  id: 'feature-vault',
  category: 'data-deployment',
  level: 'beginner',
  fr: { term: 'coffre de caractéristiques', definition: 'Le service interne qui garde nos caractéristiques calculées.' },
  en: { term: 'feature vault', definition: 'The in-house service that keeps our computed features.' },
  related: ['feature', 'no-such-concept'],
};

const BROKEN = { id: 'half-written', category: 'foundations', level: 'expert', fr: { term: 'à moitié' }, en: { term: 'half written', definition: 'Not loaded.' } };

function glossaryUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(folder, 'the tests need a workspace folder');
  return vscode.Uri.joinPath(folder, '.vscode', 'concepts.json');
}

async function writeGlossary(api: ConceptExplainerApi, content: string): Promise<void> {
  await vscode.workspace.fs.writeFile(glossaryUri(), new TextEncoder().encode(content));
  await settle(api);
}

/** Waits for the file watcher to notice the write, then for the reload to finish. */
async function settle(api: ConceptExplainerApi): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 400));
  await api.glossarySettled();
}

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length - 1;
}

describe('User glossaries', () => {
  let api: ConceptExplainerApi;
  const text = JSON.stringify([FEATURE_STORE, BROKEN], null, 2);

  before(async () => {
    api = await activateExtension();
    await writeGlossary(api, text);
  });

  after(async () => {
    await closeAll();
    await setSetting('decorations.enabled', undefined);
    await vscode.workspace.fs.delete(glossaryUri(), { useTrash: false });
    await settle(api);
  });

  it('loads a workspace glossary: hovers, the panel and the tree see its concept, marked as the user\'s', async () => {
    await waitFor(() => api.conceptOrigin('feature-vault')?.kind === 'user', 'the workspace glossary was not loaded', 10_000);
    const editor = await openDocument('Our feature_vault keeps them.', 'markdown');
    const [hover] = await conceptHovers(editor.document, positionOf(editor.document, 'feature_vault', 3));
    assert.ok(hover, 'no hover on a user concept');
    assert.match(hoverText(hover).replace(/\\/g, ''), /in-house service/, 'the definition, escaped as Markdown');
    const snapshot = await vscode.commands.executeCommand<PanelSnapshot>('conceptExplainer.showConcept', { id: 'feature-vault', lang: 'en' });
    assert.equal(snapshot.view?.origin?.kind, 'user');
    assert.equal(snapshot.view?.origin?.file, '.vscode/concepts.json');
    assert.equal(snapshot.view?.origin?.plainText, mode === 'untrusted');
    assert.deepEqual(snapshot.view?.related.map((link) => link.id), ['feature'], 'the unknown link is left out');
    const tree = api.glossaryTree();
    assert.ok(tree.find((node) => node.category === 'data-deployment')?.concepts.includes('feature-vault'));
  });

  it('reports each mistake in the Problems panel at its line, and keeps the valid entries', async () => {
    const uri = glossaryUri();
    await waitFor(() => vscode.languages.getDiagnostics(uri).length >= 3, 'the problems were not reported', 10_000);
    const ours = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Concept Explainer');
    const byLine = new Map(ours.map((diagnostic) => [diagnostic.range.start.line, diagnostic]));
    assert.match(byLine.get(lineOf(text, '"no-such-concept"'))?.message ?? '', /unknown concept id "no-such-concept"/);
    assert.equal(byLine.get(lineOf(text, '"no-such-concept"'))?.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(byLine.get(lineOf(text, '"expert"'))?.message ?? '', /level must be one of/);
    assert.match(byLine.get(lineOf(text, '"fr": {\n      "term": "à moitié"'))?.message ?? '', /fr\.definition is missing/);
    assert.equal(api.conceptOrigin('half-written'), undefined);
    assert.ok(api.conceptOrigin('feature-vault'));
    // Open in an editor, VS Code's JSON validator reads the contributed schema too: it must not report them again.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await sleep(2000);
    const others = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source !== 'Concept Explainer');
    assert.deepEqual(others.map((diagnostic) => `${diagnostic.source}: ${diagnostic.message}`), []);
  });

  it('picks up a fix on save, without a reload; the file is never rewritten', async () => {
    const fixed = text.replace('"expert"', '"advanced"').replace('"term": "à moitié"', '"term": "à moitié", "definition": "Maintenant complet."');
    const document = await vscode.workspace.openTextDocument(glossaryUri());
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, document.lineCount, 0), fixed));
    await document.save();
    await settle(api);
    await waitFor(() => api.conceptOrigin('half-written')?.kind === 'user', 'the fixed entry did not load on save', 10_000);
    const left = vscode.languages.getDiagnostics(glossaryUri()).filter((diagnostic) => diagnostic.source === 'Concept Explainer');
    assert.deepEqual(left.map((diagnostic) => diagnostic.message), ['"feature-vault": unknown concept id "no-such-concept"; this link is ignored.']);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(glossaryUri())), fixed);
  });

  it('"Add Selection to My Glossary" writes a skeleton for a new term and opens it at its definition', async () => {
    const editor = await openDocument('We compute the drift score every night.', 'markdown');
    selectText(editor, 'drift score');
    const added = await vscode.commands.executeCommand<AddedEntry>('conceptExplainer.addToGlossary');
    assert.deepEqual({ id: added.id, created: added.created }, { id: 'drift-score', created: true });
    const active = vscode.window.activeTextEditor;
    assert.equal(active?.document.uri.toString(), glossaryUri().toString());
    const cursorLine = active.document.lineAt(active.selection.active.line).text;
    assert.match(cursorLine, /"definition": ""/);
    const saved = JSON.parse(active.document.getText()) as Array<{ id: string; en: { term: string } }>;
    assert.deepEqual(saved.map((entry) => entry.id), ['feature-vault', 'half-written', 'drift-score']);
    assert.equal(saved[2]?.en.term, 'drift score');
    await vscode.window.showTextDocument(editor.document);
    selectText(editor, 'drift score');
    const again = await vscode.commands.executeCommand<AddedEntry>('conceptExplainer.addToGlossary');
    assert.equal(again.created, false, 'a term already in the file is only shown');
  });

  it('"Add Selection to My Glossary" on a French term fills the French fields only, as a draft without errors', async () => {
    const editor = await openDocument('On recalcule la dérive des scores chaque nuit, pour voir si le modèle tient.', 'markdown');
    selectText(editor, 'dérive des scores');
    const added = await vscode.commands.executeCommand<AddedEntry>('conceptExplainer.addToGlossary');
    assert.equal(added.created, true);
    const active = vscode.window.activeTextEditor!;
    const saved = JSON.parse(active.document.getText()) as Array<{ id: string; fr?: { term: string }; en?: unknown }>;
    const entry = saved.find((candidate) => candidate.id === added.id);
    assert.equal(entry?.fr?.term, 'dérive des scores');
    assert.equal(entry?.en, undefined, 'no French text in the English fields');
    const before = active.document.getText().slice(0, active.document.offsetAt(active.selection.active));
    assert.ok(before.lastIndexOf('"fr"') > before.lastIndexOf('"related"'), 'the cursor is in the French definition');
    await settle(api);
    await waitFor(() => vscode.languages.getDiagnostics(glossaryUri()).some((d) => d.message.includes('dérive des scores')), 'the draft was not noted', 10_000);
    const notes = vscode.languages.getDiagnostics(glossaryUri()).filter((d) => d.message.includes('dérive des scores'));
    assert.deepEqual(notes.map((d) => d.severity), [vscode.DiagnosticSeverity.Information], notes.map((d) => d.message).join('\n'));
  });

  it('"Add Selection to My Glossary" on a bundled term starts from a full copy that replaces it', async () => {
    const editor = await openDocument('Dropout keeps the network honest.', 'markdown');
    selectText(editor, 'Dropout');
    const added = await vscode.commands.executeCommand<AddedEntry>('conceptExplainer.addToGlossary');
    assert.deepEqual({ id: added.id, created: added.created }, { id: 'dropout', created: true });
    // Says what was done: the copy is written, saved and in force (not "once you edit and save it").
    assert.match(added.message, /^"Dropout" is a bundled concept: a copy of its entry was added to \.vscode\/concepts\.json and saved; it replaces the bundled one\./);
    const text = vscode.window.activeTextEditor!.document.getText();
    assert.equal(vscode.window.activeTextEditor!.document.isDirty, false);
    assert.doesNotMatch(text, /\$schema/, 'no path to the bundled schema, which does not exist beside users\' files');
    const saved = JSON.parse(text) as Array<{ id: string; en: { explanation: string }; references?: unknown[] }>;
    const copy = saved.find((entry) => entry.id === 'dropout');
    assert.ok((copy?.en.explanation.length ?? 0) > 200, 'the copy carries the bundled explanation');
    assert.ok(copy?.references?.length, 'and its references');
    await settle(api);
    await waitFor(() => api.conceptOrigin('dropout')?.kind === 'override', 'the copy did not replace the bundled concept', 10_000);
  });

  it('reads the files and folders named in conceptExplainer.glossary.paths, and new files in them', async () => {
    const folder = vscode.Uri.joinPath(glossaryUri(), '..', '..', 'team-glossary');
    const entry = (id: string, term: string) => JSON.stringify({ ...FEATURE_STORE, id, related: [], en: { term, definition: `${term}, as the team says.` }, fr: { term: `${term} fr`, definition: 'Un terme.' } });
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'metrics.json'), new TextEncoder().encode(entry('team-metric', 'north star metric')));
    try {
      await setSetting('glossary.paths', ['team-glossary']);
      await waitFor(() => api.conceptOrigin('team-metric')?.kind === 'user', 'the folder named in the setting was not read', 10_000);
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'more.json'), new TextEncoder().encode(entry('team-other', 'guardrail metric')));
      await waitFor(() => api.conceptOrigin('team-other')?.kind === 'user', 'a new file in that folder was not read', 10_000);
      await vscode.commands.executeCommand('conceptExplainer.showConcept', { id: 'team-metric', lang: 'en' });
      await setSetting('glossary.paths', undefined);
      await waitFor(() => api.conceptOrigin('team-metric') === undefined, 'the folder stayed loaded after the setting was cleared', 10_000);
      // The panel showed a concept that is gone: it says so, under its own title, rather than stay as it was.
      // English quotes in an English UI (guillemets are French).
      await waitFor(() => api.panelSnapshot()?.title === '"team metric"', `the panel kept its page: ${api.panelSnapshot()?.title}`, 10_000);
      assert.equal(api.panelSnapshot()?.notFound?.query, 'team metric');
    } finally {
      await setSetting('glossary.paths', undefined);
      await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
    }
  });

  it('loads a big team glossary (parsed off the host thread) with its problems at their lines', async () => {
    const folder = vscode.Uri.joinPath(glossaryUri(), '..', '..', 'big-glossary');
    const entries = Array.from({ length: 3000 }, (_, i) => ({ ...FEATURE_STORE, id: `big-term-${i}`, related: [], en: { term: `big team term ${i}`, definition: `Definition number ${i} of a team glossary large enough to be read in a worker.` }, fr: { term: `grand terme ${i}`, definition: `Définition numéro ${i}.` } }));
    entries.push({ ...FEATURE_STORE, id: 'big-broken', level: 'expert' } as (typeof entries)[number]);
    const text = JSON.stringify(entries, null, 2);
    assert.ok(text.length > 200_000, 'over the size parsed in a worker');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'big.json'), new TextEncoder().encode(text));
    try {
      await setSetting('glossary.paths', ['big-glossary']);
      await waitFor(() => api.conceptOrigin('big-term-2999')?.kind === 'user', 'the big glossary was not loaded', 20_000);
      const file = vscode.Uri.joinPath(folder, 'big.json');
      await waitFor(() => vscode.languages.getDiagnostics(file).some((d) => /level must be one of/.test(d.message)), 'its problem was not reported', 10_000);
      const problem = vscode.languages.getDiagnostics(file).find((d) => /level must be one of/.test(d.message))!;
      assert.equal(problem.range.start.line, lineOf(text, '"expert"'));
      const editor = await openDocument('We track big team term 1234 daily.', 'markdown');
      const [hover] = await conceptHovers(editor.document, positionOf(editor.document, 'team term 1234', 3));
      assert.match(hoverText(hover!), /Definition number 1234/);
    } finally {
      await setSetting('glossary.paths', undefined);
      await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
    }
  });

  it('filters the glossary tree', async () => {
    await vscode.commands.executeCommand('conceptExplainer.filterTree', 'feature');
    const tree = api.glossaryTree();
    const ids = tree.flatMap((node) => node.concepts);
    assert.ok(ids.includes('feature-vault') && ids.includes('feature'), ids.join(', '));
    assert.ok(!ids.includes('dropout'));
    await vscode.commands.executeCommand('conceptExplainer.clearTreeFilter');
    assert.ok(api.glossaryTree().flatMap((node) => node.concepts).length > 200);
  });

  it('underlines known terms in comments and prose only when the setting is on', async () => {
    const editor = await openDocument('def f(x):\n    # apply self-attention here\n    return self_attention(x)\n', 'python');
    api.refreshDecorations();
    assert.deepEqual(api.decoratedTerms(editor.document.uri), [], 'off by default');
    await setSetting('decorations.enabled', true);
    await waitFor(() => api.decoratedTerms(editor.document.uri).length > 0, 'no term was underlined', 5000);
    assert.deepEqual(api.decoratedTerms(editor.document.uri), [{ line: 1, start: 12, end: 26, conceptId: 'self-attention' }]);
    await setSetting('decorations.enabled', undefined);
    await waitFor(() => api.decoratedTerms(editor.document.uri).length === 0, 'the underlines stayed after turning the setting off', 5000);
  });

  it('the glossary tool for agents finds the user’s own concepts, with their own text', async () => {
    const result = await vscode.lm.invokeTool('conceptExplainer_lookup', { input: { query: 'What is our feature vault?' }, toolInvocationToken: undefined });
    const text = result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
    assert.match(text, /\[feature-vault\] feature vault \(fr: coffre de caractéristiques\): The in-house service/);
  });

  it('[trusted] sends user definitions to the chat\'s retrieval', async function () {
    if (mode !== 'trusted') this.skip();
    const bodies: string[] = [];
    const server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        bodies.push(body);
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.end(`data: ${JSON.stringify({ choices: [{ delta: { content: 'A vault of features [feature-vault].' } }] })}\n\ndata: [DONE]\n\n`);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await useChatServer(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`);
      const turn = await vscode.commands.executeCommand<Turn>('conceptExplainer.openChat', 'What is our feature vault?');
      assert.match(bodies.join('\n'), /in-house service that keeps our computed features/);
      assert.deepEqual(turn.sources, ['feature-vault']);
    } finally {
      await useChatServer();
      server.close();
    }
  });
});
