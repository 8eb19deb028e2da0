import type { Glossary } from '../glossary/glossary';
import type { Concept, Lang, Reference } from '../glossary/types';
import type { ConceptLink, ConceptView } from '../../shared/panelMessages';
import { renderMarkdown } from './markdown';

export function otherLang(lang: Lang): Lang {
  return lang === 'fr' ? 'en' : 'fr';
}

/** Builds what the explanation panel shows for a concept in one language. */
export function buildConceptView(glossary: Glossary, concept: Concept, lang: Lang): ConceptView {
  const entry = concept[lang];
  const other = otherLang(lang);
  return {
    id: concept.id,
    lang,
    term: entry.term,
    otherTerm: concept[other].term,
    otherLang: other,
    aliases: entry.aliases,
    category: concept.category,
    level: concept.level,
    definition: entry.definition,
    explanationHtml: renderMarkdown(entry.explanation),
    example: entry.example,
    related: links(glossary, concept.related, lang),
    prerequisites: links(glossary, concept.prerequisites ?? [], lang),
    references: (concept.references ?? []).map(formatReference),
  };
}

export function links(glossary: Glossary, ids: readonly string[], lang: Lang): ConceptLink[] {
  return ids.flatMap((id) => {
    const target = glossary.get(id);
    return target ? [{ id, term: target[lang].term }] : [];
  });
}

/** `Vaswani, Shazeer, Parmar et al. (2017). Attention Is All You Need.` */
export function formatReference(reference: Reference): string {
  return `${reference.authors.join(', ')} (${reference.year}). ${reference.title}.`;
}
