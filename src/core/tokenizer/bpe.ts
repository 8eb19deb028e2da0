import { fromByteChars, GPT2_SPLIT, toByteChars } from './byteLevel';

/** The parts of a Hugging Face `tokenizer.json` that byte-level BPE needs. */
interface TokenizerJson {
  model?: { type?: string; vocab?: Record<string, number>; merges?: Array<string | [string, string]>; unk_token?: string | null };
  added_tokens?: Array<{ id: number; content: string; special?: boolean }>;
  pre_tokenizer?: PreTokenizerJson | null;
  decoder?: { type?: string; decoders?: Array<{ type?: string }> } | null;
}

interface PreTokenizerJson {
  type?: string;
  add_prefix_space?: boolean;
  use_regex?: boolean;
  pretokenizers?: PreTokenizerJson[];
  pattern?: { Regex?: string; String?: string };
  behavior?: string;
}

export interface EncodeOptions {
  /** Read added tokens written in the text (`<|endoftext|>`) as themselves. Off for user text. */
  readonly parseSpecial?: boolean;
}

/** A byte-level BPE tokenizer loaded from any Hugging Face `tokenizer.json` of that kind (GPT-2, ours, ...). */
export class BpeTokenizer {
  private readonly vocab: ReadonlyMap<string, number>;
  private readonly idToToken: string[] = [];
  private readonly ranks = new Map<string, number>();
  private readonly added: ReadonlyMap<string, number>;
  private readonly addedPattern: RegExp | undefined;
  private readonly split: RegExp;
  private readonly addPrefixSpace: boolean;
  private readonly cache = new Map<string, number[]>();
  private readonly unkId: number | undefined;
  readonly specialIds: ReadonlySet<number>;

  constructor(json: TokenizerJson) {
    const model = json.model;
    if (model?.type !== 'BPE' || !model.vocab || !model.merges) {
      throw new Error('tokenizer.json: only byte-level BPE models ("model.type": "BPE" with vocab and merges) are supported');
    }
    this.vocab = new Map(Object.entries(model.vocab));
    for (const [token, id] of this.vocab) this.idToToken[id] = token;
    model.merges.forEach((merge, rank) => {
      const [left, right] = typeof merge === 'string' ? splitMerge(merge) : merge;
      this.ranks.set(`${left} ${right}`, rank);
    });
    const added = json.added_tokens ?? [];
    for (const token of added) this.idToToken[token.id] = token.content;
    this.added = new Map(added.map((token) => [token.content, token.id]));
    this.specialIds = new Set(added.filter((token) => token.special).map((token) => token.id));
    this.addedPattern = added.length > 0 ? new RegExp(added.map((t) => escapeRegExp(t.content)).sort((a, b) => b.length - a.length).join('|'), 'g') : undefined;
    const pre = readPreTokenizer(json.pre_tokenizer);
    this.split = pre.split;
    this.addPrefixSpace = pre.addPrefixSpace;
    this.unkId = model.unk_token ? this.vocab.get(model.unk_token) : undefined;
  }

  static fromJson(text: string): BpeTokenizer {
    return new BpeTokenizer(JSON.parse(text) as TokenizerJson);
  }

  get vocabSize(): number {
    return this.idToToken.length;
  }

  /** The id of an added token such as `<|endoftext|>`. */
  tokenId(content: string): number {
    const id = this.added.get(content) ?? this.vocab.get(content);
    if (id === undefined) throw new Error(`tokenizer.json has no token "${content}"`);
    return id;
  }

  encode(text: string, options: EncodeOptions = {}): number[] {
    if (!options.parseSpecial || !this.addedPattern) {
      return this.encodeOrdinary(text);
    }
    const ids: number[] = [];
    let last = 0;
    // Loops, not push(...): the text between two special tokens may be long enough to overflow a call's arguments.
    for (const match of text.matchAll(this.addedPattern)) {
      for (const id of this.encodeOrdinary(text.slice(last, match.index))) ids.push(id);
      ids.push(this.added.get(match[0])!);
      last = (match.index ?? 0) + match[0].length;
    }
    for (const id of this.encodeOrdinary(text.slice(last))) ids.push(id);
    return ids;
  }

  private encodeOrdinary(text: string): number[] {
    if (!text) return [];
    const input = this.addPrefixSpace && !text.startsWith(' ') ? ` ${text}` : text;
    const ids: number[] = [];
    for (const piece of input.match(this.split) ?? []) {
      // A loop, not push(...ids): a piece of a hundred thousand characters would overflow the call's arguments.
      for (const chunk of chunksOf(toByteChars(piece))) for (const id of this.encodeWord(chunk)) ids.push(id);
    }
    return ids;
  }

