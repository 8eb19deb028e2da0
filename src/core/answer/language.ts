import type { Lang } from '../glossary/types';

const FRENCH_WORDS = new Set(
  ("le la les un une des du de d l est c qu que qui quoi quel quelle quels quelles comment pourquoi et ou en au aux " +
    "sur dans pour avec sans entre ce cette ces mon ma mes ton ta tes son sa ses je tu il elle nous vous ils elles " +
    "explique expliquer explique-moi donne exemple différence signifie veut dire peux pouvez est-ce c'est quoi " +
    "mot anglais français simplement svp stp merci bonjour salut se dit appelle").split(' '),
);
const ENGLISH_WORDS = new Set(
  ("the a an is are was what which who why how does do did of to in on for with without between this that these " +
    "those my your his her its our their i you he she we they explain give example difference mean means say " +
    "english french simply please thanks hello hi can could would should tell me about vs versus").split(' '),
);

/**
 * The language of a question, from its common words and French letters; `fallback` when it is unclear
 * (a bare term such as "GPT").
 */
export function detectLanguage(text: string, fallback: Lang): Lang {
  let score = 0;
  for (const word of text.toLowerCase().split(/[^\p{L}']+/u)) {
    if (FRENCH_WORDS.has(word)) score += 1;
    if (ENGLISH_WORDS.has(word)) score -= 1;
  }
  score += (text.match(/[éèêàùçœâîôû«»]/giu) ?? []).length * 0.5;
  if (/\b(?:qu|c|l|d|j|n)['’]/iu.test(text)) score += 1;
  return score > 0 ? 'fr' : score < 0 ? 'en' : fallback;
}
