/** The web worker that parses and merges big user glossaries off a browser's extension host thread. */
import { runMergeWorker, type MergeMessage, type MergeRequest } from '../core/glossary/merge';

const scope = self as unknown as { postMessage(message: MergeMessage): void; onmessage: ((event: MessageEvent<MergeRequest | 'next'>) => void) | null };
const listeners: Array<() => void> = [];
scope.onmessage = (event) => {
  if (event.data === 'next') return listeners.forEach((listener) => listener());
  // The first message is the request; the later ones ask for the next slice.
  runMergeWorker(event.data, { postMessage: (message) => scope.postMessage(message), on: (_event, listener) => listeners.push(listener) });
};
