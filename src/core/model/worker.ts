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
import { REQUESTS_WAITING, type FromWorker, type ToWorker, type WorkerData, type WorkerMemory } from './workerProtocol';

const data = workerData as WorkerData;
configureMessages(data.messages);
const slots = new Int32Array(data.cancel);
const port = parentPort!;
const wasmMemories = trackWasmMemories();

function send(message: FromWorker): void {
  port.postMessage(message);
}

/**
 * The WebAssembly memories this thread creates (onnxruntime's heap), for `memory` requests: onnxruntime-web does not
 * expose its heap, and its size is most of the model's cost.
 */
function trackWasmMemories(): WeakRef<WebAssembly.Memory>[] {
  const memories: WeakRef<WebAssembly.Memory>[] = [];
  const Memory = WebAssembly.Memory;
  class TrackedMemory extends Memory {
    constructor(descriptor: WebAssembly.MemoryDescriptor) {
      super(descriptor);
      memories.push(new WeakRef(this));
    }
  }
  WebAssembly.Memory = TrackedMemory;
  return memories;
}

function memoryFigures(): WorkerMemory {
  const heap = v8.getHeapStatistics();
  const usage = process.memoryUsage();
  const mb = (bytes: number) => Math.round(bytes / 2 ** 17) / 8;
  const wasm = wasmMemories.reduce((sum, memory) => sum + (memory.deref()?.buffer.byteLength ?? 0), 0);
  return { wasmMemoryMb: mb(wasm), heapMb: mb(heap.total_heap_size), externalMb: mb(usage.external) };
}

/**
 * onnxruntime's WebAssembly stays on V8's baseline code (Liftoff, compiled lazily, function by function): V8 does not
 * re-compile its functions with the optimising compiler (the very hottest only after minutes of generation: 26 of
 * them after 4,200 tokens). Measured with the bundled model (a process's CPU time, medians; the machine was shared):
 * decoding takes the same time on baseline and on optimised code, reading a prompt about 10% more; letting V8
 * optimise cost 1.1 s more CPU while loading (it optimised 220 functions that only the load runs), as much again in
 * the background afterwards, and 70 MB of memory that the process kept (the compilers' working memory). The worker
 * used to set --no-liftoff while loading: 2.6-6.7 s to load on a quiet machine, 10-22 s on a busy one, and V8's
 * optimising compiler in the whole extension host meanwhile.
 *
 * V8 has no such setting per module, but a module's functions take their tiering budget when it is instantiated: the
 * budget is out of reach while onnxruntime loads, then V8's default again for the rest of the process (the extension
 * host's other WebAssembly tiers up as usual).
 */
async function withoutTierUp<T>(load: () => Promise<T>): Promise<T> {
  v8.setFlagsFromString(`--wasm-tiering-budget=${2 ** 31 - 1}`);
  try {
    return await load();
  } finally {
    v8.setFlagsFromString(`--wasm-tiering-budget=${defaultTieringBudget()}`);
  }
}

/**
 * V8's default --wasm-tiering-budget (src/flags/flag-definitions.h), which V8 does not let a program read: 1,800,000
 * in V8 11 (Node 20), 13,000,000 in V8 13 (Node 24, recent VS Code).
 */
function defaultTieringBudget(): number {
  const major = Number(process.versions.v8.split('.')[0]);
  return major >= 12 ? 13_000_000 : 1_800_000;
}

async function load(): Promise<ModelRuntime> {
  const started = performance.now();
  // One thread: two read a long prompt faster in a plain process, but decode slower in this worker (214 against 293
  // tokens/s), and the extension host has other work for the second core.
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.wasmPaths = `${pathToFileURL(data.wasmDir).href}/`;
  ort.env.logLevel = 'error';
  const runtime = await withoutTierUp(() => ModelRuntime.load(loadModelFiles(path.resolve(data.modelDir)), ort));
  const { family, layers, vocabSize, maxPositions } = runtime.config;
  send({ type: 'ready', info: { family, layers, vocabSize, maxPositions, loadMs: performance.now() - started } });
  return runtime;
}

/** The warm-up's prompt: two chunks of a prompt, the second one partial, then a few tokens. */
const WARM_UP_PROMPT = 160;
const WARM_UP_TOKENS = 4;

/**
 * Runs the model once on made-up tokens right after loading, so that the functions a generation needs are compiled
 * (V8 compiles each on its first call) before the first question, unless a request comes first: the worker checks
 * between two steps, so a question waits one step at most.
 */
async function warmUp(runtime: ModelRuntime): Promise<void> {
  if (data.warmUp === false) return;
  const requestWaiting = () => Atomics.load(slots, REQUESTS_WAITING) > 0;
  const ordinary = runtime.config.vocabSize - 256;
  const prompt = Array.from({ length: Math.min(WARM_UP_PROMPT, runtime.config.maxPositions / 2) }, (_, i) => 256 + ((i * 7919) % ordinary));
  await runtime.generate(prompt, { greedy: true, maxNewTokens: WARM_UP_TOKENS, ignoreEos: true, stop: [] }, () => {}, requestWaiting);
}

async function handle(runtime: ModelRuntime, message: ToWorker): Promise<void> {
  Atomics.sub(slots, REQUESTS_WAITING, 1);
  if (message.type === 'memory') {
    send({ type: 'memory', requestId: message.requestId, memory: memoryFigures() });
    return;
  }
  const { requestId } = message;
  try {
    const result = await runtime.generate(
      message.prompt,
      message.options,
      (text, tokens) => send({ type: 'text', requestId, text, tokens }),
      () => Atomics.load(slots, 0) === requestId,
    );
    send({ type: 'done', requestId, result });
  } catch (error) {
    send({ type: 'failed', requestId, message: (error as Error).message });
  }
}

load().then(
  (runtime) => {
    let queue = warmUp(runtime).catch(() => undefined);
    port.on('message', (message: ToWorker) => {
      queue = queue.then(() => handle(runtime, message));
    });
  },
  (error: Error) => send({ type: 'loadFailed', message: error.message }),
);
