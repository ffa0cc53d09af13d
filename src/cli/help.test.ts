/** `--help` and `-h` on every command of the table: its usage on stdout, exit 0, nothing else run. */
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, main } from './main.ts';
import { captureIo } from '../../test/capture-io.ts';

async function run(argv: string[]) {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('truce --help', () => {
  it.each(COMMAND_NAMES.flatMap((name) => ['--help', '-h'].map((flag) => [name, flag] as const)))(
    "truce %s %s prints that command's usage alone",
    async (name, flag) => {
      // Among other arguments too, even ones the command would refuse: help wins, nothing runs.
      for (const argv of [
        [...name.split(' '), flag],
        [...name.split(' '), 'ARG', '--no-such-option', flag],
      ]) {
        const r = await run(argv);
        expect(r, argv.join(' ')).toMatchObject({ code: 0, stderr: '' });
        expect(r.stdout.split('\n')[0]).toMatch(new RegExp(`^Usage: truce ${name}( |$)`));
        expect(r.stdout.match(/Usage:/g)).toHaveLength(1);
        expect(r.stdout).not.toMatch(/Unknown option/);
        expect(r.stdout.split('\n').length).toBeLessThan(20);
      }
    },
  );

  it('lists every command with truce --help, -h, help and no arguments', async () => {
    for (const argv of [['--help'], ['-h'], ['help'], []]) {
      const r = await run(argv);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      for (const name of COMMAND_NAMES) expect(r.stdout).toContain(`  truce ${name}`);
      expect(r.stdout).toContain('truce COMMAND --help');
    }
  });

  it("lists a group's commands with truce GROUP --help, and one command with truce help COMMAND", async () => {
    const user = await run(['user', '--help']);
    expect(user).toMatchObject({ code: 0, stderr: '' });
    expect(user.stdout.match(/^ {2}truce \S+ \S+/gm)).toEqual([
      '  truce user add',
      '  truce user passwd',
      '  truce user disable',
      '  truce user enable',
      '  truce user list',
    ]);
    expect(await run(['audit', '-h'])).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/truce audit verify[^]*truce audit head[^]*truce audit seal/),
    });
    expect(await run(['help', 'user', 'add'])).toEqual(await run(['user', 'add', '--help']));
    const bare = await run(['user']);
    expect(bare).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(/^truce: unknown command "user"\n\nUsage:\n {2}truce user add/),
    });
  });

  it('leaves a --help after -- to the command, as an argument', async () => {
    const r = await run(['scenario', 'run', '--', '--help']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('truce scenario run: no such file: --help\n');
  });
});
