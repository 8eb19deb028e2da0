import { foldCase, normalizeTerm, splitPieces } from '../matching/normalize';
import { MAX_QUERY_CHARS, type Glossary } from './glossary';
import type { Concept } from './types';

/**
 * Concepts with a term or alias that contains what the user typed: those that start with it first, then
 * the shortest such form (`réseau de neurones` before `réseau de neurones convolutif`). The
 * query is compared with the same keys as the matcher, so case, accents, separators and plurals do not
 * matter, and its last word may be unfinished (`réseaux de neu`).
 */
export function filterConcepts(glossary: Glossary, query: string): Concept[] {
  const needles = queryKeys(query.slice(0, MAX_QUERY_CHARS));
  if (needles.length === 0) {
    return [...glossary.concepts];
  }
  // The forms' keys are computed once per glossary (FormIndex), not on every keystroke.
  const { keys, owners, concepts } = glossary.forms;
  const ranks = new Map<number, number>();
  keys.forEach((key, form) => {
    const rank = rankForm(key, needles);
    if (rank < (ranks.get(owners[form]!) ?? NO_MATCH)) ranks.set(owners[form]!, rank);
  });
  return [...ranks.entries()]
    .map(([owner, rank]) => ({ concept: concepts[owner]!, rank }))
    // Ids are ASCII: compared by code unit, which is ten times faster than localeCompare for thousands of ties.
    .sort((a, b) => a.rank - b.rank || (a.concept.id < b.concept.id ? -1 : a.concept.id > b.concept.id ? 1 : 0))
    .map((entry) => entry.concept);
}

/** The query as whole words, and with its last word taken as typed (perhaps unfinished). */
function queryKeys(query: string): string[] {
  const pieces = splitPieces(query);
  if (pieces.length === 0) {
    return [];
  }
  const whole = pieces.map((piece) => piece.key).join('');
  const last = pieces[pieces.length - 1]!;
  const typed = pieces.slice(0, -1).map((piece) => piece.key).join('') + foldCase(query.slice(last.start, last.end));
  return whole === typed ? [whole] : [whole, typed];
}

const NO_MATCH = Number.MAX_SAFE_INTEGER;

/**
 * What Search Concepts lists for a query: the concepts whose forms contain it, or, when none does (a typo such
 * as « tranformeur »), the closest concepts, as the panel's "not found" page shows them.
 */
export function searchConcepts(glossary: Glossary, query: string): { concepts: Concept[]; closest: boolean } {
  const found = filterConcepts(glossary, query);
  return found.length > 0 || !query.trim() ? { concepts: found, closest: false } : { concepts: glossary.suggest(query, 8), closest: true };
}

/** Each written form once: `LLM`, `LLMs` and `llm` are one form to the matcher, and to a reader. */
export function distinctForms(forms: readonly string[]): string[] {
  const seen = new Set<string>();
  return forms.filter((form) => {
    const key = normalizeTerm(form);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Lower is better: forms that start with the query before those that contain it, shorter forms first. */
function rankForm(key: string, needles: readonly string[]): number {
  if (needles.some((needle) => key.startsWith(needle))) {
    return key.length;
  }
  return needles.some((needle) => key.includes(needle)) ? 1000 + key.length : NO_MATCH;
}
