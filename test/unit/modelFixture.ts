import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WorkerModelClient } from '../../src/core/model/workerClient';

const root = path.resolve(__dirname, '../..');
const dist = path.join(root, 'dist');
/** The bundled model, or another one in the same layout. */
export const MODEL_DIR = process.env.CONCEPT_EXPLAINER_MODEL ?? path.join(root, 'models', 'concept-gpt');

export function client(modelDir = MODEL_DIR, idleMs = 0): WorkerModelClient {
  assert.ok(fs.existsSync(path.join(dist, 'modelWorker.js')), 'dist/modelWorker.js is missing: run "npm run build" first (npm test does)');
  return new WorkerModelClient({ workerFile: path.join(dist, 'modelWorker.js'), modelDir, wasmDir: dist, idleMs });
}

