import type { GenerateOptions, GenerationResult, Prompt } from './runtime';

/** What the model worker is started with. */
export interface WorkerData {
  readonly modelDir: string;
  /** Folder holding ort-wasm-simd-threaded.mjs and .wasm. */
  readonly wasmDir: string;
  /**
   * Two Int32 slots, shared so that the worker sees them between two tokens: [0] the id of the request to cancel,
   * [REQUESTS_WAITING] the requests posted and not yet taken (the warm-up gives way to them).
   */
  readonly cancel: SharedArrayBuffer;
  /**
   * Run the model once on made-up tokens after loading, so that the functions a generation needs are compiled before
   * the first question (default true); the command line's `ask`, one short answer, does without.
   */
  readonly warmUp?: boolean;
  /** The translations of the core's messages (see core/messages.ts). */
  readonly messages?: Readonly<Record<string, string>>;
}

/** The index, in WorkerData.cancel, of the count of requests posted and not yet taken. */
export const REQUESTS_WAITING = 1;

export type ToWorker =
  | { readonly type: 'generate'; readonly requestId: number; readonly prompt: Prompt; readonly options: GenerateOptions }
  | { readonly type: 'memory'; readonly requestId: number };

/** The worker's own memory, in MB (the process's resident memory is the host's figure). */
export interface WorkerMemory {
  /** onnxruntime's WebAssembly heap (it grows and never shrinks). */
  readonly wasmMemoryMb: number;
  /** The worker's JavaScript heap. */
  readonly heapMb: number;
  /** Memory outside the heap held by the worker's objects (buffers). */
  readonly externalMb: number;
}

export interface ModelInfo {
  readonly family: string;
  readonly layers: number;
  readonly vocabSize: number;
  readonly maxPositions: number;
  readonly loadMs: number;
}

export type FromWorker =
  | { readonly type: 'ready'; readonly info: ModelInfo }
  | { readonly type: 'loadFailed'; readonly message: string }
  | { readonly type: 'text'; readonly requestId: number; readonly text: string; readonly tokens: number }
  | { readonly type: 'done'; readonly requestId: number; readonly result: GenerationResult }
  | { readonly type: 'failed'; readonly requestId: number; readonly message: string }
  | { readonly type: 'memory'; readonly requestId: number; readonly memory: WorkerMemory };
