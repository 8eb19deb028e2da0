import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generationDefaultsOf, MODEL_FILE_LIMITS, MODEL_FOLDER_FILES, ModelError, modelBytesSource, modelFilesFrom, refusedModelFile } from '../../src/core/model/modelFormat';
import { modelFolderName, modelPathTarget, modelReadBoundMs, normalizePath, withinTime } from '../../src/core/model/modelPath';
import { MODEL_DIR } from './modelFixture';

const REMOTE = ['vscode-remote'];

describe('the model folder in a browser (conceptExplainer.model.path)', () => {
  describe('modelPathTarget', () => {
    it('takes a path from the workspace folder, or from the root of its file system', () => {
      assert.deepEqual(modelPathTarget('models/mine', REMOTE), { kind: 'relative', path: 'models/mine' });
      assert.deepEqual(modelPathTarget('./mine', REMOTE), { kind: 'relative', path: './mine' });
      assert.deepEqual(modelPathTarget('/home/me/models/mine', REMOTE), { kind: 'absolute', path: '/home/me/models/mine' });
      assert.deepEqual(modelPathTarget('/home/me//models/./old/../mine/', REMOTE), { kind: 'absolute', path: '/home/me/models/mine' });
      assert.deepEqual(modelPathTarget('/../../etc', REMOTE), { kind: 'absolute', path: '/etc' }, '.. stops at the root');
    });

    it('reads a Windows path as a path, not as a URI with the scheme "c"', () => {
      assert.deepEqual(modelPathTarget('C:\\Users\\me\\mine', REMOTE), { kind: 'absolute', path: '/C:/Users/me/mine' });
      assert.deepEqual(modelPathTarget('d:/models/mine', REMOTE), { kind: 'absolute', path: '/d:/models/mine' });
      assert.deepEqual(modelPathTarget('my:model', REMOTE), { kind: 'relative', path: 'my:model' }, 'a colon in a folder name');
    });

    it('takes file:, vscode-remote: and the workspace’s own URIs as they are, and no other scheme', () => {
      for (const uri of ['file:///home/me/mine', 'vscode-remote://ssh-remote%2Bbox/home/me/mine', 'VSCODE-REMOTE://h/m']) {
        assert.deepEqual(modelPathTarget(uri, REMOTE), { kind: 'uri', uri });
      }
      assert.deepEqual(modelPathTarget('vscode-vfs://github/me/repo/mine', ['vscode-vfs']), { kind: 'uri', uri: 'vscode-vfs://github/me/repo/mine' });
      for (const uri of ['https://example.com/model', 'vscode-vfs://github/me/repo/mine', 'data://x']) {
        const target = modelPathTarget(uri, REMOTE);
        assert.equal(target.kind, 'unusable', uri);
        assert.match(target.kind === 'unusable' ? target.reason : '', /file: or vscode-remote: URI/);
      }
    });

    it('says why a path from the home folder, or a relative path without a workspace folder, names no folder', () => {
      for (const configured of ['~', '~/models/mine', '~\\models']) {
        const target = modelPathTarget(configured, REMOTE);
        assert.ok(target.kind === 'unusable' && target.reason.startsWith(`${configured}: a browser has no home folder`), configured);
      }
      const target = modelPathTarget('models/mine', []);
      assert.ok(target.kind === 'unusable' && /needs a workspace folder/.test(target.reason));
      assert.deepEqual(modelPathTarget('/models/mine', []), { kind: 'absolute', path: '/models/mine' }, 'an absolute path needs none');
    });
  });

  it('normalizePath keeps an absolute path absolute', () => {
    assert.equal(normalizePath('/'), '/');
    assert.equal(normalizePath('/a/b/../../..'), '/');
    assert.equal(normalizePath('/a/./b//c/'), '/a/b/c');
  });

  describe('bounds on reading', () => {
    it('gives a read at least 30 s, and a big file the time of 1 MB/s more', () => {
      assert.equal(modelReadBoundMs(0), 30_000);
      assert.equal(modelReadBoundMs(4_000_000), 34_000);
      assert.equal(modelReadBoundMs(MODEL_FILE_LIMITS.onnxBytes), 30_000 + Math.ceil(MODEL_FILE_LIMITS.onnxBytes / 1000));
    });

    it('withinTime gives the work’s result, or the late error once the time has passed', async () => {
      assert.equal(await withinTime(Promise.resolve(7), 1000, () => new Error('late')), 7);
      await assert.rejects(withinTime(Promise.reject(new Error('failed')), 1000, () => new Error('late')), /failed/);
      const started = Date.now();
      await assert.rejects(withinTime(new Promise(() => {}), 30, () => new ModelError('late')), (error: Error) => error instanceof ModelError && error.message === 'late');
      assert.ok(Date.now() - started < 1000);
    });

    it('refuses a model file that is no regular file or over its kind’s limit, naming it', () => {
      const file = 'vscode-remote://h/models/mine/model.onnx';
      assert.equal(refusedModelFile(file, { isFile: true, size: 10 }, 10), undefined);
      const big = refusedModelFile(file, { isFile: true, size: 3_000_001 }, 2_000_000);
      assert.ok(big instanceof ModelError);
      assert.equal(big.message, `${file} is 4 MB, more than a model file of its kind can be (2 MB); it was not read.`);
      assert.match(refusedModelFile(file, { isFile: false, size: 0 }, 10)?.message ?? '', /model\.onnx is not a regular file/);
    });
  });

  describe('a model folder read already (the bytes a web worker is sent)', () => {
    const bytesOf = (name: string) => new Uint8Array(fs.readFileSync(path.join(MODEL_DIR, name)));
    const files = () => Object.fromEntries(MODEL_FOLDER_FILES.map((file) => [file.name, bytesOf(file.name)]));

    it('loads as the folder on the disk does, and says which file is missing as the desktop does', () => {
      const loaded = modelFilesFrom(modelBytesSource('vscode-remote://h/mine', files()));
      assert.equal(loaded.dir, 'vscode-remote://h/mine');
      assert.equal(loaded.generation.maxNewTokens, 480);
      const noOnnx = { ...files(), 'model.onnx': undefined };
      assert.throws(() => modelFilesFrom(modelBytesSource('vscode-remote://h/mine', noOnnx)), { message: 'The model folder vscode-remote://h/mine has no model.onnx.' });
    });

    it('refuses bytes over a file’s limit, naming the file', () => {
      const big = { ...files(), 'config.json': new Uint8Array(MODEL_FILE_LIMITS.jsonBytes + 1) };
      assert.throws(() => modelFilesFrom(modelBytesSource('/mine', big)), (error: Error) => error instanceof ModelError && error.message.startsWith('/mine/config.json is 2 MB'));
    });

    it('takes the decoding defaults from the folder’s own generation_config.json', () => {
      const own = new TextEncoder().encode(JSON.stringify({ max_new_tokens: 64, do_sample: true, temperature: 0.7 }));
      assert.deepEqual(
        [generationDefaultsOf('/mine', own).maxNewTokens, generationDefaultsOf('/mine', own).doSample, generationDefaultsOf('/mine', own).temperature],
        [64, true, 0.7],
      );
      assert.equal(generationDefaultsOf('/mine', undefined).maxNewTokens, undefined, 'none without the file, not the bundled model’s');
      assert.throws(() => generationDefaultsOf('/mine', new TextEncoder().encode('{')), /\/mine\/generation_config\.json is not valid JSON/);
    });
  });

  it('names a model folder of the setting by its last segment, as the chat view says which model answers', () => {
    assert.equal(modelFolderName('/data/models/my-gpt/'), 'my-gpt');
    assert.equal(modelFolderName('models/my-gpt'), 'my-gpt');
    assert.equal(modelFolderName('C:\\Users\\me\\gpt-fr'), 'gpt-fr');
    assert.equal(modelFolderName('vscode-remote://ssh-remote+box/home/me/gpt-fr'), 'gpt-fr');
    assert.equal(modelFolderName('file:///data/models/my-gpt'), 'my-gpt');
  });
});
