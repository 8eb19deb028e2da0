import { forEachInSlices } from '../slices';
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

/** The trie's root node; every other node is numbered in the order it was created. */
const ROOT = 0;
/** Edges on ASCII characters (nearly all of them, keys being folded) are keyed by a small integer. */
const ASCII = 128;

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
  /**
   * The trie as flat maps rather than one object and one map per node: a glossary with a thousand user
   * concepts has some 47,000 nodes, whose allocation made building it mostly garbage collection.
   */
  private readonly asciiEdges: EdgeTable;
  private readonly otherEdges = new Map<string, number>();
  private readonly nodeForms = new Map<number, TermForm<L>[]>();
  private nodeCount = 1;
  private readonly byKey = new Map<string, TermForm<L>[]>();
  private windowRadius = 0;

  /** `expectedCharacters`: how many key characters will be added later (sizes the edge table once). */
  constructor(forms: Iterable<TermForm<L>>, expectedCharacters = 0) {
    const keyed: Array<{ form: TermForm<L>; key: string }> = [];
    let characters = 0;
    for (const form of forms) {
      const key = keyOf(form);
      if (key) {
        keyed.push({ form, key });
        characters += key.length;
      }
    }
    // At most one edge per character: sized once, the table never grows while the trie is built.
    this.asciiEdges = new EdgeTable(Math.max(characters, expectedCharacters));
    for (const { form, key } of keyed) {
      this.add(form, key);
    }
  }

  /**
   * The same trie, built a slice at a time: `pause` is awaited every few milliseconds, so that building the
   * index of a big user glossary never holds the extension host's thread for long. `forms` may be lazy, so
   * that making them is sliced too; `expectedCharacters` (about their texts' total length) sizes the edge
   * table once: growing it re-inserts every edge at once, which for 5,000 concepts held the thread some 30 ms.
   */
  static async sliced<L extends string>(
    forms: Iterable<TermForm<L>>,
    pause: () => Promise<void>,
    { expectedCharacters = 0, sliceMs = 8 }: { expectedCharacters?: number; sliceMs?: number } = {},
  ): Promise<TermMatcher<L>> {
    const matcher = new TermMatcher<L>([], expectedCharacters);
    const add = (form: TermForm<L>) => {
      const key = keyOf(form);
      if (key) matcher.add(form, key);
    };
    await forEachInSlices(forms, add, pause, sliceMs);
    return matcher;
  }

  private add(form: TermForm<L>, key: string): void {
    let node = ROOT;
    for (let k = 0; k < key.length; k++) {
      node = this.child(node, key, k) ?? this.addChild(node, key, k);
    }
    const forms = [...(this.nodeForms.get(node) ?? []), form];
    this.nodeForms.set(node, forms);
    this.byKey.set(key, forms);
    this.windowRadius = Math.min(MAX_WINDOW_RADIUS, Math.max(this.windowRadius, Math.ceil(form.text.length * 1.5) + 8));
  }

  /** Every normalised key and the forms that share it, in the order they were added. */
  formsByKey(): ReadonlyMap<string, readonly TermForm<L>[]> {
    return this.byKey;
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
    let node: number | undefined = ROOT;
    let best: TermMatch<L> | undefined;
    const last = Math.min(pieces.length, first + MAX_TERM_PIECES);
    for (let j = first; j < last && node !== undefined; j++) {
      node = this.walk(node, pieces[j]!.key);
      const forms = node === undefined ? undefined : this.nodeForms.get(node);
      if (forms) {
        const start = pieces[first]!.start;
        const end = pieces[j]!.end;
        best = { start, end, text: text.slice(start, end), forms };
      }
    }
    return best;
  }

  private walk(node: number, key: string): number | undefined {
    let current: number | undefined = node;
    for (let k = 0; k < key.length && current !== undefined; k++) {
      current = this.child(current, key, k);
    }
    return current;
  }

  private child(node: number, key: string, index: number): number | undefined {
    const code = key.charCodeAt(index);
    return code < ASCII ? this.asciiEdges.get(node, code) : this.otherEdges.get(`${node}:${key[index]}`);
  }

  private addChild(node: number, key: string, index: number): number {
    const child = this.nodeCount++;
    const code = key.charCodeAt(index);
    if (code < ASCII) this.asciiEdges.set(node, code, child);
    else this.otherEdges.set(`${node}:${key[index]}`, child);
    return child;
  }
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** A form's normalised key, or '' for a form that is no term (no letters, too many pieces). */
function keyOf(form: TermForm<string>): string {
  const pieces = splitPieces(form.text);
  return pieces.length <= MAX_TERM_PIECES ? pieces.map((piece) => piece.key).join('') : '';
}

/**
 * An open-addressing hash table from (node, character code) edges to child node ids, in typed arrays: no
 * allocation per entry, which is what made the trie slow to build (a map per node, then one large map that
 * kept growing). The key `node * 128 + code` is kept as a float64, exact for any trie a process can hold
 * (an int32 key overflowed past 16.7 million nodes and lost terms).
 */
export class EdgeTable {
  private keys: Float64Array;
  private values: Int32Array;
  private size = 0;

  constructor(expected: number) {
    const bits = Math.max(4, Math.ceil(Math.log2(Math.max(1, expected) * 2)));
    this.keys = new Float64Array(1 << bits).fill(-1);
    this.values = new Int32Array(1 << bits);
  }

  get(node: number, code: number): number | undefined {
    const key = node * ASCII + code;
    const mask = this.keys.length - 1;
    for (let slot = slotOf(node, code) & mask; ; slot = (slot + 1) & mask) {
      const found = this.keys[slot]!;
      if (found === key) return this.values[slot];
      if (found === -1) return undefined;
    }
  }

  set(node: number, code: number, value: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const key = node * ASCII + code;
    const mask = this.keys.length - 1;
    let slot = slotOf(node, code) & mask;
    while (this.keys[slot] !== -1 && this.keys[slot] !== key) slot = (slot + 1) & mask;
    if (this.keys[slot] === -1) this.size++;
    this.keys[slot] = key;
    this.values[slot] = value;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Float64Array(keys.length * 2).fill(-1);
    this.values = new Int32Array(keys.length * 2);
    this.size = 0;
    keys.forEach((key, slot) => {
      if (key !== -1) this.set(Math.floor(key / ASCII), key % ASCII, values[slot]!);
    });
  }
}

/** A well-spread slot for an edge: both parts multiplied by odd constants, then the high bits folded down. */
function slotOf(node: number, code: number): number {
  let hash = Math.imul(node | 0, 0x9e3779b1) ^ Math.imul(code + 1, 0x85ebca6b);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x7feb352d);
  return (hash ^ (hash >>> 15)) >>> 0;
}

/** Pieces of text[from, to), leaving out a word cut in two by the window's edges. */
function wholePieces(text: string, from: number, to: number): Piece[] {
  const pieces = splitPieces(text.slice(from, to), from);
  const cutAtStart = from > 0 && WORD_CHAR.test(text.charAt(from - 1)) && WORD_CHAR.test(text.charAt(from));
  const cutAtEnd = to < text.length && WORD_CHAR.test(text.charAt(to - 1)) && WORD_CHAR.test(text.charAt(to));
  return pieces.filter((piece) => !(cutAtStart && piece.start === from) && !(cutAtEnd && piece.end === to));
}
