import type { Glossary } from '../glossary/glossary';
import type { Concept, Lang } from '../glossary/types';
import type { SingleIntent } from './intent';
import { contrastPassage, definitionPassage, MAX_PASSAGES, partPassage, type Passage, type PassagePart } from './prompt';
import type { Understanding } from './understand';
import { sentencesOf } from './language';

/**
 * The part of an entry each intent's answer rests on, besides the definition (training/build_corpus.py,
 * INTENT_PARTS): a "why" gets the entry's own reason, a "how" its mechanism.
 */
export const INTENT_PART: Readonly<Record<SingleIntent, PassagePart | undefined>> = {
  what: 'how',
  define: undefined,
  simple: 'intuition',
  why: 'why',
  how: 'how',
  example: 'example',
  limits: 'limits',
  history: 'history',
  translate: undefined,
};

/** A passage holds a few sentences (the model copies it; the prompt has room for several). */
const MAX_PASSAGE_CHARS = 400;

/**
 * The glossary text of one part of a concept, plain and on one line: a section, the example, or the overview
 * (the explanation's first paragraph, which is all a user's entry without sections has).
 */
export function partText(concept: Concept, lang: Lang, part: PassagePart): string {
  const localized = concept[lang];
  if (part === 'example') return firstSentences(plainText(localized.example));
  if (part === 'overview') return firstSentences(plainText(localized.explanation.split(/\n\s*\n/)[0] ?? ''));
  return firstSentences(localized.sections?.[part] ?? '');
}

/** The passages a question's answer is composed from, most needed first. */
export function passagesFor(understanding: Understanding, glossary: Glossary, lang: Lang): Passage[] {
  const concepts = understanding.concepts.map((concept) => glossary.withDetails(concept));
  switch (understanding.intent) {
    case 'smalltalk':
    case 'ood':
      return [];
    case 'several':
      return concepts.map((concept) => definitionPassage(concept, lang));
    case 'contrast':
      return contrastPassages(concepts, lang);
    default: {
      const passages = singlePassages(concepts, understanding.intent, lang);
      // A follow-up ("and how does it work?") gets the part it asks for: the definition was in an earlier answer.
      return understanding.followUp && passages.length > 1 && passages[0]!.kind !== 'definition' ? passages.slice(0, 1) : passages;
    }
  }
}

function singlePassages(concepts: readonly Concept[], intent: SingleIntent, lang: Lang): Passage[] {
  const [subject, ...others] = concepts;
  if (!subject) return [];
  const wanted = INTENT_PART[intent];
  const definition = definitionPassage(subject, lang);
  const part = wanted && (partText(subject, lang, wanted) ? wanted : intent !== 'example' && partText(subject, lang, 'overview') ? 'overview' : undefined);
  const passage = part && partPassage(subject.id, part, partText(subject, lang, part));
  // In the order the answer uses them: the part asked for first, but "what" (and an entry answered from its
  // overview) starts with the definition (training/build_corpus.py writes the same order).
  const passages = !passage ? [definition] : intent === 'what' || part === 'overview' ? [definition, passage] : [passage, definition];
  // Other concepts the question names come after, as the model was trained to read them: context it may leave out.
  passages.push(...others.map((concept) => definitionPassage(concept, lang)));
  return passages.slice(0, MAX_PASSAGES);
}

function contrastPassages(concepts: readonly Concept[], lang: Lang): Passage[] {
  const [first, second] = concepts;
  if (!first || !second) return [];
  const definitions = [definitionPassage(first, lang), definitionPassage(second, lang)];
  const curated = first.contrasts?.find((contrast) => contrast.with === second.id);
  return curated ? [contrastPassage(first.id, second.id, curated[lang]), ...definitions] : definitions;
}

/** Markdown to plain text: emphasis, code and link marks dropped, the words kept. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(/(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whole sentences up to MAX_PASSAGE_CHARS (at least the first one, cut there if it is longer). */
export function firstSentences(text: string): string {
  const sentences = sentencesOf(text);
  let out = '';
  for (const sentence of sentences) {
    if (out && out.length + 1 + sentence.length > MAX_PASSAGE_CHARS) break;
    out = out ? `${out} ${sentence}` : sentence;
  }
  return out.length > MAX_PASSAGE_CHARS * 1.5 ? `${out.slice(0, MAX_PASSAGE_CHARS).trimEnd()}…` : out;
}
