import { configureMessages, messageBundle } from '../messages';
import { nextTurn } from '../slices';
import { Glossary, type ConceptOrigin } from './glossary';
import type { Concept, DetailsSource } from './types';
import { mergeUserGlossaries, parseUserGlossary, type MergedGlossary, type ParsedUserGlossary, type UserGlossaryProblem } from './userGlossary';

/** One user file: its text, or the problem that kept it from being read. */
export type MergeInput = { readonly file: string; readonly text: string } | { readonly file: string; readonly problems: readonly UserGlossaryProblem[] };

/**
 * What the worker sends back, a message at a time, each when the host asks for it: the merged concepts in
 * slices (a bundled concept left as it is comes back as its id alone), then the origins and the problems.
 * One message of 5,000 concepts took the host 45 to 100 ms to receive; a slice takes a few.
 */
export type MergeMessage =
  | { readonly type: 'concepts'; readonly concepts: ReadonlyArray<Concept | string> }
  | { readonly type: 'done'; readonly origins: ReadonlyArray<readonly [string, ConceptOrigin]>; readonly problems: readonly UserGlossaryProblem[] };

export interface MergeRequest {
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
export const MERGE_TIMEOUT_MS = 30_000;

function parseInputs(inputs: readonly MergeInput[]): ParsedUserGlossary[] {
  return inputs.map((input) => ('text' in input ? parseUserGlossary(input.file, input.text) : { file: input.file, entries: [], problems: input.problems }));
}

/** Parses and merges the user's files on this thread. */
export function mergeHere(bundled: readonly Concept[], inputs: readonly MergeInput[], details?: DetailsSource): MergedGlossary {
  return mergeUserGlossaries(bundled, parseInputs(inputs), details);
}

/** Concepts per message from the worker: a few milliseconds of the host's time to receive. */
const CONCEPTS_PER_MESSAGE = 400;

/**
 * A worker that merges (a Node worker thread, or a browser's web worker): it sends MergeMessages, and a slice at a
 * time when asked with `next()`.
 */
export interface MergeWorker {
  next(): void;
  /** Stops the worker; whatever it says afterwards is ignored. */
  stop(): void;
}

/** What a merge worker is started with: where its messages and its failure go. */
export interface MergeWorkerEvents {
  message(message: MergeMessage): void;
  failed(error: Error): void;
}

/** The request a merge worker is started with: the concepts, the files' text and the translations of the messages. */
export function mergeRequest(bundled: readonly Concept[], inputs: readonly MergeInput[]): MergeRequest {
  return { bundled, inputs, messages: messageBundle() };
}

/** Parses and merges the user's files in a worker that `start` starts; the host only indexes the result. */
export async function mergeInWorker(start: (request: MergeRequest, events: MergeWorkerEvents) => MergeWorker, bundled: readonly Concept[], inputs: readonly MergeInput[], details?: DetailsSource): Promise<MergedGlossary> {
  const bundledById = new Map(bundled.map((concept) => [concept.id, concept]));
  const concepts: Concept[] = [];
  const done = await new Promise<Extract<MergeMessage, { type: 'done' }>>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.stop();
      outcome();
    };
    const worker: MergeWorker = start(mergeRequest(bundled, inputs), {
      message: (message) => {
        if (settled) return;
        if (message.type === 'done') return finish(() => resolve(message));
        for (const concept of message.concepts) concepts.push(typeof concept === 'string' ? bundledById.get(concept)! : concept);
        // The next slice only once other work has had its turn.
        void nextTurn().then(() => worker.next());
      },
      failed: (error) => finish(() => reject(error)),
    });
    // Workers answer asynchronously: `finish` never runs before this line.
    const timer = setTimeout(() => finish(() => reject(new Error(`reading the glossaries took over ${MERGE_TIMEOUT_MS / 1000} s`))), MERGE_TIMEOUT_MS);
  });
  // Receiving the last message was this turn's work; the index is built from the next one.
  await nextTurn();
  const glossary = await Glossary.sliced(concepts, { origins: new Map(done.origins), details }, nextTurn);
  // Search's index too: built at the first keystroke, it held the thread some 50 ms at the size cap.
  await glossary.prepareSearch(nextTurn);
  return { glossary, problems: done.problems };
}

/** The worker's side: parse, check and merge, then send the result a slice at a time, each when asked. */
export function runMergeWorker(request: MergeRequest, port: { postMessage(message: MergeMessage): void; on(event: 'message', listener: () => void): void }): void {
  configureMessages(request.messages);
  const merged = mergeHere(request.bundled, request.inputs);
  const bundled = new Set(request.bundled);
  const concepts = merged.glossary.concepts.map((concept) => (bundled.has(concept) ? concept.id : concept));
  const origins = merged.glossary.concepts.flatMap((concept) => {
    const origin = merged.glossary.origin(concept.id);
    return origin ? [[concept.id, origin] as const] : [];
  });
  let sent = 0;
  const sendNext = () => {
    if (sent >= concepts.length) return port.postMessage({ type: 'done', origins, problems: merged.problems });
    port.postMessage({ type: 'concepts', concepts: concepts.slice(sent, sent + CONCEPTS_PER_MESSAGE) });
    sent += CONCEPTS_PER_MESSAGE;
  };
  port.on('message', sendNext);
  sendNext();
}
