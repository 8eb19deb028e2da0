import type { Glossary } from '../glossary/glossary';
import { dependentsOf, learningPath } from '../glossary/graph';
import { otherLang, SECTION_NAMES, type Concept, type Lang, type Reference } from '../glossary/types';
import type { ConceptLink, ConceptView } from '../../webviewProtocol/panelMessages';
import { categoryLabel, contrastsLabel, levelLabel, sectionLabel } from './labels';
import { renderMarkdown, renderPlainText } from './markdown';

/** How a concept from a user's file is presented. */
export interface OriginOptions {
  /** The file's name as the user knows it. */
  readonly displayFile: (file: string) => string;
  /** Restricted Mode: show the user's Markdown as plain text. */
  readonly plainText: boolean;
}

/** At most this many "read next" links; a basic concept opens the way to dozens. */
const MAX_NEXT = 8;

/** Builds what the explanation panel shows for a concept in one language. */
export function buildConceptView(glossary: Glossary, indexed: Concept, lang: Lang, options?: OriginOptions): ConceptView {
  const concept = glossary.withDetails(indexed);
  const entry = concept[lang];
  const other = otherLang(lang);
  const origin = glossary.origin(concept.id);
  const plainText = Boolean(origin && options?.plainText);
  return {
    id: concept.id,
    lang,
    term: entry.term,
    otherTerm: concept[other].term,
    otherLang: other,
    aliases: entry.aliases,
    category: categoryLabel(concept.category, lang),
    level: levelLabel(concept.level, lang),
    definition: entry.definition,
    explanationHtml: plainText ? renderPlainText(entry.explanation) : renderMarkdown(entry.explanation),
    sections: SECTION_NAMES.flatMap((name) => {
      const text = entry.sections?.[name];
      return text ? [{ title: sectionLabel(name, lang), text }] : [];
    }),
    example: entry.example,
    contrasts: (concept.contrasts ?? []).flatMap((contrast) => {
      const other = glossary.get(contrast.with);
      return other ? [{ concept: linkTo(other, lang), text: contrast[lang] }] : [];
    }),
    contrastsTitle: contrastsLabel(lang),
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
