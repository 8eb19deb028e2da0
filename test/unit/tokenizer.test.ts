import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { BpeTokenizer, StreamDecoder } from '../../src/core/tokenizer/bpe';

const tiny = BpeTokenizer.fromJson(fs.readFileSync(path.join(__dirname, 'fixtures', 'tiny-gpt2-tokenizer.json'), 'utf8'));
const bundledFile = path.resolve(__dirname, '../../models/concept-gpt/tokenizer.json');

describe('byte-level BPE tokenizer', () => {
  it('encodes known strings to known ids with a GPT-2-style tokenizer.json', () => {
    // 256 byte symbols, then the merges in rank order: "Ġt"=256, "he"=257, "Ġthe"=258, "at"=259, "Ġc"=260, "Ġcat"=261.
    assert.deepEqual(tiny.encode(' the cat'), [258, 261]);
    assert.deepEqual(tiny.encode('the'), [116, 257]);
    assert.deepEqual(tiny.encode('é'), [263]);
    assert.deepEqual(tiny.encode('A'), [65]);
  });

  it('reads special tokens only when asked, so user text cannot forge them', () => {
    assert.deepEqual(tiny.encode('<|endoftext|>', { parseSpecial: true }), [264]);
    assert.ok(tiny.encode('<|endoftext|>').length > 1);
    assert.equal(tiny.tokenId('<|endoftext|>'), 264);
  });

  it('decodes what it encodes, for any Unicode text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        assert.equal(tiny.decode(tiny.encode(text)), text);
      }),
      { numRuns: 300 },
    );
  });

  it('streams text without splitting a UTF-8 character across pieces', () => {
    const ids = tiny.encode('é😀'); // single bytes: the emoji's four bytes come one at a time
    const decoder = new StreamDecoder(tiny, false);
    const pieces = ids.map((id) => decoder.push(id));
    assert.ok(pieces.every((piece) => !piece.includes('\uFFFD')), JSON.stringify(pieces));
    assert.equal(pieces.join('') + decoder.flush(), 'é😀');
    assert.ok(pieces.filter((piece) => piece.length > 0).length >= 2);
  });

  it('rejects a tokenizer.json that is not byte-level BPE, with a clear message', () => {
    assert.throws(() => new BpeTokenizer({ model: { type: 'WordPiece' } } as never), /only byte-level BPE/);
  });

  describe('the bundled tokenizer', function () {
    before(() => {
      assert.ok(fs.existsSync(bundledFile), `${bundledFile} is missing`);
    });

    it('round-trips French, English and code (property)', () => {
      const bundled = BpeTokenizer.fromJson(fs.readFileSync(bundledFile, 'utf8'));
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
          assert.equal(bundled.decode(bundled.encode(text)), text);
        }),
        { numRuns: 200 },
      );
    });

    it('gives the same ids as the training scripts on their reference texts', () => {
      const bundled = BpeTokenizer.fromJson(fs.readFileSync(bundledFile, 'utf8'));
      const reference = JSON.parse(fs.readFileSync(path.join(path.dirname(bundledFile), 'tokenizer_tests.json'), 'utf8')) as { cases: Array<{ text: string; ids: number[] }> };
      assert.ok(reference.cases.length > 5);
      for (const { text, ids } of reference.cases) {
        assert.deepEqual(bundled.encode(text, { parseSpecial: true }), ids, text);
        assert.equal(bundled.decode(ids), text);
      }
    });

    it('spells common French and domain words in few tokens', () => {
      const bundled = BpeTokenizer.fromJson(fs.readFileSync(bundledFile, 'utf8'));
      for (const word of [' apprentissage', ' réseau', ' neurones', ' entraînement', ' modèle', ' attention', ' paramètres']) {
        assert.ok(bundled.encode(word).length <= 2, `${word} takes ${bundled.encode(word).length} tokens`);
      }
    });
  });
});

describe('tokenizer bounds', () => {
  it('encodes a piece of 200,000 characters quickly and without overflowing the stack', async () => {
    const { loadModelFiles } = await import('../../src/core/model/modelFiles');
    const path = await import('node:path');
    const { tokenizer } = loadModelFiles(path.resolve(__dirname, '../../models/concept-gpt'));
    const started = Date.now();
    const ids = tokenizer.encode('a'.repeat(200_000));
    assert.ok(ids.length > 0 && ids.length <= 200_000);
    assert.ok(Date.now() - started < 5000, `${Date.now() - started} ms`);
    assert.equal(tokenizer.decode(ids), 'a'.repeat(200_000));
  });
});
