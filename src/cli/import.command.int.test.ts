import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Io } from './io.ts';
import { main } from './main.ts';

const SAMPLE = new URL('../../test/fixtures/ucdp-sample.csv', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'truce-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function captureIo(isTty = false): Io & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', isTty, out: (t: string) => { io.stdout += t; }, err: (t: string) => { io.stderr += t; } };
  return io;
}

describe('truce import ucdp', () => {
  const data = join(tmp, 'db');

  it('loads the good rows, lists the bad ones by line, and exits 0', async () => {
    const io = captureIo();
    expect(await main(['import', 'ucdp', SAMPLE, '--data', data], io)).toBe(0);
    expect(io.stdout).toMatch(/40 rows read/);
    expect(io.stdout).toMatch(/incidents +38 new, 0 already stored, 2 rejected/);
    expect(io.stdout).toMatch(/findings +38 written/);
    expect(io.stderr).toContain('2 rows rejected (the other rows loaded):\n');
    expect(io.stderr).toContain('  line 34: latitude: must be between -90 and 90, not "123"\n');
    expect(io.stderr).toContain('  line 39: date_start: must be a date YYYY-MM-DD, not "2016-02-30"\n');
    expect(io.stderr).toContain('  line 28: low/best/high: best (142) is below low (177); kept as UCDP published it\n');
    expect(io.stderr).not.toContain('\r');
  });

  it('adds nothing the second time, and draws a progress bar on a terminal', async () => {
    const io = captureIo(true);
    expect(await main(['import', 'ucdp', SAMPLE, '--data', data], io)).toBe(0);
    expect(io.stdout).toMatch(/incidents +0 new, 38 already stored, 2 rejected/);
    expect(io.stderr).toMatch(/\r\[#+\] 100% {2}40 rows/);
  });

  it('exits 1 when no row could be read', async () => {
    const file = join(tmp, 'other.csv');
    writeFileSync(file, 'id,date\n1,2016-01-01\n');
    const io = captureIo();
    expect(await main(['import', 'ucdp', file, '--data', data], io)).toBe(1);
    expect(io.stderr).toMatch(/Reading stopped at line 1: not a UCDP GED file: the header lacks type_of_violence/);
  });

  it('exits 1 on a missing file, 2 without one', async () => {
    expect(await main(['import', 'ucdp', join(tmp, 'nothing.csv'), '--data', data], captureIo())).toBe(1);
    const io = captureIo();
    expect(await main(['import', 'ucdp', '--data', data], io)).toBe(2);
    expect(io.stderr).toContain('Usage: truce import ucdp FILE.csv');
  });
});
