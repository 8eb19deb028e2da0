import type { Glossary } from '../glossary/glossary';
import type { Concept, Lang } from '../glossary/types';
import type { SingleIntent } from './intent';
import type { Register } from './language';
import { INTENT_PART, partText, type Shown } from './passages';
import { definiteTerm, doesTerm, frenchVerbAgrees, indefiniteTerm, isCoordinated, ofDefiniteTerm, ofTerm, toDefiniteTerm, upperFirst, whatIsQuestion } from './phrasing';
import type { PassagePart } from './prompt';
import type { Understanding } from './understand';

// Where to go next, under each answer: the entry's next part, a curated contrast, the next concept on the way,
// each a question the pipeline answers from the glossary and the conversation has not shown yet. A tutor leads.

/** At most this many suggestions under an answer. */
const MAX_SUGGESTIONS = 3;

type Asked = (term: string, register: Register) => string;

/** A question for each part of an entry, in both languages (French in the learner's tu or vous). */
const PART_QUESTIONS: Partial<Record<PassagePart, Record<Lang, Asked>>> = {
  // "What is a random forest good for?": a tool is used, not "mattering".
  why: {
    en: (t) => `What ${doesTerm(t) === 'do' ? 'are' : 'is'} ${indefiniteTerm(t, 'en')} good for?`,
    fr: (t) => `À quoi ${frenchVerbAgrees(t, 'sert', 'servent')} ${definiteTerm(t, 'fr')} ?`,
  },
  causes: { en: (t) => `Why ${doesTerm(t)} ${definiteTerm(t, 'en')} happen?`, fr: (t) => `Qu'est-ce qui cause ${definiteTerm(t, 'fr')} ?` },
  remedies: { en: (t) => `How do you avoid ${definiteTerm(t, 'en')}?`, fr: (t) => `Comment éviter ${definiteTerm(t, 'fr')} ?` },
  how: { en: (t) => `How ${doesTerm(t)} ${definiteTerm(t, 'en')} work?`, fr: (t) => `Comment ${frenchVerbAgrees(t, 'fonctionne', 'fonctionnent')} ${definiteTerm(t, 'fr')} ?` },
  example: { en: (t) => `An example ${ofTerm(t, 'en')}?`, fr: (t) => `Un exemple ${ofTerm(t, 'fr')} ?` },
  limits: { en: (t) => `What are the pitfalls ${ofDefiniteTerm(t, 'en')}?`, fr: (t) => `Quelles sont les limites ${ofDefiniteTerm(t, 'fr')} ?` },
  intuition: {
    en: (t) => `Explain ${definiteTerm(t, 'en')} simply.`,
    fr: (t, register) => `${register === 'vous' ? 'Expliquez' : 'Explique'}-moi ${definiteTerm(t, 'fr')} simplement.`,
  },
  history: { en: (t) => `Where ${doesTerm(t)} ${definiteTerm(t, 'en')} come from?`, fr: (t) => `D'où ${frenchVerbAgrees(t, 'vient', 'viennent')} ${definiteTerm(t, 'fr')} ?` },
};

/**
 * A problem's mechanism is how it shows, and its limits what makes it hard to fix: "How does class imbalance work?" and
 * « Quelles sont les limites du surapprentissage ? » would read as if it were a tool.
 */
const PROBLEM_QUESTIONS: Partial<Record<PassagePart, Record<Lang, Asked>>> = {
  how: { en: (t) => `How do you spot ${definiteTerm(t, 'en')}?`, fr: (t) => `Comment repérer ${definiteTerm(t, 'fr')} ?` },
  limits: { en: (t) => `What can go wrong when fixing ${definiteTerm(t, 'en')}?`, fr: (t) => `Quels sont les pièges pour traiter ${definiteTerm(t, 'fr')} ?` },
};

/** After each kind of question, the parts worth offering next, most useful first. */
const OFFER_AFTER: Readonly<Record<SingleIntent, readonly PassagePart[]>> = {
  what: ['why', 'causes', 'remedies', 'example', 'how', 'limits'],
  define: ['how', 'why', 'example'],
  simple: ['example', 'how', 'why'],
  why: ['how', 'example', 'limits'],
  cause: ['remedies', 'limits', 'example'],
  remedy: ['causes', 'limits', 'example'],
  how: ['example', 'why', 'limits'],
  example: ['how', 'limits', 'why'],
  limits: ['causes', 'remedies', 'example'],
  history: ['how', 'why', 'example'],
  translate: ['why', 'how', 'example'],
};

