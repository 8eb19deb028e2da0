import type { Glossary } from '../glossary/glossary';
import { otherLang, type Concept, type Lang } from '../glossary/types';
import { splitPieces } from '../matching/normalize';
import { normalizeTerm } from '../matching/normalize';
import type { Intent, SingleIntent } from './intent';
import { detectLanguage, sentencesOf, STOP_WORD_KEYS } from './language';
import { INTENT_PART, partText } from './passages';
import { REFUSAL, type Passage } from './prompt';

/** One turn of a held-out item: the question, and what a right answer is about. */
export interface HeldOutTurn {
  readonly question: string;
  readonly intent: Intent;
  /** Empty for small talk and questions outside the domain. */
  readonly concept_ids: readonly string[];
  readonly answer_lang: Lang;
  /** A reaction or a comment without a term (« Ça a l'air compliqué ») that must be answered on the topic in play. */
  readonly conversational?: boolean;
}

/** One held-out item (training/eval/heldout.jsonl): a question, or a dialogue of several turns. */
export interface HeldOutItem {
  readonly kind: string;
  readonly lang: Lang;
  readonly form?: string;
  readonly turns: readonly HeldOutTurn[];
}

export interface Judgement {
  /** The answer does what was asked: a reason for a why, the difference for a contrast, every concept covered. */
  readonly intentAddressed: boolean;
  /** Share of the expected definitions' content words found in the answer; undefined without concepts. */
  readonly factRecall: number | undefined;
  /** Share of the answer's sentences whose words come from the prompt's passages (1 for a fixed sentence). */
  readonly faithfulness: number;
  readonly languageMatch: boolean;
  /** Share of word trigrams that repeat an earlier one. */
  readonly repetition: number;
  /** Passages of the glossary the answer gives again after an earlier answer of the dialogue gave them. */
  readonly repeatedPassages: number;
  /** The answer opens with a dictionary label (« Terme (en anglais : term) : ... », "Term: ..."). */
  readonly opensWithLabel: boolean;
  /** A French answer says tu or vous as the learner does; undefined when the learner said neither or in English. */
  readonly registerMatch: boolean | undefined;
  /** A conversational turn answered about the topic in play (no refusal, no greeting); undefined otherwise. */
  readonly onTopic: boolean | undefined;
}

/** What the judge knows of the dialogue before this turn. */
export interface DialogueSoFar {
  readonly earlierAnswers: readonly string[];
  /** The learner's tu or vous so far, if they said one. */
  readonly register?: 'tu' | 'vous';
}


function contentKeys(text: string): string[] {
  return splitPieces(text)
    .map((piece) => piece.key)
    .filter((key) => key.length > 2 && !STOP_WORD_KEYS.has(key));
}

/** Share of the content words of `expected` that the answer holds. */
export function recall(answer: string, expected: string): number {
  const answerKeys = new Set(contentKeys(answer));
  const keys = [...new Set(contentKeys(expected))];
  return keys.length === 0 ? 0 : keys.filter((key) => answerKeys.has(key)).length / keys.length;
}

/** A passage counts as given when the answer holds this share of its words. */
const GIVEN = 0.6;
/** A first paragraph this short is a lead-in, not the answer's opening (« Cela ressemble à un cas de surapprentissage. »). */
const LEAD_IN_CHARS = 100;

/** Where an answer must address the question: its first paragraph, and the next one after a one-line lead-in. */
function opening(answer: string): string {
  const [first = '', second] = answer.split(/\n\s*\n/);
  return first.trim().length < LEAD_IN_CHARS && second !== undefined ? `${first}\n\n${second}` : first;
}

