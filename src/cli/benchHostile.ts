import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { ChatEngine } from '../core/pipeline/engine';
import { ConversationStore, type KeyValueStore } from '../core/chat/conversation';
import { ServerError, streamChat } from '../core/chat/openaiClient';
import type { Glossary } from '../core/glossary/glossary';
import { searchConcepts } from '../core/glossary/search';
import { renderAnswer } from '../core/present/markdown';
import { readUserFile } from '../core/glossary/userFiles';
import { forEachInSlices, nextTurn } from '../core/slices';
import { mergeHere, mergeOffThread, OFF_THREAD_CHARS } from '../core/glossary/mergeOffThread';
import type { Concept } from '../core/glossary/types';

/** What hostile inputs cost: time, extra memory and the longest stall of the event loop. */
export interface HostileFigures {
  ms: number;
  extraRssMb: number;
  eventLoopMaxMs: number;
  outcome: string;
}

export interface HostileBench {
  /** A 50 MB user glossary of 300,000 small entries: refused by size, before any byte is read. */
  glossary50Mb: HostileFigures;
  /** A user glossary at the default size cap (2 MB, about 5,000 realistic entries): read, then parsed and checked in a worker and indexed on this thread (terms, then the chat's retrieval), as in the extension. */
  glossaryAtCap: HostileFigures;
  /** A server that drips one byte at a time: ended by the overall deadline (2 s here, 3 minutes in the extension). */
  drippingServer: HostileFigures;
  /** A server that streams 300 MB: the answer is cut at 64,000 characters and the rest is never read. */
  endlessServer: HostileFigures;
  /** A server that redirects to another host: refused, nothing re-posted. */
  redirectingServer: HostileFigures;
  /** Issue 18, 5: a user entry whose explanation is `![a "` 80,000 times (313 KB), then three questions about it. */
  explanationBrackets: HostileFigures;
  /** Issue 18, 6: a server that answers 63,000 spaces then 63,000 new lines (the answer's bound is 64,000). */
  serverBlankAnswer: HostileFigures;
  /** Issue 18, 7: a 1 MB message to `@concepts`: understood and its passages taken, and `/glossary` with it. */
  conceptsMegabyte: HostileFigures;
  /** Issue 18, 8: 10,000 saved turns: the conversation restored and its answers rendered, as the chat view opens. */
  savedTurns: HostileFigures;
  /** Issue 18, 10: a 1.9 MB glossary whose one entry links 200,000 unknown ids: read, merged off the thread, indexed. */
  unknownLinks: HostileFigures;
  /** Issue 18, 13: Search Concepts at the 2 MB cap: a word typed letter by letter, then four "not found". */
  searchAtCap: HostileFigures;
}

const round = (value: number) => Math.round(value * 10) / 10;

async function measure(run: () => Promise<string>): Promise<HostileFigures> {
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  // A first tick of the histogram's timer before the work: a stall at the very start is measured from it.
  await new Promise((resolve) => setTimeout(resolve, 10));
  const started = performance.now();
  let outcome: string;
  try {
    outcome = await run();
  } catch (error) {
    outcome = error instanceof ServerError ? `${error.kind}: ${error.message}` : String(error);
  }
  const ms = performance.now() - started;
  // Let the histogram's timer run once more: a stall at the very end is only seen on the next turn of the loop.
  await new Promise((resolve) => setTimeout(resolve, 20));
  delay.disable();
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms: round(ms), extraRssMb: round((peak - rssBefore) / 1e6), eventLoopMaxMs: round(delay.max / 1e6), outcome: outcome.slice(0, 160) };
}

/** About 2 MB of entries that look like a team's: two languages, sentences, a link. */
function glossaryAtCap(dir: string): string {
  const file = path.join(dir, 'cap.concepts.json');
  const entries = [];
  for (let i = 0; entries.length === 0 || JSON.stringify(entries).length < 1.9e6; i++) {
    entries.push({
      id: `team-term-${i}`, category: 'foundations', level: 'beginner', related: ['attention'],
      fr: { term: `terme maison ${i}`, definition: `Une définition assez longue pour ressembler à une vraie, numéro ${i}, avec quelques mots de plus.` },
      en: { term: `team term ${i}`, definition: `A definition long enough to look like a real one, number ${i}, with a few more words.` },
    });
  }
  fs.writeFileSync(file, JSON.stringify(entries));
  return file;
}

