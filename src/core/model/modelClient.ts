import type { GenerateOptions, GenerationResult, Prompt } from './runtime';
import type { ModelInfo } from './workerProtocol';

/** Where the model stands, for the status bar and the chat view. */
export type ModelState = 'unloaded' | 'loading' | 'ready' | 'generating';

/** Where the model runs: a Node worker thread (the desktop), a web worker, or the web extension host's own thread. */
export type ModelThread = 'worker thread' | 'web worker' | 'extension host';

/** The request failed because the model's worker died; the next request starts a new one. */
export class WorkerCrashedError extends Error {}

/** The request was stopped by its AbortSignal. */
export class CancelledError extends Error {
  constructor() {
    super('The request was cancelled.');
  }
}

/**
 * The model as the extension uses it, whichever thread runs it: a Node worker thread on the desktop
 * (workerClient.ts), a web worker or the web extension host itself in a browser (src/web/modelClient.ts). Loads on
 * first use, one generation at a time (later requests wait their turn), Stop within one token, unloads when idle.
 */
export interface ModelClient {
  readonly currentState: ModelState;
  /** The loaded model's shape and load time, once loaded. */
  readonly info: ModelInfo | undefined;
  /** Where the model runs (or last ran); undefined before it first starts. */
  readonly thread: ModelThread | undefined;
  onStateChange(listener: (state: ModelState) => void): () => void;
  /** Queues a generation; it starts when every earlier one has ended. */
  generate(prompt: Prompt, options: GenerateOptions, onText: (text: string, tokens: number) => void, signal?: AbortSignal): Promise<GenerationResult>;
  /** Loads the model now, without generating; a load failure shows on the next question. */
  preload(): Promise<void>;
  /** Releases the model now; a generation in progress fails. */
  dispose(): Promise<void>;
}

/** The promise's value, or a CancelledError as soon as the signal aborts. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new CancelledError());
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** A model client's state and those who follow it (the status bar, the chat view): each change told once. */
export class ModelStateEvents {
  private state: ModelState = 'unloaded';
  private readonly listeners = new Set<(state: ModelState) => void>();

  get current(): ModelState {
    return this.state;
  }

  on(listener: (state: ModelState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  set(state: ModelState): void {
    if (state === this.state) return;
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}

/** Runs generations one at a time, in the order asked; one that fails does not hold back the next. */
export class OneAtATime {
  private queue: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
