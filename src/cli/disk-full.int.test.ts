/**
 * A full disk under `truce serve` on the embedded database (issue 15, item 20), on a 48 MB tmpfs
 * of the test's own (mounting needs root: skipped, with the reason, elsewhere). A file (the
 * ballast) fills the volume until a few MB are left; reports are filed until the server refuses
 * them with 507 DISK_FULL. Reads go on meanwhile; once the ballast is gone, writes succeed again
 * by themselves, and every acknowledged report is there. (When PostgreSQL PANICs on the disk
 * instead: src/store/embedded-database.int.test.ts.)
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ballast, MB, mountVolume, type Volume } from '../../test/small-volume.ts';
import { createApiToken, type ServeProcess, startTruceServe, truceEnv } from '../../test/truce-process.ts';

const ADMIN_PASSWORD = 'disk-full-admin-password';
const ENV = truceEnv({ TRUCE_ADMIN_PASSWORD: ADMIN_PASSWORD, TRUCE_LOG_LEVEL: 'warn' });

const probe = mountVolume();
const skip = typeof probe === 'string' ? probe : null;
if (typeof probe !== 'string') probe.unmount();
if (skip) console.warn(`disk-full tests skipped: ${skip}`);

describe.skipIf(skip !== null)('a full disk under truce serve on the embedded database', () => {
  let volume: Volume;
  let server: ServeProcess;
  let token: string;

  beforeAll(async () => {
    volume = mountVolume() as typeof volume;
    server = await startTruceServe(['--data', join(volume.dir, 'data')], ENV);
    token = await createApiToken(server.url, 'admin', ADMIN_PASSWORD, 'disk test');
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    volume?.unmount();
  });

  it('refuses writes with 507 while reads go on, and takes writes again once there is room', async () => {
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    let n = 0;
    const file = () =>
      fetch(`${server.url}/api/v1/reports`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          claimed_at: new Date(Date.parse('2016-03-01T00:00:00Z') + n * 60_000).toISOString(),
          location: { lon: 36.2, lat: 35.1 },
          act: 'shelling',
          narrative: `disk test report ${n++}: ${'the same words again and again '.repeat(60)}`,
        }),
      });
    const weight = ballast(volume.dir, 6 * MB);

    const acknowledged: string[] = [];
    let refused: Response | null = null;
    while (!refused) {
      const res = await file();
      if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
      else refused = res;
      expect(acknowledged.length).toBeLessThan(5_000);
    }
    expect(refused.status).toBe(507);
    const body = (await refused.json()) as { code: string; message: string; statement: { code: string } };
    expect(body).toMatchObject({ code: 'DISK_FULL', statement: { code: 'error.disk_full' } });
    expect(body.message).toMatch(/disk is full: nothing was written/);
    expect((await file()).status).toBe(507);

    // Reads go on: the list, and each acknowledged report.
    const list = await fetch(`${server.url}/api/v1/reports/count`, { headers });
    expect(list.status).toBe(200);
    expect(((await list.json()) as { count: number }).count).toBe(acknowledged.length);
    for (const id of acknowledged.slice(-5))
      expect((await fetch(`${server.url}/api/v1/reports/${id}`, { headers })).status).toBe(200);

    // The audit sealer could not seal on the full disk either; it retries by itself, so once
    // there is room the last acknowledged report's entry is sealed without another write.
    const audit = async (id: string) =>
      (await (await fetch(`${server.url}/api/v1/audit/report/${id}`, { headers })).json()) as {
        items: { sealed: boolean }[];
      };
    const last = acknowledged.at(-1)!;
    const whileFull = (await audit(last)).items;
    expect(whileFull.length).toBeGreaterThan(0);
    const sealedWhileFull = whileFull.every((e) => e.sealed);
    rmSync(weight);
    for (let i = 0; !(await audit(last)).items.every((e) => e.sealed); i++) {
      expect(i).toBeLessThan(150);
      await new Promise((r) => setTimeout(r, 200));
    }
    const again = await file();
    expect(again.status).toBe(201);
    acknowledged.push(((await again.json()) as { id: string }).id);
    const count = await fetch(`${server.url}/api/v1/reports/count`, { headers });
    expect(((await count.json()) as { count: number }).count).toBe(acknowledged.length);
    console.log(
      `disk full (serve): ${acknowledged.length - 1} reports filed before the first 507 with 6 MB left; ` +
        `the last one's audit entry ${sealedWhileFull ? 'was sealed before' : 'waited, unsealed, and was sealed by a retry once there was room'}; the next write after freeing space succeeded`,
    );
    expect(server.child.exitCode).toBeNull();
  }, 120_000);
});