function bigGlossary(dir: string): string {
  const file = path.join(dir, 'big.concepts.json');
  const entry = (i: number) => `{"id":"c${i}","category":"foundations","level":"beginner","fr":{"term":"t${i}","definition":"d"},"en":{"term":"t${i}","definition":"d"}}`;
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, '[');
  for (let i = 0; i < 300_000; i++) fs.writeSync(out, (i ? ',' : '') + entry(i) + ' '.repeat(40));
  fs.writeSync(out, ']');
  fs.closeSync(out);
  return file;
}

async function hostileServer(handler: http.RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

const MESSAGES = [{ role: 'user' as const, content: 'What is GPT?' }];

/** The bundled concepts with one user entry, merged on this thread. */
function withEntry(bundled: readonly Concept[], entry: object): Glossary {
  return mergeHere(bundled, [{ file: '/bench/.vscode/concepts.json', text: JSON.stringify([entry]) }]).glossary;
}

/** A question as each surface asks it. */
const ask = (question: string) => ({ question, answerLang: 'auto' as const, fallbackLang: 'en' as const, history: [] });

/** Issue 18's freezes, each measured as the extension meets it (the glossary or the engine made beforehand). */
async function issue18(bundled: readonly Concept[], workerFile: string, dir: string, atCap: Glossary): Promise<Pick<HostileBench, 'explanationBrackets' | 'serverBlankAnswer' | 'conceptsMegabyte' | 'savedTurns' | 'unknownLinks' | 'searchAtCap'>> {
  const brackets = '![a "'.repeat(80_000);
  const hostileEngine = new ChatEngine(withEntry(bundled, { id: 'bracket-store', category: 'foundations', level: 'beginner', en: { term: 'bracket store', definition: 'A store of brackets.', explanation: brackets, example: brackets } }));
  const explanationBrackets = await measure(async () => {
    const asked = ['What is a bracket store?', 'How does a bracket store work?', 'Give an example of a bracket store.'].map((question) => hostileEngine.prepare(ask(question)));
    return `${asked.map((prepared) => prepared.passages.length).join('+')} passages`;
  });

  const blank = await hostileServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    for (const piece of [' '.repeat(63_000), '\n'.repeat(63_000)]) response.write(`data: ${JSON.stringify({ choices: [{ delta: { content: piece } }] })}\n\n`);
    response.end('data: [DONE]\n\n');
  });
  const engine = new ChatEngine(withEntry(bundled, { id: 'team-only', category: 'foundations', level: 'beginner', en: { term: 'team only', definition: 'Ours.' } }));
  let serverBlankAnswer: HostileFigures = { ms: 0, extraRssMb: 0, eventLoopMaxMs: 0, outcome: '' };
  for (const question of ['What is GPT?', 'What is LoRA?']) {
    const run = await measure(async () => `answer of ${(await engine.ask(ask(question), { kind: 'server', settings: { url: blank.url, model: 'm' } }, () => {})).text.length} characters`);
    if (run.eventLoopMaxMs >= serverBlankAnswer.eventLoopMaxMs) serverBlankAnswer = run;
  }
  await blank.close();

  const megabyte = `What is GPT? ${'attention and fine-tuning in LoRA, pour les transformeurs, '.repeat(17_000)}`.slice(0, 1_000_000);
  const conceptsMegabyte = await measure(async () => {
    const prepared = engine.prepare(ask(megabyte));
    const listed = searchConcepts(engine.glossary, megabyte).concepts.length;
    return `${prepared.understanding.concepts.map((concept) => concept.id).join(', ')}; /glossary: ${listed} concepts`;
  });

  const saved = Array.from({ length: 10_000 }, (_, i) => ({ id: `t${i}`, question: `What is concept ${i}?`, answer: `Concept ${i} is **one** of [many](https://example.org) things. `.repeat(8), lang: 'en', sources: [], state: 'done', createdAt: i }));
  const storage: KeyValueStore = { get: <T>(key: string) => (key === 'conceptExplainer.chat.turns' ? (saved as T) : undefined), update: () => Promise.resolve() };
  const savedTurns = await measure(async () => {
    const store = new ConversationStore(storage);
    // As the chat view renders them when it opens: a slice at a time.
    let html = 0;
    await forEachInSlices(store.all, (turn) => (html += renderAnswer(turn.answer, false).length), nextTurn);
    return `${store.all.length} of ${saved.length} turns restored, ${Math.round(html / 1000)} KB of HTML`;
  });

  const linksFile = path.join(dir, 'links.concepts.json');
  const links = Array.from({ length: 200_000 }, (_, i) => `u${i.toString(36)}`);
  fs.writeFileSync(linksFile, JSON.stringify([{ id: 'linker', category: 'foundations', level: 'beginner', en: { term: 'linker', definition: 'Links.' }, related: links }]));
  const unknownLinks = await measure(async () => {
    const read = await readUserFile(linksFile, { maxBytes: 2048 * 1024 });
    if (!('text' in read)) return 'problem' in read ? `refused: ${read.problem.message}` : 'missing';
    const merged = await mergeOffThread(workerFile, bundled, [{ file: linksFile, text: read.text }]);
    return `${(fs.statSync(linksFile).size / 1e6).toFixed(1)} MB, ${links.length} links: ${merged.problems.length} problems`;
  });

  let slowest = 0;
  const searchAtCap = await measure(async () => {
    const queries = [...'transformer'].map((_, i) => 'transformer'.slice(0, i + 1)).concat(['zzqx wvvy', 'tranformeur', 'qqqq', 'kubernetes']);
    for (const query of queries) {
      const started = performance.now();
      searchConcepts(atCap, query);
      slowest = Math.max(slowest, performance.now() - started);
      await nextTurn(); // keystrokes come one at a time
    }
    return `${queries.length} searches among ${atCap.concepts.length} concepts, the slowest ${Math.round(slowest)} ms`;
  });
  return { explanationBrackets, serverBlankAnswer, conceptsMegabyte, savedTurns, unknownLinks, searchAtCap };
}

