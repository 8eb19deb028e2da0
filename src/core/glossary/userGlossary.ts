import * as l10n from '@vscode/l10n';
import Ajv, { type ErrorObject } from 'ajv';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { Glossary, type ConceptOrigin } from './glossary';
import { LANGS, type Concept, type DetailsSource, type LocalizedConcept } from './types';
import { isBlankForm, linkFault, schemaFault } from './rules';
import { isCommonWords } from './commonWords';
import { userConceptSchema } from './userSchema';

/** A place in a file, 0-based like an editor's. */
export interface TextPosition {
  readonly line: number;
  readonly character: number;
}

/** A mistake in a user glossary file, located precisely enough to be shown in the Problems panel. */
export interface UserGlossaryProblem {
  readonly file: string;
  readonly start: TextPosition;
  readonly end: TextPosition;
  readonly message: string;
  /**
   * `error`: the entry (or the file) is not loaded. `warning`: the entry loads without the faulty part.
   * `info`: a draft (no definition written yet), not loaded until it has one.
   */
  readonly severity: 'error' | 'warning' | 'info';
}

/** A problem about a whole file (it cannot be read, or is not a glossary), shown at its first character. */
export function fileProblem(file: string, message: string): UserGlossaryProblem {
  return { file, start: { line: 0, character: 0 }, end: { line: 0, character: 1 }, message, severity: 'error' };
}

/** One user entry that passed the schema, with where it is written (to locate later problems). */
interface UserEntry {
  readonly file: string;
  readonly concept: Concept;
  /** The entry's node in the file's syntax tree, built only when a problem must be located. */
  readonly node: Node;
  readonly locate: Locator;
}

type Locator = (node: Node | undefined, fallback: Node) => { start: TextPosition; end: TextPosition };

/** What parsing one file gave: its valid entries and its problems. */
export interface ParsedUserGlossary {
  readonly file: string;
  readonly entries: readonly UserEntry[];
  readonly problems: readonly UserGlossaryProblem[];
}

/**
 * Two validators of the same schema: a fast one that stops at the first error (most entries are valid),
 * and one that lists every error, run only on an invalid entry to report them all.
 */
const isValidEntry = new Ajv({ allErrors: false }).compile<Concept>(userConceptSchema());
const validateEntry = new Ajv({ allErrors: true }).compile<Concept>(userConceptSchema());

/** Computed when reported, not when the module loads: the language is configured after that. */
const notAGlossary = (): string => l10n.t('A glossary file holds one concept (an object) or an array of concepts.');

/** A file's text with its syntax tree and line index, each computed once and only when first needed. */
class SourceFile {
  private cachedTree: { root: Node | undefined; errors: ParseError[] } | undefined;
  private cachedLocator: ReturnType<typeof locator> | undefined;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {}

  get tree(): { root: Node | undefined; errors: ParseError[] } {
    if (!this.cachedTree) {
      const errors: ParseError[] = [];
      const root = parseTree(this.text, errors, { allowTrailingComma: true, disallowComments: false });
      this.cachedTree = { root, errors };
    }
    return this.cachedTree;
  }

  get locate(): ReturnType<typeof locator> {
    this.cachedLocator ??= locator(this.text);
    return this.cachedLocator;
  }

  /** The node of the entry at `index` (the root itself for a one-concept file). */
  entryNode(index: number | undefined): Node {
    const root = this.tree.root!;
    return index === undefined ? root : root.children![index]!;
  }

  entry(concept: Concept, index: number | undefined): UserEntry {
    const nodeOf = () => this.entryNode(index);
    return {
      file: this.file,
      concept,
      get node() {
        return nodeOf();
      },
      locate: (node, fallback) => this.locate.node(node, fallback),
    };
  }
}

/**
 * Parses a user glossary file (one concept, or an array of concepts) without ever changing it. A file that
 * is plain JSON is read with `JSON.parse` (fast: no syntax tree unless a problem must be located); otherwise
 * a tolerant parser recovers from syntax errors, so the entries it can still read load while the broken
 * ones are reported.
 */
