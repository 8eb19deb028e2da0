import { normalizeTerm } from '../matching/normalize';
import { TermMatcher, type MatchContext, type TermForm, type TermMatch } from '../matching/matcher';
import { codeTermForms } from '../matching/rules';
import { FormIndex } from './formIndex';
import { closestForms, similarity } from './fuzzy';

export { similarity } from './fuzzy';
import { isCommonWords } from './commonWords';
import { LANGS, type Concept, type DetailsSource, type Lang } from './types';

/** A concept found in a text, with the language of the form that named it (when only one language has it). */
export interface ConceptHit {
  readonly concept: Concept;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** `undefined` when the form exists in both languages (`GPT`, `LoRA`). */
  readonly lang: Lang | undefined;
  /** Other concepts the same words can name, which the context ruled out or put after (`bias` in code: not `bias`). */
  readonly others?: readonly string[];
}

/** Where a concept that is not (only) bundled comes from: a user's glossary file, adding or replacing one. */
export interface ConceptOrigin {
  readonly kind: 'user' | 'override';
  readonly file: string;
}

/** The concepts of one glossary, indexed for lookup by id, by term and by position in a text. */
export class Glossary {
  private readonly byId: ReadonlyMap<string, Concept>;
  readonly matcher: TermMatcher<Lang>;

  /**
   * When two concepts claim the same form, the one listed first is found; user glossaries are merged after
   * the bundled concepts, which therefore keep their terms.
   */
  private readonly origins: ReadonlyMap<string, ConceptOrigin>;
  private readonly details: DetailsSource | undefined;
  private cachedForms: FormIndex | undefined;

  constructor(
    readonly concepts: readonly Concept[],
    options: { origins?: ReadonlyMap<string, ConceptOrigin>; details?: DetailsSource } = {},
    matcher?: TermMatcher<Lang>,
  ) {
    this.origins = options.origins ?? new Map();
    this.details = options.details;
    this.byId = new Map(concepts.map((concept) => [concept.id, concept]));
    this.matcher = matcher ?? new TermMatcher<Lang>([...concepts.flatMap(formsOf), ...codeTermForms((id) => this.byId.has(id), LANGS)]);
  }

  /** The same glossary, its term index built in slices between which `pause` lets other work run. */
  static async sliced(
    concepts: readonly Concept[],
    options: { origins?: ReadonlyMap<string, ConceptOrigin>; details?: DetailsSource },
    pause: () => Promise<void>,
  ): Promise<Glossary> {
    const ids = new Set(concepts.map((concept) => concept.id));
    const forms = (function* () {
      for (const concept of concepts) yield* formsOf(concept);
      yield* codeTermForms((id) => ids.has(id), LANGS);
    })();
    const expectedCharacters = concepts.reduce((sum, concept) => sum + LANGS.reduce((inLang, lang) => inLang + concept[lang].term.length + concept[lang].aliases.join('').length, 0), 0);
    await pause();
    return new Glossary(concepts, options, await TermMatcher.sliced(forms, pause, { expectedCharacters }));
  }

  get size(): number {
    return this.concepts.length;
  }

  /** Every form's search key (the matcher's) and trigrams, gathered the first time a search asks (see FormIndex). */
  get forms(): FormIndex {
    this.cachedForms ??= FormIndex.of(this.concepts, this.matcher.formsByKey());
    return this.cachedForms;
  }

  /** Builds the search index now, a slice at a time, so that the first search of a big glossary does not wait for it. */
  async prepareSearch(pause: () => Promise<void>): Promise<void> {
    const index = await FormIndex.sliced(this.concepts, this.matcher.formsByKey(), pause);
    this.cachedForms ??= index;
  }

  get(id: string): Concept | undefined {
    return this.byId.get(id);
  }

  /**
   * The concept with its explanations, examples and references: a bundled concept's are read from the
   * details file the first time one is shown; a user's concept carries its own.
   */
  withDetails(concept: Concept): Concept {
    const details = this.origins.has(concept.id) ? undefined : this.details?.().get(concept.id);
    if (!details) return concept;
    return {
      ...concept,
      fr: { ...concept.fr, ...details.fr },
      en: { ...concept.en, ...details.en },
      ...(details.references && { references: details.references }),
      ...(details.contrasts && { contrasts: details.contrasts }),
    };
  }

  /** `undefined` for a bundled concept that no user glossary replaces. */
  origin(id: string): ConceptOrigin | undefined {
    return this.origins.get(id);
  }

