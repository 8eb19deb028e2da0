#!/usr/bin/env node
// Runs the integration suite (test/integration/suite/**/*.test.ts) inside a real VS Code extension host.
//
// Default path (works offline): the VS Code server shipped in the `code-server` npm package, provisioned
// once into .cache/vscode-server/, started under Node 24, with its web workbench opened in Debian's
// Chromium through playwright-core. Three runs: a trusted workspace and an untrusted one (Restricted Mode) in the
// Node extension host, and `web`: the extension's `browser` entry in the workbench's web worker extension host,
// with the suite of test/integration/web/.
//
// Usage: node scripts/run-vscode-tests.mjs [--mode trusted|untrusted|web|web-untrusted|both|all] [--grep REGEX] [--timeout SECONDS]
//                                          [--extension-path DIR] [--suite-dir DIR] [--keep-temp] [--electron]
//   --electron          use @vscode/test-electron instead (downloads VS Code: needs internet, and a display
//                       or xvfb-run on Linux)
//   --extension-path    the extension under test (default: this repository)
//   --suite-dir         where the *.test.ts files are (default: test/integration/suite)
//   --keep-temp         keep the temporary folders (workspace, server data, logs) after the run
//   --mode              both: trusted and untrusted; web: web and web-untrusted; all (the default): the four
// Output: one line per test, failures with their messages, test-results/integration-<mode>.json,
// test-results/<mode>.png (a screenshot of the workbench), test-results/integration-<mode>.log (server
// output and browser console), and a closing line "N passed, N failed". Exit code 0 only if all passed.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundleIntegrationTests, bundleWebIntegrationTests, createStackMapper, runBundleDir } from './vscode-server/bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, 'test-results');
const cacheDir = path.join(root, '.cache', 'vscode-server');
const fixturesDir = path.join(root, 'test', 'integration', 'fixtures');

const { values: options } = parseArgs({
  options: {
    electron: { type: 'boolean', default: false },
    mode: { type: 'string', default: 'all' },
    grep: { type: 'string' },
    timeout: { type: 'string', default: '300' },
    'extension-path': { type: 'string' },
    'keep-temp': { type: 'boolean', default: false },
    'suite-dir': { type: 'string' },
  },
  allowPositionals: false,
});

const MODE_SETS = { both: ['trusted', 'untrusted'], web: ['web', 'web-untrusted'], all: ['trusted', 'untrusted', 'web', 'web-untrusted'] };
/** The runs in the browser's extension host (the extension's `browser` entry). */
const isWeb = (mode) => mode.startsWith('web');
/** The runs in Restricted Mode. */
const isUntrusted = (mode) => mode.endsWith('untrusted');
const modes = MODE_SETS[options.mode] ?? [options.mode];
if (!modes.every((m) => ['trusted', 'untrusted', 'web', 'web-untrusted'].includes(m))) {
  fail(`--mode must be trusted, untrusted, web (trusted and untrusted in the browser's host), web-untrusted, both or all (got ${options.mode})`);
}
if (options.electron && modes.some(isWeb)) fail('--electron runs the Node extension host only: use --mode trusted, untrusted or both');
const runTimeoutMs = Number(options.timeout) * 1000;
if (!(runTimeoutMs > 0)) fail(`--timeout must be a number of seconds (got ${options.timeout})`);
const extensionPath = path.resolve(options['extension-path'] ?? root);

function fail(message) {
  console.error(`error: ${message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

function log(line) {
  console.log(line);
}

// ---------------------------------------------------------------------------------------------------------
// Clean-up on every exit path: servers and browsers still running are ended.
const cleanups = new Set();
function onCleanup(syncKill) {
  cleanups.add(syncKill);
  return () => cleanups.delete(syncKill);
}
process.on('exit', () => {
  for (const kill of cleanups) {
    try {
      kill();
    } catch {
      /* best effort */
    }
  }
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\nInterrupted (${signal}); stopping the VS Code server and the browser.`);
    process.exit(130);
  });
}

// ---------------------------------------------------------------------------------------------------------
function userSettings(mode) {
  return {
    'security.workspace.trust.enabled': isUntrusted(mode),
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.banner': 'always',
    'workbench.startupEditor': 'none',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'chat.disableAIFeatures': true,
    'git.enabled': false,
    // The web run: the extension in the web worker extension host, though the server has it too (from the payload).
    ...(isWeb(mode) ? { 'remote.extensionKind': { 'concept-explainer.concept-explainer': ['web'] } } : {}),
  };
}

