import type { Glossary } from '../glossary/glossary';
import type { Concept, LearnerField } from '../glossary/types';
import { foldCase } from '../matching/normalize';
import { asksAboutOwnCase, learnerField } from './fields';
import {
  asksWhetherItHolds,
  asksAboutBoth,
  asksAboutTheFuture,
  asksWhyNotInstead,
  asksForAdvice,
  asksToChooseBetween,
  detectIntent,
  detectRemark,
  detectSmallTalk,
  ENOUGH_TO_STOP_IT,
  plainQuestion,
  refersBack,
  soundsLikeFollowUp,
  type Intent,
  type Remark,
  type SingleIntent,
  type SmallTalk,
} from './intent';
import type { Retrieved, Retriever } from './retrieval';
import { accuracyHidesTheRareClass, RAG_ID, DOCUMENT_PARSING_ID, GOLDEN_TEST_SET_ID, OCR_ID, FORECASTING_ID, asksForFeatures, asksHowItFindsPassages, asksHowToStart, asksHowToStartAProject, asksHowToTest, opensAProject, openingSteps, asksWhetherAChangeHelps, EXTRACTION_ID, HALLUCINATION_ID, HYBRID_SEARCH_ID, NAMES_EXACT_CODES, SEMANTIC_SEARCH_ID, STRUCTURED_OUTPUT_ID, SPLIT_ID, TIME_BASED_SPLIT_ID, asksWhatToMeasure, DOCUMENT_PROJECT_STEPS, DOCUMENT_TASK_IDS, CLASS_IMBALANCE_ID, EVALUATION_METRIC_ID, PRECISION_AND_RECALL_ID, EVERY_PROJECTS_STEPS, FIRST_TABLE_MODELS, LANGUAGE_MODEL_IDS, NEXT_STEP_ON_A_LANGUAGE_MODEL, TABLE_PROJECT_STEPS, LANGUAGE_MODEL_PROJECT_STEPS, namesOnlyAResultsSetting, OVERFITTING_ID, namesOnlyTaskTypes, projectTaskType, proposedBaseline, situationTold, testsOnTrainingData, weighsYesNoAgainstAQuantity, WORKFLOW_ID } from './situations';
import { isPartOf } from './signs';
import { learnerFacts } from './learnerFacts';

/** What a question asks, about which concepts, read in the light of the conversation. */
export interface Understanding {
  readonly intent: Intent;
  /** The subjects, at most three (two for a contrast); empty for small talk and outside the domain. */
  readonly concepts: readonly Concept[];
  /** The question named nothing and took its concepts from the previous turn. */
  readonly followUp: boolean;
  readonly smallTalk?: SmallTalk;
  /** A reaction to the previous answer (a doubt, confusion...), answered about the topic in play. */
  readonly remark?: Remark;
  /**
   * A question in the conversation's field that names no concept the glossary knows (« comment le modèle lit-il
   * mon texte ? »): answered from the topic in play, after a sentence that says the glossary has no entry for it.
   */
  readonly uncovered?: boolean;
  /**
   * The question describes the concept without naming it (« ma perte d'entraînement est basse mais le test est
   * mauvais »): the answer first names what was described.
   */
  readonly described?: boolean;
  /** The conversation had started: a greeting is not repeated. */
  readonly inConversation?: boolean;
  /**
   * The question opens a project and asks where to start: the concepts are the kind of task it is, when that is
   * clear, and the steps of a machine learning project.
   */
  readonly project?: boolean;
  /** The project is built on a language model (« utiliser un LLM pour lire les factures »): planned around real inputs with expected outputs. */
  readonly onALanguageModel?: boolean;
  /** For a recap: what the conversation last asked of each concept, by id (its limits, how to avoid it...). */
  readonly asked?: Readonly<Record<string, Intent>>;
  /** Two kinds of task weighed in a project of one of them: that kind, said first. */
  readonly verdict?: string;
  /** The verdict is a way to go recommended (the project's own approach against another), not the kind of task it is. */
  readonly recommended?: boolean;
  /** A symptom its concept's limits tell ("it always predicts an hour too late"): named as a known pitfall. */
  readonly pitfall?: boolean;
  /** "ok" in a project's conversation: the plan's next step, which the answer names as such. */
  readonly nextStep?: boolean;
  /** A recap asked as what to do ("sum up what I should do, in steps"): one step a concept, in order. */
  readonly steps?: boolean;
  /** In such a recap, the project's own steps (its test set, its baseline...), kept whatever else gives way. */
  readonly plan?: readonly string[];
  /**
   * The learner proposed a shortcut that the concept names ("why not just use last week's average?": the baseline
   * model): the answer names the approach rather than that their words describe a case of it.
   */
  readonly shortcut?: boolean;
  /**
   * The learner stated a fact rather than a symptom ("only 12% of batches die"): the answer says what it is a case of,
   * not that their words sound like one.
   */
  readonly stated?: boolean;
  /** "Is that really enough? Users type other names for the parts": the topic alone is not; the technique described is what covers it. */
  readonly notEnough?: boolean;
  /** "Which temperature should I use for a support bot?": what to do with it comes first. */
  readonly advice?: boolean;
  /** The kind of data the learner told of (appointments, machines...), over the conversation (pipeline/fields.ts). */
  readonly field?: LearnerField;
}

/** What an earlier turn was about, newest last. */
export interface EarlierTurn {
  readonly conceptIds: readonly string[];
  readonly intent?: Intent;
  /** What the learner asked: the words they use for their own things ("knitting patterns", « nos lots »). */
  readonly question?: string;
}

/** The kinds of project whose data is written text: on the learner's documents, or read or written by a language model. */
const TEXT_PROJECT_IDS: readonly string[] = [...DOCUMENT_TASK_IDS, EXTRACTION_ID, 'prompt-engineering', 'text-summarization'];

/**
 * The learner's field: a project on a language model or on documents works with written text, whatever its business
 * (delivery notes read by an LLM are text, not transport); any other, from the learner's words.
 */
export function conversationField(question: string, earlier: readonly EarlierTurn[], openingTask?: string): LearnerField | undefined {
  const onText = projectOpening(earlier)?.conceptIds.some((id) => TEXT_PROJECT_IDS.includes(id)) ?? false;
  if (onText) return 'text';
  const field = learnerField([...earlier.map((turn) => turn.question ?? ''), question]);
  // "Which drying tops will crack?", "the yield of each block": readings that decide a yes or no, or a number, for each
  // piece or batch tell of a process, not of a level to forecast.
  const task = openingTask ?? projectOpening(earlier)?.conceptIds.find((id) => id !== WORKFLOW_ID);
  if (field !== 'readings' || !task || !EACH_ITEM_TASK_IDS.includes(task)) return field;
  const said = [...earlier.map((turn) => turn.question ?? ''), question].map(plainQuestion);
  // (Only in production: a piano's humidity or a clock's temperature decide nothing of parts, moulds or shifts.)
  if (said.some((words) => PRODUCED_ITEMS.test(words))) return 'quality';
  // « Prédire les chutes de pH avant qu'elles arrivent » from readings every 10 minutes: an event ahead in the readings.
  return said.some((words) => EVENT_AHEAD.test(words)) ? 'readings' : undefined;
}

/** "Before they happen", « avant qu'elles arrivent », "hours ahead": an event to see coming in readings over time. */
const EVENT_AHEAD = / (before (they|it) (happen|happens|occur|occurs|arrive|arrives|start|starts|hit|hits)|avant qu'(ils|elles|il|elle) (n')?(arrivent|arrive|surviennent|survienne|se produisent|se produise)|hours? ahead|in advance|a l'avance|hours? before|heures? avant|heures? a l'avance)\b/;

/** Items a process makes, one after another: parts, batches, castings, firings. */
const PRODUCED_ITEMS = / (parts?|pieces?|batch|batches|lots?|castings?|firings?|cuissons?|moulages?|coulees?|moulds?|molds?|moules?|production|produced|produit|produites?|fabrication|manufactur[a-z]*|process|procede|kilns?|drying|dried|sechage|seche|staves|douelles|tiles|carreaux|boards|planks|planches)\b/;

const YES_OR_NO_TASK_IDS: readonly string[] = ['binary-classification', 'classification'];
/** Tasks that predict something of each item (a piece, a batch, a bag), not of the next moments. */
const EACH_ITEM_TASK_IDS: readonly string[] = [...YES_OR_NO_TASK_IDS, 'regression'];
const ISOLATION_FOREST_ID = 'isolation-forest';

/** Ways of learning what normal looks like, which need no labelled failures. */
const ANOMALY_WAYS: readonly string[] = ['anomaly-detection', ISOLATION_FOREST_ID];
/** Classifiers learnt from labelled cases of each class. */
const CLASSIFIER_IDS: readonly string[] = ['classification', 'binary-classification', 'random-forest', 'gradient-boosting', 'logistic-regression'];
/** Up to this many recorded cases, too few for a classifier: anomaly detection is recommended. */
const HANDFUL_OF_CASES = 30;
/** What a model on records predicts: a class, a number, a future value, an odd one out. */
const KINDS_OF_PREDICTION: readonly string[] = [...YES_OR_NO_TASK_IDS, 'multiclass-classification', 'regression', 'time-series-forecasting', 'anomaly-detection', 'clustering'];

/** Every question of the conversation, the one being read last (when given): where the learner told their case. */
function questionsSoFar(earlier: readonly EarlierTurn[], question?: string): string[] {
  return [...earlier.map((turn) => turn.question ?? ''), ...(question === undefined ? [] : [question])];
}

/** Whether the learner told of so few recorded cases that no classifier learns from them. */
function handfulOfCasesTold(questions: readonly string[]): boolean {
  const fewCases = learnerFacts(questions).fewCases;
  return fewCases !== undefined && fewCases.count <= HANDFUL_OF_CASES;
}

/** Entries that broad questions land on ("what's the catch?", "and the future?"), when the glossary has them. */
const LIMITS_OF_LARGE_MODELS = 'limits-of-large-models';
const FUTURE_OF_AI = 'future-of-ai';

/** The part of the entry each reaction asks for: a doubt gets the limits, confusion the intuition. */
const REMARK_INTENT: Readonly<Record<Remark, SingleIntent>> = {
  doubt: 'limits',
  confused: 'simple',
  interest: 'example',
  sowhat: 'why',
  more: 'how',
  recap: 'what',
};

export function understand(asked: string, retriever: Retriever, glossary: Glossary, earlier: readonly EarlierTurn[] = []): Understanding {
  // "Hmm, not sure I get it. How would I tell the model about the spin cycle?": the question after the confusion.
  const question = earlier.length > 0 ? afterConfusion(asked) : asked;
  const reading = readingOf(question, retriever, glossary, earlier);
  // « Je travaille dans un moulin à huile et j'ai trois saisons de relevés : ... », asking nothing yet: what they want of it.
  if (reading.intent === 'ood' && earlier.length === 0 && !question.includes('?') && learnerField([question]) !== undefined) return { intent: 'smalltalk', concepts: [], followUp: false, smallTalk: 'told' };
  // (A follow-up nothing answers on its own, "How can a list of numbers know...?", is the confusion about the topic.)
  // (Nor is one about the topic in play: "not sure I get it. How would it know...?" asks it again, more simply.)
  const aboutTheTopic = reading.concepts.length > 0 && reading.concepts.every((concept) => earlier.at(-1)?.conceptIds.includes(concept.id));
  return question !== asked && (reading.intent === 'ood' || reading.uncovered || aboutTheTopic) ? readingOf(asked, retriever, glossary, earlier) : reading;
}

function readingOf(question: string, retriever: Retriever, glossary: Glossary, earlier: readonly EarlierTurn[]): Understanding {
  return inTheConversationsSense(whyTheChosenWay(understood(question, retriever, glossary, earlier), question, retriever, glossary), question, glossary, earlier);
}

/** The question that follows a confusion said first in a sentence of its own, if one follows; else the whole. */
function afterConfusion(question: string): string {
  const split = /^([^.!?]{0,60}[.!])\s+(.+\?)\s*$/su.exec(question.trim());
  if (!split || !SAYS_CONFUSION.test(plainQuestion(split[1]!))) return question;
  return plainQuestion(split[2]!).trim().split(' ').length >= 4 ? split[2]! : question;
}

