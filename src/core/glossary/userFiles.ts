import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeUtf8 } from '../text';
import { unreadFile, type UserFileRead, type UserFileRules } from './userFileRules';

export type { UserFileRead, UserFileRules } from './userFileRules';

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
    if (code === 'ELOOP') return unreadFile.loop(file);
    return unreadFile.failed(file, code ?? (error as Error).message);
  }
  if (stat.isDirectory()) return { missing: true };
  if (!stat.isFile()) return unreadFile.notRegular(file);
  if (rules.confineTo && !rules.confineTo.some((folder) => isInside(real, folder))) {
    return unreadFile.outsideWorkspace(file);
  }
  if (stat.size > rules.maxBytes) {
    return unreadFile.tooLarge(file, stat.size, rules.maxBytes);
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
    return unreadFile.failed(file, (error as NodeJS.ErrnoException).code ?? (error as Error).message);
  }
}

export function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