export function parseUserGlossary(file: string, rawText: string): ParsedUserGlossary {
  const text = rawText.replace(/^\uFEFF/, ''); // a byte-order mark is no syntax error
  if (!text.trim()) {
    return { file, entries: [], problems: [] }; // a file just created, not yet written
  }
  const depth = nestingDepth(text);
  if (depth > USER_GLOSSARY_LIMITS.depth) {
    const problem = { file, start: { line: 0, character: 0 }, end: { line: 0, character: 1 }, severity: 'error' as const };
    return { file, entries: [], problems: [{ ...problem, message: l10n.t('The file nests values {0} levels deep; a glossary needs a few (at most {1}).', depth, USER_GLOSSARY_LIMITS.depth) }] };
  }
  return capped(parseChecked(file, text));
}

/** Bounds on one user glossary file: how deep its values nest, how many entries and problems count. */
export const USER_GLOSSARY_LIMITS = { depth: 64, entries: 5_000, problems: 100 } as const;

/** How deeply arrays and objects nest, read without parsing (a parser would overflow its stack first). */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92) i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123) deepest = Math.max(deepest, ++depth);
    else if (ch === 93 || ch === 125) depth--;
  }
  return deepest;
}

/** At most USER_GLOSSARY_LIMITS entries and problems, with one problem saying what was left out. */
function capped(parsed: ParsedUserGlossary): ParsedUserGlossary {
  const { entries, problems, file } = parsed;
  if (entries.length <= USER_GLOSSARY_LIMITS.entries && problems.length <= USER_GLOSSARY_LIMITS.problems) return parsed;
  const notes: UserGlossaryProblem[] = [];
  const at = { file, start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  if (entries.length > USER_GLOSSARY_LIMITS.entries) {
    notes.push({ ...at, severity: 'warning', message: l10n.t('Only the first {0} of the file\'s {1} concepts are loaded.', USER_GLOSSARY_LIMITS.entries, entries.length) });
  }
  if (problems.length > USER_GLOSSARY_LIMITS.problems) {
    notes.push({ ...at, severity: 'error', message: l10n.t('{0} more problems in this file are not listed; fix the ones shown first.', problems.length - USER_GLOSSARY_LIMITS.problems) });
  }
  return { file, entries: entries.slice(0, USER_GLOSSARY_LIMITS.entries), problems: [...problems.slice(0, USER_GLOSSARY_LIMITS.problems), ...notes] };
}

function parseChecked(file: string, text: string): ParsedUserGlossary {
  const source = new SourceFile(file, text);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return parseTolerantly(source);
  }
  const values = Array.isArray(data) ? data : [data];
  if (!Array.isArray(data) && (typeof data !== 'object' || data === null)) {
    const root = source.tree.root!;
    return { file, entries: [], problems: [{ file, ...source.locate.node(root, root), message: notAGlossary(), severity: 'error' }] };
  }
  return readEntries(source, values, Array.isArray(data));
}

function parseTolerantly(source: SourceFile): ParsedUserGlossary {
  const { file } = source;
  const { root, errors } = source.tree;
  const problems: UserGlossaryProblem[] = errors.map((error) => ({
    file,
    ...source.locate.offsets(error.offset, error.offset + Math.max(error.length, 1)),
    message: l10n.t('Invalid JSON: {0}.', describeSyntaxError(error)),
    severity: 'error',
  }));
  if (!root) {
    if (problems.length === 0) problems.push({ file, ...source.locate.offsets(0, 1), message: l10n.t('Invalid JSON.'), severity: 'error' });
    return { file, entries: [], problems };
  }
  if (root.type !== 'array' && root.type !== 'object') {
    problems.push({ file, ...source.locate.node(root, root), message: notAGlossary(), severity: 'error' });
    return { file, entries: [], problems };
  }
  const nodes = root.type === 'array' ? (root.children ?? []) : [root];
  const parsed = readEntries(source, nodes.map(nodeValue), root.type === 'array');
  return { file, entries: parsed.entries, problems: [...problems, ...parsed.problems] };
}

function readEntries(source: SourceFile, values: readonly unknown[], inArray: boolean): ParsedUserGlossary {
  const entries: UserEntry[] = [];
  const problems: UserGlossaryProblem[] = [];
  values.forEach((value, position) => {
    const index = inArray ? position : undefined;
    if (isDraft(value)) {
      problems.push(draftNote(source, index, value));
      return;
    }
    if (isValidEntry(value)) {
      entries.push(source.entry(withDefaults(value as Concept), index));
      return;
    }
    validateEntry(value);
    const node = source.entryNode(index);
    // "fr or en" fails as each branch's missing property too: the anyOf message says it once.
    const errors = (validateEntry.errors ?? []).filter((error) => !error.schemaPath.startsWith('#/anyOf/'));
    // Ajv lists an error per item (200,000 wrong links: 200,000 errors): only as many as can be reported are located.
    const located = errors.slice(0, USER_GLOSSARY_LIMITS.problems + 1).map((error) => schemaProblem(source.file, node, error, source.locate.node));
    for (const problem of dropRedundant(located)) problems.push(problem);
  });
  return { file: source.file, entries, problems };
}

