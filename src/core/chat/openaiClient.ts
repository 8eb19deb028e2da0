/**
 * A client for OpenAI-compatible chat completion servers (Ollama, vLLM, llama.cpp server, hosted ones),
 * streaming with server-sent events.
 */

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
}

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
  if (signal?.aborted) throw new ServerError('cancelled', 'The request was stopped.');
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
  try {
    const response = await fetch(completionsUrl(settings.url), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        ...(settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {}),
      },
      body: JSON.stringify({ model: settings.model, messages, stream: true, temperature: options.temperature, max_tokens: options.maxTokens }),
      signal: controller.signal,
    });
    await checkStatus(response);
    if (!response.body) throw new ServerError('malformed', 'The server answered without a body.');
    return await readEvents(response.body, onText, rearm);
  } catch (error) {
    throw toServerError(error, signal?.aborted ?? false, timedOut, settings.url);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
  }
}

async function checkStatus(response: Response): Promise<void> {
  if (response.ok) return;
  const detail = (await response.text().catch(() => '')).slice(0, 300);
  if (response.status === 401 || response.status === 403) {
    throw new ServerError('unauthorized', `The server refused the API key (HTTP ${response.status}).`);
  }
  if (response.status === 429) throw new ServerError('rateLimited', 'The server is rate-limiting requests (HTTP 429); try again in a moment.');
  throw new ServerError('http', `The server answered HTTP ${response.status}${detail ? `: ${detail}` : ''}.`);
}

/** Reads `data:` events until `[DONE]` or the end of the stream. */
async function readEvents(body: ReadableStream<Uint8Array>, onText: (text: string) => void, onChunk: () => void): Promise<string> {
  const decoder = new TextDecoder();
  let buffer = '';
  let text = '';
  let sawEvent = false;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    onChunk();
    buffer += decoder.decode(chunk, { stream: true });
    const events = buffer.split(/\r?\n\r?\n/);
    buffer = events.pop() ?? '';
    for (const event of events) {
      const data = eventData(event);
      if (data === undefined) continue;
      if (data === '[DONE]') return text;
      sawEvent = true;
      const piece = deltaText(data);
      if (piece) {
        text += piece;
        onText(piece);
      }
    }
  }
  if (!sawEvent) throw new ServerError('malformed', 'The server closed the stream without sending an answer.');
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
    throw new ServerError('malformed', `The server sent a stream event that is not JSON: ${data.slice(0, 80)}`);
  }
  const choice = (parsed as { choices?: Array<{ delta?: { content?: unknown } }> }).choices?.[0];
  const error = (parsed as { error?: { message?: unknown } }).error;
  if (error) throw new ServerError('http', `The server reported an error: ${String(error.message ?? 'unknown')}`);
  if (!choice) throw new ServerError('malformed', 'The server sent a stream event without "choices".');
  const content = choice.delta?.content;
  return typeof content === 'string' ? content : '';
}

function toServerError(error: unknown, cancelled: boolean, timedOut: boolean, url: string): ServerError {
  if (error instanceof ServerError) return error;
  if (cancelled) return new ServerError('cancelled', 'The request was stopped.');
  if (timedOut) return new ServerError('timeout', `The server at ${url} did not answer in time.`);
  const cause = (error as { cause?: { code?: string } }).cause;
  return new ServerError('unreachable', `The server at ${url} cannot be reached${cause?.code ? ` (${cause.code})` : ''}.`);
}