function prepareTempDirs(mode) {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), `concept-explainer-it-${mode}-`));
  const dirs = {
    temp,
    workspace: path.join(temp, 'workspace'),
    userDataDir: path.join(temp, 'user-data'),
    serverDataDir: path.join(temp, 'server-data'),
    extensionsDir: path.join(temp, 'extensions'),
    logsDir: path.join(temp, 'logs'),
    profileDir: path.join(temp, 'chromium-profile'),
    results: path.join(temp, 'results.json'),
  };
  for (const dir of Object.values(dirs)) if (dir !== dirs.results) fs.mkdirSync(dir, { recursive: true });
  if (fs.existsSync(fixturesDir)) fs.cpSync(fixturesDir, dirs.workspace, { recursive: true });
  fs.mkdirSync(path.join(dirs.userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userDataDir, 'User', 'settings.json'), JSON.stringify(userSettings(mode), null, 2));
  return dirs;
}

function testEnv(mode, dirs) {
  return {
    CONCEPT_EXPLAINER_TEST_MODE: mode,
    CONCEPT_EXPLAINER_TEST_RESULTS: dirs.results,
    CONCEPT_EXPLAINER_TEST_WORKSPACE: dirs.workspace,
    ...(options.grep ? { CONCEPT_EXPLAINER_TEST_GREP: options.grep } : {}),
  };
}

function readResults(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Lines of a log worth showing when a run fails. */
const ERROR_LINE = /error|exception|fail|cannot|unable|denied|crash|terminated|\[Extension Host\].*(warn|err)/i;

function findLogFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true }).filter((name) => name.endsWith('.log')).map((name) => path.join(dir, name)).sort();
}

/**
 * Errors that the server workbench always logs on an offline machine, whatever the extension does: the
 * extension gallery (open-vsx.org), the PWA manifest and service worker that server-main.js does not serve,
 * the GitHub authentication provider of the built-in chat. Left out of the diagnostics (they stay in the log).
 */
const KNOWN_NOISE = [
  /open-vsx\.org/,
  /net::ERR_NAME_NOT_RESOLVED/,
  /manifest\.json failed/,
  /the server responded with a status of 404/,
  /bad HTTP response code \(404\) was received when fetching the script/,
  /Service ?Worker/i,
  /authentication provider 'github'/,
  /Test runner finished with error \d+ integration test/,
  /^Error: \d+ integration test\(s\) failed/,
];
const isNoise = (line) => KNOWN_NOISE.some((re) => re.test(line));
/** Browser console text without the `%c` styling VS Code adds. */
const cleanConsole = (text) => text.replace(/%c\s*/g, '').replace(/\s*color: #[0-9a-f]{3,6}\s*/gi, ' ').trim();

function printDiagnostics(mode, { serverLines, browserErrors, logDirs }) {
  const limit = 60;
  console.log(`\n--- diagnostics (${mode}); full server output and browser console in test-results/integration-${mode}.log ---`);
  const errors = browserErrors.map(cleanConsole).filter((l) => !isNoise(l));
  if (errors.length > 0) {
    console.log(`browser console errors (${errors.length}, last ${Math.min(limit, errors.length)}):`);
    for (const line of errors.slice(-limit)) console.log(`  ${line.split('\n').slice(0, 8).join('\n    ')}`);
  }
  const serverErrors = serverLines.filter((l) => ERROR_LINE.test(l) && !isNoise(l));
  if (serverErrors.length > 0) {
    console.log(`server output lines that mention errors (last ${Math.min(limit, serverErrors.length)}):`);
    for (const line of serverErrors.slice(-limit)) console.log(`  ${line}`);
  }
  for (const dir of logDirs) {
    for (const file of findLogFiles(dir)) {
      const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => /\[error\]|\berror\b|exception|failed/i.test(l) && !isNoise(l));
      if (lines.length === 0) continue;
      console.log(`${path.relative(dir, file)} (lines that mention errors, last ${Math.min(limit, lines.length)}):`);
      for (const line of lines.slice(-limit)) console.log(`  ${line}`);
    }
  }
  console.log('--- end of diagnostics ---');
}

