import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodingOptions, loadModelFiles, MODEL_FILE_LIMITS, ModelError } from '../../src/core/model/modelFiles';
import { ModelRuntime, type OrtModule } from '../../src/core/model/runtime';
import { CancelledError, WorkerCrashedError, type WorkerModelClient } from '../../src/core/model/workerClient';
import { client, MODEL_DIR } from './modelFixture';

/** A question with its glossary line, which the model answers at length. */
const LONG_ANSWER = [
  { special: '<|lang_en|>' },
  { special: '<|context|>' },
  { text: '[transformer] Transformer architecture (architecture Transformer) : A neural network architecture built on self-attention.\n' },
  { special: '<|question|>' },
  { text: 'Explain how the Transformer architecture works.\n' },
  { special: '<|answer|>' },
];

const PROMPT = [{ special: '<|lang_en|>' }, { special: '<|context|>' }, { special: '<|question|>' }, { text: 'What is a token?\n' }, { special: '<|answer|>' }];

describe('model runtime in a worker (onnxruntime-web)', function () {
  this.timeout(120_000);
  let model: WorkerModelClient;

  before(() => {
    model = client();
  });
  after(() => model.dispose());

  it('loads on first use and gives the same greedy answer every time', async () => {
    assert.equal(model.currentState, 'unloaded');
    const first = await model.generate(PROMPT, { greedy: true, maxNewTokens: 24 }, () => {});
    const second = await model.generate(PROMPT, { greedy: true, maxNewTokens: 24 }, () => {});
    assert.ok(first.ids.length > 0);
    assert.deepEqual(second.ids, first.ids);
    assert.equal(second.text, first.text);
    assert.equal(model.currentState, 'ready');
  });

  it('streams the text it returns, piece by piece', async () => {
    const pieces: string[] = [];
    const result = await model.generate([{ text: 'The model' }], { greedy: true, maxNewTokens: 16, stop: [] }, (text) => pieces.push(text));
    assert.equal(pieces.join(''), result.text);
    assert.equal(result.stopReason, 'length');
    assert.equal(result.ids.length, 16);
  });

  it('bounds the number of new tokens and reads sampling seeds', async () => {
    const options = { temperature: 1.2, topK: 50, topP: 0.95, maxNewTokens: 12, seed: 3, stop: [] };
    const a = await model.generate([{ text: 'Le réseau' }], options, () => {});
    const b = await model.generate([{ text: 'Le réseau' }], options, () => {});
    assert.deepEqual(a.ids, b.ids);
    assert.ok(a.ids.length <= 12);
  });

  it('stops a generation when it is cancelled, long before its end', async () => {
    const controller = new AbortController();
    let pieces = 0;
    const options = { greedy: true, maxNewTokens: 400, stop: [], ignoreEos: true };
    const result = await model.generate(LONG_ANSWER, options, () => {
      pieces++;
      if (pieces === 3) controller.abort();
    }, controller.signal);
    assert.equal(result.stopReason, 'cancelled');
    // The worker checks the flag before every token; the tokens past the third are those generated while the
    // third one's message travelled to this thread.
    assert.ok(result.ids.length < 100, `${result.ids.length} tokens after cancelling at the third`);
  });

  it('runs one generation at a time, in order', async () => {
    const order: string[] = [];
    const first = model.generate([{ text: 'A' }], { greedy: true, maxNewTokens: 8, stop: [] }, () => order.push('first'));
    const second = model.generate([{ text: 'B' }], { greedy: true, maxNewTokens: 8, stop: [] }, () => order.push('second'));
    await Promise.all([first, second]);
    assert.ok(order.lastIndexOf('first') < order.indexOf('second'), order.join(' '));
  });

  it('fails a request clearly when the worker dies, and restarts on the next one', async () => {
    const running = model.generate([{ text: 'Attention' }], { greedy: true, maxNewTokens: 400, stop: [], ignoreEos: true }, () => {
      void model.simulateCrash();
    });
    await assert.rejects(running, (error: Error) => error instanceof WorkerCrashedError && /stopped unexpectedly/.test(error.message));
    const after = await model.generate(PROMPT, { greedy: true, maxNewTokens: 4 }, () => {});
    assert.ok(after.ids.length > 0);
  });

  it('refuses a request already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(model.generate(PROMPT, { greedy: true }, () => {}, controller.signal), CancelledError);
  });

  it('releases the model after the idle time', async () => {
    const idle = client(MODEL_DIR, 300);
    await idle.generate(PROMPT, { greedy: true, maxNewTokens: 2 }, () => {});
    assert.equal(idle.currentState, 'ready');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    assert.equal(idle.currentState, 'unloaded');
    await idle.dispose();
  });
});

