import type { Glossary } from '../glossary/glossary';
import { otherLang, type Concept, type Lang, type LearnerField } from '../glossary/types';
import { foldCase, splitPieces } from '../matching/normalize';
import { asksWhyNotInstead, plainQuestion, type Intent, type SingleIntent } from './intent';
import { sentencesOf, STOP_WORD_KEYS } from './language';
import { definiteTerm, subjectPronoun, indefiniteTerm, namingSentence, ofDefiniteTerm, ofTerm, toDefiniteTerm, upperFirst } from './phrasing';
import { contrastPassage, definitionPassage, MAX_PASSAGES, oneLine, partPassage, type Passage, type PassagePart } from './prompt';
import { asksAboutOwnCase, fieldText } from './fields';
import { factSentence, learnerFacts, type LearnerFacts } from './learnerFacts';
import { goalInTheirWords } from './goal';
import { openingSteps, WORKFLOW_ID, worriesAboutChangingData, worriesItMightHappen } from './situations';
import type { Understanding } from './understand';

/**
 * The part of an entry each intent's answer rests on, besides the definition (training/build_corpus.py,
 * INTENT_PARTS): a "why" gets the entry's own reason, a "how" its mechanism, a "why does it happen" its causes.
 */
export const INTENT_PART: Readonly<Record<SingleIntent, PassagePart | undefined>> = {
  what: 'example',
  define: undefined,
  simple: 'intuition',
  why: 'why',
  cause: 'causes',
  remedy: 'remedies',
  how: 'how',
  example: 'example',
  limits: 'limits',
  history: 'history',
  translate: undefined,
};

/**
 * When the part an intent asks for was already shown in the conversation (or the entry has none), the next
 * parts that still serve the question, in order: a doubt that was answered with the limits gets the causes or
 * an example; "tell me more" after the mechanism gets the reason.
 */
const NEXT_PARTS: Readonly<Record<SingleIntent, readonly PassagePart[]>> = {
  what: ['example', 'intuition', 'how', 'why', 'limits'],
  define: ['how', 'intuition', 'example'],
  simple: ['intuition', 'example', 'how'],
  why: ['why', 'causes', 'how', 'example'],
  cause: ['causes', 'why', 'how', 'limits'],
  remedy: ['remedies', 'limits', 'causes', 'how'],
  how: ['how', 'example', 'why', 'intuition', 'limits'],
  example: ['example', 'intuition', 'how'],
  limits: ['limits', 'causes', 'remedies', 'example', 'why'],
  history: ['history', 'why', 'how'],
  translate: [],
};

/** A passage holds a few sentences (the model copies it; the prompt has room for several). */
const MAX_PASSAGE_CHARS = 400;

/**
 * The glossary text of one part of a concept, plain and on one line: a section, the example, or the overview
 * (the explanation's first paragraph, which is all a user's entry without sections has).
 */
export function partText(concept: Concept, lang: Lang, part: PassagePart): string {
  const localized = concept[lang];
  if (part === 'example') return firstSentences(plainText(localized.example));
  if (part === 'overview') return firstSentences(plainText(localized.explanation.slice(0, MAX_PLAIN_TEXT_CHARS).split(/\n\s*\n/)[0] ?? ''));
  return firstSentences(localized.sections?.[part] ?? '');
}

/**
 * A part's text without the sentences the conversation has shown: "how do I avoid it?" after a diagnosis that gave
 * the first way to avoid it gets the others.
 */
function unshownPartText(concept: Concept, lang: Lang, part: PassagePart, shown: Shown): string {
  const text = partText(concept, lang, part);
  if (text === '' || !shown.has(sentencesOf(text)[0] ?? '')) return text;
  const full = part === 'example' || part === 'overview' ? text : concept[lang].sections?.[part] ?? '';
  const [first = '', ...others] = sentencesOf(full).filter((sentence) => !shown.has(sentence));
  // « Il permet aussi de travailler hors ligne » without the sentence before it: the pronoun is said by its name.
  const pronoun = `${subjectPronoun(concept[lang].term, lang)} `;
  const opening = first.startsWith(pronoun) ? `${upperFirst(definiteTerm(concept[lang].term, lang))} ${first.slice(pronoun.length)}` : first;
  return firstSentences([opening, ...others].join(' '));
}

/** What the conversation has already shown: a passage whose text is in an earlier answer is not shown again. */
export interface Shown {
  has(text: string): boolean;
}

export const NOTHING_SHOWN: Shown = { has: () => false };

/** The earlier answers of a conversation as a `Shown`: white space does not count. */
export function shownIn(answers: readonly string[]): Shown {
  const flat = answers.map(squash).join('\n');
  return { has: (text) => text.length > 0 && flat.includes(squash(text)) };
}

/** White space as one space, in lower case: a passage shown after a lead-in starts with a small letter. */
function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The passages a question's answer is composed from, most needed first, none the conversation has shown. */
export function passagesFor(understanding: Understanding, glossary: Glossary, lang: Lang, shown: Shown = NOTHING_SHOWN, question = ''): Passage[] {
  const concepts = understanding.concepts.map((concept) => glossary.withDetails(concept));
  switch (understanding.intent) {
    case 'smalltalk':
    case 'ood':
      return [];
    case 'several':
      if (understanding.remark === 'recap') return understanding.steps ? stepPassages(concepts, lang, understanding, shown) : [recapPassage(concepts, lang, understanding.asked)];
      return severalPassages(concepts, lang, shown);
    case 'contrast': {
      // "Classification or regression, then?" in a project whose kind is known: which one it is, first.
      const verdict = understanding.verdict && glossary.get(understanding.verdict);
      const contrast = contrastPassages(concepts, lang, shown);
      return verdict ? [namingPassage(verdict, understanding.recommended ? 'recommended' : 'yours', lang), ...contrast] : contrast;
    }
    default: {
      if (understanding.uncovered && concepts[0]) {
        // The sentence of the topic's entry closest to the question, if one shares enough of its words; else its next part.
        const closest = closestSentence(question, concepts[0], lang, shown);
        if (closest) return [uncoveredPassage(concepts[0], lang, UNCOVERED_CLOSEST), closest];
        return [uncoveredPassage(concepts[0], lang), ...singlePassages(concepts[0], understanding, lang, shown, glossary).slice(0, 1)];
      }
      if (understanding.project) return projectPassages(concepts, lang, shown, understanding, glossary, goalInTheirWords(question, lang));
      if (understanding.nextStep && concepts[0]) return nextStepPassages(concepts[0], understanding, lang, shown);
      if (understanding.described && concepts[0]) return describedPassages(concepts[0], understanding, lang, shown, glossary, question);
      // ("Self-hosted or an API, which for health data?": the way recommended, said first.)
      const verdict = understanding.recommended && understanding.verdict ? glossary.get(understanding.verdict) : undefined;
      if (verdict) return [namingPassage(verdict, 'recommended', lang), ...singlePassages(concepts[0], understanding, lang, shown, glossary)].slice(0, 3);
      const passages = weighedIfAsked(singlePassages(concepts[0], understanding, lang, shown, glossary), concepts[0], understanding, lang, shown, question);
      // ("Why would I need retrieval at all?" asks its purpose, not a detail one sentence holds.)
      const detail = concepts[0] && question && !ASKS_WHY_AT_ALL.test(plainQuestion(question)) ? detailPassage(question, concepts[0], understanding.intent, lang, shown, glossary) : undefined;
      // A precise question (why the dot products are divided by √d) opens with the sentence that answers it.
      // (Advice asked for, "how do we decide?", opens with what to do, whichever sentence shares the question's words.)
      const answered = detail && !understanding.advice ? [detail, ...passages.filter((passage) => !passage.text.includes(detail.text))].slice(0, 3) : withAdvice(passages, concepts[0], understanding, lang, shown);
      const inField = concepts[0] && (fieldPassage(concepts[0], lang, understanding.field, shown) ?? standInFieldPassage(concepts[0], lang, understanding.field, shown, glossary, question));
      return inField ? withFieldPassage(answered, inField, understanding.intent === 'example' || asksAboutOwnCase(question)) : answered;
    }
  }
}

