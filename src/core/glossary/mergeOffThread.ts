import { Worker } from 'node:worker_threads';
import { configureMessages, messageBundle } from '../messages';
import { Glossary, type ConceptOrigin } from './glossary';
import type { Concept, DetailsSource } from './types';
import { mergeUserGlossaries, parseUserGlossary, type MergedGlossary, type ParsedUserGlossary, type UserGlossaryProblem } from './userGlossary';

/** One user file: its text, or the problem that kept it from being read. */
export type MergeInput = { readonly file: string; readonly text: string } | { readonly file: string; readonly problems: readonly UserGlossaryProblem[] };

/** What the worker sends back: plain data, which the host indexes. */
interface MergeResult {
  readonly concepts: readonly Concept[];
  readonly origins: ReadonlyArray<readonly [string, ConceptOrigin]>;
  readonly problems: readonly UserGlossaryProblem[];
}

interface MergeRequest {
  readonly bundled: readonly Concept[];
  readonly inputs: readonly MergeInput[];
  readonly messages: Readonly<Record<string, string>>;
}

/**
 * Above this many characters of user glossaries, parsing and checking them would hold the extension host's
 * thread for more than a few tens of milliseconds (a 2 MB file of 5,000 entries: 100 to 200 ms), so they are
 * parsed and merged in a worker thread, and only the index of the result is built on the host.
 */
export const OFF_THREAD_CHARS = 200_000;
/** A worker that takes longer than this has met something pathological: its files are reported, not waited for. */
const MERGE_TIMEOUT_MS = 30_000;

function parseInputs(inputs: readonly MergeInput[]): ParsedUserGlossary[] {
  return inputs.map((input) => ('text' in input ? parseUserGlossary(input.file, input.text) : { file: input.file, entries: [], problems: input.problems }));
}

/** Parses and merges the user's files on this thread. */
export function mergeHere(bundled: readonly Concept[], inputs: readonly MergeInput[], details?: DetailsSource): MergedGlossary {
  return mergeUserGlossaries(bundled, parseInputs(inputs), details);
}

/** Parses and merges the user's files in a worker (`workerFile`: the bundled mergeWorker.js); the host only indexes the result. */
export async function mergeOffThread(workerFile: string, bundled: readonly Concept[], inputs: readonly MergeInput[], details?: DetailsSource): Promise<MergedGlossary> {
  const request: MergeRequest = { bundled, inputs, messages: messageBundle() };
  const result = await new Promise<MergeResult>((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: request, resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`reading the glossaries took over ${MERGE_TIMEOUT_MS / 1000} s`));
    }, MERGE_TIMEOUT_MS);
    worker.once('message', (message: MergeResult) => {
      clearTimeout(timer);
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    worker.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the glossary worker stopped (exit code ${code})`));
    });
  });
  const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
  return { glossary: await Glossary.sliced(result.concepts, { origins: new Map(result.origins), details }, pause), problems: result.problems };
}

/** The worker's side: parse, check and merge, then send the plain result. */
export function runMergeWorker(request: MergeRequest, send: (result: MergeResult) => void): void {
  configureMessages(request.messages);
  const merged = mergeHere(request.bundled, request.inputs);
  const concepts = merged.glossary.concepts;
  const origins = concepts.flatMap((concept) => {
    const origin = merged.glossary.origin(concept.id);
    return origin ? [[concept.id, origin] as const] : [];
  });
  send({ concepts, origins, problems: merged.problems });
}
