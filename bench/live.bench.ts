/**
 * Live events beside ordinary work: `truce serve` on the embedded database (PGlite, a fresh data
 * directory) holding the demo bundle, four readers in four organizations (four groups of
 * organization, clearance and role). One round files 20 public reports one after another while
 * an analyst lists incidents (GET /api/v1/incidents?limit=50) one request after another, until
 * every event has reached every stream. The round runs twice in one server: with no stream open
 * (the anchor), then with 1,000 event streams spread over the four readers. The goal compares
 * the two (after a warm-up round that is not counted): an event is read once per group of readers, not once per stream
 * (src/app/live/live-events.ts), so a thousand streams must not make listing much slower.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiToken, runTruce, startTruceServe, truceEnv } from '../test/truce-process.ts';
import { atMost, type Cell } from './lib/benchmark.ts';
import type { Benchmark } from './lib/benchmark.ts';
import { median, round } from './lib/timing.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BUNDLE = join(ROOT, 'examples/syria-2016.json');
const STREAMS = Number(process.env.TRUCE_BENCH_STREAMS ?? 1_000);
const REPORTS = 20;
const MIN_LISTINGS = 50;
/** Listing's p50 with the streams open, at most this many times its p50 without. */
const GOAL_RATIO = 2;
const PASSWORD = 'bench-password-123';
const ENV = truceEnv({ TRUCE_ADMIN_PASSWORD: 'bench-admin-password-123', TRUCE_LOG_LEVEL: 'warn' });

/** Four groups of readers: each organization's readers see differently. */
const READERS = [
  {
    org: 'bench-tf',
    name: 'Bench task force',
    kind: 'monitor',
    taskForce: true,
    user: 'bench-analyst',
    role: 'analyst',
  },
  {
    org: 'bench-ngo',
    name: 'Bench relief agency',
    kind: 'humanitarian',
    taskForce: false,
    user: 'bench-reporter',
    role: 'reporter',
  },
  {
    org: 'bench-un',
    name: 'Bench envoy office',
    kind: 'un',
    taskForce: false,
    user: 'bench-observer',
    role: 'observer',
  },
  {
    org: 'bench-party',
    name: 'Bench party liaison',
    kind: 'party',
    taskForce: false,
    user: 'bench-party',
    role: 'reporter',
  },
] as const;

interface Round {
  streams: number;
  listingP50: number;
  listingP95: number;
  listings: number;
  filingP50: number;
  filingP95: number;
  /** From the first report sent to the last event received by the last stream. */
  deliveredInMs: number;
  delivered: number;
  expected: number;
}

