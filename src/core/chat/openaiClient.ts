/**
 * A client for OpenAI-compatible chat completion servers (Ollama, vLLM, llama.cpp server, hosted ones),
 * streaming with server-sent events.
 */

import * as l10n from '@vscode/l10n';

export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

export interface ServerSettings {
  /** Base URL, such as `http://localhost:11434/v1`; `/chat/completions` is added. */
  readonly url: string;
  readonly model: string;
  readonly apiKey?: string;
  /** Milliseconds to wait for the first byte, and then between two chunks. */
  readonly timeoutMs?: number;
  /** Milliseconds for the whole answer, however the server drips it. */
  readonly deadlineMs?: number;
}

/** Bounds on what a server may send: an answer, one line of the stream, an error body, an error's message. */
export const LIMITS = { answerChars: 64_000, lineChars: 256_000, errorBodyBytes: 4_096, errorMessageChars: 300, deadlineMs: 180_000 } as const;

export type ServerErrorKind = 'unreachable' | 'unauthorized' | 'rateLimited' | 'timeout' | 'malformed' | 'http' | 'cancelled';

/** A failure with a kind the chat can explain in words. */
export class ServerError extends Error {
  constructor(
    readonly kind: ServerErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export function completionsUrl(base: string): string {
  const trimmed = base.trim().replace(/\/+$/, '');
  return trimmed.endsWith('/chat/completions') ? trimmed : `${trimmed}/chat/completions`;
}

/** Streams the answer; `onText` gets each piece. Resolves with the whole text. */
export async function streamChat(
  settings: ServerSettings,
  messages: readonly ChatMessage[],
  onText: (text: string) => void,
  signal?: AbortSignal,
  options: { temperature?: number; maxTokens?: number } = {},
): Promise<string> {
  if (signal?.aborted) throw new ServerError('cancelled', l10n.t('The request was stopped.'));
  const timeoutMs = settings.timeoutMs ?? 30_000;
  const controller = new AbortController();
  const abort = () => controller.abort();
  signal?.addEventListener('abort', abort);
  let timedOut = false;
  let timer = setTimeout(() => ((timedOut = true), controller.abort()), timeoutMs);
  const rearm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => ((timedOut = true), controller.abort()), timeoutMs);
  };
  // The idle time-out is re-armed by every chunk; the deadline is not, so a server that drips a byte at a time
  // cannot hold the request forever.
  const deadline = setTimeout(() => ((timedOut = true), controller.abort()), settings.deadlineMs ?? LIMITS.deadlineMs);
  try {
    const response = await fetch(completionsUrl(settings.url), {
      // A redirect would re-post the conversation to a host the user did not choose.
      redirect: 'manual',
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        ...(settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {}),
      },
      body: JSON.stringify({ model: settings.model, messages, stream: true, temperature: options.temperature, max_tokens: options.maxTokens }),
      signal: controller.signal,
    });
    await checkStatus(response, settings);
    if (!response.body) throw new ServerError('malformed', l10n.t('The server answered without a body.'));
    return await readEvents(response.body, onText, rearm);
  } catch (error) {
    throw toServerError(error, signal?.aborted ?? false, timedOut, settings);
  } finally {
    clearTimeout(timer);
    clearTimeout(deadline);
    controller.abort(); // closes the connection if the answer was cut short (too long, malformed)
    signal?.removeEventListener('abort', abort);
  }
}

/** The URL as it may be shown or saved: no `user:password@`, no query (which may hold a key). */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

/**
 * A server's error text with anything that looks like a credential taken out, before it is shown or saved: the
 * keys (`withoutKeys`), and the value of any field named like a credential (`"api_key": "..."`, `token=...`).
 */
export function scrubSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  return withoutKeys(text, secrets).replace(/(authorization|api[-_ ]?key|x-api-key|token|password|secret)(["']?\s*[:=]\s*["']?)(bearer\s+)?[^\s"',;}]+/gi, '$1$2[hidden]');
}

/**
 * Text with the given secrets (the API key sent) and the shapes of keys (`Bearer ...`, `sk-...`) taken out. Unlike
 * `scrubSecrets` it leaves words such as "token: " alone, which an answer about machine learning is full of: it
 * is what every answer and question goes through before it is saved or sent again. Linear in the text's length.
 */
export function withoutKeys(text: string, secrets: readonly (string | undefined)[] = []): string {
  let scrubbed = text;
  for (const secret of secrets) if (secret && secret.length >= 4) scrubbed = scrubbed.split(secret).join('[hidden]');
  return scrubbed.replace(/\bbearer\s+[A-Za-z0-9._~+/=-]+/gi, 'Bearer [hidden]').replace(/\b(sk|pk|rk)-[A-Za-z0-9_-]{8,}/g, '[hidden]');
}

