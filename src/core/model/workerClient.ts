import { Worker } from 'node:worker_threads';
import * as l10n from '@vscode/l10n';
import type { GenerateOptions, GenerationResult, Prompt } from './runtime';
import { REQUESTS_WAITING, type FromWorker, type ModelInfo, type ToWorker, type WorkerData, type WorkerMemory } from './workerProtocol';
import { messageBundle } from '../messages';
import { ModelError } from './modelFormat';
import { CancelledError, ModelStateEvents, OneAtATime, untilAborted, WorkerCrashedError, type ModelClient, type ModelState } from './modelClient';

export { CancelledError, WorkerCrashedError, type ModelState } from './modelClient';

export interface WorkerClientOptions {
  /** The bundled worker script (dist/modelWorker.js). */
  readonly workerFile: string;
  readonly modelDir: string;
  readonly wasmDir: string;
  /** The worker, and the model's memory with it, is released after this long without a request. 0: never. */
  readonly idleMs: number;
  readonly warmUp?: WorkerData['warmUp'];
}

/** How long a generation may take to notice Stop before its worker is ended. */
const STOP_GRACE_MS = 1000;

interface Pending {
  readonly requestId: number;
  readonly onText: (text: string, tokens: number) => void;
  resolve(result: GenerationResult): void;
  reject(error: Error): void;
}

interface LiveWorker {
  readonly worker: Worker;
  readonly ready: Promise<ModelInfo>;
}

/**
 * Runs the model in a worker thread: loads it on first use, one generation at a time (later requests
 * wait their turn), cancels within one token, restarts after a crash, and unloads it when idle.
 */
export class WorkerModelClient implements ModelClient {
  private live: LiveWorker | undefined;
  private pending: Pending | undefined;
  private readonly turns = new OneAtATime();
  private nextId = 1;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly cancel = new SharedArrayBuffer(8);
  private readonly slots = new Int32Array(this.cancel);
  private readonly memoryRequests = new Map<number, (memory: WorkerMemory | undefined) => void>();
  private readonly states = new ModelStateEvents();
  info: ModelInfo | undefined;
  readonly thread = 'worker thread';

  constructor(private readonly options: WorkerClientOptions) {}

  get currentState(): ModelState {
    return this.states.current;
  }

  onStateChange(listener: (state: ModelState) => void): () => void {
    return this.states.on(listener);
  }

  /** Queues a generation; it starts when every earlier one has ended. */
  generate(prompt: Prompt, options: GenerateOptions, onText: (text: string, tokens: number) => void, signal?: AbortSignal): Promise<GenerationResult> {
    return this.turns.run(() => this.run(prompt, options, onText, signal));
  }

  /**
   * Loads the model now, without generating, so that the first question does not wait for it (the chat view
   * calls this when it opens). Resolves when the model is ready; a load failure shows on the next question.
   */
  async preload(): Promise<void> {
    if (this.live) return;
    try {
      this.info = await this.start().ready;
    } catch {
      /* reported to the question that needs the model */
    }
  }

  /** The worker's own memory once its model is loaded; undefined when no worker runs (for `bench`). */
  async memory(): Promise<WorkerMemory | undefined> {
    const live = this.live;
    if (!live) return undefined;
    await live.ready;
    const requestId = this.nextId++;
    return new Promise((resolve) => {
      this.memoryRequests.set(requestId, resolve);
      this.post(live, { type: 'memory', requestId });
    });
  }

  /** Stops the worker now; a generation in progress fails. */
  async dispose(): Promise<void> {
    clearTimeout(this.idleTimer);
    const live = this.live;
    this.live = undefined;
    this.failPending(new CancelledError());
    this.states.set('unloaded');
    await live?.worker.terminate();
  }

