import * as l10n from '@vscode/l10n';
import { CancelledError, ModelStateEvents, OneAtATime, untilAborted, WorkerCrashedError, type ModelClient, type ModelState, type ModelThread } from '../core/model/modelClient';
import { ModelError } from '../core/model/modelFormat';
import type { GenerateOptions, GenerationResult, Prompt } from '../core/model/runtime';
import type { ModelInfo } from '../core/model/workerProtocol';
import type { FromWebModel, ModelBytes, ToWebModel } from './modelProtocol';
import { ModelServer } from './modelServer';

/** The way to the model: a web worker, or a ModelServer on the extension host's own thread. */
interface Endpoint {
  readonly thread: Extract<ModelThread, 'web worker' | 'extension host'>;
  post(message: ToWebModel): void;
  end(): void;
}

/** What the client needs of the model's web worker (webHost.ts adapts a browser's Worker to it). */
export interface ModelWorker {
  post(message: ToWebModel): void;
  terminate(): void;
  /** Where the worker's messages go, and its failure (an uncaught error, a script that cannot load). */
  listen(onMessage: (message: FromWebModel) => void, onError: (message: string) => void): void;
}

export interface WebModelClientOptions {
  /** Reads the model's files and the WebAssembly runtime (the extension host reads them: a worker cannot). */
  readonly readModel: () => Promise<ModelBytes>;
  /** Starts the model's web worker, or undefined where the extension host cannot start one. */
  readonly startWorker: () => Promise<ModelWorker | undefined>;
  /** The model is released after this long without a request. 0: never. */
  readonly idleMs: number;
}

/** How long a generation may take to notice Stop before it is given up (its worker ended, where it has one). */
const STOP_GRACE_MS = 1000;

interface Pending {
  readonly requestId: number;
  readonly onText: (text: string, tokens: number) => void;
  resolve(result: GenerationResult): void;
  reject(error: Error): void;
}

interface Live {
  readonly endpoint: Promise<Endpoint>;
  readonly ready: Promise<ModelInfo>;
}

/**
 * The model in a browser: in a web worker where the extension host can start one, else on the extension host's own
 * thread, where it lets the event loop turn before each token (see yieldingOrt), so that other extensions keep
 * running. Loads on first use, one generation at a time, Stop within one token, released when idle.
 */
export class WebModelClient implements ModelClient {
  private live: Live | undefined;
  private pending: Pending | undefined;
  private readonly turns = new OneAtATime();
  private nextId = 1;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly states = new ModelStateEvents();
  info: ModelInfo | undefined;
  thread: ModelThread | undefined;

  constructor(private readonly options: WebModelClientOptions) {}

  get currentState(): ModelState {
    return this.states.current;
  }

  onStateChange(listener: (state: ModelState) => void): () => void {
    return this.states.on(listener);
  }

  generate(prompt: Prompt, options: GenerateOptions, onText: (text: string, tokens: number) => void, signal?: AbortSignal): Promise<GenerationResult> {
    return this.turns.run(() => this.run(prompt, options, onText, signal));
  }

  async preload(): Promise<void> {
    if (this.live) return;
    try {
      this.info = await this.start().ready;
    } catch {
      /* reported to the question that needs the model */
    }
  }

  async dispose(): Promise<void> {
    clearTimeout(this.idleTimer);
    const live = this.live;
    this.live = undefined;
    this.pending?.reject(new CancelledError());
    this.pending = undefined;
    this.states.set('unloaded');
    (await live?.endpoint.catch(() => undefined))?.end();
  }

