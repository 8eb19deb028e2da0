/** The two languages every concept is written in. */
export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];

/** A concept id: lowercase letters and digits in hyphen-separated words (glossary/concept.schema.json says the same). */
export const CONCEPT_ID_WORDS = '[a-z0-9]+(?:-[a-z0-9]+)*';
const CONCEPT_ID = new RegExp(`^${CONCEPT_ID_WORDS}$`);

export function isConceptId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 100 && CONCEPT_ID.test(value);
}

export function otherLang(lang: Lang): Lang {
  return lang === 'fr' ? 'en' : 'fr';
}

export type Category =
  | 'foundations'
  | 'neural-networks'
  | 'architectures'
  | 'language-models'
  | 'training'
  | 'alignment-safety'
  | 'evaluation'
  | 'data-deployment'
  | 'multimodal'
  | 'ecosystem';

export type Level = 'beginner' | 'advanced';

/** The parts of an explanation that a question can ask for (plain text, a few sentences each). */
export type SectionName = 'how' | 'why' | 'causes' | 'remedies' | 'limits' | 'history' | 'intuition';
export const SECTION_NAMES: readonly SectionName[] = ['how', 'why', 'causes', 'remedies', 'limits', 'history', 'intuition'];
export type Sections = Readonly<Partial<Record<SectionName, string>>>;

/** What a concept says in one language. */
export interface LocalizedConcept {
  readonly term: string;
  readonly aliases: readonly string[];
  /** One or two sentences, plain text. */
  readonly definition: string;
  /** The overview: Markdown, shown first in the panel (several paragraphs in users' entries of old). */
  readonly explanation: string;
  /** Every bundled entry has all five; a user's entry may have some or none. */
  readonly sections?: Sections;
  /** A phenomenon's signs as a developer describes them ("training loss low but test accuracy bad"). */
  readonly signs?: readonly string[];
  /** What a learner does about it in a project, as one step of a plan (bundled entries that have something to do). */
  readonly step?: string;
  /** What it means in one kind of learners' data, by field (`LEARNER_FIELDS`). */
  readonly byField?: Readonly<Partial<Record<LearnerField, string>>>;
  readonly example: string;
}

/**
 * The kinds of data learners bring (glossary/concept.schema.json, `byField`): the chat recognises them in the
 * learner's words (pipeline/fields.ts) and answers with what a concept means there.
 */
export const LEARNER_FIELDS = ['appointments', 'machines', 'readings', 'quality', 'sales', 'health', 'finance', 'text', 'images', 'users', 'energy', 'nature', 'people', 'transport', 'sports', 'audio', 'signals'] as const;
export type LearnerField = (typeof LEARNER_FIELDS)[number];

/** What tells two concepts apart, seen from one of them (`with` is the other). */
export interface ContrastText {
  readonly with: string;
  readonly fr: string;
  readonly en: string;
}

/** One file of `glossary/contrasts/`: two concepts learners confuse. */
export interface ContrastEntry {
  readonly concepts: readonly [string, string];
  readonly fr: string;
  readonly en: string;
}

export interface Reference {
  readonly title: string;
  readonly authors: readonly string[];
  readonly year: number;
  readonly url?: string;
}

/** One glossary entry, as stored in `glossary/concepts/<id>.json`. */
export interface Concept {
  readonly id: string;
  readonly category: Category;
  readonly level: Level;
  readonly fr: LocalizedConcept;
  readonly en: LocalizedConcept;
  readonly related: readonly string[];
  readonly prerequisites?: readonly string[];
  readonly references?: readonly Reference[];
  /** Curated contrasts with concepts it is confused with (bundled concepts only). */
  readonly contrasts?: readonly ContrastText[];
}

/**
 * The long parts of a bundled concept (explanations, examples, references), kept apart from the index that
 * hovers and search need: the extension loads them only when the panel or the command line shows a concept.
 */
export interface ConceptDetails {
  readonly fr: Pick<LocalizedConcept, 'explanation' | 'example' | 'sections' | 'signs' | 'step' | 'byField'>;
  readonly en: Pick<LocalizedConcept, 'explanation' | 'example' | 'sections' | 'signs' | 'step' | 'byField'>;
  readonly references?: readonly Reference[];
  readonly contrasts?: readonly ContrastText[];
}

/** Details of the bundled concepts, by id. */
export type DetailsSource = () => ReadonlyMap<string, ConceptDetails>;

/** A problem found in a glossary file, named by file and field so that it can be fixed. */
export interface GlossaryProblem {
  readonly file: string;
  /** Dotted path of the field, such as `fr.definition`; empty for the whole file. */
  readonly field: string;
  readonly message: string;
}

export function formatProblem(problem: GlossaryProblem): string {
  const where = problem.field ? `${problem.file}: ${problem.field}` : problem.file;
  return `${where}: ${problem.message}`;
}
