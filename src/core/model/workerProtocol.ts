import type { GenerateOptions, GenerationResult, Prompt } from './runtime';

/** What the model worker is started with. */
export interface WorkerData {
  readonly modelDir: string;
  /** Folder holding ort-wasm-simd-threaded.mjs and .wasm. */
  readonly wasmDir: string;
  /** Int32 slot: the id of the request to cancel. Shared, so a cancel is seen between two tokens. */
  readonly cancel: SharedArrayBuffer;
  /**
   * `optimised` (the default): the WASM runtime compiled by V8's optimising compiler, about 4 s more to load and
   * twice the decoding speed, for a long session (the extension); `baseline`: loads in about a second, for one
   * short answer (the command line's `ask`).
   */
  readonly compile?: 'optimised' | 'baseline';
  /** The translations of the core's messages (see core/messages.ts). */
  readonly messages?: Readonly<Record<string, string>>;
  /** WebAssembly threads for onnxruntime (default: see defaultThreads). */
  readonly threads?: number;
}

/**
 * One thread. Two read a 600-token prompt faster in a plain process (264 against 380 ms measured here), but in
 * the worker, where the WebAssembly is compiled optimised only while the model loads, onnxruntime's extra
 * threads start later on baseline code: the benchmark measured decoding at 214 tokens/s with two against 293
 * with one, and the 600-token first token at 547 against 427 ms.
 */
export function defaultThreads(_cores: number): number {
  return 1;
}

export type ToWorker = { readonly type: 'generate'; readonly requestId: number; readonly prompt: Prompt; readonly options: GenerateOptions };

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
  | { readonly type: 'failed'; readonly requestId: number; readonly message: string };
