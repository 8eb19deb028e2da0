import { Worker } from 'node:worker_threads';
import type { Concept, DetailsSource } from './types';
import type { MergedGlossary } from './userGlossary';
import { mergeInWorker, type MergeInput, type MergeMessage, type MergeWorker, type MergeRequest, type MergeWorkerEvents } from './merge';

// The merge itself is Node-free (merge.ts); this module runs it in a Node worker thread.
export { mergeHere, OFF_THREAD_CHARS, runMergeWorker, type MergeInput } from './merge';

/** Starts the bundled mergeWorker.js in a worker thread. */
function startWorkerThread(workerFile: string, request: MergeRequest, events: MergeWorkerEvents): MergeWorker {
  const worker = new Worker(workerFile, { workerData: request, resourceLimits: { maxOldGenerationSizeMb: 1024 } });
  worker.on('message', (message: MergeMessage) => events.message(message));
  worker.once('error', (error) => events.failed(error));
  worker.once('exit', (code) => events.failed(new Error(`the glossary worker stopped (exit code ${code})`)));
  return {
    next: () => worker.postMessage('next'),
    stop: () => {
      worker.removeAllListeners();
      worker.on('error', () => {}); // whatever it says while it stops has been answered already
      void worker.terminate();
    },
  };
}

/** Parses and merges the user's files in a worker thread (`workerFile`: the bundled mergeWorker.js); the host only indexes the result. */
export function mergeOffThread(workerFile: string, bundled: readonly Concept[], inputs: readonly MergeInput[], details?: DetailsSource): Promise<MergedGlossary> {
  return mergeInWorker((request, events) => startWorkerThread(workerFile, request, events), bundled, inputs, details);
}
