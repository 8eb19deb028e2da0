import { CODE_TERMS, GENERIC_WORDS, IDENTIFIER_PREFIXES, IDENTIFIER_SUFFIXES, type CodeTermRule } from './codeTerms';
import { normalizeTerm, splitPieces, type Piece } from './normalize';

/** What the text around a position is, for the forms whose sense depends on it. */
export interface MatchContext {
  /** The position is in code (an identifier, a string), not in a comment or prose. */
  readonly code: boolean;
  /** The document is a code file (a comment of a `.py` file too), not Markdown or plain text. */
  readonly codeFile: boolean;
  /** The document is about machine learning: its imports, or the concepts it names. */
  readonly ml: boolean;
  /** A shell block in Markdown: the field's short forms count only as options (`--lr 3e-4`, not `ln -s`). */
  readonly shell?: boolean;
}

/** When a form counts: a rule of `codeTerms.ts`, compiled. */
export interface FormRule {
  /** `code-terms`: a form of the table; `generic`: a glossary form that is an everyday word. */
  readonly source: 'code-terms' | 'generic';
  readonly ml: boolean;
  readonly zone: CodeTermRule['zone'];
  readonly near: WordSet | undefined;
  readonly notNear: WordSet | undefined;
  readonly before: string | undefined;
  readonly after: string | undefined;
  readonly notAfter: RegExp | undefined;
  readonly pattern: RegExp | undefined;
  /** Its condition reads the context (zone, neighbours, punctuation): it then wins over plain forms of the same words. */
  readonly prefer: boolean;
}

/** The forms around a candidate match, for `near` and punctuation conditions. */
export interface Surroundings {
  readonly text: string;
  readonly pieces: readonly Piece[];
  readonly first: number;
  readonly last: number;
}

/** How many words on each side `near` looks at. */
const NEAR_WORDS = 6;

/** Words as matcher keys: those of one piece, and those of several (`layer_past`), which cost a concatenation to find. */
export interface WordSet {
  readonly single: ReadonlySet<string>;
  readonly multi: ReadonlySet<string>;
}

function wordSet(words: readonly string[]): WordSet {
  const single = new Set<string>();
  const multi = new Set<string>();
  for (const word of words) {
    const pieces = splitPieces(word);
    if (pieces.length === 1) single.add(pieces[0]!.key);
    else if (pieces.length > 1) multi.add(pieces.map((piece) => piece.key).join(''));
  }
  return { single, multi };
}

export function compileRule(rule: Omit<CodeTermRule, 'forms'>, source: FormRule['source']): FormRule {
  return {
    source,
    ml: rule.ml ?? false,
    zone: rule.zone,
    near: rule.near && wordSet(rule.near),
    notNear: rule.notNear && wordSet(rule.notNear),
    before: rule.before,
    after: rule.after,
    notAfter: rule.notAfter,
    pattern: rule.pattern,
    prefer: Boolean(rule.zone || rule.near || rule.before || rule.after || rule.pattern),
  };
}

/** Whether a rule lets its form count here. Without a context (the chat's retrieval), only glossary forms count. */
export function ruleHolds(rule: FormRule, context: MatchContext | undefined, around: Surroundings): boolean {
  if (!context) return rule.source === 'generic';
  const start = around.pieces[around.first]!.start;
  const end = around.pieces[around.last]!.end;
  if (rule.ml && !(context.ml && (!context.shell || around.text.slice(start - 2, start) === '--'))) return false;
  if (rule.zone === 'code' && !context.code) return false;
  if (rule.zone === 'prose' && context.code) return false;
  if (rule.zone === 'code-file' && !context.code && !context.codeFile) return false;
  if (rule.before !== undefined && around.text.slice(start - rule.before.length, start) !== rule.before) return false;
  if (rule.after !== undefined && !around.text.startsWith(rule.after, end)) return false;
  if (rule.notAfter !== undefined && rule.notAfter.test(around.text.slice(end, end + 16))) return false;
  if (rule.pattern && !rule.pattern.test(around.text.slice(start, end))) return false;
  if (rule.near && !wordNearby(rule.near, around)) return false;
  if (rule.notNear && wordNearby(rule.notNear, around)) return false;
  return true;
}

