/**
 * The `truce` command line. Each subcommand parses its arguments and calls one use case; the
 * table below is the whole surface, and `truce help` prints it.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EXIT, type Io, processIo, UsageError } from './io.ts';
import { type DbFlags, findings, scenarioLoad } from './database.command.ts';
import { importUcdpFile } from './import.command.ts';
import { scenarioRun } from './scenario.command.ts';
import { serve } from './serve.command.ts';
import {
  orgAdd, readPasswordFromStdin, tokenList, tokenRevoke, userAdd, userDisable, userList, userPasswd, withAccounts,
} from './accounts.command.ts';
import { auditHead, auditSeal, auditVerify } from './audit.command.ts';

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
  'import ucdp': {
    usage: 'truce import ucdp FILE.csv',
    summary: 'load UCDP GED events as incidents and judge the new ones; bad rows are listed, the rest load',
    run: (io, [file], v) => importUcdpFile(io, need(file, 'FILE.csv'), dbFlags(v)),
  },
  serve: {
    usage: 'truce serve [--port 8080] [--host 127.0.0.1] [--empty] [--tile-url URL] [--trust-proxy PROXIES]',
    summary: 'run the server; a first start loads the demo world (not with --empty) and creates the admin;'
      + ' --tile-url (or TRUCE_TILE_URL): map tiles to draw under the boundaries, as an XYZ template, pmtiles://URL or style.json URL;'
      + ' --trust-proxy (or TRUCE_TRUST_PROXY): behind a TLS-terminating proxy, its addresses or CIDRs (or a number of hops, or true),'
      + ' so that requests it forwards over TLS get a Secure cookie and HSTS',
    options: { port: { type: 'string' }, host: { type: 'string' }, empty: { type: 'boolean' }, 'tile-url': { type: 'string' }, 'trust-proxy': { type: 'string' } },
    run: (io, _args, v) => serve(io, {
      port: str(v.port), host: str(v.host), empty: Boolean(v.empty), tileUrl: str(v['tile-url']), trustProxy: str(v['trust-proxy']),
    }, dbFlags(v)),
  },
  'org add': {
    usage: 'truce org add ID --name NAME --kind KIND [--task-force]',
    summary: 'add an organization; KIND is co_chair (reads co_chairs records), un, humanitarian, monitor, party or other',
    options: { name: { type: 'string' }, kind: { type: 'string' }, 'task-force': { type: 'boolean' } },
    run: (io, [id], v) => {
      const org = { id: need(id, 'ID'), name: need(str(v.name), '--name'), kind: need(str(v.kind), '--kind'), taskForce: Boolean(v['task-force']) };
      return withAccounts(io, 'org add', dbFlags(v), (ctx) => orgAdd(io, ctx, org));
    },
  },
  'user add': {
    usage: 'truce user add USERNAME --org ORG --role ROLE [--password-stdin]',
    summary: 'add a user (ROLE: admin, analyst, monitor, reporter, humanitarian, observer); prints a generated password',
    options: { org: { type: 'string' }, role: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
    run: (io, [username], v) => {
      const user = { username: need(username, 'USERNAME'), orgId: need(str(v.org), '--org'), role: need(str(v.role), '--role') };
      return withAccounts(io, 'user add', dbFlags(v), (ctx) => userAdd(io, ctx, user, v['password-stdin'] ? readPasswordFromStdin : null));
    },
  },
  'user passwd': {
    usage: 'truce user passwd USERNAME [--password-stdin]',
    summary: 'set a user\'s password (read from stdin, or generated and printed once)',
    options: { 'password-stdin': { type: 'boolean' } },
    run: (io, [username], v) => {
      const name = need(username, 'USERNAME');
      return withAccounts(io, 'user passwd', dbFlags(v), (ctx) => userPasswd(io, ctx, name, v['password-stdin'] ? readPasswordFromStdin : null));
    },
  },
  'user disable': {
    usage: 'truce user disable USERNAME',
    summary: 'stop a user from signing in; ends their sessions and revokes their API tokens',
    run: (io, [username], v) => {
      const name = need(username, 'USERNAME');
      return withAccounts(io, 'user disable', dbFlags(v), (ctx) => userDisable(io, ctx, name, true));
    },
  },
  'user enable': {
    usage: 'truce user enable USERNAME',
    summary: 'let a disabled user sign in again',
    run: (io, [username], v) => {
      const name = need(username, 'USERNAME');
      return withAccounts(io, 'user enable', dbFlags(v), (ctx) => userDisable(io, ctx, name, false));
    },
  },
  'user list': {
    usage: 'truce user list',
    summary: 'list the users with their organization, role, clearance and status',
    run: (io, _args, v) => withAccounts(io, 'user list', dbFlags(v), (ctx) => userList(io, ctx)),
  },
  'token list': {
    usage: 'truce token list USERNAME',
    summary: 'list a user\'s API tokens (never their secrets), revoked ones included',
    run: (io, [username], v) => {
      const name = need(username, 'USERNAME');
      return withAccounts(io, 'token list', dbFlags(v), (ctx) => tokenList(io, ctx, name));
    },
  },
  'token revoke': {
    usage: 'truce token revoke ID',
    summary: 'revoke one API token (its ID from `truce token list`); audited',
    run: (io, [id], v) => {
      const tokenId = need(id, 'ID');
      return withAccounts(io, 'token revoke', dbFlags(v), (ctx) => tokenRevoke(io, ctx, tokenId));
    },
  },
  'audit verify': {
    usage: 'truce audit verify [--expect-head HASH]',
    summary: 'check the audit trail\'s hash chain; names the first broken link (exit 1); does not seal;'
      + ' --expect-head: a head recorded earlier (`truce audit head`) must still be in the chain, so that removing the newest entries shows',
    options: { 'expect-head': { type: 'string' } },
    run: (io, _args, v) => auditVerify(io, dbFlags(v), str(v['expect-head'])),
  },
  'audit head': {
    usage: 'truce audit head',
    summary: 'print the verified chain\'s head hash alone, to record outside the database (exit 1 if the chain is broken)',
    run: (io, _args, v) => auditHead(io, dbFlags(v)),
  },
  'audit seal': {
    usage: 'truce audit seal',
    summary: 'chain the audit entries not sealed yet (the server does this by itself)',
    run: (io, _args, v) => auditSeal(io, dbFlags(v)),
  },
};

function dbFlags(v: Record<string, string | boolean | undefined>): DbFlags {
  const str = (x: string | boolean | undefined) => (typeof x === 'string' ? x : undefined);
  return { data: str(v.data), 'database-url': str(v['database-url']) };
}

function str(x: string | boolean | undefined): string | undefined {
  return typeof x === 'string' ? x : undefined;
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
