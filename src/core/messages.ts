import * as l10n from '@vscode/l10n';

/** The bundle the core's messages are translated with (English message → translation); empty: English. */
let current: Readonly<Record<string, string>> = {};

/**
 * Sets the language of the core's messages (glossary problems, server and model errors): the extension
 * passes VS Code's bundle, the command line the French bundle under a French locale. The model worker gets
 * the same bundle through its start-up data, since a worker thread has its own module state.
 */
export function configureMessages(bundle: Readonly<Record<string, string>> | undefined): void {
  current = bundle ?? {};
  l10n.config({ contents: { ...current } });
}

export function messageBundle(): Readonly<Record<string, string>> {
  return current;
}
