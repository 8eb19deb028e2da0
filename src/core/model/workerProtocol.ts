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
   * twice the decoding speed, for a long session (the extension); `baseline`: loads in about a second and stays
   * on baseline code (no tier-up), for one short answer (the command line's `ask`).
   */
  readonly compile?: 'optimised' | 'baseline';
  /** The translations of the core's messages (see core/messages.ts). */
  readonly messages?: Readonly<Record<string, string>>;
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