  /**
   * The concept named at `offset` in a line of text, if any. A hover reads it through a DocumentReading
   * (core/matching/reading.ts), which gives the context (code or prose, a machine-learning document) and the
   * bounds of the comment or code span around the offset.
   */
  conceptAt(text: string, offset: number, context?: MatchContext, low?: number, high?: number): ConceptHit | undefined {
    const match = this.matcher.matchAt(text, offset, context, low, high);
    return match && this.toHit(match);
  }

  /**
   * The concept a selection or a command-line argument names: the whole text as a term first, otherwise
   * the longest term inside it.
   */
  find(text: string): ConceptHit | undefined {
    const exact = this.matcher.lookupExact(text);
    if (exact.length > 0) {
      return this.toHit({ start: 0, end: text.length, text, forms: exact });
    }
    const matches = this.matcher.findAll(text);
    const longest = matches.reduce<TermMatch<Lang> | undefined>(
      (best, match) => (!best || match.end - match.start > best.end - best.start ? match : best),
      undefined,
    );
    return longest && this.toHit(longest);
  }

  /** Concepts whose terms look most like the text, for "did you mean" lists. */
  /**
   * The language `text` is most likely written in, from the concept forms closest to it (« surapprentisage »
   * is nearest a French term); `undefined` when the closest forms are as near in both languages.
   */
  languageOf(text: string, candidates: readonly Concept[]): Lang | undefined {
    const query = normalizeTerm(text);
    const best: Record<Lang, number> = { fr: 0, en: 0 };
    for (const form of candidates.flatMap(formsOf)) best[form.lang] = Math.max(best[form.lang], similarity(query, normalizeTerm(form.text)));
    return best.fr === best.en ? undefined : best.fr > best.en ? 'fr' : 'en';
  }

  /**
   * Concepts whose terms look most like the text, for "did you mean" lists: those with a form the text is a typo
   * of first, then the best `similarity` of their forms, at least MIN_SUGGESTION_SCORE (« zorglub » is close to
   * nothing, not to "benchmark"). Only forms that share a trigram with the text can reach it (an equal or
   * contained key shares all of its own), so only those are compared.
   */
  suggest(text: string, limit = 5): Concept[] {
    const query = normalizeTerm(text.slice(0, MAX_QUERY_CHARS));
    if (!query) {
      return [];
    }
    // The chat's retrieval takes a typo by the same measure (closestForms): both name the same concept first.
    return closestForms(this.forms, query)
      .filter((form) => form.typo || form.score >= MIN_SUGGESTION_SCORE)
      .slice(0, limit)
      .map((form) => this.concepts[form.owner]!);
  }

  private toHit(match: TermMatch<Lang>): ConceptHit {
    const first = match.forms[0]!;
    const langs = new Set(match.forms.filter((form) => form.conceptId === first.conceptId).map((form) => form.lang));
    let anyLang = false;
    let several = false;
    for (const form of match.forms) {
      if (form.conceptId !== first.conceptId) several = true;
      else if (form.anyLang) anyLang = true;
    }
    const lang = langs.size === 1 && !anyLang ? first.lang : undefined;
    const concept = this.byId.get(first.conceptId)!;
    const others = match.passedOver || several ? this.othersOf(match, first.conceptId) : undefined;
    return others && others.length > 0
      ? { concept, start: match.start, end: match.end, text: match.text, lang, others }
      : { concept, start: match.start, end: match.end, text: match.text, lang };
  }

  /** The other concepts the words of a match can name. */
  private othersOf(match: TermMatch<Lang>, chosen: string): string[] {
    return [...new Set([...match.forms, ...(match.passedOver ?? [])].map((form) => form.conceptId))].filter((id) => id !== chosen && this.byId.has(id));
  }
}

/** Every term and alias of a concept, in both languages. */
/**
 * Every term and alias of a concept, in both languages, that can name it on its own: a form made only of common
 * words (`a`, « de », "data", see commonWords.ts) is left out, so it is never matched, retrieved or searched alone.
 */
export function formsOf(concept: Concept): TermForm<Lang>[] {
  return LANGS.flatMap((lang) => [
    { conceptId: concept.id, lang, text: concept[lang].term, preferred: true },
    ...concept[lang].aliases.map((text) => ({ conceptId: concept.id, lang, text, preferred: false })),
  ]).filter((form) => !isCommonWords(form.text));
}

/**
 * The similarity from which a concept is offered as close to a text nothing matches. Typos score 0.6 to 0.9
 * (« tranformeur » 0.78, "attension" 0.67, "lstn" 0.5); below, the likeness is chance: "kubernetes" and
 * Kubeflow 0.38, « bonjour » and « taille de la mise à jour » 0.24.
 */
export const MIN_SUGGESTION_SCORE = 0.5;

/** A search or a "did you mean" reads this much of its text: a term is a few words. */
export const MAX_QUERY_CHARS = 200;


