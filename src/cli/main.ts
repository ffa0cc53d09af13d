/**
 * The `truce` command line. Each subcommand parses its arguments and calls one use case; the
 * table below is the whole surface, and `truce help` prints it.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EXIT, type Io, processIo, UsageError } from './io.ts';
import { type DbFlags, findings, scenarioLoad } from './database.command.ts';
import { scenarioRun } from './scenario.command.ts';

interface Command {
  usage: string;
  summary: string;
  options?: ParseArgsConfig['options'];
  run(io: Io, positionals: string[], values: Record<string, string | boolean | undefined>): Promise<number>;
}

const DB_OPTIONS = {
  data: { type: 'string' },
  'database-url': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

const COMMANDS: Record<string, Command> = {
  'scenario run': {
    usage: 'truce scenario run FILE [--explain]',
    summary: 'evaluate a scenario bundle and print the result document (or a readable account)',
    options: { explain: { type: 'boolean' } },
    run: (io, [file], v) => scenarioRun(io, need(file, 'FILE'), { explain: Boolean(v.explain) }),
  },
  'scenario load': {
    usage: 'truce scenario load FILE',
    summary: 'store a bundle in the database in one transaction and judge what changed',
    run: (io, [file], v) => scenarioLoad(io, need(file, 'FILE'), dbFlags(v)),
  },
  findings: {
    usage: 'truce findings [--json]',
    summary: 'print the stored findings (as a result document with --json)',
    options: { json: { type: 'boolean' } },
    run: (io, _args, v) => findings(io, { json: Boolean(v.json) }, dbFlags(v)),
  },
};

function dbFlags(v: Record<string, string | boolean | undefined>): DbFlags {
  const str = (x: string | boolean | undefined) => (typeof x === 'string' ? x : undefined);
  return { data: str(v.data), 'database-url': str(v['database-url']) };
}

function need(value: string | undefined, name: string): string {
  if (value === undefined) throw new UsageError(`missing ${name}`);
  return value;
}

export function usage(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length));
  return ['Usage:', ...Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '', 'Database: ./truce-data (PGlite) by default; --data DIR for another directory;',
    'DATABASE_URL or --database-url postgres://... for PostgreSQL.', ''].join('\n');
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const key = [argv[0], argv[1]].join(' ');
  const name = COMMANDS[key] ? key : argv[0] !== undefined && COMMANDS[argv[0]] ? argv[0] : null;
  if (name === null) {
    if (argv.length === 0 || ['help', '--help', '-h'].includes(argv[0]!)) {
      io.out(usage());
      return EXIT.ok;
    }
    io.err(`truce: unknown command "${argv.join(' ')}"\n\n${usage()}`);
    return EXIT.invalid;
  }
  const command = COMMANDS[name]!;
  try {
    const { positionals, values } = parseArgs({
      args: argv.slice(name.split(' ').length),
      options: { ...DB_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
    return await command.run(io, positionals, values as Record<string, string | boolean | undefined>);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`truce ${name}: ${(e as Error).message}\nUsage: ${command.usage}\n`);
      return EXIT.invalid;
    }
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      io.err(`truce ${name}: no such file: ${(e as NodeJS.ErrnoException).path}\n`);
      return EXIT.failure;
    }
    throw e;
  }
}