async function checkStatus(response: Response, settings: ServerSettings): Promise<void> {
  if (response.ok) return;
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    throw new ServerError('http', l10n.t('The server at {0} answered with a redirect (HTTP {1}), which is not followed: set the final URL.', displayUrl(settings.url), response.status));
  }
  const detail = scrubSecrets((await readBounded(response, LIMITS.errorBodyBytes)).slice(0, 300), [settings.apiKey]);
  if (response.status === 401 || response.status === 403) {
    throw new ServerError('unauthorized', l10n.t('The server refused the API key (HTTP {0}).', response.status));
  }
  if (response.status === 429) throw new ServerError('rateLimited', l10n.t('The server is rate-limiting requests (HTTP 429); try again in a moment.'));
  throw new ServerError('http', detail ? l10n.t('The server answered HTTP {0}: {1}.', response.status, detail) : l10n.t('The server answered HTTP {0}.', response.status));
}

/** At most `limit` bytes of a body, as text; the rest is never read. */
async function readBounded(response: Response, limit: number): Promise<string> {
  if (!response.body) return '';
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      text += decoder.decode(chunk.subarray(0, Math.max(0, limit - bytes)), { stream: true });
      bytes += chunk.length;
      if (bytes >= limit) break;
    }
  } catch {
    /* what was read is enough to explain */
  }
  return text;
}

/**
 * Reads `data:` events until `[DONE]` or the end of the stream. Only the unfinished end of the buffer is kept
 * between chunks (linear in the stream's length), and an event or an answer past its bound ends the request.
 */
async function readEvents(body: ReadableStream<Uint8Array>, onText: (text: string) => void, onChunk: () => void): Promise<string> {
  const decoder = new TextDecoder();
  let buffer = '';
  let text = '';
  let sawEvent = false;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    onChunk();
    const decoded = decoder.decode(chunk, { stream: true });
    // Look for an event boundary only in the new text (and the few characters before it).
    const searchFrom = Math.max(0, buffer.length - 3);
    buffer += decoded;
    if (!/\r?\n\r?\n/.test(buffer.slice(searchFrom))) {
      if (buffer.length > LIMITS.lineChars) throw new ServerError('malformed', l10n.t('The server sent a stream event longer than {0} characters.', LIMITS.lineChars));
      continue;
    }
    const events = buffer.split(/\r?\n\r?\n/);
    buffer = events.pop() ?? '';
    if (buffer.length > LIMITS.lineChars) throw new ServerError('malformed', l10n.t('The server sent a stream event longer than {0} characters.', LIMITS.lineChars));
    for (const event of events) {
      const data = eventData(event);
      if (data === undefined) continue;
      if (data === '[DONE]') return text;
      sawEvent = true;
      const piece = deltaText(data);
      if (piece) {
        if (text.length + piece.length > LIMITS.answerChars) {
          const kept = piece.slice(0, LIMITS.answerChars - text.length);
          text += kept;
          onText(kept);
          return text; // long enough: the rest is not read
        }
        text += piece;
        onText(piece);
      }
    }
  }
  if (!sawEvent) throw new ServerError('malformed', l10n.t('The server closed the stream without sending an answer.'));
  return text;
}

function eventData(event: string): string | undefined {
  const lines = event.split(/\r?\n/).filter((line) => line.startsWith('data:'));
  return lines.length === 0 ? undefined : lines.map((line) => line.slice(5).trimStart()).join('\n');
}

function deltaText(data: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    throw new ServerError('malformed', l10n.t('The server sent a stream event that is not JSON: {0}', data.slice(0, 80)));
  }
  const choice = (parsed as { choices?: Array<{ delta?: { content?: unknown } }> }).choices?.[0];
  const error = (parsed as { error?: { message?: unknown } }).error;
  if (error) throw new ServerError('http', l10n.t('The server reported an error: {0}', errorMessage(error.message)));
  if (!choice) throw new ServerError('malformed', l10n.t('The server sent a stream event without "choices".'));
  const content = choice.delta?.content;
  return typeof content === 'string' ? content : '';
}

/**
 * A server's error message as it may be shown and saved: a string (a nested value could be anything), cut to
 * LIMITS.errorMessageChars (a stream once sent an error of 250,000 characters, shown and saved whole).
 */
function errorMessage(message: unknown): string {
  if (typeof message !== 'string' || !message.trim()) return l10n.t('unknown');
  return message.length > LIMITS.errorMessageChars ? `${message.slice(0, LIMITS.errorMessageChars)}…` : message;
}

function toServerError(error: unknown, cancelled: boolean, timedOut: boolean, settings: ServerSettings): ServerError {
  const url = displayUrl(settings.url);
  if (error instanceof ServerError) return new ServerError(error.kind, scrubSecrets(error.message, [settings.apiKey]));
  if (cancelled) return new ServerError('cancelled', l10n.t('The request was stopped.'));
  if (timedOut) return new ServerError('timeout', l10n.t('The server at {0} did not answer in time.', url));
  const cause = (error as { cause?: { code?: string } }).cause;
  return new ServerError('unreachable', cause?.code ? l10n.t('The server at {0} cannot be reached ({1}).', url, cause.code) : l10n.t('The server at {0} cannot be reached.', url));
}
