/**
 * The chat server's API key is kept with the origin (scheme, host, port) it was given for, and only ever sent
 * there: a changed URL, or a workspace that points the chat elsewhere, never receives it.
 */
interface StoredKey {
  readonly origin: string;
  readonly key: string;
}

export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/** What goes into secret storage for a key given while the server URL is `url`. */
export function sealKey(url: string, key: string): string | undefined {
  const origin = originOf(url);
  return origin ? JSON.stringify({ origin, key } satisfies StoredKey) : undefined;
}

/** The key for a request to `url`: only when it was given for that origin. */
export function keyFor(stored: string | undefined, url: string): string | undefined {
  if (!stored) return undefined;
  try {
    const value = JSON.parse(stored) as Partial<StoredKey>;
    return typeof value.key === 'string' && value.origin === originOf(url) ? value.key : undefined;
  } catch {
    return undefined; // a key saved before keys had an origin: it must be given again, for one server
  }
}
