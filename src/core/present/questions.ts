import type { Lang } from '../glossary/types';
import { definiteTerm, ofDefiniteTerm, ofTerm, whatIsQuestion } from '../pipeline/phrasing';

// The sentences the extension writes around a term outside the answers themselves: the chat view's examples,
// "Ask the chat", the follow-ups of `@concepts`. Each goes through the phrasing rules, so a term gets its article
// and elision (« Qu'est-ce que l'exactitude ? », « Donne un exemple d'affinage. », "an example of a multilayer
// perceptron"). Written with plain spaces: `typeset` adds French no-break spaces where the text is shown.

/** The chat view's example questions, one template a term, in turn. */
export const EXAMPLE_QUESTIONS: ReadonlyArray<Record<Lang, (term: string) => string>> = [
  { en: (t) => whatIsQuestion(t, 'en'), fr: (t) => whatIsQuestion(t, 'fr') },
  { en: (t) => `Explain ${definiteTerm(t, 'en')} simply.`, fr: (t) => `Explique-moi ${definiteTerm(t, 'fr')} simplement.` },
  { en: (t) => `Give an example ${ofTerm(t, 'en')}.`, fr: (t) => `Donne un exemple ${ofTerm(t, 'fr')}.` },
];

/** Example questions about these terms: the first gets the first template, and so on. */
export function exampleQuestions(terms: readonly string[], lang: Lang): string[] {
  return terms.map((term, index) => EXAMPLE_QUESTIONS[index % EXAMPLE_QUESTIONS.length]![lang](term));
}

/** The draft "Ask the chat" puts in the chat's input: « À propos de l'affinage : », "About fine-tuning: ". */
export function aboutConcept(term: string, lang: Lang): string {
  // « à propos du surapprentissage », « à propos de l'affinage », « à propos d'Adagrad »
  return lang === 'fr' ? `À propos ${ofDefiniteTerm(term, 'fr')} : ` : `About ${definiteTerm(term, 'en')}: `;
}

/** `@concepts`' follow-up that asks for a simpler explanation. */
export function simplerQuestion(term: string, lang: Lang): string {
  return lang === 'fr' ? `Explique-moi ${definiteTerm(term, 'fr')} plus simplement.` : `Explain ${definiteTerm(term, 'en')} more simply.`;
}

/** The label of `@concepts`' follow-up that compares with another concept. */
export function compareWithLabel(other: string, lang: Lang): string {
  return lang === 'fr' ? `Comparer avec ${definiteTerm(other, 'fr')}` : `Compare with ${definiteTerm(other, 'en')}`;
}

/** What `/compare` gets for two concepts: « l'affinage et le pré-entraînement », "fine-tuning and pre-training". */
export function comparePair(first: string, second: string, lang: Lang): string {
  return `${definiteTerm(first, lang)} ${lang === 'fr' ? 'et' : 'and'} ${definiteTerm(second, lang)}`;
}

/** `/compare <text>` as a question: "What is the difference between <text>?". */
export function differenceQuestion(pair: string, lang: Lang): string {
  return lang === 'fr' ? `Quelle est la différence entre ${pair} ?` : `What is the difference between ${pair}?`;
}