/** Share of trigrams of words and punctuation marks that repeat an earlier one (`,,,,` repeats too). */
export function repetitionRate(answer: string): number {
  const words = answer.toLowerCase().match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? [];
  const grams = words.slice(2).map((_, i) => `${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return grams.length === 0 ? 0 : 1 - new Set(grams).size / grams.length;
}

/** Terms quoted « like this » or in parentheses name words of the other language: not the answer's language. */
function withoutQuotedTerms(answer: string): string {
  return answer.replace(/«[^»]*»/g, ' ').replace(/\([^)]*\)/g, ' ');
}

export function isRefusal(answer: string): boolean {
  return Object.values(REFUSAL).some((refusal) => answer.includes(refusal.slice(0, 30)));
}

/** The answer names the concept (a term or alias, either language). */
function namesConcept(answer: string, concept: Concept): boolean {
  const keys = splitPieces(answer)
    .map((piece) => piece.key)
    .join('');
  return (['fr', 'en'] as const).some((lang) =>
    [concept[lang].term, ...concept[lang].aliases].some((form) => {
      const key = normalizeTerm(form);
      return key.length > 1 && keys.includes(key);
    }),
  );
}


/**
 * The part an answer to `intent` must give, and where: the part asked for opens the answer; an entry without
 * it (a user's entry has no sections) is answered from its overview after the definition, as the pipeline
 * orders it, so the overview may come anywhere.
 */
function expectedPart(concept: Concept, lang: Lang, intent: Intent): { text: string; inOpening: boolean } | undefined {
  // A "what" is answered by the definition; its mechanism after it is optional.
  const part = intent === 'what' || !(intent in INTENT_PART) ? undefined : INTENT_PART[intent as SingleIntent];
  if (!part) return undefined;
  const asked = partText(concept, lang, part);
  if (asked) return { text: asked, inOpening: true };
  const overview = intent === 'example' ? '' : partText(concept, lang, 'overview');
  return overview ? { text: overview, inOpening: false } : undefined;
}

/**
 * The answer without the sentence that says what the concept means for the learner's own numbers ("with 12 of 300
 * students..."): said first when the question told them, it stands before the part asked for, as a lead-in does.
 */
function withoutTheirNumbers(answer: string, passages: readonly Passage[]): string {
  const theirs = new Set(passages.filter((passage) => passage.kind === 'numbers').map((passage) => passage.text.trim()));
  return theirs.size === 0 ? answer : answer.split(/\n\s*\n/).filter((paragraph) => !theirs.has(paragraph.trim())).join('\n\n');
}

function addressesIntent(answer: string, turn: HeldOutTurn, concepts: readonly Concept[], earlierAnswers: readonly string[]): boolean {
  const previousAnswer = earlierAnswers[earlierAnswers.length - 1];
  const lang = turn.answer_lang;
  switch (turn.intent) {
    case 'ood':
      return isRefusal(answer);
    case 'smalltalk':
      return answer.trim().length > 0 && !isRefusal(answer) && answer.split(/\s+/).length <= 40 && answer !== previousAnswer;
    case 'contrast': {
      const [a, b] = concepts;
      if (!a || !b || !namesConcept(answer, a) || !namesConcept(answer, b)) return false;
      const curated = a.contrasts?.find((contrast) => contrast.with === b.id)?.[lang];
      return curated ? recall(opening(answer), curated) >= GIVEN : concepts.every((c) => recall(answer, c[lang].definition) >= GIVEN);
    }
    case 'translate': {
      const [concept] = concepts;
      const other = otherLang(lang);
      return !!concept && normalizeTerm(answer).includes(normalizeTerm(concept[other].term));
    }
    default: {
      if (concepts.length === 0 || isRefusal(answer)) return false;
      const part = concepts.length === 1 ? expectedPart(concepts[0]!, lang, turn.intent) : undefined;
      // Asked again after the dialogue gave it: the next useful part, or a pointer back, never the same text.
      if (part && earlierAnswers.some((earlier) => recall(earlier, part.text) >= GIVEN)) return !isRefusal(answer) && answer.trim() !== '' && recall(answer, part.text) < GIVEN;
      if (part) return recall(part.inOpening ? opening(answer) : answer, part.text) >= GIVEN;
      return concepts.every((concept) => recall(answer, concept[lang].definition) >= GIVEN);
    }
  }
}


/** A sentence is supported when this share of its content words stands in the passages (or the question). */
const SUPPORTED = 0.8;

/**
 * Share of the answer's sentences that rest on the prompt: their content words are in the passages (the
 * scaffolding of an answer, « En termes simples », names terms that are there too). A fixed sentence that no
 * model wrote (the refusal) is faithful by construction.
 */
export function faithfulness(answer: string, passages: readonly Passage[], question: string, concepts: readonly Concept[]): number {
  if (isRefusal(answer) && passages.length === 0) return 1;
  if (passages.length === 0) return 1; // small talk: a polite reply, no claim
  const grounded = new Set(
    contentKeys([...passages.map((passage) => passage.text), question, ...concepts.flatMap((c) => [c.fr.term, c.en.term, ...c.fr.aliases, ...c.en.aliases]), SCAFFOLD].join(' ')),
  );
  const all = sentencesOf(answer);
  if (all.length === 0) return 0;
  const supported = all.filter((sentence) => {
    const keys = contentKeys(sentence);
    return keys.length === 0 || keys.filter((key) => grounded.has(key)).length / keys.length >= SUPPORTED;
  });
  return supported.length / all.length;
}

/** The words the answer formats add around the passages (training/build_corpus.py, A). */
const SCAFFOLD =
  'in french english en anglais francais simple terms termes simples example exemple called appelle dit also aussi ' +
  'not same thing designent pas meme chose explained above expliqué plus haut propos concept read next lire ensuite ' +
  'glossary glossaire entry entree answers reponde exactly exactement here voici says dit ' +
  'describe sounds like case cela ressemble cas comes intervient short covered bref avons means designe designent ' +
  'risk name risque porte nom idea known idee project projet job travail tient comes down role justement toujours own its';

export function judge(glossary: Glossary, turn: HeldOutTurn, answer: string, passages: readonly Passage[], dialogue: DialogueSoFar = { earlierAnswers: [] }): Judgement {
  const previousAnswer = dialogue.earlierAnswers[dialogue.earlierAnswers.length - 1];
  const concepts = turn.concept_ids.flatMap((id) => {
    const concept = glossary.get(id);
    return concept ? [glossary.withDetails(concept)] : [];
  });
  const hasConcepts = turn.concept_ids.length > 0;
  return {
    intentAddressed: (!hasConcepts || concepts.length > 0) && addressesIntent(withoutTheirNumbers(answer, passages), turn, concepts, dialogue.earlierAnswers) && answer !== previousAnswer,
    factRecall: hasConcepts ? recallAll(answer, concepts, turn.answer_lang) : undefined,
    faithfulness: faithfulness(answer, passages, turn.question, concepts),
    languageMatch: detectLanguage(withoutQuotedTerms(answer), otherLang(turn.answer_lang)) === turn.answer_lang,
    repetition: repetitionRate(answer),
    repeatedPassages: repeatedPassages(answer, passages, dialogue.earlierAnswers),
    opensWithLabel: opensWithLabel(answer, concepts),
    registerMatch: turn.answer_lang === 'fr' && dialogue.register ? registerMatches(answer, dialogue.register) : undefined,
    onTopic: turn.conversational ? isOnTopic(answer, turn, concepts) : undefined,
  };
}

/** Passages given in this answer that an earlier answer of the dialogue already gave. */
export function repeatedPassages(answer: string, passages: readonly Passage[], earlierAnswers: readonly string[]): number {
  const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
  const now = flat(answer);
  const before = earlierAnswers.map(flat).join('\n');
  return passages.filter((passage) => passage.text.length > 40 && now.includes(flat(passage.text)) && before.includes(flat(passage.text))).length;
}

/** « Avenir de l'IA (en anglais : future of AI) : ... », "Overfitting: ...": a label, not an answer. */
export function opensWithLabel(answer: string, concepts: readonly Concept[]): boolean {
  const first = answer.trimStart().split('\n')[0] ?? '';
  if (/^[^.!?]{1,100}\((?:in|en) (?:french|english|anglais|français)\s?:/iu.test(first)) return true;
  const terms = concepts.flatMap((concept) => [concept.fr.term, concept.en.term]).map((term) => term.toLowerCase());
  const label = /^([^.!?:]{1,80}?)\s?:\s/u.exec(first)?.[1]?.trim().toLowerCase();
  return label !== undefined && terms.includes(label);
}

const TU_FORMS = /(?<![\p{L}-])(?:tu|te|toi|ton|ta|tes|pose-moi|reviens|explique-moi|t'aide|t'intrigue|veux)(?![\p{L}-])/iu;
const VOUS_FORMS = /(?<![\p{L}-])(?:vous|votre|vos|posez-moi|revenez|expliquez-moi|voulez)(?![\p{L}-])/iu;

/** The answer uses no form of the other register. */
export function registerMatches(answer: string, register: 'tu' | 'vous'): boolean {
  return !(register === 'tu' ? VOUS_FORMS : TU_FORMS).test(answer);
}

const GREETING = /^(?:hello|hi|bonjour|salut)\b/iu;

function isOnTopic(answer: string, turn: HeldOutTurn, concepts: readonly Concept[]): boolean {
  if (isRefusal(answer) || GREETING.test(answer.trim())) return false;
  if (concepts.length === 0) return answer.trim().length > 0;
  const lang = turn.answer_lang;
  const entryText = concepts.flatMap((concept) => [concept[lang].definition, concept[lang].explanation, concept[lang].example, ...Object.values(concept[lang].sections ?? {})]).join(' ');
  return recall(entryText, answer) >= 0.5;
}

function recallAll(answer: string, concepts: readonly Concept[], lang: Lang): number {
  return concepts.length === 0 ? 0 : recall(answer, concepts.map((concept) => concept[lang].definition).join(' '));
}

/**
 * The retrieval-only baseline: the passages the pipeline retrieved, printed in their order as the answer (each
 * definition labelled with its term), with the same fixed refusal and nothing for small talk.
 */
export function baselineAnswer(passages: readonly Passage[], glossary: Glossary, lang: Lang, intent: Intent): string {
  if (intent === 'ood') return REFUSAL[lang];
  return passages
    .map((passage) => (passage.kind === 'definition' ? `${glossary.get(passage.conceptIds[0]!)?.[lang].term ?? ''}: ${passage.text}` : passage.text))
    .join('\n\n');
}

export interface KindFigures {
  turns: number;
  intentAddressed: number;
  baselineIntentAddressed: number;
  factRecall: number | null;
  faithfulness: number;
  languageMatch: number;
  repetitionRate: number;
  /** Passages repeated within a dialogue, in all (the floor is zero). */
  repeatedPassages: number;
  /** Share of answers that open with a dictionary label. */
  labelOpenings: number;
  /** Share of French answers, where the learner said tu or vous, that say the same; null without any. */
  registerMatch: number | null;
  /** Share of conversational turns answered on the topic in play; null without any. */
  conversationalOnTopic: number | null;
}

export interface EvalSummary extends KindFigures {
  items: number;
  outOfDomainRefusal: number;
  byKind: Record<string, KindFigures>;
}

export interface JudgedTurn {
  readonly kind: string;
  readonly intent: Intent;
  readonly model: Judgement;
  readonly baseline: Judgement;
}

const mean = (values: readonly number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
const ratio = (value: number) => Number(value.toFixed(4));

function figures(turns: readonly JudgedTurn[]): KindFigures {
  const recalls = turns.flatMap((turn) => (turn.model.factRecall === undefined ? [] : [turn.model.factRecall]));
  return {
    turns: turns.length,
    intentAddressed: ratio(mean(turns.map((turn) => Number(turn.model.intentAddressed)))),
    baselineIntentAddressed: ratio(mean(turns.map((turn) => Number(turn.baseline.intentAddressed)))),
    factRecall: recalls.length > 0 ? ratio(mean(recalls)) : null,
    faithfulness: ratio(mean(turns.map((turn) => turn.model.faithfulness))),
    languageMatch: ratio(mean(turns.map((turn) => Number(turn.model.languageMatch)))),
    repetitionRate: ratio(mean(turns.map((turn) => turn.model.repetition))),
    repeatedPassages: turns.reduce((sum, turn) => sum + turn.model.repeatedPassages, 0),
    labelOpenings: ratio(mean(turns.map((turn) => Number(turn.model.opensWithLabel)))),
    registerMatch: shareOf(turns.map((turn) => turn.model.registerMatch)),
    conversationalOnTopic: shareOf(turns.map((turn) => turn.model.onTopic)),
  };
}

function shareOf(values: readonly (boolean | undefined)[]): number | null {
  const known = values.filter((value): value is boolean => value !== undefined);
  return known.length > 0 ? ratio(mean(known.map(Number))) : null;
}

/** Figures over every turn, and by kind (a dialogue's turns count under "dialogue"). */
export function summarize(items: number, turns: readonly JudgedTurn[]): EvalSummary {
  const kinds = [...new Set(turns.map((turn) => turn.kind))].sort();
  const outOfDomain = turns.filter((turn) => turn.intent === 'ood');
  return {
    items,
    ...figures(turns),
    outOfDomainRefusal: ratio(mean(outOfDomain.map((turn) => Number(turn.model.intentAddressed)))),
    byKind: Object.fromEntries(kinds.map((kind) => [kind, figures(turns.filter((turn) => turn.kind === kind))])),
  };
}
