import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PanelSnapshot } from '../../../src/vscode/panel/explanationPanel';
import { activateExtension, closeAll, conceptHovers, hoverText, openDocument, positionOf, sleep } from './helpers';

const TRAINING_SCRIPT = `import torch

lr = 3e-4  # peak learning rate
layer = torch.nn.Linear(768, 768, bias=True)
optimizer = torch.optim.AdamW(layer.parameters(), lr=lr)
`;

const COURSE_TABLE = `# Notes

| Tâche | Modèle |
| --- | --- |
| Régression | Linéaire |
`;

describe('Code read as code, and the concepts of a file', () => {
  before(activateExtension);
  after(closeAll);

  it('hovers the field’s short forms and senses in machine-learning code: lr, bias=True', async () => {
    const editor = await openDocument(TRAINING_SCRIPT, 'python');
    const [lr] = await conceptHovers(editor.document, positionOf(editor.document, 'lr =', 1));
    assert.ok(lr, 'no hover on lr');
    assert.match(hoverText(lr), /learning rate|taux d'apprentissage/i);
    const [bias] = await conceptHovers(editor.document, positionOf(editor.document, 'bias=True', 1));
    assert.ok(bias, 'no hover on bias=True');
    assert.match(hoverText(bias), /conceptExplainer\.showConcept\?[^)]*bias-term/);
  });

  it('never reads a term across a Markdown table cell border', async () => {
    const editor = await openDocument(COURSE_TABLE, 'markdown');
    const hovers = await conceptHovers(editor.document, positionOf(editor.document, 'Linéaire', 2));
    assert.ok(hovers.every((hover) => !hoverText(hover).includes('linear-regression')), 'Régression | Linéaire is no linear regression');
  });

  it('"Concepts in This File" lists the file’s concepts in reading order, and opens the one picked', async () => {
    await openDocument(TRAINING_SCRIPT, 'python');
    const picked = vscode.commands.executeCommand<PanelSnapshot | undefined>('conceptExplainer.conceptsInFile');
    await sleep(500);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const snapshot = await picked;
    assert.deepEqual(snapshot?.entry, { kind: 'concept', id: 'pytorch' }, 'the first concept the file names (import torch)');
  });

  it('"Concepts in This File" moves down the list to a later concept', async () => {
    await openDocument(TRAINING_SCRIPT, 'python');
    const picked = vscode.commands.executeCommand<PanelSnapshot | undefined>('conceptExplainer.conceptsInFile');
    await sleep(500);
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await sleep(100);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const snapshot = await picked;
    assert.deepEqual(snapshot?.entry, { kind: 'concept', id: 'learning-rate' }, 'the second concept: lr on line 3');
  });
});
