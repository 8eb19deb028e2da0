/** The two languages every concept is written in. */
export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];

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

/** What a concept says in one language. */
export interface LocalizedConcept {
  readonly term: string;
  readonly aliases: readonly string[];
  /** One or two sentences, plain text. */
  readonly definition: string;
  /** Several paragraphs of Markdown. */
  readonly explanation: string;
  readonly example: string;
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
}

/**
 * The long parts of a bundled concept (explanations, examples, references), kept apart from the index that
 * hovers and search need: the extension loads them only when the panel or the command line shows a concept.
 */
export interface ConceptDetails {
  readonly fr: Pick<LocalizedConcept, 'explanation' | 'example'>;
  readonly en: Pick<LocalizedConcept, 'explanation' | 'example'>;
  readonly references?: readonly Reference[];
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
