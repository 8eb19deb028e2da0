import { strict as assert } from 'node:assert';
import { hasProse, proseSpans } from '../../src/core/matching/prose';

function prose(text: string, languageId: string): string[] {
  return proseSpans(text, languageId).map(([start, end]) => text.slice(start, end).trim());
}

describe('prose spans (where term underlines go)', () => {
  it('takes all of Markdown and plain text', () => {
    assert.deepEqual(prose('# Self-attention\ntext', 'markdown'), ['# Self-attention\ntext']);
  });

  it('takes only comments in code, never strings or identifiers', () => {
    const code = [
      'const url = "http://example.com"; // uses self-attention',
      "const hash = '#'; /* the fine-tuning",
      'step */ selfAttention(x);',
    ].join('\n');
    assert.deepEqual(prose(code, 'typescript'), ['uses self-attention', 'the fine-tuning\nstep']);
  });

  it('knows hash comments and Python docstrings', () => {
    const code = ['def f(x):', '    """Applies dropout."""', "    s = '# not a comment'", '    return x  # the learning rate'].join('\n');
    assert.deepEqual(prose(code, 'python'), ['Applies dropout.', 'the learning rate']);
  });

  it('ends an unclosed string at the end of its line, so a comment on the next line is found', () => {
    assert.deepEqual(prose('x = "open\n// attention', 'javascript'), ['attention']);
  });

  it('has nothing for a language it does not know', () => {
    assert.equal(hasProse('brainfuck'), false);
    assert.deepEqual(proseSpans('+++ attention', 'brainfuck'), []);
    assert.equal(hasProse('python'), true);
  });
});
