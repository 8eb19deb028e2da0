/**
 * Messages between the extension host and the explanation panel's webview, both ways. Shared by both
 * sides so that a change to one is a type error on the other; the host validates what it receives.
 */
import { isConceptId, type Lang } from '../core/glossary/types';

/** A related concept as a link. */
export interface ConceptLink {
  readonly id: string;
  readonly term: string;
}

export interface TitledText {
  readonly title: string;
  readonly text: string;
}

export interface ContrastView {
  readonly concept: ConceptLink;
  readonly text: string;
}

/** Everything the panel shows for one concept, in one language. Text fields are plain text. */
export interface ConceptView {
  readonly id: string;
  /** The content's language. */
  readonly lang: Lang;
  /** The labels' language (category, level, section titles): the UI's. */
  readonly labelsLang: Lang;
  readonly term: string;
  readonly otherTerm: string;
  readonly otherLang: Lang;
  readonly aliases: readonly string[];
  readonly category: string;
  readonly level: string;
  readonly definition: string;
  /** Already rendered by the host's sanitising Markdown renderer (raw HTML is escaped, links filtered). */
  readonly explanationHtml: string;
  /** The explanation's parts (how it works, why it matters...), titled in the UI's language. */
  readonly sections: readonly TitledText[];
  readonly example: string;
  /** Concepts this one is confused with, and what tells them apart. */
  readonly contrasts: readonly ContrastView[];
  /** The heading of the contrasts, in the UI's language. */
  readonly contrastsTitle: string;
  readonly related: readonly ConceptLink[];
  readonly prerequisites: readonly ConceptLink[];
  /** A short path from the basics to this concept, each step a prerequisite of the next. */
  readonly learningPath: readonly ConceptLink[];
  /** Concepts that list this one as a prerequisite. */
  readonly next: readonly ConceptLink[];
  readonly references: readonly string[];
  /** Set for a concept that comes from the user's own glossary file. */
  readonly origin?: ConceptOriginView;
}

export interface ConceptOriginView {
  readonly kind: 'user' | 'override';
  /** The file, as the user would name it (relative to the workspace when inside it). */
  readonly file: string;
  /** Restricted Mode: the entry's Markdown is shown as plain text. */
  readonly plainText: boolean;
}

/** One step of the panel's Back/Forward history. */
export interface HistoryItem {
  readonly label: string;
  readonly index: number;
}

/** Labels of the panel, translated on the host. */
export interface PanelStrings {
  readonly definition: string;
  readonly explanation: string;
  readonly example: string;
  readonly related: string;
  readonly prerequisites: string;
  readonly references: string;
  readonly back: string;
  readonly forward: string;
  readonly follow: string;
  readonly switchLanguage: string;
  readonly notFound: string;
  readonly closest: string;
  readonly noSuggestion: string;
  readonly empty: string;
  readonly askChat: string;
  readonly learningPath: string;
  readonly next: string;
  readonly history: string;
  readonly userConcept: string;
  readonly overriddenConcept: string;
  readonly plainTextNotice: string;
}

export type HostMessage =
  | {
      readonly type: 'showConcept';
      readonly view: ConceptView;
      readonly canGoBack: boolean;
      readonly canGoForward: boolean;
      readonly follow: boolean;
      readonly history: readonly HistoryItem[];
      readonly historyIndex: number;
      readonly strings: PanelStrings;
    }
  | {
      readonly type: 'showNotFound';
      readonly query: string;
      readonly suggestions: readonly ConceptLink[];
      readonly canGoBack: boolean;
      readonly follow: boolean;
      readonly strings: PanelStrings;
    };

export type WebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'openConcept'; readonly id: string }
  | { readonly type: 'back' }
  | { readonly type: 'forward' }
  | { readonly type: 'goToHistory'; readonly index: number }
  | { readonly type: 'setLanguage'; readonly lang: Lang }
  | { readonly type: 'setFollow'; readonly follow: boolean }
  | { readonly type: 'askChat' };


/** Accepts only well-formed messages; anything else from the webview is dropped. */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
    case 'back':
    case 'forward':
    case 'askChat':
      return { type: message.type };
    case 'openConcept':
      return isConceptId(message.id)
        ? { type: 'openConcept', id: message.id }
        : undefined;
    case 'goToHistory':
      return Number.isInteger(message.index) && (message.index as number) >= 0 && (message.index as number) < 1000
        ? { type: 'goToHistory', index: message.index as number }
        : undefined;
    case 'setLanguage':
      return message.lang === 'fr' || message.lang === 'en' ? { type: 'setLanguage', lang: message.lang } : undefined;
    case 'setFollow':
      return typeof message.follow === 'boolean' ? { type: 'setFollow', follow: message.follow } : undefined;
    default:
      return undefined;
  }
}

/** What the webview saves with `setState`, so the panel comes back after a window reload. */
export interface PanelState {
  readonly conceptId?: string;
  readonly lang?: Lang;
}

export function parsePanelState(value: unknown): PanelState {
  if (typeof value !== 'object' || value === null) {
    return {};
  }
  const state = value as Record<string, unknown>;
  return {
    conceptId: isConceptId(state.conceptId) ? state.conceptId : undefined,
    lang: state.lang === 'fr' || state.lang === 'en' ? state.lang : undefined,
  };
}
