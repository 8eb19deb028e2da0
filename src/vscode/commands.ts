import * as vscode from 'vscode';
import { Commands, parseShowConceptArgs } from './commandIds';
import { displayLang, writeSetting, type ConfigStore } from './config';
import type { GlossaryService } from './glossaryService';
import type { ExplanationPanelManager, PanelSnapshot } from './panel/explanationPanel';
import { pickConceptInFile } from './conceptsInFile';
import { pickConcept } from './search';
import { selectedText } from './selection';
import { sentenceLanguage } from './sentenceLanguage';

export interface CommandDeps {
  readonly glossary: GlossaryService;
  readonly config: ConfigStore;
  readonly panels: ExplanationPanelManager;
}

/** Registers every contributed command. Commands that open the panel return its snapshot (used by tests). */
export function registerCommands(deps: CommandDeps): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.explainSelection, () => explainSelection(deps)),
    vscode.commands.registerCommand(Commands.searchConcepts, (query?: unknown) => searchConcepts(deps, query)),
    vscode.commands.registerCommand(Commands.showConcept, (args: unknown) => showConcept(deps, args)),
    vscode.commands.registerCommand(Commands.toggleFollowMode, () => toggleFollowMode(deps)),
    vscode.commands.registerCommand(Commands.conceptsInFile, () => pickConceptInFile(deps)),
  );
}

function explainSelection({ glossary, config, panels }: CommandDeps): PanelSnapshot | undefined {
  const editor = vscode.window.activeTextEditor;
  const loaded = glossary.get();
  if (!loaded) {
    return undefined;
  }
  const text = editor && selectedText(editor, loaded, glossary.readingOf(editor.document));
  if (!text) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select a term to explain, for example "self-attention".'));
    return undefined;
  }
  const hit = loaded.find(text);
  if (hit) {
    // The language of the sentence the selection is in, else that of the form selected (see sentenceLanguage).
    panels.showConcept(hit.concept.id, displayLang(config.current, (editor && sentenceLanguage(editor.document, editor.selection)) ?? hit.lang));
  } else {
    panels.showNotFound(text);
  }
  return panels.snapshot;
}

/** `query` pre-fills the search box (for keybindings that search a fixed word). */
async function searchConcepts({ glossary, config, panels }: CommandDeps, query: unknown): Promise<PanelSnapshot | undefined> {
  const loaded = glossary.get();
  const initial = typeof query === 'string' ? query : '';
  const id = loaded && (await pickConcept(loaded, displayLang(config.current), initial));
  if (!id) {
    return undefined;
  }
  panels.showConcept(id);
  return panels.snapshot;
}

function showConcept({ glossary, panels }: CommandDeps, rawArgs: unknown): PanelSnapshot | undefined {
  const args = parseShowConceptArgs(rawArgs);
  if (!args || !glossary.get()?.get(args.id)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Unknown concept: {0}', String(args?.id ?? rawArgs)));
    return undefined;
  }
  panels.showConcept(args.id, args.lang);
  return panels.snapshot;
}

async function toggleFollowMode({ config }: CommandDeps): Promise<boolean> {
  const follow = !config.current.followSelection;
  await writeSetting('panel.followSelection', follow);
  void vscode.window.setStatusBarMessage(
    follow ? vscode.l10n.t('Concept Explainer: the panel follows the selection') : vscode.l10n.t('Concept Explainer: follow mode off'),
    3000,
  );
  return follow;
}
