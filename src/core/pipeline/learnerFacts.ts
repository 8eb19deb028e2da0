import type { Lang } from '../glossary/types';

// What the learner told of their own case, in numbers and constraints ("18 bad firings out of 200", "only 3 recorded
// failures", "500 scanned PDFs", "no GPU", « les données ne doivent pas sortir de chez nous »): a tutor works with
// those, so an answer about a concept they bear on says what the concept means for these numbers, computed, in the
// learner's own words. Every sentence here is the project's own template; only the numbers and the learner's nouns
// are slotted in.

/** A part of a whole: the rare cases among all ("18 bad firings out of 200", "12% of batches"). */
export interface Share {
  /** Out of a hundred, rounded to one decimal. */
  readonly percent: number;
  readonly part?: number;
  readonly whole?: number;
  /** The learner's noun for the rare cases ("bad firings", « cuissons ratées »), when told. */
  readonly what?: string;
  /** The learner's noun for all the cases, when the share is told as a part of them ("2% of transactions"). */
  readonly of?: string;
  /** What the rare cases are, when told as a state ("2% are late": late). */
  readonly state?: string;
}

/** A count of something the learner has ("3 recorded failures", "500 scanned PDFs", "2,000 rows"). */
export interface Count {
  readonly count: number;
  readonly what: string;
}

export interface LearnerFacts {
  readonly share?: Share;
  /** So few cases of what they want to find that a test set or a model from examples can hardly use them. */
  readonly fewCases?: Count;
  /** The size of a table ("2,000 rows", « 800 lignes »). */
  readonly rows?: Count;
  /** The size of a collection of documents ("500 PDFs", « 3 000 pages »). */
  readonly documents?: Count;
  /** How long one document runs, in pages ("PDFs of 10 to 40 pages": 25), where a collection is told in documents. */
  readonly pagesPerDocument?: number;
  readonly noGpu?: boolean;
  /** The data must not leave the organisation ("can't go to an outside API", « ne doit pas sortir »). */
  readonly mustStayInside?: boolean;
}

/** A count this small among the cases to find makes a 20% test set and learning from examples fragile. */
const FEW_CASES_MAX = 100;
/** Fewer cases than this in all make no share of a rare class ("1 of 5 sites"). */
const MIN_WHOLE = 20;
/** Words that count time, people or machines, never the cases to find. */
const TIME_OR_PEOPLE = /^(weeks?|days?|hours?|minutes?|seconds?|semaines?|jours?|heures?|secondes?|years?|months?|ans?|années?|mois|seasons?|saisons?|people|personnes?|gpus?|l'année|l'an|l'été|l'hiver|last|this|cette|ce)\b/iu;

/** A share above this is no rare class. */
const RARE_SHARE_MAX_PERCENT = 30;

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20,
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12, quinze: 15, vingt: 20,
};

/** A number as learners write it: 18, 2,000, 2 000, 2.5k, 10k, three, « trois ». */
const NUMBER = String.raw`(\d{1,3}(?:[, \u00a0\u202f]\d{3})+|\d+(?:[.,]\d+)?k?|${Object.keys(NUMBER_WORDS).join('|')})`;

function numberOf(writtenAnyCase: string): number | undefined {
  const written = writtenAnyCase.toLowerCase();
  const word = NUMBER_WORDS[written];
  if (word !== undefined) return word;
  const thousands = /^\d{1,3}(?:[, \u00a0\u202f]\d{3})+$/.test(written);
  const plain = thousands ? written.replace(/[, \u00a0\u202f]/g, '') : written.replace(',', '.');
  const value = plain.endsWith('k') ? Number(plain.slice(0, -1)) * 1000 : Number(plain);
  return Number.isFinite(value) ? value : undefined;
}

/** Words that end the learner's noun for what they count: prepositions, verbs, articles. */
const NOUN_STOPS = new Set(
  ('out of in on over per a an the and or but are were was is have has had we i it that which who with for from to at by about this last ' +
    'sur en dans sont étaient était est ont a sur avec pour par de des du la le les et ou mais qui que depuis chaque nous on il elle ce cette ces below above under over sous au-dessus au-dessous ' +
    'turn turns turned stop stops stopped left leave leaves fail fails failed die dies died broke go goes went cancel cancels cancelled canceled churn churns churned quit quits did do does got get gets ' +
    'tombent ratent cassent partent arrêtent meurent').split(' '),
);

