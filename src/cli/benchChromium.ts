import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { CliPaths } from './model';

/** The model in Chromium, as VS Code for the Web runs it: onnxruntime-web's browser build in a web worker, one thread. */
export interface ChromiumFigures {
  loadMs: number;
  firstTokenMs200: number;
  firstTokenMs600: number;
  decodeTokensPerS: number;
  /** Fetching the model and the WebAssembly runtime from the local server, before the load. */
  fetchMs: number;
  /** The page's start to the model ready: fetch, worker start and load. */
  readyMs: number;
  /** Whether the page had SharedArrayBuffer (it does not, as in VS Code for the Web: one thread needs none). */
  crossOriginIsolated: boolean;
  browser: string;
}

/** Where Debian (apt-get install chromium) and other systems put Chromium; CHROMIUM_PATH first. */
const CHROMIUM_PATHS = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.html': 'text/html' };

/** Serves the page, dist/ and the model folder on 127.0.0.1 (nothing else is reachable). */
function serve(dist: string, modelDir: string): Promise<http.Server> {
  const page = '<!doctype html><meta charset="utf-8"><title>bench</title><script src="/dist/web/benchPage.js"></script>';
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/') return void response.writeHead(200, { 'content-type': TYPES['.html'] }).end(page);
    const [base, prefix] = url.pathname.startsWith('/models/concept-gpt/') ? [modelDir, '/models/concept-gpt/'] : [dist, '/dist/'];
    const file = path.resolve(base, decodeURIComponent(url.pathname.slice(prefix.length)));
    if (!url.pathname.startsWith(prefix) || !file.startsWith(base + path.sep) || !fs.existsSync(file)) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Loads the bundled model in headless Chromium and times it as the Node figures are (the same prompt, runs and
 * medians). Null, with the reason on stderr, where Chromium or playwright-core is missing; under CI=true that fails.
 */
export async function measureChromium(paths: CliPaths, prompt: number[], settings: { promptTokens: number; decodeTokens: number; runs: number }): Promise<ChromiumFigures | null> {
  const executable = CHROMIUM_PATHS.find((file) => file && fs.existsSync(file));
  let chromium: typeof import('playwright-core').chromium;
  try {
    if (!executable) throw new Error('Chromium was not found (apt-get install chromium, or set CHROMIUM_PATH)');
    ({ chromium } = await import('playwright-core'));
  } catch (error) {
    const message = `bench: no Chromium figures: ${(error as Error).message}`;
    if (process.env.CI === 'true') throw new Error(message);
    process.stderr.write(`*** SKIPPED: ${message} ***\n`);
    return null;
  }
  const server = await serve(paths.dist, paths.modelDir);
  const browser = await chromium.launch({ executablePath: executable, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const figures = await page.evaluate(
      (request) => (globalThis as unknown as { benchModel(r: typeof request): Promise<Omit<ChromiumFigures, 'browser'>> }).benchModel(request),
      { prompt, ...settings },
    );
    return { ...figures, browser: `Chromium ${browser.version()}` };
  } finally {
    await browser.close();
    server.close();
  }
}