  private encodeWord(word: string): number[] {
    const cached = this.cache.get(word);
    if (cached) return cached;
    const ids = this.mergeWord(word).map((symbol) => this.symbolId(symbol));
    if (this.cache.size < 50_000) this.cache.set(word, ids);
    return ids;
  }

  /** Merges the adjacent pair of lowest rank until none is left, as BPE was trained. */
  private mergeWord(word: string): string[] {
    let symbols = Array.from(word);
    while (symbols.length > 1) {
      let bestRank = Infinity;
      let best = -1;
      for (let i = 0; i < symbols.length - 1; i++) {
        const rank = this.ranks.get(`${symbols[i]} ${symbols[i + 1]}`);
        if (rank !== undefined && rank < bestRank) {
          bestRank = rank;
          best = i;
        }
      }
      if (best < 0) break;
      const left = symbols[best]!;
      const right = symbols[best + 1]!;
      const merged: string[] = [];
      for (let i = 0; i < symbols.length; i++) {
        if (i < symbols.length - 1 && symbols[i] === left && symbols[i + 1] === right) {
          merged.push(left + right);
          i++;
        } else {
          merged.push(symbols[i]!);
        }
      }
      symbols = merged;
    }
    return symbols;
  }

  private symbolId(symbol: string): number {
    const id = this.vocab.get(symbol) ?? this.unkId;
    if (id === undefined) throw new Error(`tokenizer.json: no id for the byte-level symbol "${symbol}"`);
    return id;
  }

  /** The bytes a token stands for (an added token: its text). */
  tokenBytes(id: number): Uint8Array {
    const token = this.idToToken[id];
    if (token === undefined) throw new Error(`token id ${id} is outside the vocabulary`);
    return this.added.has(token) ? new TextEncoder().encode(token) : Uint8Array.from(fromByteChars(token));
  }

  decode(ids: readonly number[], options: { skipSpecial?: boolean } = {}): string {
    const decoder = new StreamDecoder(this, options.skipSpecial ?? false);
    return ids.map((id) => decoder.push(id)).join('') + decoder.flush();
  }
}

/** Turns ids into text one at a time, never splitting a UTF-8 character across two pieces. */
export class StreamDecoder {
  private readonly utf8 = new TextDecoder('utf-8');

  constructor(
    private readonly tokenizer: BpeTokenizer,
    private readonly skipSpecial: boolean,
  ) {}

  push(id: number): string {
    if (this.skipSpecial && this.tokenizer.specialIds.has(id)) return '';
    return this.utf8.decode(this.tokenizer.tokenBytes(id), { stream: true });
  }

  flush(): string {
    return this.utf8.decode();
  }
}

/**
 * Merging is quadratic in a piece's length: a piece longer than any word (a line of 100,000 letters) is merged
 * in chunks of this many byte symbols, which only changes how such non-words are cut.
 */
const MAX_PIECE_SYMBOLS = 256;

function chunksOf(word: string): string[] {
  if (word.length <= MAX_PIECE_SYMBOLS) return [word];
  const symbols = Array.from(word);
  const chunks: string[] = [];
  for (let i = 0; i < symbols.length; i += MAX_PIECE_SYMBOLS) chunks.push(symbols.slice(i, i + MAX_PIECE_SYMBOLS).join(''));
  return chunks;
}

function splitMerge(merge: string): [string, string] {
  const space = merge.indexOf(' ', 1);
  return [merge.slice(0, space), merge.slice(space + 1)];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function readPreTokenizer(json: PreTokenizerJson | null | undefined): { split: RegExp; addPrefixSpace: boolean } {
  if (!json) return { split: /[\s\S]+/gu, addPrefixSpace: false };
  if (json.type === 'ByteLevel') {
    return { split: json.use_regex === false ? /[\s\S]+/gu : GPT2_SPLIT, addPrefixSpace: json.add_prefix_space ?? false };
  }
  if (json.type === 'Sequence' && json.pretokenizers) {
    const splitStep = json.pretokenizers.find((step) => step.type === 'Split');
    const byteLevel = json.pretokenizers.find((step) => step.type === 'ByteLevel');
    const regex = splitStep?.pattern?.Regex;
    if (regex && byteLevel && splitStep?.behavior === 'Isolated') {
      return { split: compileSplit(regex), addPrefixSpace: byteLevel.add_prefix_space ?? false };
    }
  }
  throw new Error(`tokenizer.json: unsupported pre_tokenizer ${JSON.stringify(json).slice(0, 120)}`);
}

function compileSplit(pattern: string): RegExp {
  try {
    return new RegExp(pattern, 'gu');
  } catch (error) {
    throw new Error(`tokenizer.json: the Split pattern is not a JavaScript regular expression (${(error as Error).message})`);
  }
}