export function suggestionsFor(
  understanding: Understanding,
  glossary: Glossary,
  lang: Lang,
  register: Register,
  shown: Shown,
  asked: readonly string[],
  earlierConcepts: readonly (readonly string[])[] = [],
): string[] {
  // After a recap, where to go next starts from where the conversation ended, not from where it began.
  const lead = understanding.remark === 'recap' ? understanding.concepts[understanding.concepts.length - 1] : understanding.concepts[0];
  const subject = lead && glossary.withDetails(lead);
  if (!subject) return [];
  const single = understanding.intent === 'several' || understanding.intent === 'contrast' ? 'what' : (understanding.intent as SingleIntent);
  // A concept an earlier question was about, or a pair an earlier question weighed, is no place to go next.
  const askedAbout = (id: string) => earlierConcepts.some((concepts) => concepts[0] === id);
  const weighed = (id: string, other: string) => earlierConcepts.some((concepts) => concepts.includes(id) && concepts.includes(other));
  const contrast = contrastWith(subject, understanding, glossary, lang, shown, weighed);
  const candidates = [
    nextPartQuestion(subject, single, lang, register, shown),
    contrast && contrastQuestion(subject, contrast, lang),
    // (Not the concept the contrast already offers: "overfitting against generalization?" then "What is generalization?".)
    nextConceptQuestion(subject, understanding, glossary, lang, shown, contrast, askedAbout),
  ];
  const before = new Set(asked.map((question) => question.trim().toLowerCase()));
  return candidates.filter((question): question is string => question !== undefined && !before.has(question.toLowerCase())).slice(0, MAX_SUGGESTIONS);
}

function nextPartQuestion(concept: Concept, intent: SingleIntent, lang: Lang, register: Register, shown: Shown): string | undefined {
  const answered = INTENT_PART[intent];
  const part = OFFER_AFTER[intent].find((candidate) => {
    const text = partText(concept, lang, candidate);
    // A problem's "why" reads as what it is good for (« Quel est l'intérêt du surapprentissage ? »): its causes are asked.
    const problemsWhy = candidate === 'why' && !!concept[lang].sections?.causes;
    return candidate !== answered && !problemsWhy && text !== '' && !shown.has(text) && PART_QUESTIONS[candidate];
  });
  const questions = concept[lang].sections?.causes && PROBLEM_QUESTIONS[part!] ? PROBLEM_QUESTIONS[part!]! : PART_QUESTIONS[part!];
  return part && questions![lang](concept[lang].term, register);
}

/** The curated contrast to offer next: one the conversation has not shown, with the closest concept. */
function contrastWith(concept: Concept, understanding: Understanding, glossary: Glossary, lang: Lang, shown: Shown, weighed: (id: string, other: string) => boolean): Concept | undefined {
  const inAnswer = new Set(understanding.concepts.map((c) => c.id));
  const open = (concept.contrasts ?? []).filter((candidate) => !inAnswer.has(candidate.with) && !shown.has(candidate[lang]) && !weighed(concept.id, candidate.with) && glossary.get(candidate.with));
  // The pair a learner of this concept meets first: a concept its entry links to, no harder than itself (overfitting
  // against underfitting, before overfitting against catastrophic forgetting).
  const closeness = (id: string) => (concept.related.includes(id) ? 2 : 0) + (glossary.get(id)!.level === 'beginner' || concept.level === 'advanced' ? 1 : 0);
  const contrast = open.map((candidate, index) => ({ candidate, index, score: closeness(candidate.with) })).sort((a, b) => b.score - a.score || a.index - b.index)[0]?.candidate;
  return contrast && glossary.get(contrast.with);
}

function contrastQuestion(concept: Concept, other: Concept, lang: Lang): string {
  const [a, b] = [concept[lang].term, other[lang].term];
  // "Precision and recall versus accuracy: what is the difference?": "between precision and recall and accuracy" would
  // not say which "and" joins the two sides.
  if (isCoordinated(a, lang) || isCoordinated(b, lang)) {
    return lang === 'en'
      ? `${upperFirst(definiteTerm(a, 'en'))} versus ${definiteTerm(b, 'en')}: what is the difference?`
      : `${upperFirst(definiteTerm(a, 'fr'))} face ${toDefiniteTerm(b)} : quelle différence ?`;
  }
  return lang === 'en'
    ? `What is the difference between ${definiteTerm(a, 'en')} and ${definiteTerm(b, 'en')}?`
    : `Quelle est la différence entre ${definiteTerm(a, 'fr')} et ${definiteTerm(b, 'fr')} ?`;
}

/** The next concept on the way: one this entry opens onto, that the conversation has not defined. */
function nextConceptQuestion(concept: Concept, understanding: Understanding, glossary: Glossary, lang: Lang, shown: Shown, contrasted: Concept | undefined, askedAbout: (id: string) => boolean): string | undefined {
  const inAnswer = new Set([...understanding.concepts.map((c) => c.id), ...(contrasted ? [contrasted.id] : [])]);
  const next = concept.related
    .map((id) => glossary.get(id))
    .find((candidate): candidate is Concept => candidate !== undefined && !inAnswer.has(candidate.id) && !shown.has(candidate[lang].definition) && !askedAbout(candidate.id));
  return next && whatIsQuestion(next[lang].term, lang);
}
