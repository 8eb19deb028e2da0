import type { Glossary } from '../glossary/glossary';
import type { Concept, LocalizedConcept } from '../glossary/types';
import { foldCase, singular } from '../matching/normalize';
import { forEachInSlices } from '../slices';
import { STOP_WORD_KEYS } from './language';

/** An entry and how much of a question its whole text holds (BM25). */
export interface CloseEntry {
  readonly concept: Concept;
  readonly score: number;
}

/**
 * A question's words against each entry's whole text (definition, explanation, every section, example and signs,
 * in both languages), for questions that name no concept: « j'aimerais prévoir combien de boîtes je vais vendre la
 * semaine prochaine » holds far more of time series forecasting's text than of any other entry's. Words are judged
 * against all of that text, so that a common word (« commencer », "problem") weighs little even where few
 * definitions have it.
 *
 * Postings are kept in three typed arrays: the bundled glossary's entries make some 200,000 of them, which as a
 * pair of arrays per word cost the extension host 8 MB.
 */
export class WholeEntryIndex {
  private readonly termIds: ReadonlyMap<string, number>;
  /** Each word's postings are docs[offsets[id]..offsets[id + 1]], with how often the entry uses it in `counts`. */
  private readonly offsets: Uint32Array;
  private readonly docs: Uint32Array;
  private readonly counts: Uint8Array;
  private readonly lengths: Uint32Array;
  private readonly averageLength: number;

  private constructor(
    private readonly concepts: readonly Concept[],
    postings: Postings,
  ) {
    ({ termIds: this.termIds, offsets: this.offsets, docs: this.docs, counts: this.counts } = postings);
    this.lengths = Uint32Array.from(postings.documents, (document) => document.length);
    this.averageLength = this.lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, this.lengths.length);
  }

  /** Built from the glossary's entries with their details (a few hundred milliseconds for the bundled glossary). */
  static of(glossary: Glossary): WholeEntryIndex {
    const postings = new Postings();
    for (const concept of glossary.concepts) postings.add(wordsOf(glossary.withDetails(concept)));
    postings.allocate();
    postings.documents.forEach((_, doc) => postings.fill(doc));
    return new WholeEntryIndex(glossary.concepts, postings);
  }

  /**
   * The same index, read and put together a few milliseconds at a time with `pause` between, off the critical path
   * of a question (a user glossary at the size cap has 5,000 entries).
   */
  static async sliced(glossary: Glossary, pause: () => Promise<void>, sliceMs = 8): Promise<WholeEntryIndex> {
    const postings = new Postings();
    await forEachInSlices(glossary.concepts, (concept) => postings.add(wordsOf(glossary.withDetails(concept))), pause, sliceMs);
    postings.allocate();
    await forEachInSlices(postings.documents.keys(), (doc) => postings.fill(doc), pause, sliceMs);
    return new WholeEntryIndex(glossary.concepts, postings);
  }

  /**
   * Whether the glossary's text uses this word (a piece's key): a word it uses is spelt as meant, so no typo of a
   * term ("player" is one letter from "layer", « boîtes » two from « débit »).
   */
  knows(key: string): boolean {
    return !isIndexed(key) || this.termIds.has(key);
  }

  /** The entries whose text holds most of the question, best first; only those in `among` where it is given. */
  closest(question: string, limit = 3, among?: ReadonlySet<string>): CloseEntry[] {
    const scores = new Float64Array(this.concepts.length);
    for (const term of new Set(wordKeys(question))) {
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      const [from, to] = [this.offsets[id]!, this.offsets[id + 1]!];
      for (let i = from; i < to; i++) {
        const doc = this.docs[i]!;
        scores[doc]! += bm25Weight(this.counts[i]!, to - from, this.concepts.length, this.lengths[doc]! / this.averageLength);
      }
    }
    return [...scores.keys()]
      .filter((doc) => scores[doc]! > 0 && (!among || among.has(this.concepts[doc]!.id)))
      .sort((a, b) => scores[b]! - scores[a]!)
      .slice(0, limit)
      .map((doc) => ({ concept: this.concepts[doc]!, score: scores[doc]! }));
  }
}

