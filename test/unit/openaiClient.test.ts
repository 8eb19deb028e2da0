import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { completionsUrl, displayUrl, LIMITS, scrubSecrets, ServerError, streamChat, type ChatMessage, type ServerErrorKind, type ServerSettings } from '../../src/core/chat/openaiClient';

/** What the fake server received. */
interface Received {
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

type Handler = (res: http.ServerResponse, req: http.IncomingMessage) => void;

/** A local OpenAI-compatible server on 127.0.0.1 and a random port; every server is closed after each test. */
const servers: http.Server[] = [];

async function serve(handler: Handler): Promise<{ base: string; received: Received[] }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ method: req.method, path: req.url, headers: req.headers, body });
      handler(res, req);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}/v1`, received };
}

async function closeServer(server: http.Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** A port on 127.0.0.1 where nothing listens (it was just freed). */
async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await closeServer(server);
  return port;
}

function startEvents(res: http.ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.flushHeaders();
}

function event(content: string): string {
  return `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content } }] })}\n\n`;
}

const DONE = 'data: [DONE]\n\n';

/** Writes the pieces one by one, `gapMs` apart, then ends the response unless told not to. */
function writeSlowly(res: http.ServerResponse, pieces: ReadonlyArray<string | Buffer>, gapMs: number, end = true): void {
  let index = 0;
  const next = () => {
    if (res.destroyed) return;
    if (index >= pieces.length) {
      if (end) res.end();
      return;
    }
    res.write(pieces[index++]!);
    setTimeout(next, gapMs);
  };
  next();
}

/** Waits for the promise, failing after `ms` instead of hanging the suite. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`Timed out waiting for ${what}`)), ms)));
  try {
    return await Promise.race([promise, limit]);
  } finally {
    clearTimeout(timer);
  }
}

async function rejectsWith(promise: Promise<unknown>, kind: ServerErrorKind, message?: RegExp): Promise<ServerError> {
  const error = await within(
    promise.then(
      (text) => assert.fail(`expected a ServerError of kind ${kind}, got the answer ${JSON.stringify(text)}`),
      (error: unknown) => error,
    ),
    10_000,
    `a ${kind} error`,
  );
  assert.ok(error instanceof ServerError, `expected a ServerError, got ${String(error)}`);
  assert.equal(error.kind, kind, error.message);
  if (message) assert.match(error.message, message);
  return error;
}

const MESSAGES: ChatMessage[] = [
  { role: 'system', content: 'You explain machine-learning concepts.' },
  { role: 'user', content: 'What is GPT?' },
];

describe('OpenAI-compatible chat client', function () {
  this.timeout(20_000);

  afterEach(async () => {
    await Promise.all(servers.splice(0).map(closeServer));
  });

  const settings = (base: string, extra: Partial<ServerSettings> = {}): ServerSettings => ({ url: base, model: 'test-model', timeoutMs: 10_000, ...extra });

  it('streams the pieces in order and resolves with the whole text', async () => {
    const { base, received } = await serve((res) => {
      startEvents(res);
      writeSlowly(res, [event('GPT '), event('is a '), `: keep-alive comment\n\n`, event('[gpt] model.'), DONE], 5);
    });
    const pieces: string[] = [];
    const text = await streamChat(settings(base), MESSAGES, (piece) => pieces.push(piece));
    assert.deepEqual(pieces, ['GPT ', 'is a ', '[gpt] model.']);
    assert.equal(text, 'GPT is a [gpt] model.');

    assert.equal(received.length, 1);
    const request = received[0]!;
    assert.equal(request.method, 'POST');
    assert.equal(request.path, '/v1/chat/completions');
    assert.match(String(request.headers['content-type']), /application\/json/);
    const body = JSON.parse(request.body) as Record<string, unknown>;
    assert.equal(body.model, 'test-model');
    assert.deepEqual(body.messages, MESSAGES);
    assert.equal(body.stream, true);
    assert.equal(request.headers.authorization, undefined, 'no API key, no Authorization header');
  });

  it('sends the API key as a bearer token, and the sampling options', async () => {
    const { base, received } = await serve((res) => {
      startEvents(res);
      res.end(event('ok') + DONE);
    });
    await streamChat(settings(base, { apiKey: 'sk-test-123' }), MESSAGES, () => {}, undefined, { temperature: 0.3, maxTokens: 64 });
    assert.equal(received[0]?.headers.authorization, 'Bearer sk-test-123');
    const body = JSON.parse(received[0]!.body) as Record<string, unknown>;
    assert.equal(body.temperature, 0.3);
    assert.equal(body.max_tokens, 64);
  });

  it('reassembles events split across network chunks, even inside a character', async () => {
    const first = event('Hel');
    const second = event('lo, été');
    const bytes = Buffer.from(second);
    const accent = bytes.indexOf(0xc3); // first byte of "é"
    const { base } = await serve((res) => {
      startEvents(res);
      writeSlowly(
        res,
        [
          first.slice(0, 17),
          first.slice(17, first.length - 1),
          first.slice(first.length - 1), // the second new line of the blank line
          bytes.subarray(0, accent + 1),
          bytes.subarray(accent + 1),
          'data: [DO',
          'NE]\n\n',
        ],
        60,
      );
    });
    const pieces: string[] = [];
    const text = await streamChat(settings(base), MESSAGES, (piece) => pieces.push(piece));
    assert.deepEqual(pieces, ['Hel', 'lo, été']);
    assert.equal(text, 'Hello, été');
  });

  it('accepts events separated by CRLF', async () => {
    const { base } = await serve((res) => {
      startEvents(res);
      res.end(event('a').replace(/\n/g, '\r\n') + event('b').replace(/\n/g, '\r\n') + DONE.replace(/\n/g, '\r\n'));
    });
    assert.equal(await streamChat(settings(base), MESSAGES, () => {}), 'ab');
  });

  it('stops reading at [DONE] even when the server keeps the connection open', async () => {
    const { base } = await serve((res) => {
      startEvents(res);
      res.write(event('done here') + DONE);
      // Never ends: waiting for the end of the stream would run into the timeout.
    });
    assert.equal(await streamChat(settings(base, { timeoutMs: 5_000 }), MESSAGES, () => {}), 'done here');
  });

  it('waits as long as the pieces keep coming, however long the whole answer takes', async () => {
    const pieces = Array.from({ length: 8 }, (_, index) => event(`${index} `));
    const { base } = await serve((res) => {
      startEvents(res);
      // About 2 s in all, far longer than the timeout, but never more than 250 ms between two pieces.
      writeSlowly(res, [...pieces, DONE], 250);
    });
    const text = await streamChat(settings(base, { timeoutMs: 1_500 }), MESSAGES, () => {});
    assert.equal(text, '0 1 2 3 4 5 6 7 ');
  });

  it('reports a refused API key as unauthorized', async () => {
    const { base } = await serve((res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'Invalid API key' } }));
    });
    await rejectsWith(streamChat(settings(base, { apiKey: 'wrong' }), MESSAGES, () => {}), 'unauthorized', /401/);
  });

  it('reports 403 as unauthorized too', async () => {
    const { base } = await serve((res) => {
      res.writeHead(403);
      res.end('forbidden');
    });
    await rejectsWith(streamChat(settings(base), MESSAGES, () => {}), 'unauthorized', /403/);
  });

  it('reports 429 as rate limiting', async () => {
    const { base } = await serve((res) => {
      res.writeHead(429, { 'retry-after': '1' });
      res.end('slow down');
    });
    await rejectsWith(streamChat(settings(base), MESSAGES, () => {}), 'rateLimited', /429/);
  });

  it('reports other HTTP errors with their status and what the server said', async () => {
    const { base } = await serve((res) => {
      res.writeHead(500);
      res.end('model crashed');
    });
    await rejectsWith(streamChat(settings(base), MESSAGES, () => {}), 'http', /500.*model crashed/);
  });

  it('reports an error event inside the stream', async () => {
    const { base } = await serve((res) => {
      startEvents(res);
      res.end(event('par') + `data: ${JSON.stringify({ error: { message: 'model overloaded' } })}\n\n`);
    });
    await rejectsWith(streamChat(settings(base), MESSAGES, () => {}), 'http', /model overloaded/);
  });

  it('cuts an error event of 250,000 characters, and one whose message is not text', async () => {
    const { base } = await serve((res) => {
      startEvents(res);
      res.end(`data: ${JSON.stringify({ error: { message: 'E'.repeat(250_000) } })}\n\n`);
    });
    const error = await streamChat(settings(base), MESSAGES, () => {}).then(() => undefined, (caught: unknown) => caught as ServerError);
    assert.equal(error?.kind, 'http');
    assert.ok(error.message.length < LIMITS.errorMessageChars + 100, `${error.message.length} characters`);
    const nested = await serve((res) => {
      startEvents(res);
      res.end(`data: {"error": {"message": ${'['.repeat(5_000)}${']'.repeat(5_000)}}}\n\n`);
    });
    await rejectsWith(streamChat(settings(nested.base), MESSAGES, () => {}), 'http', /reported an error: unknown/);
  });

  it('reports a port where nothing listens as unreachable', async () => {
    const port = await freePort();
    await rejectsWith(streamChat({ url: `http://127.0.0.1:${port}/v1`, model: 'm', timeoutMs: 10_000 }, MESSAGES, () => {}), 'unreachable', new RegExp(`127\\.0\\.0\\.1:${port}`));
  });

  it('times out when the server accepts the request but never answers', async () => {
    const { base, received } = await serve(() => {
      // Never answers.
    });
    await rejectsWith(streamChat(settings(base, { timeoutMs: 300 }), MESSAGES, () => {}), 'timeout');
    assert.equal(received.length, 1);
  });

  it('times out when the server stops sending in the middle of the answer', async () => {
    const { base } = await serve((res) => {
      startEvents(res);
      res.write(event('The beginning'));
      // Then nothing, and the connection stays open.
    });
    const pieces: string[] = [];
    await rejectsWith(streamChat(settings(base, { timeoutMs: 300 }), MESSAGES, (piece) => pieces.push(piece)), 'timeout');
    assert.deepEqual(pieces, ['The beginning']);
  });

  it('ends a request that a server drips a byte at a time past the overall deadline', async () => {
    const { base } = await serve((res) => {
      startEvents(res);
      const bytes = [...event('x'.repeat(400))].map((ch) => Buffer.from(ch));
      writeSlowly(res, bytes, 20, false);
    });
    const started = Date.now();
    await rejectsWith(streamChat(settings(base, { timeoutMs: 300, deadlineMs: 800 }), MESSAGES, () => {}), 'timeout');
    assert.ok(Date.now() - started < 3000, 'the deadline held, whatever the idle time-out');
  });

  it('cuts an answer at its size limit and stops reading, and refuses an endless event line', async () => {
    const big = await serve((res) => {
      startEvents(res);
      const piece = event('y'.repeat(10_000));
      writeSlowly(res, Array.from({ length: 40 }, () => piece), 1, false);
    });
    const text = await within(streamChat(settings(big.base), MESSAGES, () => {}), 10_000, 'the cut answer');
    assert.equal(text.length, LIMITS.answerChars);

    const line = await serve((res) => {
      startEvents(res);
      writeSlowly(res, Array.from({ length: 40 }, () => 'data: ' + 'z'.repeat(20_000)), 1, false);
    });
    await rejectsWith(streamChat(settings(line.base), MESSAGES, () => {}), 'malformed', /longer than/);
  });

  it('refuses redirects: the conversation is never re-posted to another host', async () => {
    const target = await serve((res) => {
      startEvents(res);
      res.end(event('stolen') + DONE);
    });
    const { base } = await serve((res) => {
      res.writeHead(307, { location: `${target.base}/chat/completions` });
      res.end();
    });
    await rejectsWith(streamChat(settings(base, { apiKey: 'secret-key' }), MESSAGES, () => {}), 'http', /redirect/);
    assert.equal(target.received.length, 0, 'nothing reached the other host');
  });

  it('reads only the start of an error body, with the key and credentials taken out', async () => {
    const { base } = await serve((res, req) => {
      res.writeHead(500);
      res.end(`echo: authorization: ${req.headers.authorization} ${'pad '.repeat(500_000)}`);
    });
    const error = await rejectsWith(streamChat(settings(base, { apiKey: 'sk-verysecretkey123' }), MESSAGES, () => {}), 'http');
    assert.ok(!error.message.includes('verysecretkey'), error.message);
    assert.ok(error.message.length < 500, `${error.message.length} characters`);
  });

  it('never shows a password from the server URL', () => {
    assert.equal(displayUrl('http://user:hunter2@localhost:8080/v1?key=abc'), 'http://localhost:8080/v1');
    assert.equal(scrubSecrets('{"api_key": "abc123", "Authorization": "Bearer tok.en"}'), '{"api_key": "[hidden]", "Authorization": "[hidden]"}');
  });

  it('reports a data line that is not JSON as malformed', async () => {
    const { base } = await serve((res) => {
      startEvents(res);
      res.end(event('ok') + 'data: <html>oops</html>\n\n' + DONE);
    });
    await rejectsWith(streamChat(settings(base), MESSAGES, () => {}), 'malformed', /not JSON/);
  });

  it('reports an event without choices as malformed', async () => {
    const { base } = await serve((res) => {
      startEvents(res);
      res.end(`data: ${JSON.stringify({ id: 'x', object: 'chat.completion.chunk' })}\n\n` + DONE);
    });
    await rejectsWith(streamChat(settings(base), MESSAGES, () => {}), 'malformed', /choices/);
  });

  it('reports a stream closed without any event as malformed', async () => {
    const { base } = await serve((res) => {
      startEvents(res);
      res.end();
    });
    await rejectsWith(streamChat(settings(base), MESSAGES, () => {}), 'malformed');
  });

  it('cancels mid-stream, and closes the connection so the server stops generating', async () => {
    const controller = new AbortController();
    let serverClosed!: Promise<boolean>;
    const { base } = await serve((res) => {
      serverClosed = new Promise((resolve) => res.on('close', () => resolve(!res.writableEnded)));
      startEvents(res);
      res.write(event('first piece'));
      // Keeps the stream open, as a server still generating would.
    });
    const pieces: string[] = [];
    // The timeout is far away: only the abort can end this stream within the test.
    const stream = streamChat(settings(base, { timeoutMs: 60_000 }), MESSAGES, (piece) => {
      pieces.push(piece);
      controller.abort();
    }, controller.signal);
    await rejectsWith(stream, 'cancelled');
    assert.deepEqual(pieces, ['first piece']);
    assert.equal(await within(serverClosed, 10_000, 'the server to see the connection close'), true, 'the connection closed before the answer ended');
  });

  it('cancels while waiting for the server to answer, and closes the connection', async () => {
    const controller = new AbortController();
    let serverClosed!: Promise<void>;
    const { base } = await serve((res) => {
      serverClosed = new Promise((resolve) => res.on('close', () => resolve()));
      controller.abort();
    });
    await rejectsWith(streamChat(settings(base, { timeoutMs: 60_000 }), MESSAGES, () => {}, controller.signal), 'cancelled');
    await within(serverClosed, 10_000, 'the server to see the connection close');
  });
});

describe('completions URL', () => {
  it('adds /chat/completions to the base URL once', () => {
    assert.equal(completionsUrl('http://localhost:11434/v1'), 'http://localhost:11434/v1/chat/completions');
    assert.equal(completionsUrl('http://localhost:11434/v1/'), 'http://localhost:11434/v1/chat/completions');
    assert.equal(completionsUrl('http://localhost:11434/v1//'), 'http://localhost:11434/v1/chat/completions');
    assert.equal(completionsUrl('  https://api.example.org/v1  '), 'https://api.example.org/v1/chat/completions');
  });

  it('does not add it twice to a URL that already has it', () => {
    assert.equal(completionsUrl('http://localhost:8000/v1/chat/completions'), 'http://localhost:8000/v1/chat/completions');
    assert.equal(completionsUrl('http://localhost:8000/v1/chat/completions/'), 'http://localhost:8000/v1/chat/completions');
  });
});