export const liveBenchmark: Benchmark = {
  name: 'live',
  description: 'report filing and incident listing with 1,000 event streams open beside none, on the embedded database',
  run: async () => {
    const dir = await mkdtemp(join(tmpdir(), 'truce-live-bench-'));
    const flags = ['--data', dir];
    try {
      await cli(['scenario', 'load', BUNDLE, ...flags]);
      for (const r of READERS) {
        await cli([
          'org',
          'add',
          r.org,
          '--name',
          r.name,
          '--kind',
          r.kind,
          ...(r.taskForce ? ['--task-force'] : []),
          ...flags,
        ]);
        await cli(
          ['user', 'add', r.user, '--org', r.org, '--role', r.role, '--password-stdin', ...flags],
          `${PASSWORD}\n`,
        );
      }
      const server = await startTruceServe(flags, ENV);
      const rounds: Round[] = [];
      let stopped: number | null = null;
      try {
        const tokens = new Map<string, string>();
        for (const r of READERS) tokens.set(r.user, await createApiToken(server.url, r.user, PASSWORD, 'bench'));
        const token = (user: string) => tokens.get(user)!;
        await runRound(server.url, token, []); // warm-up: the server's first requests compile its code
        rounds.push(await runRound(server.url, token, []));
        const streams = await Promise.all(
          Array.from({ length: STREAMS }, (_, i) => openStream(server.url, token(READERS[i % READERS.length]!.user))),
        );
        try {
          rounds.push(await runRound(server.url, token, streams));
        } finally {
          for (const s of streams) s.close();
        }
      } finally {
        stopped = await server.stop();
      }
      if (stopped !== 0) throw new Error(`truce serve stopped with ${stopped}: ${server.output()}`);
      const [quiet, busy] = rounds as [Round, Round];
      if (busy.delivered < busy.expected)
        throw new Error(`${busy.expected - busy.delivered} of ${busy.expected} events never reached their stream`);
      const ratio = round(busy.listingP50 / quiet.listingP50, 2);
      return {
        columns: [
          'event streams',
          'listing p50 ms',
          'listing p95 ms',
          'listings',
          'filing p50 ms',
          'filing p95 ms',
          'events delivered',
          'all delivered in ms',
        ],
        rows: rounds.map((r): Record<string, Cell> => ({
          'event streams': r.streams,
          'listing p50 ms': r.listingP50,
          'listing p95 ms': r.listingP95,
          listings: r.listings,
          'filing p50 ms': r.filingP50,
          'filing p95 ms': r.filingP95,
          'events delivered': `${r.delivered} of ${r.expected}`,
          'all delivered in ms': r.deliveredInMs,
        })),
        notes: [
          `\`truce serve\` on PGlite with examples/syria-2016.json; ${READERS.length} readers in ${READERS.length} organizations, the streams spread evenly over them (bearer tokens).`,
          `A round: ${REPORTS} public reports filed one after another, while incidents are listed (limit 50) one request after another until every stream has every report's event (at least ${MIN_LISTINGS} listings).`,
          'The round runs first with no stream open (the anchor), then with the streams open, in the same server; the streams are read by this process, on the same two cores.',
          `Listing p50 with ${STREAMS.toLocaleString('en-US')} streams is ${ratio} times that with none.`,
        ],
        figures: { streams: STREAMS, reports: REPORTS, rounds: rounds as unknown as Record<string, number>[] },
        goal: atMost(
          `listing p50 with ${STREAMS.toLocaleString('en-US')} event streams open at most ${GOAL_RATIO} times that with none, every event delivered`,
          'times',
          GOAL_RATIO,
          ratio,
        ),
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

async function runRound(url: string, token: (user: string) => string, streams: Stream[]): Promise<Round> {
  const filed = new Set<string>();
  const expected = streams.length * REPORTS;
  const delivered = () => streams.reduce((n, s) => n + s.seen(filed), 0);
  const started = performance.now();
  let deliveredAt = streams.length === 0 ? null : 0;
  const filing: number[] = [];
  const listing: number[] = [];
  let filingDone = false;
  const lister = (async () => {
    while (!filingDone || listing.length < MIN_LISTINGS || (deliveredAt === 0 && delivered() < expected)) {
      const t = performance.now();
      const res = await fetch(`${url}/api/v1/incidents?limit=50`, {
        headers: { authorization: `Bearer ${token('bench-analyst')}` },
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`listing answered ${res.status}`);
      listing.push(performance.now() - t);
      if (deliveredAt === 0 && filingDone && delivered() >= expected) deliveredAt = performance.now() - started;
      if (performance.now() - started > 120_000)
        throw new Error(`after 120 s, ${delivered()} of ${expected} events delivered`);
    }
  })();
  for (let i = 0; i < REPORTS; i++) {
    const t = performance.now();
    const res = await fetch(`${url}/api/v1/reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token('bench-reporter')}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        claimed_at: new Date(Date.parse('2016-03-01T08:00:00Z') + i * 3_600_000).toISOString(),
        location: { lon: 36.2 + i * 0.01, lat: 36.1 },
        act: 'shelling',
        classification: 'public',
        narrative: `Live bench report ${i}: shelling reported by a local source.`,
      }),
    });
    if (res.status !== 201) throw new Error(`filing answered ${res.status}: ${await res.text()}`);
    filed.add(((await res.json()) as { id: string }).id);
    filing.push(performance.now() - t);
  }
  filingDone = true;
  await lister;
  return {
    streams: streams.length,
    listings: listing.length,
    listingP50: round(median(listing), 1),
    listingP95: round(quantile(listing, 0.95), 1),
    filingP50: round(median(filing), 1),
    filingP95: round(quantile(filing, 0.95), 1),
    deliveredInMs: round(deliveredAt ?? 0),
    delivered: delivered(),
    expected,
  };
}

interface Stream {
  /** How many of these report ids this stream has received a report.created event for. */
  seen(ids: Set<string>): number;
  close(): void;
}

/** An event stream read as a browser would, keeping the ids of the reports it announced. */
async function openStream(url: string, token: string): Promise<Stream> {
  const abort = new AbortController();
  const res = await fetch(`${url}/api/v1/events`, {
    headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` },
    signal: abort.signal,
  });
  if (res.status !== 200 || !res.body) throw new Error(`event stream answered ${res.status}`);
  const reports = new Set<string>();
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body!) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const data = /^data: (.*)$/m.exec(buffer.slice(0, cut))?.[1];
          buffer = buffer.slice(cut + 2);
          if (!data) continue;
          const m = JSON.parse(data) as { type: string; id: string };
          if (m.type === 'report.created') reports.add(m.id);
        }
      }
    } catch {
      // closed
    }
  })();
  return {
    seen: (ids) => [...ids].filter((id) => reports.has(id)).length,
    close: () => abort.abort(),
  };
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

async function cli(args: string[], input = ''): Promise<void> {
  const { code, out } = await runTruce(args, ENV, input);
  if (code !== 0) throw new Error(`truce ${args.join(' ')} exited ${code}: ${out}`);
}
