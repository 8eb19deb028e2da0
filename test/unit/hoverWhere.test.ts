import * as assert from 'node:assert/strict';
import { hoverShowsAt, inStringLiteral, zoneAt } from '../../src/core/hoverWhere';
import { documentZones } from '../../src/core/matching/prose';
import type { HoverWhere } from '../../src/core/settings';

/** Whether a hover on the first `needle` (its `shift`-th character) of the text shows, under each setting. */
function shows(text: string, languageId: string, needle: string, shift = 1): Record<HoverWhere, boolean> {
  const offset = text.indexOf(needle) + shift;
  assert.ok(offset >= shift, `"${needle}" is not in the text`);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  const zone = zoneAt(documentZones(text, languageId), offset)!;
  const at = (where: HoverWhere) => hoverShowsAt(where, zone.kind, line, offset - lineStart, languageId);
  return { everywhere: at('everywhere'), prose: at('prose'), onDemand: at('onDemand') };
}

const PYTHON = `"""A transformer block with self-attention."""
import torch

def fine_tune(model, learning_rate=1e-5):  # fine-tuning keeps training
    parser.add_argument("--lr", help="the learning rate of the fine-tuning run")
    label = 'self-attention'
    return self_attention(model)
`;

const MARKDOWN = 'Self-attention relates tokens; it\'s `self_attention(x)`, don\'t call `tune("fine-tuning")`.\n\n```python\nfine_tune(model, "the fine-tuning run")\n```\n';

const TYPESCRIPT = 'const note = `fine-tuning of ${model}`; // fine-tuning\nconst selfAttention = attend("self-attention");\n';

describe('where hovers show (conceptExplainer.hover.where)', () => {
  const cases: Array<[string, string, string, string, Record<HoverWhere, boolean>]> = [
    ['a Python identifier', PYTHON, 'python', 'fine_tune(', { everywhere: true, prose: false, onDemand: false }],
    ['a call in Python', PYTHON, 'python', 'self_attention(model)', { everywhere: true, prose: false, onDemand: false }],
    ['a Python docstring', PYTHON, 'python', 'self-attention.', { everywhere: true, prose: true, onDemand: false }],
    ['a Python comment', PYTHON, 'python', 'fine-tuning keeps', { everywhere: true, prose: true, onDemand: false }],
    ['a double-quoted Python string', PYTHON, 'python', 'learning rate of', { everywhere: true, prose: true, onDemand: false }],
    ['a single-quoted Python string', PYTHON, 'python', "self-attention'", { everywhere: true, prose: true, onDemand: false }],
    ['a keyword argument', PYTHON, 'python', 'learning_rate=', { everywhere: true, prose: false, onDemand: false }],
    ['Markdown prose', MARKDOWN, 'markdown', 'Self-attention', { everywhere: true, prose: true, onDemand: false }],
    ['a Markdown code span', MARKDOWN, 'markdown', 'self_attention(x)', { everywhere: true, prose: false, onDemand: false }],
    ['a string in a Markdown code span', MARKDOWN, 'markdown', 'fine-tuning")', { everywhere: true, prose: true, onDemand: false }],
    ['code in a fenced block', MARKDOWN, 'markdown', 'fine_tune(', { everywhere: true, prose: false, onDemand: false }],
    ['a string in a fenced block', MARKDOWN, 'markdown', 'fine-tuning run', { everywhere: true, prose: true, onDemand: false }],
    ['a template literal', TYPESCRIPT, 'typescript', 'fine-tuning of', { everywhere: true, prose: true, onDemand: false }],
    ['a TypeScript comment', TYPESCRIPT, 'typescript', 'fine-tuning\n', { everywhere: true, prose: true, onDemand: false }],
    ['a TypeScript identifier', TYPESCRIPT, 'typescript', 'selfAttention', { everywhere: true, prose: false, onDemand: false }],
    ['a TypeScript string', TYPESCRIPT, 'typescript', 'self-attention"', { everywhere: true, prose: true, onDemand: false }],
    ['plain text', 'Notes on fine-tuning.', 'plaintext', 'fine-tuning', { everywhere: true, prose: true, onDemand: false }],
  ];
  for (const [name, text, languageId, needle, expected] of cases) {
    it(`${name}: ${Object.entries(expected).filter(([, shown]) => shown).map(([where]) => where).join(', ') || 'never'}`, () => {
      assert.deepEqual(shows(text, languageId, needle), expected);
    });
  }

  it('reads strings with escaped quotes, and no single-quoted strings in Rust', () => {
    assert.equal(inStringLiteral('x = "a \\" fine-tuning" + y', 12, 'python'), true);
    assert.equal(inStringLiteral('x = "a \\" b" + fine_tuning', 18, 'python'), false);
    assert.equal(inStringLiteral("fn f<'a>(x: &'a str) { fine_tune(x) }", 25, 'rust'), false);
    assert.equal(inStringLiteral('let s = "fine-tuning";', 12, 'rust'), true);
  });

  it('finds the zone of an offset among zones that cover a text', () => {
    const zones = [{ start: 0 }, { start: 5 }, { start: 9 }];
    assert.deepEqual([0, 4, 5, 8, 9, 100].map((offset) => zones.indexOf(zoneAt(zones, offset)!)), [0, 0, 1, 1, 2, 2]);
    assert.equal(zoneAt([], 3), undefined);
  });
});
