/**
 * The browser's side of `bench`'s Chromium figures: in a page served from 127.0.0.1, starts the web extension's own
 * model worker (dist/web/modelWorker.js), hands it the bundled model and onnxruntime-web's WebAssembly fetched from the
 * same server, and times the load, first tokens and decoding as the Node figures are timed.
 */
import type { GenerationResult } from '../core/model/runtime';
import type { FromWebModel, ToWebModel } from './modelProtocol';

interface BenchRequest {
  readonly prompt: number[];
  readonly promptTokens: number;
  readonly decodeTokens: number;
  readonly runs: number;
}

const MODEL_FILES = ['config.json', 'generation_config.json', 'tokenizer.json', 'model.onnx'];

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** A worker's messages as promises: the load, then one generation at a time. */
function talkTo(worker: Worker) {
  let listener: ((message: FromWebModel) => void) | undefined;
  worker.onmessage = (event: MessageEvent<FromWebModel>) => listener?.(event.data);
  const next = (post: ToWebModel, until: (message: FromWebModel) => boolean) =>
    new Promise<FromWebModel>((resolve, reject) => {
      listener = (message) => {
        if (message.type === 'loadFailed' || message.type === 'failed') reject(new Error(message.message));
        else if (until(message)) resolve(message);
      };
      worker.postMessage(post);
    });
  let requestId = 0;
  const generate = async (prompt: number[], maxNewTokens: number): Promise<GenerationResult> => {
    const done = await next({ type: 'generate', requestId: ++requestId, prompt, options: { greedy: true, stop: [], ignoreEos: true, maxNewTokens } }, (m) => m.type === 'done');
    return (done as Extract<FromWebModel, { type: 'done' }>).result;
  };
  return { next, generate };
}

async function median(runs: number, run: () => Promise<number>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await run());
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const round = (value: number) => Math.round(value * 10) / 10;

async function benchModel(request: BenchRequest) {
  const started = performance.now();
  const files: Record<string, Uint8Array> = {};
  for (const name of MODEL_FILES) files[name] = await fetchBytes(`/models/concept-gpt/${name}`);
  const wasm = await fetchBytes('/dist/ort-wasm-simd-threaded.wasm');
  const fetchedMs = performance.now() - started;
  const worker = new Worker('/dist/web/modelWorker.js', { name: 'bench' });
  try {
    const model = talkTo(worker);
    const ready = await model.next({ type: 'load', model: { dir: 'models/concept-gpt', files, wasm, messages: {}, warmUp: false } }, (m) => m.type === 'ready');
    const loadMs = (ready as Extract<FromWebModel, { type: 'ready' }>).info.loadMs;
    const readyMs = performance.now() - started;
    await model.generate(request.prompt, 1); // warm-up, as the Node figures have
    const { prompt, runs } = request;
    return {
      loadMs: round(loadMs),
      firstTokenMs200: round(await median(runs, async () => (await model.generate(prompt.slice(0, request.promptTokens), 1)).firstTokenMs)),
      firstTokenMs600: round(await median(runs, async () => (await model.generate(prompt, 1)).firstTokenMs)),
      decodeTokensPerS: round(await median(runs, async () => (await model.generate(prompt.slice(0, 20), request.decodeTokens)).tokensPerS)),
      fetchMs: round(fetchedMs),
      readyMs: round(readyMs),
      crossOriginIsolated: (self as unknown as { crossOriginIsolated?: boolean }).crossOriginIsolated === true,
      userAgent: navigator.userAgent,
    };
  } finally {
    worker.terminate();
  }
}

(globalThis as unknown as { benchModel: typeof benchModel }).benchModel = benchModel;
