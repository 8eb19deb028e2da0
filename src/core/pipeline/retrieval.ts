import { formsOf, type Glossary } from '../glossary/glossary';
import type { Concept, Lang } from '../glossary/types';
import type { MatchContext, TermMatch } from '../matching/matcher';
import { normalizeTerm, splitPieces, type Piece } from '../matching/normalize';
import { genericRulesFor } from '../matching/rules';
import { closestForms } from '../glossary/fuzzy';
import { forEachInSlices } from '../slices';
import { STOP_WORD_KEYS } from './language';
import { SignIndex, type SignMatch } from './signs';
import { bm25Weight, WholeEntryIndex, type CloseEntry } from './wholeEntries';

/** A concept retrieved for a question, with how it was found. */
export interface Retrieved {
  readonly concept: Concept;
  readonly score: number;
  readonly via: 'term' | 'fuzzy' | 'stem' | 'text';
  /** Where the question names it (terms only). */
  readonly start?: number;
  /** Where the name ends (terms only). */
  readonly end?: number;
}

/**
 * A question to the chat is about machine learning and reads like a comment in code: the field's short names
 * count there as they do in a Python file's comments (`lr`, `bs`, `attn`), with the hovers' own rules.
 */
/** A question longer than this tells a story: an everyday word in it is the story's, not a concept asked about. */
const EVERYDAY_STEM_MAX_WORDS = 10;

const QUESTION_CONTEXT: MatchContext = { code: false, codeFile: true, ml: true };

