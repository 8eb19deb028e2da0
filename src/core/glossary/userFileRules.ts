import * as l10n from '@vscode/l10n';
import { fileProblem, type UserGlossaryProblem } from './userGlossary';

/**
 * What reading a user glossary file may give, and the problems it reports, whoever reads it: Node's file system on the
 * desktop (userFiles.ts), VS Code's workspace.fs in a browser or a virtual workspace. Free of Node.
 */

/** What reading one user glossary file gave: its text, or a problem that names why it was not read. */
export type UserFileRead = { readonly text: string } | { readonly problem: UserGlossaryProblem } | { readonly missing: true };

export interface UserFileRules {
  /** Files larger than this are not read (the setting `conceptExplainer.glossary.maxFileSizeKB`). */
  readonly maxBytes: number;
  /**
   * In Restricted Mode the folders a file, once its links are followed, must stay inside; undefined: anywhere
   * (a trusted workspace, or the user's own settings).
   */
  readonly confineTo?: readonly string[];
}

function problemAt(file: string, message: string): { problem: UserGlossaryProblem } {
  return { problem: fileProblem(file, message) };
}

/** The problems of a file that was not read, in the words both readers use. */
export const unreadFile = {
  loop: (file: string) => problemAt(file, l10n.t('This file is a loop of symbolic links; it was not read.')),
  failed: (file: string, reason: string) => problemAt(file, l10n.t('This file cannot be read ({0}).', reason)),
  notRegular: (file: string) => problemAt(file, l10n.t('This is not a regular file (a device or a pipe, say); it was not read.')),
  outsideWorkspace: (file: string) =>
    problemAt(file, l10n.t('In Restricted Mode a glossary file cannot lead outside the workspace; this one links to another place and was not read.')),
  tooLarge: (file: string, size: number, maxBytes: number) =>
    problemAt(
      file,
      l10n.t('This file is {0} KB, over the {1} KB of "conceptExplainer.glossary.maxFileSizeKB"; it was not read.', Math.ceil(size / 1024), Math.floor(maxBytes / 1024)),
    ),
};
