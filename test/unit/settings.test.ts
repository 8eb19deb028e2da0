import * as assert from 'node:assert/strict';
import { parseConfig, type SettingsSource } from '../../src/core/settings';

/** Settings as VS Code would merge them: the user's own, with a workspace's on top. */
function source(user: Record<string, unknown>, workspace: Record<string, unknown> = {}): SettingsSource {
  return { value: (key) => (key in workspace ? workspace[key] : user[key]), userValue: (key) => user[key] };
}

describe('settings', () => {
  it('falls back to the default for a value of the wrong type or out of range, instead of throwing', () => {
    const config = parseConfig(
      source({ 'hover.languages': 'python', 'chat.server.model': 42, 'model.idleMinutes': 1e9, 'chat.historyTurns': 'x', 'hover.enabled': 'no', language: 'de' }),
      true,
    );
    assert.deepEqual(config.hoverLanguages, []);
    assert.equal(config.serverModel, '');
    assert.equal(config.modelIdleMinutes, 24 * 60, 'within what a timer can hold');
    assert.equal(config.chatHistoryTurns, 4);
    assert.equal(config.hoverEnabled, true);
    assert.equal(config.language, 'auto');
    assert.equal(parseConfig(source({ 'model.idleMinutes': 'soon' }), true).modelIdleMinutes, 10);
  });

  it('reads where hovers show and whether the preview marks terms, with their defaults for anything else', () => {
    assert.equal(parseConfig(source({}), true).hoverWhere, 'everywhere');
    assert.equal(parseConfig(source({ 'hover.where': 'prose' }), true).hoverWhere, 'prose');
    assert.equal(parseConfig(source({ 'hover.where': 'onDemand' }), false).hoverWhere, 'onDemand');
    assert.equal(parseConfig(source({ 'hover.where': 'nowhere' }), true).hoverWhere, 'everywhere');
    assert.equal(parseConfig(source({}), true).previewEnabled, true);
    assert.equal(parseConfig(source({ 'preview.enabled': false }), true).previewEnabled, false);
    assert.equal(parseConfig(source({ 'preview.enabled': 'off' }), true).previewEnabled, true);
  });

  it('never lets an untrusted workspace move the chat off the bundled model or load its own model', () => {
    const workspace = { 'chat.backend': 'server', 'chat.server.model': 'm', 'model.path': '/tmp/evil', 'glossary.paths': ['/etc'] };
    const untrusted = parseConfig(source({}, workspace), false);
    assert.equal(untrusted.chatBackend, 'bundled');
    assert.equal(untrusted.modelPath, '');
    assert.deepEqual(untrusted.glossaryPaths, []);
    assert.equal(parseConfig(source({}, workspace), true).chatBackend, 'server');
  });

  it('takes the server URL from the user’s own settings only, so no workspace can send the user’s key elsewhere', () => {
    assert.equal(parseConfig(source({ 'chat.server.url': 'http://localhost:11434/v1' }, { 'chat.server.url': 'https://evil.example/v1' }), false).serverUrl, 'http://localhost:11434/v1');
  });
});

describe('the chat server’s API key', () => {
  it('is sent only to the origin it was given for', async () => {
    const { keyFor, sealKey } = await import('../../src/core/chat/apiKey');
    const sealed = sealKey('http://localhost:11434/v1', 'secret')!;
    assert.equal(keyFor(sealed, 'http://localhost:11434/v1/'), 'secret');
    assert.equal(keyFor(sealed, 'http://localhost:11434/other'), 'secret', 'same origin, other path');
    assert.equal(keyFor(sealed, 'https://evil.example/v1'), undefined);
    assert.equal(keyFor(sealed, 'http://localhost:8080/v1'), undefined, 'another port is another origin');
    assert.equal(keyFor('plain-old-key', 'http://localhost:11434/v1'), undefined);
    assert.equal(sealKey('file:///etc/passwd', 'k'), undefined);
  });
});
