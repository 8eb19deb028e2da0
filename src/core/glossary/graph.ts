import type { Glossary } from './glossary';
import type { Concept } from './types';

/** How far each concept sits from the basics: 0 without prerequisites, else one more than its deepest one. */
const depthCache = new WeakMap<Glossary, Map<string, number>>();
const dependentsCache = new WeakMap<Glossary, Map<string, string[]>>();

function depthOf(glossary: Glossary, id: string, visiting = new Set<string>()): number {
  let depths = depthCache.get(glossary);
  if (!depths) {
    depths = new Map();
    depthCache.set(glossary, depths);
  }
  const known = depths.get(id);
  if (known !== undefined) return known;
  // A user glossary may close a cycle of prerequisites; a concept met again on the way counts as a basic.
  if (visiting.has(id)) return 0;
  visiting.add(id);
  const prerequisites = prerequisitesOf(glossary, id);
  const depth = prerequisites.length === 0 ? 0 : 1 + Math.max(...prerequisites.map((next) => depthOf(glossary, next, visiting)));
  visiting.delete(id);
  depths.set(id, depth);
  return depth;
}

function prerequisitesOf(glossary: Glossary, id: string): string[] {
  return (glossary.get(id)?.prerequisites ?? []).filter((next) => glossary.get(next));
}

/**
 * A short path from the basics to a concept, for "learn first": starting from the concept, step each time
 * to the prerequisite that needs the most background itself, until a concept that needs none. The concept
 * itself is not included. Every step is a prerequisite of the next, so the path reads in order.
 */
export function learningPath(glossary: Glossary, id: string, maxLength = 6): Concept[] {
  const path: Concept[] = [];
  const seen = new Set([id]);
  let current = id;
  while (path.length < maxLength) {
    const candidates = prerequisitesOf(glossary, current).filter((next) => !seen.has(next));
    if (candidates.length === 0) break;
    const deepest = candidates.reduce((best, next) => (depthOf(glossary, next) > depthOf(glossary, best) ? next : best));
    seen.add(deepest);
    path.unshift(glossary.get(deepest)!);
    current = deepest;
  }
  return path;
}

/** Concepts that list this one as a prerequisite: what it opens the way to, beginners' ones first. */
export function dependentsOf(glossary: Glossary, id: string): Concept[] {
  let index = dependentsCache.get(glossary);
  if (!index) {
    index = new Map();
    for (const concept of glossary.concepts) {
      for (const prerequisite of concept.prerequisites ?? []) {
        index.set(prerequisite, [...(index.get(prerequisite) ?? []), concept.id]);
      }
    }
    dependentsCache.set(glossary, index);
  }
  return (index.get(id) ?? [])
    .flatMap((next) => glossary.get(next) ?? [])
    .sort((a, b) => Number(a.level === 'advanced') - Number(b.level === 'advanced') || a.id.localeCompare(b.id));
}
