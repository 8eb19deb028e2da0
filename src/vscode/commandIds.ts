import { isConceptId } from '../core/glossary/types';

/** Command ids, as contributed in package.json. */
export const Commands = {
  explainSelection: 'conceptExplainer.explainSelection',
  searchConcepts: 'conceptExplainer.searchConcepts',
  showConcept: 'conceptExplainer.showConcept',
  toggleFollowMode: 'conceptExplainer.toggleFollowMode',
  openChat: 'conceptExplainer.openChat',
  askAboutSelection: 'conceptExplainer.askAboutSelection',
  askAboutConcept: 'conceptExplainer.askAboutConcept',
  newChat: 'conceptExplainer.newChat',
  stopAnswer: 'conceptExplainer.stopAnswer',
  setServerApiKey: 'conceptExplainer.setServerApiKey',
  pickChatModel: 'conceptExplainer.pickChatModel',
  askInVsCodeChat: 'conceptExplainer.askInVsCodeChat',
  addToGlossary: 'conceptExplainer.addToGlossary',
  openUserGlossary: 'conceptExplainer.openUserGlossary',
  filterTree: 'conceptExplainer.filterTree',
  clearTreeFilter: 'conceptExplainer.clearTreeFilter',
  toggleDecorations: 'conceptExplainer.toggleDecorations',
  conceptsInFile: 'conceptExplainer.conceptsInFile',
} as const;

/** Arguments of `conceptExplainer.showConcept`, as hover links pass them. */
export interface ShowConceptArgs {
  readonly id: string;
  readonly lang?: 'fr' | 'en';
}

export function parseShowConceptArgs(value: unknown): ShowConceptArgs | undefined {
  if (typeof value === 'string') {
    return isConceptId(value) ? { id: value } : undefined;
  }
  if (typeof value !== 'object' || value === null || !isConceptId((value as { id?: unknown }).id)) {
    return undefined;
  }
  const { id, lang } = value as { id: string; lang?: unknown };
  return { id, lang: lang === 'fr' || lang === 'en' ? lang : undefined };
}
