import type { Glossary } from './glossary';
import type { Concept } from './types';

/** How far each concept sits from the basics: 0 without prerequisites, else one more than its deepest one. */
const depthCache = new WeakMap<Glossary, Map<string, number>>();
const dependentsCache = new WeakMap<Glossary, Map<string, string[]>>();

/** One concept on the walk's path: its prerequisites, the next one to look at, and its depth so far. */
interface Step {
  readonly id: string;
  readonly prerequisites: readonly string[];
  next: number;
  depth: number;
}

/**
 * A walk with its own stack, not a recursion: a user glossary may chain thousands of prerequisites (3,000 entries
 * each naming the two before it overflowed the call stack, and the panel did not open). Each concept is
 * walked once per glossary. A user glossary may close a cycle of prerequisites; a concept met again on the way
 * counts as a basic.
 */
function depthOf(glossary: Glossary, id: string): number {
  let depths = depthCache.get(glossary);
  if (!depths) {
    depths = new Map();
    depthCache.set(glossary, depths);
  }
  const known = depths.get(id);
  if (known !== undefined) return known;
  const onPath = new Set<string>();
  const path: Step[] = [];
  const enter = (next: string) => {
    onPath.add(next);
    path.push({ id: next, prerequisites: prerequisitesOf(glossary, next), next: 0, depth: 0 });
  };
  enter(id);
  while (path.length > 0) {
    const step = path[path.length - 1]!;
    if (step.next < step.prerequisites.length) {
      const next = step.prerequisites[step.next++]!;
      const depth = depths.get(next) ?? (onPath.has(next) ? 0 : undefined);
      if (depth === undefined) enter(next);
      else step.depth = Math.max(step.depth, depth + 1);
      continue;
    }
    path.pop();
    onPath.delete(step.id);
    depths.set(step.id, step.depth);
    const parent = path[path.length - 1];
    if (parent) parent.depth = Math.max(parent.depth, step.depth + 1);
  }
  return depths.get(id)!;
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
        // Pushed, not copied: copying made this quadratic for a concept thousands of entries build on.
        const dependents = index.get(prerequisite);
        if (dependents) dependents.push(concept.id);
        else index.set(prerequisite, [concept.id]);
      }
    }
    dependentsCache.set(glossary, index);
  }
  return (index.get(id) ?? [])
    .flatMap((next) => glossary.get(next) ?? [])
    .sort((a, b) => Number(a.level === 'advanced') - Number(b.level === 'advanced') || a.id.localeCompare(b.id));
}
