// Opens the VS Code web workbench in Debian's Chromium through playwright-core (never downloads a browser).
import * as fs from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM_CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium() {
  const found = CHROMIUM_CANDIDATES.find((p) => p && fs.existsSync(p));
  if (!found) {
    throw new Error('Chromium was not found at /usr/bin/chromium (set CHROMIUM_PATH, or run: apt-get install chromium).');
  }
  return found;
}

/** The workbench URL carrying the extension development payload. */
export function workbenchUrl({ baseUrl, port, folder, extensionDevelopmentPath, extensionTestsPath, extensionDevelopmentKind }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionDevelopmentPath)],
    ['extensionTestsPath', remote(extensionTestsPath)],
    // `web` runs the extension (and its tests) in the workbench's web worker extension host, from its `browser` entry.
    ...(extensionDevelopmentKind ? [['extensionDevelopmentKind', extensionDevelopmentKind]] : []),
  ];
  return `${baseUrl}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * Launches Chromium with a fresh profile and opens the URL. Returns { context, page, messages, close() }.
 * onMessage(kind, text) receives every console message ('log', 'error', 'warning'...) and page error ('pageerror').
 */
/**
 * The server writes the workbench's options into its page (a `data-settings` attribute); a web extension under
 * development must be named there (`developmentOptions.extensions`), since the browser's extension scanner reads it
 * and not the URL's payload. Returns the page with `extensions` added.
 */
export function withWebExtensionsUnderDevelopment(html, extensions) {
  const pattern = /(<meta id="vscode-workbench-web-configuration" data-settings=")([^"]*)(")/;
  const match = pattern.exec(html);
  if (!match) throw new Error('the workbench page has no configuration to add the web extension to');
  const unescape = (text) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const escape = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const settings = JSON.parse(unescape(match[2]));
  settings.developmentOptions = { ...settings.developmentOptions, extensions };
  return html.replace(pattern, (_whole, start, _settings, end) => start + escape(JSON.stringify(settings)) + end);
}

export async function openWorkbench({ url, profileDir, onMessage, webExtensions }) {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1600, height: 1000 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-dev-shm-usage',
      // A page answered by route.fulfill has no address space of its own, so Chromium's Local Network Access checks
      // would block its WebSocket to the server on 127.0.0.1 (net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS).
      ...(webExtensions ? ['--disable-features=LocalNetworkAccessChecks'] : []),
    ],
  });
  if (webExtensions) {
    // Only the workbench page itself: `url` without its query.
    const pageUrl = new URL(url);
    await context.route((candidate) => candidate.origin === pageUrl.origin && candidate.pathname === pageUrl.pathname, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: withWebExtensionsUnderDevelopment(await response.text(), webExtensions) });
    });
  }
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => onMessage?.(message.type(), message.text()));
  page.on('pageerror', (error) => onMessage?.('pageerror', error.stack ?? error.message));
  page.on('crash', () => onMessage?.('pageerror', 'the workbench page crashed'));
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await context.close().catch(() => {});
  };
  return { context, page, close };
}
