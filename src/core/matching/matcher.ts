import { splitPieces, type Piece } from './normalize';

/** One way of writing a concept: its preferred term or an alias, in one language. */
export interface TermForm<L extends string = string> {
  readonly conceptId: string;
  readonly lang: L;
  readonly text: string;
  readonly preferred: boolean;
}

/** A span of text that names one or more concepts (a form shared by two languages names one concept twice). */
export interface TermMatch<L extends string = string> {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly forms: readonly TermForm<L>[];
}

interface TrieNode<L extends string> {
  readonly children: Map<string, TrieNode<L>>;
  forms?: TermForm<L>[];
}

/**
 * How far around a hover position the matcher looks, at most: a 1 MB minified line costs no more than a
 * short one. The radius shrinks to what the longest term needs, with room for doubled separators.
 */
const MAX_WINDOW_RADIUS = 160;
/** No term spans more pieces than this, which bounds every walk through the trie. */
const MAX_TERM_PIECES = 12;

/**
 * Every term and alias compiled into one character trie over normalised keys. A match starts and ends on
 * piece boundaries (words, camelCase parts), and the longest one wins.
 */
export class TermMatcher<L extends string = string> {
  private readonly root: TrieNode<L> = { children: new Map() };
  private readonly byKey = new Map<string, TermForm<L>[]>();
  private windowRadius = 0;

  constructor(forms: Iterable<TermForm<L>>) {
    for (const form of forms) {
      this.add(form);
    }
  }

  private add(form: TermForm<L>): void {
    const pieces = splitPieces(form.text);
    const key = pieces.map((piece) => piece.key).join('');
    if (!key || pieces.length > MAX_TERM_PIECES) {
      return;
    }
    let node = this.root;
    for (const ch of key) {
      let child = node.children.get(ch);
      if (!child) {
        child = { children: new Map() };
        node.children.set(ch, child);
      }
      node = child;
    }
    node.forms = [...(node.forms ?? []), form];
    this.byKey.set(key, node.forms);
    this.windowRadius = Math.min(MAX_WINDOW_RADIUS, Math.max(this.windowRadius, Math.ceil(form.text.length * 1.5) + 8));
  }

  /** The forms whose whole normalised key equals the text's (`Self_Attention` finds `self-attention`). */
  lookupExact(text: string): readonly TermForm<L>[] {
    const key = splitPieces(text)
      .map((piece) => piece.key)
      .join('');
    return this.byKey.get(key) ?? [];
  }

  /** The longest term covering `offset` (start <= offset < end) in a bounded window of `text`. */
  matchAt(text: string, offset: number): TermMatch<L> | undefined {
    const from = Math.max(0, offset - this.windowRadius);
    const to = Math.min(text.length, offset + this.windowRadius);
    const pieces = wholePieces(text, from, to);
    let best: TermMatch<L> | undefined;
    for (let i = 0; i < pieces.length && pieces[i]!.start <= offset; i++) {
      const match = this.longestFrom(text, pieces, i);
      if (match && match.end > offset && (!best || match.end - match.start > best.end - best.start)) {
        best = match;
      }
    }
    return best;
  }

  /** Every term in the text, leftmost-longest, without overlaps. */
  findAll(text: string): TermMatch<L>[] {
    const pieces = splitPieces(text);
    const matches: TermMatch<L>[] = [];
    for (let i = 0; i < pieces.length; i++) {
      const match = this.longestFrom(text, pieces, i);
      if (match) {
        matches.push(match);
        while (i + 1 < pieces.length && pieces[i + 1]!.start < match.end) {
          i++;
        }
      }
    }
    return matches;
  }

  private longestFrom(text: string, pieces: readonly Piece[], first: number): TermMatch<L> | undefined {
    let node: TrieNode<L> | undefined = this.root;
    let best: TermMatch<L> | undefined;
    const last = Math.min(pieces.length, first + MAX_TERM_PIECES);
    for (let j = first; j < last && node; j++) {
      node = walk(node, pieces[j]!.key);
      if (node?.forms) {
        const start = pieces[first]!.start;
        const end = pieces[j]!.end;
        best = { start, end, text: text.slice(start, end), forms: node.forms };
      }
    }
    return best;
  }
}

function walk<L extends string>(node: TrieNode<L>, key: string): TrieNode<L> | undefined {
  let current: TrieNode<L> | undefined = node;
  for (let k = 0; k < key.length && current; k++) {
    current = current.children.get(key[k]!);
  }
  return current;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Pieces of text[from, to), leaving out a word cut in two by the window's edges. */
function wholePieces(text: string, from: number, to: number): Piece[] {
  const pieces = splitPieces(text.slice(from, to), from);
  const cutAtStart = from > 0 && WORD_CHAR.test(text.charAt(from - 1)) && WORD_CHAR.test(text.charAt(from));
  const cutAtEnd = to < text.length && WORD_CHAR.test(text.charAt(to - 1)) && WORD_CHAR.test(text.charAt(to));
  return pieces.filter((piece) => !(cutAtStart && piece.start === from) && !(cutAtEnd && piece.end === to));
}
