import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import { ServerError, streamChat } from '../../src/core/chat/openaiClient';
import { parseUserGlossary } from '../../src/core/glossary/userGlossary';
import { configureMessages } from '../../src/core/messages';
import { ModelError } from '../../src/core/model/modelFiles';
import { client, MODEL_DIR } from './modelFixture';

const bundle = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../l10n/bundle.l10n.fr.json'), 'utf8')) as Record<string, string>;

const NO_LANGUAGE = '[{"id": "x", "category": "foundations", "level": "beginner"}]';

function problemsOf(text: string): string[] {
  return parseUserGlossary('f.json', text).problems.map((problem) => problem.message);
}

/** The message a stopped request fails with (no network: the signal is aborted before anything is sent). */
async function stoppedMessage(): Promise<string> {
  const controller = new AbortController();
  controller.abort();
  const error = await streamChat({ url: 'http://127.0.0.1:9/v1', model: 'm' }, [], () => {}, controller.signal).then(
    () => assert.fail('a stopped request fails'),
    (failure: unknown) => failure,
  );
  assert.ok(error instanceof ServerError);
  assert.equal(error.kind, 'cancelled');
  return error.message;
}

describe('localised core messages', () => {
  it('keeps the same placeholders in every French translation', () => {
    const placeholders = (text: string) => [...new Set(text.match(/\{\d+\}/g) ?? [])].sort();
    for (const [english, french] of Object.entries(bundle)) {
      assert.deepEqual(placeholders(french), placeholders(english), english);
    }
  });

  describe('with the French bundle', () => {
    before(() => configureMessages(bundle));
    // The configuration is global: the other tests read English.
    after(() => configureMessages(undefined));

    it('reports a user glossary problem in French', () => {
      // Guillemets with no-break spaces inside, so that neither starts or ends a line alone.
      assert.deepEqual(problemsOf(NO_LANGUAGE), ['«\u00a0x\u00a0» : l\'entrée doit avoir «\u00a0fr\u00a0» ou «\u00a0en\u00a0» (ou les deux), chacun avec un terme et une définition.']);
      assert.deepEqual(problemsOf('[{"id": "a" "b"}]').slice(0, 1), ['JSON non valide : une virgule est attendue.']);
      assert.deepEqual(problemsOf('"hello"'), ['Un fichier de glossaire contient un concept (un objet) ou un tableau de concepts.']);
    });

    it('says why a chat server request failed in French', async () => {
      assert.equal(await stoppedMessage(), 'La requête a été arrêtée.');
    });

    it('says in French, from the model worker too, why a model cannot be loaded', async () => {
      const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'model-fr-'));
      for (const file of ['config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json']) fs.copyFileSync(path.join(MODEL_DIR, file), path.join(broken, file));
      fs.writeFileSync(path.join(broken, 'model.onnx'), 'not a model');
      const model = client(broken);
      try {
        await assert.rejects(model.generate([1, 2, 3], { greedy: true }, () => {}), (error: Error) => error instanceof ModelError && /ne peut pas être chargé/.test(error.message));
      } finally {
        await model.dispose();
        fs.rmSync(broken, { recursive: true, force: true });
      }
    });
  });

  describe('after the reset', () => {
    it('reports in English again', async () => {
      assert.deepEqual(problemsOf(NO_LANGUAGE), ['"x": the entry needs "fr" or "en" (or both), each with a term and a definition.']);
      assert.deepEqual(problemsOf('"hello"'), ['A glossary file holds one concept (an object) or an array of concepts.']);
      assert.equal(await stoppedMessage(), 'The request was stopped.');
    });
  });
});
