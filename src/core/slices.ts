/**
 * Long work on the extension host's thread, cut into slices so that hovers, typing and the chat stay
 * responsive while a big user glossary is indexed.
 */

/**
 * Resolves on the next turn of the event loop, once the work already waiting there has run: setImmediate in Node; in a
 * browser, a message to itself, since setTimeout waits at least 4 ms once nested and a web worker has no setImmediate.
 */
export function nextTurn(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
  if (immediate) return new Promise((resolve) => immediate(resolve));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

/** Runs `work` on each item, awaiting `pause` whenever `sliceMs` have passed since the last pause. */
export async function forEachInSlices<T>(items: Iterable<T>, work: (item: T) => void, pause: () => Promise<void>, sliceMs = 8): Promise<void> {
  let sliceStart = performance.now();
  for (const item of items) {
    work(item);
    if (performance.now() - sliceStart > sliceMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
}