/** The learner's noun after a number: at most three words, up to the first word that is no part of it. */
function nounAfter(text: string): string | undefined {
  const words: string[] = [];
  const all = text.trimStart().split(/\s+/);
  for (let index = 0; index < all.length && words.length < 3; index++) {
    const bare = all[index]!.replace(/[.,;:!?)»"]+$/u, '');
    // « casses de lame », "breaks of blades": a noun's complement is part of it.
    const next = all[index + 1]?.replace(/[.,;:!?)»"]+$/u, '') ?? '';
    if ((bare === 'de' || bare === 'of') && words.length > 0 && bare === all[index] && /^\p{L}{3,}$/u.test(next) && !NOUN_STOPS.has(next.toLowerCase())) {
      const complement = nounAfter(all.slice(index + 1, index + 3).join(' '));
      words.push(bare, complement ?? next);
      break;
    }
    if (!bare || NOUN_STOPS.has(bare.toLowerCase()) || /\d/.test(bare)) break;
    words.push(bare);
    if (bare !== all[index]) break;
  }
  return words.length > 0 ? words.join(' ') : undefined;
}

/** The last plural noun after « de » / « des » in a text (« des exemples de casses passées » : casses). */
function nounBefore(text: string): string | undefined {
  const nouns = [...text.matchAll(/(?:\bde|\bdes|\bd')\s*(\p{L}{3,}s)(?!\p{L})/giu)].map((match) => match[1]!).filter((noun) => !NOUN_STOPS.has(noun.toLowerCase()) && !/^exemples?$/iu.test(noun));
  return nouns[nouns.length - 1];
}

/** Typographic apostrophes and spaces made plain: the text numbers are read in (the learner's nouns keep their case: PDFs). */
function readable(question: string): string {
  return question
    .replace(/[\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(APPROXIMATE_COUNT, (_, word: string) => `${APPROXIMATE[word.toLowerCase()]} `);
}

/** « Une quarantaine de casses », "a dozen failures": a count said in words, read as its number. */
const APPROXIMATE: Readonly<Record<string, number>> = { dizaine: 10, douzaine: 12, quinzaine: 15, vingtaine: 20, trentaine: 30, quarantaine: 40, cinquantaine: 50, soixantaine: 60, centaine: 100, dozen: 12 };
const APPROXIMATE_COUNT = new RegExp(String.raw`\b(?:une|a) (${Object.keys(APPROXIMATE).join('|')}) (?:de |d'|of )?`, 'giu');

/** "18 bad firings out of 200", "18 of 200 firings", « 18 cuissons ratées sur 200 », "3 in 400 bags". */
const PART_OF_WHOLE = new RegExp(String.raw`(?<![\w.,])${NUMBER}((?: [\p{L}'-]+){0,3}?) (?:out of|of|in|sur) (?:the |our |my |about |around |roughly |nos |mes |environ )?${NUMBER}(?![\w%])`, 'giu');

/** The words for all the cases after their count: "200 wholesale customers", "200 of our claims", « 200 cuissons ». */
const WHOLE_NOUN = /^ (?:of (?:our |the |all )?|de (?:nos )?|d')?(\p{L}[\p{L}'-]+(?: [\p{L}'-]+)?)/u;

/** "12% of batches", "2 % des transactions", "about 3 percent are fraud". */
const PERCENT = new RegExp(String.raw`(?<![\w.,])(\d+(?:[.,]\d+)?) ?(?:%|percent|pour ?cent)( of (?:the |our |all )?| des | de nos | de (?:la |l')?| d'| are | sont )?([\p{L}' -]*)`, 'giu');

/** A percentage that measures a model or a split, not a share of cases. */
const MEASURE_WORDS = /^(accuracy|precision|recall|f1|exactitude|précision|rappel)\b|\b(data|données|dataset|test|train|training|validation|split|découpage)\b/u;

/** "Only 3 failures", "just five examples", « seulement 3 pannes », « que 3 pannes », "3 recorded failures", "3 failures in two years", "14 breakdowns written in a log". */
const FEW = new RegExp(
  String.raw`(?:\b(?:only|just|barely|seulement|que|qu'|juste|à peine) (?:(?:have|had|got|recorded|logged|noted|wrote down|avons|ai|a eu|avons eu|ai eu) )?(?:(?:maybe|about|around|roughly|some|perhaps|environ|peut-être|à peu près) )?${NUMBER} ([\p{L}' -]+)|(?<![\w.,])${NUMBER} ((?:recorded|known|real|documented|actual|labelled|labeled) [\p{L}' -]+|[\p{L}'-]+(?: [\p{L}'-]+){0,5}?(?= (?:in|over|en|sur) (?:the (?:last|past) )?(?:${NUMBER} |a |one |un |une )?(?:years?|months?|ans?|années?|mois|décennies?|decades?)\b| (?:a|per|par|each|chaque|every) (?:year|month|season|an|année|mois|saison)\b))|(?<![\w.,])${NUMBER} (breakdowns?|failures?|faults?|pannes?|casses?|défaillances?)(?!\p{L}))`,
  'giu',
);

/** What a table's size is counted in. */
const ROW_NOUNS = /^(rows?|records?|lines?|examples?|samples?|entries|observations?|lignes?|exemples?|enregistrements?|échantillons?|observations?|relevés?|mesures?|customers?|clients?|patients?|transactions?|bookings?|réservations?)\b/u;
/** What a collection of documents is counted in. */
const DOCUMENT_NOUNS = /^((?:scanned |old |internal |technical |long |short |scannés? |internes? |techniques? )?(?:pdfs?|documents?|docs|pages?|manuals?|manuels?|reports?|rapports?|articles?|emails?|e-mails?|courriels?|tickets?|contracts?|contrats?|procedures?|procédures?|notices?|fiches?|files?|fichiers?))\b/u;

const NO_GPU = /\b(no|without( a| any)?|don't have( a| any)?|do not have( a| any)?|haven't got( a| any)?|not a single) (gpus?|graphics cards?|video cards?)\b|\bcpu[- ]only\b|\bonly (a |one |our )?(laptop|cpus?)\b|\bsans (gpu|carte graphique)\b|\bpas de (gpu|carte graphique)\b|\bn'a(vons|i)? pas de (gpu|carte graphique)\b|\bque (un|le|des) (cpu|processeur|ordinateur portable|portable)\b/u;

const MUST_STAY_INSIDE = /\b(can(no|')t|must not|mustn't|not allowed to|may not|cannot) (leave|go (out|outside)|be sent|send (it|them|anything|data)|leave our)|\b(on[- ]prem(ise|ises)?|air[- ]gapped|no (data|documents?) (can |may )?(leave|go out)|confidential|gdpr|rgpd|confidenti(el|elle|els|elles))\b|\bne (doit|doivent|peut|peuvent) pas (sortir|quitter|être envoyé|être envoyée|être envoyés|être envoyées|partir)|\bpas le droit d'envoyer\b/u;

/** What the learner told of their case over the conversation: the latest telling of each fact wins. */
export function learnerFacts(questions: readonly string[]): LearnerFacts {
  let facts: LearnerFacts = {};
  for (const question of questions) {
    const told = factsIn(readable(question));
    // The collection is told when the project opens ("our 300 PDFs"); "some rules run to 80 pages" later is one document.
    facts = { ...facts, ...told, ...(facts.documents && { documents: facts.documents }) };
  }
  return facts;
}

function factsIn(text: string): Partial<LearnerFacts> {
  const share = shareIn(text);
  const few = fewIn(text) ?? (share?.part !== undefined && share.part <= FEW_CASES_MAX && share.what ? { count: share.part, what: share.what } : undefined);
  return {
    ...(share && { share }),
    ...(few && { fewCases: few }),
    ...countIn(text, ROW_NOUNS, 'rows'),
    ...countIn(text, DOCUMENT_NOUNS, 'documents'),
    ...pagesEachIn(text),
    ...(NO_GPU.test(text.toLowerCase()) && { noGpu: true }),
    ...(MUST_STAY_INSIDE.test(text.toLowerCase()) && { mustStayInside: true }),
  };
}

/** "PDFs of 10 to 40 pages", « de 10 à 40 pages », "about 30 pages each": one document's length, the middle of a range. */
function pagesEachIn(text: string): Partial<LearnerFacts> {
  const range = PAGES_EACH.exec(text.toLowerCase());
  if (!range) return {};
  const [low, high] = [numberOf(range[1] ?? range[3] ?? range[4]!), range[2] ? numberOf(range[2]) : undefined];
  if (low === undefined) return {};
  return { pagesPerDocument: high !== undefined && high > low ? (low + high) / 2 : low };
}

const PAGES_EACH = /\b(?:of|de|d'|with|avec|from|between|entre|about|around|environ|some) (\d+)(?: (?:to|à|a|-|–|and|et) (\d+))? pages\b|\b(\d+) pages (?:each|apiece|chacun|chacune|par document|per document)\b|\b(\d+)[- ]page (?:[\p{L}-]+ ){0,3}?(?:manual|handbook|document|report|guide|pdf|book|rulebook|policy|contract|standard)/u;

function shareIn(text: string): Share | undefined {
  for (const match of text.matchAll(PART_OF_WHOLE)) {
    const part = numberOf(match[1]!);
    const whole = numberOf(match[3]!);
    // ("2 years out of 12", « 2 ans sur 12 »: a span of time, not cases; "1 of 5 sites": too few to be a rare class.)
    if (part === undefined || whole === undefined || whole <= part || part < 1 || whole < MIN_WHOLE) continue;
    const percent = round1((100 * part) / whole);
    if (percent > RARE_SHARE_MAX_PERCENT) continue;
    // "18 bad firings out of 200"; "1 in 200 of our claims", "18 of 200 firings" name all the cases instead.
    const what = nounAfter(match[2] ?? '');
    if (what && TIME_OR_PEOPLE.test(what)) continue;
    const after = what ? undefined : WHOLE_NOUN.exec(text.slice(match.index + match[0].length))?.[1];
    const of = after && nounAfter(after);
    return { percent, part, whole, ...(what && { what }), ...(of && { of }) };
  }
  for (const match of text.matchAll(PERCENT)) {
    const percent = numberOf(match[1]!);
    const after = (match[3] ?? '').trim();
    if (percent === undefined || percent <= 0 || percent > RARE_SHARE_MAX_PERCENT || MEASURE_WORDS.test(after.toLowerCase())) continue;
    const noun = nounAfter(after);
    // "2% of transactions are fraud": the whole is named, not the rare cases; "3% scrap": the rare cases.
    const ofAll = /^ ?(of|des|de|d')/u.test(match[2] ?? '');
    const asState = /^ ?(are|sont)/u.test(match[2] ?? '');
    return { percent, ...(noun && (ofAll ? { of: noun } : asState ? { state: noun } : { what: noun })) };
  }
  return undefined;
}

function fewIn(text: string): Count | undefined {
  for (const match of text.matchAll(FEW)) {
    // (Group 5 is the span of time's own number inside group 4.)
    const count = numberOf(match[1] ?? match[3] ?? match[6]!);
    // « Des exemples de casses passées ? On n'en a eu que six » : « en » stands for the noun said before.
    const told = /\bn'en\b[^.?!]*$/iu.test(text.slice(0, match.index)) ? nounBefore(text.slice(0, match.index)) : nounAfter(match[2] ?? match[4] ?? match[7] ?? '');
    // ("40 times in two years", « 40 fois en deux ans »: occurrences of what the learner is talking about.)
    const what = told && /^(times|fois)$/iu.test(told) ? 'occurrences' : told;
    if (count === undefined || !what || count < 1 || count > FEW_CASES_MAX || ROW_NOUNS.test(what.toLowerCase()) || DOCUMENT_NOUNS.test(what.toLowerCase()) || TIME_OR_PEOPLE.test(what)) continue;
    return { count, what };
  }
  return undefined;
}

function countIn(text: string, nouns: RegExp, key: 'rows' | 'documents'): Partial<LearnerFacts> {
  // ("PDFs of 10 to 40 pages", "30 pages each": one document's length, not the collection.)
  const lengths = [...text.toLowerCase().matchAll(new RegExp(PAGES_EACH.source, 'gu'))].map((length) => [length.index!, length.index! + length[0].length] as const);
  for (const match of text.matchAll(new RegExp(String.raw`(?<![\w.,])${NUMBER} ([\p{L}' -]+)`, 'giu'))) {
    if (lengths.some(([start, end]) => match.index! >= start && match.index! < end)) continue;
    const count = numberOf(match[1]!);
    const noun = nouns.exec(match[2]!.trim().toLowerCase()) && nounAfter(match[2]!);
    if (count !== undefined && count >= 20 && noun) return { [key]: { count, what: noun } };
  }
  return {};
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A number as a sentence says it: 2000 → "2,000" / « 2 000 », 8.5 → "8.5" / « 8,5 ». */
function said(value: number, lang: Lang): string {
  return lang === 'en' ? value.toLocaleString('en-US', { maximumFractionDigits: 1 }) : value.toLocaleString('fr-FR', { maximumFractionDigits: 1 }).replace(/\u202f/g, '\u00a0');
}

/** The concepts each fact bears on, by kind of sentence. */
const ABOUT_THE_SHARE: readonly string[] = ['class-imbalance', 'accuracy', 'precision-and-recall', 'evaluation-metric', 'f1-score', 'confusion-matrix', 'precision-recall-curve'];
const ABOUT_THE_TEST_SET: readonly string[] = ['train-validation-test-split', 'cross-validation', 'time-based-split', 'golden-test-set'];
const ABOUT_LEARNING_FROM_EXAMPLES: readonly string[] = ['machine-learning-workflow', 'binary-classification', 'class-imbalance', 'supervised-learning', 'neural-network', 'deep-learning', 'random-forest', 'gradient-boosting', 'xgboost', 'data-augmentation', 'small-dataset', 'training-set-size', 'predictive-maintenance', 'classification'];
const ANOMALY_DETECTION = 'anomaly-detection';
const ABOUT_HOW_MUCH_DATA: readonly string[] = ['training-set-size', 'small-dataset', 'neural-network', 'deep-learning'];
const ABOUT_TABLE_SIZE: readonly string[] = ['neural-network', 'deep-learning'];
const ABOUT_A_COLLECTION: readonly string[] = ['retrieval-augmented-generation', 'vector-database', 'semantic-search', 'embedding-model'];
const ABOUT_THE_PROMPT: readonly string[] = ['context-window', 'long-context'];
const FINE_TUNING_IDS: readonly string[] = ['fine-tuning', 'lora', 'qlora', 'parameter-efficient-fine-tuning'];
const RUNNING_A_MODEL: readonly string[] = ['self-hosted-model', 'quantization', 'post-training-quantization'];
const WHERE_THE_MODEL_RUNS: readonly string[] = ['self-hosted-model', 'large-language-model', 'retrieval-augmented-generation', 'fine-tuning'];

/** Fewer cases than this in all leaves a model from examples too little to learn them. */
const TOO_FEW_TO_LEARN = 25;
/** A table this small is a forest's or boosting's ground. */
const SMALL_TABLE_MAX_ROWS = 100_000;
/** A collection this small fits in an index in memory. */
const SMALL_COLLECTION_MAX = 50_000;
/** Tokens in a page of prose, roughly. */
const TOKENS_PER_PAGE = 500;

/**
 * The sentence that says what a concept of the answer means for the learner's own numbers and constraints, the first
 * that applies and that the conversation has not shown; none when nothing they told bears on these concepts.
 */
export function factSentence(conceptIds: readonly string[], facts: LearnerFacts, lang: Lang, shown: (text: string) => boolean): { conceptId: string; text: string } | undefined {
  for (const conceptId of conceptIds) {
    for (const text of sentencesFor(conceptId, facts, lang)) if (!shown(text)) return { conceptId, text };
  }
  return undefined;
}

function sentencesFor(id: string, facts: LearnerFacts, lang: Lang): string[] {
  const sentences: string[] = [];
  if (facts.noGpu && FINE_TUNING_IDS.includes(id)) sentences.push(NO_GPU_FINE_TUNING[lang]);
  if (facts.noGpu && RUNNING_A_MODEL.includes(id)) sentences.push(NO_GPU_RUNNING[lang]);
  if (facts.fewCases && facts.fewCases.count <= TOO_FEW_TO_LEARN && id === ANOMALY_DETECTION) sentences.push(counted(FEW_CASES_FIT_ANOMALIES, facts.fewCases, lang));
  if (facts.share && ABOUT_THE_SHARE.includes(id)) sentences.push(alwaysNo(facts.share, lang));
  if (facts.fewCases && ABOUT_THE_TEST_SET.includes(id)) sentences.push(fewInTheTestSet(facts.fewCases, lang));
  if (facts.fewCases && facts.fewCases.count <= TOO_FEW_TO_LEARN && ABOUT_LEARNING_FROM_EXAMPLES.includes(id)) sentences.push(counted(TOO_FEW_TO_LEARN_SAID, facts.fewCases, lang));
  if (facts.fewCases && facts.fewCases.count > TOO_FEW_TO_LEARN && ABOUT_HOW_MUCH_DATA.includes(id)) sentences.push(counted(FEW_BUT_USABLE, facts.fewCases, lang));
  if (facts.rows && facts.rows.count <= SMALL_TABLE_MAX_ROWS && ABOUT_TABLE_SIZE.includes(id)) sentences.push(counted(SMALL_TABLE, facts.rows, lang));
  if (facts.noGpu && ABOUT_TABLE_SIZE.includes(id)) sentences.push(NO_GPU_NEURAL_NETWORK[lang]);
  if (facts.documents && facts.documents.count <= SMALL_COLLECTION_MAX && ABOUT_A_COLLECTION.includes(id)) sentences.push(counted(SMALL_COLLECTION, facts.documents, lang));
  if (facts.documents && /^pages?\b/iu.test(facts.documents.what) && ABOUT_THE_PROMPT.includes(id)) sentences.push(pagesInAPrompt(facts.documents, lang));
  // ("400 procedures", then "PDFs of 10 to 40 pages": about 10,000 pages.)
  else if (facts.documents && facts.pagesPerDocument && ABOUT_THE_PROMPT.includes(id)) sentences.push(pagesInAPrompt({ count: roughly(facts.documents.count * facts.pagesPerDocument), what: 'pages' }, lang, true));
  // ("Our 400-page manual", « notre manuel de 400 pages »: one document, its pages told.)
  else if (!facts.documents && facts.pagesPerDocument && facts.pagesPerDocument >= 20 && ABOUT_THE_PROMPT.includes(id)) sentences.push(pagesInAPrompt({ count: facts.pagesPerDocument, what: 'pages' }, lang));
  if (facts.documents && FINE_TUNING_IDS.includes(id)) sentences.push(counted(DOCUMENTS_ARE_KNOWLEDGE, facts.documents, lang));
  if (facts.mustStayInside && WHERE_THE_MODEL_RUNS.includes(id)) sentences.push(MUST_STAY_INSIDE_SAID[lang]);
  return sentences;
}

const MUST_STAY_INSIDE_SAID: Record<Lang, string> = {
  en: 'Since the data must not leave your organisation, the model has to run on machines you control: an open-weight model hosted in-house, not a hosted API (unless a contract and the hosting region allow it).',
  fr: "Comme les données ne doivent pas sortir de l'organisation, le modèle doit tourner sur des machines qu'elle contrôle : un modèle à poids ouverts hébergé en interne, pas une API hébergée (sauf si un contrat et la région d'hébergement le permettent).",
};

const NO_GPU_FINE_TUNING: Record<Lang, string> = {
  en: 'Without a GPU, fine-tuning even a small language model is very slow on a CPU: LoRA on a GPU rented for a few hours, or a provider\'s fine-tuning service, are the practical ways, and retrieval needs no training at all.',
  fr: "Sans GPU, affiner même un petit modèle de langage est très lent sur un processeur : LoRA sur un GPU loué quelques heures, ou le service d'affinage d'un fournisseur, sont les voies praticables, et la recherche de passages (RAG) ne demande aucun entraînement.",
};

const NO_GPU_NEURAL_NETWORK: Record<Lang, string> = {
  en: 'Without a GPU, a small neural network on a table of records still trains on a laptop in minutes, but a random forest or gradient boosting trains in seconds and usually does as well there; images, sound or long texts are where a GPU starts to matter.',
  fr: "Sans GPU, un petit réseau de neurones sur un tableau de données s'entraîne encore en quelques minutes sur un portable, mais une forêt aléatoire ou du gradient boosting s'entraîne en quelques secondes et fait en général aussi bien ; c'est pour des images, du son ou de longs textes qu'un GPU devient nécessaire.",
};

const NO_GPU_RUNNING: Record<Lang, string> = {
  en: 'Without a GPU, a model of a few billion parameters quantised to 4 bits still runs on a CPU with 8 to 16 GB of memory, at a few words per second: enough for a trial or a few users, slow for many.',
  fr: "Sans GPU, un modèle de quelques milliards de paramètres quantifié sur 4 bits tourne encore sur un processeur avec 8 à 16 Go de mémoire, à quelques mots par seconde : assez pour un essai ou quelques utilisateurs, lent pour beaucoup.",
};

function alwaysNo(share: Share, lang: Lang): string {
  const rest = said(round1(100 - share.percent), lang);
  const percent = said(share.percent, lang);
  if (lang === 'en') {
    const what = share.what ?? 'rare cases';
    const told =
      share.part !== undefined
        ? share.what || !share.of
          ? `With ${said(share.part, 'en')} ${what} out of ${said(share.whole!, 'en')} (${percent}%)`
          : `With ${said(share.part, 'en')} in ${said(share.whole!, 'en')} ${share.of} (${percent}%) being the cases to find`
        : share.of
          ? `When only ${percent}% of the ${share.of} are the cases to find`
          : `With ${percent}% ${share.state ?? what}`;
    return `${told}, a model that always answers "no" would be right ${rest}% of the time and never catch one: accuracy says almost nothing here, recall on ${share.what ? `the ${what}` : 'those cases'} says what matters.`;
  }
  const what = share.what ?? 'cas rares';
  const told =
    share.part !== undefined
      ? share.what || !share.of
        ? `Avec ${said(share.part, 'fr')} ${what} sur ${said(share.whole!, 'fr')} (${percent} %)`
        : `Avec ${said(share.part, 'fr')} ${share.of} sur ${said(share.whole!, 'fr')} (${percent} %) à trouver`
      : share.of
        ? `Quand seulement ${percent} % des ${share.of} sont les cas à trouver`
        : share.state
          ? `Avec ${percent} % ${share.state}`
          : `Avec ${percent} % de ${what}`;
  return `${told}, un modèle qui répondrait toujours « non » aurait raison dans ${rest} % des cas sans rien repérer de ce qu'on cherche : l'exactitude n'en dit presque rien, le rappel sur ${share.what ? `les ${what}` : 'ces cas'} dit ce qui compte.`;
}

function fewInTheTestSet(few: Count, lang: Lang): string {
  const inTest = Math.round(few.count * 0.2);
  const n = said(few.count, lang);
  if (lang === 'en') {
    const held = inTest <= 1 ? 'one of them at most: no figure can be measured on that' : `about ${inTest} of them: each one missed moves recall by ${Math.round(100 / inTest)} points, so the figure is shaky`;
    return `With ${n} ${few.what} in all, a 20% test set would hold ${held}; testing on several splits in turn (cross-validation, or several cut-off dates when the data runs over time) lets all ${n} count.`;
  }
  const held = inTest <= 1 ? "1 au plus : aucun chiffre ne se mesure là-dessus" : `environ ${inTest} : chaque cas manqué fait bouger le rappel de ${Math.round(100 / inTest)} points, le chiffre est donc fragile`;
  return `Avec ${n} ${few.what} en tout, un jeu de test de 20 % en contiendrait ${held} ; tester sur plusieurs découpages tour à tour (validation croisée, ou plusieurs dates de coupure quand les données suivent le temps) permet de compter les ${n}.`;
}

/** Two significant digits: an estimate is not said to the page. */
function roughly(value: number): number {
  const scale = 10 ** Math.max(0, Math.floor(Math.log10(value)) - 1);
  return Math.round(value / scale) * scale;
}

function pagesInAPrompt(pages: Count, lang: Lang, estimated = false): string {
  const tokens = said(pages.count * TOKENS_PER_PAGE, lang);
  const n = estimated ? (lang === 'en' ? `Some ${said(pages.count, lang)} pages in all` : `Quelque ${said(pages.count, lang)} pages en tout`) : `${said(pages.count, lang)} pages`;
  const counted = lang === 'en' ? `${n} come to roughly ${tokens} tokens (about ${TOKENS_PER_PAGE} a page): ` : `${n} font environ ${tokens} tokens (à peu près ${TOKENS_PER_PAGE} par page) : `;
  // (Past the largest windows, no prompt holds them at all; below, one could, at a cost.)
  const beyondAnyWindow = pages.count * TOKENS_PER_PAGE > LARGEST_WINDOW_TOKENS;
  if (lang === 'en') {
    return counted + (beyondAnyWindow
      ? "more than any model's context window holds, so retrieval picks the few passages each question needs."
      : 'more than a prompt should hold at once even where the window allows it, since cost and delay grow with every token, so retrieval picks the few passages each question needs.');
  }
  return counted + (beyondAnyWindow
    ? "plus qu'aucune fenêtre de contexte ne peut en contenir ; la recherche de passages choisit donc ceux dont chaque question a besoin."
    : "plus qu'un prompt ne devrait en contenir d'un coup, même quand la fenêtre le permet, car le coût et le délai croissent à chaque token ; la recherche de passages choisit donc ceux dont chaque question a besoin.");
}

/** The largest context windows offered (about two million tokens). */
const LARGEST_WINDOW_TOKENS = 2_000_000;

/** A sentence about a count the learner told, in each language: the count as said, then their noun for it. */
type CountTemplate = Record<Lang, (n: string, what: string) => string>;

function counted(template: CountTemplate, told: Count, lang: Lang): string {
  return template[lang](said(told.count, lang), told.what);
}

const TOO_FEW_TO_LEARN_SAID: CountTemplate = {
  en: (n, what) => `${n} ${what} is very few for a model to learn from examples what they look like: learning what normal looks like from everything else, and flagging what departs from it (anomaly detection), is the usual way round that, with the ${n} ${what} kept to check it.`,
  fr: (n, what) => `${n} ${what}, c'est très peu pour qu'un modèle apprenne à les reconnaître à partir d'exemples : apprendre ce qui est normal sur tout le reste, puis signaler ce qui s'en écarte (détection d'anomalies), est la façon habituelle de s'en sortir, en gardant les ${n} ${what} pour le vérifier.`,
};

const FEW_BUT_USABLE: CountTemplate = {
  en: (n, what) => `${n} ${what} is enough to try a simple model (logistic regression, a small random forest) if you judge it with cross-validation and against a plain rule, but not to train a neural network, which would learn them by heart; every extra recorded case helps more than any tuning.`,
  fr: (n, what) => `${n} ${what}, c'est assez pour essayer un modèle simple (régression logistique, petite forêt aléatoire) si on le juge par validation croisée et face à une règle simple, mais pas pour entraîner un réseau de neurones, qui les apprendrait par cœur ; chaque cas de plus enregistré aide plus que n'importe quel réglage.`,
};

const FEW_CASES_FIT_ANOMALIES: CountTemplate = {
  en: (n, what) => `With only ${n} ${what}, this is why anomaly detection fits: it learns what normal looks like from everything else you recorded, and the ${n} ${what} are kept to check that it would have flagged them.`,
  fr: (n, what) => `Avec seulement ${n} ${what}, c'est pour cela que la détection d'anomalies convient : elle apprend ce qui est normal sur tout le reste des données, et les ${n} ${what} servent de test : elle doit les signaler.`,
};

const SMALL_TABLE: CountTemplate = {
  en: (n, what) => `With ${n} ${what}, a random forest or gradient boosting usually does as well as a neural network on a table, or better, and trains in seconds on a laptop.`,
  fr: (n, what) => `Avec ${n} ${what}, une forêt aléatoire ou du gradient boosting fait en général aussi bien qu'un réseau de neurones sur un tableau, voire mieux, et s'entraîne en quelques secondes sur un ordinateur portable.`,
};

const SMALL_COLLECTION: CountTemplate = {
  en: (n, what) => `${n} ${what} is a small collection for retrieval: cut into passages, it fits in an index in memory on one machine and a search takes milliseconds, so a dedicated vector database is optional.`,
  fr: (n, what) => `${n} ${what}, c'est une petite collection pour la recherche de passages : découpée, elle tient dans un index en mémoire sur une seule machine et une recherche prend quelques millisecondes ; une base vectorielle dédiée est donc facultative.`,
};

const DOCUMENTS_ARE_KNOWLEDGE: CountTemplate = {
  en: (n, what) => `${n} ${what} are knowledge to look things up in, not examples of the answers you want: fine-tuning teaches a style or a task from such examples, while retrieval makes the ${what} themselves available and stays current when they change.`,
  fr: (n, what) => `${n} ${what}, c'est un savoir où chercher, pas des exemples des réponses voulues : l'affinage apprend un style ou une tâche à partir de tels exemples, alors que la recherche de passages rend les ${what} eux-mêmes disponibles et reste à jour quand ils changent.`,
};
