import { trigrams } from '../matching/trigrams';
import type { FormIndex } from './formIndex';

// One way to tell that a typed word is a glossary term written with a typo, for every surface: Search Concepts'
// "closest concepts", the panel's "did you mean" and the chat's retrieval all rank a form by the same measure,
// so that they agree on « tranformeur ».

/** Typos tolerated in a term of this length: none in short words, where one edit makes another word. */
export function allowedTypos(length: number): number {
  return length >= 12 ? 2 : length >= 6 ? 1 : 0;
}

/** Optimal string alignment distance (edits, with a swap of neighbours as one), or more than `max`. */
export function editDistance(a: string, b: string, max: number): number {
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** 1 - edits / length when `typed` is `key` with at most the typos its length allows (not `key` itself); else 0. */
export function typoScore(typed: string, key: string): number {
  const allowed = allowedTypos(typed.length);
  if (allowed === 0 || typed === key || Math.abs(key.length - typed.length) > allowed) return 0;
  const distance = editDistance(typed, key, allowed);
  return distance <= allowed ? 1 - distance / typed.length : 0;
}

/**
 * Dice coefficient over character trigrams, with a bonus when one key contains the other and is at least half
 * its length (« zorglub » holds "glu", which says nothing of SwiGLU). `sharedTrigrams`: how many the two keys
 * share, when an index already counted them.
 */
export function similarity(a: string, b: string, sharedTrigrams?: number): number {
  if (a === b) {
    return 1;
  }
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  const containment = shorter.length >= 3 && shorter.length * 2 >= longer.length && longer.includes(shorter) ? 0.3 : 0;
  let shared = sharedTrigrams ?? 0;
  if (sharedTrigrams === undefined) {
    const gramsB = trigrams(b);
    for (const [gram, count] of trigrams(a)) shared += Math.min(count, gramsB.get(gram) ?? 0);
  }
  const dice = (2 * shared) / (a.length + b.length);
  return Math.min(1, dice + containment);
}

/** A form close to what was typed: its owner (an index in the FormIndex's concepts) and how close. */
export interface CloseForm {
  readonly owner: number;
  /** A typo of the form: above 1 (1 + typoScore), so that it ranks before any form only alike in its trigrams. */
  readonly score: number;
  readonly typo: boolean;
}

/**
 * The best form of each concept for a typed key: a typo of a form first (fewest edits), then forms alike in
 * their trigrams (similarity). `typosOnly`: only typos, as the chat wants (a form merely alike is no subject).
 */
export function closestForms(index: FormIndex, typed: string, typosOnly = false): CloseForm[] {
  const best = new Map<number, CloseForm>();
  // Long keys must share two trigrams: one shared trigram never makes a typo of a long word.
  const needed = typosOnly && typed.length >= 8 ? 2 : 1;
  for (const [form, shared] of index.sharedTrigrams(typed)) {
    if (shared < needed) continue;
    const key = index.keys[form]!;
    const typo = typoScore(typed, key);
    const score = typo > 0 ? 1 + typo : typosOnly ? 0 : similarity(typed, key, shared);
    const owner = index.owners[form]!;
    if (score > 0 && score > (best.get(owner)?.score ?? 0)) best.set(owner, { owner, score, typo: typo > 0 });
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.owner - b.owner);
}
