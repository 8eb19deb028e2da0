import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BpeTokenizer } from '../../src/core/tokenizer/bpe';
import { client, MODEL_DIR } from './modelFixture';

const root = path.resolve(__dirname, '../..');

function hasTorch(): boolean {
  return spawnSync('/usr/bin/python3', ['-c', 'import torch, onnx'], { stdio: 'ignore' }).status === 0;
}

/**
 * The whole pipeline on a fresh machine: corpus, tokenizer, a tiny model trained a few steps on the CPU,
 * ONNX export, then the extension's runtime loads this second, differently sized model and generates.
 */
describe('training pipeline (smoke)', function () {
  this.timeout(600_000);
  let out = '';

  before(function () {
    if (!hasTorch()) {
      if (process.env.CI) throw new Error('python3-torch and python3-onnx are missing: .ci/run installs them');
      console.warn(`\n  *** SKIPPED: python3-torch and python3-onnx are missing; bash .ci/run installs what is missing and runs every test (under CI=true this fails). ***\n`);
      this.skip();
    }
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'smoke-'));
    const run = spawnSync('bash', [path.join(root, 'training', 'smoke.sh'), out], { encoding: 'utf8', env: { ...process.env, SMOKE_REQUIRE_ORT: '1' } });
    assert.equal(run.status, 0, `training/smoke.sh failed:\n${run.stdout}\n${run.stderr}`);
  });

  after(() => {
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  it('exports a model in the standard layout, of another size than the bundled one', () => {
    const model = path.join(out, 'model');
    for (const file of ['model.onnx', 'config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json']) {
      assert.ok(fs.existsSync(path.join(model, file)), `${file} is missing`);
    }
    const smoke = JSON.parse(fs.readFileSync(path.join(model, 'config.json'), 'utf8'));
    const bundled = JSON.parse(fs.readFileSync(path.join(MODEL_DIR, 'config.json'), 'utf8'));
    assert.equal(smoke.model_type, 'gpt2');
    assert.notEqual(smoke.n_embd, bundled.n_embd);
  });

  it('the runtime loads it with its own tokenizer and generates deterministically', async () => {
    const modelDir = path.join(out, 'model');
    const tokenizer = BpeTokenizer.fromJson(fs.readFileSync(path.join(modelDir, 'tokenizer.json'), 'utf8'));
    const model = client(modelDir);
    try {
      const prompt = [{ special: '<|lang_fr|>' }, { special: '<|context|>' }, { special: '<|question|>' }, { text: 'Bonjour ?\n' }, { special: '<|answer|>' }];
      const a = await model.generate(prompt, { greedy: true, maxNewTokens: 6, stop: [] }, () => {});
      const b = await model.generate(prompt, { greedy: true, maxNewTokens: 6, stop: [] }, () => {});
      assert.deepEqual(a.ids, b.ids);
      assert.ok(a.ids.length > 0);
      assert.ok(a.ids.every((id) => id < tokenizer.vocabSize));
      assert.equal(model.info?.vocabSize, 600);
    } finally {
      await model.dispose();
    }
  });
});