/**
 * The answer with one sentence on what its concepts mean for the learner's own numbers and constraints (their 18 bad
 * firings of 200, their 600 pages, no GPU): after the passage that answers the question, or after a project's
 * framing; never inside numbered steps, and once in a conversation.
 */
export function withTheirNumbers(passages: readonly Passage[], understanding: Understanding, facts: LearnerFacts, lang: Lang, shown: Shown, question: string): Passage[] {
  if (passages.length === 0 || understanding.steps || understanding.uncovered) return [...passages];
  const ids = [...new Set([...understanding.concepts.map((concept) => concept.id), ...passages.flatMap((passage) => passage.conceptIds)])];
  const fact = factSentence(ids, facts, lang, (text) => shown.has(text));
  if (!fact) return [...passages];
  // "Why would I need past breaks? We only had six": numbers told in this very question are its point.
  const toldNow = factSentence(ids, learnerFacts([question]), lang, (text) => shown.has(text))?.text === fact.text;
  const at = factAt(passages, understanding, question, toldNow);
  return withinAnswerLength([...passages.slice(0, at), theirNumbersPassage(fact.conceptId, fact.text), ...passages.slice(at)]);
}

/** Their numbers, read by the model as what the concept means in the learner's data. */
function theirNumbersPassage(conceptId: string, text: string): Passage {
  return { ...partPassage(conceptId, 'field', text), kind: 'numbers' };
}

/**
 * Where their numbers go: first for "is accuracy a good measure for us?" (what they say of it is the answer) and when
 * this question told them, after a
 * project's framing, after the part the question asked for (why it matters), else after the answer's first passage.
 */
function factAt(passages: readonly Passage[], understanding: Understanding, question: string, toldNow: boolean): number {
  if (understanding.project) return passages[1]?.kind === 'definition' ? 2 : 1;
  const naming = passages[0]?.kind === 'pointer' ? 1 : 0;
  // ("Why not just paste all the procedures into the prompt?": their numbers say why not, before any general reason.)
  if (asksYesOrNo(question) || toldNow || (understanding.shortcut && asksWhyNotInstead(question))) return naming;
  const part = understanding.intent in INTENT_PART ? INTENT_PART[understanding.intent as SingleIntent] : undefined;
  const asked = part ? passages.findIndex((passage) => passage.kind === part) : -1;
  return asked >= 0 && asked <= naming + 1 ? asked + 1 : naming + 1;
}

/** "Why would I need retrieval at all?", « à quoi bon un jeu de test ? »: the purpose of the whole thing. */
const ASKS_WHY_AT_ALL = / (at all|why bother|what is the point|what's the point|a quoi bon|du tout|quel est l'interet)\b/u;

