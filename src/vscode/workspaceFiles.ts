import * as vscode from 'vscode';
import { decodeUtf8 } from '../core/text';
import { unreadFile, type UserFileRead, type UserFileRules } from '../core/glossary/userFileRules';

/**
 * Reads a user glossary file through VS Code's file system API (a browser's workspace, a virtual workspace), within
 * the bounds the desktop's Node reader keeps: a file only, no larger than the limit, and in Restricted Mode inside the
 * workspace folders (`rules.confineTo`: their URI paths). workspace.fs cannot say where a symbolic link leads, so in
 * Restricted Mode a link is not read at all.
 */
export async function readUserFileThroughFs(uri: vscode.Uri, rules: UserFileRules): Promise<UserFileRead> {
  const file = uri.fsPath;
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(uri);
  } catch (error) {
    return whenUnread(file, error);
  }
  if (stat.type & vscode.FileType.Directory) return { missing: true };
  if (!(stat.type & vscode.FileType.File)) return unreadFile.notRegular(file);
  if (rules.confineTo && (stat.type & vscode.FileType.SymbolicLink || !rules.confineTo.some((folder) => isInsidePath(uri.path, folder)))) {
    return unreadFile.outsideWorkspace(file);
  }
  if (stat.size > rules.maxBytes) return unreadFile.tooLarge(file, stat.size, rules.maxBytes);
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    // No more than the limit, even if the file grew since it was measured.
    return { text: decodeUtf8(bytes.subarray(0, rules.maxBytes)) };
  } catch (error) {
    return whenUnread(file, error);
  }
}

function whenUnread(file: string, error: unknown): UserFileRead {
  if (error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'FileIsADirectory')) return { missing: true };
  return unreadFile.failed(file, error instanceof vscode.FileSystemError ? error.code : (error as Error).message);
}

/** Whether a URI path lies in a folder's (both `/`-separated, as URI paths always are). */
export function isInsidePath(path: string, folder: string): boolean {
  const base = folder.endsWith('/') ? folder : `${folder}/`;
  return path === folder || path.startsWith(base);
}
