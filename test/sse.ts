/**
 * A Server-Sent Events client for tests: reads a real stream with fetch, keeps every message,
 * and waits for the ones a test expects.
 */
export interface SseMessage {
  id: string | null;
  data: { type: string; entity: string; id: string; at: string; data: Record<string, unknown> };
}

export interface SseStream {
  status: number;
  headers: Headers;
  messages: SseMessage[];
  /** Everything received so far, comments and fields, as text. */
  raw(): string;
  /** Waits until a message satisfies the predicate; fails after timeoutMs. */
  waitFor(predicate: (m: SseMessage) => boolean, timeoutMs?: number): Promise<SseMessage>;
  /** Whether the server ended the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string>): Promise<SseStream> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const messages: SseMessage[] = [];
  const waiters = new Set<() => void>();
  let text = '';
  let buffer = '';
  const ended = (async () => {
    if (!res.body || res.status !== 200) return;
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body) {
        const part = decoder.decode(chunk as Uint8Array, { stream: true });
        text += part;
        buffer += part;
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const id = /^id: (.*)$/m.exec(block)?.[1] ?? null;
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (data !== undefined) messages.push({ id, data: JSON.parse(data) as SseMessage['data'] });
        }
        for (const w of waiters) w();
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    status: res.status,
    headers: res.headers,
    messages,
    ended,
    raw: () => text,
    waitFor: (predicate, timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(predicate);
          if (!found) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(
              `no such message within ${timeoutMs} ms; got ${JSON.stringify(messages.map((m) => [m.data.type, m.data.id]))}`,
            ),
          );
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      }),
    close: () => abort.abort(),
  };
}