// ---------------------------------------------------------------------------------------------------------
/** One run in the VS Code server. Returns the results object (never throws). */
async function runInServer(mode, paths, testsPath) {
  const { freePort, startServer } = await import('./vscode-server/server.mjs');
  const { openWorkbench, workbenchUrl } = await import('./vscode-server/browser.mjs');
  const { answerLookRequest } = await import('./vscode-server/look.mjs');
  const started = Date.now();
  const deadline = started + runTimeoutMs;
  const dirs = prepareTempDirs(mode);
  const logFile = path.join(resultsDir, `integration-${mode}.log`);
  fs.writeFileSync(logFile, '');
  const appendLog = (line) => fs.appendFileSync(logFile, line + '\n');
  const browserErrors = [];
  let server;
  let browser;
  let failure;
  let results;

  const disposeKill = onCleanup(() => {
    server?.kill();
  });
  try {
    const port = await freePort();
    log(`[${mode}] starting the VS Code server on 127.0.0.1:${port}`);
    // The suite may ask the driver to look at the page (see scripts/vscode-server/look.mjs).
    const env = { ...process.env, ...testEnv(mode, dirs), CONCEPT_EXPLAINER_TEST_DRIVER: 'playwright' };
    delete env.ELECTRON_RUN_AS_NODE;
    delete env.VSCODE_IPC_HOOK_CLI;
    try {
      server = await startServer({
        paths,
        port,
        env,
        userDataDir: dirs.userDataDir,
        serverDataDir: dirs.serverDataDir,
        extensionsDir: dirs.extensionsDir,
        logsDir: dirs.logsDir,
        extraArgs: isUntrusted(mode) ? [] : ['--disable-workspace-trust'],
        logFile,
        deadline: Math.min(deadline, Date.now() + 120_000),
      });
    } catch (error) {
      server = error.server;
      throw error;
    }
    log(`[${mode}] server ready after ${((Date.now() - started) / 1000).toFixed(1)} s; opening the workbench in Chromium`);

    // The web suite is bundled for each run: the results file's path is written into it.
    const extensionTestsPath = isWeb(mode) ? (await bundleWebIntegrationTests(root, dirs.results, mode)).outfile : testsPath;
    const url = workbenchUrl({
      baseUrl: server.url,
      port,
      folder: dirs.workspace,
      extensionDevelopmentPath: extensionPath,
      extensionTestsPath,
      extensionDevelopmentKind: isWeb(mode) ? 'web' : undefined,
    });
    browser = await openWorkbench({
      url,
      profileDir: dirs.profileDir,
      // The web run's extension, for the browser's extension scanner: the server's copy, read through the workbench.
      webExtensions: isWeb(mode) ? [{ scheme: 'vscode-remote', authority: `127.0.0.1:${port}`, path: extensionPath }] : undefined,
      onMessage: (kind, text) => {
        appendLog(`[browser ${kind}] ${text}`);
        if (kind === 'error' || kind === 'pageerror') browserErrors.push(text);
      },
    });
    // (playwright-core ends the browsers it launched itself when this process exits)

    // The workbench window never closes by itself: wait for the results file the suite writes.
    let hostExitSeen;
    for (;;) {
      results = readResults(dirs.results);
      if (results) break;
      await answerLookRequest(browser.page, dirs.results, resultsDir);
      if (server.process.exitCode !== null || server.process.signalCode !== null) {
        throw new Error(`The VS Code server exited before the suite finished (exit ${server.process.exitCode ?? server.process.signalCode}).`);
      }
      const hostExit = server.output().find((l) => /Extension Host Process exited/.test(l));
      if (hostExit) {
        hostExitSeen ??= Date.now();
        if (Date.now() - hostExitSeen > 5000) {
          throw new Error(`The extension host ended before the suite wrote its results: ${hostExit.trim()}`);
        }
      }
      if (Date.now() > deadline) {
        throw new Error(`Time limit of ${runTimeoutMs / 1000} s reached before the suite wrote its results ` +
          '(did the extension host start the tests? See the diagnostics printed for this run).');
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    results = await reloadPhase(results, { browser, dirs, deadline, mode });
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }

  // Screenshot of the workbench as it looks after the suite.
  if (browser) {
    try {
      await browser.page.waitForTimeout(2000); // let webviews render the last state the suite left
      await browser.page.screenshot({ path: path.join(resultsDir, `${mode}.png`), timeout: 15_000 });
    } catch (error) {
      log(`[${mode}] could not take a screenshot: ${error.message}`);
    }
  }
  if (browser) {
    await Promise.race([
      dumpWebviews(browser.page, path.join(resultsDir, `${mode}-webviews.json`)),
      new Promise((resolve) => setTimeout(resolve, 10_000)),
    ]).catch(() => {});
  }
  await browser?.close();
  await server?.stop();
  disposeKill();

  if (!results) {
    results = { mode, passes: 0, failures: 0, pending: 0, durationMs: 0, tests: [] };
  }
  if (failure) {
    results.failures++;
    results.tests.push({ title: `[${mode}] integration run`, state: 'failed', durationMs: null, error: failure });
  }
  results.runner = 'vscode-server';
  results.runMs = Date.now() - started;
  if (failure || results.failures > 0) {
    printDiagnostics(mode, { serverLines: server?.output() ?? [], browserErrors, logDirs: [dirs.logsDir, dirs.serverDataDir, dirs.userDataDir] });
  }
  if (options['keep-temp'] || failure) log(`[${mode}] temporary files kept in ${dirs.temp}`);
  else fs.rmSync(dirs.temp, { recursive: true, force: true });
  return results;
}

/**
 * A window reload in the middle of the suite: when a "[before-reload]" test passed, the driver reloads the
 * workbench page (what "Developer: Reload Window" does in a browser), and the suite runs again with only its
 * "[after-reload]" tests, which find what the first phase left (a chat answer cut by the reload, say).
 */
async function reloadPhase(first, { browser, dirs, deadline, mode }) {
  const wantsReload = first.tests.some((t) => t.title.includes('[before-reload]') && t.state === 'passed');
  if (!wantsReload) return first;
  log(`[${mode}] reloading the window for the [after-reload] tests`);
  fs.writeFileSync(`${dirs.results}.reloaded`, '');
  fs.rmSync(dirs.results, { force: true });
  await browser.page.reload({ waitUntil: 'domcontentloaded', timeout: 60_000 });
  for (;;) {
    const second = readResults(dirs.results);
    if (second) {
      return {
        ...first,
        passes: first.passes + second.passes,
        failures: first.failures + second.failures,
        pending: first.pending + second.pending,
        durationMs: first.durationMs + second.durationMs,
        tests: [...first.tests, ...second.tests],
      };
    }
    if (Date.now() > deadline) throw new Error('Time limit reached before the suite ran again after the window reload.');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Writes the text of every webview open at the end of the run (each is a frame of the workbench page), so a
 * failing panel test can be diagnosed without a person looking at the screenshot.
 */
async function dumpWebviews(page, file) {
  const webviews = [];
  for (const frame of page.frames()) {
    // Each webview is an iframe (pre/index.html) whose inner iframe (pre/fake.html) holds the extension's HTML.
    if (!/\/webview\/browser\/pre\/fake\.html/.test(frame.url())) continue;
    try {
      const text = await frame.evaluate(() => document.body?.innerText || document.body?.textContent || '');
      const title = await frame.title().catch(() => '');
      webviews.push({ title, text: text.trim().slice(0, 20_000) });
    } catch {
      /* a frame that went away */
    }
  }
  fs.writeFileSync(file, JSON.stringify(webviews, null, 2) + '\n');
}

/** One run in a downloaded VS Code (Electron) through @vscode/test-electron. */
async function runInElectron(mode, testsPath) {
  const started = Date.now();
  const dirs = prepareTempDirs(mode);
  let failure;
  try {
    const { runTests } = await import('@vscode/test-electron');
    await runTests({
      extensionDevelopmentPath: extensionPath,
      extensionTestsPath: testsPath,
      cachePath: path.join(root, '.cache', 'vscode-test'),
      extensionTestsEnv: testEnv(mode, dirs),
      launchArgs: [
        dirs.workspace,
        '--disable-extensions',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-gpu',
        '--user-data-dir', dirs.userDataDir,
        '--extensions-dir', dirs.extensionsDir,
        ...(mode === 'trusted' ? ['--disable-workspace-trust'] : []),
      ],
      timeout: runTimeoutMs,
    });
  } catch (error) {
    // runTests rejects when the suite fails too; the results file tells which case it is.
    if (!readResults(dirs.results)) {
      const message = error instanceof Error ? error.message : String(error);
      failure = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|update\.code\.visualstudio\.com/.test(message)
        ? `${message}\n@vscode/test-electron could not download VS Code (it needs internet access); ` +
          'without it, run the default path: node scripts/run-vscode-tests.mjs'
        : message;
    }
  }
  const results = readResults(dirs.results) ?? { mode, passes: 0, failures: 0, pending: 0, durationMs: 0, tests: [] };
  if (failure) {
    results.failures++;
    results.tests.push({ title: `[${mode}] integration run`, state: 'failed', durationMs: null, error: failure });
  }
  results.runner = 'vscode-electron';
  results.runMs = Date.now() - started;
  if (options['keep-temp'] || failure) log(`[${mode}] temporary files kept in ${dirs.temp}`);
  else fs.rmSync(dirs.temp, { recursive: true, force: true });
  return results;
}

// ---------------------------------------------------------------------------------------------------------
function printResults(mode, results) {
  console.log(`\n${mode} workspace (${results.runner}${results.vscodeVersion ? `, VS Code ${results.vscodeVersion}` : ''}):`);
  for (const t of results.tests) {
    const ms = typeof t.durationMs === 'number' ? ` (${t.durationMs} ms)` : '';
    if (t.state === 'passed') console.log(`  ✔ ${t.title}${ms}`);
    else if (t.state === 'pending') console.log(`  - ${t.title} (skipped)`);
    else {
      console.log(`  ✘ ${t.title}${ms}`);
      const text = (t.stack && t.stack.includes(t.error ?? '') ? t.stack : t.error ?? 'failed').split('\n').slice(0, 15);
      for (const line of text) console.log(`      ${line}`);
    }
  }
  const extra = [`${results.pending} skipped`, `${(results.runMs / 1000).toFixed(1)} s`];
  if (typeof results.activationMs === 'number') extra.push(`activation ${results.activationMs} ms`);
  console.log(`  ${mode}: ${results.passes} passed, ${results.failures} failed (${extra.join(', ')})`);
}

async function main() {
  const extensionMain = path.join(extensionPath, 'dist', 'extension.js');
  if (!fs.existsSync(extensionMain)) {
    fail(`${extensionMain.startsWith(root + path.sep) ? path.relative(root, extensionMain) : extensionMain} is missing: build the extension first (npm run build).`);
  }
  fs.mkdirSync(resultsDir, { recursive: true });

  const suiteDir = options['suite-dir'] ? path.resolve(options['suite-dir']) : undefined;
  onCleanup(() => fs.rmSync(runBundleDir(root), { recursive: true, force: true }));
  const { outfile, suiteFiles } = await bundleIntegrationTests(root, suiteDir);
  log(`Bundled ${suiteFiles.length} suite file(s) into ${path.relative(root, outfile)}`);

  let paths;
  if (!options.electron) {
    const { provisionVscodeServer } = await import('./vscode-server/provision.mjs');
    const { findChromium } = await import('./vscode-server/browser.mjs');
    findChromium();
    paths = await provisionVscodeServer(cacheDir, { log });
  }

  const mapStack = createStackMapper(root, outfile);
  let passed = 0;
  let failed = 0;
  for (const mode of modes) {
    const results = options.electron ? await runInElectron(mode, outfile) : await runInServer(mode, paths, outfile);
    for (const t of results.tests) {
      if (t.error) t.error = mapStack(t.error);
      if (t.stack) t.stack = mapStack(t.stack);
    }
    fs.writeFileSync(path.join(resultsDir, `integration-${mode}.json`), JSON.stringify(results, null, 2) + '\n');
    printResults(mode, results);
    passed += results.passes;
    failed += results.failures;
  }
  if (passed + failed === 0) {
    console.log('\nNo test ran: check test/integration/suite/ and --grep.');
    failed = 1;
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack ?? error.message : String(error));
  console.log('0 passed, 1 failed');
  process.exit(1);
});
