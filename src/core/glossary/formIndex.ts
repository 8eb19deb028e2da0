import type { Concept } from './types';

/**
 * Every term and alias of a glossary by the key the matcher gave it (case, accents, separators and plurals
 * folded), and, built the first time a "did you mean" needs them, the keys' character trigrams: Search Concepts
 * asks on every keystroke, and normalising every form again each time took 420 ms a keystroke and 1.8 s for
 * "not found" with a team glossary at the 2 MB cap.
 */
export class FormIndex {
  /** The key of each form, and the index in `concepts` of the concept it belongs to (one entry per concept and key). */
  readonly keys: string[] = [];
  readonly owners: number[] = [];
  /** For each trigram, the forms that have it, listed once for each time they have it. */
  private postings: Map<string, number[]> | undefined;

  constructor(
    readonly concepts: readonly Concept[],
    formsByKey: ReadonlyMap<string, ReadonlyArray<{ readonly conceptId: string; readonly derived?: boolean }>>,
  ) {
    const ownerOf = new Map(concepts.map((concept, index) => [concept.id, index]));
    for (const [key, forms] of formsByKey) {
      const first = this.keys.length;
      for (const form of forms) {
        // Only what a glossary writes: a form the matcher derives (a code abbreviation) is no term to search.
        const owner = form.derived ? undefined : ownerOf.get(form.conceptId);
        if (owner === undefined || this.hasSince(first, owner)) continue;
        this.keys.push(key);
        this.owners.push(owner);
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
    const postings = (this.postings ??= trigramPostings(this.keys));
    const shared = new Map<number, number>();
    for (const [gram, queryCount] of countedTrigrams(query)) {
      const forms = postings.get(gram);
      if (!forms) continue;
      // A form's entries for one trigram are next to each other: n of them, it shares min(n, queryCount).
      for (let i = 0; i < forms.length; ) {
        const form = forms[i]!;
        const start = i;
        while (i < forms.length && forms[i] === form) i++;
        const run = i - start;
        shared.set(form, (shared.get(form) ?? 0) + Math.min(run, queryCount));
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

function trigramPostings(keys: readonly string[]): Map<string, number[]> {
  const postings = new Map<string, number[]>();
  keys.forEach((key, form) => {
    for (const gram of paddedTrigrams(key)) {
      const forms = postings.get(gram);
      if (forms) forms.push(form);
      else postings.set(gram, [form]);
    }
  });
  return postings;
}
