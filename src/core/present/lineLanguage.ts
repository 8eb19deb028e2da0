import type { Lang } from '../glossary/types';
import { detectLanguage } from '../pipeline/language';

/** At least this many words around a term make a sentence whose language can be told. */
const MIN_WORDS = 3;

/**
 * The language of the sentence a term sits in, when the rest of its line reads as prose in one language: in
 * « Les LLMs inventent parfois des sources », "LLMs" is an English form but the sentence is French, so the French
 * side of the concept is shown. Undefined when the line is too short or too mixed to tell, or is code whose
 * names are letters (`for d in l:`): the term's own language decides then.
 */
export function lineLanguage(line: string, start: number, end: number): Lang | undefined {
  const around = `${line.slice(0, Math.max(0, start))} ${line.slice(Math.max(start, end))}`.slice(0, 2000);
  // Words of two letters or more, and elided ones (« l'affinage »): one-letter names in code say nothing.
  const words = around.match(/\p{L}['’]\p{L}+|\p{L}{2,}[\p{L}-]*/gu) ?? [];
  if (words.length < MIN_WORDS) return undefined;
  const text = words.join(' ');
  const french = detectLanguage(text, 'fr');
  return french === detectLanguage(text, 'en') ? french : undefined;
}