export async function runHostileBench(bundled: readonly Concept[], workerFile: string): Promise<HostileBench> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-bench-'));
  try {
    const file = bigGlossary(dir);
    const glossary50Mb = await measure(async () => {
      const read = await readUserFile(file, { maxBytes: 2048 * 1024 });
      return 'problem' in read ? `refused: ${read.problem.message}` : 'read';
    });
    const capFile = glossaryAtCap(dir);
    let capGlossary: Glossary | undefined;
    const atCap = await measure(async () => {
      const read = await readUserFile(capFile, { maxBytes: 2048 * 1024 });
      if (!('text' in read)) return 'problem' in read ? `refused: ${read.problem.message}` : 'missing';
      // As the extension does: above OFF_THREAD_CHARS, parsed and merged in a worker, indexed here.
      const inputs = [{ file: capFile, text: read.text }];
      const merged = read.text.length > OFF_THREAD_CHARS ? await mergeOffThread(workerFile, bundled, inputs) : mergeHere(bundled, inputs);
      // Then the chat's retrieval index, built in slices as the extension does at the next question.
      await ChatEngine.sliced(merged.glossary, nextTurn);
      capGlossary = merged.glossary;
      return `${merged.glossary.concepts.length - bundled.length} concepts added, ${merged.problems.length} problems, chat index built`;
    });

    // A byte every 50 ms, for ever: only the deadline ends it (the idle time-out is re-armed by every byte).
    const drip = await hostileServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      const timer = setInterval(() => response.write('d'), 50);
      response.on('close', () => clearInterval(timer));
    });
    const drippingServer = await measure(() => streamChat({ url: drip.url, model: 'm', timeoutMs: 1000, deadlineMs: 2000 }, MESSAGES, () => {}));
    await drip.close();

    const piece = `data: ${JSON.stringify({ choices: [{ delta: { content: 'x'.repeat(10_000) } }] })}\n\n`;
    const endless = await hostileServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      let sent = 0;
      const pump = () => {
        while (sent < 300e6 && response.write(piece)) sent += piece.length;
        if (sent < 300e6) response.once('drain', pump);
        else response.end();
      };
      pump();
    });
    const endlessServer = await measure(async () => `${(await streamChat({ url: endless.url, model: 'm' }, MESSAGES, () => {})).length} characters kept`);
    await endless.close();

    let reposted = 0;
    const target = await hostileServer((_request, response) => {
      reposted++;
      response.end();
    });
    const redirect = await hostileServer((_request, response) => {
      response.writeHead(307, { location: `${target.url}/chat/completions` });
      response.end();
    });
    const redirectingServer = await measure(async () => {
      await streamChat({ url: redirect.url, model: 'm' }, MESSAGES, () => {});
      return 'followed';
    });
    redirectingServer.outcome += `; requests reaching the other host: ${reposted}`;
    await Promise.all([redirect.close(), target.close()]);
    const freezes = await issue18(bundled, workerFile, dir, capGlossary ?? withEntry(bundled, {}));
    return { glossary50Mb, glossaryAtCap: atCap, drippingServer, endlessServer, redirectingServer, ...freezes };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
