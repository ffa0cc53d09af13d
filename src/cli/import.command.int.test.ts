import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from './main.ts';
import { captureIo } from '../../test/capture-io.ts';

const SAMPLE = new URL('../../test/fixtures/ucdp-sample.csv', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'truce-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

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

  it('reads a gzipped file as it is (as UCDP publishes them and data/ keeps them)', async () => {
    const gz = join(tmp, 'sample.csv.gz');
    writeFileSync(gz, gzipSync(readFileSync(SAMPLE)));
    const io = captureIo();
    expect(await main(['import', 'ucdp', gz, '--data', join(tmp, 'db-gz')], io)).toBe(0);
    expect(io.stdout).toMatch(/incidents +38 new, 0 already stored, 2 rejected/);
  });

  it('refuses a file that is not UCDP GED before opening the database: nothing written, no data directory, only why', async () => {
    const fresh = join(tmp, 'never-created');
    const sample = readFileSync(SAMPLE, 'utf8');
    const [header, ...rows] = sample.split('\n');
    const cases: [string, string, RegExp][] = [
      [
        'other.csv',
        'id,date\n1,2016-01-01\n',
        /^truce import ucdp: \S+other\.csv, line 1: not in the UCDP GED format: the header lacks type_of_violence, side_a_new_id, .*, high; nothing was imported\.\n$/,
      ],
      [
        'empty.csv',
        '',
        /^truce import ucdp: \S+empty\.csv, line 1: not in the UCDP GED format: it is empty \(no header\); nothing was imported\.\n$/,
      ],
      [
        'header-only.csv',
        `${header}\n`,
        /^truce import ucdp: \S+header-only\.csv: the file has no rows to import; nothing was imported\.\n$/,
      ],
      // A quote that never closes: the file broke off (a download cut short); its first rows are good.
      [
        'cut.csv',
        `${[header, ...rows.slice(0, 3)].join('\n')}\n214800,"2016,1`,
        /^truce import ucdp: \S+cut\.csv, line 5: .*quote.*; nothing was imported\.\n$/i,
      ],
      // Every row with a type of violence UCDP does not have.
      [
        'all-bad.csv',
        `${header}\n${rows
          .slice(0, 12)
          .map((r) => r.replace(/^(\d+),(\d+),(\d+),\d+,/, '$1,$2,$3,9,'))
          .join('\n')}\n`,
        /^truce import ucdp: \S+all-bad\.csv: none of its 12 rows can be imported; nothing was imported\.\n {2}line 2: type_of_violence: .*\n(.*\n){9} {2}\.\.\. and 2 more rows rejected\n$/,
      ],
    ];
    for (const [name, text, expected] of cases) {
      const file = join(tmp, name);
      writeFileSync(file, text);
      const io = captureIo();
      expect(await main(['import', 'ucdp', file, '--data', fresh], io), name).toBe(1);
      expect(io.stdout, name).toBe('');
      expect(io.stderr, name).toMatch(expected);
      expect(existsSync(fresh), name).toBe(false);
    }
  });

  it('exits 1 on a missing file, 2 without one', async () => {
    expect(await main(['import', 'ucdp', join(tmp, 'nothing.csv'), '--data', data], captureIo())).toBe(1);
    const io = captureIo();
    expect(await main(['import', 'ucdp', '--data', data], io)).toBe(2);
    expect(io.stderr).toContain('Usage: truce import ucdp FILE.csv[.gz]');
  });
});
