/**
 * `truce` as a child process, as an operator runs it: a CLI command, or `truce serve` on a free
 * port until it is stopped (or killed). Shared by the crash test and the HTTP benchmark.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TRUCE = join(ROOT, 'bin/truce.js');

/** This process's environment without DATABASE_URL (the flags choose the database), and these. */
export function truceEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, ...env } = process.env;
  return { ...env, ...extra };
}

/** Runs a CLI command to its end: its exit code and everything it printed. */
export function runTruce(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  input = '',
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TRUCE, ...args], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stdin.end(input);
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out }));
  });
}

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
  /** SIGTERM, then its exit code once it has stopped cleanly (or not). */
  stop(): Promise<number | null>;
  output(): string;
}

/** `truce serve --empty --port 0` with these flags; resolves once it says where it runs. */
export async function startTruceServe(
  flags: readonly string[],
  env: NodeJS.ProcessEnv,
  options: { nodeArgs?: readonly string[]; timeoutMs?: number } = {},
): Promise<ServeProcess> {
  const args = [...(options.nodeArgs ?? []), TRUCE, 'serve', '--empty', '--port', '0', ...flags];
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const timeoutMs = options.timeoutMs ?? 120_000;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`truce serve did not start in ${timeoutMs / 1000} s: ${output}`)),
      timeoutMs,
    );
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      const m = /running at (http:\/\/\S+?)\/? /.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`truce serve exited ${code}: ${output}`));
    });
  });
  return {
    child,
    url,
    exited,
    output: () => output,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Signs in with a password and creates an API token, as a machine client would get one. */
export async function createApiToken(url: string, username: string, password: string, name: string): Promise<string> {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (login.status !== 200) throw new Error(`sign-in of ${username}: ${login.status} ${await login.text()}`);
  const { csrf_token: csrf } = (await login.json()) as { csrf_token: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const created = await fetch(`${url}/api/v1/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
    body: JSON.stringify({ name }),
  });
  if (created.status !== 201) throw new Error(`token for ${username}: ${created.status} ${await created.text()}`);
  return ((await created.json()) as { token: string }).token;
}
