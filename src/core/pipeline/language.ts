import type { Lang } from '../glossary/types';
import { splitPieces } from '../matching/normalize';

// The pipeline's language helpers, in one place: the common words of both languages, how text splits into
// sentences, which language a question is in and whether it says tu or vous.

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

/**
 * Words that say nothing of a question's subject, in both languages: retrieval skips them when it looks for
 * concepts in free text, and the evaluation when it compares an answer's content words with the glossary's.
 */
const STOP_WORDS_TEXT =
  'le la les un une des du de d l est c qu que qui quoi quel quelle quels quelles comment pourquoi et ou en au aux ' +
  'sur dans pour par avec ce cette ces il elle on se sa son ses pas ne plus etre fait faire sont comme mais aussi tout ' +
  'tous the a an is are what which who why how does do of to in on for with this that it its their and or be by as at ' +
  'from can into than more very also each such other me tell about explain explique expliquer moi give donne donner ' +
  'entre between difference differences work works marche fonctionne please stp svp mean means veut dire signifie ' +
  'example exemple simple simplement ca cela use used sert utilise';

/** The stop words as keys of `splitPieces` (so that `this` -> `thi` and `dans` -> `dan` match as well). */
export const STOP_WORD_KEYS: ReadonlySet<string> = new Set(splitPieces(STOP_WORDS_TEXT).map((piece) => piece.key));

/** Where a sentence ends: after . ! or ?, before a capital, a quote, a bracket or a digit. */
const SENTENCE_END = /(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Þ«"(0-9])/u;

/** The sentences of a text (new lines end one too), trimmed, none empty. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/\n+/u)
    .flatMap((line) => line.split(SENTENCE_END))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

/** How the learner addresses the chat in French: « tu » or « vous ». */
export type Register = 'tu' | 'vous';

const TU = /(?:^|[^\p{L}])(?:tu|toi|ton|ta|tes|peux-tu|sais-tu|t'|explique-moi|dis-moi|montre-moi|donne-moi)(?=[^\p{L}]|$)/iu;
const VOUS = /(?:^|[^\p{L}])(?:vous|votre|vos|pouvez|pourriez|expliquez|dites|montrez|donnez)(?=[^\p{L}]|$)/iu;

/**
 * The register of a French question: « vous » when it says vous, « tu » when it says tu (or writes a
 * familiar imperative); otherwise the register of the conversation so far, and « tu » to begin with, as
 * most developers write to a tool.
 */
export function detectRegister(question: string, previous: Register | undefined): Register {
  return explicitRegister(question) ?? previous ?? 'tu';
}

/** Tu or vous, when the question says one. */
export function explicitRegister(question: string): Register | undefined {
  if (VOUS.test(question)) return 'vous';
  if (TU.test(question)) return 'tu';
  return undefined;
}
