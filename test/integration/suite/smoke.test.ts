// Smoke test: the extension is installed in the extension host, activates, and registers every command
// that package.json contributes. Runs in both modes (trusted and untrusted workspace).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'concept-explainer.concept-explainer';

interface ContributedCommand {
  command: string;
}

function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in the extension host`);
  return ext;
}

suite('Smoke', () => {
  test('the test environment reaches the extension host', () => {
    const mode = process.env.CONCEPT_EXPLAINER_TEST_MODE;
    assert.ok(mode === 'trusted' || mode === 'untrusted', `CONCEPT_EXPLAINER_TEST_MODE is ${String(mode)}`);
    assert.equal(vscode.workspace.isTrusted, mode === 'trusted', `workspace trust should match the ${mode} mode`);
    assert.ok(vscode.workspace.workspaceFolders?.length, 'a workspace folder is open');
  });

  test('the extension is present and activates', async () => {
    const ext = extension();
    const wasActive = ext.isActive;
    const started = Date.now();
    await ext.activate();
    const globals = globalThis as { __conceptExplainerActivationMs?: number };
    if (!wasActive && globals.__conceptExplainerActivationMs === undefined) {
      globals.__conceptExplainerActivationMs = Date.now() - started;
    }
    assert.equal(ext.isActive, true);
  });

  test('every command contributed in package.json is registered', async () => {
    const ext = extension();
    await ext.activate();
    const contributed = ((ext.packageJSON as { contributes?: { commands?: ContributedCommand[] } }).contributes?.commands ?? [])
      .map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((command) => !registered.has(command));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });
});
