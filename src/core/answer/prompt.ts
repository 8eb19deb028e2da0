import type { Concept, Lang } from '../glossary/types';
import type { PromptPart } from '../model/runtime';

/** Special tokens of the prompt format (training/PROMPT_FORMAT.md). */
export const SPECIAL = {
  endOfText: '<|endoftext|>',
  lang: { fr: '<|lang_fr|>', en: '<|lang_en|>' } as Record<Lang, string>,
  context: '<|context|>',
  question: '<|question|>',
  answer: '<|answer|>',
} as const;

/** The answer to a question about nothing the glossary knows; the model is trained to give it too. */
export const REFUSAL: Record<Lang, string> = {
  en: 'I only know machine-learning concepts, and this question is not about one of them.',
  fr: "Je ne connais que les concepts d'apprentissage automatique, et cette question n'en fait pas partie.",
};

/** Every run of white space, new lines included, as one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `[<id>] <term> (<term in the other language>) : <definition>\n`, in the answer language. */
export function contextLine(concept: Concept, lang: Lang): string {
  const other = lang === 'fr' ? 'en' : 'fr';
  return `[${concept.id}] ${oneLine(concept[lang].term)} (${oneLine(concept[other].term)}) : ${oneLine(concept[lang].definition)}\n`;
}

/**
 * The prompt, byte for byte as the corpus builder writes it; user text stays text, so a question that
 * contains `<|answer|>` cannot forge a special token.
 */
export function buildPrompt(answerLang: Lang, entries: readonly Concept[], question: string): PromptPart[] {
  const context = entries.map((concept) => contextLine(concept, answerLang)).join('');
  return [
    { special: SPECIAL.lang[answerLang] },
    { special: SPECIAL.context },
    ...(context ? [{ text: context }] : []),
    { special: SPECIAL.question },
    { text: `${oneLine(question.replace(/[\u2019\u02bc]/g, "'"))}\n` },
    { special: SPECIAL.answer },
  ];
}

/** The glossary ids an answer cites as `[id]`. */
export function citedIds(answer: string): string[] {
  return [...new Set([...answer.matchAll(/\[([a-z0-9]+(?:-[a-z0-9]+)*)\]/g)].map((match) => match[1]!))];
}