  private async run(prompt: Prompt, options: GenerateOptions, onText: (text: string, tokens: number) => void, signal?: AbortSignal): Promise<GenerationResult> {
    if (signal?.aborted) throw new CancelledError();
    clearTimeout(this.idleTimer);
    const live = this.live ?? this.start();
    // Stop while the model loads answers at once; the load goes on, for the next question.
    this.info = await untilAborted(live.ready, signal);
    if (signal?.aborted) throw new CancelledError();
    // The load's end may have scheduled an idle release: this request is not idle.
    clearTimeout(this.idleTimer);
    const requestId = this.nextId++;
    this.states.set('generating');
    let grace: ReturnType<typeof setTimeout> | undefined;
    const onAbort = () => {
      Atomics.store(this.slots, 0, requestId);
      // The worker checks the flag between two tokens; a model stuck inside one (a tokenizer that backtracks
      // for ever) is stopped by ending its worker: Stop always answers within a second.
      grace = setTimeout(() => {
        if (this.pending?.requestId !== requestId) return;
        this.failPending(new CancelledError());
        if (this.live === live) this.live = undefined;
        void live.worker.terminate();
        this.states.set('unloaded');
      }, STOP_GRACE_MS);
    };
    signal?.addEventListener('abort', onAbort);
    try {
      return await new Promise<GenerationResult>((resolve, reject) => {
        this.pending = { requestId, onText, resolve, reject };
        this.post(live, { type: 'generate', requestId, prompt, options });
      });
    } finally {
      clearTimeout(grace);
      signal?.removeEventListener('abort', onAbort);
      this.pending = undefined;
      if (this.live === live) {
        this.states.set('ready');
        this.scheduleIdleRelease();
      }
    }
  }

  /** Counts the request as waiting, which stops the worker's warm-up at its next token, and posts it. */
  private post(live: LiveWorker, message: ToWorker): void {
    Atomics.add(this.slots, REQUESTS_WAITING, 1);
    live.worker.postMessage(message);
  }

  private start(): LiveWorker {
    this.states.set('loading');
    Atomics.store(this.slots, REQUESTS_WAITING, 0);
    const workerData: WorkerData = { modelDir: this.options.modelDir, wasmDir: this.options.wasmDir, cancel: this.cancel, warmUp: this.options.warmUp, messages: messageBundle() };
    const worker = new Worker(this.options.workerFile, { workerData });
    const ready = new Promise<ModelInfo>((resolve, reject) => {
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') resolve(message.info);
        else if (message.type === 'loadFailed') reject(new ModelError(message.message));
        else this.receive(message);
      });
      worker.on('error', (error) => reject(new WorkerCrashedError(l10n.t('The model worker failed: {0}', error.message))));
      worker.on('exit', (code) => {
        reject(new WorkerCrashedError(l10n.t('The model worker stopped while loading (exit code {0}).', code)));
        this.onExit(worker, code);
      });
    });
    ready.then(
      () => {
        if (this.live?.worker === worker && this.states.current === 'loading') {
          this.states.set('ready');
          this.scheduleIdleRelease();
        }
      },
      () => this.forget(worker),
    );
    this.live = { worker, ready };
    return this.live;
  }

  private receive(message: FromWorker): void {
    if (message.type === 'memory') {
      this.memoryRequests.get(message.requestId)?.(message.memory);
      this.memoryRequests.delete(message.requestId);
      return;
    }
    const pending = this.pending;
    if (!pending || !('requestId' in message) || message.requestId !== pending.requestId) return;
    if (message.type === 'text') pending.onText(message.text, message.tokens);
    else if (message.type === 'done') pending.resolve(message.result);
    else if (message.type === 'failed') pending.reject(new ModelError(message.message));
  }

  private onExit(worker: Worker, code: number): void {
    if (this.live?.worker !== worker) return;
    this.forget(worker);
    this.failPending(new WorkerCrashedError(l10n.t('The model worker stopped unexpectedly (exit code {0}); it will restart on the next request.', code)));
  }

  private forget(worker: Worker): void {
    for (const resolve of this.memoryRequests.values()) resolve(undefined);
    this.memoryRequests.clear();
    if (this.live?.worker === worker) {
      this.live = undefined;
      this.states.set('unloaded');
    }
  }

  private failPending(error: Error): void {
    this.pending?.reject(error);
    this.pending = undefined;
  }

  private scheduleIdleRelease(): void {
    clearTimeout(this.idleTimer);
    if (this.options.idleMs <= 0) return;
    this.idleTimer = setTimeout(() => void this.dispose(), this.options.idleMs);
    this.idleTimer.unref?.();
  }


  /** For tests: stop the worker as a crash would. */
  simulateCrash(): Promise<number> | undefined {
    return this.live?.worker.terminate();
  }
}
