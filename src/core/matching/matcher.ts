import { forEachInSlices } from '../slices';
import { splitPieces, type Piece } from './normalize';
import { genericRulesFor, ruleHolds, widenEnd, widenStart, type FormRule, type MatchContext, type Surroundings } from './rules';

export type { MatchContext } from './rules';

/** One way of writing a concept: its preferred term or an alias, in one language. */
export interface TermForm<L extends string = string> {
  readonly conceptId: string;
  readonly lang: L;
  readonly text: string;
  readonly preferred: boolean;
  /**
   * When the form counts, for a form of the code-terms table or a glossary form that is an everyday word: it
   * counts where one of its rules holds (none: only within a longer term). No rules: everywhere.
   */
  readonly rules?: readonly FormRule[];
  /** Not written in a glossary: a form of the code-terms table. */
  readonly derived?: boolean;
  /** Written the same in both languages (an identifier): `lang` is only one of them. */
  readonly anyLang?: boolean;
}

/** A span of text that names one or more concepts (a form shared by two languages names one concept twice). */
export interface TermMatch<L extends string = string> {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The forms that count here, those whose sense the context chose first. */
  readonly forms: readonly TermForm<L>[];
  /** The forms of the same words that the context ruled out (another sense). */
  readonly passedOver?: readonly TermForm<L>[];
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
  /** Nodes with a form that counts only in some contexts: the others skip every check. */
  private readonly conditionalNodes = new Set<number>();
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