/** One of `words` (of one to three pieces) within a few pieces before or after the candidate. */
function wordNearby(words: WordSet, { pieces, first, last }: Surroundings): boolean {
  const from = Math.max(0, first - NEAR_WORDS);
  const to = Math.min(pieces.length - 1, last + NEAR_WORDS);
  for (let k = from; k <= to; k++) {
    if (k >= first && k <= last) continue;
    if (words.single.has(pieces[k]!.key)) return true;
    if (words.multi.size === 0) continue;
    let key = pieces[k]!.key;
    for (let n = 1; n < 3 && k + n <= to && !(k + n >= first && k + n <= last); n++) {
      key += pieces[k + n]!.key;
      if (words.multi.has(key)) return true;
    }
  }
  return false;
}

/** A form of the table for a concept, ready for the matcher. */
export interface CodeTermForm<L extends string> {
  readonly conceptId: string;
  readonly lang: L;
  readonly text: string;
  readonly preferred: false;
  readonly rules: readonly FormRule[];
  readonly derived: true;
  /** Written the same in both languages (an identifier): one form stands for both. */
  readonly anyLang?: true;
}

let compiledTable: Array<{ conceptId: string; rule: CodeTermRule; compiled: FormRule }> | undefined;

/**
 * The table's forms for the concepts a glossary has (others are left out): a form of a rule that names its
 * language in that language, any other once for both (`anyLang`). `has` says whether a concept id is in the glossary.
 */
export function* codeTermForms<L extends string>(has: (id: string) => boolean, langs: readonly L[]): Generator<CodeTermForm<L>> {
  compiledTable ??= Object.entries(CODE_TERMS).flatMap(([conceptId, rules]) => rules.map((rule) => ({ conceptId, rule, compiled: compileRule(rule, 'code-terms') })));
  for (const { conceptId, rule, compiled } of compiledTable) {
    if (!has(conceptId)) continue;
    const lang = rule.lang ? langs.find((candidate) => candidate === rule.lang) : langs[0];
    if (lang === undefined) continue;
    for (const text of rule.forms) yield { conceptId, lang, text, preferred: false, rules: [compiled], derived: true, ...(!rule.lang && { anyLang: true as const }) };
  }
}

let genericRules: ReadonlyMap<string, readonly FormRule[]> | undefined;

/** The rules of a glossary form that is an everyday word (`parameters`, `scaling`, `label`), by the form's key. */
export function genericRulesFor(key: string): readonly FormRule[] | undefined {
  genericRules ??= new Map(Object.entries(GENERIC_WORDS).map(([word, rules]) => [normalizeTerm(word), rules.map((rule) => compileRule(rule, 'generic'))]));
  return genericRules.get(key);
}

const PREFIX_KEYS = new Set(IDENTIFIER_PREFIXES.map(normalizeTerm));
const SUFFIX_KEYS = new Set(IDENTIFIER_SUFFIXES.map(normalizeTerm));

/**
 * The first piece of `[first, last]` widened over the words an identifier adds around a concept without changing
 * it (`num_warmup_steps`, `max_grad_norm`): joined by `_` or camelCase only, never by a space.
 */
export function widenStart(text: string, pieces: readonly Piece[], first: number): number {
  while (first > 0 && PREFIX_KEYS.has(pieces[first - 1]!.key) && joinedInIdentifier(text, pieces[first - 1]!, pieces[first]!)) first--;
  return first;
}

/** The last piece of `widenStart`'s widening: over suffixes (`warmup_iters`, `dropout_rate`). */
export function widenEnd(text: string, pieces: readonly Piece[], last: number): number {
  while (last + 1 < pieces.length && SUFFIX_KEYS.has(pieces[last + 1]!.key) && joinedInIdentifier(text, pieces[last]!, pieces[last + 1]!)) last++;
  return last;
}

function joinedInIdentifier(text: string, a: Piece, b: Piece): boolean {
  return b.start === a.end || (b.start === a.end + 1 && text.charCodeAt(a.end) === 95);
}