describe('model memory', function () {
  this.timeout(120_000);

  it('reads a long prompt in chunks: onnxruntime\'s WebAssembly heap stays near its size after loading', async () => {
    const model = client();
    try {
      await model.preload();
      const loaded = (await model.memory())!;
      const long = Array.from({ length: 900 }, (_, i) => 256 + ((i * 37) % 3000));
      const result = await model.generate(long, { greedy: true, maxNewTokens: 2, ignoreEos: true, stop: [] }, () => {});
      assert.equal(result.promptTokens, 900);
      const after = (await model.memory())!;
      // Read at once, a 1,000-token prompt took it from 48 to 152 MB; in chunks of 128 tokens, to 69 MB.
      assert.ok(after.wasmMemoryMb - loaded.wasmMemoryMb <= 32, `${loaded.wasmMemoryMb} -> ${after.wasmMemoryMb} MB`);
      assert.ok(loaded.wasmMemoryMb < 64, `${loaded.wasmMemoryMb} MB after loading`);
    } finally {
      await model.dispose();
    }
  });
});

describe('the bundled model, int8 (training/quantize_onnx.py)', function () {
  this.timeout(60_000);
  const reference = path.join(MODEL_DIR, '..', 'concept-gpt-fp32');

  it('is a quarter of its fp32 reference, in the standard decoder layout, and reads like it in onnxruntime-node', async function () {
    if (!fs.existsSync(path.join(reference, 'model.onnx')) || process.env.CONCEPT_EXPLAINER_MODEL) this.skip();
    const bytes = fs.statSync(path.join(MODEL_DIR, 'model.onnx')).size;
    assert.ok(bytes < fs.statSync(path.join(reference, 'model.onnx')).size / 3, `${bytes} bytes`);
    const ort = (await import('onnxruntime-node')) as unknown as OrtModule;
    const [int8, fp32] = await Promise.all([ModelRuntime.load(loadModelFiles(MODEL_DIR), ort, ['cpu']), ModelRuntime.load(loadModelFiles(reference), ort, ['cpu'])]);
    try {
      const greedy = { greedy: true, maxNewTokens: 24, ignoreEos: true, stop: [] };
      const [a, b] = [await int8.generate(LONG_ANSWER, greedy), await fp32.generate(LONG_ANSWER, greedy)];
      assert.deepEqual(a.ids.slice(0, 8), b.ids.slice(0, 8));
      assert.equal(int8.config.layers, fp32.config.layers);
    } finally {
      await Promise.all([int8.release(), fp32.release()]);
    }
  });
});

/** onnxruntime-node whose sessions hide the step outputs: the runtime then reads the cache from `present.*`. */
function withoutStepOutputs(ort: OrtModule): OrtModule {
  return {
    Tensor: ort.Tensor,
    InferenceSession: {
      create: async (bytes, options) => {
        const session = await ort.InferenceSession.create(bytes, options);
        const outputNames = session.outputNames.filter((name) => !name.startsWith('step_key_values.'));
        return new Proxy(session, { get: (target, property) => (property === 'outputNames' ? outputNames : (Reflect.get(target, property, target) as unknown)) });
      },
    },
  };
}

describe('model runtime in process', function () {
  this.timeout(60_000);

  it('keeps the cache itself where the model has step outputs, and answers exactly as from the standard present outputs', async () => {
    const ort = (await import('onnxruntime-node')) as unknown as OrtModule;
    const files = loadModelFiles(MODEL_DIR);
    const [owned, standard] = await Promise.all([ModelRuntime.load(files, ort, ['cpu']), ModelRuntime.load(files, withoutStepOutputs(ort), ['cpu'])]);
    try {
      // A prompt longer than one prefill chunk, then answers of two lengths: the kept buffers grow and are reused.
      const long = [...LONG_ANSWER.slice(0, 3), { text: 'A neural network architecture built on self-attention. '.repeat(20) }, ...LONG_ANSWER.slice(3)];
      for (const [prompt, maxNewTokens] of [[long, 40], [PROMPT, 200], [LONG_ANSWER, 30]] as const) {
        const greedy = { greedy: true, maxNewTokens, ignoreEos: true, stop: [] };
        const [a, b] = [await owned.generate(prompt, greedy), await standard.generate(prompt, greedy)];
        assert.ok(a.promptTokens > 0 && a.ids.length === maxNewTokens);
        assert.deepEqual(a.ids, b.ids);
      }
    } finally {
      await Promise.all([owned.release(), standard.release()]);
    }
  });

  it('stops within one token of a cancellation', async () => {
    const ort = (await import('onnxruntime-node')) as unknown as OrtModule;
    const runtime = await ModelRuntime.load(loadModelFiles(MODEL_DIR), ort, ['cpu']);
    let cancelled = false;
    let pieces = 0;
    const result = await runtime.generate(LONG_ANSWER, { greedy: true, maxNewTokens: 400, ignoreEos: true }, () => {
      pieces++;
      if (pieces === 3) cancelled = true;
    }, () => cancelled);
    await runtime.release();
    assert.equal(result.stopReason, 'cancelled');
    assert.equal(result.ids.length, 3);
  });
});

