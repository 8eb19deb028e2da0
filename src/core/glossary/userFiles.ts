import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { decodeUtf8 } from '../text';
import { fileProblem, type UserGlossaryProblem } from './userGlossary';

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

/**
 * Reads a user glossary file from disk, within bounds: a regular file only (not a device such as /dev/zero, not
 * a folder), no larger than the limit, and in Restricted Mode never through a link that leaves the workspace.
 * Every failure is this file's own problem; it never stops the other files.
 */
export async function readUserFile(file: string, rules: UserFileRules): Promise<UserFileRead> {
  let real: string;
  let stat: fs.Stats;
  try {
    real = await fs.promises.realpath(file);
    stat = await fs.promises.stat(real);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { missing: true };
    if (code === 'ELOOP') return problemAt(file, l10n.t('This file is a loop of symbolic links; it was not read.'));
    return problemAt(file, l10n.t('This file cannot be read ({0}).', code ?? (error as Error).message));
  }
  if (stat.isDirectory()) return { missing: true };
  if (!stat.isFile()) return problemAt(file, l10n.t('This is not a regular file (a device or a pipe, say); it was not read.'));
  if (rules.confineTo && !rules.confineTo.some((folder) => isInside(real, folder))) {
    return problemAt(file, l10n.t('In Restricted Mode a glossary file cannot lead outside the workspace; this one links to another place and was not read.'));
  }
  if (stat.size > rules.maxBytes) {
    return problemAt(file, l10n.t('This file is {0} KB, over the {1} KB of "conceptExplainer.glossary.maxFileSizeKB"; it was not read.', Math.ceil(stat.size / 1024), Math.floor(rules.maxBytes / 1024)));
  }
  try {
    const handle = await fs.promises.open(real, 'r');
    try {
      // Read no more than the limit, even if the file grew since it was measured.
      const buffer = Buffer.alloc(Math.min(stat.size, rules.maxBytes));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      return { text: decodeUtf8(buffer.subarray(0, bytesRead)) };
    } finally {
      await handle.close();
    }
  } catch (error) {
    return problemAt(file, l10n.t('This file cannot be read ({0}).', (error as NodeJS.ErrnoException).code ?? (error as Error).message));
  }
}

export function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