/** An entry just added ("Add Selection to My Glossary"): its term written, no definition yet in any language. */
function isDraft(value: unknown): value is { fr?: { term?: unknown }; en?: { term?: unknown } } {
  if (!value || typeof value !== 'object') return false;
  const written = LANGS.map((lang) => (value as Record<string, unknown>)[lang]).filter((part) => part && typeof part === 'object') as Array<Record<string, unknown>>;
  return written.length > 0 && written.every((part) => part.definition === undefined || (typeof part.definition === 'string' && part.definition.trim() === '')) && written.some((part) => part.definition !== undefined);
}

function draftNote(source: SourceFile, index: number | undefined, value: { fr?: { term?: unknown }; en?: { term?: unknown } }): UserGlossaryProblem {
  const node = source.entryNode(index);
  const lang = LANGS.find((candidate) => value[candidate]?.term !== undefined) ?? 'en';
  const term = String(value[lang]?.term ?? '');
  const at = findNodeAtLocation(node, [lang, 'definition']);
  return { file: source.file, ...source.locate.node(at, node), severity: 'info', message: l10n.t('Draft: write the definition of "{0}" to use it in hovers and answers.', term) };
}

/**
 * The concept with the optional parts filled in, so the rest of the extension sees the bundled shape; an entry
 * written in one language only shows that text in the other language too.
 */
function withDefaults(concept: Concept): Concept {
  const localized = (entry: Partial<LocalizedConcept> & Pick<LocalizedConcept, 'term' | 'definition'>): LocalizedConcept => ({
    term: entry.term,
    aliases: entry.aliases ?? [],
    definition: entry.definition,
    explanation: entry.explanation ?? '',
    example: entry.example ?? '',
  });
  const fr = concept.fr ?? concept.en;
  const en = concept.en ?? concept.fr;
  return { ...concept, fr: localized(fr), en: localized(en), related: concept.related ?? [] };
}

function schemaProblem(file: string, entryNode: Node, error: ErrorObject, locate: Locator): UserGlossaryProblem {
  const fault = schemaFault(error);
  const target = fault.at === 'entry' ? entryNode : findNodeAtLocation(entryNode, [...fault.path]);
  // A missing field is pointed at by the key of the object that lacks it; an unknown one by its own key.
  const keyed = target ?? (fault.at === 'key' ? findNodeAtLocation(entryNode, fault.path.slice(0, -1)) : undefined);
  const node = fault.at === 'key' ? keyed && propertyKeyOf(keyed) : target;
  const id = conceptIdOf(entryNode);
  return { file, ...locate(node, entryNode), message: id ? withId(id, fault.message) : fault.message, severity: 'error' };
}

/** A problem of the entry with this id: the id, then the message. */
function withId(id: string, message: string): string {
  return l10n.t('"{0}": {1}', id, message);
}