/** "What is a feature", « qu'est-ce qu'une caractéristique », « c'est quoi le score »: the form asked about, up to four words. */
const DEFINITION_QUESTION = /^\s*(?:(?:and|so|et|alors|ok|okay)[\s,]+)?(?:what(?:'s|\s+is|\s+are|\s+does)\s+|define\s+|c'est quoi\s+|qu'est-ce qu(?:e\s+|')|que (?:veut dire|signifie)\s+)(?:(?:a|an|the|un|une|le|la|les|des)\s+|l')?(?<form>[\p{L}\p{N}'-]+(?:\s+[\p{L}\p{N}'-]+){0,3}?)\s*(?=[?,.!]|\s+exactly|\s+exactement|\s+au juste|\s+(?:actually\s+)?do\b|\s*$)/iu;

/** "so it memorizes", "so that they learn", « pour qu'il mémorise », « afin qu'il retienne »: the clause of a purpose, ending where the verb starts. */
const PURPOSE_BEFORE = /\b(?:so(?: that)? (?:it|they|the model|he|she)|in order (?:for it )?to|pour qu'(?:il|elle|ils|elles)|pour que (?:le modèle|le modele)|afin qu'(?:il|elle|ils|elles)) (?:\S+ )?$/iu;

/** Whether the word at `start` is the verb of a purpose clause. */
function saysWhatFor(question: string, start: number): boolean {
  return PURPOSE_BEFORE.test(question.slice(Math.max(0, start - 40), start));
}

/** The prompt format has room for this many glossary entries. */
export const MAX_RETRIEVED = 3;
const TEXT_THRESHOLD = 4.5;
/**
 * A word found in more than this share of the concepts (`make`, `jeu` of « jeu de données ») says little about
 * which one a question is about; a question retrieved by its words needs two rarer ones.
 */
const DISTINCTIVE_SHARE = 0.05;
/** The longest term has eight words (« apprentissage par renforcement à partir de retours humains »). */
const MAX_TERM_WORDS = 8;

/** A French question's inverted subject pronoun: « -ils », « -t-elle », « -on ». */
const INVERTED_SUBJECT = /-(?:t-)?(?:ils?|elles?|on)(?![\p{L}-])/giu;

/** Words of this length or more find a term that starts like them (« hallucinent », « quantifie »). */
const STEM_LENGTH = 7;
/** The words before a term that make it a qualifier, not the subject: « en IA », "in deep learning". */
const QUALIFIER_BEFORE = /(?:^|[\s(])(?:en|dans|in|within|for|pour|chez|inside|au sein)(?:\s+(?:le|la|les|l'|un|une|des|the|a|an))?\s*$/iu;
/** A field someone has studied or never done is not what they ask about: "never studied AI", « jamais fait d'IA ». */
const BACKGROUND_BEFORE = /(?:^|\s)(?:studied|learned|learnt|done|know(?:s)? (?:nothing )?about|background in|fait|étudié|etudie|connaît rien (?:à|en))(?:\s+(?:de\s+l['’]|d['’]|de|du|la|l['’]|the))?\s*$/iu;

/** The longest qualifier is some forty characters ("know nothing about the"): no more is read before a term. */
const QUALIFIER_WINDOW = 60;

/**
 * Whether the words just before `start` make the term there a qualifier. Only a window of the question is read:
 * with the whole of it, every term of a long question had the question read again before it (quadratic).
 */
function qualifies(question: string, start: number): boolean {
  // A NUL where the window cuts a word, so that `^` cannot take the cut for the question's start.
  const before = (start > QUALIFIER_WINDOW ? '\u0000' : '') + question.slice(Math.max(0, start - QUALIFIER_WINDOW), start);
  return QUALIFIER_BEFORE.test(before) || BACKGROUND_BEFORE.test(before);
}

/** The pieces of the question that no match covers, in one pass over both (each sorted by where it starts). */
function uncoveredPieces(question: string, matches: readonly TermMatch<Lang>[]): Piece[] {
  const spans = [...matches].sort((a, b) => a.start - b.start);
  const uncovered: Piece[] = [];
  let next = 0;
  let coveredTo = Number.NEGATIVE_INFINITY;
  for (const piece of splitPieces(question)) {
    // Every match that starts before the piece ends may cover it; the furthest end of those decides.
    while (next < spans.length && spans[next]!.start < piece.end) coveredTo = Math.max(coveredTo, spans[next++]!.end);
    if (!(coveredTo > piece.start)) uncovered.push(piece);
  }
  return uncovered;
}

/**
 * Finds the glossary entries a question is about: terms the matcher finds first, then terms written with a
 * typo (character trigrams), then words shared with definitions (BM25). Nothing relevant: an empty list,
 * and the model answers that it only knows ML concepts.
 */
export class Retriever {
  private readonly docs: Array<{ concept: Concept; terms: Map<string, number>; length: number }> = [];
  private readonly documentFrequency = new Map<string, number>();
  private totalLength = 0;
  private readonly stems = new Map<string, Set<string>>();
  /** Stems of terms that are names, written with a capital: a word in lower case that starts like one is not it. */
  private readonly nameStems = new Set<string>();
  /** Stems of everyday words ("temperature", "scaling"): the subject of a short question, a detail of a long one. */
  private readonly everydayStems = new Set<string>();
  /** Entries named as a pair (« précision et rappel »), by the keys of each side. */
  private readonly pairs: Array<{ concept: Concept; sides: readonly [string, string] }> = [];
  private readonly signs: SignIndex;
  private wholeEntries: WholeEntryIndex | undefined;

  /** `concepts`: the ones indexed now (all of the glossary's unless `sliced` adds them later). */
  constructor(
    private readonly glossary: Glossary,
    concepts: readonly Concept[] = glossary.concepts,
  ) {
    for (const concept of concepts) this.add(concept);
    this.signs = new SignIndex(glossary);
  }

  /** The entry a question describes without naming it (its `signs`): "my training loss is low but...". */
  described(question: string, allowed?: (concept: Concept) => boolean): SignMatch | undefined {
    return this.signs.match(question, allowed);
  }

  /**
   * The entries whose whole text holds most of a question that names none (wholeEntries.ts), built at the first
   * such question: most questions name their concept and never need it.
   */
  closestEntries(question: string, among?: ReadonlySet<string>): CloseEntry[] {
    return this.entries.closest(question, 3, among);
  }

  private get entries(): WholeEntryIndex {
    return (this.wholeEntries ??= WholeEntryIndex.of(this.glossary));
  }

  /**
   * The same index, built a few milliseconds at a time with `pause` between: for a team glossary of 5,000
   * concepts it is some 300 ms of work, which would otherwise hold the extension host's thread.
   */
  static async sliced(glossary: Glossary, pause: () => Promise<void>, sliceMs = 8): Promise<Retriever> {
    const retriever = new Retriever(glossary, []);
    await forEachInSlices(glossary.concepts, (concept) => retriever.add(concept), pause, sliceMs);
    // Typos are found in the glossary's own form index, the one Search Concepts uses: built in slices too.
    await glossary.prepareSearch(pause);
    retriever.wholeEntries = await WholeEntryIndex.sliced(glossary, pause, sliceMs);
    return retriever;
  }

  private get averageLength(): number {
    return this.totalLength / Math.max(1, this.docs.length);
  }

  private add(concept: Concept): void {
    for (const form of formsOf(concept)) {
      const key = pieceKeys(form.text).join(' ');
      if (key.length >= STEM_LENGTH && !key.includes(' ')) {
        this.stemsOf(key.slice(0, STEM_LENGTH)).add(concept.id);
        if (genericRulesFor(normalizeTerm(form.text))) this.everydayStems.add(key.slice(0, STEM_LENGTH));
        // "Transformer", "PyTorch": a name; « je transforme ça » in lower case is a verb, not it.
        if (/^\p{Lu}\p{Ll}/u.test(form.text.trim())) this.nameStems.add(key.slice(0, STEM_LENGTH));
      }
    }
    for (const lang of ['en', 'fr'] as const) {
      const sides = / (?:and|et) /.exec(concept[lang].term) ? concept[lang].term.split(/ (?:and|et) /) : [];
      if (sides.length === 2) this.pairs.push({ concept, sides: [` ${pieceKeys(sides[0]!).join(' ')} `, ` ${pieceKeys(sides[1]!).join(' ')} `] });
    }
    const doc = documentOf(concept);
    this.docs.push(doc);
    this.totalLength += doc.length;
    for (const term of doc.terms.keys()) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
  }

  private stemsOf(stem: string): Set<string> {
    let ids = this.stems.get(stem);
    if (!ids) this.stems.set(stem, (ids = new Set()));
    return ids;
  }

  /**
   * The concepts a question is about, subjects first: terms it names (a term named only as a qualifier, « en IA »,
   * "in deep learning", is left out when another is named), terms with a typo, words that start like a term
   * (a verb: « hallucinent »), then words shared with the definitions.
   */
  retrieve(asked: string, limit = MAX_RETRIEVED): Retrieved[] {
    // « inventent-ils des choses »: the inverted subject is blanked (same length, so offsets hold) to let a term
    // written around it match.
    const question = asked.replace(INVERTED_SUBJECT, (found) => ' '.repeat(found.length));
    // « Comment transformer mes courbes en colonnes ? »: a verb before its object is no Transformer.
    const matches = this.glossary.matcher.findAll(question, QUESTION_CONTEXT).filter((match) => !isFrenchVerbBeforeItsObject(question, match.start, match.end));
    const byTerm = [...this.askedForm(question, matches), ...this.byTerm(matches)];
    const named = [...byTerm, ...this.byPair(question).filter((pair) => !byTerm.some((entry) => entry.concept.id === pair.concept.id))];
    const subjects = named.filter((entry) => !qualifies(question, entry.start ?? 0));
    // In one pass: testing each piece against every match was O(pieces x matches), seconds for a long message.
    const uncovered = uncoveredPieces(question, matches);
    const known = new Set(named.map((entry) => entry.concept.id));
    const extra = [...this.byStem(uncovered, question), ...this.byFuzzyTerm(uncovered)].filter((entry) => {
      if (known.has(entry.concept.id)) return false;
      known.add(entry.concept.id);
      return true;
    });
    // A verb names the subject better than a noun qualifying it: « pourquoi les LLM hallucinent-ils »; not a verb that
    // says what the named thing is for ("fine-tune a model so it memorizes them": fine-tuning is the subject).
    const leading = extra.filter((entry) => entry.via === 'stem' && !(subjects.length > 0 && saysWhatFor(question, entry.start ?? 0)));
    const ordered = [...leading, ...subjects, ...extra.filter((entry) => !leading.includes(entry))];
    // A term named only as a qualifier is the subject when nothing else is (« qu'est-ce qu'un modèle en IA ? »).
    if (ordered.length === 0 && named.length > 0) return named.slice(0, limit);
    if (ordered.length > 0) return ordered.slice(0, limit);
    return this.byText(question).slice(0, Math.min(limit, 2));
  }

  /**
   * "What is a feature?", « c'est quoi un score ? »: the form a definition question asks about, even an everyday word
   * that alone names nothing in running text (a feature of a product, a score in a match).
   */
  private askedForm(question: string, matches: readonly TermMatch<Lang>[]): Retrieved[] {
    const asked = DEFINITION_QUESTION.exec(question);
    if (!asked?.groups?.form) return [];
    const start = asked.index + asked[0].length - asked.groups.form.length;
    if (matches.some((match) => match.start <= start && match.end > start)) return [];
    // A word that never names a concept alone ("score": a match's, an exam's, attention's) does not here either.
    if (genericRulesFor(normalizeTerm(asked.groups.form))?.length === 0) return [];
    const id = this.glossary.matcher.lookupExact(asked.groups.form)[0]?.conceptId;
    const concept = id ? this.glossary.get(id) : undefined;
    return concept ? [{ concept, score: asked.groups.form.length, via: 'term', start, end: start + asked.groups.form.length }] : [];
  }

  /** "How does precision differ from recall?": an entry whose term is a pair, both sides named apart. */
  private byPair(question: string): Retrieved[] {
    const keys = ` ${pieceKeys(question).join(' ')} `;
    return this.pairs
      .filter(({ sides }) => sides.every((side) => side.trim() && keys.includes(side)))
      .map(({ concept, sides }) => ({ concept, score: sides[0].length + sides[1].length, via: 'term' as const, start: question.length }));
  }

  /** Long words that start like a one-word term or alias (the same seven letters), when only one concept does. */
  private byStem(pieces: readonly Piece[], question: string): Retrieved[] {
    const found: Retrieved[] = [];
    // "How did temperature appear?" asks about the word; "...something drivers will trust about temperature limits" does not.
    const long = pieces.length > EVERYDAY_STEM_MAX_WORDS;
    for (const piece of pieces) {
      if (piece.key.length < STEM_LENGTH || STOP_WORD_KEYS.has(piece.key) || WORDS_THAT_ONLY_START_LIKE_A_TERM.has(piece.key)) continue;
      if (long && this.everydayStems.has(piece.key.slice(0, STEM_LENGTH))) continue;
      if (this.nameStems.has(piece.key.slice(0, STEM_LENGTH)) && /^\p{Ll}/u.test(question.slice(piece.start, piece.end))) continue;
      const ids = this.stems.get(piece.key.slice(0, STEM_LENGTH));
      if (ids?.size === 1) {
        const [id] = ids;
        found.push({ concept: this.glossary.get(id!)!, score: 0.5, via: 'stem', start: piece.start });
      }
    }
    return found;
  }

  /** Concepts whose terms appear in the question, in order of appearance. */
  private byTerm(matches: readonly TermMatch<Lang>[]): Retrieved[] {
    const seen = new Set<string>();
    const found: Retrieved[] = [];
    for (const match of matches) {
      if (isLowercaseAcronym(match)) continue;
      const id = match.forms[0]!.conceptId;
      if (!seen.has(id)) {
        seen.add(id);
        found.push({ concept: this.glossary.get(id)!, score: match.end - match.start, via: 'term', start: match.start, end: match.end });
      }
    }
    return found;
  }

  /**
   * Terms written with a typo, among the words no term matched: windows of one to eight consecutive words
   * within one or two edits (a swap of two letters counts as one) of a term or alias, short words excepted.
   * Trigrams only pick the candidates.
   */
  private byFuzzyTerm(pieces: readonly Piece[]): Retrieved[] {
    const best = new Map<string, number>();
    for (const run of consecutiveRuns(pieces.slice(0, 40))) {
      for (let size = 1; size <= MAX_TERM_WORDS; size++) {
        for (let start = 0; start + size <= run.length; start++) {
          this.scoreWindow(run.slice(start, start + size), best);
        }
      }
    }
    return [...best.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([id, score]) => ({ concept: this.glossary.get(id)!, score, via: 'fuzzy' as const }));
  }

  /** The concepts the window is a typo of, by the measure Search Concepts uses (glossary/fuzzy.ts). */
  private scoreWindow(words: readonly string[], best: Map<string, number>): void {
    const index = this.glossary.forms;
    const candidates = closestForms(index, words.join(''), true);
    // A typo has a misspelt word: words the glossary itself uses make another phrase ("a model" is no "AR model").
    if (candidates.length === 0 || words.every((word) => this.entries.knows(word))) return;
    for (const close of candidates) {
      const conceptId = index.concepts[close.owner]!.id;
      const score = close.score - 1;
      if (score > (best.get(conceptId) ?? 0)) best.set(conceptId, score);
    }
  }

  /** BM25 over each concept's terms, aliases and definitions in both languages. */
  private byText(question: string): Retrieved[] {
    const queryTerms = [...new Set(pieceKeys(question).filter((key) => key.length > 2 && !STOP_WORD_KEYS.has(key)))];
    const scored = this.docs
      .filter((doc) => queryTerms.filter((term) => doc.terms.has(term) && this.isDistinctive(term)).length >= 2)
      .map((doc) => ({ concept: doc.concept, score: this.bm25(doc, queryTerms), via: 'text' as const }));
    return scored.filter((entry) => entry.score >= TEXT_THRESHOLD).sort((a, b) => b.score - a.score);
  }

  private isDistinctive(term: string): boolean {
    return (this.documentFrequency.get(term) ?? 0) <= Math.max(2, DISTINCTIVE_SHARE * this.docs.length);
  }

  private bm25(doc: { terms: Map<string, number>; length: number }, queryTerms: readonly string[]): number {
    let score = 0;
    for (const term of queryTerms) {
      const frequency = doc.terms.get(term);
      if (frequency) score += bm25Weight(frequency, this.documentFrequency.get(term) ?? 0, this.docs.length, doc.length / this.averageLength);
    }
    return score;
  }

}

/** At most this many characters (a space, an elided `d'`) between two words of one term. */
const MAX_GAP = 3;

/** Keys of pieces that follow each other in the text; a left-out piece (a matched term) breaks the run. */
function consecutiveRuns(pieces: readonly Piece[]): string[][] {
  const runs: string[][] = [];
  let previousEnd = Number.NEGATIVE_INFINITY;
  for (const piece of pieces) {
    if (piece.start - previousEnd <= MAX_GAP) runs[runs.length - 1]!.push(piece.key);
    else runs.push([piece.key]);
    previousEnd = piece.end;
  }
  return runs;
}

/** Everyday words that begin like a term: "regular expressions" are no regularization, "flow through" no throughput. */
const WORDS_THAT_ONLY_START_LIKE_A_TERM = new Set([
  'regular', 'regularly', 'regulier', 'reguliere', 'reguliers', 'regulieres', 'regulierement', 'through', 'throughout', 'general', 'generally',
  'transform', 'transforms', 'transformed', 'transforming', 'transformation', 'transformations',
]);

/** Names written in capitals that are everyday words in lower case: "the clips we trained on" are audio clips. */
const EVERYDAY_WORD_NAMES = new Set(['clip', 'clips', 'glue', 'squad']);

/**
 * « ai » in « je n'ai pas compris » is not AI, nor "clips" CLIP: a two-letter acronym, or a name that is an
 * everyday word, written in lower case is a word of the sentence.
 */
function isLowercaseAcronym(match: TermMatch<Lang>): boolean {
  // "HS codes", "PO numbers": a short name in capitals in prose is an acronym of its own, not a variable (`hs`).
  if (/^\p{Lu}{2,3}$/u.test(match.text) && match.forms.every((form) => /^\p{Ll}{2,3}$/u.test(form.text))) return true;
  if (match.text !== match.text.toLowerCase()) return false;
  if (EVERYDAY_WORD_NAMES.has(match.text)) return true;
  return match.text.length <= 2 && match.forms.every((form) => /^\p{Lu}{2}$/u.test(form.text));
}

function pieceKeys(text: string): string[] {
  return splitPieces(text).map((piece) => piece.key);
}

function documentOf(concept: Concept): { concept: Concept; terms: Map<string, number>; length: number } {
  const text = (['fr', 'en'] as const)
    .flatMap((lang) => [concept[lang].term, concept[lang].term, ...concept[lang].aliases, concept[lang].definition])
    .join(' ');
  const terms = new Map<string, number>();
  const keys = pieceKeys(text).filter((key) => key.length > 2 && !STOP_WORD_KEYS.has(key));
  for (const key of keys) terms.set(key, (terms.get(key) ?? 0) + 1);
  return { concept, terms, length: keys.length };
}

/** « transformer mes courbes », « transformer ça en lignes »: a French infinitive in lower case with its object after it. */
function isFrenchVerbBeforeItsObject(question: string, start: number, end: number): boolean {
  const word = question.slice(start, end);
  return /^\p{Ll}+er$/u.test(word) && /^\s+(mes|tes|ses|nos|vos|leurs|les|des|ces|ça|cela|ceci|le|la|l'|un|une|ce|cet|cette|chaque|toutes?|tous)\b/u.test(question.slice(end));
}