/** "Is accuracy enough?", « est-ce que l'exactitude suffit ? », « faut-il un GPU ? »: a question answered yes or no. */
function asksYesOrNo(question: string): boolean {
  const plain = plainQuestion(question).replace(/^ (so|and|but|ok|okay|alors|et|mais|donc|d'accord) /u, ' ');
  return /^ (is|are|does|do|should|can|could|would|will|est ce|faut il|peut on|dois je|doit on|suffit il|y a t il)\b/u.test(plain) || / (c'est|is it|is that|is this) (vraiment |really )?(un |une |a |an )?(bon|bonne|good|enough|assez|suffisant|suffisante|fiable|reliable|ok|okay)\b/u.test(plain);
}

/** "Is it serious?", « est-ce grave dans notre cas ? », "does it matter?": whether the concept weighs. */
const ASKS_WHETHER_IT_MATTERS = / (is (it|that|this) (really )?(serious|bad|a (big |real )?(problem|deal|issue))|does (it|that|this) (really )?matter|how (bad|serious) is (it|that)|(est ce|c'est) (vraiment )?(grave|serieux|un (gros |vrai )?probleme)|(ca|cela) (compte|importe)( vraiment)?)\b/u;

/**
 * "What is a hallucination, and is it serious in our case?": what it is, then why it matters rather than an example.
 */
function weighedIfAsked(passages: Passage[], concept: Concept | undefined, understanding: Understanding, lang: Lang, shown: Shown, question: string): Passage[] {
  if (!concept || understanding.intent !== 'what' || !ASKS_WHETHER_IT_MATTERS.test(plainQuestion(question))) return passages;
  const why = partText(concept, lang, 'why');
  if (!why || shown.has(why)) return passages;
  return [...passages.filter((passage) => passage.kind === 'definition'), partPassage(concept.id, 'why', why)];
}

/**
 * "Which temperature should I use for a support bot?": what to do with the concept (its entry's step) first, then what
 * it is; a step already shown leaves the answer as it was.
 */
function withAdvice(passages: Passage[], concept: Concept | undefined, understanding: Understanding, lang: Lang, shown: Shown): Passage[] {
  const step = concept && (understanding.advice || asksWhatToDoWithoutRemedies(concept, understanding)) ? concept[lang].step : undefined;
  if (!step || shown.has(step)) return passages;
  return [partPassage(concept!.id, 'step', step), ...passages.slice(0, 1)];
}

/**
 * "What should we do about it?" of a concept that is no problem to remedy (pinning a model's version): its entry's
 * step says what to do.
 */
function asksWhatToDoWithoutRemedies(concept: Concept, understanding: Understanding): boolean {
  return understanding.intent === 'remedy' && !concept.en.sections?.remedies;
}

/**
 * "What is the target variable, in my case?": a word of every project, which no field's paragraph is written for, is
 * answered in the learner's case by the paragraph of the entry that says it there (what a project predicts, which
 * features to build).
 */
const FIELD_STAND_IN: Readonly<Record<string, string>> = { label: WORKFLOW_ID, prediction: WORKFLOW_ID, feature: 'feature-engineering' };

function standInFieldPassage(concept: Concept, lang: Lang, field: LearnerField | undefined, shown: Shown, glossary: Glossary, question: string): Passage | undefined {
  const standIn = FIELD_STAND_IN[concept.id] && glossary.get(FIELD_STAND_IN[concept.id]!);
  return standIn && asksAboutOwnCase(question) ? fieldPassage(glossary.withDetails(standIn), lang, field, shown) : undefined;
}

/** What a concept means in the learner's kind of data, when its entry says and the conversation has not shown it. */
function fieldPassage(concept: Concept, lang: Lang, field: LearnerField | undefined, shown: Shown): Passage | undefined {
  const text = fieldText(concept, lang, field);
  return text && !shown.has(text) ? partPassage(concept.id, 'field', text) : undefined;
}

/**
 * An answer with what it means in the learner's data: first when the question asks about their own case ("which
 * matters more for us?", "an example from our bookings?"), where it replaces the glossary's example from another
 * field; after the answer otherwise, so that a tutor says what the concept means for them.
 */
function withFieldPassage(passages: readonly Passage[], inField: Passage, ownCase: boolean): Passage[] {
  return withinAnswerLength(ownCase ? [inField, ...passages.filter((passage) => passage.kind !== 'example')] : [...passages, inField]);
}

/** Passages that fit in one answer: those after the first give way, the last first, never the learner's case. */
function withinAnswerLength(passages: readonly Passage[]): Passage[] {
  const kept = [...passages];
  const length = () => kept.reduce((sum, passage) => sum + passage.text.length, 0);
  for (let index = kept.length - 1; index > 0 && length() > ANSWER_MAX_CHARS; index--) {
    if (kept[index]!.kind !== 'field' && kept[index]!.kind !== 'numbers') kept.splice(index, 1);
  }
  return kept;
}

/** The words of a question that name nothing of its subject and ask nothing: what a precise question is about. */
const QUESTION_WORDS = new Set(
  splitPieces(
    'why how what when where which who does do did is are was were can could would should will really exactly actually ' +
      'used use work works working happen happens need needs make makes made mean means pourquoi comment quand quoi ' +
      'quel quelle quels quelles est sont fait font faut sert utilise marche fonctionne vraiment exactement ' +
      'concretement donc alors bien plus moins tres trop',
  ).map((piece) => piece.key),
);

/** A sentence answers a precise question when it holds this many of its distinctive words, and half of them. */
const DETAIL_MIN_WORDS = 2;

function distinctiveKeys(text: string, exclude: ReadonlySet<string>): string[] {
  const keys = splitPieces(text).map((piece) => piece.key).filter((key) => key.length > 2 && !STOP_WORD_KEYS.has(key) && !QUESTION_WORDS.has(key) && !exclude.has(key));
  return [...new Set(keys)];
}

/**
 * The sentence of the subject's entry (or of an entry it leads to) that holds the most of the question's own
 * words, when a precise question asks for a detail a section covers in one sentence.
 */
function detailPassage(question: string, subject: Concept, intent: Understanding['intent'], lang: Lang, shown: Shown, glossary: Glossary): Passage | undefined {
  if (intent !== 'how' && intent !== 'why' && intent !== 'cause') return undefined;
  const asked = distinctiveKeys(question, termKeys([subject[lang].term, ...subject[lang].aliases, subject[otherLang(lang)].term]));
  if (asked.length < DETAIL_MIN_WORDS) return undefined;
  let best: SharedSentence | undefined;
  // The subject's entry, the entries it leads to and those that lead to it (scaled dot-product attention, for
  // a question about the dot products of attention).
  const linked = glossary.concepts.filter((concept) => concept.related.includes(subject.id) || subject.related.includes(concept.id));
  // ... and the entries of the other concepts the question names, with theirs ("in attention": self-attention).
  const named = glossary.matcher.findAll(question).flatMap((match) => glossary.get(match.forms[0]!.conceptId) ?? []);
  const aroundNamed = named.flatMap((concept) => [concept, ...concept.related.flatMap((id) => glossary.get(id) ?? [])]);
  const candidates = [...new Map([subject, ...linked, ...aroundNamed].map((concept) => [concept.id, concept])).values()];
  for (const concept of candidates.map((c) => glossary.withDetails(c))) {
    const found = sentenceSharingMost(asked, concept, lang, best?.score ?? 0);
    // A sentence of another entry that opens on its name says what that entry is ("A recommender system picks the few
    // items to show..."), no detail of the subject's.
    // One of an entry the question does not name must speak of the subject: a sentence on reasoning models is no
    // detail of how a language model writes.
    const ofTheSubject = concept.id === subject.id || named.includes(concept) || namesConcept(found?.sentence ?? '', subject, lang);
    if (found && ofTheSubject && (concept.id === subject.id || !opensOnItsName(found.sentence, concept, lang))) best = found;
  }
  if (!best || best.score < Math.max(DETAIL_MIN_WORDS, asked.length / 2) || shown.has(best.sentence)) return undefined;
  // The section the intent asks for answers as well as any single sentence: it stays the answer.
  const section = INTENT_PART[intent];
  const sectionKeys = new Set(splitPieces(section ? partText(subject, lang, section) : '').map((piece) => piece.key));
  if (best.score < asked.filter((key) => sectionKeys.has(key)).length + DETAIL_MIN_WORDS) return undefined;
  return partPassage(best.concept.id, 'overview', best.sentence);
}

/** The text names the concept, by its term or an alias. */
function namesConcept(text: string, concept: Concept, lang: Lang): boolean {
  const folded = foldCase(text);
  return [concept[lang].term, ...concept[lang].aliases].some((name) => folded.includes(foldCase(name)));
}

/** The sentence names the concept within its first six words. */
function opensOnItsName(sentence: string, concept: Concept, lang: Lang): boolean {
  return namesConcept(sentence.split(/\s+/u).slice(0, 6).join(' '), concept, lang);
}

/**
 * For a question the glossary has no entry for, in a conversation about `subject`: the sentence of its entry, not yet
 * shown, that shares the most of the question's own words (three at least: two words in common say little).
 */
function closestSentence(question: string, subject: Concept, lang: Lang, shown: Shown): Passage | undefined {
  const asked = distinctiveKeys(question, termKeys([subject[lang].term, ...subject[lang].aliases]));
  const best = sentenceSharingMost(asked, subject, lang, CLOSEST_SENTENCE_MIN_WORDS - 1, shown);
  return best && partPassage(subject.id, 'overview', best.sentence);
}

interface SharedSentence {
  readonly concept: Concept;
  readonly sentence: string;
  readonly score: number;
}

/** The keys of a concept's forms, which a question names rather than asks about. */
function termKeys(forms: readonly string[]): Set<string> {
  return new Set(forms.flatMap((form) => splitPieces(form).map((piece) => piece.key)));
}

/**
 * The first sentence of the entry that holds more of `asked` than `above` words (and than any other of its
 * sentences), skipping those the conversation has shown.
 */
function sentenceSharingMost(asked: readonly string[], concept: Concept, lang: Lang, above: number, shown: Shown = NOTHING_SHOWN): SharedSentence | undefined {
  let best: SharedSentence | undefined;
  for (const { original, text: sentence } of entrySentences(concept, lang)) {
    if (shown.has(original) || shown.has(sentence) || leansOnThePrevious(sentence)) continue;
    const keys = new Set(splitPieces(sentence).map((piece) => piece.key));
    const score = asked.filter((key) => keys.has(key)).length;
    if (score > (best?.score ?? above)) best = { concept, sentence, score };
  }
  return best;
}

const CLOSEST_SENTENCE_MIN_WORDS = 3;

/**
 * A sentence that cannot open an answer, since it points back at the one before it in its entry: "It is then...",
 * « Elle sert... », "A softmax turns them into probabilities".
 */
function leansOnThePrevious(sentence: string): boolean {
  return /^(?:It|They|This|These|That|Those|Its|Their|Il|Elle|Ils|Elles|Cela|Ceci|Ces|Celui-ci|Celle-ci)\b/u.test(sentence) || /\bthem\b/u.test(sentence);
}

/** Every sentence an entry writes in one language: overview, sections, example. */
function entrySentences(concept: Concept, lang: Lang): EntrySentence[] {
  const localized = concept[lang];
  const texts = [plainText(localized.explanation), ...Object.values(localized.sections ?? {}), plainText(localized.example)];
  return texts
    .flatMap((text) => withSubjectNamed(sentencesOf(text ?? ''), localized.term, lang))
    .filter(({ original }) => original.length >= 40 && original.length <= 400);
}

interface EntrySentence {
  /** The sentence as the entry writes it: what the conversation may have shown. */
  readonly original: string;
  /** The sentence as it reads on its own. */
  readonly text: string;
}

/**
 * The sentences of a text, each able to stand alone where a pronoun only stood for the term named just before:
 * « La régression logistique est un modèle... Elle calcule d'abord un score » gives « La régression logistique
 * calcule d'abord un score ».
 */
function withSubjectNamed(sentences: readonly string[], term: string, lang: Lang): EntrySentence[] {
  const named = upperFirst(definiteTerm(term, lang));
  const pronoun = `${subjectPronoun(term, lang)} `;
  return sentences.map((original, index) => {
    const previous = sentences[index - 1] ?? '';
    const standsForTerm = original.startsWith(pronoun) && (previous.startsWith(`${named} `) || previous.startsWith(`${upperFirst(term)} `));
    return { original, text: standsForTerm ? `${named} ${original.slice(pronoun.length)}` : original };
  });
}

function singlePassages(subject: Concept | undefined, understanding: Understanding, lang: Lang, shown: Shown, glossary: Glossary): Passage[] {
  if (!subject) return [];
  const intent = understanding.intent as SingleIntent;
  const definition = definitionPassage(subject, lang);
  const definitionNeeded = !shown.has(definition.text) && !understanding.followUp;
  if (intent === 'define' || intent === 'translate') return definitionNeeded || intent === 'translate' ? [definition] : pointerBack(subject, lang, glossary, shown);
  const part = nextPart(subject, intent, lang, shown);
  if (!part) return definitionNeeded ? [definition] : pointerBack(subject, lang, glossary, shown);
  const passage = partPassage(subject.id, part, unshownPartText(subject, lang, part, shown));
  if (!definitionNeeded) return [passage];
  // "What is it?" opens with the definition, then makes it concrete (a beginner gets the intuition, others an
  // example) and leaves the mechanism to "how does it work?", the question a learner asks next. Any other question
  // opens with the part it asks for.
  // "How does constrained decoding work?": an advanced term the learner named is answered by the mechanism alone, since
  // a definition after it read as the same thing said twice to the judges who tried it. A beginner's concept, or one
  // described without its name, gets what it is as a summary, unless the mechanism said most of it.
  const knowsTheTerm = subject.level === 'advanced' && !understanding.described;
  if (intent === 'how' && part === 'how' && (knowsTheTerm || saysMostOf(passage.text, definition.text))) return [passage];
  // In a conversation, a term the learner named themselves ("why split the manuals into chunks?") needs no definition
  // after the reason or the limits asked for: judges read it as the point made twice. A beginner's concept keeps it.
  // (A beginner's concept too, once an earlier answer named it: the learner asking how it works has met it.)
  const namedInConversation = understanding.inConversation === true && !understanding.described && (subject.level !== 'beginner' || shown.has(subject[lang].term));
  if (intent !== 'what' && part !== 'overview') return namedInConversation && intent !== 'simple' && intent !== 'example' ? [passage] : [passage, definition];
  const beginnerIntuition = subject.level === 'beginner' && part === 'example' ? partText(subject, lang, 'intuition') : '';
  return beginnerIntuition && !shown.has(beginnerIntuition)
    ? [definition, partPassage(subject.id, 'intuition', beginnerIntuition)]
    : [definition, passage];
}

/** Whether a text holds most of another's content words (their first five letters): a summary would repeat it. */
function saysMostOf(text: string, other: string): boolean {
  const keysOf = (words: string) => new Set(splitPieces(words).map((piece) => piece.key.slice(0, 5)).filter((key) => key.length > 3 && !STOP_WORD_KEYS.has(key)));
  const [said, summary] = [keysOf(text), [...keysOf(other)]];
  return summary.length > 0 && summary.filter((key) => said.has(key)).length / summary.length >= MOSTLY_SAID;
}

const MOSTLY_SAID = 0.5;

/** The first part serving the intent that the entry has and the conversation has not shown; the overview last. */
function nextPart(concept: Concept, intent: SingleIntent, lang: Lang, shown: Shown): PassagePart | undefined {
  const wanted = INTENT_PART[intent];
  const order: PassagePart[] = [...(wanted ? [wanted] : []), ...NEXT_PARTS[intent].filter((part) => part !== wanted)];
  if (intent !== 'example') order.push('overview');
  return order.find((part) => {
    const text = unshownPartText(concept, lang, part, shown);
    return text !== '' && !shown.has(text);
  });
}

const POINTER: Record<Lang, string> = {
  en: 'That is what I explained above about {t}. A concept to read next:',
  fr: "C'est ce que j'ai expliqué plus haut à propos {t}. Un concept à lire ensuite :",
};

/**
 * Everything the entry says was shown already: one sentence pointing back, then the next concept on the way
 * (one the entry opens onto) that the conversation has not shown.
 */
function pointerBack(concept: Concept, lang: Lang, glossary: Glossary, shown: Shown): Passage[] {
  const next = concept.related.map((id) => glossary.get(id)).find((related) => related && !shown.has(related[lang].definition.replace(/\s+/g, ' ').trim()));
  const pointer = pointerPassage(concept, lang);
  return next ? [pointer, definitionPassage(next, lang)] : [pointer];
}

const DESCRIBED: Record<'problem' | 'fact' | 'mechanism' | 'missing' | 'risk' | 'idea' | 'toBeat' | 'project' | 'next' | 'pitfall' | 'yours' | 'recommended' | 'notEnough' | 'job', Record<Lang, (concept: Concept) => string>> = {
  // "Is that really enough? Users type other names": not alone, and what covers it.
  notEnough: {
    en: (concept) => `Not on its own: that is what ${lowerFirstWord(concept.en.term)} is for.`,
    fr: (concept) => `Pas toujours : c'est justement le rôle ${ofDefiniteTerm(concept.fr.term, 'fr')}.`,
  },
  // Which of two ways the learner's project should take: the one it was set on.
  recommended: {
    en: (concept) => `For your project, I would go with ${indefiniteTerm(lowerFirstWord(concept.en.term), 'en')}.`,
    fr: (concept) => `Pour ce projet, je privilégierais ${definiteTerm(concept.fr.term, 'fr')}.`,
  },
  // Which of two kinds of task the learner's project is.
  yours: {
    en: (concept) => `Your project is ${indefiniteTerm(`${lowerFirstWord(concept.en.term)} project`, 'en')}.`,
    fr: (concept) => `Le projet relève ${ofDefiniteTerm(concept.fr.term, 'fr')}.`,
  },
  pitfall: {
    en: (concept) => `That is a known pitfall of ${definiteTerm(lowerFirstWord(concept.en.term), 'en')}.`,
    fr: (concept) => `C'est un écueil connu ${ofDefiniteTerm(concept.fr.term, 'fr')}.`,
  },
  // "ok" in a project: where the plan goes next.
  next: {
    en: (concept) => `The next step is ${definiteTerm(lowerFirstWord(concept.en.term), 'en')}.`,
    fr: (concept) => `Étape suivante : ${definiteTerm(concept.fr.term, 'fr')}.`,
  },
  // The kind of project the learner's opening tells: "This is a binary classification project."
  project: {
    en: (concept) => `This is ${indefiniteTerm(`${lowerFirstWord(concept.en.term)} project`, 'en')}.`,
    fr: (concept) => `C'est un projet ${ofTerm(concept.fr.term, 'fr')}.`,
  },
  // "Why not just set an alarm over a fixed threshold?": the simple way is what any model is measured against.
  toBeat: {
    en: (concept) => `That is ${indefiniteTerm(lowerFirstWord(concept.en.term), 'en')}: the score any model has to beat.`,
    fr: (concept) => `C'est ${definiteTerm(concept.fr.term, 'fr')} : le score que tout modèle doit battre.`,
  },
  idea: {
    en: (concept) => `That approach is called ${indefiniteTerm(lowerFirstWord(concept.en.term), 'en')}.`,
    fr: (concept) => `Cette approche s'appelle ${definiteTerm(concept.fr.term, 'fr')}.`,
  },
  risk: {
    en: (concept) => `That risk is called ${lowerFirstWord(concept.en.term)}.`,
    fr: (concept) => `Ce risque s'appelle ${definiteTerm(concept.fr.term, 'fr')}.`,
  },
  problem: {
    en: (concept) => `What you describe sounds like a case of ${caseOf(concept.en.term)}.`,
    fr: (concept) => `Cela ressemble à un cas ${ofTermInSentence(concept.fr.term)}.`,
  },
  fact: {
    en: (concept) => `That is a case of ${caseOf(concept.en.term)}.`,
    fr: (concept) => `C'est un cas ${ofTermInSentence(concept.fr.term)}.`,
  },
  // A symptom whose cure is a technique (the wrong game's rules in an answer: no filter on the game).
  missing: {
    en: (concept) => `What seems to be missing here is ${definiteTerm(concept.en.term, 'en')}.`,
    fr: (concept) => `Ce qui semble manquer ici, c'est ${definiteTerm(concept.fr.term, 'fr')}.`,
  },
  // What the learner asked about comes down to a concept they did not name ("This is where X comes in" read as a
  // label stuck on their question).
  mechanism: {
    en: (concept) => `That comes down to ${definiteTerm(lowerFirstWord(concept.en.term), 'en')}.`,
    fr: (concept) => `Cela tient ${toDefiniteTerm(concept.fr.term)}.`,
  },
  // "How does it find the right page?": the concept that does it.
  job: {
    en: (concept) => `That is the job of ${definiteTerm(lowerFirstWord(concept.en.term), 'en')}.`,
    fr: (concept) => `C'est le travail ${ofDefiniteTerm(concept.fr.term, 'fr')}.`,
  },
};

const BASELINE_MODEL_ID = 'baseline-model';
/** The techniques of a document pipeline whose absence a failure tells (another product's manual, an old version, rows mixed up). */
const MISSING_WHEN_IT_FAILS: readonly string[] = ['metadata-filtering', 'index-freshness', 'document-parsing', 'chunking', 'reranking', 'hybrid-search', 'structured-output'];

/** The plan's next step, named as such, then what it means in the learner's data or, failing that, what it is. */
function nextStepPassages(concept: Concept, understanding: Understanding, lang: Lang, shown: Shown): Passage[] {
  const inField = fieldPassage(concept, lang, understanding.field, shown);
  const step = partPassage(concept.id, 'step', concept[lang].step!);
  // (A step that already says what the concept is needs no definition after it.)
  const definition = saysMostOf(step.text, concept[lang].definition) ? [] : [definitionPassage(concept, lang)];
  return [namingPassage(concept, 'next', lang), step, ...(inField ? [inField] : definition)].filter((passage) => passage.kind === 'pointer' || !shown.has(passage.text));
}

/**
 * A question that described a concept without naming it: the answer names it first (« Cela ressemble à un cas
 * de surapprentissage. »), then gives the part the question asked for, then says what it is.
 */
function describedPassages(concept: Concept, understanding: Understanding, lang: Lang, shown: Shown, glossary: Glossary, question: string): Passage[] {
  // "How does ChatGPT remember what I said?" asks for a mechanism; a problem told in other words is a case of it;
  // "what if owners behave differently next year?" is a risk, not a symptom; "why not just use the average?" an idea.
  const asksAboutAProblem = understanding.intent !== 'how' && understanding.intent !== 'what' && understanding.intent !== 'define';
  const asksWhatGoesOn = (understanding.intent === 'why' || understanding.intent === 'cause') && MISSING_WHEN_IT_FAILS.includes(concept.id);
  // ("It always predicts an hour too late": a symptom its entry's limits tell, a known pitfall of it.)
  const pitfall = understanding.pitfall && understanding.intent === 'limits';
  const kind = understanding.notEnough ? 'notEnough' : understanding.shortcut ? (concept.id === BASELINE_MODEL_ID ? 'toBeat' : 'idea') : concept.en.sections?.causes && asksAboutAProblem ? (worriesAboutChangingData(question) || worriesItMightHappen(question) ? 'risk' : understanding.stated ? 'fact' : 'problem') : asksWhatGoesOn ? 'missing' : pitfall ? 'pitfall' : 'mechanism';
  const naming = namingPassage(concept, kind === 'mechanism' && understanding.intent === 'how' ? 'job' : kind, lang);
  const inField = fieldPassage(concept, lang, understanding.field, shown);
  // The learner's own data says more than the glossary's example from another field.
  const rest = singlePassages(concept, understanding, lang, shown, glossary).filter((passage) => !inField || passage.kind !== 'example');
  // The part asked for right after the name (why it happens, how to avoid it), then what it is, then what it means in
  // the learner's data; for a problem, then what to do about it, in one sentence: a diagnosis is of little use without it.
  const remedy = sentencesOf(concept[lang].sections?.remedies ?? '')[0];
  const fix = remedy && kind !== 'mechanism' && understanding.intent !== 'remedy' && !shown.has(remedy) ? [partPassage(concept.id, 'remedies', remedy)] : [];
  // What it means in the learner's data says what it is in their words: the glossary's definition would make the
  // answer too long to be written whole.
  const definitions = inField ? [] : rest.filter((passage) => passage.kind === 'definition');
  const step = asksWhatToDoWithoutRemedies(concept, understanding) ? concept[lang].step : undefined;
  if (step && !shown.has(step)) return withinAnswerLength([naming, partPassage(concept.id, 'step', step), ...(inField ? [inField] : rest.filter((passage) => passage.kind === 'definition'))]);
  // ("Our logger drops out, leaving gaps, what do I do?": what to do about their own data, what it means there first.)
  if (inField && understanding.intent === 'remedy' && toldOfTheirOwn(question)) return withinAnswerLength([naming, inField, ...rest.filter((passage) => passage.kind !== 'definition'), ...fix]);
  return withinAnswerLength([naming, ...rest.filter((passage) => passage.kind !== 'definition'), ...definitions, ...(inField ? [inField] : []), ...fix]);
}

/** "Our logger drops out...", « Nos sondes... », "with our tanks": the learner tells of their own data. */
function toldOfTheirOwn(question: string): boolean {
  return asksAboutOwnCase(question) || /^(our|my|nos|mes|notre|mon|ma|chez nous) /u.test(plainQuestion(question).trimStart());
}

/**
 * The opening of a project: the kind of task it is, named and defined, then the steps of a project; a definition
 * or the steps the conversation has shown are not shown again.
 */
function projectPassages(concepts: readonly Concept[], lang: Lang, shown: Shown, { field, onALanguageModel }: Understanding, glossary: Glossary, goal?: string): Passage[] {
  const workflow = concepts[concepts.length - 1]!;
  const task = concepts.length > 1 ? concepts[0] : undefined;
  // "You want to predict the yield of a block from the sensor readings: this is a regression project."
  const naming = task && (goal ? partPassage(task.id, 'pointer', goalAndKind(goal, DESCRIBED.project[lang](task), lang)) : namingPassage(task, 'project', lang));
  const framing: Passage[] = task && naming ? [naming, definitionPassage(task, lang)] : [];
  // An assistant over the learner's documents starts from a retrieval pipeline and real questions to measure it with,
  // not from a labelled table: the task's own step, then the evaluation's.
  // One on a language model that reads or writes text starts from a fixed set of real inputs with the outputs expected.
  // (Extraction's own step already holds that set: what comes next there is the shape the model answers in.)
  const firstSteps = task ? openingSteps(task.id, onALanguageModel) : undefined;
  if (task && firstSteps) {
    const plan = [task, ...firstSteps.flatMap((id) => glossary.get(id) ?? [])].map((concept) => glossary.withDetails(concept));
    const steps = plan.flatMap((concept) => (concept[lang].step ? [partPassage(concept.id, 'step', concept[lang].step!)] : []));
    return [...framing, ...steps].filter((passage) => passage.kind === 'pointer' || !shown.has(passage.text));
  }
  const steps = partPassage(workflow.id, 'how', partText(workflow, lang, 'how'));
  // Then a project framed as a prediction in the learner's kind of data (for each booked appointment, will the client come?).
  const inField = fieldPassage(workflow, lang, field, shown);
  return [...framing, steps, ...(inField ? [inField] : [])].filter((passage) => passage.kind === 'pointer' || !shown.has(passage.text));
}

function namingPassage(concept: Concept, kind: keyof typeof DESCRIBED, lang: Lang): Passage {
  const text = DESCRIBED[kind][lang](concept);
  return partPassage(concept.id, 'pointer', text);
}

/** "a case of overfitting", "a case of outliers": a single countable word is said in the plural. */
function caseOf(term: string): string {
  const word = lowerFirstWord(term);
  return !/\s/.test(word) && /^an? /.test(indefiniteTerm(word, 'en')) ? `${word}s` : word;
}

/** "overfitting", "NaN loss": a term inside a sentence, its first letter small unless it is a name. */
function lowerFirstWord(term: string): string {
  return /^\p{Lu}\p{Ll}/u.test(term) ? term.charAt(0).toLowerCase() + term.slice(1) : term;
}

/** « de surapprentissage », « d'hallucination », « de perte NaN ». */
function ofTermInSentence(term: string): string {
  const word = lowerFirstWord(term);
  return /^[aeiouyàâéèêîïôûh]/iu.test(word) ? `d'${word}` : `de ${word}`;
}

/** The learner's goal said back, then the kind of project it is (« ... : c'est un projet de régression. »). */
function goalAndKind(goal: string, kind: string, lang: Lang): string {
  return `${goal}${lang === 'fr' ? ' :' : ':'} ${kind.charAt(0).toLowerCase()}${kind.slice(1)}`;
}

const UNCOVERED: Record<Lang, string> = {
  en: 'I have no explanation I can vouch for on that exact point. What I can add about {t}:',
  fr: "Je n'ai pas d'explication sûre sur ce point précis. Ce que je peux ajouter à propos {t} :",
};

const UNCOVERED_CLOSEST: Record<Lang, string> = {
  en: 'I have no explanation I can vouch for on that exact point. The closest I know, about {t}:',
  fr: "Je n'ai pas d'explication sûre sur ce point précis. Ce que j'en sais de plus proche, à propos {t} :",
};

/** A question the glossary cannot match, in the conversation's field: said plainly, then the topic in play. */
function uncoveredPassage(concept: Concept, lang: Lang, template: Record<Lang, string> = UNCOVERED): Passage {
  const text = template[lang].replace('{t}', aboutTerm(concept, lang));
  return partPassage(concept.id, 'pointer', text);
}

/** "the context window", « du surapprentissage » / « de LoRA » (after « à propos »). */
function aboutTerm(concept: Concept, lang: Lang): string {
  return lang === 'en' ? definiteTerm(concept.en.term, 'en') : ofDefiniteTerm(concept.fr.term, 'fr');
}

function pointerPassage(concept: Concept, lang: Lang): Passage {
  const text = POINTER[lang].replace('{t}', aboutTerm(concept, lang));
  return partPassage(concept.id, 'pointer', text);
}

/** Each concept's definition, said as a sentence that names it (a definition already shown is not repeated). */
function severalPassages(concepts: readonly Concept[], lang: Lang, shown: Shown): Passage[] {
  const fresh = concepts.map((concept) => definitionPassage(concept, lang)).filter((passage) => !shown.has(passage.text));
  return fresh.length > 0 ? fresh : concepts.slice(0, 1).map((concept) => pointerPassage(concept, lang));
}

const RECAP: Record<Lang, string> = {
  en: 'In short, what we have covered:',
  fr: 'En bref, ce que nous avons vu :',
};

/** The short version of a conversation: one sentence for each concept it was about, each from its definition. */
function recapPassage(concepts: readonly Concept[], lang: Lang, asked: Readonly<Record<string, Intent>> = {}): Passage {
  // The recap must be short enough to be written whole: the model writes at most generation_config's
  // max_new_tokens (then 320), and a French recap of five concepts with every conclusion was cut mid-sentence. The
  // oldest concepts give way first, then what was concluded comes after each gist while there is room.
  let kept = concepts;
  let gists = kept.map((concept) => gistOf(concept, lang));
  while (kept.length > 2 && gists.join(' ').length > RECAP_MAX_CHARS) {
    kept = kept.slice(1);
    gists = gists.slice(1);
  }
  let room = RECAP_MAX_CHARS - gists.join(' ').length;
  const sentences = kept.map((concept, i) => {
    const conclusion = conclusionOf(concept, lang, asked[concept.id]);
    if (!conclusion || conclusion.length + 1 > room) return gists[i]!;
    room -= conclusion.length + 1;
    return `${gists[i]!} ${conclusion}`;
  });
  const text = [RECAP[lang], ...sentences].join(' ');
  return { conceptIds: kept.map((concept) => concept.id), kind: 'overview', text, line: `[${kept[0]!.id}/overview] ${text}\n` };
}

const STEPS: Record<Lang, string> = {
  en: 'What to do, step by step, from what we covered:',
  fr: "Ce qu'il faut faire, étape par étape, d'après ce que nous avons vu :",
};

/**
 * The order a project does things in, whatever order the conversation met them: the data and its split before the
 * model, the documents parsed and cut before they are searched, the answers' safeguards and checks last.
 */
const ORDER_OF_THE_WORK = [
  'document-parsing', 'optical-character-recognition',
  'retrieval-augmented-generation', 'information-extraction', 'prompt-engineering', 'binary-classification', 'classification',
  'multiclass-classification', 'regression', 'time-series-forecasting', 'anomaly-detection', 'survival-analysis',
  'chunking', 'index-freshness', 'embedding', 'sentence-embedding', 'vector-database', 'semantic-search',
  'bm25', 'hybrid-search', 'metadata-filtering', 'reranking',
  'prompt', 'system-prompt', 'prompt-template', 'few-shot-learning', 'structured-output', 'temperature',
  'retrieval-evaluation', 'prompt-regression-testing', 'grounding', 'hallucination', 'long-context', 'fine-tuning',
  'train-validation-test-split', 'time-based-split', 'cross-validation', 'baseline-model', 'missing-data', 'outlier', 'feature-engineering', 'lag-feature',
  'class-imbalance', 'resampling', 'logistic-regression', 'decision-tree', 'random-forest', 'gradient-boosting', 'tree-depth', 'early-stopping', 'overfitting',
  'precision-and-recall', 'classification-threshold', 'data-drift', 'model-monitoring',
];

/** The steps in the order of the work; those the order does not know keep the conversation's, after them. */
function inTheOrderOfTheWork<T extends { readonly concept: Concept }>(steps: readonly T[]): T[] {
  const rank = (step: T) => {
    const known = ORDER_OF_THE_WORK.indexOf(step.concept.id);
    return known === -1 ? ORDER_OF_THE_WORK.length : known;
  };
  return steps.map((step, index) => ({ step, index })).sort((a, b) => rank(a.step) - rank(b.step) || a.index - b.index).map(({ step }) => step);
}

/**
 * A recap asked as what to do: one numbered step a concept, in the order the work is done, each the sentence of its
 * entry that says what to do about it. As short as the recap, the lightest steps giving way first; a step the
 * conversation already showed whole comes back as its first clause.
 */
function stepPassages(concepts: readonly Concept[], lang: Lang, { asked = {}, onALanguageModel = false, plan = [] }: Understanding, shown: Shown): Passage[] {
  // A project's steps, when the conversation opened one, come first and stay: how a project goes (its step, or the
  // doing part of how it works; its framing is behind the learner). One on a language model starts from its test
  // inputs instead: "gather a few hundred labelled examples of the prediction" is a table's first step.
  const project = concepts[0]?.id === WORKFLOW_ID ? concepts[0] : undefined;
  let projectStep = project && !onALanguageModel ? [{ concept: project, action: project[lang].step ?? sentencesOf(partText(project, lang, 'how')).slice(-1).join(' '), weight: Infinity }] : [];
  const others = concepts.slice(project ? 1 : 0);
  // The concepts there is something to do about; if none, what each is for.
  const actions = others.flatMap((concept) => {
    const action = actionOf(concept, lang, asked[concept.id]);
    // A project's plan keeps its own steps (its test set, its baseline...) whatever else gives way.
    const weight = plan.includes(concept.id) ? Infinity : stepWeight(concept);
    return action ? [{ concept, action, weight }] : [];
  });
  let kept = actions.length > 0 ? actions : others.map((concept) => ({ concept, action: purposeOf(concept, lang), weight: 0 }));
  const length = () => [...projectStep, ...kept].map((step) => step.action).join(' ').length;
  // Too long: each step is cut to a line or two; still too long, the least weighty step gives way, the oldest of
  // equal weight first.
  for (const shorter of SHORTER_STEPS) {
    if (length() <= STEPS_MAX_CHARS) break;
    projectStep = projectStep.map((step) => ({ ...step, action: shorter(step.action) }));
    kept = kept.map((step) => ({ ...step, action: shorter(step.action) }));
  }
  // (The header and each step are one passage each: the prompt has room for MAX_PASSAGES.)
  while (kept.length > 1 && (length() > STEPS_MAX_CHARS || projectStep.length + kept.length >= MAX_PASSAGES)) {
    const lightest = kept.reduce((least, step) => (step.weight < least.weight ? step : least));
    kept = kept.filter((step) => step !== lightest);
  }
  // A plan on a language model goes its own way (the task, what it answers in, its test inputs), then what else was met.
  const planned = onALanguageModel ? plan.flatMap((id) => kept.filter((step) => step.concept.id === id)) : [];
  kept = [...projectStep, ...planned, ...inTheOrderOfTheWork(kept.filter((step) => !planned.includes(step)))];
  const header: Passage = { conceptIds: kept.map((step) => step.concept.id), kind: 'pointer', text: STEPS[lang], line: `[${kept[0]!.concept.id}/pointer] ${STEPS[lang]}\n` };
  return [
    header,
    ...kept.map(({ concept, action }, index) => partPassage(concept.id, 'overview', `${index + 1}. ${shown.has(action) ? clipped(action, SHOWN_STEP_CHARS) : action}`)),
  ];
}

/**
 * What to do about a concept, in one sentence, if anything: for a problem, how it is avoided; for a step every
 * project has (a baseline, enough data, a split) or what the conversation asked how to handle, how it is done. A
 * limit is a caveat, not a step; how a technique works is knowledge, not a step.
 */
function actionOf(concept: Concept, lang: Lang, intent: Intent | undefined): string | undefined {
  // The entry's own step says it best; entries without one give the first sentence of how it is avoided or done.
  if (concept[lang].step) return oneLine(concept[lang].step);
  const sections = concept[lang].sections ?? {};
  // How backpropagation works is no step; how a baseline is built, or what was asked how to handle, is.
  const howToDo = PROJECT_STEP_IDS.includes(concept.id) || intent === 'remedy' ? sections.how : undefined;
  return sentencesOf(sections.remedies ?? howToDo ?? '')[0];
}

/** A step cut to `most` characters at the end of a clause, ending with a full stop; one with no clause to end at stays whole. */
function clipped(action: string, most: number): string {
  if (action.length <= most) return action;
  // A semicolon or a colon ends a thought; a comma only an item of a list. A cut inside brackets would leave them open.
  const ends = clauseEnds(action, most);
  const thought = ends.filter((end) => end.strong).pop();
  const cut = thought && thought.at > most / 2 ? thought.at : ends.pop()?.at;
  return cut !== undefined && cut > most / 2 ? `${action.slice(0, cut).trimEnd().replace(/[\s,;:]+$/u, '')}.` : action;
}

/** What follows a comma inside a list: a few words, then "or", "and", « ou », « et ». */
const LIST_GOES_ON = /^ [^,;:()]{1,30}? (or|and|ou|et) /u;

/** Text that ends on "and", « et », "but"...: the clause goes on after the comma. */
const AFTER_A_CONJUNCTION = /(?:^|\s)(?:and|or|but|then|et|ou|mais|puis)$/iu;

/** A clause that only says when the next one applies: "and after every change", « avant de construire... ». */
const OPENS_ON_WHEN = /^(?:and |et |or |ou |then |puis )?(?:after|when|whenever|if|before|once|while|until|avant de|avant d'|après|quand|lorsque|si|une fois|dès que|à chaque|tant que)\b/iu;

/** Where a step's clauses end before `most`, outside brackets: after a comma, a semicolon or a colon. */
function clauseEnds(action: string, most: number): { at: number; strong: boolean }[] {
  const ends: { at: number; strong: boolean }[] = [];
  let depth = 0;
  // Where the clause in progress starts: after the last comma that is not inside a list ("after every change of
  // chunking, embedding or reranking, count..." is one clause up to "reranking").
  let clauseStart = 0;
  for (let at = 0; at < Math.min(action.length, most); at++) {
    const char = action[at]!;
    if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && /[;:]/u.test(char) && action[at + 1] === ' ') {
      ends.push({ at, strong: true });
      clauseStart = at + 1;
    } else if (depth === 0 && char === ',' && action[at + 1] === ' ') {
      // ("chunking, embedding or reranking": a comma inside a list ends no clause.)
      // ("and after every change, measure...": nor does one that closes a clause's "when" or "after".)
      // (« l'enregistrer avec chaque sortie et, avant de... »: a comma after "and" opens an aside, it ends nothing.)
      if (LIST_GOES_ON.test(action.slice(at + 1))) continue;
      if (!AFTER_A_CONJUNCTION.test(action.slice(0, at)) && !OPENS_ON_WHEN.test(action.slice(clauseStart, at).trimStart())) ends.push({ at, strong: false });
      clauseStart = at + 1;
    }
  }
  return ends;
}

/**
 * The ways a plan too long is made shorter, in turn: a sentence taken from elsewhere is cut to the length of an
 * entry's step (240 characters at most); then the steps lose their examples in brackets; then each keeps its first
 * line, so that the plan keeps its steps rather than their details.
 */
/** A step shown whole earlier in the conversation is recalled in this many characters at most. */
const SHOWN_STEP_CHARS = 120;

const SHORTER_STEPS: readonly ((action: string) => string)[] = [(action) => clipped(action, 240), withoutAsides, (action) => clipped(action, 170)];

/** "Build features from your raw columns (days since..., ratios), and check...": the step without its examples. */
function withoutAsides(action: string): string {
  const shorter = action.replace(/\s*\((?:[^()]|\([^()]*\))*\)/gu, '');
  return shorter.length >= MIN_STEP_CHARS ? shorter : action;
}

const MIN_STEP_CHARS = 40;

/**
 * How much a step weighs in a plan: fixing a problem the conversation met most, then the steps every project has (a
 * baseline, enough data), then doing what was asked how to do.
 */
function stepWeight(concept: Concept): number {
  if (concept.en.sections?.remedies) return 3;
  return PROJECT_STEP_IDS.includes(concept.id) ? 2 : 1;
}

const PROJECT_STEP_IDS = ['baseline-model', 'training-set-size', 'train-validation-test-split', 'cross-validation', 'feature-engineering', 'precision-and-recall', 'evaluation-metric'];

/** What a concept is for, in one sentence; its gist when its entry does not say. */
function purposeOf(concept: Concept, lang: Lang): string {
  return sentencesOf(concept[lang].sections?.why ?? '')[0] ?? gistOf(concept, lang);
}

/** A concept's definition up to its first colon, said as a sentence that names it. */
function gistOf(concept: Concept, lang: Lang): string {
  return withFullStop(namingSentence(concept[lang].term, firstClause(concept[lang].definition), lang));
}

/**
 * About 250 tokens of French with the bundled tokenizer (879 characters: 240), well within the 480 an answer may have
 * (generation_config.json's max_new_tokens): a recap is a short version.
 */
const RECAP_MAX_CHARS = 900;

/**
 * A plan has room for five or six steps: the entries' steps, written after the tokenizer was trained, take 3.1
 * characters a token (1,250 characters: about 400 tokens of the 480).
 */
const STEPS_MAX_CHARS = 1_250;

/**
 * An answer's passages hold at most this much text when it says what a concept means in the learner's data (about
 * 400 tokens): the passages after the first give way, the last first, so that the learner's own case is not cut.
 */
const ANSWER_MAX_CHARS = 1_300;

/**
 * What the conversation concluded about a concept, when it asked more than what it is: the first sentence of its
 * limits, remedies, causes or purpose ("Accuracy misleads when one class is rare").
 */
function conclusionOf(concept: Concept, lang: Lang, intent: Intent | undefined): string {
  const part = intent && intent in INTENT_PART ? INTENT_PART[intent as SingleIntent] : undefined;
  if (part !== 'limits' && part !== 'remedies' && part !== 'causes' && part !== 'why') return '';
  return sentencesOf(concept[lang].sections?.[part] ?? '')[0] ?? '';
}

/** A definition's first sentence, up to its first colon or semicolon: the gist, for a recap. */
function firstClause(definition: string): string {
  const first = (sentencesOf(definition)[0] ?? definition).replace(/\s*\([^()]*\)/gu, '');
  const cut = /\s?[:;]\s/u.exec(first.slice(30));
  return (cut ? first.slice(0, 30 + cut.index) : first).replace(/[,.\s]+$/u, '');
}

const NOT_THE_SAME: Record<Lang, string> = {
  en: '{a} and {b} are not the same thing.',
  fr: '{a} et {b} ne désignent pas la même chose.',
};

/**
 * The curated contrast when the glossary has one; otherwise a difference stated from the two entries: what
 * each one is, in a sentence that names it, after a sentence saying they differ.
 */
function contrastPassages(concepts: readonly Concept[], lang: Lang, shown: Shown): Passage[] {
  const [first, second] = concepts;
  if (!first || !second) return [];
  const curated = first.contrasts?.find((contrast) => contrast.with === second.id);
  // A curated contrast says what each is as it tells them apart: their definitions after it would say it twice
  // (asked again, they are what is left to say).
  if (curated) {
    const contrast = contrastPassage(first.id, second.id, curated[lang]);
    const definitions = [definitionPassage(first, lang), definitionPassage(second, lang)];
    return (shown.has(contrast.text) ? definitions : [contrast]).filter((passage) => !shown.has(passage.text));
  }
  // A definition the conversation just showed is not said again: the opening sentence names both.
  const each = [first, second]
    .filter((concept) => !shown.has(concept[lang].definition.replace(/\s+/g, ' ').trim()))
    .map((concept) => namingSentence(concept[lang].term, concept[lang].definition, lang));
  // "An embedding and a token", « le plongement et le jeton »: each language's way of naming a kind of thing.
  const named = (concept: Concept) => (lang === 'en' ? indefiniteTerm(concept.en.term, 'en') : definiteTerm(concept.fr.term, 'fr'));
  const opening = NOT_THE_SAME[lang].replace('{a}', named(first)).replace('{b}', named(second));
  const text = [upperFirst(opening), ...each.map(withFullStop)].join(' ');
  return [contrastPassage(first.id, second.id, text)];
}

function withFullStop(sentence: string): string {
  return /[.!?…]$/u.test(sentence.trim()) ? sentence.trim() : `${sentence.trim()}.`;
}

/**
 * The chat reads this much of an entry's Markdown: a bundled explanation is under 800 characters, and a passage
 * keeps its first sentences. A user's explanation may be megabytes long.
 */
const MAX_PLAIN_TEXT_CHARS = 10_000;

/**
 * Markdown to plain text: emphasis, code and link marks dropped, the words kept. Linear in the text's length:
 * a mark's content stops at the next opening mark (`[`, `(`, `*`), so an opening mark that is never closed is
 * read up to the next one, not to the end of the text from every position (an explanation of `![a ` repeated
 * 80,000 times held the host 65 s). The same results as before on every entry of the bundled glossary.
 */
export function plainText(markdown: string): string {
  return markdown
    .slice(0, MAX_PLAIN_TEXT_CHARS)
    .replace(/!\[[^\][]*\]\([^()]*\)/g, '')
    .replace(/\[([^\][]+)\]\([^()]*\)/g, '$1')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(/(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whole sentences up to MAX_PASSAGE_CHARS (at least the first one, cut there if it is longer). */
export function firstSentences(text: string): string {
  const sentences = sentencesOf(text);
  let out = '';
  for (const sentence of sentences) {
    if (out && out.length + 1 + sentence.length > MAX_PASSAGE_CHARS) break;
    out = out ? `${out} ${sentence}` : sentence;
  }
  return out.length > MAX_PASSAGE_CHARS * 1.5 ? `${out.slice(0, MAX_PASSAGE_CHARS).trimEnd()}…` : out;
}
