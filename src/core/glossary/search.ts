import { foldCase } from '../matching/normalize';
import { formsOf, type Glossary } from './glossary';
import type { Concept } from './types';

/** Concepts with a term or alias containing the query, those that start with it first. */
export function filterConcepts(glossary: Glossary, query: string): Concept[] {
  const needle = compact(query);
  if (!needle) {
    return [...glossary.concepts];
  }
  const ranked: Array<{ concept: Concept; rank: number }> = [];
  for (const concept of glossary.concepts) {
    const keys = formsOf(concept).map((form) => compact(form.text));
    const rank = keys.some((key) => key.startsWith(needle)) ? 0 : keys.some((key) => key.includes(needle)) ? 1 : -1;
    if (rank >= 0) {
      ranked.push({ concept, rank });
    }
  }
  return ranked.sort((a, b) => a.rank - b.rank || a.concept.id.localeCompare(b.concept.id)).map((entry) => entry.concept);
}

function compact(text: string): string {
  return foldCase(text).replace(/[^\p{L}\p{N}]+/gu, '');
}
