import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { foldCase, normalizeTerm, singular, splitAsciiPieces, splitPieces, splitPiecesGeneral } from '../../src/core/matching/normalize';

describe('normalize', () => {
  it('folds case, accents and ligatures', () => {
    assert.equal(foldCase('Réseau'), 'reseau');
    assert.equal(foldCase('NŒUD'), 'noeud');
    assert.equal(foldCase('Prédiction'), 'prediction');
  });

  it('gives a word and its plural the same key, in French and English', () => {
    const pairs = [
      ['reseaux', 'reseau'], ['neurones', 'neurone'], ['couches', 'couche'], ['donnees', 'donnee'], ['jeux', 'jeu'],
      ['contenus', 'contenu'], ['transformers', 'transformer'], ['biases', 'bias'], ['batches', 'batch'],
      ['losses', 'loss'], ['probabilities', 'probability'], ['responses', 'response'], ['gpus', 'gpu'], ['features', 'feature'],
    ];
    for (const [plural, one] of pairs) {
      assert.equal(singular(plural!), singular(one!), `${plural} / ${one}`);
    }
    assert.notEqual(singular('biais'), singular('bia'));
    assert.equal(singular('loss'), 'loss');
  });

  it('treats hyphens, spaces, underscores and camelCase alike', () => {
    const key = normalizeTerm('self-attention');
    for (const form of ['self attention', 'self_attention', 'selfAttention', 'SelfAttention', 'SELF_ATTENTION', 'Self-Attention']) {
      assert.equal(normalizeTerm(form), key, form);
    }
    assert.equal(normalizeTerm('FineTune'), normalizeTerm('fine-tune'));
    assert.equal(normalizeTerm('GPTModel'), normalizeTerm('GPT model'));
    assert.equal(normalizeTerm('LLMs'), normalizeTerm('LLM'));
    assert.equal(normalizeTerm('GPTs'), normalizeTerm('gpt'));
    assert.equal(normalizeTerm('CNNsForVision'), normalizeTerm('CNN for vision'));
  });

  it("drops French elisions with either apostrophe", () => {
    assert.equal(normalizeTerm("l'affinage"), normalizeTerm('affinage'));
    assert.equal(normalizeTerm('l’affinage'), normalizeTerm('Affinage'));
    assert.equal(normalizeTerm("mécanisme d'auto-attention"), normalizeTerm('mécanisme auto attention'));
    assert.equal(normalizeTerm("jusqu'à l'inférence"), normalizeTerm('à inférence'));
  });

  it('keeps offsets into the source text', () => {
    const text = "Voir l'auto-attention";
    const pieces = splitPieces(text);
    assert.deepEqual(
      pieces.map((piece) => text.slice(piece.start, piece.end)),
      ['Voir', 'auto', 'attention'],
    );
  });

  it('gives the same key whatever separator joins the words (property)', () => {
    const word = fc.stringMatching(/^[a-z]{2,8}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), fc.constantFrom(' ', '-', '_', '  '), (words, separator) => {
        const camel = words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
        assert.equal(normalizeTerm(words.join(separator)), normalizeTerm(words.join(' ')));
        assert.equal(normalizeTerm(camel), normalizeTerm(words.join(' ')));
        assert.equal(normalizeTerm(words.join(' ').toUpperCase().replace(/ /g, '_')), normalizeTerm(words.join(' ')));
      }),
    );
  });

  it('never throws and keeps pieces inside the text for any input (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        for (const piece of splitPieces(text)) {
          assert.ok(piece.start >= 0 && piece.end <= text.length && piece.start < piece.end);
        }
      }),
    );
  });
});

describe('the ASCII fast path of splitPieces', () => {
  it('splits exactly like the general path, whatever the ASCII text', () => {
    const asciiText = fc.string({ unit: fc.constantFrom(...'aAbBsSzZ09 -_\'.LlMmxX'.split('')), maxLength: 40 });
    fc.assert(
      fc.property(asciiText, fc.nat(100), (text, offset) => {
        assert.deepEqual(splitAsciiPieces(text, offset), splitPiecesGeneral(text, offset));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees on the forms that shaped its rules', () => {
    for (const text of ["l'LLMs", 'GPTModel', 'LLMs', 'gpt4o', 'selfAttention', "qu'un", 'FINE_TUNING', 'BatchNorm2d', "d'x", "l'"]) {
      assert.deepEqual(splitAsciiPieces(text), splitPiecesGeneral(text), text);
    }
  });
});
