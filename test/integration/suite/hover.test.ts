import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAll, conceptHovers, hoverText, openDocument, positionOf, setSetting } from './helpers';

const FRENCH = `# Notes de cours

Le mécanisme d'auto-attention relie chaque mot à tous les autres.
Ensuite vient l’affinage du modèle sur des données annotées.
Les réseaux de neurones apprennent des motifs.
On retrouve l'auto-attention partout.
`;

const ENGLISH = 'Transformers rely on self-attention; fine-tuning adapts a pre-trained model.\nNothing to see here.\n';

const PYTHON = `class Block:
    def forward(self, x):
        y = self_attention(x)
        return selfAttention(y)

class FineTune:
    pass
`;

describe('Hovers', () => {
  before(async () => {
    await activateExtension();
  });

  afterEach(async () => {
    await setSetting('hover.enabled', undefined);
    await setSetting('hover.languages', undefined);
    await setSetting('language', undefined);
  });

  after(closeAll);

  it('explains a French term in Markdown, with the longest term as the hover range', async () => {
    const editor = await openDocument(FRENCH, 'markdown');
    const position = positionOf(editor.document, 'auto-attention', 3);
    const [hover] = await conceptHovers(editor.document, position);
    assert.ok(hover, 'no concept hover on auto-attention');
    assert.match(hoverText(hover), /auto\\-attention/i);
    assert.ok(hover.range, 'the hover has a range');
    assert.equal(editor.document.getText(hover.range), "mécanisme d'auto-attention");
  });

  it('writes the definition with ordinary spaces, so the hover wraps between words', async () => {
    const editor = await openDocument(FRENCH, 'markdown');
    const [hover] = await conceptHovers(editor.document, positionOf(editor.document, 'auto-attention', 3));
    const text = hoverText(hover!);
    assert.ok(!/\u00a0|&nbsp;/.test(text), JSON.stringify(text));
    assert.match(text, /élément d\\'une séquence|chaque élément/, 'the definition is there, word by word');
  });

  it('shows the French side for an English form in a French sentence ("LLMs"), the English one in an English sentence', async () => {
    const french = await openDocument('Les LLMs inventent parfois des sources qui n’existent pas.\nThe LLMs we call sometimes invent their sources.\n', 'markdown');
    const [inFrench] = await conceptHovers(french.document, positionOf(french.document, 'LLMs', 1));
    assert.match(hoverText(inFrench!), /^\*\*grand modèle de langage\*\*/, hoverText(inFrench!));
    const english = french.document.positionAt(french.document.getText().lastIndexOf('LLMs') + 1);
    const [inEnglish] = await conceptHovers(french.document, english);
    assert.match(hoverText(inEnglish!), /^\*\*large language model\*\*/, hoverText(inEnglish!));
  });

  it("finds « l'auto-attention » alone, without its elided article", async () => {
    const editor = await openDocument(FRENCH, 'markdown');
    const [hover] = await conceptHovers(editor.document, positionOf(editor.document, "l'auto-attention partout", 4));
    assert.ok(hover, "no concept hover on l'auto-attention");
    assert.equal(editor.document.getText(hover.range!), 'auto-attention');
  });

  it("finds « l'affinage » through the elision and shows it in French", async () => {
    const editor = await openDocument(FRENCH, 'markdown');
    const [hover] = await conceptHovers(editor.document, positionOf(editor.document, 'affinage', 2));
    assert.ok(hover, 'no concept hover on affinage');
    assert.match(hoverText(hover), /affinage/i);
    assert.match(hoverText(hover).replace(/\\/g, ''), /fine-tuning/);
    assert.equal(editor.document.getText(hover.range!), 'affinage');
  });

  it('finds French plurals', async () => {
    const editor = await openDocument(FRENCH, 'markdown');
    const [hover] = await conceptHovers(editor.document, positionOf(editor.document, 'neurones', 1));
    assert.ok(hover);
    assert.equal(editor.document.getText(hover.range!), 'réseaux de neurones');
  });

  it('explains English terms in plain text, in English', async () => {
    const editor = await openDocument(ENGLISH, 'plaintext');
    const [hover] = await conceptHovers(editor.document, positionOf(editor.document, 'fine-tuning', 2));
    assert.ok(hover);
    assert.match(hoverText(hover), /\*\*Fine\\-tuning\*\*/i);
    const none = await conceptHovers(editor.document, positionOf(editor.document, 'Nothing', 2));
    assert.equal(none.length, 0);
  });

  it('splits code identifiers: self_attention, selfAttention, FineTune', async () => {
    const editor = await openDocument(PYTHON, 'python');
    for (const [needle, expected] of [
      ['self_attention', 'self_attention'],
      ['selfAttention', 'selfAttention'],
      ['FineTune', 'FineTune'],
    ] as const) {
      const [hover] = await conceptHovers(editor.document, positionOf(editor.document, needle, 2));
      assert.ok(hover, `no hover on ${needle}`);
      assert.equal(editor.document.getText(hover.range!), expected);
    }
  });

  it('links to the full explanation and the chat through our own commands only', async () => {
    const editor = await openDocument(ENGLISH, 'plaintext');
    const [hover] = await conceptHovers(editor.document, positionOf(editor.document, 'self-attention', 1));
    assert.ok(hover);
    const commands = [...hoverText(hover).matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]);
    assert.ok(commands.length >= 2, 'an explanation link and related links');
    assert.deepEqual([...new Set(commands)].sort(), ['conceptExplainer.askAboutConcept', 'conceptExplainer.showConcept']);
  });

  it('can be turned off, or limited to some languages', async () => {
    const editor = await openDocument(PYTHON, 'python');
    const position = positionOf(editor.document, 'selfAttention', 2);
    await setSetting('hover.enabled', false);
    assert.equal((await conceptHovers(editor.document, position)).length, 0);
    await setSetting('hover.enabled', true);
    await setSetting('hover.languages', ['markdown']);
    assert.equal((await conceptHovers(editor.document, position)).length, 0);
    await setSetting('hover.languages', ['python']);
    assert.equal((await conceptHovers(editor.document, position)).length, 1);
  });

  it('follows the language setting', async () => {
    const editor = await openDocument(FRENCH, 'markdown');
    const position = positionOf(editor.document, 'auto-attention', 3);
    await setSetting('language', 'en');
    const [hover] = await conceptHovers(editor.document, position);
    assert.ok(hover);
    assert.match(hoverText(hover), /\*\*Self\\-attention\*\*/i);
    assert.ok(vscode.workspace.getConfiguration('conceptExplainer').get('language') === 'en');
  });
});
