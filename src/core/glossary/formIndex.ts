import { forEachInSlices } from '../slices';
import type { Concept } from './types';

type FormsByKey = ReadonlyMap<string, ReadonlyArray<{ readonly conceptId: string; readonly derived?: boolean }>>;

/**
 * Every term and alias of a glossary by the key the matcher gave it (case, accents, separators and plurals
 * folded), with an index of the keys' character trigrams: Search Concepts asks on every keystroke, and
 * normalising every form again each time took 420 ms a keystroke and 1.8 s for "not found" with a team glossary
 * at the 2 MB cap. Built at the first search (a few milliseconds for the bundled glossary), or beforehand a slice
 * at a time for a big one (`sliced`): at the cap it is some 50 ms of work.
 */
export class FormIndex {
  /** The key of each form, and the index in `concepts` of the concept it belongs to (one entry per concept and key). */
  readonly keys: string[] = [];
  readonly owners: number[] = [];
  /** For each trigram, the forms that have it, listed once for each time they have it. */
  private readonly postings = new Map<string, number[]>();
  private readonly ownerOf: ReadonlyMap<string, number>;

  private constructor(readonly concepts: readonly Concept[]) {
    this.ownerOf = new Map(concepts.map((concept, index) => [concept.id, index]));
  }

  static of(concepts: readonly Concept[], formsByKey: FormsByKey): FormIndex {
    const index = new FormIndex(concepts);
    for (const entry of formsByKey) index.add(entry);
    return index;
  }

  /** The same index, built a few milliseconds at a time with `pause` between. */
  static async sliced(concepts: readonly Concept[], formsByKey: FormsByKey, pause: () => Promise<void>): Promise<FormIndex> {
    const index = new FormIndex(concepts);
    await forEachInSlices(formsByKey, (entry) => index.add(entry), pause);
    return index;
  }

  private add([key, forms]: [string, ReadonlyArray<{ readonly conceptId: string; readonly derived?: boolean }>]): void {
    const first = this.keys.length;
    for (const form of forms) {
      // Only what a glossary writes: a form the matcher derives (a code abbreviation) is no term to search.
      const owner = form.derived ? undefined : this.ownerOf.get(form.conceptId);
      if (owner === undefined || this.hasSince(first, owner)) continue;
      const index = this.keys.push(key) - 1;
      this.owners.push(owner);
      for (const gram of paddedTrigrams(key)) {
        const postings = this.postings.get(gram);
        if (postings) postings.push(index);
        else this.postings.set(gram, [index]);
      }
    }
  }

  /** Whether the entries from `first` on (those of one key: a few) already belong to `owner`. */
  private hasSince(first: number, owner: number): boolean {
    for (let i = first; i < this.owners.length; i++) if (this.owners[i] === owner) return true;
    return false;
  }

  /**
   * How many trigrams each form shares with `query` (counted as often as both have them); forms that share none
   * are left out. The work is that of the postings of the query's trigrams, not of every form.
   */
  sharedTrigrams(query: string): Map<number, number> {
    const shared = new Map<number, number>();
    for (const [gram, queryCount] of countedTrigrams(query)) {
      const forms = this.postings.get(gram);
      if (!forms) continue;
      // A form's entries for one trigram are next to each other: n of them, it shares min(n, queryCount).
      for (let i = 0; i < forms.length; ) {
        const form = forms[i]!;
        const start = i;
        while (i < forms.length && forms[i] === form) i++;
        shared.set(form, (shared.get(form) ?? 0) + Math.min(i - start, queryCount));
      }
    }
    return shared;
  }
}

/** Trigrams of `key` with a space on each side (as `trigrams` counts them), one at a time. */
function* paddedTrigrams(key: string): Generator<string> {
  const padded = ` ${key} `;
  for (let i = 0; i + 3 <= padded.length; i++) yield padded.slice(i, i + 3);
}

function countedTrigrams(key: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const gram of paddedTrigrams(key)) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  return counts;
}
