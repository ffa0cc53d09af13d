import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from './main.ts';
import { captureIo } from '../../test/capture-io.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const ALEPPO = join(ROOT, '../shared/examples/aleppo-2016.json');
const EXPECTED = join(ROOT, '../shared/examples/aleppo-2016.expected.json');
const run = promisify(execFile);

const tmp = mkdtempSync(join(tmpdir(), 'truce-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('truce (the command)', () => {
  it('prints the result document for a bundle', async () => {
    const io = captureIo();
    expect(await main(['scenario', 'run', ALEPPO], io)).toBe(0);
    const doc = JSON.parse(io.stdout);
    const { readFileSync } = await import('node:fs');
    const expected = JSON.parse(readFileSync(EXPECTED, 'utf8'));
    expect(doc.findings.map((f: { verdict: string }) => f.verdict)).toEqual(
      expected.findings.map((f: { verdict: string }) => f.verdict),
    );
  });

  it('prints a readable account with --explain', async () => {
    const io = captureIo();
    expect(await main(['scenario', 'run', ALEPPO, '--explain'], io)).toBe(0);
    expect(io.stdout).toMatch(/i03 .* shelling by Syrian Arab Army/);
    expect(io.stdout).toMatch(/VIOLATION under Cessation of Hostilities in Syria \[TARGET_PARTY\]/);
    // Times in the bundle's timezone (a fixed +03:00 here), acts in words.
    expect(io.stdout).toMatch(/i01 +3 Apr 2016, 10:00 \(UTC\+03:00\) +air strike by US-led coalition/);
    expect(io.stdout).toMatch(/Days of calm/);
  });

  it('tells, in the account of calm days, a day the agreement is not in force from a day with too many violations', async () => {
    const io = captureIo();
    expect(await main(['scenario', 'run', join(ROOT, 'examples/syria-2016.json'), '--explain'], io)).toBe(0);
    // Asia/Damascus kept UTC+2 in winter 2016 and UTC+3 from April: the truce began at midnight there.
    expect(io.stdout).toMatch(/i02-daraya-start +27 Feb 2016, 00:00 \(UTC\+02:00\) +shelling by/);
    expect(io.stdout).toMatch(/^Daraya +27 Aug 2016, 00:00 \(UTC\+03:00\) +VIOLATION under Cessation of Hostilities/m);
    expect(io.stdout).toMatch(/2016-09-12 +1 violation\(s\) +NOT calm \(not in force all day\) +streak 0/);
    expect(io.stdout).toMatch(/2016-09-18 +0 violation\(s\) +calm +streak 6/);
    expect(io.stdout).toMatch(/2016-09-19 +0 violation\(s\) +NOT calm \(not in force all day\) +streak 0/);
    expect(io.stdout).toMatch(/Reduced violence not reached: 7 calm days in a row are required/);
  });

  it('exits 2 and names every problem of an invalid bundle on stderr', async () => {
    const file = join(tmp, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'truce-scenario/1',
        actors: [{ id: 'a', name: 'A', kind: 'state' }],
        incidents: [
          {
            id: 'i1',
            occurred_at: '2016-01-01T00:00:00Z',
            location: { lon: 1, lat: 91 },
            act: 'shelling',
            perpetrator: 'a',
          },
          {
            id: 'i2',
            occurred_at: '2016-01-01T00:00:00Z',
            location: { lon: 1, lat: 1 },
            act: 'shelling',
            perpetrator: 'nobody',
          },
        ],
      }),
    );
    const io = captureIo();
    expect(await main(['scenario', 'run', file], io)).toBe(2);
    expect(io.stdout).toBe('');
    expect(io.stderr).toContain('incidents[0].location.lat: must be between -90 and 90');
    expect(io.stderr).toContain('incidents[1].perpetrator: unknown actor "nobody"');
  });

  it('exits 2 on an unknown command or a missing argument', async () => {
    const io = captureIo();
    expect(await main(['scenario', 'fly'], io)).toBe(2);
    expect(await main(['scenario', 'run'], io)).toBe(2);
    expect(io.stderr).toMatch(/missing FILE/);
  });

  it('loads a bundle into a data directory, and findings --json equals scenario run', async () => {
    const data = join(tmp, 'data');
    const load = captureIo();
    expect(await main(['scenario', 'load', ALEPPO, '--data', data], load)).toBe(0);
    expect(load.stdout).toMatch(/incidents\s+10 added/);
    const stored = captureIo();
    expect(await main(['findings', '--json', '--data', data], stored)).toBe(0);
    const direct = captureIo();
    await main(['scenario', 'run', ALEPPO], direct);
    expect(JSON.parse(stored.stdout)).toEqual(JSON.parse(direct.stdout));
  });

  it('runs as a real process through bin/truce.js, with exit code 2 for a bad bundle', async () => {
    const file = join(tmp, 'not-json.json');
    writeFileSync(file, '{ "format": ');
    const failure = await run('node', [join(ROOT, 'bin/truce.js'), 'scenario', 'run', file]).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toMatch(/is not valid JSON/);
  });

  it("prints a command's usage alone on stdout for --help, as a real process, exit 0", async () => {
    const { stdout, stderr } = await run('node', [join(ROOT, 'bin/truce.js'), 'user', 'add', '--help']);
    expect(stderr).toBe('');
    const direct = captureIo();
    expect(await main(['user', 'add', '--help'], direct)).toBe(0);
    expect(stdout).toBe(direct.stdout);
    expect(stdout).toMatch(/^Usage: truce user add USERNAME --org ORG --role ROLE \[--password-stdin\]\n\nadd a user/);
  });
});