  private async run(prompt: Prompt, options: GenerateOptions, onText: (text: string, tokens: number) => void, signal?: AbortSignal): Promise<GenerationResult> {
    if (signal?.aborted) throw new CancelledError();
    clearTimeout(this.idleTimer);
    const live = this.live ?? this.start();
    this.info = await untilAborted(live.ready, signal);
    if (signal?.aborted) throw new CancelledError();
    clearTimeout(this.idleTimer);
    const endpoint = await live.endpoint;
    const requestId = this.nextId++;
    this.states.set('generating');
    let grace: ReturnType<typeof setTimeout> | undefined;
    const onAbort = () => {
      endpoint.post({ type: 'cancel', requestId });
      grace = setTimeout(() => this.giveUp(live, endpoint, requestId), STOP_GRACE_MS);
    };
    signal?.addEventListener('abort', onAbort);
    try {
      return await new Promise<GenerationResult>((resolve, reject) => {
        this.pending = { requestId, onText, resolve, reject };
        endpoint.post({ type: 'generate', requestId, prompt, options });
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

  /**
   * A generation that did not notice Stop within the grace time (stuck inside one token): it is answered as cancelled
   * now; a worker is ended, while the extension host's own thread cannot be, so there the model finishes its token.
   */
  private giveUp(live: Live, endpoint: Endpoint, requestId: number): void {
    if (this.pending?.requestId !== requestId) return;
    this.pending.reject(new CancelledError());
    this.pending = undefined;
    if (endpoint.thread !== 'web worker') return;
    if (this.live === live) this.live = undefined;
    endpoint.end();
    this.states.set('unloaded');
  }

  private start(): Live {
    this.states.set('loading');
    let readyResolve!: (info: ModelInfo) => void;
    let readyReject!: (error: Error) => void;
    const ready = new Promise<ModelInfo>((resolve, reject) => {
      readyResolve = resolve;
      readyReject = reject;
    });
    const onMessage = (message: FromWebModel) => {
      if (message.type === 'ready') readyResolve(message.info);
      else if (message.type === 'loadFailed') readyReject(new ModelError(message.message));
      else this.receive(message);
    };
    const endpoint = this.open(onMessage, (error) => {
      readyReject(error);
      this.crashed(live, error);
    });
    endpoint.catch((error: Error) => readyReject(error));
    const live: Live = { endpoint, ready };
    ready.then(
      () => {
        if (this.live === live && this.states.current === 'loading') {
          this.states.set('ready');
          this.scheduleIdleRelease();
        }
      },
      () => {
        if (this.live === live) {
          this.live = undefined;
          this.states.set('unloaded');
        }
      },
    );
    this.live = live;
    return live;
  }

  /** Reads the model, then starts it in a web worker, or on this thread where no worker can start. */
  private async open(onMessage: (message: FromWebModel) => void, onCrash: (error: Error) => void): Promise<Endpoint> {
    const model = await this.options.readModel();
    const worker = await this.options.startWorker().catch(() => undefined);
    const endpoint = worker ? workerEndpoint(worker, onMessage, onCrash, () => this.hostEndpoint(onMessage)) : this.hostEndpoint(onMessage);
    endpoint.post({ type: 'load', model });
    this.thread = endpoint.thread;
    return endpoint;
  }

  private hostEndpoint(onMessage: (message: FromWebModel) => void): Endpoint {
    let ended = false;
    // Messages reach the client on a later turn, as they would from a worker.
    const server = new ModelServer((message) => void Promise.resolve().then(() => ended || onMessage(message)));
    this.thread = 'extension host';
    return {
      thread: 'extension host',
      post: (message) => ended || server.receive(message),
      end: () => {
        ended = true;
      },
    };
  }

  private receive(message: FromWebModel): void {
    const pending = this.pending;
    if (!pending || !('requestId' in message) || message.requestId !== pending.requestId) return;
    if (message.type === 'text') pending.onText(message.text, message.tokens);
    else if (message.type === 'done') pending.resolve(message.result);
    else if (message.type === 'failed') pending.reject(new ModelError(message.message));
  }

  private crashed(live: Live, error: Error): void {
    if (this.live !== live) return;
    this.live = undefined;
    this.states.set('unloaded');
    this.pending?.reject(new WorkerCrashedError(l10n.t('The model worker failed: {0}', error.message)));
    this.pending = undefined;
  }

  private scheduleIdleRelease(): void {
    clearTimeout(this.idleTimer);
    if (this.options.idleMs <= 0) return;
    this.idleTimer = setTimeout(() => void this.dispose(), this.options.idleMs);
  }
}

/**
 * A web worker as the way to the model. A worker that fails before the model is loaded (a host that lets a worker be
 * created but not run, say) hands over to `fallback`, the extension host's own thread, with the same load request.
 */
function workerEndpoint(worker: ModelWorker, onMessage: (message: FromWebModel) => void, onCrash: (error: Error) => void, fallback: () => Endpoint): Endpoint {
  let replacement: Endpoint | undefined;
  let loadRequest: ToWebModel | undefined;
  let loaded = false;
  worker.listen(
    (message) => {
      if (message.type === 'ready' || message.type === 'loadFailed') loaded = true;
      onMessage(message);
    },
    (error) => {
      worker.terminate();
      if (loaded || replacement) return onCrash(new Error(error));
      replacement = fallback();
      if (loadRequest) replacement.post(loadRequest);
    },
  );
  return {
    get thread() {
      return replacement?.thread ?? 'web worker';
    },
    post(message) {
      if (replacement) return replacement.post(message);
      if (message.type === 'load') loadRequest = message;
      worker.post(message);
    },
    end() {
      if (replacement) replacement.end();
      else worker.terminate();
    },
  };
}