/** "Hmm, not sure I get it.", « Hum, je ne suis pas sûr de comprendre. », "I'm lost.": confusion, said alone. */
const SAYS_CONFUSION = /^ ?(hmm+ |hum+ |euh |ok |so )?(i'?m |i am )?(not sure i (get|follow|understand)( it| this| that)?|i don'?t (get|follow|understand)( it| this| that)?|i'?m lost|(je ne suis |je suis )?pas (tres )?s[uû]re? de (comprendre|suivre|bien comprendre)|je ne comprends pas|je ne suis pas s[uû]re? de (comprendre|suivre|bien comprendre)|je suis perdue?) ?$/;

/** "Why do I even need to...?", « pourquoi faut-il... ? »: what a step is for. */
const WHY_NEEDED = /^ ?(why (do|would|should|must) (i|we|you|one) (even |really |actually |still )?(need to|need|have to|bother)|pourquoi (il faut|il faudrait|faut il|faudrait il|dois je|devrais je|doit on|devrait on|est ce qu'il faut|aurais je besoin de|ai je besoin de))\b/;

/** The X of « pourquoi X plutôt que Y ? », "why X instead of Y?". */
const CHOSEN_WAY = /^ ?(?:why|pourquoi) (?!not |pas |ne pas |n')(.+?) (?:rather than|instead of|plutot que|plutot qu'|au lieu de|au lieu d')(.*)$/;

/**
 * « Pourquoi découper les rapports en morceaux plutôt que de donner le PDF entier au modèle ? »: read as a shortcut
 * proposed, the question would get the limits of cutting into pieces, the way it asks about; it asks why that way.
 * Read as the whole PDF given, it asks why not that: where it falls short.
 */
function whyTheChosenWay(understanding: Understanding, question: string, retriever: Retriever, glossary: Glossary): Understanding {
  const first = firstQuestionOf(question);
  const ways = CHOSEN_WAY.exec(plainQuestion(first));
  const says = (words: string | undefined, concept: Concept) => words !== undefined && (retriever.described(words)?.concept.id === concept.id || retriever.retrieve(words).some((entry) => entry.concept.id === concept.id));
  const sections = (concept: Concept) => glossary.withDetails(concept).en.sections;
  // (One subject only: a pair weighed is left as it is.)
  const subject = understanding.concepts.length === 1 ? understanding.concepts[0] : undefined;
  // « Pourquoi découper en morceaux plutôt que de donner tout le règlement au modèle ? » read as the whole document given:
  // what asks why not the alternative gets where it falls short, not what it is good for.
  if (subject && understanding.intent === 'why' && sections(subject)?.limits && says(ways?.[2], subject) && !says(ways?.[1], subject)) return { ...understanding, intent: 'limits' };
  // "Why do I need to split the documents into chunks at all? Can't I just give the model the whole PDF?": why the step
  // the first question names is needed, whatever the shortcut after it names.
  if (first !== question && WHY_NEEDED.test(plainQuestion(first))) {
    const named = [...new Set(retriever.retrieve(first).filter((entry) => entry.via === 'term').map((entry) => entry.concept))];
    if (named.length === 1 && sections(named[0]!)?.why) return { intent: 'why', concepts: named, followUp: false, inConversation: understanding.inConversation };
    // « Pourquoi faudrait-il séparer mes données en deux parties ? »: the step described, what it is for.
    // ("Why would I need labelled failures? Can't the model just learn from the readings?": what labels are for.)
    if (named.length === 0 && subject && (understanding.intent === 'how' || understanding.described) && sections(subject)?.why) return { ...understanding, intent: 'why', shortcut: undefined };
  }
  // "Why would I need to turn the curves into features instead of feeding the raw readings?": what the step the
  // learner was told to take is for, not the pitfalls of a shortcut.
  const needsTheWay = ways !== null && WHY_NEEDED.test(plainQuestion(first)) && understanding.shortcut === true && !says(ways[2], subject!);
  if (subject && needsTheWay && sections(subject)?.why) return { ...understanding, intent: 'why', shortcut: undefined, described: undefined };
  if (!subject || understanding.intent === 'why' || !says(ways?.[1], subject) || !sections(subject)?.why) return understanding;
  // (Nor is it something their words "sound like": they told the way themselves.)
  return { ...understanding, intent: 'why', shortcut: undefined, described: undefined };
}

/**
 * "What you mean by features", « ce que tu appelles recherche hybride », « ce qu'est une feature »: the term the
 * learner asks the chat to say again in plain words (an everyday word such as "feature" names a concept there too).
 */
function termMeantBy(question: string, glossary: Glossary): Concept | undefined {
  const form = MEANT_BY.exec(question.replace(/[\u2019\u02bc]/g, "'"))?.groups?.form?.replace(/^[«"“\s]+|[»"”\s]+$/gu, '');
  const id = form ? glossary.matcher.lookupExact(form)[0]?.conceptId : undefined;
  return id ? glossary.get(id) : form ? entryTheWordBelongsTo(form, glossary) : undefined;
}

/**
 * « Ce que veut dire le rappel »: a word too common to be a term on its own (a reminder, in French) names the entry
 * most of whose names hold it (précision et rappel, taux de rappel...), when one does at least twice.
 */
function entryTheWordBelongsTo(form: string, glossary: Glossary): Concept | undefined {
  const word = foldCase(form);
  if (!/^\p{L}{4,}$/u.test(word)) return undefined;
  const holds = new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'u');
  const counted = glossary.concepts
    .map((concept) => ({ concept, names: [concept.fr.term, ...concept.fr.aliases, concept.en.term, ...concept.en.aliases].filter((name) => holds.test(foldCase(name))).length }))
    .filter((entry) => entry.names >= 2)
    .sort((a, b) => b.names - a.names);
  return counted[0] && counted[0].names > (counted[1]?.names ?? 0) ? counted[0].concept : undefined;
}

/** "What (do) you mean by X", "what you call X", « ce que vous appelez X », « ce qu'est X »: then X, up to four words. */
const MEANT_BY =
  /\b(?:what (?:do |did )?you (?:mean|meant) by|what you (?:call|called)|what is meant by|ce que (?:vous appelez|tu appelles|vous entendez par|tu entends par|vous voulez dire par|tu veux dire par)|ce qu'(?:est|on appelle)|ce que (?:sont|veut dire|signifie))\s+(?:(?:a|an|the|un|une|le|la|les|des|du)\s+|l')?(?<form>[«"“]?\s*[\p{L}\p{N}'-]+(?:\s+[\p{L}\p{N}'-]+){0,3}?\s*[»"”]?)\s*(?=[?,.!]|\s+(?:in this case|in that case|in my case|in our case|for my project|here|exactly|dans ce cas|dans mon cas|dans notre cas|pour mon projet|ici|exactement|au juste|dont vous parlez|dont tu parles|que vous mentionnez|que tu mentionnes|you mention|you mentioned|you keep mentioning|you talk about|you talked about|you're talking about|you are talking about)\b|\s*$)/iu;

/**
 * "Is that really enough though? The manuals use old part names that users never type": the topic alone does not hold
 * up, and the technique the rest of the question describes (a technique: it has a purpose, not causes) is what covers it.
 */
function coversWhatTheTopicMisses(described: Concept, topic: Concept | undefined, question: string, glossary: Glossary): boolean {
  const sections = glossary.withDetails(described).en.sections;
  const linkedTo = (other: Concept | undefined) => other !== undefined && other.id !== described.id && (other.related.includes(described.id) || described.related.includes(other.id));
  // ("Is embedding search really enough for exact numbers?": the technique the question names may be what falls short.)
  const named = glossary.matcher.findAll(withoutQuotes(question)).flatMap((match) => glossary.get(match.forms[0]!.conceptId) ?? []);
  const linked = linkedTo(topic) || named.some(linkedTo);
  // ("Is that really enough to train anything?" asks how much is enough, not what covers the rest.)
  return linked && topic?.id !== described.id && asksWhetherItHolds(question) && !ENOUGH_FOR_SOMETHING.test(plainQuestion(question)) && !sections?.causes && sections?.why !== undefined;
}

/** "Enough to train anything", « suffisant pour entraîner »: how much is enough for something ("enough for questions like..." asks whether a way holds up). */
const ENOUGH_FOR_SOMETHING = / (enough|sufficient|suffisante?s?|assez) (to|for|pour|de) (?!(questions?|queries|query|cases?|requests?|searches|lookups?|demandes?|requetes?|cas)\b)/;

/** The question with what it quotes left out. */
function withoutQuotes(question: string): string {
  return question.replace(/"[^"]*"|“[^”]*”|«[^»]*»|'[^']{12,}'/gu, ' ');
}

/** Whether the conversation met one of these concepts. */
function metAny(earlier: readonly EarlierTurn[], ids: readonly string[]): boolean {
  return earlier.some((turn) => turn.conceptIds.some((id) => ids.includes(id)));
}

/** The turn that opened the learner's project ("we want to predict..., where do I start?"), if one did. */
export function projectOpening(earlier: readonly EarlierTurn[]): EarlierTurn | undefined {
  return earlier.find((turn) => turn.conceptIds.includes(WORKFLOW_ID));
}

/**
 * What the conversation makes of the question: « Et comment fonctionnent les embeddings dans ce cas-là ? » in a
 * conversation on RAG asks about the embeddings of that case, one vector a passage, not the token embeddings inside a
 * language model.
 */
function inTheConversationsSense(understanding: Understanding, question: string, glossary: Glossary, earlier: readonly EarlierTurn[]): Understanding {
  const [subject, ...others] = understanding.concepts;
  // (A project built on searching its documents means those embeddings whenever it speaks of embeddings.)
  const inThatCase = / (in this case|in that case|in our case|here|for this|for that|for search|for retrieval|for rag|dans ce cas( la)?|dans notre cas|ici|pour ca|pour cela|pour la recherche|pour le rag)\b/.test(plainQuestion(question));
  const searchProject = projectOpening(earlier)?.conceptIds.some((id) => DOCUMENT_TASK_IDS.includes(id)) ?? false;
  const searching = metAny(earlier, [...DOCUMENT_TASK_IDS, 'vector-database']);
  // "The difference between embeddings and the model itself, aren't they the same thing?": the model that makes the
  // vectors against the one that writes the answer.
  const embeddingModel = glossary.get(EMBEDDING_MODEL_ID);
  const languageModel = glossary.get(LARGE_LANGUAGE_MODEL_ID);
  if (subject && EMBEDDING_IDS.includes(subject.id) && others.length === 0 && embeddingModel && languageModel && WEIGHED_AGAINST_THE_MODEL.test(plainQuestion(question))) {
    return { ...understanding, intent: 'contrast', concepts: [embeddingModel, languageModel] };
  }
  const sense = subject?.id === EMBEDDING_ID && ((inThatCase && searching) || searchProject) ? glossary.get(SENTENCE_EMBEDDING_ID) : undefined;
  if (sense) return { ...understanding, concepts: [sense, ...others] };
  // "How does retrieval find the right page? Our manuals are full of part numbers": exact codes call for hybrid search.
  const hybrid = glossary.get(HYBRID_SEARCH_ID);
  if (subject?.id === SEMANTIC_SEARCH_ID && hybrid && NAMES_EXACT_CODES.test(plainQuestion(question))) return { ...understanding, concepts: [hybrid, ...others] };
  // « Pourquoi découper dans l'ordre du temps plutôt qu'au hasard ? »: the split by time, asked by its own words.
  const byTime = glossary.get(TIME_BASED_SPLIT_ID);
  if (subject?.id === SPLIT_ID && byTime && IN_TIME_ORDER.test(plainQuestion(question))) return { ...understanding, concepts: [byTime, ...others] };
  // "A concrete example of how to split our gate logs?": records over time are split by time, whose example says so;
  // a random split of photos would contradict the advice the learner was given.
  const field = conversationField(question, earlier);
  const timeSplit = glossary.get(TIME_BASED_SPLIT_ID);
  if (understanding.intent === 'example' && subject?.id === SPLIT_ID && field && !UNTIMED_FIELDS.includes(field) && timeSplit) return { ...understanding, concepts: [timeSplit, ...others] };
  // "An example of a prompt that extracts the damage type, location and cost as JSON": what such a prompt asks for is
  // structured output, whose example is one.
  const structured = glossary.get(STRUCTURED_OUTPUT_ID);
  // (On written text, the prompt's own example for text is one such prompt.)
  const onText = field === 'text';
  if (understanding.intent === 'example' && structured && !onText && PROMPT_IDS.includes(subject?.id ?? '') && / (json|extracts?|extracting|extraire|extrait|extraie|pull out|pulls out|fields|champs)\b/.test(plainQuestion(question))) {
    return { ...understanding, concepts: [structured, ...others] };
  }
  // "Fine-tune, or stick with prompting?": prompting as a way of working is prompt engineering, which has the contrast.
  const other = understanding.concepts[1];
  const engineering = glossary.get(PROMPT_ENGINEERING_ID);
  if (understanding.intent === 'contrast' && subject && other && engineering && [subject.id, other.id].includes('prompt') && !subject.contrasts?.some((contrast) => contrast.with === other.id)) {
    const kept = subject.id === 'prompt' ? other : subject;
    if (kept.contrasts?.some((contrast) => contrast.with === PROMPT_ENGINEERING_ID)) return { ...understanding, concepts: [kept, engineering] };
  }
  // "Embeddings vs keyword search?": searching with embeddings, weighed against searching by words.
  const keywordSearch = others.find((concept) => KEYWORD_SEARCH_IDS.includes(concept.id));
  const semanticSearch = glossary.get(SEMANTIC_SEARCH_ID);
  if (understanding.intent === 'contrast' && (subject?.id === EMBEDDING_ID || subject?.id === SENTENCE_EMBEDDING_ID) && keywordSearch && semanticSearch) {
    return { ...understanding, concepts: [semanticSearch, keywordSearch] };
  }
  // "The difference between fine-tuning on our reports and doing retrieval?" in a conversation on RAG: retrieval is RAG.
  const rag = glossary.get(RAG_ID);
  const weighsRetrieval = subject && rag && subject.id !== rag.id && others.length === 0 && earlier.some((turn) => turn.conceptIds.includes(rag.id));
  if (weighsRetrieval && / (difference|differ|versus|vs|compared|or|rather than|instead of|difference|plutot que|ou|au lieu de) /.test(plainQuestion(question)) && / (retrieval|retrieving|recuperation|recherche documentaire|recherche de passages)\b/.test(plainQuestion(question))) {
    return { ...understanding, intent: 'contrast', concepts: [subject, rag] };
  }
  // "BM25 keyword search or dense embeddings, or both?": both, which is what hybrid search is.
  const hybridSearch = glossary.get(HYBRID_SEARCH_ID);
  // ("Keyword search, embeddings or both?": the embeddings stand for the search by meaning they make.)
  const bothSearches = understanding.intent === 'contrast' && hybridSearch && understanding.concepts.every((concept) => hybridSearch.related.includes(concept.id) || [...KEYWORD_SEARCH_IDS, 'embedding', SENTENCE_EMBEDDING_ID].includes(concept.id));
  if (bothSearches && / (or both|or a mix|or combine them|ou les deux|ou un melange|ou combiner les deux)\b/.test(plainQuestion(question))) return { ...understanding, intent: 'why', concepts: [hybridSearch], advice: true };
  // "Classification or regression, then?" in a project opened as a binary classification: which one it is.
  const task = projectOpening(earlier)?.conceptIds.find((id) => id !== WORKFLOW_ID);
  const pair = understanding.concepts.map((concept) => concept.id);
  const kindsOfTask = pair.length === 2 && pair.every((id) => KINDS_OF_PREDICTION.includes(id));
  // (« Pourquoi vous dites que c'est de la classification et pas de la régression ? » weighs the two as well.)
  const weighsTwo = understanding.intent === 'contrast' || (understanding.intent === 'why' && pair.length === 2);
  const choosing = asksWhichToTake(question);
  // "Isolation forest or a classifier, which for us?" after "only 11 failures": a handful of cases is anomaly
  // detection's ground; the contrast then says when a classifier takes over.
  const anomalyWay = pair.find((id) => ANOMALY_WAYS.includes(id));
  if (understanding.intent === 'contrast' && choosing && anomalyWay && pair.some((id) => CLASSIFIER_IDS.includes(id)) && handfulOfCasesTold(questionsSoFar(earlier, question))) return { ...understanding, verdict: anomalyWay, recommended: true };
  const verdict = weighsTwo && task && kindsOfTask && (pair.includes(task) || (task.endsWith('classification') && pair.includes('classification')));
  if (verdict) return { ...understanding, intent: 'contrast', verdict: task };
  // "Should I fine-tune on our logbooks instead of doing retrieval? Which would you go for?" in a project opened on
  // retrieval: the way the project was set on, recommended, then how the two differ.
  // ("Why RAG rather than fine-tuning?" asks why, not which.)
  if (understanding.intent === 'contrast' && task && task !== WORKFLOW_ID && pair.includes(task) && choosing) return { ...understanding, verdict: task, recommended: true };
  // « Qu'est-ce que le RAG, exactement ? » after an answer that defined it: how it works, not another example.
  const metBefore = subject !== undefined && earlier.some((turn) => turn.conceptIds.includes(subject.id));
  if (understanding.intent === 'what' && metBefore && / (exactly|precisely|exactement|precisement|au juste)\b/.test(plainQuestion(question))) return { ...understanding, intent: 'how' };
  return understanding;
}

/** "Full of organ-builder terms like...", « plein de jargon du métier », "our technicians' slang": words of a trade. */
const NAMES_TRADE_JARGON = / (jargon|slang|argot|abbreviations|abreviations|acronyms|sigles|trade (terms|words|vocabulary)|technical (terms|vocabulary|words)|specialist (terms|vocabulary)|domain (terms|vocabulary|words)|in house (terms|words|names)|vocabulaire (technique|specialise|du metier|de metier)|termes (techniques|specialises|du metier|de metier)|termes (de|du|d') ?([a-z']+ ){1,3}(comme|tels))\b/;

/** "In time order", « dans l'ordre du temps », "chronologically", "by date": the order a split by time keeps. */
const IN_TIME_ORDER = / (in (time|chronological|date) order|chronologically|by (time|date)|in order of time|dans l'ordre (du temps|chronologique|des dates)|chronologiquement|par date|selon la date)\b/;

/** "How does anomaly detection actually work", « comment fonctionne la détection d'anomalies »: the X asked about. */
const HOW_DOES_X_WORK = /^ ?(?:and |so |et |alors )?(?:how (?:does|do) ((?:[a-z0-9'-]+ ){1,4})(?:actually |really |exactly )?work|comment (?:fonctionne|fonctionnent|marche|marchent) ((?:[a-z0-9'-]+ ){1,4}))/;

/** The folded words of a concept's terms and aliases, in both languages, each as one string ("anomaly detection"). */
function pieceKeysOf(concept: Concept): string[] {
  return [concept.en.term, concept.fr.term, ...concept.en.aliases, ...concept.fr.aliases].map((form) => plainQuestion(form).trim());
}

const RETRIEVAL_EVALUATION_ID = 'retrieval-evaluation';
/** "An isolation forest or just a simple threshold?", « un simple seuil ou un Isolation Forest ? »: a model against a rule. */
const MODEL_OR_A_THRESHOLD = / (or|ou|vs|versus|plutot qu'?) (just |simply |juste |simplement )?(a |an |un |une )?(simple |fixed |basic |plain |fixe )?(threshold|rule|seuil|regle)\b| (simple|fixed|basic) (threshold|rule) (or|vs|versus)\b| (un |une )?(simple |)(seuil|regle)( simple| fixe)? (ou|plutot qu'?) /;
/** « ce que le modèle sait et ce qu'on lui donne dans le prompt », "what the model knows versus what's in the prompt". */
const KNOWS_AGAINST_THE_PROMPT = / (ce que le modele (sait|connait|a appris)|what the model (knows|already knows|learned|has learned|learnt)) .*(prompt|contexte|context)\b/;
const FINE_TUNING_ID = 'fine-tuning';
const IN_CONTEXT_LEARNING_ID = 'in-context-learning';
/** "Fine-tuning a model or using retrieval", « affiner un modèle ou faire du RAG »: the two ways, in one question. */
const FINE_TUNING_OR_RETRIEVAL = / (or|ou|than|que|rather|plutot|vs|versus|instead|au lieu) ([a-z']+ ){0,4}(retrieval|rag|recherche documentaire|recuperation)\b| (retrieval|rag|recherche documentaire)\b ([a-z']+ ){0,4}(or|ou|than|que|rather|plutot|vs|versus|instead|au lieu) /;
/** "Answers questions from 900 PDFs", « répond à partir de nos notices »: the learner's own documents. */
const OVER_THEIR_DOCUMENTS = / (from|using|based on|over|a partir de|sur|dans) ([a-z0-9']+ ){0,6}(pdfs?|documents?|docs|manuals?|newsletters?|reports?|notes|archives?|manuels?|notices?|rapports?|fiches|bulletins?|comptes rendus)\b/;
/** "Check whether the retrieval is finding the right passages", « vérifier que la recherche trouve les bons passages ». */
const CHECKS_THE_RETRIEVAL = / (check|know|tell|measure|test|verify|see|verifier|savoir|mesurer|tester|voir) (whether|if|that|si|que) (the |my |our |la |ma |notre |le |mon )?(retrieval|search|retriever|recherche|moteur de recherche)( part| step| partie| etape)? (is |est )?([a-z']+ ){0,2}(finding|finds|returns|brings back|trouve|ramene|remonte|renvoie) (the )?(right|correct|bons?|bonnes?|relevant|pertinents?)\b/;

/** "Where do I start?", « par où je commence ? »: the beginning asked for, nothing else. */
const WHERE_TO_START = / (where (do|should|can|would) (i|we) (even )?(start|begin)|par ou (je |on |nous )?((devrais|devrait|dois|doit|devrions|peux|peut|pourrais|faut il) )?(commence|commencer|commencons|debute|debuter|attaquer)|how (do|should) (i|we) (get started|start|begin))\b/;
/** "Why not just use accuracy", « pourquoi ne pas simplement utiliser l'exactitude »: a named tool proposed. */
const PROPOSES_TO_USE = /^ ?(why not|why don'?t (i|we|you)|pourquoi ne pas|pourquoi pas) (just |simply |simplement |juste )?(use|using|rely on|look at|utiliser|prendre|regarder|se fier a)\b/;
/** « Entre X et simplement Y, qu'est-ce qui vaut le mieux ? », "between X and just doing Y, which is better?". */
const CHOOSES_BETWEEN_TWO_WAYS = /^ ?(entre|between) [^?]* (et|and) (simplement |juste |just |simply )[^?]*(vaut (le )?mieux|is better|would be better|works better|marche mieux|me conseilles|me conseillez|do you recommend|would you recommend)\b/;

const EMBEDDING_ID = 'embedding';
const EMBEDDING_MODEL_ID = 'embedding-model';
const LARGE_LANGUAGE_MODEL_ID = 'large-language-model';
const EMBEDDING_IDS = [EMBEDDING_ID, 'sentence-embedding', EMBEDDING_MODEL_ID];
/** "...and the model itself", « et le modèle lui-même », "the same thing as the LLM": embeddings weighed against the model that answers. */
const WEIGHED_AGAINST_THE_MODEL = / (difference|differ|differs|same thing|same as|versus|vs|compared|la meme chose|pareil|meme chose que|difference|differe|differont) .*\b(the|le|du|au) (model|modele|llm|language model|modele de langage)\b| (and|et) (the|le) (model|modele|llm) (itself|lui meme)\b/;
const SELF_HOSTED_ID = 'self-hosted-model';
/** "On a small budget", « avec peu de budget », "cheapest", « moins cher »: what it costs decides. */
const ON_A_BUDGET = / (budget|cheap|cheaper|cheapest|cost|costs|afford|pas cher|moins cher|bon marche|peu de moyens|couts?|coute)\b/;
/** A model run in house weighed against a provider's API, in either order: « entre un modèle chez nous et une API ». */
const IN_HOUSE = / (open source|open weights?|open model|local|locale|locally|en local|in house|chez nous|on prem|on premise|sur site|self hosted|auto heberge|our own (server|machines?|gpu|hardware)|notre (propre )?serveur|nos (propres )?serveurs)\b/;
const FROM_A_PROVIDER = /[ '](api|apis|openai|hosted|cloud|fournisseur|provider)\b/;
const WEIGHS = / (or|ou|versus|vs|rather than|plutot que|instead of|au lieu de|entre|between)\b/;
/** "Which would you choose?", « lequel choisiriez-vous ? ». */
const WHICH_ONE = / (lequel|laquelle|which one|which (would|do|should) you|what would you (pick|choose|go with))\b/;
/** "Should we X or Y?", "any advice?", "which one for us?": a choice the learner wants made. */
function asksWhichToTake(question: string): boolean {
  return asksForAdvice(question) || asksToChooseBetween(question) || WHICH_ONE.test(plainQuestion(question));
}
/** Health data, which the law keeps with certified hosts: « données de santé », patients' records. */
const HEALTH_DATA = / (health data|medical (data|records)|patients? (data|records)|donnees de sante|donnees medicales|dossiers? (medicaux|patients?))\b/;
/** Confidential data: formulas, patients' files, contracts that must not leak. */
const SENSITIVE = / (confidential|confidentiels?|confidentielles?|sensitive|sensibles?|secret|secrets|secretes?|private|prives?|privees?|personal data|donnees personnelles|trade secrets?|gdpr|rgpd)\b/;
/** Sent to a provider's servers: an outside API, the cloud, OpenAI. */
const SENT_OUTSIDE = / (api|apis|cloud|openai|third party|third-party|outside|external|externe|externes|provider|fournisseur|hosted|heberge|hebergee)\b/;
/** "How does a model actually learn from...", « comment un modèle apprend-il ». */
const LEARNS_HOW = / (how|comment) (does|do|would|will|can|est ce qu'|est ce que)? ?(a|an|the|my|our|your|un|une|le|la|mon|notre|ce|l') ?(model|algorithm|machine|network|ai|modele|algorithme|reseau|ia|machine) (actually |really |vraiment |concretement )?(learns?|apprend|apprendre|fait pour apprendre|peut apprendre|va apprendre)\b/;
/** "Which metric instead?", « quelle mesure à la place ? ». */
const METRIC_INSTEAD = / (which|what|quelle|quel) (other )?(metric|measure|score|mesure|metrique|indicateur) (should i |do i |then |alors |donc )?([a-z']+ ){0,3}(instead|a la place|plutot|then|alors)\b| (regarder|look at|use|utiliser|prendre) (quelle|quel|which|what) (mesure|metrique|metric|measure|indicateur|score) (a la place|instead|plutot)\b/;
const SUPERVISED_LEARNING_ID = 'supervised-learning';

/** The kind of model the project opened on learns as that kind does (forecasting, classification...). */
function learningKindOf(earlier: readonly EarlierTurn[]): string | undefined {
  return projectOpening(earlier)?.conceptIds.find((id) => KINDS_OF_PREDICTION.includes(id));
}

function weighsSelfHosting(plain: string): boolean {
  return IN_HOUSE.test(plain) && FROM_A_PROVIDER.test(plain) && WEIGHS.test(plain);
}
/** "A rather than B", « A plutôt que B »: two things weighed. */
const RATHER_THAN = / (rather than|instead of|plutot que|au lieu de) /;
/** Steps asked for checking the work: evaluating, validating, testing it. */
const EVALUATES = / (evaluate|evaluating|validate|validating|test|testing|check|checking|measure|measuring|evaluer|evalue|valider|valide|tester|teste|verifier|verifie|verifiez|verifions|mesurer|mesure)\b/;
/** Concepts whose names are the field's everyday words: "a prediction", "machine learning", "my dataset". */
const EVERYDAY_FIELD_WORDS: readonly string[] = ['prediction', 'machine-learning', 'artificial-intelligence', 'dataset', 'training-data'];
/** The glossary's category of libraries and tools (scikit-learn, PyTorch, Hugging Face). */
const TOOLS_CATEGORY = 'ecosystem';
/** "Instead of building a model", « plutôt que de faire un modèle »: a way without machine learning. */
const INSTEAD_OF_A_MODEL = / (instead of|rather than|plutot que de|plutot que d'|au lieu de|au lieu d') (building|making|training|using|having|faire|construire|entrainer|utiliser|creer) (a |an |un |une |the |le )?(model|modele|ml model|machine learning|ml|ia|ai)\b/;
/** "Scanned handwritten checklists: what do I do about those?", « et pour les PDF scannés, qu'est-ce que je dois faire ? ». */
const SCANS_TO_HANDLE = /\b(scanned|scans?|handwritten|handwriting|hand written|scannes?|scannees?|manuscrite?s?|photographiee?s?)\b[^?]*\b(what (do|should|can) (i|we) do|how (do|should|can) (i|we) (handle|deal|process|read|get)|what about|que faire|quoi faire|qu'est ce que (je|on|nous) (dois|doit|devons|peux|peut) faire|comment (je |on )?(fais|faire|gerer|gere|traiter|traite|lire|lis))\b/;
/** "How do I handle the tables?", « comment je gère les tableaux et les scans ? ». */
const HANDLES_TABLES_OR_SCANS = / (handle|deal with|manage|process|treat|cope with|gere|gerer|traite|traiter|faire avec|m'y prendre avec|s'y prendre avec) ([a-z']+ ){0,3}(tables?|tableaux?|scans?|scanned pages|pages scannees|diagrams?|schemas?|croquis|sketches|figures|images)\b| (tables?|tableaux?|scans?|scanned pages|pages scannees)\b[^?]*\b(how|comment) (do|should|can|je|on|faut il|dois je) ([a-z']+ ){0,2}(handle|deal|manage|process|treat|gere|gerer|traite|traiter)\b| (tables?|tableaux?)\b(?![^?]*\b(size|taille|how big|how many tokens|combien de))[^?]*\b(chunks?|chunking|split|splitting|splits|decoupage|decouper|decoupe|decoupes|morceaux|segments?)\b/;
/** "Why would I need retrieval at all?", « pourquoi aurais-je besoin d'une recherche documentaire ? ». */
const NEEDS_RETRIEVAL_AT_ALL = / why (would|do|should|does) (i|we|one|it) (even |really )?need (retrieval|rag|a retriever|search|a search|the retrieval( part| step)?)\b| pourquoi (aurais je|aurions nous|aurait on|ai je|a t on) (vraiment )?besoin (de la |d'une |du |de )?(recherche|rag|recuperation)\b/;
/** An answer built on another passage than the one asked about: "answers about X in general instead of that one". */
const ANSWERS_FROM_THE_WRONG_PASSAGE = / (cites?|quotes?|renvoie|ramene|gives?|donne) (une |un |a |the |la |le )?(fiche|page|document|passage|section|chunk|sheet|paragraphe|paragraph)s? (qui n'a rien a voir|sans rapport|hors sujet|that has nothing to do|unrelated|irrelevant|that is unrelated)\b| (question|asks?|asked|ask|pose|demande|demandons) (about|on|for|sur|a propos de|a propos des|concernant)\b[^?]*\b(it|il|elle|the assistant|l'assistant|the bot|le bot)( me| nous| lui| leur| us| me)? (answers?|replies|responds?|gives?|repond|donne|renvoie) (with|avec|about|sur)\b[^?]*\b(why|what'?s going on|what is going on|what'?s happening|what is happening|what happens|where|d'ou|pourquoi|qu'est ce qui)\b| (answers?|answered|responds?|replies|repond|repondent|a repondu) (about|with|from|on|using|avec|sur|a partir de|en citant) ([a-z0-9']+ ){0,6}(instead of|rather than|au lieu de|plutot que)\b| (answers?|responds?|repond|repondent) (with|from|avec|a partir de) (the |la |le |une? |a )?(fiche|page|document|guide|sheet|notice|section|passage)s? ([a-z0-9']+ ){0,2}(about|on|sur|de|du|des) .*(wrong|se trompe|mauvais|mauvaise|faux|fausse)\b/;
/** "Test questions", "an evaluation set", « des questions de test »: the set an assistant is measured on. */
const TEST_QUESTIONS = / (test|eval|evaluation|golden) (questions|queries|set)\b| (questions|requetes) (de test|d'evaluation|test)\b| (jeu|ensemble) (de test|d'evaluation) (de questions)?\b/;
/** "Make it say 'I don't know'", « qu'il réponde "je ne sais pas" ». */
const SAYS_IT_DOES_NOT_KNOW = / (say|says|answer|answers|reply|replies|admit|admits) (that it |it )?(does ?n'?t|do ?n'?t|does not|do not|doesnt|dont) know\b| i don'?t know| i do not know| je ne sais pas\b| (dire|dise|reponde|repondre|avouer|admettre) qu'(il|elle) ne sait pas\b/;
/** "Per client", "the right client's", « par client », « du bon site »: documents that differ by whom or what they are for. */
const PER_ENTITY = / (per|for each|each|the right|the correct|the wrong|a different) (client|customer|site|product|model|version|brand|department|team|country|region)('s|s'| s)?\b| (par|pour chaque|de chaque|du bon|de la bonne|d'un autre|du mauvais) (client|site|produit|modele|version|marque|service|equipe|pays|region)\b/;
/** What brings the right passage back when the search finds a neighbouring one, the first to try first. */
const WRONG_PASSAGE_FIXES = [HYBRID_SEARCH_ID, 'reranking', 'metadata-filtering'];
/** "Split those into chunks", « les découper »: the tables asked about are to be cut into passages. */
const SPLITS_INTO_CHUNKS = /\b(chunks?|chunking|split|splitting|decoupage|decouper|decoupe|decoupes|morceaux|segments?)\b/;
const CHUNKING_ID = 'chunking';
/** "How should I split the manuals?", « comment je découpe les documents ? »: cutting documents into passages. */
const CUTS_THE_DOCUMENTS = / (how|comment) ([a-z']+ ){0,3}(split|chunk|cut|break up|divide|decoupe|decouper|decoupes|decoupons|coupe|couper|segmente|segmenter|diviser|divise) (up )?(the |our |my |these |those |les |mes |nos |ces |ce |le |la )?(documents?|docs|pdfs?|manuals?|pages?|files?|texts?|reports?|procedures?|rules?|contracts?|fiches?|textes?|rapports?|reglements?|manuels?|fichiers?|contrats?)\b/;
const ACCURACY_ID = 'accuracy';
// (A few-shot example asked for is one: its solved cases show the JSON.)
const PROMPT_IDS = ['prompt', 'prompt-engineering', 'prompt-template'];
const KEYWORD_SEARCH_IDS = ['bm25', 'tf-idf'];
const SENTENCE_EMBEDDING_ID = 'sentence-embedding';

function understood(question: string, retriever: Retriever, glossary: Glossary, earlier: readonly EarlierTurn[]): Understanding {
  const cue = detectIntent(firstQuestionOf(question));
  const previous = previousConcepts(earlier, glossary);
  const topic = previous[0];
  const inConversation = earlier.length > 0;
  // A concept the question describes, or leads to, without naming it: the answer first names it.
  const describedAs = (concept: Concept): Understanding => ({ intent: describedIntent(cue, glossary.withDetails(concept)), concepts: [concept], followUp: false, described: true, inConversation });
  // What covers what the topic misses, told without its name: what it is for.
  const coveringIt = (concept: Concept): Understanding => ({ intent: 'why', concepts: [concept], followUp: false, described: true, notEnough: true, inConversation });
  // "Not sure I get what you mean by features in this case", « ce que vous appelez une « feature » »: the word the
  // learner quotes back is the subject, asked simply, whatever the topic in play.
  const meant = termMeantBy(question, glossary);
  if (meant) return { intent: 'simple', concepts: [meant], followUp: false, inConversation };
  // "How can I measure whether my changes actually make the answers better rather than just eyeballing a few?": how
  // the project tests itself, whatever the words of the way it rejects.
  const testedHow = asksHowToTest(question) && asksWhetherAChangeHelps(question) && earlier.length > 0 ? testBeforeRollout(earlier, glossary, question) : undefined;
  if (testedHow) return { intent: 'what', concepts: [testedHow], followUp: false, inConversation };
  const all = retriever.retrieve(question);
  // "Can you show me an example prompt for our case, like what the system prompt would look like...": an example of
  // the term the request names, whatever its description names next.
  // "... an example of an evaluation set for my extraction?": the set of cases the project tests itself with.
  const testSet = detectIntent(question) === 'example' && TEST_SET.test(plainQuestion(question)) ? testBeforeRollout(earlier, glossary, question) : undefined;
  // (« un exemple de caractéristique à partir du couple » asks for features to build: the situations below say so.)
  const exampleOf = testSet ?? (asksForFeatures(question) ? undefined : exampleAskedOf(question, all));
  if (exampleOf) return { intent: 'example', concepts: [exampleOf], followUp: false, inConversation };
  const retrieved = withoutMeasures(withoutTheLearnersOwnWords(subjectsOf(question, withoutStoryWords(withoutWeakMatches(all, question, previous.length > 0))), question, earlier), question, earlier);
  const named = retrieved.map((entry) => entry.concept);
  const workflow = glossary.get(WORKFLOW_ID);
  const namedInEarnest = earnestlyNamed(question, retrieved, retriever);
  // (The questions the learner's users will ask, quoted, name their world: "...ask things like 'when did we last measure
  // the ablation stakes?'" names no ablation study.)
  const outsideQuotes = new Set(retriever.retrieve(withoutQuotes(question)).map((entry) => entry.concept.id));
  const namedOutsideQuotes = namedInEarnest.filter((concept) => outsideQuotes.has(concept.id));
  // "Where do I start with this data?" right after the project was told: the plan's first step not yet shown.
  // (« Je voudrais aussi extraire le nom des bulletins. Comment m'y prendre ? » starts something new.)
  const startsTheToldProject = projectOpening(earlier) !== undefined && asksHowToStart(question) && WHERE_TO_START.test(plainQuestion(question)) && wordsIn(question) <= 12 && named.every((concept) => metAny(earlier, [concept.id]));
  const firstStep = startsTheToldProject ? nextStepOfTheProject(earlier, glossary) : undefined;
  if (firstStep) return firstStep;
  if (workflow && (asksHowToStartAProject(question) || (earlier.every((turn) => turn.conceptIds.length === 0) && opensAProject(question))) && namesOnlyTaskTypes(namedOutsideQuotes)) {
    // "My manager wants a model that flags suspicious claims. Where do I start?": the kind of task, then the steps.
    const found = projectTaskType(question, retriever, glossary, named.filter((concept) => outsideQuotes.has(concept.id)));
    // « Utiliser un LLM pour... », "with GPT": the tool named in earnest (a brewery's temperature is no sampling setting).
    // (A second project in a conversation already on a language model, « comment m'y prendre avec le modèle ? », is one too.)
    const onALanguageModel = namedInEarnest.some((concept) => LANGUAGE_MODEL_NAMES.includes(concept.id)) || (found !== undefined && LANGUAGE_MODEL_IDS.includes(found.id)) || metAny(earlier, [...LANGUAGE_MODEL_IDS, ...DOCUMENT_TASK_IDS]);
    // "An LLM that drafts obituaries from the intake form": no task of the list, the prompt is where such a project starts.
    const task = found ?? (onALanguageModel ? glossary.get(PROMPT_ENGINEERING_ID) : undefined);
    return { intent: 'how', concepts: task ? [task, workflow] : [workflow], followUp: false, project: true, ...(onALanguageModel && { onALanguageModel }), inConversation };
  }
  // "Should I start by fine-tuning a model or by using retrieval?" of a bot over the learner's newsletters: the two ways
  // weighed, the one their documents call for said first.
  // ("Why RAG rather than fine-tuning?" asks why, which the contrast answers without a verdict.)
  const choosesAWay = (asksForAdvice(question) || asksToChooseBetween(question)) && !/^ ?(why|pourquoi)\b/.test(plainQuestion(question));
  const fineTuning = glossary.get(FINE_TUNING_ID);
  const weighsTheTwoWays = choosesAWay && all.some((entry) => entry.via === 'term' && entry.concept.id === FINE_TUNING_ID) && FINE_TUNING_OR_RETRIEVAL.test(plainQuestion(question));
  const retrievalWay = weighsTheTwoWays ? glossary.get(RAG_ID) : undefined;
  if (retrievalWay && fineTuning) {
    const overDocuments = OVER_THEIR_DOCUMENTS.test(plainQuestion(question)) || metAny(earlier, DOCUMENT_TASK_IDS);
    return { intent: 'contrast', concepts: [retrievalWay, fineTuning], followUp: false, ...(overDocuments && { verdict: retrievalWay.id, recommended: true }), inConversation };
  }
  // "Is putting 'only answer from the context' in the system prompt really enough to stop it?": what guards against the
  // problem in play, whatever the guard proposed names.
  const problemInPlay = topic && glossary.withDetails(topic).en.sections?.remedies && ENOUGH_TO_STOP_IT.test(plainQuestion(question)) && / (it|them|ca|cela|le|la|les)\b/.test(plainQuestion(question)) ? topic : undefined;
  if (problemInPlay) return { intent: 'remedy', concepts: [problemInPlay], followUp: true, remark: 'doubt', inConversation };
  // "Should I use an isolation forest or just a simple threshold on the voltage drop?": a model weighed against a rule,
  // which is the baseline it must beat; what to do first.
  const baselineModel = glossary.get(BASELINE_MODEL);
  if (baselineModel && MODEL_OR_A_THRESHOLD.test(plainQuestion(question)) && all.some((entry) => entry.via === 'term')) return { intent: 'why', concepts: [baselineModel], followUp: false, advice: true, inConversation };
  // « La différence entre ce que le modèle "sait" et ce qu'on lui donne dans le prompt »: knowledge in the weights
  // against knowledge in the prompt, which is what fine-tuning against retrieval weighs.
  const givenInThePrompt = glossary.get(metAny(earlier, DOCUMENT_TASK_IDS) ? RAG_ID : IN_CONTEXT_LEARNING_ID);
  if (fineTuning && givenInThePrompt && KNOWS_AGAINST_THE_PROMPT.test(plainQuestion(question))) return { intent: 'contrast', concepts: [givenInThePrompt, fineTuning], followUp: false, inConversation };
  // "How does anomaly detection actually work if it has never seen a failure?": the mechanism of the term named in the
  // asking clause, whatever the rest of the question resembles.
  const howItWorks = HOW_DOES_X_WORK.exec(plainQuestion(firstQuestionOf(question)))?.[1];
  const worksOf = howItWorks ? all.filter((entry) => entry.via === 'term' && pieceKeysOf(entry.concept).some((key) => ` ${howItWorks} `.includes(` ${key} `))) : [];
  if (worksOf.length === 1) return { intent: 'how', concepts: [worksOf[0]!.concept], followUp: metAny(earlier, [worksOf[0]!.concept.id]), inConversation };
  // "Why not just use accuracy to check if the model is good?": the measure the learner names, where it falls short.
  // (An everyday word, "accuracy", is said in earnest right after "use".)
  const termsNamed = retrieved.filter((entry) => entry.via === 'term');
  // (Not one weighed against the topic, "why not just use an LSTM?" after boosting, nor a way without a model.)
  const proposedTerm = asksWhyNotInstead(question) && termsNamed.length === 1 && PROPOSES_TO_USE.test(plainQuestion(question)) && !INSTEAD_OF_A_MODEL.test(plainQuestion(question)) ? termsNamed[0]!.concept : undefined;
  const proposed = proposedTerm && !topic?.contrasts?.some((contrast) => contrast.with === proposedTerm.id) && !conversationConcepts(earlier, glossary, Infinity).some((concept) => glossary.withDetails(concept).contrasts?.some((contrast) => contrast.with === proposedTerm.id)) ? proposedTerm : undefined;
  if (proposed && glossary.withDetails(proposed).en.sections?.limits) return { intent: 'limits', concepts: [proposed], followUp: false, inConversation };
  // « Entre un reranker et simplement augmenter le nombre de passages, qu'est-ce qui vaut le mieux ? »: one way named
  // against one described: what the named one brings, with what to do first.
  const termsInIt = all.filter((entry) => entry.via === 'term');
  const chosenAgainstMore = termsInIt.length === 1 && CHOOSES_BETWEEN_TWO_WAYS.test(plainQuestion(question)) && earlier.length > 0 ? termsInIt[0]!.concept : undefined;
  if (chosenAgainstMore && glossary.withDetails(chosenAgainstMore).en.sections?.why) return { intent: 'why', concepts: [chosenAgainstMore], followUp: false, advice: true, inConversation };
  // "How do I check whether the retrieval is finding the right passages before I blame the language model?"
  const retrievalChecked = CHECKS_THE_RETRIEVAL.test(plainQuestion(question)) ? glossary.get(RETRIEVAL_EVALUATION_ID) : undefined;
  if (retrievalChecked) return { intent: 'how', concepts: [retrievalChecked], followUp: metAny(earlier, [retrievalChecked.id]), advice: true, inConversation };
  // "Thanks, that really helps, I'll start with the retrieval evaluation.": thanks, whatever it names, if it asks nothing.
  if (detectSmallTalk(question) === 'thanks' && !question.includes('?')) return { intent: 'smalltalk', concepts: [], followUp: false, smallTalk: 'thanks', inConversation };
  // "Why RAG rather than fine-tuning a model on our reports?": the two it names, weighed, whatever each one's signs say.
  if (cue === 'contrast' && namedInEarnest.length === 2 && RATHER_THAN.test(plainQuestion(question))) return { intent: 'contrast', concepts: namedInEarnest, followUp: false, inConversation };
  // "A hosted API or an open model on our own server?", « modèle local ou API ? »: self-hosting weighed, whichever
  // provider the question names.
  const selfHosted = weighsSelfHosting(plainQuestion(question)) ? glossary.get(SELF_HOSTED_ID) : undefined;
  // (How to decide comes first: the same test set on both, then the reasons each way.)
  // ("... for a club on a small budget?": what it costs them, which the limits say first.)
  if (selfHosted && ON_A_BUDGET.test(plainQuestion(question))) return { intent: 'limits', concepts: [selfHosted], followUp: false, inConversation };
  // ("... which would you choose for health data?": data that must stay inside decides it, said first.)
  const mustStayInside = questionsSoFar(earlier, question).some((text) => SENSITIVE.test(plainQuestion(text)) || HEALTH_DATA.test(plainQuestion(text)));
  if (selfHosted) return { intent: 'why', concepts: [selfHosted], followUp: false, advice: true, inConversation, ...(mustStayInside && asksWhichToTake(question) && { verdict: selfHosted.id, recommended: true }) };
  // « Les formules sont confidentielles, ça me paraît risqué de les envoyer à une API externe, quelles options ? »: a
  // model on their own machines, what it is for.
  const keptInside = SENSITIVE.test(plainQuestion(question)) && SENT_OUTSIDE.test(plainQuestion(question)) ? glossary.get(SELF_HOSTED_ID) : undefined;
  if (keptInside) return { intent: 'why', concepts: [keptInside], followUp: false, advice: true, inConversation };
  // « Pourquoi préparer les mesures avant ? Le modèle ne peut pas lire directement les données brutes ? »: in a project on
  // records, what features built from the raw readings give a model.
  const prepared = earlier.length > 0 && !metAny(earlier, DOCUMENT_TASK_IDS) && READS_THE_RAW_DATA.test(plainQuestion(question)) ? glossary.get(FEATURE_ENGINEERING_ID) : undefined;
  if (prepared) return { intent: 'why', concepts: [prepared], followUp: false, inConversation };
  // "It flags every Monday morning as an anomaly", "the readings go weird during cleaning": a regular period the model
  // was never told about, which a calendar feature or a flag for it explains (not documents: no readings there).
  const knownPeriod = earlier.length > 0 && !metAny(earlier, DOCUMENT_TASK_IDS) ? regularPeriodAsked(plainQuestion(question)) : undefined;
  // (From a detector of what is normal, the known pitfall of judging each row on its own: rare but normal modes.)
  const detector = knownPeriod === 'alarms' && metAny(earlier, ANOMALY_WAYS) ? glossary.get(ISOLATION_FOREST_ID) : undefined;
  if (detector) return { intent: 'limits', concepts: [detector], followUp: false, described: true, pitfall: true, inConversation };
  const calendar = knownPeriod ? glossary.get(CALENDAR_FEATURES_ID) : undefined;
  if (calendar) return { intent: knownPeriod === 'alarms' ? 'why' : 'how', concepts: [calendar], followUp: false, inConversation, ...(knownPeriod === 'odd' && { advice: true }) };
  // "How does a model actually learn from past readings?", « comment un modèle apprend-il ? »: how the project's kind of
  // model learns, or how learning from examples works.
  // (« ... à reconnaître qu'une panne se prépare » in a yes-or-no project on failures: how failures are predicted.)
  const learntKind = learningKindOf(earlier);
  // (Not a quantity or groups: « combien d'heures avant la panne » is learnt as a regression.)
  const onFailures = !['regression', 'clustering', 'multiclass-classification'].includes(learntKind ?? '') && questionsSoFar(earlier, question).some((text) => FAILURES.test(plainQuestion(text)));
  const learnsHow = LEARNS_HOW.test(plainQuestion(question)) ? glossary.get(onFailures ? PREDICTIVE_MAINTENANCE_ID : learntKind ?? SUPERVISED_LEARNING_ID) : undefined;
  if (learnsHow) return { intent: 'how', concepts: [learnsHow], followUp: metAny(earlier, [learnsHow.id]), inConversation };
  // « Donc je dois regarder quelle mesure à la place ? » once accuracy was found wanting: the metrics that see the rare class.
  const otherMetric = METRIC_INSTEAD.test(plainQuestion(question)) && metAny(earlier, [CLASS_IMBALANCE_ID, ACCURACY_ID]) ? glossary.get(PRECISION_AND_RECALL_ID) : undefined;
  if (otherMetric) return { intent: 'what', concepts: [otherMetric], followUp: false, advice: true, inConversation };
  // "Is a handful of test questions really enough?", "steps to build an evaluation set": on documents, the fixed set of
  // real questions with checked answers.
  const testQuestions = metAny(earlier, DOCUMENT_TASK_IDS) && TEST_QUESTIONS.test(plainQuestion(question)) ? glossary.get(GOLDEN_TEST_SET_ID) : undefined;
  if (testQuestions) return { intent: cue === 'limits' ? 'limits' : 'how', concepts: [testQuestions], followUp: metAny(earlier, [testQuestions.id]), advice: cue !== 'limits', inConversation };
  // "Steps to check it answers correctly before showing it to the team": how it is tested, not the whole plan.
  const asksForAPlan = detectRemark(question) === 'recap' && asksForSteps(question);
  if (inConversation && asksForAPlan && EVALUATES.test(plainQuestion(question))) {
    const tested = testBeforeRollout(earlier, glossary, question);
    if (tested) return { intent: 'how', concepts: [tested], followUp: false, advice: true, inConversation };
  }
  // "Give me concrete steps for a first prototype on 200 reports": the plan of what the conversation covered, whatever
  // its last words resemble (a prototype on few reports is no class imbalance).
  // (A library to build it with, « avec scikit-learn », is the plan's tool, not its subject.)
  // ("... from my CSV file to a working prediction": an everyday word of the field is no new subject.)
  // ("... on my laptop, without a GPU?", « sans GPU »: what the learner lacks is a constraint, not a new subject.)
  const namesSomethingNew = retrieved.some((entry) => entry.via === 'term' && !/(?:without|with no|no|sans|pas de) (?:a |an |un |une |de )?$/iu.test(question.slice(Math.max(0, (entry.start ?? 0) - 12), entry.start ?? 0)) && entry.concept.category !== TOOLS_CATEGORY && !EVERYDAY_FIELD_WORDS.includes(entry.concept.id) && !metAny(earlier, [entry.concept.id]));
  if (inConversation && !namesSomethingNew && asksForAPlan && !ASKS_HOW_IT_WORKS.test(plainQuestion(question))) return stepsOfTheConversation(earlier, glossary);
  // « Et concrètement, comment est-ce que ça fonctionne pour prédire un nombre de locations ? » after the random forest:
  // its mechanism, whatever the purpose the question goes on to name.
  // (« Comment ça marche, les variables de décalage ? » names its subject, in either language.)
  const namesAnotherTerm = namedInEarnest.some((concept) => concept.id !== topic?.id && [concept.en.term, concept.fr.term].some((term) => question.toLowerCase().includes(term.toLowerCase()))) || retrieved.some((entry) => entry.via === 'term' && entry.concept.id !== topic?.id && namedInEarnest.includes(entry.concept) && entry.concept.fr.aliases.some((alias) => question.toLowerCase().includes(alias.toLowerCase())));
  // ("How does that actually work, turning a raw vibration signal into something a model can use?" says in full what it asks.)
  const describesAnother = () => {
    const described = retriever.described(question);
    return described?.coverage === 1 && described.concept.id !== topic?.id;
  };
  if (topic && ASKS_HOW_IT_WORKS_OF_THE_TOPIC.test(plainQuestion(question)) && !namesAnotherTerm && !describesAnother()) {
    return { intent: 'how', concepts: [topic], followUp: true, inConversation };
  }
  const story = situationTold(question);
  // "If I resample the data, aren't I just making stuff up?" in a project on a table: no language model invents here.
  const noLanguageModel = !metAny(earlier, [...LANGUAGE_MODEL_IDS, ...DOCUMENT_TASK_IDS]);
  const inventedByNoModel = story?.conceptId === HALLUCINATION_ID && noLanguageModel && retrieved.some((entry) => entry.via === 'term' && !LANGUAGE_MODEL_IDS.includes(entry.concept.id));
  // (Nor, in a project on records, does a situation of the language-model pipeline: the readings fed to the model are no prompt.)
  const inScope = projectsScope(question, earlier, glossary);
  const situation = inventedByNoModel || (story && inScope && !inScope.has(story.conceptId)) ? undefined : story;
  const told = situation && glossary.get(situation.conceptId);
  // « J'ai essayé un arbre de décision : 100 % sur mes anciennes cuissons, mais... »: the model tried is the story's setting.
  const setting = namedInEarnest.filter((concept) => !triedBefore(question, retrieved, concept));
  // "Should I use RAG or just put all our sightings in the prompt?": the two ways weighed, by their curated contrast.
  const weighedWithTold = told && (cue === 'contrast' || asksToChooseBetween(question)) ? namedInEarnest.find((concept) => concept.id !== told.id && hasCuratedContrast(glossary, concept, told)) : undefined;
  if (told && weighedWithTold) return { intent: 'contrast', concepts: [weighedWithTold, told], followUp: false, inConversation };
  // "97% right but it never caught one" once the rare class was named: the accuracy a model that always says "no" gets,
  // whether or not the question names accuracy.
  const accuracy = metAny(earlier, [CLASS_IMBALANCE_ID]) && accuracyHidesTheRareClass(question) && !metAny(earlier, [ACCURACY_ID]) ? glossary.get(ACCURACY_ID) : undefined;
  if (accuracy) return { intent: 'limits', concepts: [accuracy], followUp: false, inConversation };
  // "Icing is 3%. Should I oversample the icy ones or is that a bad idea?": the fix proposed, weighed by its pitfalls.
  const proposedFix = told && asksWhetherToDoIt(question) ? retrieved.find((entry) => entry.concept.id !== told.id && entry.via !== 'text' && glossary.withDetails(entry.concept).en.sections?.limits)?.concept : undefined;
  if (proposedFix) return { intent: 'limits', concepts: [proposedFix], followUp: false, inConversation };
  // ("Is a standard embedding model enough for logbooks in three languages?": the model named is where the situation is.)
  const aroundTheSituation = told !== undefined && setting.length > 0 && setting.every((concept) => told.related.includes(concept.id));
  if (told && topic?.id !== told.id && (namesOnlyAResultsSetting(setting) || aroundTheSituation)) {
    // "Why not paste all our manuals into the prompt?": an idea the learner proposes, weighed by where it falls short.
    if (asksWhyNotInstead(question) && !situation.answersAProposal && glossary.withDetails(told).en.sections?.limits) return { intent: 'limits', concepts: [told], followUp: false, described: true, shortcut: true, inConversation };
    // "Only about 1 in 200 of our claims turns out to be fraud. Is that a problem?": why a rare class matters,
    // unless the question asks what to do about it.
    // « Ça me paraît fragile : si les éditeurs changent leur façon d'écrire, tout s'effondre ? »: what to do about it;
    // « je n'ai que 300 images annotées, c'est suffisant ? »: how to tell, and what to do with few.
    if (situation.asks && (!ASKS_WHAT_TO_DO.includes(cue) || ASKS_IF_A_PROBLEM.test(plainQuestion(question)))) return { intent: situation.asks, concepts: [told], followUp: false, described: true, ...(situation.stated && { stated: true }), ...(situation.asks === 'limits' && { pitfall: true }), inConversation };
    // « Mon modèle marche super bien sur les données d'entraînement mais il rate presque tout sur une autre éolienne »:
    // the case it is, then what the question asks of it ("what's going on?" asks why it happens, whatever "failures"
    // the story tells of).
    if (ASKS_WHAT_HAPPENS.test(plainQuestion(question)) && glossary.withDetails(told).en.sections?.causes) return { ...describedAs(told), intent: 'cause' };
    // « Et si le modèle invente un numéro de lot ? Comment m'en protéger ? »: the second question asks what to do.
    if (detectIntent(question) === 'remedy' && glossary.withDetails(told).en.sections?.remedies) return { ...describedAs(told), intent: 'remedy' };
    // "A feature that would leak the answer in my data?" names what it asks about: no "what you describe sounds like".
    const namesIt = situation.named || retrieved.some((entry) => entry.concept.id === told.id && (entry.via === 'term' || entry.via === 'stem'));
    if (!namesIt && coversWhatTheTopicMisses(told, topic, question, glossary)) return coveringIt(told);
    return namesIt ? { intent: describedIntent(cue, glossary.withDetails(told)), concepts: [told], followUp: false, inConversation } : describedAs(told);
  }
  if (told && topic?.id === told.id && namesOnlyAResultsSetting(setting)) {
    // The same situation told again in other words while it is the topic (« 90 % de bonnes réponses mais il ne reconnaît
    // jamais les essais » after the class counts): what it is, which says how the symptom comes about, unless shown.
    // A problem told again asks why it happens to them: its causes, which also tell what to look for.
    // Where the topic falls short (answers drawn from another client's file while RAG is the topic) stays that.
    const why = situation.asks === 'limits' ? 'limits' : glossary.withDetails(told).en.sections?.causes ? 'cause' : 'what';
    // "So how should I split the data then?" once the split is the topic: what to do, its step, first.
    const advice = cue === 'how' && why === 'what' && glossary.withDetails(told).en.step !== undefined;
    return { intent: cue === 'contrast' || cue === 'cause' || cue === 'how' || cue === 'what' || situation.asks === 'limits' ? why : cue, concepts: [told], followUp: false, inConversation, ...(advice && { advice }) };
  }
  // (What a change is made to, "the chunk size or the prompt", is the setting of whether it helps.)
  const asksToTest = asksHowToTest(question) && (namesOnlyAResultsSetting(setting) || asksWhetherAChangeHelps(question));
  const measured = asksWhatToMeasure(question) && namesOnlyAResultsSetting(setting) ? metricToMeasure(earlier, glossary) : asksToTest ? testBeforeRollout(earlier, glossary, question) : undefined;
  // "So what should I measure instead?" after class imbalance: precision and recall; after anything else, how to choose a metric.
  if (measured) return { intent: 'what', concepts: [measured], followUp: false, inConversation };
  // "Predict 'fails within 2 hours, yes/no' or 'hours of life left'?": the two framings' entries, weighed.
  const framings = weighsYesNoAgainstAQuantity(question)?.flatMap((id) => glossary.get(id) ?? []);
  if (framings?.length === 2) return { intent: 'contrast', concepts: framings, followUp: false, inConversation };
  // "How does it find the right pages?" on RAG: the search that picks the passages.
  // (Pages full of part numbers are found by keywords too: hybrid search.)
  // ("Our reports are full of station codes like KRL3; will embeddings handle those?": codes, which meaning alone misses.)
  // (So are a trade's own words, « des termes de facteur d'orgue comme "sommier" », which a general model has rarely seen.)
  const codesForEmbeddings = (NAMES_EXACT_CODES.test(plainQuestion(question)) || NAMES_TRADE_JARGON.test(plainQuestion(question))) && / (d'|l')?(embeddings?|vectors?|vector search|semantic search|plongements?|vecteurs?|recherche vectorielle|recherche semantique)\b/.test(plainQuestion(question));
  const codesSearch = metAny(earlier, DOCUMENT_TASK_IDS) && codesForEmbeddings ? glossary.get(HYBRID_SEARCH_ID) : undefined;
  if (codesSearch) return { intent: 'why', concepts: [codesSearch], followUp: false, described: true, inConversation };
  const search = metAny(earlier, DOCUMENT_TASK_IDS) && asksHowItFindsPassages(question) ? glossary.get(NAMES_EXACT_CODES.test(plainQuestion(question)) ? HYBRID_SEARCH_ID : SEMANTIC_SEARCH_ID) : undefined;
  if (search) return { intent: 'how', concepts: [search], followUp: metAny(earlier, [search.id]), inConversation };
  // « Et comment je découpe les documents ? », "how should I split the manuals?": in a project on documents, chunking.
  const cutting = metAny(earlier, DOCUMENT_TASK_IDS) && CUTS_THE_DOCUMENTS.test(plainQuestion(question)) ? glossary.get(CHUNKING_ID) : undefined;
  if (cutting) return { intent: 'how', concepts: [cutting], followUp: metAny(earlier, [cutting.id]), inConversation };
  // "Why would I need retrieval at all instead of pasting the question into GPT-4?": why the project's RAG.
  const rag = metAny(earlier, DOCUMENT_TASK_IDS) && NEEDS_RETRIEVAL_AT_ALL.test(plainQuestion(question)) ? glossary.get(RAG_ID) : undefined;
  if (rag) return { intent: 'why', concepts: [rag], followUp: true, inConversation };
  // "Asked about the blue volume on wall 3, it answers about volumes in general", « répond avec la fiche sur les bocaux
  // et se trompe de bac »: in a conversation on documents, the search brought the wrong passage, which a search on
  // exact words as well as meaning would have found.
  // (Once hybrid search was said, the next fix the conversation has not met: a reranker, then a filter on metadata.)
  const onAnAssistantOverDocuments = metAny(earlier, DOCUMENT_TASK_IDS);
  const wrongPassage = onAnAssistantOverDocuments && ANSWERS_FROM_THE_WRONG_PASSAGE.test(plainQuestion(question));
  const fix = wrongPassage ? glossary.get(WRONG_PASSAGE_FIXES.find((id) => !metAny(earlier, [id])) ?? HYBRID_SEARCH_ID) : undefined;
  if (fix) return { intent: 'why', concepts: [fix], followUp: false, described: true, inConversation };
  // "How do I make it say 'I don't know' instead of guessing?": on documents, answers tied to the passages found.
  const admits = onAnAssistantOverDocuments && SAYS_IT_DOES_NOT_KNOW.test(plainQuestion(question)) ? glossary.get('grounding') : undefined;
  if (admits) return { intent: 'how', concepts: [admits], followUp: false, advice: true, inConversation };
  // "Terminology lists are per client... how do I make sure it uses the right client's?": on documents, each passage
  // kept with its client and the search filtered on it.
  const perEntity = onAnAssistantOverDocuments && PER_ENTITY.test(plainQuestion(question)) && / (how|comment)\b/.test(plainQuestion(question)) ? glossary.get('metadata-filtering') : undefined;
  if (perEntity) return { intent: 'why', concepts: [perEntity], followUp: false, described: true, advice: true, inConversation };
  // « Nos fiches mélangent des tableaux de mesures et du texte libre ; comment je gère les tableaux ? »: in a project on
  // documents, tables and scans are the parser's to read before anything is cut or searched.
  // (Scans and handwriting are read by OCR first, in a project that answers from documents or pulls fields out of them.)
  const onDocuments = metAny(earlier, [...DOCUMENT_TASK_IDS, EXTRACTION_ID]);
  // (Tables told with them are the parser's: it reads both.)
  const scanned = onDocuments && SCANS_TO_HANDLE.test(plainQuestion(question)) && !/ (tables?|tableaux?)\b/.test(plainQuestion(question)) ? glossary.get(OCR_ID) : undefined;
  // ("How do I handle that?": what to do with them first.)
  if (scanned) return { intent: 'how', concepts: [scanned], followUp: metAny(earlier, [scanned.id]), advice: true, inConversation };
  const parsing = onDocuments && HANDLES_TABLES_OR_SCANS.test(plainQuestion(question)) ? glossary.get(DOCUMENT_PARSING_ID) : undefined;
  // ("How should I split those tables into chunks?": what to do with them, and why a row without its headers fails.)
  const cutsTables = SPLITS_INTO_CHUNKS.test(plainQuestion(question));
  if (parsing) return { intent: cutsTables ? 'why' : 'how', concepts: [parsing], followUp: metAny(earlier, [parsing.id]), inConversation, ...(cutsTables && { advice: true }) };
  // "What is a classification model exactly, compared to the rules I'd write by hand?" asks what the concept it names is;
  // a description elsewhere in it (comparing, rules) does not make it about another.
  const asksWhatANamedConceptIs = asksWhatItNamesIs(question, retrieved);
  // "Why not just fit a straight line, like we do in Excel?" after a model: the simplest model proposed is the baseline to
  // beat, whatever entry describes a straight line.
  // (« ... plutôt que de faire un modèle »: whatever is proposed instead of a model is the baseline a model must beat.)
  const proposesTheSimplest = Boolean(topic) && asksWhyNotInstead(question) && (proposedBaseline(plainQuestion(question)) !== undefined || INSTEAD_OF_A_MODEL.test(plainQuestion(question))) && namesOnlyAResultsSetting(namedInEarnest);
  // "Why not just train a neural network on the raw stream instead?" after gradient boosting: the proposal is the
  // concept it names, weighed against the topic, not the hardware whose signs share its words.
  const proposesANamedConcept = Boolean(topic) && asksWhyNotInstead(question) && retrieved.some((entry) => entry.via === 'term' && topic!.contrasts?.some((contrast) => contrast.with === entry.concept.id));
  // « Pourquoi ne pas simplement regarder la température moyenne plutôt que de faire un modèle ? »: the way without a
  // model is the baseline to beat.
  const baseline = proposesTheSimplest && INSTEAD_OF_A_MODEL.test(plainQuestion(question)) ? glossary.get(BASELINE_MODEL) : undefined;
  if (baseline) return { intent: 'why', concepts: [baseline], followUp: false, described: true, shortcut: true, inConversation };
  const described = asksWhatANamedConceptIs || proposesTheSimplest || proposesANamedConcept ? undefined : (describedSubject(question, retriever, retrieved, inScope) ?? describedInWholeEntries(question, retriever, retrieved, topic, inScope));
  if (asksWhatANamedConceptIs && cue === 'contrast' && named.length === 1) {
    // ... "compared to the rules I'd write by hand": what it is, since what it is compared with is no concept.
    return { intent: 'what', concepts: [named[0]!], followUp: false, inConversation };
  }
  // (A worry that something sounds fragile names a new problem, not a doubt about what the topic is.)
  if (described && topic && described.id !== topic.id && opensWithADoubt(question) && !SOUNDS_FRAGILE.test(plainQuestion(question))) {
    // « Vous êtes sûr ? J'avais lu que la précision, c'était le pourcentage de bonnes réponses. »: the learner
    // has another concept in mind (accuracy); what sets the two apart answers the doubt.
    return { intent: 'contrast', concepts: [topic, described], followUp: true, inConversation };
  }
  // (What a worry names itself, a problem or a concept not met yet, is what it is about.)
  const namesOnlyWhatIsInPlay = retrieved.filter((entry) => entry.via === 'term').every(({ concept }) => earlier.some((turn) => turn.conceptIds.includes(concept.id)));
  const failing = topic && asksWhatIfItFails(question) && namesOnlyWhatIsInPlay && !(described && glossary.withDetails(described).en.sections?.causes) ? failingConcept(question, topic, earlier, retriever, glossary) : undefined;
  if (failing) {
    // "What if the search misses the right page?" in a conversation on RAG: where RAG falls short, not what search is.
    return { intent: 'limits', concepts: [failing], followUp: true, remark: 'doubt', inConversation };
  }
  if (described) {
    // Named among others (« ma perte affiche inf puis NaN » names the loss too): the subject, without a lead-in.
    const namedToo = retrieved.some((entry) => entry.via === 'term' && entry.concept.id === described.id);
    // Described again while it is the topic (« C'est pour ça que les réponses changent ? »): a follow-up on it.
    const inPlay = topic?.id === described.id;
    // "Should I just shuffle them before splitting?" while the split is the topic, « ne devrais-je pas plutôt demander
    // le genre à un grand modèle de langage ? » (zero-shot classification): a shortcut, weighed by its pitfalls.
    const shortcut = asksWhyNotInstead(question);
    const choice = shortcut && namedToo ? choiceMade(described, conversationConcepts(earlier, glossary, Infinity), [], glossary) : undefined;
    if (choice) return { intent: 'contrast', concepts: [choice, described], followUp: true, inConversation };
    // "Is that really enough though? The manuals use old part names that users never type": the topic does not
    // cover it alone, and the technique the rest describes is what does: what it is for, named as the answer.
    if (!inPlay && !namedToo && coversWhatTheTopicMisses(described, topic, question, glossary)) return coveringIt(described);
    // ("... is that a problem if I index them?": why it matters.)
    const weighed = cue === 'what' && ASKS_IF_A_PROBLEM.test(plainQuestion(question)) && glossary.withDetails(described).en.sections?.why ? 'why' : undefined;
    const intent = shortcut && (cue === 'what' || cue === 'why') && glossary.withDetails(described).en.sections?.limits ? 'limits' : (weighed ?? describedIntent(cue, glossary.withDetails(described)));
    // « Quelle taille de morceaux et quel chevauchement me conseillez-vous ? »: what to do, first.
    const advised = !shortcut && asksForAdvice(question) && glossary.withDetails(described).en.step !== undefined;
    return { intent, concepts: [described], followUp: inPlay, ...(!namedToo && !inPlay && { described: true }), ...(shortcut && { shortcut }), ...(advised && { advice: true }), inConversation };
  }
  // « Ça me paraît risqué... comment puis-je m'y fier ? » right after a problem: what guards against it.
  if (topic && ASKS_HOW_TO_TRUST.test(plainQuestion(question)) && earlier.at(-1)?.conceptIds[0] === topic.id && glossary.withDetails(topic).en.sections?.remedies) {
    return { intent: 'remedy', concepts: [topic], followUp: true, remark: 'doubt', inConversation };
  }
  const doubted = topic && opensWithADoubt(question) ? doubtedConcept(topic, conversationConcepts(earlier, glossary), retrieved, question, retriever) : undefined;
  if (doubted) {
    // « Mouais, je suis pas sûr que ce soit vraiment de l'apprentissage s'il essaie juste des trucs au hasard »:
    // a doubt about the topic however long it goes on, a word of it matching some definition aside; "Hmm, sounds
    // fragile. Traffic and temperature change the vibrations, won't it flag every cold morning as an anomaly?"
    // names a term (temperature), but says far more of the topic (anomaly detection).
    // « Ça me paraît fragile [...] Comment puis-je limiter ce risque ? » asks what guards against it.
    const guards = cue === 'remedy' && glossary.withDetails(doubted).en.sections?.remedies;
    return { intent: guards ? 'remedy' : 'limits', concepts: [doubted], followUp: true, remark: 'doubt', inConversation };
  }
  if (topic && comparesWithTopic(question) && !asksWhyNotInstead(question) && !named.some((concept) => concept.id === topic.id)) {
    // "What happens when my prompt is longer than that?" after the context window: the window's limits.
    return { intent: cue === 'what' || cue === 'how' || cue === 'contrast' ? 'limits' : cue, concepts: [topic], followUp: true, inConversation };
  }
  // "Can you sum up what I should remember?": a recap, whatever a word of it happens to resemble.
  // "That's a lot. Can you put it more simply?" asks for simpler words, not a recap.
  // ("How does it actually work, step by step?" asks for a mechanism in steps, not a plan.)
  if (!retrieved.some((entry) => entry.via === 'term') && detectRemark(question) === 'recap' && detectSmallTalk(question) !== 'thanks' && cue !== 'simple' && !ASKS_HOW_IT_WORKS.test(plainQuestion(question))) {
    const covered = conversationConcepts(earlier, glossary);
    // One concept so far: "that's a lot" asks for it in simpler words, not for its definition again.
    const asksForASummary = / sum | summar| recap| resum(er|ez|ons|e moi|e nous)\b| recapitul| tl ?dr | en bref | in a nutshell /.test(plainQuestion(question));
    // "What should I do now?" right after a problem was diagnosed: what to do about it, not a plan for the project.
    const asksForAPlan = / steps?\b| etapes?\b| plan\b| checklist| to do list| in order | dans l'ordre /.test(plainQuestion(question));
    const problemInPlay = topic && !asksForASummary && !asksForAPlan && earlier.at(-1)?.conceptIds[0] === topic.id && glossary.withDetails(topic).en.sections?.remedies;
    if (problemInPlay && asksForSteps(question)) return { intent: 'remedy', concepts: [topic], followUp: true, inConversation };
    if (covered.length === 1 && !asksForASummary && !asksForSteps(question)) return { intent: 'simple', concepts: covered, followUp: true, remark: 'confused', inConversation };
    if (covered.length > 0 && asksForSteps(question)) return stepsOfTheConversation(earlier, glossary);
    if (covered.length > 0) return { intent: 'several', concepts: covered, followUp: true, remark: 'recap', asked: askedOf(earlier), inConversation };
  }
  if (named.length === 0) {
    const onTopic = withoutNamedConcept(question, cue, previous, glossary, earlier);
    // « Comment je saurai si mes prévisions sont bonnes ? » after time series forecasting: the error measure it
    // links to answers it better than the topic's next part.
    // A follow-up the topic's entry does not cover takes a linked concept more readily than one it answers.
    const needed = onTopic.uncovered ? NEIGHBOUR_SCORE : asksWhyNotInstead(question) ? PROPOSED_NEIGHBOUR_SCORE : undefined;
    const neighbour = topic && onTopic.followUp && !onTopic.remark && needed ? neighbourAsked(question, earlier, retriever, glossary, needed) : undefined;
    if (neighbour) return coversWhatTheTopicMisses(neighbour, topic, question, glossary) ? coveringIt(neighbour) : describedAs(neighbour);
    const ownCase = onTopic.intent === 'example' ? projectExampleForOwnCase(question, topic, earlier, glossary) : undefined;
    if (ownCase) return { ...onTopic, concepts: [ownCase], followUp: true, inConversation };
    return { ...onTopic, inConversation };
  }
  if (topic && asksWhyNotInstead(question) && named.every((concept) => concept.id === topic.id)) {
    // "Why not simply reuse last year's sales as the forecast?": the shortcut, named by the topic's word, is a linked entry.
    const shortcut = neighbourAsked(question, earlier, retriever, glossary, PROPOSED_NEIGHBOUR_SCORE);
    if (shortcut) return describedAs(shortcut);
  }
  const preferred = preferredOverAnAlternative(question, retrieved);
  if (preferred) {
    // « Pourquoi les CNN plutôt qu'un réseau classique ? »: what the named choice is good for.
    return { intent: 'why', concepts: [preferred], followUp: false, inConversation };
  }
  // "Why not just alert when a hive's weight drops below a threshold?": in a rule proposed, the hive's weight is no
  // model's weights; "why not just report its accuracy?" means accuracy.
  const proposesABaseline = proposedBaseline(plainQuestion(question)) !== undefined;
  const earnest = proposesABaseline ? retrieved.filter((entry) => entry.via !== 'term' || namedInEarnest.includes(entry.concept)) : retrieved;
  const metSplit = earlier.some((turn) => turn.conceptIds.includes(SPLIT_ID));
  const weighed = asksWhyNotInstead(question) ? weighedShortcut(question, topic, earnest.map((entry) => entry.concept), earnest, glossary, metSplit, conversationConcepts(earlier, glossary, Infinity)) : undefined;
  if (weighed) return { ...weighed, inConversation };
  if (named.length >= 2 && (asksAboutBoth(question) || asksToChooseBetween(question))) {
    // « Est-ce que je dois affiner le modèle ou le RAG suffit ? »: a choice between the two, which their contrast weighs.
    // "`model.eval()` and then `torch.no_grad()`... why both?": what each does that the other does not.
    // ("A random forest or a neural network for predicting tomorrow's yield?": the field's everyday word, "predicting",
    // is what both are for, not one of the two.)
    const weighable = named.filter((concept) => !EVERYDAY_FIELD_WORDS.includes(concept.id));
    return { intent: 'contrast', concepts: (weighable.length >= 2 ? weighable : named).slice(0, 2), followUp: false, inConversation };
  }
  const holdsBoth = named[0] && namesTwoThings(named[0]) && namesBothSides(question);
  if (cue === 'contrast' && ((named.length === 1 && (namesBothSides(question) || namesTwoThings(named[0]!))) || holdsBoth)) {
    // « Quelle est la différence entre la précision et le rappel ? »: one entry that holds both (precision and
    // recall) answers it; the topic in play is not one of the two, nor "a false alarm" the question tells of after.
    return { intent: 'what', concepts: named.slice(0, 1), followUp: false, inConversation };
  }
  if (cue === 'contrast' && !opensOnANewSubject(question)) {
    // "And how is it different from an RNN?": the previous subject against the new one.
    const pair = named.length >= 2 ? named.slice(0, 2) : topic && topic.id !== named[0]!.id ? [topic, named[0]!] : [];
    if (pair.length === 2) return { intent: 'contrast', concepts: pair, followUp: named.length < 2, inConversation };
  }
  // « C'est quoi la normalisation des données, et est-ce que j'en ai besoin ici ? »: what it is for says whether;
  // "cross-validation sounds fragile with so few positives, no?": its limits.
  const intent: SingleIntent = cue === 'contrast' ? 'what' : cue === 'what' && asksWhetherNeeded(question) ? 'why' : cue === 'what' && SOUNDS_FRAGILE.test(plainQuestion(question)) ? 'limits' : cue;
  const causeAsked = asksForCause(question, intent, named.map((concept) => glossary.withDetails(concept)));
  if (causeAsked) return { intent: 'cause', concepts: [causeAsked], followUp: false, inConversation };
  // "Can dropout prevent overfitting?": the remedies are the problem's, whichever concept is named first.
  const problem = intent === 'remedy' ? named.find((concept) => glossary.withDetails(concept).en.sections?.remedies) : undefined;
  if (problem) return { intent, concepts: [problem], followUp: false, inConversation };
  if (named.length >= 2 && (intent === 'what' || intent === 'define')) return { intent: 'several', concepts: named, followUp: false, inConversation };
  return { intent, concepts: named, followUp: false, inConversation, ...(named.length === 1 && asksForAdvice(question) && { advice: true }) };
}

/**
 * "A concrete example for our case, like a colleague asking whether a gown can be steamed?" after temperature: the
 * topic has nothing to say in the learner's field, the project's own task has; its example in their field answers.
 */
function projectExampleForOwnCase(question: string, topic: Concept | undefined, earlier: readonly EarlierTurn[], glossary: Glossary): Concept | undefined {
  const field = conversationField(question, earlier);
  const task = projectOpening(earlier)?.conceptIds.map((id) => glossary.get(id)).find((concept) => concept && concept.id !== WORKFLOW_ID);
  if (!field || !topic || !task || task.id === topic.id || !asksAboutOwnCase(question)) return undefined;
  const inField = (concept: Concept) => glossary.withDetails(concept).en.byField?.[field] !== undefined;
  return !inField(topic) && inField(task) ? task : undefined;
}

/** Fields whose examples are not records in time, nor rows of a table (photos, texts, recordings). */
const UNTIMED_FIELDS: readonly string[] = ['images', 'text', 'audio'];

/** The problems a rare class makes, against which accuracy says nothing: precision and recall measure them. */
const RARE_CLASS_PROBLEMS = [CLASS_IMBALANCE_ID, 'anomaly-detection'];

/** What to measure, by what the conversation met: precision and recall for a rare class, else how to choose a metric. */
function metricToMeasure(earlier: readonly EarlierTurn[], glossary: Glossary): Concept | undefined {
  const rare = earlier.some((turn) => turn.conceptIds.some((id) => RARE_CLASS_PROBLEMS.includes(id)));
  return glossary.get(rare ? PRECISION_AND_RECALL_ID : EVALUATION_METRIC_ID);
}

/** How a system is tested before it is rolled out: real questions for one built on documents, else a held-out test set. */
function testBeforeRollout(earlier: readonly EarlierTurn[], glossary: Glossary, question: string): Concept | undefined {
  // ("How do I check my RAG assistant works before...?" cold: the project the question names counts as one met.)
  const namedNow = new Set(glossary.matcher.findAll(question).map((match) => match.forms[0]!.conceptId));
  const met = (ids: readonly string[]) => metAny(earlier, ids) || ids.some((id) => namedNow.has(id));
  // On documents, the answers themselves (« si les réponses sont bonnes »), or a prompt changed, are checked against
  // expected outputs; whether search finds the right passages, by the retrieval's own measure.
  const aboutAnswers = / (answers?|responses?|replies|outputs?|prompt|prompts|reponses?|sorties?|repond|repondent|gets? it right|answers? (well|correctly|right))\b/.test(plainQuestion(question)) || (ASSISTANT_IMPROVES.test(plainQuestion(question)) && !/ (chunks?|chunking|morceaux|segments?|decoupage)\b/.test(plainQuestion(question)));
  const notMet = (id: string) => !met([id]) && glossary.get(id);
  // "...without asking the researchers to check every answer": answers graded by another model.
  if ((met(DOCUMENT_TASK_IDS) || met(RETRIEVAL_IDS) || met(LANGUAGE_MODEL_IDS)) && WITHOUT_READING_EVERY_ANSWER.test(plainQuestion(question)) && glossary.get(LLM_AS_A_JUDGE_ID)) return glossary.get(LLM_AS_A_JUDGE_ID);
  // (An assistant's answers are checked on real questions with answers an expert checked: its golden test set; a prompt
  // changed, by rerunning the cases it must still pass.)
  const changesThePrompt = / (prompts?|instructions?|consignes?)\b/.test(plainQuestion(question));
  if ((met(DOCUMENT_TASK_IDS) || met(RETRIEVAL_IDS)) && aboutAnswers && !changesThePrompt && notMet(GOLDEN_TEST_SET_ID)) return glossary.get(GOLDEN_TEST_SET_ID);
  if ((met(DOCUMENT_TASK_IDS) || met(RETRIEVAL_IDS)) && aboutAnswers && notMet(LANGUAGE_MODEL_PROJECT_STEPS[0]!)) return glossary.get(LANGUAGE_MODEL_PROJECT_STEPS[0]!);
  // Fields pulled out of documents with a model are checked on real documents with the values expected, at every
  // change; sorting messages into categories, class by class on a labelled sample, whoever sorts them.
  if (met([EXTRACTION_ID])) return glossary.get(LANGUAGE_MODEL_PROJECT_STEPS[0]!);
  if (met(SORTING_IDS)) return glossary.get('confusion-matrix');
  // (An assistant on documents as a whole is checked in two halves, the search and the answers, then end to end; whether
  // the search alone finds the right passages, by the retrieval's own measure.)
  const aboutTheSearch = / (retrieval|search|retriever|recherche|passages?|chunks?|morceaux)\b/.test(plainQuestion(question));
  if ((met(DOCUMENT_TASK_IDS) || met(RETRIEVAL_IDS)) && !aboutTheSearch && notMet(RAG_EVALUATION_ID)) return glossary.get(RAG_EVALUATION_ID);
  if (met(DOCUMENT_TASK_IDS) || met(RETRIEVAL_IDS)) return glossary.get(DOCUMENT_PROJECT_STEPS[0]!);
  // (Once the data is split, what is left to know is how to score the predictions.)
  return glossary.get(met(LANGUAGE_MODEL_IDS) ? LANGUAGE_MODEL_PROJECT_STEPS[0]! : met([SPLIT_ID]) ? EVALUATION_METRIC_ID : SPLIT_ID);
}

const FEATURE_ENGINEERING_ID = 'feature-engineering';
/** "Can't the model just read the raw sensor data?", « pourquoi préparer les mesures avant ? ». */
const READS_THE_RAW_DATA = / (read|use|take|learn from|work (on|with|from)|be fed|feed it|lire|utiliser|prendre|apprendre (de|sur|a partir de|a partir des)|travailler (sur|avec)) (directly |directement |straight )?(the |les |des |my |our |mes |nos |ces |those |these )?(raw|brutes?|donnees brutes|mesures brutes)\b| (prepare|preparing|preparer|prepares?) (the |les |my |mes |nos |our |ces )?(data|readings|measurements|sensor data|mesures|donnees|releves|valeurs)( first| avant| d'abord| beforehand| before)\b/;
const PREDICTIVE_MAINTENANCE_ID = 'predictive-maintenance';
/** Machines that fail, break down or are about to: « pannes », « casses », "failures", "breakdowns". */
const FAILURES = / (failures?|fails?|failing|breakdowns?|break down|breaks down|about to (fail|break)|pannes?|casses?|defaillances?|tomber en panne|tombe en panne|lacher|lache)\b/;
const CALENDAR_FEATURES_ID = 'calendar-features';
/** "Flags almost every Monday morning", « signale tous les matins vers 6 h »: alarms that come back on a schedule. */
const ALARMS_ON_A_SCHEDULE = /\b(flags?|flagged|flagging|marks?|alerts?|alarms?|fires?|triggers?|signale|signalent|declenche|declenchent|sonne|sonnent|alerte)\b[^?]*\b(every|each|most|tous les|toutes les|chaque|presque tous les) (single )?(mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|mornings?|evenings?|nights?|days?|weeks?|weekends?|shifts?|start ?ups?|lundis?|mardis?|mercredis?|jeudis?|vendredis?|samedis?|dimanches?|matins?|soirs?|nuits?|jours?|semaines?|week ends?|demarrages?|redemarrages?)\b| \b(flags?|flagged|alerts?|alarms?|fires?|triggers?|signale|signalent|declenche|declenchent|sonne|sonnent)\b[^?]*\b(every time|each time|whenever|a chaque fois|chaque fois|des qu'on|des que)\b/;
/** "The readings go weird", « les mesures sont bizarres »: values that look wrong... */
const LOOKS_ODD = /\b(weird|odd|strange|haywire|garbage|crazy|off the charts|bizarres?|etranges?|n'importe quoi|aberrantes?|faussees?|folles?)\b/;
/** ...during a known, recurring operation: cleaning, maintenance, a restart, a weekend. */
const KNOWN_OPERATION = /\b(clean(ing|ed|s)?|maintenance|servicing|restarts?|restarting|start ?ups?|power ?ups?|powers? (back )?up|shut ?downs?|holidays?|weekends?|nettoyages?|nettoie|nettoyee?s?|nettoyes|redemarrages?|demarrages?|arrets?|vacances|fermetures?|week ends?|entretien|revisions?)\b/;

/** 'alarms' for alarms on a schedule (why?), 'odd' for readings odd during a known operation (what to do?). */
function regularPeriodAsked(text: string): 'alarms' | 'odd' | undefined {
  if (ALARMS_ON_A_SCHEDULE.test(text)) return 'alarms';
  return LOOKS_ODD.test(text) && KNOWN_OPERATION.test(text) ? 'odd' : undefined;
}

const LLM_AS_A_JUDGE_ID = 'llm-as-a-judge';
const RAG_EVALUATION_ID = 'rag-evaluation';
/** "Whether the assistant is getting better", « si l'assistant s'améliore »: its answers, as a whole. */
const ASSISTANT_IMPROVES = /[ '](assistant|bot|chatbot|system|systeme) ([a-z']+ ){0,2}(s'ameliore|improves|is improving|gets better|is getting better|progresse)\b/;
/** "Without checking every answer by hand", « sans relire chaque réponse », "automatically". */
const WITHOUT_READING_EVERY_ANSWER = / without ([a-z']+ ){0,4}(check|checking|read|reading|review|reviewing|grade|grading)(s)? (every|each|all( the)?) (answers?|responses?|outputs?)\b| sans (relire|verifier|lire|corriger|noter) (chaque|toutes les|tous les) (reponses?|sorties?)\b| (grade|score|check|evaluate) ([a-z']+ ){0,3}automatically\b| (noter|evaluer|verifier) ([a-z']+ ){0,3}automatiquement\b/;

/** Concepts that say a conversation is about sorting items into categories. */
const SORTING_IDS = ['multiclass-classification', 'classification', 'zero-shot-classification', 'sentiment-analysis', 'binary-classification'];

const PROMPT_ENGINEERING_ID = 'prompt-engineering';

/** Names of the tool an application on a language model is built with. */
const LANGUAGE_MODEL_NAMES = ['large-language-model', 'language-model', 'gpt', 'chatgpt', 'openai', 'prompt', 'prompt-engineering', 'llm-agent'];

/** Concepts that say a conversation is about searching the learner's documents. */
const RETRIEVAL_IDS = ['chunking', 'embedding', 'sentence-embedding', 'vector-database', 'reranking', 'hybrid-search', 'query-rewriting', 'lost-in-the-middle'];

/** "I tried a decision tree", « j'ai entraîné une forêt aléatoire », "my XGBoost model": a model the learner ran. */
const TRIED = /\b(?:tried|trained|fit|fitted|used|ran|built|my|our|essay[ée]|entra[îi]n[ée]|utilis[ée]|test[ée]|lanc[ée]|mon|ma|notre)\s+(?:a |an |the |un |une |le |la |l'|mon |ma |notre |quick |simple |petit |petite |first |premier |premi[èe]re )*$/iu;

function triedBefore(question: string, retrieved: readonly Retrieved[], concept: Concept): boolean {
  return retrieved.some((entry) => entry.concept.id === concept.id && entry.start !== undefined && TRIED.test(question.slice(Math.max(0, entry.start - 40), entry.start)));
}

/**
 * The concepts a question names by one of their terms (not by a stem, a typo or the words of a definition), less
 * those named by an everyday word that the rest of the question does not bear out: in "we log temperature, gravity and
 * pH from every fermentation tank... a batch gets stuck", temperature and batch are the brewery's, not the model's
 * (their entries hold 11 and 6 of the question; a term the question is about holds 15 to 30).
 */
function earnestlyNamed(question: string, retrieved: readonly Retrieved[], retriever: Retriever): Concept[] {
  const named = retrieved.filter((entry) => entry.via === 'term');
  const isEveryday = (entry: Retrieved) => entry.start !== undefined && entry.end !== undefined && EVERYDAY_WORD.test(question.slice(entry.start, entry.end));
  // "Engine temperature, oil pressure and RPM", « la température du moule »: a measure of a thing, never the setting.
  const measured = (entry: Retrieved) => measuresAThing(question, entry.start!, entry.end!);
  const everyday = named.filter(isEveryday);
  if (everyday.length === 0) return named.map((entry) => entry.concept);
  if (everyday.every(measured)) return named.filter((entry) => !isEveryday(entry)).map((entry) => entry.concept);
  const borneOut = retriever.closestEntries(question, new Set(everyday.map((entry) => entry.concept.id))).filter((close) => close.score >= EARNEST_SCORE);
  return named.filter((entry) => !isEveryday(entry) || borneOut.some((close) => close.concept.id === entry.concept.id)).map((entry) => entry.concept);
}

/**
 * An everyday word the learner's project opening used for their own things, "we sell knitting patterns", names them
 * again later ("the right paragraph in a 20-page pattern"), not the concept that shares the word, unless the opening
 * was about that concept.
 */
function withoutTheLearnersOwnWords(retrieved: readonly Retrieved[], question: string, earlier: readonly EarlierTurn[]): Retrieved[] {
  const opening = projectOpening(earlier);
  if (!opening?.question) return [...retrieved];
  const openingWords = new Set(foldCase(opening.question).split(/[^\p{L}\p{N}]+/u));
  return retrieved.filter((entry) => {
    if (entry.via !== 'term' || entry.start === undefined || entry.end === undefined || opening.conceptIds.includes(entry.concept.id)) return true;
    const word = question.slice(entry.start, entry.end);
    return !(EVERYDAY_WORD.test(word) && (openingWords.has(foldCase(word)) || openingWords.has(`${foldCase(word)}s`)));
  });
}

/**
 * « Température de malaxage, durée, variété », "engine temperature": an everyday word naming a measure of a thing is the
 * learner's reading, not the concept that shares the word, outside a conversation on language models.
 */
function withoutMeasures(retrieved: readonly Retrieved[], question: string, earlier: readonly EarlierTurn[]): Retrieved[] {
  if (metAny(earlier, LANGUAGE_MODEL_IDS)) return [...retrieved];
  // (Once a reading, always the learner's: « il manque la température pour 60 lots » after « température de malaxage ».)
  const measuredBefore = new Set(earlier.flatMap((turn) => measuresIn(turn.question ?? '')));
  return retrieved.filter((entry) => {
    if (entry.via !== 'term' || entry.start === undefined || entry.end === undefined) return true;
    const word = question.slice(entry.start, entry.end);
    if (!EVERYDAY_WORD.test(word)) return true;
    return !(measuredBefore.has(foldCase(word)) || measuresAThing(question, entry.start, entry.end) || isAMeasureOf(word, question.slice(entry.end)));
  });
}

/** The everyday words a question uses as a measure of a thing (« température de malaxage »: température). */
function measuresIn(question: string): string[] {
  return [...question.matchAll(/\p{Ll}+/gu)].filter((match) => isAMeasureOf(match[0], question.slice(match.index + match[0].length))).map((match) => foldCase(match[0]));
}

/** The word at `start`..`end` is a measure of the thing named around it: "engine temperature", « la température du moule ». */
function measuresAThing(question: string, start: number, end: number): boolean {
  return MEASURED_BEFORE.test(question.slice(0, start)) || MEASURED_AFTER.test(question.slice(end));
}

/** A measure word (temperature, pressure...) followed by what it is of: « température de malaxage », "pressure of the line". */
function isAMeasureOf(word: string, after: string): boolean {
  return MEASURE_WORDS.has(foldCase(word)) && (MEASURED_AFTER.test(after) || MEASURE_OF_A_THING.test(after));
}

/** Everyday words for what a sensor or a log measures. */
const MEASURE_WORDS = new Set(['temperature', 'temperatures', 'pressure', 'pression', 'humidity', 'humidite', 'weight', 'poids', 'duration', 'duree', 'speed', 'vitesse']);

/** The thing a physical measure is of, right before it ("engine", "water", "room") or after it (« du moteur », "sensor"). */
const MEASURED_BEFORE = /\b(?:engine|motor|oil|water|coolant|exhaust|room|air|outside|outdoor|ambient|body|core|surface|sea|soil|oven|kiln|mould|mold|tank|chamber|fridge|freezer|cabinet|battery|driver|bearing|brake|tyre|tire|furnace|boiler|hive|cellar|product|process|probe|sensor)s?\s+$/iu;
const MEASURED_AFTER = /^\s+(?:sensors?|readings?|probes?|logs?|curves?|data|values?|°|degrees?|du moteur|de l'eau|de l'air|du moule|du four|de la piece|de la chambre|ambiante|exterieure|extérieure|interieure|intérieure|des? (?:capteurs?|sondes?|moteurs?|machines?|cuves?|fours?|ventilateurs?|pompes?|vannes?|rivières?|conduites?)|of the (?:fans?|pumps?|valves?|river|pipes?)|(?:d'eau|d'air|de la rivière|du ventilateur|de la pompe))\b/iu;
/** « De malaxage », « de l'huile », "of the kiln": what a measure word (temperature, pressure...) is of, not a model's setting. */
const MEASURE_OF_A_THING = /^\s+(?:(?:de (?:la |l')?|d'|du |of (?:the )?)(?!(?:échantillonnage|echantillonnage|sampling|génération|generation|décodage|decodage|modèle|modele|model|llm|gpt|softmax|réponse|reponse|answers?)\b)\p{L}{3,})/iu;

/** A name that is one word in lower case: "temperature", "batch"; not "CNN", "fine-tune", "réseau de neurones". */
const EVERYDAY_WORD = /^\p{Ll}+$/u;
/** Everyday words that named a project's setting scored 6 to 13 ("water temperature" of a pool: 12.6). */
const EARNEST_SCORE = 15;

/**
 * Concepts found only by the words of their definitions or as a typo (not by a term) say little; in a reaction or a
 * question that points back (« Je n'ai pas tout compris », "Where did it come from?") the topic in play is
 * the subject instead.
 */
function withoutWeakMatches(retrieved: readonly Retrieved[], question: string, hasTopic: boolean): Retrieved[] {
  if (!hasTopic || retrieved.some((entry) => entry.via === 'term' || entry.via === 'stem')) return [...retrieved];
  // « T'as un exemple de valeurs ? »: a short question that asks for a part of the topic, a word of it aside.
  const cue = detectIntent(question);
  const asksForAPart = (cue === 'example' || cue === 'simple' || cue === 'history') && wordsIn(question) <= 8;
  return detectRemark(question) || refersBack(question) || soundsLikeFollowUp(question) || asksForAPart ? [] : [...retrieved];
}

/**
 * An entry found only by words its definition shares with the question is no subject: a learner's story ("we
 * trained something on 2000 clips, it gets 99% on them but garbage on new recordings", "40 confirmed cheaters out of
 * 200,000 players") shares words with many definitions, and in the evaluation's questions such a match was the
 * right entry once in eleven. Answering it is worse than saying the glossary has no entry for what was asked, unless
 * one definition holds far more of the question than any other ("our chatbot makes up answers that sound confident,
 * citing docs that don't exist": hallucination, 21 against 9).
 */
function withoutStoryWords(retrieved: Retrieved[]): Retrieved[] {
  if (retrieved.some((entry) => entry.via !== 'text')) return retrieved;
  const [first, second] = retrieved;
  return first && first.score >= STORY_TEXT_SCORE && first.score >= 2 * (second?.score ?? 0) ? [first] : [];
}

/** A definition's BM25 score above which it is what a question is about (a chance match scores 6-12). */
const STORY_TEXT_SCORE = 15;

/** Words that mark the clause a question asks in: « c'est quoi », "what is", "how", "explain". */
const ASKING = / (what|which|how|why|explain|define|describe|difference|c'est quoi|qu'est ce|quoi|quel|quelle|quels|quelles|comment|pourquoi|explique|expliquez|definis|definition|difference)\b/;

/**
 * The concepts a question asks about, not those it names as its setting: in « Je bosse sur du RAG, c'est quoi
 * un embedding ? » the clause that asks holds the embedding; RAG is where the learner stands.
 */
function subjectsOf(question: string, retrieved: readonly Retrieved[]): Retrieved[] {
  if (retrieved.length < 2) return [...retrieved];
  const clauses = clausesOf(question);
  const asking = clauses.filter((clause) => ASKING.test(plainQuestion(clause.text)));
  if (asking.length !== 1) return [...retrieved];
  const [clause] = asking;
  const inside = retrieved.filter((entry) => entry.start !== undefined && entry.start >= clause!.start && entry.start < clause!.end);
  if (inside.length === 0 || inside.length === retrieved.length) return [...retrieved];
  // "What are GPT, BERT and CLIP?": the other clauses are a list of terms, not a setting of their own.
  const termWords = new Set(retrieved.flatMap((entry) => (['fr', 'en'] as const).flatMap((lang) => [entry.concept[lang].term, ...entry.concept[lang].aliases]).flatMap(wordsOf)));
  const others = clauses.filter((other) => other !== clause);
  const isSetting = (other: { text: string }) => wordsOf(other.text).filter((word) => !termWords.has(word) && !LIST_WORDS.has(word)).length >= 2;
  return others.some(isSetting) ? inside : [...retrieved];
}

// (and the words that set one term against another: "..., compared to regression", « ..., par rapport à une régression »)
const LIST_WORDS = new Set(['and', 'or', 'et', 'ou', 'the', 'a', 'an', 'le', 'la', 'les', 'l', 'un', 'une', 'des', 'de', 'du', 'compared', 'to', 'versus', 'vs', 'against', 'with', 'par', 'rapport', 'à', 'compare', 'comparé', 'comparée', 'contre', 'avec']);

function wordsOf(text: string): string[] {
  return plainQuestion(text).replace(/'/g, ' ').trim().split(' ').filter((word) => word.length > 0);
}

function clausesOf(question: string): { text: string; start: number; end: number }[] {
  const clauses: { text: string; start: number; end: number }[] = [];
  const boundary = /[,;:.!?]+\s*|\s+[-–—]\s+/gu;
  let start = 0;
  for (const match of question.matchAll(boundary)) {
    const end = match.index + match[0].length;
    if (end > start) clauses.push({ text: question.slice(start, end), start, end });
    start = end;
  }
  if (start < question.length) clauses.push({ text: question.slice(start), start, end: question.length });
  return clauses;
}

/**
 * The entry the question describes by its signs rather than by its name: no term named, or only terms that are
 * part of the description (training loss, in "training loss low but test results bad", describes overfitting).
 */
function comparesWhatItNames(question: string): boolean {
  return detectIntent(firstQuestionOf(question)) === 'contrast' || asksToChooseBetween(question);
}

/**
 * Which entries a description can be about in the learner's project: in a project on records or readings, none of the
 * language-model pipeline's ("why can't I just feed all the 10-minute readings into the model?" is about the readings,
 * not a long prompt), unless the question speaks of text or language models.
 */
function projectsScope(question: string, earlier: readonly EarlierTurn[], glossary: Glossary): ReadonlySet<string> | undefined {
  const opening = projectOpening(earlier);
  if (!opening || opening.conceptIds.some((id) => TEXT_PROJECT_IDS.includes(id) || LANGUAGE_MODEL_IDS.includes(id)) || SPEAKS_OF_TEXT.test(plainQuestion(opening.question ?? ''))) return undefined;
  if (metAny(earlier, [...LANGUAGE_MODEL_IDS, ...DOCUMENT_TASK_IDS, ...RETRIEVAL_IDS]) || SPEAKS_OF_TEXT.test(plainQuestion(question))) return undefined;
  return new Set(glossary.concepts.filter((concept) => concept.category !== 'language-models' && !TEXT_READING_IDS.includes(concept.id)).map((concept) => concept.id));
}

/** Words of a question on text or language models, in a project that began on records. */
const SPEAKS_OF_TEXT = / (llms?|gpt|chatgpt|language models?|modeles? de (langue|langage)|pdfs?|documents?|docs|texts?|textes?|prompts?|chatbots?|bots?|assistants?|tokens?|jetons?|embeddings?|chunks?|ocr|scans?|scanned|scannee?s?|manuals?|manuels?|notices?|reports?|rapports?|e ?mails?|courriels?|wiki|faqs?|articles?|transcripts?|messages?|comments?|commentaires?|reviews?|avis)\b/;
/** Reading text out of images or speech: entries of text projects outside the language-model category. */
const TEXT_READING_IDS: readonly string[] = ['optical-character-recognition', 'speech-recognition'];

function describedSubject(question: string, retriever: Retriever, retrieved: readonly Retrieved[], inScope?: ReadonlySet<string>): Concept | undefined {
  const match = retriever.described(question, inScope && ((concept) => inScope.has(concept.id)));
  if (!match) return undefined;
  // Only a term written out weighs against the description; a typo's or a definition's match is weaker than it.
  const named = retrieved.filter((entry) => entry.via === 'term').map((entry) => entry.concept);
  // « Ma perte affiche inf puis NaN » names the loss and the NaN loss: the symptom told is the subject. A
  // question that only names both ("I mix up RLHF and DPO") is about both.
  // "The difference between fine-tuning and few-shot prompting for my case?" compares the two it names, whatever a
  // sign of one ("a few solved cases") shares with its words.
  if (named.some((concept) => concept.id === match.concept.id)) return named.length > 1 && speaksOfOwnWork(question) && !comparesWhatItNames(question) ? match.concept : undefined;
  // "My loss ... becomes NaN. Adam, lr=3e-4": a learner telling what happens to their own work names the
  // setting (Adam) around the symptom; the symptom is the question.
  // "How do transformers know the order of words?": the named concept is where the described one works
  // (positional encoding is the Transformer's), or the description is held whole.
  const settles = (concept: Concept) => isPartOf(match, concept) || areLinked(concept, match.concept);
  return speaksOfOwnWork(question) || match.coverage === 1 || named.every(settles) ? match.concept : undefined;
}

/**
 * A question that names no concept but whose words one entry's whole text holds far more of than any other's:
 * « j'aimerais prévoir combien de boîtes de chaque médicament je vais vendre la semaine prochaine » is time series
 * forecasting (22 against 10). Only a question long enough to say something, and not a follow-up on the topic.
 */
function describedInWholeEntries(question: string, retriever: Retriever, retrieved: readonly Retrieved[], topic: Concept | undefined, inScope?: ReadonlySet<string>): Concept | undefined {
  if (retrieved.length > 0 || wordsIn(question) < MIN_DESCRIPTION_WORDS) return undefined;
  // "Can you give me a concrete example for our case, with numbers...?": an example of the topic, whatever words it tells it with.
  if (topic && (soundsLikeFollowUp(question) || refersBack(question) || pointsBack(question) || detectIntent(question) === 'example')) return undefined;
  const [first] = retriever.closestEntries(question, inScope);
  // The topic's own words come back in its follow-ups: what they ask of it is the follow-up rules' to decide.
  if (!first || first.score < WHOLE_ENTRY_SCORE || first.concept.id === topic?.id) return undefined;
  return first.concept;
}

/** The share of the closest entry's score at which the topic's own entry is taken to hold the question as well. */
const TOPIC_HOLDS_AS_MUCH = 0.8;

/**
 * What a doubt is about: the topic, when the doubt names no concept; else the concept of the conversation whose whole
 * entry holds more of the question than any concept it names does (undefined when a named one does).
 */
function doubtedConcept(topic: Concept, covered: readonly Concept[], retrieved: readonly Retrieved[], question: string, retriever: Retriever): Concept | undefined {
  const named = retrieved.filter((entry) => entry.via === 'term' || entry.via === 'stem').map((entry) => entry.concept);
  if (named.length === 0) return topic;
  const recent = [topic, ...covered.slice(-RECENT_TOPICS)];
  const [first] = retriever.closestEntries(question, new Set([...recent, ...named].map((concept) => concept.id)));
  return first && !named.some((concept) => concept.id === first.concept.id) ? first.concept : undefined;
}

/**
 * The concept linked to the topic (related, or a prerequisite) whose whole text holds far more of a follow-up than any
 * other linked concept: where a tutor would take the conversation next.
 */
function neighbourAsked(question: string, earlier: readonly EarlierTurn[], retriever: Retriever, glossary: Glossary, needed: number): Concept | undefined {
  const covered = new Set(earlier.flatMap((turn) => turn.conceptIds));
  const recent = conversationConcepts(earlier, glossary).slice(-RECENT_TOPICS);
  const linked = new Set(recent.flatMap((concept) => [...concept.related, ...(concept.prerequisites ?? [])]).filter((id) => glossary.get(id) && !covered.has(id)));
  if (linked.size === 0 || wordsIn(question) < MIN_DESCRIPTION_WORDS - 2) return undefined;
  const [first, second] = retriever.closestEntries(question, linked);
  if (!first || first.score < needed || first.score < NEIGHBOUR_MARGIN * (second?.score ?? 0)) return undefined;
  // ("So it learns what normal looks like, then a score decides?" after anomaly detection: the isolation forest says the
  // same words, but the topic saying nearly as much of them keeps the question on it.)
  const [ofRecent] = retriever.closestEntries(question, new Set(recent.map((concept) => concept.id)));
  if (ofRecent && ofRecent.score >= TOPIC_HOLDS_AS_MUCH * first.score) return undefined;
  return first.concept;
}

const NEIGHBOUR_SCORE = 8;
/**
 * "Why not just reuse last week's sales?" proposes something a linked entry may be (a baseline model, 14), or only
 * mention an alternative the topic's purpose answers ("why not a plain fully connected network?").
 */
const PROPOSED_NEIGHBOUR_SCORE = 12;
/** The concepts of the latest turns whose links a follow-up may take. */
const RECENT_TOPICS = 3;
const NEIGHBOUR_MARGIN = 1.3;

/** "Why not just buy a bigger GPU instead?": the alternative set against the topic, which the topic's purpose answers. */
const SETS_AGAINST = / instead | plutot | au lieu /;

function wordsIn(question: string): number {
  return plainQuestion(question).trim().split(' ').length;
}

/** A question of fewer words does not describe a need. */
const MIN_DESCRIPTION_WORDS = 8;
/**
 * An entry is what a question describes when its text scores this much. Measured on 211 questions of learners'
 * conversations, 10 that named no concept scored 20 or more, 9 of them on the right entry (fraud that is rare in the
 * data: anomaly detection, 32; « prévoir mes ventes du mois prochain »: time series forecasting, 33; the wrong one: an
 * ops engineer asked to deploy a model, Jupyter notebook, 20.8); below 20 the top entry was often wrong whatever its
 * margin over the next (a nurse's "warn us before a patient deteriorates": membership inference, 19.7).
 */
const WHOLE_ENTRY_SCORE = 20;

/** "instead of", « plutôt que »: what follows is the alternative set aside. */
const ALTERNATIVE_MARKER = /\b(?:instead of|rather than|over)\b|\bplutôt qu(?:e\b|['’])|\bau lieu d(?:e\b|['’])/iu;

/**
 * "Why do we use CNNs instead of a plain network for images?": the concept named before "instead of" is the
 * one chosen, and the question asks what it is good for (the alternative may be no entry at all).
 */
function preferredOverAnAlternative(question: string, retrieved: readonly Retrieved[]): Concept | undefined {
  if (!/^ (and |so |et |mais |alors )?(why|pourquoi) /.test(plainQuestion(question)) || / why not | pourquoi (pas|ne pas) /.test(plainQuestion(question))) return undefined;
  const marker = ALTERNATIVE_MARKER.exec(question);
  if (!marker) return undefined;
  const before = retrieved.filter((entry) => entry.via === 'term' && entry.start !== undefined && entry.start < marker.index);
  const after = retrieved.filter((entry) => entry.via === 'term' && entry.start !== undefined && entry.start > marker.index);
  return before.length === 1 && after.length === 0 ? before[0]!.concept : undefined;
}

/** "What's going on?", "why?", « qu'est-ce qui se passe ? », « tu sais pourquoi ? ». */
const ASKS_WHAT_HAPPENS = / what'?s going on| what is going on| what happened| what'?s happening| why\b| how come| how (is|can) (that|this|it) (be )?possible| pourquoi| qu'est ce qui se passe| que se passe t il| qu'est ce qui (cloche|ne va pas)| comment (est ce|c'est) possible| comment (ca|cela) se fait/;

/** The concept named right after "can you show me an example (of)", « pouvez-vous me donner un exemple de ». */
function exampleAskedOf(question: string, retrieved: readonly Retrieved[]): Concept | undefined {
  const request = EXAMPLE_REQUEST.exec(question.replace(/’/gu, "'"));
  const first = request ? retrieved.find((entry) => entry.via === 'term' && entry.start === request[0].length) : undefined;
  if (!first) return undefined;
  // « un exemple de prompt few-shot », "an example few-shot prompt": of two names side by side, the longer says more.
  const length = (entry: Retrieved) => (entry.end ?? 0) - (entry.start ?? 0);
  const beside = retrieved.find((entry) => entry.via === 'term' && entry.start !== undefined && entry.start > (first.end ?? 0) && entry.start <= (first.end ?? 0) + 1);
  return beside && length(beside) > length(first) ? beside.concept : first.concept;
}

/** "An evaluation set", "a test set", « un jeu de test », « un jeu d'évaluation »: cases kept to test with. */
const TEST_SET = / (evaluation|eval|test|golden|benchmark) (set|dataset|suite|cases)\b| jeux? (de test|d'evaluation|d'essai)\b/;

const EXAMPLE_REQUEST = /^\s*(?:(?:ok|so|and|et|alors),? )?(?:can|could|would) you (?:give|show|write) (?:me |us )?(?:a |an |one )?(?:concrete |real |quick |simple |short |good )?example (?:of )?(?:a |an |the |what )?|^\s*(?:(?:ok|et|alors),? )?(?:pouvez-vous|pourriez-vous|peux-tu|pourrais-tu|tu peux|vous pouvez) (?:me |nous )?(?:donner|montrer|écrire) (?:un )?(?:exemple )(?:concret )?(?:de |d'|du |des )?(?:la |le |l'|un |une )?/iu;

/** "What is a classification model...", « C'est quoi un plongement... »: a question opening with what a term it names is. */
function asksWhatItNamesIs(question: string, retrieved: readonly Retrieved[]): boolean {
  // The typographic apostrophe as the plain one, the same length: the offsets of what was retrieved hold.
  const opening = ASKS_WHAT_IS.exec(question.replace(/’/gu, "'"));
  return !!opening && retrieved.some((entry) => entry.via === 'term' && entry.start !== undefined && entry.start <= opening[0].length);
}

const ASKS_WHAT_IS = /^\s*(?:(?:and|so|ok|et|alors),? )?(?:what is|what's|what are|qu'est-ce que|qu'est-ce qu'|c'est quoi)\s+(?:exactly |exactement |(?:a|an|the|un|une|le|la|les|l'|des) ?)?/iu;

/** "Is that a problem?", « est-ce un problème ? »: whether the situation told matters, whatever its words cue. */
const ASKS_IF_A_PROBLEM = / (is (it|that|this) (a )?(problem|an issue|bad)|(est ce|c'est) (un )?(probleme|grave|genant))\b/;

/** Cues that ask what to do, or for another part, rather than whether a situation matters. */
const ASKS_WHAT_TO_DO: readonly (SingleIntent | 'contrast')[] = ['remedy', 'how', 'example', 'simple', 'limits'];

/** The entry a hand-written rule proposed instead of a model is. */
const BASELINE_MODEL = 'baseline-model';

/**
 * Whether a shortcut proposed is a hand-written rule rather than one of the topic's own fixes: "why not just lower
 * the threshold?" after class imbalance is a fix its remedies name; "why not just flag every student with fewer than
 * ten lessons, as a fixed rule?" is not.
 */
function proposesARule(plain: string, topic: Concept): boolean {
  const rule = proposedBaseline(plain);
  if (!rule) return false;
  const remedies = topic.en.sections?.remedies;
  if (!remedies) return true;
  const fixes = plainQuestion(`${remedies} ${topic.fr.sections?.remedies ?? ''}`);
  return !fixes.includes(` ${rule} `) && !fixes.includes(` ${rule.replace(/s$/u, '')} `);
}

/** "Why use X...?", « pourquoi choisir X... ? »: a choice asked about, not a shortcut proposed. */
const ASKS_WHY_CHOSEN = /^ (and |so |et |mais |alors )?(why|pourquoi) (use|choose|prefer|utiliser|choisir|prendre|on utilise|utilise t on)\b/;

/**
 * "Why not just X?", "can't we simply X?", « pourquoi pas plutôt X ? »: what answers the shortcut or alternative X
 * proposed, weighed against the topic in play (or, with none, on its own); undefined when nothing weighs it.
 */
function weighedShortcut(question: string, topic: Concept | undefined, named: readonly Concept[], retrieved: readonly Retrieved[], glossary: Glossary, metSplit = false, covered: readonly Concept[] = []): Omit<Understanding, 'inConversation'> | undefined {
  const plain = plainQuestion(question);
  // "Why not just train on all the data and check the accuracy on that?": why a test set is kept apart, or, once
  // the conversation came to the split, what such a score hides (overfitting).
  const split = glossary.get(SPLIT_ID);
  const overfitting = glossary.get(OVERFITTING_ID);
  if (split && overfitting && testsOnTrainingData(plain)) {
    return topic?.id === split.id || metSplit ? { intent: 'what', concepts: [overfitting], followUp: false, described: true } : { intent: 'why', concepts: [split], followUp: false };
  }
  if (!topic) {
    // "Why can't I just train a classifier and look at its accuracy?": what is wrong with the shortcut, its last word.
    const last = named[named.length - 1];
    return ASKS_WHY_CHOSEN.test(plain) || !last ? undefined : { intent: 'limits', concepts: [last], followUp: false };
  }
  const alternative = retrieved.find((entry) => entry.via === 'term' || entry.via === 'stem')?.concept;
  const baseline = glossary.get(BASELINE_MODEL);
  // "Why not just predict 'no failure' for everything?" names a prediction, but proposes a baseline all the same.
  const namesOnlyTheShortcut = !alternative || namesOnlyAResultsSetting([alternative]);
  if (namesOnlyTheShortcut && baseline && topic.id !== baseline.id && proposesARule(plain, glossary.withDetails(topic))) {
    // "Why not just set an alarm when the gravity stops dropping for 12 hours?" after a model: a rule is the
    // baseline the model must beat.
    return { intent: 'why', concepts: [baseline], followUp: false, described: true, shortcut: true };
  }
  // "Why not just show the most popular products?" after the cold start: a fix proposed for the topic.
  if (!alternative) return { intent: fixOrPurpose(topic, glossary), concepts: [topic], followUp: true };
  // "Why not fine-tune a model on our SOPs instead of doing retrieval?": the concept of the conversation it would replace;
  // in a project on the learner's documents, "why not just fine-tune instead?" weighs it against the project's choice.
  const projectChoice = covered[0] && DOCUMENT_TASK_IDS.includes(covered[0].id) ? covered[0] : undefined;
  const replaced = replacedConcept(plain, covered) ?? projectChoice;
  if (replaced && replaced.id !== alternative.id && hasCuratedContrast(glossary, replaced, alternative)) return { intent: 'contrast', concepts: [replaced, alternative], followUp: true };
  // "Why not just use an LSTM?" two turns after gradient boosting: the choice the conversation made, weighed against it.
  const weighedAgainst = hasCuratedContrast(glossary, topic, alternative) ? undefined : choiceMade(alternative, covered, named, glossary);
  if (weighedAgainst) return { intent: 'contrast', concepts: [weighedAgainst, alternative], followUp: true };
  if (alternative.id !== topic.id && !hasCuratedContrast(glossary, topic, alternative)) {
    // "Why not just measure accuracy then?": the shortcut itself falls short, which its limits (or, for a problem,
    // its remedies) say...
    const shortcut = glossary.withDetails(alternative);
    const falling = shortcut.en.sections?.remedies ? 'remedy' : shortcut.en.sections?.limits ? 'limits' : undefined;
    // "Why not just an LSTM on the raw readings instead?": a model or method proposed instead has its own limits to say;
    // "a bigger GPU instead?" is answered by what the topic is for.
    const anotherMethod = alternative.category !== 'data-deployment' && alternative.category !== 'ecosystem';
    if (falling && (!SETS_AGAINST.test(plain) || anotherMethod)) return { intent: falling, concepts: [alternative], followUp: false };
    // ... but "why not just buy a bigger GPU instead?" after quantization is answered by what the topic is for;
    // two definitions side by side would not.
    return { intent: 'why', concepts: [topic], followUp: true };
  }
  // "Why not just use one-hot vectors?" after embeddings, a contrast curated: the alternative weighed against the topic.
  if (!named.some((concept) => concept.id === topic.id)) return { intent: 'contrast', concepts: [topic, named[0]!], followUp: true };
  return undefined;
}

/**
 * The concept of the conversation that the words after "instead of", "rather than", « au lieu de », « plutôt que » name
 * by a word of their term ("instead of doing retrieval": retrieval-augmented generation).
 */
function replacedConcept(plain: string, covered: readonly Concept[]): Concept | undefined {
  const clause = / (instead of|rather than|au lieu d[eu']?|plutot que d?e?) (.*)$/.exec(plain)?.[2];
  if (!clause) return undefined;
  const words = new Set(clause.split(' ').filter((word) => word.length >= 5));
  return [...covered].reverse().find((concept) => [concept.en.term, concept.fr.term].some((term) => plainQuestion(term).split(' ').some((word) => words.has(word))));
}

/**
 * The concept of the conversation an alternative proposed instead is weighed against: the latest one a curated contrast
 * sets against it ("why not just an LSTM?" after gradient boosting), not named in the question.
 */
function choiceMade(alternative: Concept, covered: readonly Concept[], named: readonly Concept[], glossary: Glossary): Concept | undefined {
  const weighs = (met: Concept) => met.id !== alternative.id && !named.some((concept) => concept.id === met.id) && hasCuratedContrast(glossary, met, alternative);
  const met = [...covered].reverse().find(weighs);
  if (met) return met;
  // "Why not just search by keywords?" after embeddings: the alternative's curated rival of the same kind that the
  // topic is part of (semantic search); a bigger GPU proposed instead is no method.
  const topic = covered[covered.length - 1];
  const sameKind = (concept: Concept) => concept.category === alternative.category && alternative.category !== 'data-deployment' && alternative.category !== 'ecosystem';
  const rivals = (glossary.withDetails(alternative).contrasts ?? []).flatMap((contrast) => glossary.get(contrast.with) ?? []);
  return topic && rivals.find((rival) => sameKind(rival) && weighs(rival) && areLinked(rival, topic));
}

/** A shortcut proposed for a problem is weighed as one of its fixes; for anything else, against what it is for. */
function fixOrPurpose(topic: Concept, glossary: Glossary): SingleIntent {
  return glossary.withDetails(topic).en.sections?.remedies ? 'remedy' : 'why';
}

function hasCuratedContrast(glossary: Glossary, a: Concept, b: Concept): boolean {
  return Boolean(glossary.withDetails(a).contrasts?.some((contrast) => contrast.with === b.id));
}

/** Of the concepts in play, the one whose whole entry holds most of a worry that something fails, if it says its limits. */
function failingConcept(question: string, topic: Concept, earlier: readonly EarlierTurn[], retriever: Retriever, glossary: Glossary): Concept | undefined {
  const inPlay = new Set([topic, ...conversationConcepts(earlier, glossary).slice(-RECENT_TOPICS)].map((concept) => concept.id));
  const [closest] = retriever.closestEntries(question, inPlay);
  const failing = glossary.withDetails(closest?.concept ?? topic);
  return failing.en.sections?.limits ? failing : undefined;
}

/** "What if the search misses the right page?", « Et si le modèle se trompe ? »: a worry that something in play fails. */
function asksWhatIfItFails(question: string): boolean {
  return /^ (and |but |mais )?(what if|what happens if|what happens when|and if|et si|que se passe t il si|qu'arrive t il si|que faire si)\b.* (miss|misses|missed|fail|fails|failed|doesn'?t find|does not find|can'?t find|cannot find|gets? (it )?wrong|is wrong|breaks?|goes wrong|ne trouve pas|trouve pas|rate|se trompe|echoue|manque|passe a cote)\b/.test(plainQuestion(question));
}

/** "Are you sure?", « Vous êtes sûr ? », "Really?" at the start of a message. */
function opensWithADoubt(question: string): boolean {
  // « Je ne suis pas sûr de comprendre » is confusion, not a doubt.
  if (/ (sur|sure) (de|d'|to|i|that i) ?(comprendre|avoir compris|understand|follow|get it)/.test(plainQuestion(question))) return false;
  return /^ (hmm |hm |well |mouais |bof |but |mais )?(are you sure|you sure|really|i'?m not (so )?(sure|convinced)|not convinced|vous etes sure?s?|t'es sure?|tu es sure?|vraiment|c'est sur|sure|je ne suis pas (sur|convaincu)|je suis pas (sur|convaincu)|pas convaincu|(that|this|it)( all)? (sounds|seems|looks) (fragile|risky|brittle|shaky|naive|too (simple|easy|good))|(ca|cela|c'est|tout ca) (me )?(parait|semble|a l'air) (fragile|risque|naif|trop (simple|beau|facile))) /.test(plainQuestion(question));
}

/**
 * « Qu'est-ce que l'augmentation de données ? Est-ce que ça marche pour les séries temporelles ? »: two
 * questions; the first says what the answer opens with. A single question is itself.
 */
function firstQuestionOf(question: string): string {
  const first = /^[^?]{8,}\?/u.exec(question.trim())?.[0];
  return first && first.length < question.trim().length - 8 ? first : question;
}

/** "precision and recall", « la précision et le rappel »: one entry for two things learners compare. */
function namesTwoThings(concept: Concept): boolean {
  return / (and|et) /.test(` ${concept.en.term} `) && / (and|et) /.test(` ${concept.fr.term} `);
}

/** "between A and B", « entre A et B »: the question names both things it compares. */
function namesBothSides(question: string): boolean {
  return / (between|entre) .+ (and|et) /.test(plainQuestion(question));
}

/** "What about flash attention, is it a different model?": a new subject, not a comparison with the last one. */
function opensOnANewSubject(question: string): boolean {
  return /^ (and |so )?(what|how) about | quid de | et (pour |concernant )?(le|la|les|l) [^ ]+ (alors|la dedans|dans tout ca) /.test(plainQuestion(question));
}

/** One entry leads to the other (its `related`), either way. */
function areLinked(a: Concept, b: Concept): boolean {
  return a.related.includes(b.id) || b.related.includes(a.id);
}

function speaksOfOwnWork(question: string): boolean {
  const plain = plainQuestion(question);
  // "After deployment the predictions looked great... nobody touched the model", « j'ai entraîné »: a story.
  return / (my|our|mon|ma|mes|notre|nos) /.test(plain) || / (i|we) (trained|deployed|set|ran|changed|added|see|saw|get|got|noticed|have|had)\b| nobody (touched|changed)| after deployment | (j'ai|on a|nous avons) (entraine|deploye|lance|change|ajoute|vu|remarque|obtenu)/.test(plain);
}

/**
 * What a description asks of its concept: for a problem, why it happens unless the question asks how to avoid
 * it or what it costs; for a mechanism, how it works when the question asks why it behaves so.
 */
function describedIntent(cue: SingleIntent | 'contrast', concept: Concept): SingleIntent {
  const isProblem = Boolean(concept.en.sections?.causes);
  // « Comment gérer ça ? » about something that is no problem to fix (several labels a book): how it is done.
  if (cue === 'remedy' && !concept.en.sections?.remedies) return 'how';
  // « ... des références qui n'existent pas. D'où ça vient ? »: where a symptom comes from is its cause, not its history.
  if (cue === 'history' && isProblem) return 'cause';
  if (cue === 'remedy' || cue === 'limits' || cue === 'example' || cue === 'simple' || cue === 'history' || cue === 'translate') return cue;
  // "How does ChatGPT remember what I said?" asks for a mechanism, even of an entry that is also a problem.
  if (cue === 'how') return 'how';
  if (isProblem) return 'cause';
  // "Should I use a hosted API or run an open model on our own server?": the choice it describes, why one makes it.
  if (cue === 'contrast') return concept.en.sections?.why ? 'why' : 'how';
  return cue === 'why' || cue === 'cause' ? 'how' : cue;
}

/**
 * "Longer than that", « plus grand que ça », "what if it exceeds it": a comparison with what was just explained,
 * which stays the subject whatever else the question names (the prompt, in "my prompt is longer than that").
 */
function comparesWithTopic(question: string): boolean {
  return / (longer|shorter|bigger|larger|more|greater|smaller|fewer|less|higher|lower) than (that|it|this|this limit|the limit)\b| (beyond|past|over|above|below) (that|it|this|this limit|the limit)\b| (exceeds?|exceeding|overflows?|goes (over|past|beyond)|go (over|past|beyond)|runs? out of) (it|that|this|the limit)\b| (plus|moins) (long|longue|longs|longues|grand|grande|grands|grandes|gros|grosse|petit|petite|eleve|elevee)s? que (ca|cela|lui|elle|celle ci|celui ci|la limite)\b| (depasse|deborde|excede) (ca|cela|la limite|cette limite)\b| (depasse|deborde|excede) $| au dela (de ca|de cela|de cette limite|de la limite)\b/.test(plainQuestion(question));
}

/** "Why" about a purpose: why use it, why it matters, why it works. */
const ASKS_PURPOSE = / (use|using|useful|matter|matters|important|point|need|worth|work|works|help|helps|good for|valuable|benefit|sert|servir|utile|utiliser|important|interet|marche|fonctionne|aide|besoin|vaut|apporte|avantage)/;

/**
 * "Why do LLMs hallucinate?", « d'où vient le surapprentissage ? »: the phenomenon whose causes the question
 * asks for, when one of the named concepts has them and the question does not ask what it is good for.
 */
function asksForCause(question: string, intent: SingleIntent, named: readonly Concept[]): Concept | undefined {
  if (intent !== 'cause' && intent !== 'why' && intent !== 'history') return undefined;
  // « Qu'apporte le surapprentissage ? »: the purpose word may follow an elided one.
  if (intent !== 'cause' && ASKS_PURPOSE.test(plainQuestion(question).replace(/'/g, ' '))) return undefined;
  const withCauses = named.find((concept) => concept.fr.sections?.causes || concept.en.sections?.causes);
  if (withCauses && (intent === 'cause' || intent === 'why' || !withCauses.en.sections?.history)) return withCauses;
  return intent === 'cause' ? named[0] : undefined;
}

function withoutNamedConcept(question: string, cue: SingleIntent | 'contrast', previous: readonly Concept[], glossary: Glossary, earlier: readonly EarlierTurn[]): Understanding {
  const intent: SingleIntent = cue === 'contrast' ? 'what' : cue;
  const future = glossary.get(FUTURE_OF_AI);
  if (future && asksAboutTheFuture(question)) return { intent: intent === 'limits' ? 'limits' : 'what', concepts: [future], followUp: false };
  const smallTalk = detectSmallTalk(question);
  if (smallTalk === 'thanks' || smallTalk === 'bye' || smallTalk === 'greeting') return { intent: 'smalltalk', concepts: [], followUp: false, smallTalk };
  const remark = detectRemark(question);
  const topic = previous.slice(0, 1);
  if (remark && topic.length > 0) {
    // A question cue in the remark wins (« Ça a l'air compliqué, comment ça marche ? »), but a doubt that
    // something is "too simple" asks for the catch, not for simpler words.
    // "Sounds easy to avoid, I bet it isn't" doubts; it does not ask how to avoid it.
    // ("Is that really enough to stop it?" doubts a remedy: what else guards against it.)
    const doubtsARemedy = remark === 'doubt' && intent === 'remedy' && ENOUGH_TO_STOP_IT.test(plainQuestion(question));
    const asked = doubtsARemedy || (intent !== 'what' && !(remark === 'doubt' && (intent === 'simple' || intent === 'remedy'))) ? intent : REMARK_INTENT[remark];
    return { intent: asked, concepts: topic, followUp: true, remark };
  }
  // "Is that enough?", « Et si une épidémie arrive d'un coup ? »: whether the topic holds up in the learner's case.
  if (topic.length > 0 && asksWhetherItHolds(question) && intent !== 'remedy' && intent !== 'example') {
    return { intent: 'limits', concepts: topic, followUp: true };
  }
  if (topic.length > 0 && asksWhyNotInstead(question)) {
    // « Pourquoi ne pas simplement reprendre les ventes de l'an dernier ? »: a shortcut weighed against the topic.
    return weighedShortcut(question, topic[0], [], [], glossary)!;
  }
  // « T'as un exemple de valeurs ? », "explain like im 5": a short question asking for a part of the topic.
  // "Where do I even start?" after fine-tuning: how it is done.
  // "Can you give me a concrete example of picking the threshold for our case, with numbers, if we have 15 technicians a
  // day?": an example asked for, however long the case told with it.
  const asksForAPart = ((['example', 'simple', 'history', 'limits', 'remedy'].includes(intent) || asksHowToStart(question)) && wordsIn(question) <= PART_REQUEST_WORDS) || intent === 'example';
  // (A bare "ok" in a project's conversation moves the project on.)
  const nextStep = smallTalk === 'ack' && wordsIn(question) <= BARE_ACK_WORDS ? nextStepOfTheProject(earlier, glossary) : undefined;
  if (nextStep) return nextStep;
  if (topic.length > 0 && (soundsLikeFollowUp(question) || refersBack(question) || asksForAPart || smallTalk === 'ack')) {
    return { intent: smallTalk === 'ack' && intent === 'what' ? 'how' : intent, concepts: topic, followUp: true, ...(smallTalk === 'ack' && { remark: 'more' as const }), ...(asksForAdvice(question) && { advice: true }) };
  }
  if (smallTalk || remark) return { intent: 'smalltalk', concepts: [], followUp: false, smallTalk: 'ack' };
  const limits = glossary.get(LIMITS_OF_LARGE_MODELS);
  if (limits && intent === 'limits' && soundsLikeFollowUp(question)) return { intent: 'what', concepts: [limits], followUp: false };
  // "Only a handful of Viking pieces... it almost never says Viking. Is that related?": a question that points
  // back into the conversation is in its field, whatever words it uses.
  if (topic.length > 0 && (speaksOfTheField(question) || pointsBack(question))) return { intent: intent === 'what' ? 'how' : intent, concepts: topic, followUp: true, uncovered: true };
  // "Could a model help me find the leaked PDFs that talk about the same topic?": in the field, but no entry answers it;
  // so is whatever comes in a conversation already about machine learning (« comment j'ajoute la pluie prévue ? »).
  // "Honestly this sounds fragile, a lot of moving parts for something drivers will trust": a long doubt is about the topic too.
  // (One that asks how to limit the risk, what guards against it.)
  if (topic.length > 0 && SOUNDS_FRAGILE.test(plainQuestion(question))) return { intent: intent === 'remedy' ? 'remedy' : 'limits', concepts: topic, followUp: true, remark: 'doubt' };
  // "Hmm, not sure I get it. How would it know that "2 metre band" and "144 MHz" mean the same thing?": confusion said
  // first, about the topic in play, then a question in the learner's own terms: the topic, more simply.
  const opening = /^[^.!?]+[.!?]/u.exec(question.trim())?.[0];
  if (topic.length > 0 && opening && opening.length < question.trim().length && detectRemark(opening) === 'confused') return { intent: 'simple', concepts: topic, followUp: true, remark: 'confused' };
  if (topic.length > 0 || MACHINE_LEARNING_WORDS.test(plainQuestion(question)) || AUTOMATION_WISH.test(plainQuestion(question))) return { intent: 'ood', concepts: [], followUp: false, uncovered: true };
  return { intent: 'ood', concepts: [], followUp: false };
}

/**
 * Words that say a question is about machine learning itself, with nothing before it in the conversation: "a name for
 * my cat" or « un mot qui rime avec orange » is not, "could a model find the PDFs on the same topic?" is.
 */
const MACHINE_LEARNING_WORD_LIST = [
  'learn', 'learns', 'apprend', 'apprendre', 'model', 'models', 'modele', 'modeles', 'train', 'trained', 'training',
  'entraine', 'entrainer', 'entrainement', 'dataset', 'datasets', 'neural', 'neurones', 'learning', 'apprentissage',
  'predict', 'predicts', 'prediction', 'predictions', 'predire', 'prevoir', 'prevision', 'previsions', 'forecast',
  'forecasting', 'classifier', 'classifieur', 'algorithm', 'algorithme', 'ai', 'ia', 'llm', 'llms', 'gpu',
];
const MACHINE_LEARNING_WORDS = wordsRegExp(MACHINE_LEARNING_WORD_LIST);

/**
 * A wish for a system that does a task by itself: "I'd like a system that warns us when something looks abnormal",
 * « j'aimerais un outil qui m'aide à repérer les CV qui correspondent ». What machine learning is for.
 */
const AUTOMATION_WISH = / (system|tool|software|app|program|outil|logiciel|application|programme|systeme) (that|which|to|qui|pour) | automatic(ally)? | automatiquement | (could|can) (a|an|the) (computer|machine|program) | (une|la) machine (peut|pourrait|saurait) /;

/** « Tu peux me donner un exemple concret avec mes parcelles ? »: a request for a part of the topic is this short. */
const PART_REQUEST_WORDS = 12;
/** "ok", « ah d'accord », "got it, thanks": an acknowledgement and nothing else. */
const BARE_ACK_WORDS = 3;

/**
 * Words that place a question in machine learning even when it names no concept of the glossary, in a conversation
 * already about it: those above, and words the field uses among others (text, data, a test, a score).
 */
const FIELD_WORDS = wordsRegExp([
  ...MACHINE_LEARNING_WORD_LIST,
  'text', 'texte', 'word', 'words', 'mot', 'mots', 'token', 'tokens', 'jeton', 'jetons', 'trains', 'data', 'donnees',
  'reseau', 'reseaux', 'layer', 'layers', 'couche', 'couches', 'predit', 'weights', 'poids', 'prompt', 'output',
  'input', 'sortie', 'entree', 'answer', 'answers', 'reponse', 'reponses', 'accuracy', 'loss', 'perte', 'test',
  'evaluate', 'evaluation', 'evaluer', 'metric', 'metrics', 'metrique', 'metriques', 'benchmark', 'image', 'images',
  'class', 'classes', 'classe', 'label', 'labels', 'etiquette', 'etiquettes', 'feature', 'features', 'epoch',
  'epochs', 'batch', 'docs', 'documents', 'retrieval', 'production', 'deploy', 'deployment', 'deploie',
  'deploiement', 'chatbot', 'agent', 'forecasts', 'algorithms', 'algorithmes', 'statistics', 'statistiques', 'score',
  'scores', 'tester', 'testing', 'tests',
]);

/** A test for any of `words`, each whole, in a plain question (see plainQuestion). */
function wordsRegExp(words: readonly string[]): RegExp {
  return new RegExp(` (${words.join('|')}) `);
}

/** "is that related?", « c'est lié ? »: a pronoun or a word that refers to what was said before. */
function pointsBack(question: string): boolean {
  return / (that|this|it|ca|cela) (is |est )?(related|linked|lie|liee|the same|normal|why)\b| is (that|this|it) (related|normal|why|because)\b| (c'est|est ce) (lie|normal|pour ca)\b/.test(plainQuestion(question));
}

function speaksOfTheField(question: string): boolean {
  return FIELD_WORDS.test(plainQuestion(question));
}

/**
 * Whether the conversation's plan is one of an application on a language model. (A project on the learner's documents
 * has its own first steps, whatever else a conversation on an LLM met.)
 */
function plannedOnALanguageModel(earlier: readonly EarlierTurn[]): boolean {
  return !projectOpening(earlier)?.conceptIds.some((id) => DOCUMENT_TASK_IDS.includes(id)) && metAny(earlier, LANGUAGE_MODEL_IDS);
}

/** What to do, in steps, from the concepts the conversation covered, the project's own steps first. */
function stepsOfTheConversation(earlier: readonly EarlierTurn[], glossary: Glossary): Understanding {
  const onALanguageModel = plannedOnALanguageModel(earlier);
  const { concepts, plan } = withProjectSteps(conversationConcepts(earlier, glossary, MAX_STEP_CONCEPTS), earlier, glossary, onALanguageModel);
  return { intent: 'several', concepts, followUp: true, remark: 'recap', asked: askedOf(earlier), steps: true, plan, ...(onALanguageModel && { onALanguageModel }), inConversation: true };
}

/**
 * A conversation that opened a project sums up what to do with the project's steps first; they stay whatever else
 * gives way. Options only weighed against each other ("fine-tuning or a better prompt?") are no steps of it.
 */
function withProjectSteps(conversation: readonly Concept[], earlier: readonly EarlierTurn[], glossary: Glossary, onALanguageModel: boolean): { concepts: Concept[]; plan: string[] } {
  const workflow = glossary.get(WORKFLOW_ID);
  const opening = projectOpening(earlier);
  if (!workflow || !opening) return { concepts: [...conversation], plan: [] };
  // "Fine-tuning or RAG?" weighed against the project's own task: the alternative set aside is no step of the plan.
  const setAside = new Set(earlier.filter((turn) => turn.intent === 'contrast' && turn.conceptIds.some((id) => opening.conceptIds.includes(id) && id !== WORKFLOW_ID)).flatMap((turn) => turn.conceptIds.filter((id) => !opening.conceptIds.includes(id))));
  const covered = conversation.filter((concept) => !setAside.has(concept.id));
  const plan = planOf(opening, covered, earlier, onALanguageModel);
  const first = [...(DOCUMENT_TASK_IDS.includes(plan[0] ?? '') ? [] : [workflow]), ...plan.flatMap((id) => glossary.get(id) ?? [])];
  const weighedOnly = (concept: Concept) => earlier.every((turn) => turn.intent === 'contrast' || turn.conceptIds[0] !== concept.id);
  return { concepts: [...first, ...covered.filter((concept) => !first.includes(concept) && concept.id !== WORKFLOW_ID && !weighedOnly(concept))], plan };
}

/**
 * The steps of the project the conversation opened: one on the learner's documents starts from its retrieval pipeline
 * and its test questions; one built on a language model from its task's own step and real inputs with the outputs
 * expected, rerun at every change; any other sets a test set aside and beats a baseline, whether the conversation came
 * to them or not, and one on a table of records builds its features and trains a first model.
 */
function planOf(opening: EarlierTurn, covered: readonly Concept[], earlier: readonly EarlierTurn[], onALanguageModel: boolean): string[] {
  const documentTask = opening.conceptIds.find((id) => DOCUMENT_TASK_IDS.includes(id));
  // (Documents are parsed before anything is searched: PDFs' tables and scans are where a first version breaks.)
  if (documentTask) return [documentTask, DOCUMENT_PARSING_ID, ...DOCUMENT_PROJECT_STEPS];
  if (onALanguageModel) {
    const task = opening.conceptIds.find((id) => id !== WORKFLOW_ID);
    return [...(task ? [task, ...(NEXT_STEP_ON_A_LANGUAGE_MODEL[task] ?? [])] : []), ...LANGUAGE_MODEL_PROJECT_STEPS];
  }
  // (A handful of recorded failures trains no classifier: the plan's model learns what normal looks like.)
  const model = handfulOfCasesTold(questionsSoFar(earlier)) ? (covered.find((concept) => ANOMALY_WAYS.includes(concept.id))?.id ?? ANOMALY_WAYS[0]!) : firstModel(covered);
  const steps = [...EVERY_PROJECTS_STEPS, ...(onATable(earlier) ? [...TABLE_PROJECT_STEPS, model] : [])];
  // A forecast is split by time and fed its own past: the split and the features of a series.
  return opening.conceptIds.includes(FORECASTING_ID) ? steps.map((id) => STEPS_OF_A_FORECAST[id] ?? id) : steps;
}

/** A retrieval pipeline's pieces after its first version, in the order they are built. */
const DOCUMENT_PIPELINE_STEPS: readonly string[] = [DOCUMENT_PARSING_ID, 'chunking', 'metadata-filtering', 'hybrid-search', 'reranking'];
const STEPS_OF_A_FORECAST: Readonly<Record<string, string>> = { [SPLIT_ID]: TIME_BASED_SPLIT_ID, 'feature-engineering': 'lag-feature' };

/**
 * "ok", « d'accord » in a project's conversation: the tutor leads on to the plan's first step the conversation has not
 * met, rather than to another example of what it just read.
 */
function nextStepOfTheProject(earlier: readonly EarlierTurn[], glossary: Glossary): Understanding | undefined {
  const opening = projectOpening(earlier);
  if (!opening) return undefined;
  const onALanguageModel = plannedOnALanguageModel(earlier);
  const { plan } = withProjectSteps(conversationConcepts(earlier, glossary, MAX_STEP_CONCEPTS), earlier, glossary, onALanguageModel);
  // (The opening gave its task's first steps already.)
  const task = opening.conceptIds.find((id) => id !== WORKFLOW_ID);
  const given = task ? [task, ...(openingSteps(task, onALanguageModel) ?? [])] : [];
  // (A pipeline over documents goes on in the order its pieces are built.)
  const later = opening.conceptIds.some((id) => DOCUMENT_TASK_IDS.includes(id)) ? DOCUMENT_PIPELINE_STEPS : [];
  const next = [...plan, ...later].map((id) => glossary.get(id)).find((concept) => concept && !given.includes(concept.id) && !metAny(earlier, [concept.id]) && glossary.withDetails(concept).en.step);
  return next && { intent: 'how', concepts: [next], followUp: false, nextStep: true, inConversation: true };
}

/** Records in a table: no language model, and no images, sound or text told. */
function onATable(earlier: readonly EarlierTurn[]): boolean {
  const field = conversationField('', earlier);
  return !field || !UNTIMED_FIELDS.includes(field);
}

/** The first model of a plan: the one the conversation weighed, else a random forest. */
function firstModel(covered: readonly Concept[]): string {
  return covered.find((concept) => FIRST_TABLE_MODELS.includes(concept.id))?.id ?? FIRST_TABLE_MODELS[0]!;
}

/**
 * "What I should do, in a few steps", "what I should actually do, in order", « les étapes principales », « ce que je
 * dois faire »: a recap as actions.
 */
function asksForSteps(question: string): boolean {
  return / steps?\b| what (i|we|you) (should|need to|must|have to) (actually |really |now |then |concretely )?do| what to do| in order $| dans l'ordre $| to do list| checklist| action plan| plan of action| etapes?\b| ce que (je|nous|on|tu|vous) (dois|doit|devons|devez|devrais|devrait|devrions) (faire|retenir faire)| quoi faire| que faire| (que|qu'est ce que) (dois|devons|devrais|devrions|devez|devriez) (je|nous|on|vous|tu) (concretement |maintenant |ensuite )?faire| what (should|do|must) (i|we) (actually |really |now |then |concretely )?do\b| marche a suivre| plan d'action/.test(plainQuestion(question));
}

/**
 * "Sounds fragile", "seems risky", « me paraît fragile », « un peu naïf », « je doute... est-ce vraiment raisonnable ? »:
 * a doubt, wherever it stands in the question.
 */
/** "Should I oversample them, or is that a bad idea?", « est-ce une bonne idée de les suréchantillonner ? ». */
function asksWhetherToDoIt(question: string): boolean {
  return / should (i|we) (just |really |also )?[a-z]+\b[^?]* or (is (it|that|this) )?(a bad idea|not|bad)\b| is (it|that|this) a (bad|good) idea| (est ce|c'est) (une )?(bonne|mauvaise) idee| (dois je|devrais je|faut il|faudrait il) [a-z']+\b[^?]* ou (pas|non|est ce (une )?mauvaise idee)\b/.test(plainQuestion(question));
}

/** "And how does it work?", « et concrètement, comment ça apprend ? »: the mechanism of what the conversation is about. */
const ASKS_HOW_IT_WORKS_OF_THE_TOPIC = /^ (and |so |ok |et |alors |mais )?(concretely |in practice |concretement |en pratique )?(how (does|do) (it|this|that|they) (actually |really |exactly )?(work|learn)|comment (est ce que )?(ca|cela|il|elle|ils|elles) (marche|fonctionne|apprend|marchent|fonctionnent|apprennent))\b/;

/** "How does it actually work?", « comment ça marche ? »: a mechanism asked for, anywhere in the question. */
const ASKS_HOW_IT_WORKS = / how (does|do) (it|this|that|they|these|the [a-z]+) (actually |really |exactly )?work| comment (ca|cela|il|elle|ils|elles) (marche|fonctionne|marchent|fonctionnent)\b| comment (est ce que )?(ca|cela) (marche|fonctionne)\b/;

/** "How can I trust it?", « comment puis-je m'y fier ? », "can we rely on it?": what makes it safe to use. */
const ASKS_HOW_TO_TRUST = / (how|comment) (can|could|do|would|should|puis|pourrais|peut|pourrait|dois) (i|we|one|je|on|nous)? ?(ever |really |vraiment |jamais )?(trust|rely on|be confident in|faire confiance|me fier|m'y fier|s'y fier|nous y fier|se fier|compter dessus|y croire)\b| (can|could) (i|we) (ever |really )?(trust|rely on) (it|this|that|them|its answers)\b/;

const SOUNDS_FRAGILE = / (sounds?|seems?|looks?|feels?) (a bit |kind of |rather |quite |too )?(fragile|risky|brittle|shaky|naive|unreliable|dangerous)\b| (parait|parais|semble|a l'air) (un peu |assez |bien |trop )?(fragile|risque|naif|naive|dangereux|douteux|bancal)\b| (je doute|i doubt|i'?m not sure|not convinced|pas convaincue?|pas sure?)\b| (is it|is that|est ce) (really |vraiment )?(wise|reasonable|safe|raisonnable|prudent|sage|serieux)\b| (can|could) (we|i|you) (really )?(trust|rely on)\b| (peut on|puis je|pouvons nous) (vraiment )?(faire confiance|se fier|me fier|nous fier)\b/;

/**
 * "Do I need it here?", "should I use it?", "could it help us?", « est-ce que j'en ai besoin ? », « faut-il l'utiliser ? »,
 * « est-ce que ça pourrait nous servir ? ».
 */
function asksWhetherNeeded(question: string): boolean {
  return / (do|would|will|should) (i|we) (really |even |also )?(need|use) (it|one|this|that|them)\b| (is it|is that|are they) (really |even |actually |truly )?(needed|necessary|useful|worth it)\b| (could|can|would|will|might) (it|this|that|they) (really |actually )?(help|be useful|serve)\b| (ca|cela|il|elle|ils|elles) (pourrait|peut|pourra|pourraient|peuvent) (vraiment )?(nous |me |vous |te |m'|t')?(servir|aider|etre utiles?)\b| (j'en|en) (ai|avons|aurais|aurai) (vraiment |aussi )?besoin| faut il (l'|les |en )?(utiliser|faire)?| (dois je|devrais je|doit on) (l'|les |en )?utiliser| est ce (que c'est |utile|necessaire)/.test(plainQuestion(question));
}

/** A recap names at most this many concepts: the latest ones the conversation was about. */
const MAX_RECAP_CONCEPTS = 5;

/** The concepts the conversation was about, in the order it met them, still in the glossary. */
function conversationConcepts(earlier: readonly EarlierTurn[], glossary: Glossary, most = MAX_RECAP_CONCEPTS): Concept[] {
  const ids = [...new Set(earlier.flatMap((turn) => turn.conceptIds.slice(0, 1)))];
  return ids.flatMap((id) => glossary.get(id) ?? []).slice(-most);
}

/** Steps are drawn from this many of the conversation's concepts: those with something to do come first. */
const MAX_STEP_CONCEPTS = 12;

/** What the conversation last asked of each concept it was about. */
function askedOf(earlier: readonly EarlierTurn[]): Record<string, Intent> {
  const asked: Record<string, Intent> = {};
  // A project's opening asked how to start the project, not how its kind of task works.
  for (const turn of earlier) if (turn.conceptIds[0] && turn.intent && !turn.conceptIds.includes(WORKFLOW_ID)) asked[turn.conceptIds[0]] = turn.intent;
  return asked;
}

/** The concepts of the latest turn that was about some, still in the glossary. */
function previousConcepts(earlier: readonly EarlierTurn[], glossary: Glossary): Concept[] {
  for (let i = earlier.length - 1; i >= 0; i--) {
    const concepts = earlier[i]!.conceptIds.flatMap((id) => glossary.get(id) ?? []);
    if (concepts.length > 0) return earlier[i]!.intent === 'contrast' ? withTheOneMetBeforeFirst(concepts, earlier.slice(0, i)) : concepts;
  }
  return [];
}

/**
 * "Fine-tuning or RAG for this?" in a conversation on RAG: the follow-ups ("a concrete example for our case?") are
 * about the one the conversation was on before the other was weighed against it.
 */
function withTheOneMetBeforeFirst(pair: readonly Concept[], before: readonly EarlierTurn[]): Concept[] {
  const met = pair.filter((concept) => metAny(before, [concept.id]));
  return met.length === 1 ? [met[0]!, ...pair.filter((concept) => concept !== met[0])] : [...pair];
}
