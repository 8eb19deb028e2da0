/**
 * Text normalisation shared by the glossary and the matcher, so that a term written in the glossary and the
 * same term met in a document reduce to the same key whatever their case, accents, separators or number.
 */

/** A word piece of a text: a run of letters or digits, split further at camelCase and letter/digit boundaries. */
export interface Piece {
  /** Offset of the first character in the source text. */
  readonly start: number;
  /** Offset after the last character in the source text. */
  readonly end: number;
  /** Folded, singular form used for matching. */
  readonly key: string;
}

/** French elided words: `l'affinage`, `d'auto-attention`, `qu'un`, `jusqu'au`. */
const ELISIONS = new Set(['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'lorsqu', 'puisqu', 'jusqu', 'quoiqu']);
const APOSTROPHES = new Set(["'", '\u2019', '\u02bc']);
/**
 * The subject pronoun `j'` comes before a verb (`j'ai`, `j'utilise`), never before a term: the word after it is
 * dropped too, so that `j'ai` does not read as the acronym `AI`.
 */
const BEFORE_VERB = 'j';
const WORD_RUN = /[\p{L}\p{N}]+/gu;
/**
 * camelCase (`selfAttention`), acronym before a word (`GPTModel`, but not a plural acronym: `LLMs`) and
 * letter/digit (`gpt4`) boundaries.
 */
const INNER_BOUNDARY = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})(?!\p{Lu}s(?!\p{Ll}))|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u;
/** Only a run with a capital or a digit can hold an inner boundary; most words skip the costly split. */
const MAY_HAVE_INNER_BOUNDARY = /[\p{Lu}\p{N}]/u;
const COMBINING_MARKS = /\p{M}+/gu;
const LIGATURES: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd' };

/** Lower case without accents or ligatures: `Réseaux` -> `reseaux`, `nœud` -> `noeud`. */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  const plain = /^[a-z0-9]*$/.test(lower) ? lower : lower.normalize('NFKD').replace(COMBINING_MARKS, '');
  return plain.replace(/[œæßøłđ]/g, (ch) => LIGATURES[ch] ?? ch);
}

/**
 * A key that a word shares with its plural, for French and English alike: `réseaux`/`réseau`,
 * `Transformers`/`Transformer`, `couches`/`couche`, `batches`/`batch`, `biases`/`bias`. It is applied to
 * glossary terms and to text in the same way, so it need not be a real word (`couche` -> `couch`).
 */
export function singular(word: string): string {
  if (word.length < 4 || /\d/.test(word)) {
    return word;
  }
  if (/(?:eau|eu)x$/.test(word)) {
    return word.slice(0, -1);
  }
  let key = word;
  if (key.endsWith('ies') && key.length > 4) {
    key = `${key.slice(0, -3)}y`;
  } else if (key.endsWith('s') && !/(?:ss|is|as)$/.test(key)) {
    key = key.slice(0, -1);
  }
  return key.length >= 5 && key.endsWith('e') ? key.slice(0, -1) : key;
}

/** Text with no character above U+007F. */
const ASCII_ONLY = /^[^\u0080-\uffff]*$/;

/** Splits text into matchable pieces, dropping French elided articles (`l'`, `d'`, `qu'`). */
export function splitPieces(text: string, offset = 0): Piece[] {
  // Most terms and most code are ASCII: a hand-written scan does the same as the general path, several
  // times faster (it matters when a user glossary of a thousand concepts is indexed).
  return ASCII_ONLY.test(text) ? splitAsciiPieces(text, offset) : splitPiecesGeneral(text, offset);
}

/** The general splitter, for any Unicode text (exported for the test that compares both paths). */
export function splitPiecesGeneral(text: string, offset = 0): Piece[] {
  const pieces: Piece[] = [];
  let dropNext = false;
  for (const run of text.matchAll(WORD_RUN)) {
    const runStart = run.index ?? 0;
    const runText = run[0];
    if (dropNext) {
      dropNext = false;
      continue;
    }
    if (isElided(text, runStart, runText)) {
      dropNext = foldCase(runText) === BEFORE_VERB;
      continue;
    }
    let pieceStart = runStart;
    const parts = MAY_HAVE_INNER_BOUNDARY.test(runText) ? runText.split(INNER_BOUNDARY) : [runText];
    for (const part of parts) {
      pieces.push({ start: offset + pieceStart, end: offset + pieceStart + part.length, key: singular(foldCase(part)) });
      pieceStart += part.length;
    }
  }
  return pieces;
}

const enum Kind {
  Other,
  Lower,
  Upper,
  Digit,
}

function kindOf(code: number): Kind {
  if (code >= 97 && code <= 122) return Kind.Lower;
  if (code >= 65 && code <= 90) return Kind.Upper;
  if (code >= 48 && code <= 57) return Kind.Digit;
  return Kind.Other;
}

/** `splitPiecesGeneral` for ASCII text, without regular expressions. */
export function splitAsciiPieces(text: string, offset = 0): Piece[] {
  const pieces: Piece[] = [];
  let index = 0;
  let dropNext = false;
  while (index < text.length) {
    if (kindOf(text.charCodeAt(index)) === Kind.Other) {
      index++;
      continue;
    }
    const runStart = index;
    while (index < text.length && kindOf(text.charCodeAt(index)) !== Kind.Other) index++;
    const runText = text.slice(runStart, index);
    if (dropNext) {
      dropNext = false;
      continue;
    }
    if (text.charAt(index) === "'" && kindOf(text.charCodeAt(index + 1)) >= Kind.Lower && kindOf(text.charCodeAt(index + 1)) <= Kind.Upper && ELISIONS.has(runText.toLowerCase())) {
      dropNext = runText.toLowerCase() === BEFORE_VERB;
      continue;
    }
    let pieceStart = runStart;
    for (let at = runStart + 1; at <= index; at++) {
      if (at === index || isAsciiBoundary(text, at, index)) {
        pieces.push({ start: offset + pieceStart, end: offset + at, key: singular(text.slice(pieceStart, at).toLowerCase()) });
        pieceStart = at;
      }
    }
  }
  return pieces;
}

/** INNER_BOUNDARY between text[at - 1] and text[at], inside a run that ends at `runEnd`. */
function isAsciiBoundary(text: string, at: number, runEnd: number): boolean {
  const before = kindOf(text.charCodeAt(at - 1));
  const after = kindOf(text.charCodeAt(at));
  if (before === Kind.Lower && after === Kind.Upper) return true;
  if ((before === Kind.Digit) !== (after === Kind.Digit)) return true;
  if (before === Kind.Upper && after === Kind.Upper && at + 1 < runEnd && kindOf(text.charCodeAt(at + 1)) === Kind.Lower) {
    // `GPTModel` splits before `M`, but the plural acronym `LLMs` stays whole.
    return !(text.charAt(at + 1) === 's' && kindOf(text.charCodeAt(at + 2)) !== Kind.Lower);
  }
  return false;
}

function isElided(text: string, runStart: number, runText: string): boolean {
  const after = runStart + runText.length;
  return (
    APOSTROPHES.has(text.charAt(after)) &&
    /[\p{L}]/u.test(text.charAt(after + 1)) &&
    ELISIONS.has(foldCase(runText))
  );
}

/**
 * The key of a whole term: its pieces joined with no separator, so `self-attention`, `self_attention`,
 * `selfAttention` and `SelfAttention` share the key `selfattention`.
 */
export function normalizeTerm(term: string): string {
  return splitPieces(term)
    .map((piece) => piece.key)
    .join('');
}
