/** Messages between the extension host and the renderer that marks terms in notebooks' Markdown cells, both ways. */
import { isConceptId, type Lang } from '../core/glossary/types';

/** The renderer's id, as contributed in package.json (`notebookRenderer`). */
export const NOTEBOOK_RENDERER_ID = 'concept-explainer.markdown-terms';

/** What a tooltip shows of one side of a concept. */
export interface RendererSide {
  readonly term: string;
  readonly definition: string;
}

/**
 * A concept a notebook names, as its renderer needs it: its forms, to find it with the hovers' matcher, and its
 * term and definition in each language, for its tooltip. Nothing else of the glossary is sent.
 */
export interface RendererConcept {
  readonly id: string;
  /** Each term and alias: its language, its text, whether it is the preferred term. */
  readonly forms: ReadonlyArray<readonly [Lang, string, boolean]>;
  readonly fr: RendererSide;
  readonly en: RendererSide;
}

/** Host -> renderer: the concepts of the notebook's Markdown and how to show them (sent again when they change). */
export interface RendererTerms {
  readonly type: 'terms';
  /** `conceptExplainer.preview.enabled`. */
  readonly enabled: boolean;
  /** Whether the notebook is about machine learning (its cells' imports, or the concepts they name). */
  readonly ml: boolean;
  readonly language: 'auto' | Lang;
  readonly uiLang: Lang;
  /** What a click does, in the UI's language. */
  readonly hint: string;
  /** The explanation link without its query: `<scheme>://<extension id>/explain`. */
  readonly linkBase: string;
  readonly concepts: readonly RendererConcept[];
}

/** Renderer -> host: it is loaded and waits for the terms; or a marked term was clicked. */
export type RendererMessage = { readonly type: 'ready' } | { readonly type: 'explain'; readonly id: string; readonly lang?: Lang };

/** Bounds on what a renderer accepts: the concepts of one notebook, each a few hundred characters. */
export const RENDERER_LIMITS = { concepts: 2000, forms: 200, text: 2000 } as const;

/** The link that opens a concept's explanation, from the link without its query. */
export function explainHref(base: string, id: string, lang: Lang): string {
  return `${base}?id=${encodeURIComponent(id)}&lang=${lang}`;
}

const isLang = (value: unknown): value is Lang => value === 'fr' || value === 'en';

/** A message from the renderer, checked; `undefined` for anything else. */
export function parseRendererMessage(value: unknown): RendererMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as { type?: unknown; id?: unknown; lang?: unknown };
  if (message.type === 'ready') return { type: 'ready' };
  if (message.type === 'explain' && isConceptId(message.id)) return { type: 'explain', id: message.id, ...(isLang(message.lang) && { lang: message.lang }) };
  return undefined;
}

/** The host's terms, checked field by field within the limits; `undefined` when they are not well formed. */
export function parseRendererTerms(value: unknown): RendererTerms | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const terms = value as Record<string, unknown>;
  if (terms.type !== 'terms' || !Array.isArray(terms.concepts) || terms.concepts.length > RENDERER_LIMITS.concepts) return undefined;
  if (typeof terms.enabled !== 'boolean' || typeof terms.ml !== 'boolean' || !isLang(terms.uiLang) || !(terms.language === 'auto' || isLang(terms.language))) return undefined;
  if (!isText(terms.hint) || !isText(terms.linkBase)) return undefined;
  const concepts = terms.concepts.map(parseConcept);
  if (concepts.some((concept) => !concept)) return undefined;
  return { type: 'terms', enabled: terms.enabled, ml: terms.ml, language: terms.language, uiLang: terms.uiLang, hint: terms.hint, linkBase: terms.linkBase, concepts: concepts as RendererConcept[] };
}

function parseConcept(value: unknown): RendererConcept | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const concept = value as Record<string, unknown>;
  if (!isConceptId(concept.id) || !Array.isArray(concept.forms) || concept.forms.length > RENDERER_LIMITS.forms) return undefined;
  const fr = parseSide(concept.fr);
  const en = parseSide(concept.en);
  const forms = concept.forms.filter((form): form is [Lang, string, boolean] => Array.isArray(form) && isLang(form[0]) && isText(form[1]) && typeof form[2] === 'boolean');
  if (!fr || !en || forms.length !== concept.forms.length) return undefined;
  return { id: concept.id, forms: forms.map(([lang, text, preferred]) => [lang, text, preferred] as const), fr, en };
}

function parseSide(value: unknown): RendererSide | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { term, definition } = value as { term?: unknown; definition?: unknown };
  return isText(term) && isText(definition) ? { term, definition } : undefined;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length <= RENDERER_LIMITS.text;
}
