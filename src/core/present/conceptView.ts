import type { Glossary } from '../glossary/glossary';
import { dependentsOf, learningPath } from '../glossary/graph';
import { otherLang, SECTION_NAMES, type Concept, type Lang, type Reference } from '../glossary/types';
import type { ConceptLink, ConceptView } from '../../webviewProtocol/panelMessages';
import { categoryLabel, contrastsLabel, levelLabel, sectionLabel, stepLabel } from './labels';
import { renderMarkdown, renderPlainText } from './markdown';
import { typeset } from '../pipeline/phrasing';

/** How a concept from a user's file is presented, and in which language the panel's labels are. */
export interface OriginOptions {
  /** The language of the labels (category, level, section titles): the UI's; the content is in `lang`. */
  readonly labelsLang?: Lang;
  /** The file's name as the user knows it. */
  readonly displayFile: (file: string) => string;
  /** Restricted Mode: show the user's Markdown as plain text. */
  readonly plainText: boolean;
}

/** At most this many "read next" links; a basic concept opens the way to dozens. */
const MAX_NEXT = 8;

/**
 * The panel renders this much of an explanation (a bundled one is under 800 characters): Markdown rendering is
 * linear but not cheap, and a user's explanation of 313 KB held the host most of a second each time it showed.
 */
const MAX_EXPLANATION_CHARS = 20_000;

function shownPart(explanation: string): string {
  return explanation.length > MAX_EXPLANATION_CHARS ? `${explanation.slice(0, MAX_EXPLANATION_CHARS)}…` : explanation;
}

/** Builds what the explanation panel shows for a concept in one language. */
export function buildConceptView(glossary: Glossary, indexed: Concept, lang: Lang, options?: OriginOptions): ConceptView {
  const concept = glossary.withDetails(indexed);
  const entry = concept[lang];
  const other = otherLang(lang);
  const origin = glossary.origin(concept.id);
  const plainText = Boolean(origin && options?.plainText);
  // Labels follow the UI's language, only the content the concept's: no DEFINITION beside « À NE PAS CONFONDRE AVEC ».
  const labels = options?.labelsLang ?? lang;
  const text = (value: string) => typeset(value, lang);
  return {
    id: concept.id,
    lang,
    labelsLang: labels,
    term: entry.term,
    otherTerm: concept[other].term,
    otherLang: other,
    aliases: entry.aliases,
    category: categoryLabel(concept.category, labels),
    level: levelLabel(concept.level, labels),
    definition: text(entry.definition),
    explanationHtml: plainText ? renderPlainText(text(shownPart(entry.explanation))) : renderMarkdown(text(shownPart(entry.explanation))),
    sections: [
      ...SECTION_NAMES.flatMap((name) => {
        const section = entry.sections?.[name];
        return section ? [{ title: sectionLabel(name, labels), text: text(section) }] : [];
      }),
      // What to do about it in a project of one's own, after what it is.
      ...(entry.step ? [{ title: stepLabel(labels), text: text(entry.step) }] : []),
    ],
    example: text(entry.example),
    contrasts: (concept.contrasts ?? []).flatMap((contrast) => {
      const other = glossary.get(contrast.with);
      return other ? [{ concept: linkTo(other, lang), text: text(contrast[lang]) }] : [];
    }),
    contrastsTitle: contrastsLabel(labels),
    related: links(glossary, concept.related, lang),
    prerequisites: links(glossary, concept.prerequisites ?? [], lang),
    learningPath: learningPath(glossary, concept.id).map((step) => linkTo(step, lang)),
    next: dependentsOf(glossary, concept.id)
      .slice(0, MAX_NEXT)
      .map((step) => linkTo(step, lang)),
    references: (concept.references ?? []).map(formatReference),
    ...(origin && { origin: { kind: origin.kind, file: options?.displayFile(origin.file) ?? origin.file, plainText } }),
  };
}

export function links(glossary: Glossary, ids: readonly string[], lang: Lang): ConceptLink[] {
  return ids.flatMap((id) => {
    const target = glossary.get(id);
    return target ? [linkTo(target, lang)] : [];
  });
}

function linkTo(concept: Concept, lang: Lang): ConceptLink {
  return { id: concept.id, term: concept[lang].term };
}

/** `Vaswani, Shazeer, Parmar et al. (2017). Attention Is All You Need.` */
export function formatReference(reference: Reference): string {
  return `${reference.authors.join(', ')} (${reference.year}). ${reference.title}.`;
}