  private add(added: TermForm<L>, key: string): void {
    let node = ROOT;
    for (let k = 0; k < key.length; k++) {
      node = this.child(node, key, k) ?? this.addChild(node, key, k);
    }
    // A glossary form that is an everyday word (`parameters`, `scaling`) counts alone only where it names the concept.
    const generic = added.rules ? undefined : genericRulesFor(key);
    const form = generic ? { ...added, rules: generic } : added;
    if (form.rules || isAcronym(form)) this.conditionalNodes.add(node);
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

  /**
   * The longest term covering `offset` (start <= offset < end) in a bounded window of `text`. With a context,
   * the forms that depend on it are weighed (see `rules.ts`); `[low, high)` is the part of the text the term must
   * stay in (a comment, a code span). A term never crosses a `|` (a Markdown table cell's border).
   */
  matchAt(text: string, offset: number, context?: MatchContext, low = 0, high = text.length): TermMatch<L> | undefined {
    const from = Math.max(low, offset - this.windowRadius);
    const to = Math.min(high, offset + this.windowRadius);
    // A term never spans a `|`: the walk through the trie stops there (see `joinable`).
    const pieces = wholePieces(text, from, to, from > low, to < high);
    let best: TermMatch<L> | undefined;
    for (let i = 0; i < pieces.length && pieces[i]!.start <= offset; i++) {
      const match = this.longestFrom(text, pieces, i, context, offset);
      if (match && match.end > offset && (!best || match.end - match.start > best.end - best.start)) {
        best = match;
      }
    }
    return best;
  }

  /** Every term in the text, leftmost-longest, without overlaps (a context weighs the forms that depend on it). */
  findAll(text: string, context?: MatchContext): TermMatch<L>[] {
    const pieces = splitPieces(text);
    const matches: TermMatch<L>[] = [];
    for (let i = 0; i < pieces.length; i++) {
      const match = this.longestFrom(text, pieces, i, context);
      if (match) {
        matches.push(match);
        while (i + 1 < pieces.length && pieces[i + 1]!.start < match.end) {
          i++;
        }
      }
    }
    return matches;
  }

  /**
   * The longest term starting at piece `first` whose forms count here: the walk through the trie notes each
   * node with forms, then the longest one that counts wins (a shorter term may count where a longer one does not).
   */
  private longestFrom(text: string, pieces: readonly Piece[], first: number, context: MatchContext | undefined, mustCover = -1): TermMatch<L> | undefined {
    let node: number | undefined = ROOT;
    let found = 0;
    const last = Math.min(pieces.length, first + MAX_TERM_PIECES);
    for (let j = first; j < last && node !== undefined; j++) {
      if (j > first && !joinable(text, pieces[j - 1]!.end, pieces[j]!.start, context)) break;
      node = this.walk(node, pieces[j]!.key);
      if (node !== undefined && this.nodeForms.has(node)) {
        FOUND_NODES[found] = node;
        FOUND_ENDS[found++] = j;
      }
    }
    // A hover needs a term over its offset: when the longest candidate ends before it, so do the others.
    if (found > 0 && mustCover >= 0) {
      const last = FOUND_ENDS[found - 1]!;
      if (pieces[context?.code ? widenEnd(text, pieces, last) : last]!.end <= mustCover) return undefined;
    }
    for (let n = found - 1; n >= 0; n--) {
      const match = this.matchOf(text, pieces, first, FOUND_ENDS[n]!, FOUND_NODES[n]!, context);
      if (match) return match;
    }
    return undefined;
  }

  /** The match of a node's forms over pieces `[first, last]`, if any of them counts here. */
  private matchOf(text: string, pieces: readonly Piece[], first: number, last: number, node: number, context: MatchContext | undefined): TermMatch<L> | undefined {
    const all = this.nodeForms.get(node)!;
    const from = context?.code ? widenStart(text, pieces, first) : first;
    const to = context?.code ? widenEnd(text, pieces, last) : last;
    const conditional = this.conditionalNodes.has(node);
    // A derived short form (always conditional) is a whole identifier (`attn`, not the `attn` of `attn_dropout`); a
    // one-word form is not two words of the text (`tokenise` is not "token is"); a dotted name only matches a form
    // written with the dot (`self.attention` is not self-attention).
    const inIdentifier = conditional && context !== undefined && (joinsIdentifier(text, pieces, from - 1) || joinsIdentifier(text, pieces, to));
    const spaced = context !== undefined && last > first && gapHas(text, pieces, first, last, SPACE);
    const dotted = context?.code === true && last > first && gapHas(text, pieces, first, last, DOT);
    let forms: readonly TermForm<L>[] = all;
    let passedOver: TermForm<L>[] | undefined;
    if (conditional || spaced || dotted) {
      const around: Surroundings = { text, pieces, first, last };
      const matched = text.slice(pieces[first]!.start, pieces[last]!.end);
      const preferred: TermForm<L>[] = [];
      const plain: TermForm<L>[] = [];
      for (const form of all) {
        const fits =
          !(inIdentifier && form.derived && isOneWord(form.text)) &&
          !(spaced && isOneWord(form.text)) &&
          !(dotted && !form.text.includes('.')) &&
          !(context && isAcronym(form) && !acronymWritten(form.text, matched));
        const holding = fits && form.rules ? form.rules.find((rule) => ruleHolds(rule, context, around)) : undefined;
        if (fits && !form.rules) plain.push(form);
        else if (holding) (context && holding.prefer ? preferred : plain).push(form);
        else (passedOver ??= []).push(form);
      }
      forms = [...preferred, ...plain];
      if (forms.length === 0) return undefined;
    }
    const start = pieces[from]!.start;
    const end = pieces[to]!.end;
    return passedOver ? { start, end, text: text.slice(start, end), forms, passedOver } : { start, end, text: text.slice(start, end), forms };
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
/** `|`: a Markdown table cell's border, which no term crosses. */
const BAR = 124;
/** The trie nodes with forms met by one walk, and the piece each ends on (a walk is at most MAX_TERM_PIECES long). */
const FOUND_NODES = new Int32Array(MAX_TERM_PIECES);
const FOUND_ENDS = new Int32Array(MAX_TERM_PIECES);

const SPACE = (code: number) => code === 32 || code === 9 || code === 0xa0 || code === 10 || code === 13;
const DOT = (code: number) => code === 46;
/** What may stand between two words of a term in code: `self_attention`, `nn.Linear`, `fine-tune`, a string's spaces. */
function codeJoiner(code: number): boolean {
  return code === 32 || code === 95 || code === 46 || code === 45 || code === 39 || code === 0x2019 || code === 9;
}

/** Whether the words ending at `from` and starting at `to` may belong to one term: never across `|`, nor across an operator in code. */
function joinable(text: string, from: number, to: number, context: MatchContext | undefined): boolean {
  for (let k = from; k < to; k++) {
    const code = text.charCodeAt(k);
    if (code === BAR || (context?.code && !codeJoiner(code))) return false;
  }
  return true;
}

/** Whether piece `at` and the next are parts of one identifier (`lr_decay`, `topK`, `ln1`). */
function joinsIdentifier(text: string, pieces: readonly Piece[], at: number): boolean {
  if (at < 0 || at + 1 >= pieces.length) return false;
  const end = pieces[at]!.end;
  const next = pieces[at + 1]!.start;
  return next === end || (next === end + 1 && text.charCodeAt(end) === 95);
}

/** Whether a gap between two pieces of `[first, last]` holds a character `is` accepts. */
function gapHas(text: string, pieces: readonly Piece[], first: number, last: number, is: (code: number) => boolean): boolean {
  for (let k = first; k < last; k++) {
    for (let at = pieces[k]!.end; at < pieces[k + 1]!.start; at++) if (is(text.charCodeAt(at))) return true;
  }
  return false;
}

/** A form written as one word: no separator, no camelCase, no digits after letters. */
function isOneWord(text: string): boolean {
  return !/[\s_.\-/'’]|\p{Ll}\p{Lu}|\p{L}\p{N}/u.test(text);
}

/**
 * An acronym of the glossary (`SHAP`, `GAN`) or a name in mixed capitals (`ScaNN`, `LoRA`): a key that everyday
 * words can share once folded (`shapes`, « scannés »).
 */
function isAcronym(form: TermForm<string>): boolean {
  return !form.rules && (/^[A-Z][A-Z0-9]{1,5}$/.test(form.text) || /^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z0-9]{2,9}$/.test(form.text));
}

/** The acronym as the text writes it, in any case, or its plural (`GPTs`), not a longer word folded onto it. */
function acronymWritten(acronym: string, text: string): boolean {
  const written = text.toLowerCase();
  const folded = acronym.toLowerCase();
  return written === folded || written === `${folded}s`;
}

/** A form's normalised key, or '' for a form that is no term (no letters, too many pieces). */
function keyOf(form: TermForm<string>): string {
  // The code-terms table's forms are the same for every glossary: their keys are worked out once.
  const known = form.derived ? DERIVED_KEYS.get(form.text) : undefined;
  if (known !== undefined) return known;
  const pieces = splitPieces(form.text);
  const key = pieces.length <= MAX_TERM_PIECES ? pieces.map((piece) => piece.key).join('') : '';
  if (form.derived) DERIVED_KEYS.set(form.text, key);
  return key;
}

const DERIVED_KEYS = new Map<string, string>();

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

/**
 * Pieces of text[from, to), leaving out a word cut in two by the window's edges (`mayCutStart`, `mayCutEnd`:
 * the edge is the window's, not a border of the text the term must stay in).
 */
function wholePieces(text: string, from: number, to: number, mayCutStart: boolean, mayCutEnd: boolean): Piece[] {
  const pieces = splitPieces(text.slice(from, to), from);
  const cutAtStart = mayCutStart && WORD_CHAR.test(text.charAt(from - 1)) && WORD_CHAR.test(text.charAt(from));
  const cutAtEnd = mayCutEnd && WORD_CHAR.test(text.charAt(to - 1)) && WORD_CHAR.test(text.charAt(to));
  return pieces.filter((piece) => !(cutAtStart && piece.start === from) && !(cutAtEnd && piece.end === to));
}
