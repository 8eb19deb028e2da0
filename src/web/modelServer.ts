import * as ort from 'onnxruntime-web/wasm';
import type * as Ort from 'onnxruntime-web';
import { configureMessages } from '../core/messages';
import { ModelError, modelBytesSource, modelFilesFrom } from '../core/model/modelFormat';
import { ModelRuntime, type OrtModule } from '../core/model/runtime';
import { nextTurn } from '../core/slices';
import type { FromWebModel, ModelBytes, ToWebModel } from './modelProtocol';

/**
 * The model's side in a browser: loads the model with onnxruntime-web's browser build on one thread and generates, one
 * request at a time. The same code runs in a web worker (webModelWorker.ts) and, where the extension host cannot start
 * one, in the extension host itself (webModelClient.ts).
 */
export class ModelServer {
  private runtime: Promise<ModelRuntime> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** Requests received and not yet started: the warm-up gives way to them. */
  private waiting = 0;
  private readonly cancelled = new Set<number>();

  constructor(private readonly send: (message: FromWebModel) => void) {}

  receive(message: ToWebModel): void {
    if (message.type === 'load') this.load(message.model);
    else if (message.type === 'cancel') this.cancelled.add(message.requestId);
    else {
      this.waiting++;
      this.queue = this.queue.then(() => this.generate(message));
    }
  }

  private load(model: ModelBytes): void {
    configureMessages(model.messages);
    const started = performance.now();
    this.runtime = loadRuntime(model);
    this.queue = this.runtime.then(
      async (runtime) => {
        const { family, layers, vocabSize, maxPositions } = runtime.config;
        this.send({ type: 'ready', info: { family, layers, vocabSize, maxPositions, loadMs: performance.now() - started } });
        if (model.warmUp) await this.warmUp(runtime).catch(() => undefined);
      },
      (error: Error) => this.send({ type: 'loadFailed', message: error.message }),
    );
  }

  /** As the Node worker does: compiles what a generation needs before the first question, unless one comes first. */
  private async warmUp(runtime: ModelRuntime): Promise<void> {
    const ordinary = runtime.config.vocabSize - 256;
    const prompt = Array.from({ length: Math.min(160, runtime.config.maxPositions / 2) }, (_, i) => 256 + ((i * 7919) % ordinary));
    await runtime.generate(prompt, { greedy: true, maxNewTokens: 4, ignoreEos: true, stop: [] }, () => {}, () => this.waiting > 0);
  }

  private async generate(message: Extract<ToWebModel, { type: 'generate' }>): Promise<void> {
    this.waiting--;
    const { requestId } = message;
    try {
      if (!this.runtime) throw new ModelError('The model was not loaded.');
      const runtime = await this.runtime;
      const result = await runtime.generate(
        message.prompt,
        message.options,
        (text, tokens) => this.send({ type: 'text', requestId, text, tokens }),
        () => this.cancelled.has(requestId),
      );
      this.send({ type: 'done', requestId, result });
    } catch (error) {
      this.send({ type: 'failed', requestId, message: (error as Error).message });
    } finally {
      this.cancelled.delete(requestId);
    }
  }
}

async function loadRuntime(model: ModelBytes): Promise<ModelRuntime> {
  // One thread: threads need SharedArrayBuffer, which a page has only when cross-origin isolated, and VS Code for the
  // Web is not. The runtime's WebAssembly comes as bytes: neither a web worker started from a blob nor the extension
  // host can fetch the extension's files by URL everywhere.
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.proxy = false;
  ort.env.wasm.wasmBinary = model.wasm;
  ort.env.logLevel = 'error';
  return ModelRuntime.load(modelFilesFrom(modelBytesSource(model.dir, model.files)), yieldingOrt(ort));
}

/**
 * onnxruntime-web whose sessions let the event loop turn before each step of the model: a Stop message (and, in the
 * extension host, every other extension's work) is handled between two tokens, not after the whole answer, since
 * the WebAssembly runtime itself never yields on one thread.
 */
export function yieldingOrt(module: OrtModule): OrtModule {
  return {
    Tensor: module.Tensor,
    InferenceSession: {
      create: async (bytes, options) => {
        const session = await module.InferenceSession.create(bytes, options);
        // The runtime calls run(feeds) and run(feeds, outputNames) only.
        const run = async (feeds: Ort.InferenceSession.FeedsType, fetches?: readonly string[]) => {
          await nextTurn();
          return fetches ? session.run(feeds, [...fetches]) : session.run(feeds);
        };
        return new Proxy(session, {
          get: (target, property) => {
            if (property === 'run') return run;
            const value: unknown = Reflect.get(target, property, target);
            return typeof value === 'function' ? value.bind(target) : value;
          },
        });
      },
    },
  };
}
