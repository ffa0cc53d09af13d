/**
 * A webhook receiver for tests: a real HTTP server on 127.0.0.1 that keeps every request (headers and
 * raw body) and answers with the statuses it is told, in turn (the last one thereafter), or never
 * (`hang`: a slow receiver, for time limits).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  json: { id: string; type: string; occurred_at: string; data: Record<string, any> };
}

export interface Receiver {
  url: string;
  received: Received[];
  /** The statuses to answer with, in turn; the last is repeated. 'hang': never answer. */
  answer(...statuses: (number | 'hang')[]): void;
  close(): Promise<void>;
}

export async function startReceiver(path = '/hook'): Promise<Receiver> {
  const received: Received[] = [];
  let statuses: (number | 'hang')[] = [200];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: req.headers, body, json: JSON.parse(body) as Received['json'] });
      const status = statuses.length > 1 ? statuses.shift()! : statuses[0]!;
      if (status === 'hang') return; // the connection stays open until the sender gives up
      res.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    answer: (...next) => {
      statuses = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
