import type { ConceptHit, Glossary } from '../glossary/glossary';
import { ML_IMPORT } from './codeTerms';
import { splitPieces } from './normalize';
import { documentZones, isCodeLanguage, type Zone, type ZoneKind } from './prose';
import type { MatchContext } from './rules';

/** A concept found in a document: its line (from 0), its characters within the line, and the zone it is in. */
export interface LocatedHit extends ConceptHit {
  readonly line: number;
  readonly zone: ZoneKind;
}

/** How much of a document the machine-learning test reads: its imports anywhere, its concepts in the first part. */
const ML_IMPORT_CHARS = 400_000;
const ML_CONCEPT_CHARS = 60_000;
/** A document that names this many distinct concepts (glossary terms, not abbreviations) is about machine learning. */
const ML_CONCEPTS = 4;

/**
 * Whether a document is about machine learning: it imports a machine-learning library, or it names several
 * concepts of the glossary by their terms. Where it is not, the field's ambiguous short forms (`lr`, `ln`,
 * `bs`, `kv`) name nothing.
 */
export function isMachineLearningText(glossary: Glossary, text: string): boolean {
  if (ML_IMPORT.test(text.length > ML_IMPORT_CHARS ? text.slice(0, ML_IMPORT_CHARS) : text)) return true;
  const ids = new Set<string>();
  for (const match of glossary.matcher.findAll(text.length > ML_CONCEPT_CHARS ? text.slice(0, ML_CONCEPT_CHARS) : text)) {
    ids.add(match.forms[0]!.conceptId);
    if (ids.size >= ML_CONCEPTS) return true;
  }
  return false;
}

/**
 * One document as hovers read it: its lines, its zones (code, comments, prose, code spans of Markdown) and
 * whether it is about machine learning, computed once. `conceptAt` is what a hover shows; `hits` lists every
 * distinct hover of a range of lines (the `scan` command, "Concepts in this file" and the underlines use it,
 * so they all see exactly what hovers show).
 */
export class DocumentReading {
  private readonly lineStarts: number[] = [0];
  private readonly zones: Zone[];
  readonly codeFile: boolean;
  readonly ml: boolean;
  /** The context of each kind of zone, made once. */
  private readonly contexts: Readonly<Record<ZoneKind, MatchContext>>;

  /** `ml`: whether the document is about machine learning, when its surroundings say so (a notebook's other cells). */
  constructor(
    readonly glossary: Glossary,
    readonly text: string,
    readonly languageId: string,
    options: { ml?: boolean } = {},
  ) {
    for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) this.lineStarts.push(index + 1);
    this.zones = documentZones(text, languageId);
    this.codeFile = isCodeLanguage(languageId);
    this.ml = options.ml ?? isMachineLearningText(glossary, text);
    const context = (kind: ZoneKind): MatchContext => ({ code: kind !== 'prose', codeFile: this.codeFile, ml: this.ml, shell: kind === 'shell' });
    this.contexts = { prose: context('prose'), code: context('code'), shell: context('shell') };
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Where a line ends in the text (without its line break). */
  private lineEnd(line: number): number {
    const start = this.lineStarts[line]!;
    let end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! - 1 : this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The concept a hover at this line and character shows, if any. */
  conceptAt(line: number, character: number): LocatedHit | undefined {
    if (line < 0 || line >= this.lineStarts.length || character < 0) return undefined;
    const lineStart = this.lineStarts[line]!;
    const lineEnd = this.lineEnd(line);
    const offset = lineStart + character;
    if (offset >= lineEnd) return undefined;
    const zone = this.zoneAt(offset);
    const hit = this.glossary.conceptAt(this.text, offset, this.contexts[zone.kind], Math.max(zone.start, lineStart), Math.min(zone.end, lineEnd));
    if (!hit) return undefined;
    const start = hit.start - lineStart;
    const end = hit.end - lineStart;
    return hit.others
      ? { concept: hit.concept, start, end, text: hit.text, lang: hit.lang, others: hit.others, line, zone: zone.kind }
      : { concept: hit.concept, start, end, text: hit.text, lang: hit.lang, line, zone: zone.kind };
  }

  /**
   * Every distinct hover of lines `[from, to)`, in reading order: the hover at each word, once for the words
   * that show the same one.
   */
  hits(from = 0, to = this.lineStarts.length): LocatedHit[] {
    const hits: LocatedHit[] = [];
    for (let line = Math.max(0, from); line < Math.min(to, this.lineStarts.length); line++) {
      const lineStart = this.lineStarts[line]!;
      const lineEnd = this.lineEnd(line);
      let previous: LocatedHit | undefined;
      for (const piece of splitPieces(this.text.slice(lineStart, lineEnd))) {
        const hit = this.conceptAt(line, piece.start);
        if (hit && !(previous && hit.start === previous.start && hit.end === previous.end && hit.concept.id === previous.concept.id)) {
          hits.push(hit);
          previous = hit;
        }
      }
    }
    return hits;
  }

  private zoneAt(offset: number): Zone {
    let low = 0;
    let high = this.zones.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.zones[middle]!.start <= offset) low = middle;
      else high = middle - 1;
    }
    return this.zones[low]!;
  }
}

/** A concept a document uses: how many hovers show it and where the first one is. */
export interface ConceptUse {
  readonly id: string;
  readonly count: number;
  readonly firstLine: number;
}

/** The concepts of a list of hits, in the order the document first names them. */
export function conceptsInOrder(hits: Iterable<Pick<LocatedHit, 'concept' | 'line'>>): ConceptUse[] {
  const uses = new Map<string, { id: string; count: number; firstLine: number }>();
  for (const hit of hits) {
    const use = uses.get(hit.concept.id);
    if (use) use.count++;
    else uses.set(hit.concept.id, { id: hit.concept.id, count: 1, firstLine: hit.line });
  }
  return [...uses.values()];
}
