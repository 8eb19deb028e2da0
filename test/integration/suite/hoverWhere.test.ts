import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ConceptExplainerApi } from '../../../src/extension';
import { activateExtension, closeAll, conceptHovers, openDocument, positionOf, selectText, setSetting } from './helpers';

const PYTHON = `import torch

def fine_tune(model, learning_rate=1e-5):
    # fine-tuning keeps training a pre-trained model
    parser.add_argument("--lr", help="the learning rate of the fine-tuning run")
    return self_attention(model)
`;

describe('Where hovers show (conceptExplainer.hover.where)', () => {
  let api: ConceptExplainerApi;
  let document: vscode.TextDocument;

  before(async () => {
    api = await activateExtension();
    document = (await openDocument(PYTHON, 'python')).document;
  });

  afterEach(() => setSetting('hover.where', undefined));

  after(closeAll);

  /** How many of our hovers show at the first character of `needle` (plus one). */
  async function hoversAt(needle: string): Promise<number> {
    return (await conceptHovers(document, positionOf(document, needle, 1))).length;
  }

  it('shows definitions everywhere by default, identifiers included', async () => {
    assert.deepEqual([await hoversAt('self_attention('), await hoversAt('fine-tuning keeps'), await hoversAt('learning rate of')], [1, 1, 1]);
  });

  it('only in comments, strings and prose with "prose"', async () => {
    await setSetting('hover.where', 'prose');
    assert.equal(await hoversAt('self_attention('), 0, 'no hover on an identifier');
    assert.equal(await hoversAt('learning_rate='), 0, 'no hover on a parameter');
    assert.equal(await hoversAt('fine-tuning keeps'), 1, 'a comment');
    assert.equal(await hoversAt('learning rate of'), 1, 'a string');
  });

  it('never on hover with "onDemand", and Explain Selection still explains', async () => {
    await setSetting('hover.where', 'onDemand');
    assert.deepEqual([await hoversAt('self_attention('), await hoversAt('fine-tuning keeps')], [0, 0]);
    const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document === document)!;
    selectText(editor, 'self_attention');
    await vscode.commands.executeCommand('conceptExplainer.explainSelection');
    const entry = api.panelSnapshot()?.entry;
    assert.deepEqual(entry, { kind: 'concept', id: 'self-attention' });
  });
});
