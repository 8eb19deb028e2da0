import type { Glossary } from '../glossary/glossary';
import type { Concept, Lang } from '../glossary/types';
import { normalizeTerm, splitPieces } from '../matching/normalize';
import { detectLanguage } from './language';
import { citedIds, REFUSAL } from './prompt';

/** One held-out question (training/eval/heldout.jsonl). */
export interface HeldOutQuestion {
  readonly question: string;
  readonly lang: Lang;
  readonly answer_lang: Lang;
  /** Empty for a question outside the glossary's domain. */
  readonly concept_ids: readonly string[];
  readonly kind: string;
  readonly form?: string;
}

export interface Judgement {
  /** The answer is about the asked concepts (or, outside the domain, says it only knows ML concepts). */
  readonly onConcept: boolean;
  /** Share of the definition's content words found in the answer; undefined outside the domain. */
  readonly factRecall: number | undefined;
  readonly languageMatch: boolean;
  /** Share of word trigrams that repeat an earlier one. */
  readonly repetition: number;
}

const STOPWORDS = new Set(
  ('le la les un une des du de d l est et en au aux sur dans pour par avec ce cette ces il elle on se sa son ses qui que ' +
    'ou ne pas plus the a an is are of to in on for with this that it and or be by as at from its their which ' +
    'can into than more').split(' '),
);

function contentKeys(text: string): string[] {
  return splitPieces(text)
    .map((piece) => piece.key)
    .filter((key) => key.length > 2 && !STOPWORDS.has(key));
}

/**
 * The answer is about the concept: it cites the concept's id when it cites any (the model ends its answers
 * with its sources), or, citing none, names the concept (a term or alias, either language) in its opening.
 */
function aboutConcept(answer: string, concept: Concept): boolean {
  const cited = citedIds(answer);
  if (cited.length > 0) return cited.includes(concept.id);
  const opening = contentKeysJoined(answer.slice(0, OPENING_CHARS));
  return (['fr', 'en'] as const).some((lang) =>
    [concept[lang].term, ...concept[lang].aliases].some((form) => {
      const key = normalizeTerm(form);
      return key.length > 1 && opening.includes(key);
    }),
  );
}

/** Where an answer says what it is about. */
const OPENING_CHARS = 160;

function contentKeysJoined(text: string): string {
  return splitPieces(text)
    .map((piece) => piece.key)
    .join('');
}

function factRecall(answer: string, concepts: readonly Concept[], lang: Lang): number {
  const answerKeys = new Set(contentKeys(answer));
  const expected = [...new Set(concepts.flatMap((concept) => contentKeys(concept[lang].definition)))];
  return expected.length === 0 ? 0 : expected.filter((key) => answerKeys.has(key)).length / expected.length;
}

/** Share of trigrams of words and punctuation marks that repeat an earlier one (`,,,,` repeats too). */
export function repetitionRate(answer: string): number {
  const words = answer.toLowerCase().match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? [];
  const grams = words.slice(2).map((_, i) => `${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return grams.length === 0 ? 0 : 1 - new Set(grams).size / grams.length;
}

/** Terms quoted « like this » name words of the other language (« How do you say X in French? »): not the answer's language. */
function withoutQuotedTerms(answer: string): string {
  return answer.replace(/«[^»]*»/g, ' ').replace(/\([^)]*\)/g, ' ');
}

function isRefusal(answer: string): boolean {
  return Object.values(REFUSAL).some((refusal) => answer.includes(refusal.slice(0, 30)));
}

/** Judges one answer against the glossary entries of the concepts the question asked about. */
export function judge(glossary: Glossary, item: HeldOutQuestion, answer: string): Judgement {
  const concepts = item.concept_ids.flatMap((id) => glossary.get(id) ?? []);
  const inDomain = item.concept_ids.length > 0;
  return {
    onConcept: inDomain ? concepts.length > 0 && concepts.every((concept) => aboutConcept(answer, concept)) && !isRefusal(answer) : isRefusal(answer),
    factRecall: inDomain ? factRecall(answer, concepts, item.answer_lang) : undefined,
    languageMatch: detectLanguage(withoutQuotedTerms(answer), item.answer_lang === 'fr' ? 'en' : 'fr') === item.answer_lang,
    repetition: repetitionRate(answer),
  };
}

export interface EvalSummary {
  questions: number;
  conceptAccuracy: number;
  factRecall: number;
  languageMatch: number;
  repetitionRate: number;
  outOfDomainRefusal: number;
  byKind: Record<string, { questions: number; conceptAccuracy: number }>;
}

const mean = (values: readonly number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
const ratio = (value: number) => Number(value.toFixed(4));

export function summarize(items: readonly HeldOutQuestion[], judgements: readonly Judgement[]): EvalSummary {
  const byKind: EvalSummary['byKind'] = {};
  items.forEach((item, i) => {
    const entry = (byKind[item.kind] ??= { questions: 0, conceptAccuracy: 0 });
    entry.questions++;
    entry.conceptAccuracy += judgements[i]!.onConcept ? 1 : 0;
  });
  for (const entry of Object.values(byKind)) entry.conceptAccuracy = ratio(entry.conceptAccuracy / entry.questions);
  const outOfDomain = judgements.filter((_, i) => items[i]!.concept_ids.length === 0);
  return {
    questions: items.length,
    conceptAccuracy: ratio(mean(judgements.map((j) => (j.onConcept ? 1 : 0)))),
    factRecall: ratio(mean(judgements.flatMap((j) => (j.factRecall === undefined ? [] : [j.factRecall])))),
    languageMatch: ratio(mean(judgements.map((j) => (j.languageMatch ? 1 : 0)))),
    repetitionRate: ratio(mean(judgements.map((j) => j.repetition))),
    outOfDomainRefusal: ratio(mean(outOfDomain.map((j) => (j.onConcept ? 1 : 0)))),
    byKind,
  };
}
