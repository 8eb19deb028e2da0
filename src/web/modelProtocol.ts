import type { GenerateOptions, GenerationResult, Prompt } from '../core/model/runtime';
import type { ModelInfo } from '../core/model/workerProtocol';

/**
 * The messages between the web extension's model client and the model, whether the model runs in a web worker or in
 * the extension host itself. A browser without cross-origin isolation has no SharedArrayBuffer, so Stop is a message,
 * which the model reads between two tokens (it yields to its event loop before each step).
 */

/** The model's files, read by the extension host (workspace.fs or fetch), which a web worker cannot read itself. */
export interface ModelBytes {
  readonly dir: string;
  /** By file name: config.json, generation_config.json (optional), tokenizer.json, model.onnx. */
  readonly files: Readonly<Record<string, Uint8Array>>;
  /** onnxruntime-web's ort-wasm-simd-threaded.wasm. */
  readonly wasm: Uint8Array;
  /** The translations of the core's messages. */
  readonly messages: Readonly<Record<string, string>>;
  /** Run the model once on made-up tokens after loading (see the Node worker's warm-up). */
  readonly warmUp: boolean;
}

export type ToWebModel =
  | { readonly type: 'load'; readonly model: ModelBytes }
  | { readonly type: 'generate'; readonly requestId: number; readonly prompt: Prompt; readonly options: GenerateOptions }
  | { readonly type: 'cancel'; readonly requestId: number };

export type FromWebModel =
  | { readonly type: 'ready'; readonly info: ModelInfo }
  | { readonly type: 'loadFailed'; readonly message: string }
  | { readonly type: 'text'; readonly requestId: number; readonly text: string; readonly tokens: number }
  | { readonly type: 'done'; readonly requestId: number; readonly result: GenerationResult }
  | { readonly type: 'failed'; readonly requestId: number; readonly message: string };
