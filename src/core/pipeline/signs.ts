import type { Glossary } from '../glossary/glossary';
import { LANGS, type Concept } from '../glossary/types';
import { splitPieces } from '../matching/normalize';
import { plainQuestion } from './intent';
import { STOP_WORD_KEYS } from './language';

// Learners describe what they see before they know its name: "my training loss is very low but the test
// results are bad" is overfitting, "how does the model read my text, word by word?" is the tokenizer. Each
// entry may list such descriptions (`signs`); a question that holds most of the words of one is about that entry.

/** A description the question matches, and how closely. */
export interface SignMatch {
  readonly concept: Concept;
  /** The description's words found in the question. */
  readonly matched: number;
  /** matched / the description's words. */
  readonly coverage: number;
  /** The description's words (keys), to tell whether a named term is part of the description. */
  readonly keys: ReadonlySet<string>;
}

/** A description is matched when the question holds this many of its words, and this share of them. */
const MIN_MATCHED = 3;
const MIN_COVERAGE = 0.6;
/**
 * ... of which this many are words few descriptions use: "model", « entraînement » or "answer" are in dozens,
 * so "using the trained model to get answers" is not matched by any question about a trained model.
 */
const MIN_DISTINCTIVE = 2;
/**
 * A word in more than this share of the descriptions (and more than 15 of them) is common to the field, not a sign of
 * one concept: a share, so that writing signs for more entries does not turn "gradient" into a common word.
 */
const COMMON_IN_SIGNS_SHARE = 0.012;
const COMMON_IN_SIGNS_MIN = 15;

/** Words that carry no sign of their own in a description ("my", « très »): besides the stop words. */
const FILLER_KEYS = new Set(
  splitPieces('my mon ma mes our notre nos very tres really vraiment just juste always toujours still encore quite assez even meme so si during pendant after apres some quelques then puis but mais while alors instead lieu keep keeps going goes ' +
    // Pronouns and words that tell rather than describe: "it says 97%", "a single one of the ... in my test set".
    'i we you je tu nous vous ils elles say says said one single set ' +
    // Question words: "where to download a model by its name" is no sign of "where the name ends".
    'where when which what how why whether ou quand quel quelle quels quelles comment pourquoi')
    .map((piece) => piece.key),
);

/**
 * The words of a text that can tell one description from another: plain words in lower case (not the
 * matcher's keys, which read "NaN" as code), without stop words, a final s dropped.
 */
export function signKeys(text: string): string[] {
  const words = plainQuestion(text).replace(/'/g, ' ').split(' ').filter((word) => word.length > 1);
  const keys = words
    .filter((word) => !isStopWord(word))
    .map((word) => (word.length > 3 ? word.replace(/s$/u, '') : word));
  return [...new Set(keys)];
}

function isStopWord(word: string): boolean {
  const key = splitPieces(word)[0]?.key ?? word;
  return STOP_WORD_KEYS.has(key) || FILLER_KEYS.has(key);
}

/**
 * Two forms of one word: the same key, one the other's start (low, lower; bas, basse), or the same first five
 * letters (entraînement, entraîner).
 */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  // "99 %" where a description says "100 %": a figure stands for any figure.
  if (/^\d+$/u.test(a) && /^\d+$/u.test(b)) return true;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (shorter.length >= 3 && longer.length - shorter.length <= 3 && longer.startsWith(shorter)) return true;
  return shorter.length >= 5 && a.slice(0, 5) === b.slice(0, 5);
}

/**
 * Two forms of one word start alike (their first three letters, or both are figures): the question's words grouped
 * so, each description's word is compared with a few of them only, not with all (the bundled glossary's 2,000
 * descriptions are read at every question).
 */
function startOf(word: string): string {
  return /^\d+$/u.test(word) ? '#' : word.slice(0, 3);
}

function byStart(words: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const word of words) groups.set(startOf(word), [...(groups.get(startOf(word)) ?? []), word]);
  return groups;
}

interface Sign {
  readonly concept: Concept;
  readonly keys: readonly string[];
  /** The keys few descriptions share. */
  readonly distinctive: ReadonlySet<string>;
}

/** Every entry's descriptions in both languages, read once (they are in the entries' details). */
export class SignIndex {
  private signs: Sign[] | undefined;

  constructor(private readonly glossary: Glossary) {}

  /** The entry whose description the question holds best, if one is held closely enough (among the `allowed` ones). */
  match(question: string, allowed: (concept: Concept) => boolean = () => true): SignMatch | undefined {
    const asked = signKeys(question);
    if (asked.length < MIN_MATCHED) return undefined;
    const askedByStart = byStart(asked);
    let best: SignMatch | undefined;
    for (const sign of this.all()) {
      if (!allowed(sign.concept)) continue;
      const found = sign.keys.filter((key) => (askedByStart.get(startOf(key)) ?? []).some((word) => sameWord(key, word)));
      const matched = found.length;
      const coverage = matched / sign.keys.length;
      if (matched < MIN_MATCHED || coverage < MIN_COVERAGE) continue;
      // A short description held whole ("how it reads my text word by word") needs one rare word only.
      const distinctive = found.filter((key) => sign.distinctive.has(key)).length;
      if (distinctive < (coverage === 1 ? 1 : MIN_DISTINCTIVE)) continue;
      if (!best || matched > best.matched || (matched === best.matched && coverage > best.coverage)) {
        best = { concept: sign.concept, matched, coverage, keys: new Set(sign.keys) };
      }
    }
    return best;
  }

  private all(): Sign[] {
    this.signs ??= this.read();
    return this.signs;
  }

  private read(): Sign[] {
    const described = this.glossary.concepts.flatMap((concept) => {
      const detailed = this.glossary.withDetails(concept);
      return LANGS.flatMap((lang) => (detailed[lang].signs ?? []).map((text) => ({ concept, keys: signKeys(text) })));
    });
    const frequency = new Map<string, number>();
    for (const sign of described) for (const key of sign.keys) frequency.set(key, (frequency.get(key) ?? 0) + 1);
    const common = Math.max(COMMON_IN_SIGNS_MIN, COMMON_IN_SIGNS_SHARE * described.length);
    return described
      .filter((sign) => sign.keys.length >= MIN_MATCHED)
      // A figure matches any figure, so it tells nothing on its own: never a distinctive word.
      .map((sign) => ({ ...sign, distinctive: new Set(sign.keys.filter((key) => !/^\d+$/u.test(key) && (frequency.get(key) ?? 0) <= common)) }));
  }
}

/** Whether a named term is part of the description (« perte d'entraînement » in the signs of overfitting). */
export function isPartOf(match: SignMatch, concept: Concept): boolean {
  return LANGS.some((lang) =>
    [concept[lang].term, ...concept[lang].aliases].some((form) => {
      const keys = signKeys(form);
      return keys.length > 0 && keys.every((key) => [...match.keys].some((word) => sameWord(key, word)));
    }),
  );
}
