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
export function workbenchUrl({ baseUrl, port, folder, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionDevelopmentPath)],
    ['extensionTestsPath', remote(extensionTestsPath)],
  ];
  return `${baseUrl}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * Launches Chromium with a fresh profile and opens the URL. Returns { context, page, messages, close() }.
 * onMessage(kind, text) receives every console message ('log', 'error', 'warning'...) and page error ('pageerror').
 */
export async function openWorkbench({ url, profileDir, onMessage }) {
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
    ],
  });
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
