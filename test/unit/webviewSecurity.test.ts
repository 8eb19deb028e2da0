/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Browser code in page.evaluate() callbacks runs in Chromium, hence the DOM types.
import type { ConceptView, HostMessage, PanelStrings } from '../../src/webviewProtocol/panelMessages';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserServer } from 'playwright-core';
import { renderMarkdown } from '../../src/core/present/markdown';

const CHROMIUM = '/usr/bin/chromium';
const MEDIA = path.resolve(__dirname, '../../dist/media');
const XSS = '<img src=x onerror="window.__xss=1"> <script>window.__xss=2</script> [click](javascript:window.__xss=3) <svg onload="window.__xss=4">';

/** The webview page as VS Code serves it, with a fake `acquireVsCodeApi` that records what the page posts. */
function page(script: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-test'; style-src 'unsafe-inline'">
</head><body><main id="app"></main>
<script nonce="test">window.__posted=[];window.acquireVsCodeApi=()=>({postMessage:(m)=>window.__posted.push(m),getState:()=>undefined,setState:()=>{}});</script>
<script nonce="test" src="/${script}"></script></body></html>`;
}

/** How long the browser has to close before its process is ended: a loaded machine must not fail a passing run. */
const CLOSE_DEADLINE_MS = 10_000;

/** Resolves with `true` when `work` settles within `ms`, `false` otherwise (the work is left to finish or not). */
async function within(ms: number, work: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true, () => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Closes the browser, and ends its process if closing takes longer than CLOSE_DEADLINE_MS (on a loaded machine
 * `browser.close()` once waited past the hook's 60 s): the teardown is bounded whatever Chromium does.
 */
async function closeBrowser(browser: Browser | undefined, server: BrowserServer | undefined, deadlineMs = CLOSE_DEADLINE_MS): Promise<void> {
  const closed = await within(deadlineMs, (async () => {
    await browser?.close();
    await server?.close();
  })());
  if (closed || !server) return;
  const pid = server.process().pid;
  if (!(await within(deadlineMs / 2, server.kill())) && pid) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* it has ended meanwhile */
    }
  }
}

/** Closes the test server, its open connections included; nothing to do when it never started. */
function closeServer(server: http.Server | undefined): Promise<void> {
  if (!server?.listening) return Promise.resolve();
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

describe('webview pages render model and user text without running it (Chromium)', function () {
  this.timeout(60_000);
  let server: http.Server | undefined;
  let browserProcess: BrowserServer | undefined;
  let browser: Browser | undefined;
  let base = '';

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      if (process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium`);
      console.warn(`\n  *** SKIPPED: Chromium is missing; bash .ci/run installs what is missing and runs every test (under CI=true this fails). ***\n`);
      this.skip();
    }
    assert.ok(fs.existsSync(path.join(MEDIA, 'chat.js')), 'dist/media/chat.js is missing: run "npm run build" first (npm test does)');
    const listening = http.createServer((request, response) => {
      const name = (request.url ?? '/').slice(1);
      if (name.endsWith('.html')) {
        response.writeHead(200, { 'content-type': 'text/html' }).end(page(name.replace('.html', '.js')));
      } else if (/^(chat|panel)\.js$/.test(name)) {
        response.writeHead(200, { 'content-type': 'text/javascript' }).end(fs.readFileSync(path.join(MEDIA, name)));
      } else {
        response.writeHead(404).end();
      }
    });
    server = listening;
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
    // A browser server rather than `chromium.launch`: its process can be ended if closing it hangs.
    browserProcess = await chromium.launchServer({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    browser = await chromium.connect(browserProcess.wsEndpoint());
  });

  after(async function () {
    this.timeout(2 * CLOSE_DEADLINE_MS + 5_000);
    await closeBrowser(browser, browserProcess);
    await closeServer(server);
  });

  async function open(name: string) {
    const tab = await browser!.newPage();
    const dialogs: string[] = [];
    tab.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await tab.goto(`${base}/${name}.html`);
    await tab.waitForFunction(() => (window as unknown as { __posted: unknown[] }).__posted.length > 0);
    return { tab, dialogs };
  }

  it('the chat shows a hostile question and answer as text, from the model and from a server alike', async () => {
    const { tab, dialogs } = await open('chat');
    const strings = Object.fromEntries(['placeholder', 'send', 'stop', 'newChat', 'copy', 'copied', 'sources', 'interrupted', 'stopped', 'emptyTitle', 'emptyHint', 'languageLabel', 'languageAuto', 'previousStopped', 'backendBundled', 'backendServer'].map((key) => [key, key]));
    const turn = (id: string) => ({ id, question: XSS, answerHtml: renderMarkdown(XSS), state: 'done', sources: [{ id: 'gpt', term: XSS }] });
    await tab.evaluate(
      ([init, streamed, finished]) => {
        window.postMessage(init, '*');
        window.postMessage(streamed, '*');
        window.postMessage({ type: 'delta', id: 'server', text: '<img src=x onerror="window.__xss=5">' }, '*');
        window.postMessage(finished, '*');
      },
      [
        { type: 'init', turns: [turn('model')], examples: [XSS], language: 'auto', backend: XSS, strings },
        { type: 'turn', turn: { ...turn('server'), answerHtml: '', state: 'streaming' } },
        { type: 'turn', turn: turn('server') },
      ] as const,
    );
    await tab.waitForSelector('[data-id="server"] .answer');
    await tab.waitForTimeout(300);
    const result = await tab.evaluate(() => ({
      xss: (window as unknown as { __xss?: number }).__xss,
      images: document.querySelectorAll('img, svg, script:not([nonce])').length,
      scriptLinks: [...document.querySelectorAll('a')].filter((a) => a.href.startsWith('javascript')).length,
      text: document.body.textContent ?? '',
    }));
    assert.equal(result.xss, undefined);
    assert.equal(result.images, 0);
    assert.equal(result.scriptLinks, 0);
    assert.equal(dialogs.length, 0);
    assert.ok(result.text.includes('<script>window.__xss=2</script>'), 'the hostile text is shown as text');
    await tab.close();
  });

  it('the chat shows hostile suggestions and waiting labels as text, and a suggestion posts its place, not its text', async () => {
    const { tab, dialogs } = await open('chat');
    const keys = ['placeholder', 'send', 'stop', 'newChat', 'copy', 'copied', 'sources', 'interrupted', 'stopped', 'emptyTitle', 'emptyHint', 'languageLabel', 'languageAuto', 'previousStopped', 'backendBundled', 'backendServer', 'elapsed', 'suggestionsLabel', 'interruptedBeforeStart'];
    const strings = { ...Object.fromEntries(keys.map((key) => [key, XSS])), phases: { loading: XSS, reading: XSS, waiting: XSS } };
    const done = { id: 'done', question: 'q', answerHtml: '<p>a</p>', state: 'done', sources: [], suggestions: [XSS, `${XSS} 2`] };
    await tab.evaluate(
      ([init, streaming]) => {
        window.postMessage(init, '*');
        window.postMessage(streaming, '*');
        window.postMessage({ type: 'progress', id: 'live', phase: 'loading' }, '*');
      },
      [
        { type: 'init', turns: [done], examples: [], language: 'auto', backend: 'bundled', strings },
        { type: 'turn', turn: { id: 'live', question: XSS, answerHtml: '', state: 'streaming', sources: [] } },
      ] as const,
    );
    await tab.waitForSelector('[data-id="live"] .progress');
    const shown = await tab.evaluate(() => ({
      suggestions: [...document.querySelectorAll('.suggestion')].map((node) => node.textContent),
      progress: document.querySelector('.progress')?.textContent,
    }));
    // A new question passes the previous answer's suggestions by.
    assert.deepEqual(shown, { suggestions: [], progress: XSS });
    await tab.evaluate(() => window.postMessage({ type: 'delta', id: 'live', text: 'First words' }, '*'));
    await tab.waitForFunction(() => !document.querySelector('.progress'));
    await tab.evaluate((finished) => window.postMessage(finished, '*'), { type: 'turn', turn: { id: 'live', question: XSS, answerHtml: '<p>First words</p>', state: 'done', sources: [], suggestions: [XSS] } });
    await tab.waitForSelector('[data-id="live"] .suggestion');
    await tab.click('[data-id="live"] .suggestion');
    const result = await tab.evaluate(() => ({
      xss: (window as unknown as { __xss?: number }).__xss,
      images: document.querySelectorAll('img, svg, script:not([nonce])').length,
      suggestion: document.querySelector('.suggestion')?.textContent,
      posted: (window as unknown as { __posted: unknown[] }).__posted.at(-1),
    }));
    assert.deepEqual(result, { xss: undefined, images: 0, suggestion: XSS, posted: { type: 'askSuggestion', id: 'live', index: 0 } });
    assert.equal(dialogs.length, 0);
    await tab.close();
  });

  it('the chat says how long an answer has waited, past two seconds', async () => {
    const { tab } = await open('chat');
    const keys = ['placeholder', 'send', 'stop', 'newChat', 'copy', 'copied', 'sources', 'interrupted', 'stopped', 'emptyTitle', 'emptyHint', 'languageLabel', 'languageAuto', 'previousStopped', 'backendBundled', 'backendServer', 'suggestionsLabel', 'interruptedBeforeStart'];
    const strings = { ...Object.fromEntries(keys.map((key) => [key, key])), elapsed: '{0} s', phases: { loading: 'Loading the model…', reading: 'Reading the question…', waiting: 'Waiting…' } };
    await tab.evaluate(
      ([init, streaming]) => {
        window.postMessage(init, '*');
        window.postMessage(streaming, '*');
        window.postMessage({ type: 'progress', id: 'live', phase: 'loading' }, '*');
      },
      [
        { type: 'init', turns: [], examples: [], language: 'auto', backend: 'bundled', strings },
        { type: 'turn', turn: { id: 'live', question: 'q', answerHtml: '', state: 'streaming', sources: [] } },
      ] as const,
    );
    await tab.waitForSelector('.progress');
    assert.equal(await tab.textContent('.progress'), 'Loading the model…');
    await tab.evaluate(() => window.postMessage({ type: 'progress', id: 'live', phase: 'reading' }, '*'));
    await tab.waitForFunction(() => /^Reading the question… [2-9] s$/.test(document.querySelector('.progress')?.textContent ?? ''), undefined, { timeout: 5_000 });
    await tab.close();
  });

  it('the chat shows a long restored conversation at once, in a time that grows with its length only', async () => {
    const { tab } = await open('chat');
    const strings = Object.fromEntries(['placeholder', 'send', 'stop', 'newChat', 'copy', 'copied', 'sources', 'interrupted', 'stopped', 'emptyTitle', 'emptyHint', 'languageLabel', 'languageAuto', 'previousStopped', 'backendBundled', 'backendServer'].map((key) => [key, key]));
    // More turns than the host ever sends (it restores 200): the page itself must not query and scroll once per turn.
    const turns = Array.from({ length: 5_000 }, (_, i) => ({ id: `t${i}`, question: `Question ${i}?`, answerHtml: `<p>Answer ${i}.</p>`, state: 'done', sources: [] }));
    const started = Date.now();
    await tab.evaluate((init) => window.postMessage(init, '*'), { type: 'init', turns, examples: [], language: 'auto', backend: 'bundled', strings });
    await tab.waitForFunction((count) => document.querySelectorAll('.turn').length === count, turns.length, { polling: 20, timeout: 30_000 });
    const ms = Date.now() - started;
    // Once a query and a scroll per turn: 7.4 s for 3,000 turns here, growing with the square of their number.
    assert.ok(ms < 10_000, `5,000 turns took ${ms} ms to show`);
    await tab.close();
  });

  it('the explanation panel shows hostile glossary text as text', async () => {
    const { tab } = await open('panel');
    const keys = ['definition', 'explanation', 'example', 'related', 'prerequisites', 'references', 'back', 'forward', 'follow', 'switchLanguage', 'notFound', 'closest', 'noSuggestion', 'empty', 'askChat', 'learningPath', 'next', 'history', 'userConcept', 'overriddenConcept', 'plainTextNotice'];
    const strings = Object.fromEntries(keys.map((key) => [key, `${XSS} {0}`])) as unknown as PanelStrings;
    const link = { id: 'a', term: XSS };
    const view: ConceptView = {
      id: 'gpt', lang: 'en', labelsLang: 'en', term: XSS, otherTerm: XSS, otherLang: 'fr', aliases: [XSS], category: 'x', level: 'beginner',
      definition: XSS, explanationHtml: renderMarkdown(XSS), sections: [{ title: XSS, text: XSS }], example: XSS,
      contrasts: [{ concept: link, text: XSS }], contrastsTitle: XSS, related: [link], prerequisites: [link], learningPath: [link, link],
      next: [link], references: [XSS], origin: { kind: 'user', file: XSS, plainText: true },
    };
    const message: HostMessage = {
      type: 'showConcept', view, canGoBack: true, canGoForward: false, follow: false, strings,
      history: [{ label: XSS, index: 0 }, { label: XSS, index: 1 }], historyIndex: 1,
    };
    await tab.evaluate((posted) => window.postMessage(posted, '*'), message);
    await tab.waitForSelector('h1');
    await tab.waitForTimeout(300);
    const result = await tab.evaluate(() => ({
      xss: (window as unknown as { __xss?: number }).__xss,
      images: document.querySelectorAll('img, svg, script:not([nonce])').length,
    }));
    assert.deepEqual(result, { xss: undefined, images: 0 });
    await tab.close();
  });
});

describe('the Chromium harness teardown', function () {
  this.timeout(30_000);

  it('ends the browser process when closing it hangs, within its deadline', async function () {
    if (!fs.existsSync(CHROMIUM)) this.skip();
    const server = await chromium.launchServer({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    const browser = await chromium.connect(server.wsEndpoint());
    const pid = server.process().pid!;
    // A close that never ends, as on a loaded machine where it waited past the hook's 60 s.
    browser.close = () => new Promise<void>(() => {});
    server.close = () => new Promise<void>(() => {});
    const started = Date.now();
    await closeBrowser(browser, server, 1_000);
    assert.ok(Date.now() - started < 15_000, `the teardown took ${Date.now() - started} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.throws(() => process.kill(pid, 0), /ESRCH/, 'the browser process has ended');
  });
});
