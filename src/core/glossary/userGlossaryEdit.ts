import { applyEdits, findNodeAtLocation, parseTree, type Edit, type Node, type ParseError } from 'jsonc-parser';
import { normalizeTerm } from '../matching/normalize';
import type { Glossary } from './glossary';
import type { Concept, Lang } from './types';
import { nestingDepth, USER_GLOSSARY_LIMITS } from './userGlossary';

/** A new entry to write, and where its definition is (to put the cursor there). */
export interface EntryInsertion {
  readonly edits: Edit[];
  /** The file once edited. */
  readonly text: string;
  /** Offset of the first character inside the new entry's definition string, in `text`. */
  readonly cursor: number;
}

/**
 * What "Add Selection to My Glossary" writes for a term the glossary does not know: the term in its own
 * language only (a draft until its definition is written; the other language may be added, or left to show
 * the same text).
 */
export function entrySkeleton(term: string, id: string, lang: Lang): Record<string, unknown> {
  return { id, category: 'foundations', level: 'beginner', [lang]: { term, aliases: [], definition: '', explanation: '' }, related: [] };
}

/**
 * For a bundled concept: a copy of its entry under the same id, which replaces it once saved. The curated
 * contrasts are not part of an entry (they live in their own files), so they stay out, and so does the bundled
 * file's `$schema` (`../concept.schema.json` exists only beside the bundled glossary; VS Code checks users'
 * files with the schema the extension contributes for them).
 */
export function overrideSkeleton(concept: Concept): Record<string, unknown> {
  const entry = JSON.parse(JSON.stringify(concept)) as Record<string, unknown>;
  delete entry.contrasts;
  delete entry.$schema;
  return entry;
}

/** A lowercase hyphenated id for a term, not yet used by the glossary (`Feature Store` → `feature-store`). */
export function newConceptId(term: string, glossary: Glossary | undefined, taken: ReadonlySet<string> = new Set()): string {
  const base =
    term
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'concept';
  let id = base;
  for (let suffix = 2; glossary?.get(id) || taken.has(id); suffix++) id = `${base}-${suffix}`;
  return id;
}

/**
 * The syntax tree of a glossary file; none for a file nested deeper than a glossary ever is, which the parser,
 * a recursion, could not read without overflowing the stack (a 10,000-deep file and *Add Selection to My
 * Glossary* threw a RangeError). The Problems panel already says what is wrong with such a file.
 */
function treeOf(text: string, errors?: ParseError[]): Node | undefined {
  if (nestingDepth(text) > USER_GLOSSARY_LIMITS.depth) return undefined;
  return parseTree(text, errors, { allowTrailingComma: true });
}

/** The entry nodes of a glossary file: the items of its array, or its one concept. */
function entryNodes(text: string): Node[] {
  const root = treeOf(text);
  return root?.type === 'array' ? (root.children ?? []) : root ? [root] : [];
}

function stringAt(entry: Node | undefined, path: Array<string | number>): string | undefined {
  const value = entry && findNodeAtLocation(entry, path)?.value;
  return typeof value === 'string' ? value : undefined;
}

/** The id written in the entry at `index` of a glossary file, if any. */
export function entryIdAt(text: string, index: number): string | undefined {
  return stringAt(entryNodes(text)[index], ['id']);
}

/** Ids already written in a glossary file, valid entries or not. */
export function idsInFile(text: string): Set<string> {
  return new Set(entryNodes(text).flatMap((entry) => stringAt(entry, ['id']) ?? []));
}

/** The index of the entry of a file that names this term (as term or alias, in either language), if any. */
export function entryIndexForTerm(text: string, term: string): number | undefined {
  const key = normalizeTerm(term);
  const index = entryNodes(text).findIndex((entry) =>
    (['fr', 'en'] as const).some((lang) => {
      const aliases = findNodeAtLocation(entry, [lang, 'aliases'])?.children ?? [];
      const forms = [stringAt(entry, [lang, 'term']), ...aliases.map((node) => node.value as unknown)];
      return forms.some((form) => typeof form === 'string' && normalizeTerm(form) === key);
    }),
  );
  return index >= 0 ? index : undefined;
}

/** Offset just inside the definition string of an entry, for the cursor. */
export function definitionOffset(text: string, index: number | undefined, lang: Lang): number {
  const entry = entryNodes(text)[index ?? 0];
  const definition = entry && findNodeAtLocation(entry, [lang, 'definition']);
  return definition ? definition.offset + 1 : (entry?.offset ?? 0);
}

/**
 * Appends an entry to a glossary file with the smallest edits: what the user wrote is never reformatted.
 * A file holding a single concept becomes an array around it. Refuses a file that is not valid JSON,
 * where an edit could land in the wrong place.
 */
export function insertEntry(text: string, entry: Record<string, unknown>, lang: Lang, indent = '  '): EntryInsertion {
  const errors: ParseError[] = [];
  if (nestingDepth(text) > USER_GLOSSARY_LIMITS.depth) {
    throw new Error(`the file nests values more than ${USER_GLOSSARY_LIMITS.depth} levels deep; fix the problem shown in the Problems panel first`);
  }
  const root = text.trim() ? treeOf(text, errors) : undefined;
  if (errors.length > 0) {
    throw new Error('the file is not valid JSON; fix the errors shown in the Problems panel first');
  }
  if (!root) {
    const fresh = `[\n${indentBlock(JSON.stringify(entry, null, indent), indent)}\n]\n`;
    return { edits: [{ offset: 0, length: text.length, content: fresh }], text: fresh, cursor: definitionOffset(fresh, 0, lang) };
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const added = indentBlock(JSON.stringify(entry, null, indent), indent).replace(/\n/g, eol);
  // Hand-made edits rather than a formatter's: a formatter would also reformat the neighbouring entry.
  if (root.type === 'array') {
    const children = root.children ?? [];
    const last = children[children.length - 1];
    const edits: Edit[] = last
      ? [{ offset: last.offset + last.length, length: 0, content: `,${eol}${added}` }]
      : [{ offset: root.offset + 1, length: 0, content: `${eol}${added}${eol}` }];
    const edited = applyEdits(text, edits);
    return { edits, text: edited, cursor: definitionOffset(edited, children.length, lang) };
  }
  if (root.type === 'object') {
    const end = root.offset + root.length;
    const edits: Edit[] = [
      { offset: root.offset, length: 0, content: `[${eol}` },
      { offset: end, length: 0, content: `,${eol}${added}${eol}]` },
    ];
    const edited = applyEdits(text, edits);
    return { edits, text: edited, cursor: definitionOffset(edited, 1, lang) };
  }
  throw new Error('the file holds neither a concept nor an array of concepts');
}

function indentBlock(block: string, indent: string): string {
  return block
    .split('\n')
    .map((line) => indent + line)
    .join('\n');
}
