import * as vscode from 'vscode';
import type { Glossary } from '../core/glossary/glossary';
import { distinctForms, searchConcepts } from '../core/glossary/search';
import { otherLang, type Concept, type Lang } from '../core/glossary/types';

interface ConceptPickItem extends vscode.QuickPickItem {
  readonly conceptId: string;
}

/**
 * A quick pick over every term and alias in both languages. It filters itself, ignoring case, accents
 * and separators, which VS Code's own filter does not.
 */
export async function pickConcept(glossary: Glossary, lang: Lang, initialQuery = ''): Promise<string | undefined> {
  const quickPick = vscode.window.createQuickPick<ConceptPickItem>();
  quickPick.placeholder = vscode.l10n.t('Search a concept in French or English');
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  // Each concept's item is made once (its forms deduplicated), not again on every keystroke.
  const items = new Map<Concept, ConceptPickItem>();
  const itemOf = (concept: Concept) => {
    let item = items.get(concept);
    if (!item) items.set(concept, (item = pickItem(concept, lang, false)));
    return item;
  };
  let everyConcept: ConceptPickItem[] | undefined;
  const showMatches = (value: string) => {
    const found = searchConcepts(glossary, value);
    quickPick.items = value
      ? found.concepts.map((concept) => ({ ...itemOf(concept), alwaysShow: true }))
      : (everyConcept ??= glossary.concepts.map(itemOf).sort(byLabel));
    // Said plainly when nothing in the glossary is even close.
    quickPick.title = !found.closest ? undefined : found.concepts.length > 0 ? vscode.l10n.t('No concept is written like this; the closest:') : vscode.l10n.t('No concept is written like this, or close to it.');
    // Our own ranking decides which item Enter picks, not VS Code's filter.
    quickPick.activeItems = quickPick.items.slice(0, 1);
  };
  quickPick.value = initialQuery;
  showMatches(initialQuery);
  quickPick.onDidChangeValue(showMatches);
  try {
    return await new Promise<string | undefined>((resolve) => {
      quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]?.conceptId));
      quickPick.onDidHide(() => resolve(undefined));
      quickPick.show();
    });
  } finally {
    quickPick.dispose();
  }
}

function byLabel(a: vscode.QuickPickItem, b: vscode.QuickPickItem): number {
  return a.label.localeCompare(b.label);
}

function pickItem(concept: Concept, lang: Lang, alwaysShow: boolean): ConceptPickItem {
  const other = otherLang(lang);
  const forms = distinctForms([concept[lang].term, concept[other].term, ...concept[lang].aliases, ...concept[other].aliases]);
  return {
    conceptId: concept.id,
    label: concept[lang].term,
    description: forms.slice(1).join(' · '),
    detail: concept[lang].definition,
    alwaysShow,
  };
}
