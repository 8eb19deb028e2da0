import * as vscode from 'vscode';
import { detectLanguage } from '../core/pipeline/language';
import { definitionOffset, entryIdAt, entryIndexForTerm, entrySkeleton, idsInFile, insertEntry, newConceptId, overrideSkeleton } from '../core/glossary/userGlossaryEdit';
import { Commands } from './commandIds';
import type { Lang } from '../core/glossary/types';
import { displayLang, type ConfigStore } from './config';
import { WORKSPACE_GLOSSARY, type GlossaryService } from './glossaryService';
import { selectedText } from './selection';

export interface UserGlossaryDeps {
  readonly glossary: GlossaryService;
  readonly config: ConfigStore;
}

/** What "Add Selection to My Glossary" did, for tests. */
export interface AddedEntry {
  readonly file: string;
  readonly id: string;
  readonly created: boolean;
  /** What the user was told. */
  readonly message: string;
}

export function registerUserGlossaryCommands(deps: UserGlossaryDeps): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.addToGlossary, () => addSelectionToGlossary(deps)),
    vscode.commands.registerCommand(Commands.openUserGlossary, () => openUserGlossary()),
  );
}

/**
 * Writes an entry skeleton for the selected term in the workspace glossary (creating the file if needed)
 * and opens it with the cursor in the definition. A term the file already has is only shown; a term of the
 * bundled glossary starts as a copy of the bundled entry, which replaces it once edited and saved.
 */
async function addSelectionToGlossary({ glossary, config }: UserGlossaryDeps): Promise<AddedEntry | undefined> {
  const editor = vscode.window.activeTextEditor;
  const loaded = glossary.get();
  const term = editor && loaded ? selectedText(editor, loaded)?.trim() : undefined;
  if (!editor || !term) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select the term to add to your glossary.'));
    return undefined;
  }
  const uri = workspaceGlossaryUri(editor.document.uri);
  if (!uri) {
    return undefined;
  }
  const bundled = loaded?.find(term);
  const lang = termLanguage(editor, bundled?.lang, displayLang(config.current));
  const document = await vscode.workspace.openTextDocument(await ensureFile(uri, ''));
  const text = document.getText();
  const existing = entryIndexForTerm(text, term);
  if (existing !== undefined) {
    await reveal(document, definitionOffset(text, existing, lang));
    const message = vscode.l10n.t('"{0}" is already in your glossary.', term);
    void vscode.window.showInformationMessage(message);
    return { file: uri.fsPath, id: entryIdAt(text, existing) ?? '', created: false, message };
  }
  // A term that is exactly a bundled concept starts as a full copy of it (explanations included).
  const replaces =
    loaded && bundled && bundled.end - bundled.start === term.length && !loaded.origin(bundled.concept.id)
      ? loaded.withDetails(bundled.concept)
      : undefined;
  const id = replaces?.id ?? newConceptId(term, loaded, idsInFile(text));
  const entry = replaces ? overrideSkeleton(replaces) : entrySkeleton(term, id, lang);
  let insertion;
  try {
    insertion = insertEntry(text, entry, lang, indentOf(document));
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot add "{0}" to {1}: {2}', term, vscode.workspace.asRelativePath(uri), (error as Error).message));
    return undefined;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const change of insertion.edits) {
    edit.replace(uri, new vscode.Range(document.positionAt(change.offset), document.positionAt(change.offset + change.length)), change.content);
  }
  await vscode.workspace.applyEdit(edit);
  await document.save();
  await reveal(document, insertion.cursor);
  // Said as it is: the copy is written and saved, and replaces the bundled entry from now on.
  const file = vscode.workspace.asRelativePath(uri);
  const message = replaces
    ? vscode.l10n.t('"{0}" is a bundled concept: a copy of its entry was added to {1} and saved; it replaces the bundled one. Edit it there.', term, file)
    : vscode.l10n.t('"{0}" was added to {1}: write its definition.', term, file);
  void vscode.window.showInformationMessage(message);
  await glossary.reload();
  return { file: uri.fsPath, id, created: true, message };
}

/**
 * The language the selected term is written in: the glossary's when it knows the term, else that of the
 * line around it (« on calcule la dérive chaque nuit »), else the display language.
 */
function termLanguage(editor: vscode.TextEditor, known: Lang | undefined, fallback: Lang): Lang {
  if (known) return known;
  const line = editor.document.lineAt(editor.selection.active.line).text;
  return detectLanguage(line, fallback);
}

/** The glossary file of the folder holding `near` (else the first folder); `undefined`, after saying so, without one. */
function workspaceGlossaryUri(near: vscode.Uri | undefined): vscode.Uri | undefined {
  const folder = (near && vscode.workspace.getWorkspaceFolder(near)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: your glossary is kept in its {0} file.', WORKSPACE_GLOSSARY));
    return undefined;
  }
  return vscode.Uri.joinPath(folder.uri, WORKSPACE_GLOSSARY);
}

/** Creates the file (and its folder) with `initial` if it does not exist; never touches an existing one. */
async function ensureFile(uri: vscode.Uri, initial: string): Promise<vscode.Uri> {
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(initial));
  }
  return uri;
}

async function reveal(document: vscode.TextDocument, offset: number): Promise<void> {
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const position = document.positionAt(offset);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function indentOf(document: vscode.TextDocument): string {
  const options = vscode.window.visibleTextEditors.find((editor) => editor.document === document)?.options;
  return options?.insertSpaces === false ? '\t' : ' '.repeat(typeof options?.tabSize === 'number' ? options.tabSize : 2);
}

/** Opens the workspace glossary, creating an empty array there if it does not exist. */
async function openUserGlossary(): Promise<vscode.Uri | undefined> {
  const uri = workspaceGlossaryUri(vscode.window.activeTextEditor?.document.uri);
  if (!uri) {
    return undefined;
  }
  await vscode.window.showTextDocument(await ensureFile(uri, '[]\n'), { preview: false });
  return uri;
}
