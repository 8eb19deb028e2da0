import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CancelledError } from '../../src/core/model/modelClient';
import type { GenerateOptions } from '../../src/core/model/runtime';
import type { FromWebModel, ModelBytes, ToWebModel } from '../../src/web/modelProtocol';
import { WebModelClient, type ModelWorker } from '../../src/web/webModelClient';
import { client as nodeWorkerClient, MODEL_DIR } from './modelFixture';

// The browser's model client, run here on the test's own thread as a web extension host without workers runs it
// (the same onnxruntime-web WebAssembly, its browser build): what the README says of the extension host's thread.

const WASM = path.resolve(__dirname, '../../dist/ort-wasm-simd-threaded.wasm');
const GREEDY: GenerateOptions = { greedy: true, maxNewTokens: 24, ignoreEos: true, stop: [] };
const PROMPT = [{ text: "Qu'est-ce que l'affinage d'un modèle pré-entraîné ?" }];

async function readModel(): Promise<ModelBytes> {
  assert.ok(fs.existsSync(WASM), 'dist/ort-wasm-simd-threaded.wasm is missing: run "npm run build" first (npm test does)');
  const files: Record<string, Uint8Array> = {};
  for (const name of ['config.json', 'generation_config.json', 'tokenizer.json', 'model.onnx']) files[name] = new Uint8Array(fs.readFileSync(path.join(MODEL_DIR, name)));
  return { dir: MODEL_DIR, files, wasm: new Uint8Array(fs.readFileSync(WASM)), messages: {}, warmUp: false };
}

/** A web worker that cannot run its script: it fails as soon as it is sent something. */
function brokenWorker(): ModelWorker & { terminated: boolean } {
  let fail: (message: string) => void = () => {};
  return {
    terminated: false,
    listen: (_onMessage: (message: FromWebModel) => void, onError) => {
      fail = onError;
    },
    post: (_message: ToWebModel) => void setTimeout(() => fail('Creating workers from remote extensions is currently not supported.'), 5),
    terminate() {
      this.terminated = true;
    },
  };
}

describe('the model client of VS Code for the Web', function () {
  this.timeout(120_000);
  let host: WebModelClient;

  before(async () => {
    host = new WebModelClient({ readModel, startWorker: async () => undefined, idleMs: 0 });
    await host.preload();
  });
  after(() => host.dispose());

  it('runs on the extension host’s thread where no worker starts, and decodes as the desktop’s worker does', async () => {
    assert.equal(host.thread, 'extension host');
    assert.equal(host.currentState, 'ready');
    const desktop = nodeWorkerClient();
    try {
      const [web, node] = [await host.generate(PROMPT, GREEDY, () => {}), await desktop.generate(PROMPT, GREEDY, () => {})];
      assert.equal(web.ids.length, 24);
      assert.deepEqual(web.ids, node.ids);
    } finally {
      await desktop.dispose();
    }
  });

  it('lets other work run between two tokens on the host’s thread', async () => {
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const result = await host.generate(PROMPT, GREEDY, () => {});
    ticking = false;
    // The event loop turned at least once a token (before each step of the model), not once at the end.
    assert.ok(turns >= result.ids.length, `${turns} turns for ${result.ids.length} tokens`);
  });

  it('stops within a token when asked, and answers the next question', async () => {
    const controller = new AbortController();
    let pieces = 0;
    const stopped = host.generate(PROMPT, { ...GREEDY, maxNewTokens: 200 }, () => {
      if (++pieces === 2) controller.abort();
    }, controller.signal);
    const result = await stopped.catch((error: unknown) => error);
    // Stop answers with the model's own `cancelled` result, or with CancelledError once the grace time is over.
    if (!(result instanceof CancelledError)) {
      assert.equal((result as { stopReason: string }).stopReason, 'cancelled');
      assert.ok((result as { ids: number[] }).ids.length < 10, `${(result as { ids: number[] }).ids.length} tokens after Stop`);
    }
    const next = await host.generate(PROMPT, { ...GREEDY, maxNewTokens: 4 }, () => {});
    assert.equal(next.ids.length, 4);
  });

  it('hands the model to the host’s thread when its web worker fails before loading', async () => {
    const worker = brokenWorker();
    const client = new WebModelClient({ readModel, startWorker: async () => worker, idleMs: 0 });
    try {
      const result = await client.generate(PROMPT, { ...GREEDY, maxNewTokens: 3 }, () => {});
      assert.equal(result.ids.length, 3);
      assert.equal(client.thread, 'extension host');
      assert.ok(worker.terminated, 'the failed worker was not ended');
    } finally {
      await client.dispose();
    }
  });
});
