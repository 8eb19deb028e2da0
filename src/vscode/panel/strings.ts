import * as vscode from 'vscode';
import type { PanelStrings } from '../../webviewProtocol/panelMessages';

/** The panel's labels in VS Code's display language; the webview has no l10n of its own. */
export function panelStrings(): PanelStrings {
  return {
    definition: vscode.l10n.t('Definition'),
    explanation: vscode.l10n.t('Explanation'),
    example: vscode.l10n.t('Example'),
    related: vscode.l10n.t('Related concepts'),
    prerequisites: vscode.l10n.t('Learn first'),
    references: vscode.l10n.t('References'),
    back: vscode.l10n.t('Back'),
    forward: vscode.l10n.t('Forward'),
    follow: vscode.l10n.t('Follow the selection'),
    switchLanguage: vscode.l10n.t('Switch language'),
    notFound: vscode.l10n.t('No concept in the glossary matches "{0}"'),
    closest: vscode.l10n.t('Closest concepts:'),
    noSuggestion: vscode.l10n.t('No close concept either. Try "Search Concepts".'),
    empty: vscode.l10n.t('Select a term and run "Explain Selection".'),
    askChat: vscode.l10n.t('Ask the chat'),
    learningPath: vscode.l10n.t('Path from the basics'),
    next: vscode.l10n.t('Read next'),
    history: vscode.l10n.t('Visited'),
    userConcept: vscode.l10n.t('From your glossary: {0}'),
    overriddenConcept: vscode.l10n.t('Replaced by your glossary: {0}'),
    plainTextNotice: vscode.l10n.t('Restricted Mode: this workspace glossary entry is read as data only and shown as plain text.'),
  };
}
