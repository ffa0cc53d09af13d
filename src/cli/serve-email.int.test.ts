/**
 * `truce serve` and email, as an operator runs it: without an SMTP server no email leaves and the
 * account page is told so, but what is asked for is queued with the change; the same data directory
 * served again with TRUCE_SMTP_URL delivers it, once, to a real SMTP server on 127.0.0.1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { captureIo } from '../../test/capture-io.ts';
import { startSmtpSink } from '../../test/smtp-sink.ts';
import { serve, type ServeOptions } from './serve.command.ts';

const PASSWORD = 'from the environment';

/** `truce serve --empty --port 0` on the data directory, in this process, until stop(). */
async function start(dir: string, options: Partial<ServeOptions> = {}) {
  const io = captureIo();
  let stop = () => {};
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const exit = serve(io, { port: '0', host: '127.0.0.1', empty: true, ...options }, { data: dir }, stopped);
  await Promise.race([
    exit.then((code) => {
      throw new Error(`serve exited ${code}: ${io.stderr}`);
    }),
    // A first start on a data directory (initdb, the migrations) takes a minute or more on a loaded machine.
    expect.poll(() => io.stdout, { timeout: 150_000 }).toMatch(/running at/),
  ]);
  const url = /Truce is running at (\S+)/.exec(io.stdout)![1]!;
  const login = await fetch(`${url}api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  const cookie = /truce_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')![0];
  const csrf = ((await login.json()) as { csrf_token: string }).csrf_token;
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}api/v1${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  return { io, call, stop: () => (stop(), exit) };
}

describe('truce serve and email [pglite]', () => {
  const dir = mkdtempSync(join(tmpdir(), 'truce-serve-email-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => {
    delete process.env.TRUCE_ADMIN_PASSWORD;
  });

  it('queues what users ask for while no SMTP server is configured, and sends it once when one is', async () => {
    process.env.TRUCE_ADMIN_PASSWORD = PASSWORD;
    const off = await start(dir);
    expect(off.io.stdout).not.toContain('Email through');
    expect(await off.call('GET', '/account/email')).toMatchObject({ delivery: false });
    await off.call('PUT', '/account/email', {
      address: 'admin@example.org',
      language: 'en',
      kinds: ['notification.overdue'],
    });
    await off.call('POST', '/organizations', { id: 'ngo', name: 'A humanitarian NGO', kind: 'humanitarian' });
    const hour = 3_600_000;
    // Its deadline to acknowledge already passed: the owner's overdue email is due at once.
    const n = await off.call('POST', '/notifications', {
      subject: 'site',
      site_kind: 'school',
      name: 'School in Bab al-Nairab',
      geometry: { type: 'Point', coordinates: [37.17, 36.2] },
      buffer_m: 100,
      valid: { from: new Date(Date.now() - hour).toISOString(), to: new Date(Date.now() + 24 * hour).toISOString() },
      acknowledge_by: new Date(Date.now() - 60_000).toISOString(),
      recipients: ['ngo'],
    });
    expect(await off.stop()).toBe(0);

    const sink = await startSmtpSink();
    try {
      const on = await start(dir, {
        smtpUrl: `smtp://127.0.0.1:${sink.port}?starttls=never`,
        smtpFrom: 'Truce <truce@example.org>',
        publicUrl: 'https://truce.example.org',
      });
      expect(on.io.stdout).toContain(
        `Email through smtp://127.0.0.1:${sink.port}, from Truce <truce@example.org>, links to https://truce.example.org/`,
      );
      expect(await on.call('GET', '/account/email')).toMatchObject({ delivery: true, address: 'admin@example.org' });
      await expect.poll(() => sink.received.length, { timeout: 30_000 }).toBe(1);
      expect(await on.stop()).toBe(0);
      const [mail] = sink.received;
      expect(mail!.to).toEqual(['admin@example.org']);
      expect(mail!.mail.from?.value[0]).toMatchObject({ name: 'Truce', address: 'truce@example.org' });
      expect(mail!.mail.subject).toBe('Not acknowledged by the deadline: School in Bab al-Nairab');
      expect(mail!.mail.text).toContain(`https://truce.example.org/notifications?box=sent&notification=${n.id}`);
      expect(mail!.mail.text).toContain('https://truce.example.org/account');
      expect(sink.received).toHaveLength(1);
    } finally {
      await sink.close();
    }
  }, 360_000);
});