/** Ajv reports a missing object both as "required" and as the type errors of its siblings; keep one per place. */
function dropRedundant(problems: UserGlossaryProblem[]): UserGlossaryProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.start.line}:${problem.start.character}:${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** For a missing or unknown property, point at the key of the object's property, or the object itself. */
function propertyKeyOf(node: Node): Node {
  if (node.parent?.type === 'property') {
    return node.parent.children?.[0] ?? node;
  }
  return node;
}

function conceptIdOf(entryNode: Node): string | undefined {
  const id = findNodeAtLocation(entryNode, ['id']);
  return typeof id?.value === 'string' ? id.value : undefined;
}

function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries(
        (node.children ?? []).flatMap((property) => {
          const [key, value] = property.children ?? [];
          return key && value ? [[String(key.value), nodeValue(value)]] : [];
        }),
      );
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

function describeSyntaxError(error: ParseError): string {
  const messages: Record<string, string> = {
    InvalidSymbol: l10n.t('unexpected character'),
    InvalidNumberFormat: l10n.t('invalid number'),
    PropertyNameExpected: l10n.t('a property name (in double quotes) is expected'),
    ValueExpected: l10n.t('a value is expected'),
    ColonExpected: l10n.t('a colon is expected'),
    CommaExpected: l10n.t('a comma is expected'),
    CloseBraceExpected: l10n.t('a closing brace } is expected'),
    CloseBracketExpected: l10n.t('a closing bracket ] is expected'),
    EndOfFileExpected: l10n.t('nothing should follow the end of the JSON value'),
    UnexpectedEndOfString: l10n.t('the string is not closed'),
    UnexpectedEndOfComment: l10n.t('the comment is not closed'),
    InvalidUnicode: l10n.t('invalid {0} escape', '\\u'), // the backslash as an argument: the message is a plain key
    InvalidEscapeCharacter: l10n.t('invalid escape character'),
    InvalidCharacter: l10n.t('invalid character in a string'),
  };
  const code = printParseErrorCode(error.error);
  return messages[code] ?? code;
}

/** Offsets to line and character, computed once per file. */
function locator(text: string): { offsets: (start: number, end: number) => { start: TextPosition; end: TextPosition }; node: Locator } {
  const lineStarts = [0];
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) === 10) lineStarts.push(index + 1);
  }
  const position = (offset: number): TextPosition => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: offset - lineStarts[low]! };
  };
  const offsets = (start: number, end: number) => ({ start: position(start), end: position(Math.min(end, text.length)) });
  const node: Locator = (target, fallback) => {
    const chosen = target ?? fallback;
    // An object spans many lines: underline its opening brace, not the whole entry.
    const length = chosen.type === 'object' || chosen.type === 'array' ? 1 : chosen.length;
    return offsets(chosen.offset, chosen.offset + length);
  };
  return { offsets, node };
}

/** The merged glossary and what the user's files got wrong. */
export interface MergedGlossary {
  readonly glossary: Glossary;
  readonly problems: readonly UserGlossaryProblem[];
}

/**
 * Adds user entries to the bundled concepts: a user entry with a bundled id replaces that concept, the others
 * are new concepts. The first file to define an id wins; a link to an unknown concept and a term that another
 * concept already claims are reported and left out, and the entry still loads.
 */
export function mergeUserGlossaries(bundled: readonly Concept[], files: readonly ParsedUserGlossary[], details?: DetailsSource): MergedGlossary {
  const problems = new ProblemList();
  for (const file of files) for (const problem of file.problems) problems.add(file.file, () => problem);
  const bundledIds = new Set(bundled.map((concept) => concept.id));
  const userEntries = new Map<string, UserEntry>();
  for (const entry of files.flatMap((file) => file.entries)) {
    const previous = userEntries.get(entry.concept.id);
    if (previous) {
      problems.add(entry.file, () => {
        const at = previous.locate(undefined, previous.node).start;
        return entryProblem(entry, ['id'], l10n.t('"{0}" is already defined in {1}:{2}; this entry is ignored.', entry.concept.id, previous.file, at.line + 1), 'error');
      });
      continue;
    }
    userEntries.set(entry.concept.id, entry);
  }
  const concepts = [
    ...bundled.map((concept) => userEntries.get(concept.id)?.concept ?? concept),
    ...[...userEntries.values()].filter((entry) => !bundledIds.has(entry.concept.id)).map((entry) => entry.concept),
  ];
  const known = new Set(concepts.map((concept) => concept.id));
  const cleaned = new Map<string, Concept>();
  for (const entry of userEntries.values()) cleaned.set(entry.concept.id, cleanLinks(entry, known, problems));
  const origins = new Map<string, ConceptOrigin>(
    [...userEntries.values()].map((entry) => [entry.concept.id, { kind: bundledIds.has(entry.concept.id) ? 'override' : 'user', file: entry.file }]),
  );
  const glossary = new Glossary(
    concepts.map((concept) => cleaned.get(concept.id) ?? concept),
    { origins, details },
  );
  formConflicts(glossary, userEntries, problems);
  return { glossary, problems: problems.list() };
}

/**
 * The problems of a merge, at most USER_GLOSSARY_LIMITS.problems a file, then one that says how many more there
 * are. A problem past the bound is counted, never built: an entry linking 200,000 unknown ids made 200,000
 * Problems and a 1.5 s stall, and past 123,000 a `push(...)` of them overflowed the call stack.
 */