/**
 * BM25's weight of one word in one document: used `count` times there, in `documentFrequency` of `documents`
 * documents, in a document `relativeLength` times the average length.
 */
export function bm25Weight(count: number, documentFrequency: number, documents: number, relativeLength: number): number {
  const k1 = 1.2;
  const b = 0.75;
  const idf = Math.log(1 + (documents - documentFrequency + 0.5) / (documentFrequency + 0.5));
  return (idf * count * (k1 + 1)) / (count + k1 * (1 - b + b * relativeLength));
}

/** The postings of every word, gathered entry by entry: counted first, then laid out in three typed arrays. */
class Postings {
  readonly termIds = new Map<string, number>();
  readonly documents: EntryWords[] = [];
  private readonly frequency: number[] = [];
  offsets = new Uint32Array(1);
  docs = new Uint32Array(0);
  counts = new Uint8Array(0);
  /** Where the next posting of each word goes, while filling. */
  private next = new Uint32Array(0);

  add(words: EntryWords): void {
    this.documents.push(words);
    for (const term of words.terms.keys()) {
      let id = this.termIds.get(term);
      if (id === undefined) this.termIds.set(term, (id = this.frequency.push(0) - 1));
      this.frequency[id]!++;
    }
  }

  allocate(): void {
    this.offsets = new Uint32Array(this.frequency.length + 1);
    this.frequency.forEach((count, id) => (this.offsets[id + 1] = this.offsets[id]! + count));
    this.docs = new Uint32Array(this.offsets[this.frequency.length]!);
    this.counts = new Uint8Array(this.docs.length);
    this.next = this.offsets.slice(0, this.frequency.length);
  }

  fill(doc: number): void {
    for (const [term, count] of this.documents[doc]!.terms) {
      const at = this.next[this.termIds.get(term)!]!++;
      this.docs[at] = doc;
      this.counts[at] = Math.min(count, 255);
    }
  }
}

/** An entry's words, counted, and how many there are. */
interface EntryWords {
  readonly terms: ReadonlyMap<string, number>;
  readonly length: number;
}

function wordsOf(concept: Concept): EntryWords {
  // Field by field: a field is folded and split at once.
  const keys = wholeText(concept).flatMap(wordKeys);
  const terms = new Map<string, number>();
  for (const key of keys) terms.set(key, (terms.get(key) ?? 0) + 1);
  return { terms, length: keys.length };
}

/** Terms and aliases weigh as much as the definition twice; signs are written in a learner's words. */
function wholeText(concept: Concept): string[] {
  const side = (entry: LocalizedConcept) => [
    entry.term,
    entry.term,
    entry.term,
    ...entry.aliases,
    entry.definition,
    entry.definition,
    entry.explanation ?? '',
    ...Object.values(entry.sections ?? {}),
    entry.example ?? '',
    ...(entry.signs ?? []),
    ...(entry.signs ?? []),
  ];
  return [...side(concept.fr), ...side(concept.en)];
}

/**
 * The words of a text as the matcher keys them (folded case and accents, singular), read the quick way: the whole text
 * folded at once (accents gone), then split on what is not an ASCII letter or digit. splitPieces, which also keeps offsets and splits
 * camelCase, took twice as long over the whole glossary.
 */
function wordKeys(text: string): string[] {
  const keys: string[] = [];
  for (const word of foldCase(text).match(/[a-z0-9]+/g) ?? []) {
    const key = singular(word);
    if (isIndexed(key)) keys.push(key);
  }
  return keys;
}

/** Short words, stop words and numbers say nothing of which entry is meant: they are not indexed. */
function isIndexed(key: string): boolean {
  return key.length > 2 && !STOP_WORD_KEYS.has(key) && !/^\d+$/.test(key);
}
