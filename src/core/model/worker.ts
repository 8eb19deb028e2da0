/**
 * The model worker: loads the ONNX model with onnxruntime-web (WASM) and generates, off the extension
 * host's thread. One request at a time; the client queues them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
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
/** The constructor before trackWasmMemories replaces it: for memory that is not onnxruntime's heap. */
const UntrackedMemory = WebAssembly.Memory;
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

/** onnxruntime-web's WebAssembly runtime, shipped beside this worker (see esbuild.mjs). */
const RUNTIME_WASM = 'ort-wasm-simd-threaded.wasm';

/**
 * Compiles onnxruntime's WebAssembly from bytes read outside the C allocator, and has onnxruntime instantiate that
 * module. Left to itself, onnxruntime-web reads the 14 MB file into a Buffer and copies it again before compiling: two
 * malloc'd blocks that live until a garbage collection, and whose freeing makes glibc serve every later block up to
 * their size from its arenas, which keep what is freed (V8's compiler, compiling onnxruntime's largest functions on
 * first call, passes 37 MB through them while the session is built). Read into a WebAssembly.Memory, which V8 maps
 * and unmaps itself, the bytes never reach malloc: the chat process of `bench` measured 223-231 MB with the model
 * loaded instead of 245-260 (six runs each; read into a plain buffer instead, 239-249). Must run inside
 * withoutTierUp: a module's tiering is set when it is compiled.
 */
async function compileRuntimeWasm(dir: string): Promise<void> {
  const file = path.join(dir, RUNTIME_WASM);
  const size = fs.statSync(file).size;
  const pages = Math.ceil(size / WASM_PAGE);
  const bytes = new Uint8Array(new UntrackedMemory({ initial: pages, maximum: pages }).buffer, 0, size);
  readInto(file, bytes);
  const module = await WebAssembly.compile(bytes);
  // onnxruntime hands env.wasm.wasmBinary to WebAssembly.instantiate: this marker stands for the compiled module.
  const marker = new ArrayBuffer(0);
  ort.env.wasm.wasmBinary = marker;
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = (async (source: BufferSource, imports?: WebAssembly.Imports) => {
    if (!ArrayBuffer.isView(source) || source.buffer !== marker) return instantiate(source, imports);
    WebAssembly.instantiate = instantiate;
    return { module, instance: await instantiate(module, imports) };
  }) as typeof WebAssembly.instantiate;
}

const WASM_PAGE = 65_536;

function readInto(file: string, bytes: Uint8Array): void {
  const fd = fs.openSync(file, 'r');
  try {
    for (let at = 0; at < bytes.length; ) {
      const read = fs.readSync(fd, bytes, at, bytes.length - at, at);
      if (read === 0) throw new Error(`${file} ended at byte ${at} of ${bytes.length}`);
      at += read;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * V8's gc(), which Node gives only to a process started with --expose-gc (a worker cannot take that flag): the flag is
 * on just long enough to create a context that has it. The runtime collects the young generation with it, where the
 * tensors it drops are (see ModelRuntime.collectGarbage); undefined where the flag has no effect.
 */
function youngGenerationCollector(): (() => void) | undefined {
  v8.setFlagsFromString('--expose-gc');
  let gc: unknown;
  try {
    gc = vm.runInNewContext('typeof gc === "function" ? gc : undefined');
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
  if (typeof gc !== 'function') return undefined;
  return () => (gc as (options: { type: 'minor' }) => void)({ type: 'minor' });
}

async function load(): Promise<ModelRuntime> {
  const started = performance.now();
  // One thread: two read a long prompt faster in a plain process, but decode slower in this worker (214 against 293
  // tokens/s), and the extension host has other work for the second core.
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.wasmPaths = `${pathToFileURL(data.wasmDir).href}/`;
  ort.env.logLevel = 'error';
  const runtime = await withoutTierUp(async () => {
    await compileRuntimeWasm(data.wasmDir);
    return ModelRuntime.load(loadModelFiles(path.resolve(data.modelDir)), ort);
  });
  runtime.collectGarbage = youngGenerationCollector();
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
