import { otherLang, type Concept, type Lang, type SectionName } from '../glossary/types';
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
/** A question in the field that no entry answers and no topic is in play for: said plainly, without a refusal. */
export const NO_ENTRY: Record<Lang, string> = {
  en: "I have no explanation I can vouch for on that exact point, and I would rather not guess. Name the concept, or describe what you see happening, and I will explain what I know about it.",
  fr: "Je n'ai pas d'explication sûre sur ce point précis, et je préfère ne pas deviner. Avec le nom du concept, ou le problème observé décrit en quelques mots, je pourrai expliquer ce que j'en sais.",
};

export const REFUSAL: Record<Lang, string> = {
  en: 'I only know machine-learning concepts, and this question is not about one of them.',
  fr: "Je ne connais que les concepts d'apprentissage automatique, et cette question n'en fait pas partie.",
};

/** The parts of an entry a passage can hold besides its definition (training/prompt_format.py, PARTS). */
export type PassagePart = SectionName | 'example' | 'overview';

/** One line of the prompt's context: a piece of the glossary's own text. */
export interface Passage {
  /** The concepts it belongs to: one, or two for a contrast. */
  readonly conceptIds: readonly string[];
  /**
   * `pointer`: the sentence that points back to an earlier answer when everything asked was shown; `field`: what the
   * concept means in the learner's kind of data; `numbers`: what it means for the learner's own numbers and constraints
   * (pipeline/learnerFacts.ts), which the model reads as a `field` line.
   */
  readonly kind: 'definition' | PassagePart | 'contrast' | 'pointer' | 'field' | 'numbers' | 'step';
  /** The glossary text, on one line. */
  readonly text: string;
  /** The line as the model reads it, `\n` included. */
  readonly line: string;
}

/** The prompt format has room for this many passages (training/prompt_format.py, MAX_PASSAGES). */
export const MAX_PASSAGES = 8;

/** Every run of white space, new lines included, as one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `[<id>] <term> (<term in the other language>) : <definition>\n`, in the answer language. */
export function definitionPassage(concept: Concept, lang: Lang): Passage {
  const text = oneLine(concept[lang].definition);
  const line = `[${concept.id}] ${oneLine(concept[lang].term)} (${oneLine(concept[otherLang(lang)].term)}) : ${text}\n`;
  return { conceptIds: [concept.id], kind: 'definition', text, line };
}

/** `[<id>/<part>] <text>\n`: a part of an entry, a sentence that points back or names, what it means in the learner's data. */
export function partPassage(conceptId: string, part: PassagePart | 'pointer' | 'field' | 'step', text: string): Passage {
  const flat = oneLine(text);
  return { conceptIds: [conceptId], kind: part, text: flat, line: `[${conceptId}/${part}] ${flat}\n` };
}

/** `[<id>|<id>] <text>\n`: what tells two concepts apart (ids in alphabetical order). */
export function contrastPassage(first: string, second: string, text: string): Passage {
  const [a, b] = [first, second].sort();
  const flat = oneLine(text);
  return { conceptIds: [a!, b!], kind: 'contrast', text: flat, line: `[${a}|${b}] ${flat}\n` };
}

/**
 * The prompt, byte for byte as the corpus builder writes it; glossary and user text stay text, so a question
 * or an entry that contains `<|answer|>` cannot forge a special token.
 */
export function buildPrompt(answerLang: Lang, passages: readonly Passage[], question: string): PromptPart[] {
  const context = passages
    .slice(0, MAX_PASSAGES)
    .map((passage) => passage.line)
    .join('');
  return [
    { special: SPECIAL.lang[answerLang] },
    { special: SPECIAL.context },
    ...(context ? [{ text: context }] : []),
    { special: SPECIAL.question },
    { text: `${oneLine(question.replace(/[\u2019\u02bc]/g, "'"))}\n` },
    { special: SPECIAL.answer },
  ];
}
