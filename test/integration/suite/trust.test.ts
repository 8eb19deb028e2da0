import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PanelSnapshot } from '../../../src/vscode/panel/explanationPanel';
import { activateExtension, closeAll, conceptHovers, mode, openDocument, positionOf, selectText } from './helpers';

describe('Workspace trust', () => {
  before(activateExtension);
  after(closeAll);

  it('[untrusted] runs in Restricted Mode with hovers and the panel still working', async function () {
    if (mode !== 'untrusted') this.skip();
    assert.equal(vscode.workspace.isTrusted, false);
    const editor = await openDocument('Le pré-entraînement précède l’affinage.', 'markdown');
    const [hover] = await conceptHovers(editor.document, positionOf(editor.document, 'affinage', 1));
    assert.ok(hover, 'hovers work in Restricted Mode');
    selectText(editor, 'pré-entraînement');
    const snapshot = await vscode.commands.executeCommand<PanelSnapshot | undefined>('conceptExplainer.explainSelection');
    assert.deepEqual(snapshot?.entry, { kind: 'concept', id: 'pre-training' });
  });

  it('[trusted] runs in a trusted workspace', function () {
    if (mode !== 'trusted') this.skip();
    assert.equal(vscode.workspace.isTrusted, true);
  });
});
