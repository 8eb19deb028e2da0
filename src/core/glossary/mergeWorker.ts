/** The worker thread that parses and merges big user glossaries off the extension host's thread. */
import { parentPort, workerData } from 'node:worker_threads';
import { runMergeWorker } from './merge';

runMergeWorker(workerData as Parameters<typeof runMergeWorker>[0], parentPort!);
