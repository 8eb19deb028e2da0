import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PanelSnapshot } from '../../../src/vscode/panel/explanationPanel';
import { activateExtension, closeAll, openDocument, selectText, setSetting, sleep, waitFor } from './helpers';

const TEXT = "On parle ici d'auto-attention, de fine-tuning et de xyzzyplugh.\n";

async function explain(editor: vscode.TextEditor, needle: string): Promise<PanelSnapshot | undefined> {
  selectText(editor, needle);
  return vscode.commands.executeCommand<PanelSnapshot | undefined>('conceptExplainer.explainSelection');
}

describe('Commands and the explanation panel', () => {
  before(activateExtension);
  afterEach(async () => {
    await setSetting('panel.followSelection', undefined);
  });
  after(closeAll);

  it('Explain Selection opens the panel on the selected concept, in the term’s language', async () => {
    const editor = await openDocument(TEXT, 'plaintext');
    const snapshot = await explain(editor, 'auto-attention');
    assert.deepEqual(snapshot?.entry, { kind: 'concept', id: 'self-attention' });
    assert.equal(snapshot?.lang, 'fr');
    await waitFor(
      () =>
        vscode.window.tabGroups.all
          .flatMap((group) => group.tabs)
          .some((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('conceptExplainer.explanation')),
      'the explanation panel is not among the open tabs',
    );
  });

  it('Explain Selection on an unknown word says so (and offers the closest concepts in the panel)', async () => {
    const editor = await openDocument(TEXT, 'plaintext');
    const snapshot = await explain(editor, 'xyzzyplugh');
    assert.deepEqual(snapshot?.entry, { kind: 'notFound', query: 'xyzzyplugh' });
  });

  it('the not-found page has its own title, and offers the closest concepts in the language of the query', async () => {
    await vscode.commands.executeCommand('conceptExplainer.showConcept', { id: 'attention', lang: 'en' });
    const editor = await openDocument('Le surapprentisage guette les petits jeux de données.', 'plaintext');
    const snapshot = await explain(editor, 'surapprentisage');
    // Quoted as the UI's language quotes: an English UI writes quotation marks, not guillemets.
    assert.equal(snapshot?.title, '"surapprentisage"', 'not the previous concept’s title');
    assert.equal(snapshot?.notFound?.lang, 'fr');
    assert.ok(snapshot?.notFound?.suggestions.includes('surapprentissage'), JSON.stringify(snapshot?.notFound));
  });

  it('Explain Selection with an empty selection explains the term under the cursor', async () => {
    const editor = await openDocument(TEXT, 'plaintext');
    const start = editor.document.positionAt(TEXT.indexOf('fine-tuning') + 3);
    editor.selection = new vscode.Selection(start, start);
    const snapshot = await vscode.commands.executeCommand<PanelSnapshot | undefined>('conceptExplainer.explainSelection');
    assert.deepEqual(snapshot?.entry, { kind: 'concept', id: 'fine-tuning' });
  });

  it('offers no closest concept for a word like none in the glossary (« zorglub »)', async () => {
    const editor = await openDocument('zorglub and friends', 'plaintext');
    const snapshot = await explain(editor, 'zorglub');
    assert.deepEqual(snapshot?.notFound?.suggestions, []);
  });

  it('labels a French concept in the UI’s language: only the content is French', async () => {
    const snapshot = await vscode.commands.executeCommand<PanelSnapshot | undefined>('conceptExplainer.showConcept', { id: 'overfitting', lang: 'fr' });
    const view = snapshot?.view;
    assert.equal(view?.lang, 'fr');
    assert.equal(view?.term, 'surapprentissage');
    assert.equal(view?.labelsLang, vscode.env.language.startsWith('fr') ? 'fr' : 'en');
    if (view?.labelsLang === 'en') {
      assert.equal(view.category, 'Foundations');
      assert.equal(view.level, 'beginner');
      assert.ok(view.sections.some((section) => section.title === 'How it works'), JSON.stringify(view.sections.map((s) => s.title)));
      assert.equal(view.contrastsTitle, 'Not to be confused with');
    }
  });

  it('Show Concept opens a concept by id, in the language asked for', async () => {
    const snapshot = await vscode.commands.executeCommand<PanelSnapshot | undefined>('conceptExplainer.showConcept', { id: 'gpt', lang: 'en' });
    assert.deepEqual(snapshot?.entry, { kind: 'concept', id: 'gpt' });
    assert.equal(snapshot?.lang, 'en');
  });

  it('Search Concepts finds a concept whatever the accents and separators', async () => {
    const picked = vscode.commands.executeCommand<PanelSnapshot | undefined>('conceptExplainer.searchConcepts', 'reseaux de neurones');
    await sleep(500);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const snapshot = await picked;
    assert.deepEqual(snapshot?.entry, { kind: 'concept', id: 'neural-network' });
  });

  it('follow mode shows each selected term in the open panel, and stops when turned off', async () => {
    const api = await activateExtension();
    const editor = await openDocument(TEXT, 'plaintext');
    await explain(editor, 'auto-attention');
    await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
    await setSetting('panel.followSelection', true);
    selectText(editor, 'fine-tuning');
    await waitFor(() => {
      const entry = api.panelSnapshot()?.entry;
      return entry?.kind === 'concept' && entry.id === 'fine-tuning';
    }, 'the panel did not follow the selection to fine-tuning');

    const toggled = await vscode.commands.executeCommand<boolean>('conceptExplainer.toggleFollowMode');
    assert.equal(toggled, false);
    selectText(editor, 'auto-attention');
    await sleep(800);
    assert.deepEqual(api.panelSnapshot()?.entry, { kind: 'concept', id: 'fine-tuning' });
  });
});
