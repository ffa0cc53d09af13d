/**
 * HTTP load from wrk (Debian's `wrk`, written in C), the counterpart of pgbench's own client: a
 * load generator in Node (autocannon) took about a fifth of this 2-core machine's CPU from the
 * server it measured (0.21 ms per request against the server's 0.5), while pgbench's client costs
 * its anchor almost nothing. wrk runs a Lua script (written here) that cycles through the requests
 * given, counts the answers by status, keeps the `id` of every 201 answer, and writes what it saw
 * as JSON when it ends.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TICKS_PER_S = 100; // USER_HZ on Linux

export interface WrkRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  /** Bodies to cycle through (POST); none for a GET. */
  bodies?: readonly string[];
}

export interface WrkResult {
  /** Measured seconds. */
  duration: number;
  requests: number;
  /** Answers by HTTP status. */
  statuses: Record<string, number>;
  /** The `id` of each 201 answer's JSON body, in no particular order. */
  created: string[];
  /** Connections refused or cut, reads and writes that failed, timeouts. */
  errors: number;
  p50: number;
  p99: number;
  /** CPU seconds wrk used. */
  cpuS: number;
}

/** True when wrk can be run here. */
export async function wrkAvailable(): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn('wrk', ['--version'], { stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('close', () => resolve(true));
  });
}

/**
 * `wrk -t threads -c connections -d seconds` on `url`, each connection taking the requests in
 * turn (`cycle`: indexes into `requests`), bodies in turn per request.
 */
export async function runWrk(options: {
  url: string;
  connections: number;
  threads: number;
  seconds: number;
  requests: readonly WrkRequest[];
  cycle: readonly number[];
}): Promise<WrkResult> {
  const dir = await mkdtemp(join(tmpdir(), 'truce-wrk-'));
  try {
    const out = join(dir, 'result.json');
    const script = join(dir, 'load.lua');
    await writeFile(script, luaScript(options.requests, options.cycle, out));
    const args = ['-t', String(options.threads), '-c', String(options.connections), '-d', `${options.seconds}s`];
    const { cpuS, printed } = await run([...args, '--timeout', '10s', '-s', script, options.url]);
    const text = await readFile(out, 'utf8').catch(() => {
      throw new Error(`wrk wrote no result (its script failed?):\n${printed}`);
    });
    const seen = JSON.parse(text) as Omit<WrkResult, 'cpuS' | 'duration'> & {
      durationUs: number;
    };
    return {
      duration: seen.durationUs / 1e6,
      requests: seen.requests,
      statuses: seen.statuses,
      created: seen.created,
      errors: seen.errors,
      p50: seen.p50 / 1000,
      p99: seen.p99 / 1000,
      cpuS,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A Lua long string that cannot end early: its level is above any `]=...=]` in the text. */
function luaString(text: string): string {
  let level = 0;
  while (text.includes(`]${'='.repeat(level)}]`)) level++;
  const eq = '='.repeat(level);
  return `[${eq}[${text}]${eq}]`;
}

function luaScript(requests: readonly WrkRequest[], cycle: readonly number[], out: string): string {
  const table = (entries: string[]) => `{ ${entries.join(', ')} }`;
  const requestTable = table(
    requests.map((r) =>
      table([
        `method = ${luaString(r.method)}`,
        `path = ${luaString(r.path)}`,
        `headers = ${table(Object.entries(r.headers).map(([k, v]) => `[ ${luaString(k)} ] = ${luaString(v)}`))}`,
        `bodies = ${table((r.bodies ?? []).map(luaString))}`,
      ]),
    ),
  );
  return `
local requests = ${requestTable}
local cycle = ${table(cycle.map((i) => String(i + 1)))}
local threads = {}
-- Per thread (each has its own Lua state): where it is in the cycle, what it saw.
turn = 0
statuses = {}
created = {}

function setup(thread)
  thread:set("first", #threads * 7919)
  table.insert(threads, thread)
end

function init(args)
  turn = first
end

function request()
  turn = turn + 1
  local r = requests[cycle[(turn % #cycle) + 1]]
  local body = nil
  if #r.bodies > 0 then body = r.bodies[(turn % #r.bodies) + 1] end
  return wrk.format(r.method, r.path, r.headers, body)
end

function response(status, headers, body)
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
  if status == 201 then
    local id = body:match('"id":"([^"]+)"')
    if id then created[#created + 1] = id end
  end
end

function done(summary, latency, requests)
  local all_statuses = {}
  local ids = {}
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get("statuses")) do all_statuses[k] = (all_statuses[k] or 0) + v end
    for _, id in ipairs(t:get("created")) do ids[#ids + 1] = '"' .. id .. '"' end
  end
  local parts = {}
  for k, v in pairs(all_statuses) do parts[#parts + 1] = '"' .. k .. '":' .. v end
  local e = summary.errors
  local f = io.open(${luaString(out)}, "w")
  f:write('{"durationUs":', summary.duration, ',"requests":', summary.requests,
    ',"errors":', e.connect + e.read + e.write + e.timeout,
    ',"p50":', latency:percentile(50), ',"p99":', latency:percentile(99),
    ',"statuses":{', table.concat(parts, ","), '},"created":[', table.concat(ids, ","), ']}')
  f:close()
end
`;
}

/**
 * Runs wrk to its end under a shell that then prints its own /proc stat, whose children's times
 * (cutime, cstime) are wrk's: resolves with the CPU seconds wrk used.
 */
function run(args: string[]): Promise<{ cpuS: number; printed: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', 'wrk "$@" && echo "STAT $(cat /proc/$$/stat)"', 'sh', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const stat = /^STAT .*\) (.*)$/m.exec(out);
      if (code !== 0 || !stat) {
        reject(new Error(`wrk ${args.join(' ')} exited ${code} (apt-get install wrk):\n${out}`));
        return;
      }
      const fields = stat[1]!.split(' ');
      resolve({ cpuS: (Number(fields[13]) + Number(fields[14])) / TICKS_PER_S, printed: out });
    });
  });
}
