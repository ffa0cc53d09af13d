/**
 * `truce settings` and `truce settings set` through the command line, on a PGlite data directory
 * holding the example bundle: printed, changed (only what is given), previewed, audited, refused
 * naming the option at fault, and refused while another process holds the directory.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../../test/capture-io.ts';
import { LOCK_FILE } from '../store/data-dir-lock.ts';
import { main } from './main.ts';

const BUNDLE = new URL('../../examples/syria-2016.json', import.meta.url).pathname;

describe('truce settings, truce settings set [pglite data directory]', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'truce-settings-'));
  const dir = join(tmp, 'data');
  const truce = async (...args: string[]) => {
    const io = captureIo();
    const code = await main([...args, '--data', dir], io);
    return { code, out: io.stdout, err: io.stderr };
  };
  beforeAll(async () => {
    expect((await truce('scenario', 'load', BUNDLE)).code).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('prints the settings: timezone, host state, the days of calm per agreement', async () => {
    expect(await truce('settings')).toEqual({
      code: 0,
      err: '',
      out: [
        'World: Syria 2016: the Cessation of Hostilities and the September arrangement (illustrative geometry)',
        'Timezone: Asia/Damascus',
        'Host state: sy-gov',
        '',
        'Days of calm (a day is calm with at most THRESHOLD violations; DAYS calm days in a row make reduced violence):',
        'AGREEMENT  THRESHOLD  DAYS  PERIOD',
        'coh-sept   2          7     2016-09-12 to 2016-09-20  default',
        '',
      ].join('\n'),
    });
  });

  it('previews with --dry-run, saving nothing; saves only what is given, audited', async () => {
    const before = (await truce('settings')).out;
    const dry = await truce('settings', 'set', '--calm', 'coh-sept:0:2', '--dry-run');
    expect(dry).toMatchObject({ code: 0, err: '' });
    expect(dry.out).toMatch(
      /^Dry run, nothing saved: these change\.\n {2}Days of calm for coh-sept: at most 0 violations a day, 2 calm days in a row, from 2016-09-12 to 2016-09-20; longest run of calm days \d+, reduced violence (reached on 2016-09-\d\d|not reached) \(was at most 2 violations a day, 7 calm days in a row, from 2016-09-12 to 2016-09-20; /,
    );
    expect((await truce('settings')).out).toBe(before);

    const saved = await truce(
      'settings',
      'set',
      '--timezone',
      'UTC',
      '--host-state',
      'none',
      '--calm',
      'coh:3:4:2016-02-27:2016-03-26',
    );
    expect(saved).toMatchObject({ code: 0, err: '' });
    expect(saved.out.split('\n').slice(0, 3)).toEqual([
      'Saved: these change.',
      '  Timezone: UTC (was Asia/Damascus)',
      '  Host state: none (was sy-gov)',
    ]);
    expect(saved.out).toMatch(
      /^ {2}Days of calm for coh: at most 3 violations a day, 4 calm days in a row, from 2016-02-27 to 2016-03-26; longest run of calm days \d+, reduced violence .+ \(was not counted\)$/m,
    );
    const shown = (await truce('settings')).out;
    expect(shown).toContain('Timezone: UTC\nHost state: none\n');
    // coh-sept kept its numbers and its period.
    expect(shown).toMatch(/^coh-sept +2 +7 +2016-09-12 to 2016-09-20 +default$/m);
    expect(shown).toMatch(/^coh +3 +4 +2016-02-27 to 2016-03-26$/m);

    // A period cleared and a setting no longer counted; then the same again changes nothing.
    const cleared = await truce('settings', 'set', '--calm', 'coh:3:4:none', '--no-calm', 'coh-sept');
    expect(cleared.out).toMatch(
      /^ {2}Days of calm for coh: at most 3 violations a day, 4 calm days in a row, over the days asked for \(was /m,
    );
    expect(cleared.out).toMatch(/^ {2}Days of calm for coh-sept: no longer counted \(was at most 2 /m);
    expect((await truce('settings')).out).toMatch(/^coh +3 +4 +the days asked for$/m);
    expect(await truce('settings', 'set', '--calm', 'coh:3:4')).toEqual({
      code: 0,
      err: '',
      out: 'Saved: nothing changes.\n',
    });
    // Each change on the trail, chained: the world's (timezone and host state) and two per agreement.
    expect(await truce('audit', 'verify')).toMatchObject({ code: 0, out: expect.stringMatching(/^OK: /) });
  });

  it('refuses bad input naming the option, with exit code 2 and nothing written', async () => {
    const before = (await truce('settings')).out;
    // A valid new timezone beside each fault: it is not saved either.
    const tz = ['--timezone', 'Asia/Damascus'];
    const refused: [string[], RegExp][] = [
      [['--timezone', 'Mars/Olympus_Mons'], /^truce settings set: --timezone: unknown timezone "Mars\/Olympus_Mons"/],
      [[...tz, '--host-state', 'nobody'], /^truce settings set: --host-state: .*"nobody"/],
      [[...tz, '--calm', 'nothing:1:2'], /^truce settings set: --calm: unknown agreement "nothing"\n$/],
      [[...tz, '--calm', 'coh:x:2'], /^truce settings set: --calm "coh:x:2": THRESHOLD "x" must be a whole number/],
      [
        [...tz, '--calm', 'coh:1:2:2016-13-01:2016-13-02'],
        /^truce settings set: --calm "coh:1:2:2016-13-01:2016-13-02": FROM/,
      ],
      [
        [...tz, '--no-calm', 'coh-sept'],
        /^truce settings set: --no-calm "coh-sept": no days of calm are counted for it\n/,
      ],
      [[], /^truce settings set: nothing to change: give --timezone, --host-state, --calm or --no-calm\nUsage: /],
      [['--calm'], /^truce settings set: Option '--calm' argument is ambiguous/],
    ];
    for (const [args, message] of refused) {
      const r = await truce('settings', 'set', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out, args.join(' ')).toBe('');
      expect(r.err, args.join(' ')).toMatch(message);
    }
    expect((await truce('settings')).out).toBe(before);
    expect((await truce('settings', 'sett')).err).toMatch(/^truce settings: unexpected argument "sett"\n/);
  });

  it('prints its usage with --help, and refuses while another process holds the directory', async () => {
    const help = await truce('settings', 'set', '--help');
    expect(help).toMatchObject({ code: 0, err: '' });
    expect(help.out).toMatch(/^Usage: truce settings set \[--timezone TZ\] \[--host-state ACTOR\|none\] \[--calm /);
    // A holder on another host: nothing can be told of it, so the directory stays held.
    const owner = {
      pid: 1,
      host: 'another-host',
      since: '2016-09-12T00:00:00.000Z',
      startTicks: null,
      command: 'serve',
    };
    writeFileSync(join(dir, LOCK_FILE), `${JSON.stringify(owner)}\n`);
    try {
      for (const [name, args] of [
        ['settings', ['settings']],
        ['settings set', ['settings', 'set', '--timezone', 'Asia/Damascus']],
      ] as const) {
        const r = await truce(...args);
        expect(r.code).toBe(1);
        expect(r.err).toMatch(
          new RegExp(
            `^truce ${name}: the embedded database in .* is open in another truce process \\(pid 1 on host another-host, "serve", since 2016-09-12T00:00:00.000Z\\); .*\\nStop the server, or use the API, or set DATABASE_URL`,
          ),
        );
      }
    } finally {
      rmSync(join(dir, LOCK_FILE));
    }
    expect((await truce('settings')).out).toContain('Timezone: UTC\n');
  });
});
