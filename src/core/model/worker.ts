/**
 * The model worker: loads the ONNX model with onnxruntime-web (WASM) and generates, off the extension
 * host's thread. One request at a time; the client queues them.
 */
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import * as ort from 'onnxruntime-web';
import { configureMessages } from '../messages';
import { loadModelFiles } from './modelFiles';
import { ModelRuntime } from './runtime';
import type { FromWorker, ToWorker, WorkerData } from './workerProtocol';

const data = workerData as WorkerData;
configureMessages(data.messages);
const cancel = new Int32Array(data.cancel);
const port = parentPort!;

function send(message: FromWorker): void {
  port.postMessage(message);
}

/**
 * V8 first compiles WebAssembly with its baseline compiler and optimises hot functions later, but
 * onnxruntime's kernels run as many short calls that stay on baseline code, three to five times slower
 * (measured: 115 against 570 tokens/s). So the runtime is compiled optimised from the start, and the
 * default comes back once it is loaded, for any other WebAssembly of the process.
 */
async function withOptimisedWasm<T>(load: () => Promise<T>): Promise<T> {
  if (data.compile === 'baseline') {
    // One short answer: no function is re-compiled optimised while it runs. Those background compilations
    // took the CPU from the answer (150-190 against 320-350 tokens/s) and, unfinished at the end, held the
    // process's exit for about a second: a short `ask` went from 3.3 s to 1.3 s without them.
    v8.setFlagsFromString('--wasm-tiering-budget=2147483647');
    return load();
  }
  v8.setFlagsFromString('--no-liftoff');
  try {
    return await load();
  } finally {
    v8.setFlagsFromString('--liftoff');
  }
}

async function load(): Promise<ModelRuntime> {
  const started = performance.now();
  // One thread: two read a long prompt faster in a plain process, but in this worker, where the WebAssembly is
  // compiled optimised only while the model loads, they were slower (decoding 214 against 293 tokens/s).
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.wasmPaths = `${pathToFileURL(data.wasmDir).href}/`;
  ort.env.logLevel = 'error';
  const runtime = await withOptimisedWasm(() => ModelRuntime.load(loadModelFiles(path.resolve(data.modelDir)), ort));
  const { family, layers, vocabSize, maxPositions } = runtime.config;
  send({ type: 'ready', info: { family, layers, vocabSize, maxPositions, loadMs: performance.now() - started } });
  return runtime;
}

async function generate(runtime: ModelRuntime, message: ToWorker): Promise<void> {
  const { requestId } = message;
  try {
    const result = await runtime.generate(
      message.prompt,
      message.options,
      (text, tokens) => send({ type: 'text', requestId, text, tokens }),
      () => Atomics.load(cancel, 0) === requestId,
    );
    send({ type: 'done', requestId, result });
  } catch (error) {
    send({ type: 'failed', requestId, message: (error as Error).message });
  }
}

load().then(
  (runtime) => {
    let queue = Promise.resolve();
    port.on('message', (message: ToWorker) => {
      queue = queue.then(() => generate(runtime, message));
    });
  },
  (error: Error) => send({ type: 'loadFailed', message: error.message }),
);