class ProblemList {
  private readonly problems: UserGlossaryProblem[] = [];
  private readonly perFile = new Map<string, number>();

  add(file: string, problem: () => UserGlossaryProblem): void {
    const count = (this.perFile.get(file) ?? 0) + 1;
    this.perFile.set(file, count);
    if (count <= USER_GLOSSARY_LIMITS.problems) this.problems.push(problem());
  }

  list(): UserGlossaryProblem[] {
    const notes: UserGlossaryProblem[] = [];
    for (const [file, count] of this.perFile) {
      if (count > USER_GLOSSARY_LIMITS.problems) {
        notes.push(fileProblem(file, l10n.t('{0} more problems in this file are not listed; fix the ones shown first.', count - USER_GLOSSARY_LIMITS.problems)));
      }
    }
    return notes.length > 0 ? [...this.problems, ...notes] : this.problems;
  }
}

function cleanLinks(entry: UserEntry, known: ReadonlySet<string>, problems: ProblemList): Concept {
  const keep = (field: 'related' | 'prerequisites') =>
    (entry.concept[field] ?? []).filter((id, index) => {
      const fault = linkFault(entry.concept.id, id, known);
      if (fault === 'self') problems.add(entry.file, () => entryProblem(entry, [field, index], l10n.t('a concept cannot point to itself; "{0}" is ignored.', id), 'warning'));
      if (fault === 'unknown') problems.add(entry.file, () => entryProblem(entry, [field, index], l10n.t('unknown concept id "{0}"; this link is ignored.', id), 'warning'));
      return fault === undefined;
    });
  return { ...entry.concept, related: keep('related'), prerequisites: keep('prerequisites') };
}

/**
 * A term or alias of a user entry that another concept already claims in the same language, read from the
 * matcher's own index (which already holds every normalised form). The concept listed first keeps it
 * (bundled concepts come first), which is also the one the matcher finds.
 */
function formConflicts(glossary: Glossary, userEntries: ReadonlyMap<string, UserEntry>, problems: ProblemList): void {
  for (const forms of glossary.matcher.formsByKey().values()) {
    if (forms.length < 2) continue;
    for (const lang of LANGS) {
      const inLang = forms.filter((form) => form.lang === lang && !form.derived);
      const owner = inLang[0]?.conceptId;
      for (const form of inLang) {
        const entry = userEntries.get(form.conceptId);
        if (!entry || form.conceptId === owner) continue;
        const message = () => l10n.t('"{0}" is already a {1} term of "{2}"; hovers on it show "{2}".', form.text, lang, String(owner));
        problems.add(entry.file, () => entryProblem(entry, formPath(entry.concept, lang, form.text, form.preferred), message(), 'warning'));
      }
    }
  }
  for (const entry of userEntries.values()) {
    // An entry written in one language has the same forms in both: each is reported once.
    const common = new Set<string>();
    for (const lang of LANGS) {
      for (const text of [entry.concept[lang].term, ...entry.concept[lang].aliases]) {
        if (isBlankForm(text)) {
          problems.add(entry.file, () => entryProblem(entry, formPath(entry.concept, lang, text, text === entry.concept[lang].term), l10n.t('"{0}" has no letters or digits.', text), 'warning'));
        } else if (isCommonWords(text) && !common.has(text)) {
          common.add(text);
          const message = () => l10n.t('"{0}" is too common a word to name a concept on its own: it is not matched in text or questions. Use a longer term ("feature store", not "store").', text);
          problems.add(entry.file, () => entryProblem(entry, formPath(entry.concept, lang, text, text === entry.concept[lang].term), message(), 'warning'));
        }
      }
    }
  }
}

function formPath(concept: Concept, lang: 'fr' | 'en', text: string, preferred: boolean): Array<string | number> {
  return preferred ? [lang, 'term'] : [lang, 'aliases', concept[lang].aliases.indexOf(text)];
}

function entryProblem(entry: UserEntry, path: Array<string | number>, message: string, severity: 'error' | 'warning'): UserGlossaryProblem {
  return {
    file: entry.file,
    ...entry.locate(findNodeAtLocation(entry.node, path), entry.node),
    message: withId(entry.concept.id, message),
    severity,
  };
}