describe('model files', () => {
  it('says clearly which file is missing or broken', async () => {
    assert.throws(() => loadModelFiles('/nonexistent/model'), (error: Error) => error instanceof ModelError && /does not exist/.test(error.message));
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'model-'));
    for (const file of ['config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json']) {
      fs.copyFileSync(path.join(MODEL_DIR, file), path.join(broken, file));
    }
    assert.throws(() => loadModelFiles(broken), /has no model\.onnx/);
    fs.writeFileSync(path.join(broken, 'model.onnx'), 'not a model');
    const model = client(broken);
    await assert.rejects(model.generate(PROMPT, { greedy: true }, () => {}), (error: Error) => error instanceof ModelError && /model\.onnx cannot be loaded/.test(error.message));
    await model.dispose();
    fs.writeFileSync(path.join(broken, 'config.json'), '{ "model_type": "bert" }');
    assert.throws(() => loadModelFiles(broken), /model_type "bert" is not supported/);
    fs.writeFileSync(path.join(broken, 'config.json'), 'null');
    assert.throws(() => loadModelFiles(broken), (error: Error) => error instanceof ModelError && /config\.json must hold a JSON object/.test(error.message));
  });

  it('refuses a model file that is a device or a pipe, or too large, without reading it', () => {
    const hostile = fs.mkdtempSync(path.join(os.tmpdir(), 'device-model-'));
    const copy = (file: string) => fs.copyFileSync(path.join(MODEL_DIR, file), path.join(hostile, file));
    const reset = () => {
      for (const file of fs.readdirSync(hostile)) fs.rmSync(path.join(hostile, file));
      for (const file of ['config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json']) copy(file);
      fs.symlinkSync(path.join(MODEL_DIR, 'model.onnx'), path.join(hostile, 'model.onnx'));
    };
    try {
      for (const file of ['config.json', 'tokenizer.json', 'model.onnx', 'generation_config.json']) {
        reset();
        fs.rmSync(path.join(hostile, file));
        fs.symlinkSync('/dev/zero', path.join(hostile, file));
        const started = Date.now();
        assert.throws(() => loadModelFiles(hostile), (error: Error) => error instanceof ModelError && /not a regular file/.test(error.message), file);
        if (file === 'generation_config.json') assert.throws(() => decodingOptions(hostile), /not a regular file/, 'read on the host for every question');
        assert.ok(Date.now() - started < 5_000, `${file}: ${Date.now() - started} ms`);
      }
      reset();
      fs.rmSync(path.join(hostile, 'model.onnx'));
      execFileSync('mkfifo', [path.join(hostile, 'model.onnx')]);
      assert.throws(() => loadModelFiles(hostile), /not a regular file/, 'a pipe is refused, not waited on');
      reset();
      fs.writeFileSync(path.join(hostile, 'config.json'), `{"model_type": "gpt2", "pad": "${'x'.repeat(MODEL_FILE_LIMITS.jsonBytes)}"}`);
      assert.throws(() => loadModelFiles(hostile), /more than a model file of its kind can be/);
    } finally {
      fs.rmSync(hostile, { recursive: true, force: true });
    }
  });

  it('Stop ends, within a second, a generation stuck where it cannot notice (a tokenizer regex that backtracks)', async function () {
    this.timeout(60_000);
    const hostile = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-model-'));
    for (const file of ['config.json', 'generation_config.json', 'tokenizer_config.json']) fs.copyFileSync(path.join(MODEL_DIR, file), path.join(hostile, file));
    fs.symlinkSync(path.join(MODEL_DIR, 'model.onnx'), path.join(hostile, 'model.onnx'));
    const tokenizer = JSON.parse(fs.readFileSync(path.join(MODEL_DIR, 'tokenizer.json'), 'utf8'));
    tokenizer.pre_tokenizer = { type: 'Sequence', pretokenizers: [{ type: 'Split', pattern: { Regex: '(a+)+$' }, behavior: 'Isolated' }, { type: 'ByteLevel', add_prefix_space: false }] };
    fs.writeFileSync(path.join(hostile, 'tokenizer.json'), JSON.stringify(tokenizer));
    const model = client(hostile);
    try {
      await model.preload();
      const controller = new AbortController();
      const pending = model.generate([{ text: `${'a'.repeat(40)}b` }], { greedy: true, maxNewTokens: 4 }, () => {}, controller.signal);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const stopped = Date.now();
      controller.abort();
      await assert.rejects(pending, (error: Error) => error instanceof CancelledError);
      assert.ok(Date.now() - stopped < 1500, `${Date.now() - stopped} ms after Stop`);
      assert.equal(model.currentState, 'unloaded', 'the stuck worker was ended');
    } finally {
      await model.dispose();
      fs.rmSync(hostile, { recursive: true, force: true });
    }
  });
});
