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
  orgAdd,
  readPasswordFromStdin,
  tokenList,
  tokenRevoke,
  userAdd,
  userDisable,
  userList,
  userPasswd,
  withAccounts,
} from './accounts.command.ts';
import { auditHead, auditSeal, auditVerify } from './audit.command.ts';
import { settingsSet, settingsShow } from './settings.command.ts';
import { DataDirLockedError } from '../store/database.ts';

/** The options as parseArgs gives them (a list for an option given `multiple`). */
type Values = Record<string, string | boolean | string[] | undefined>;

interface Command {
  usage: string;
  summary: string;
  options?: ParseArgsConfig['options'];
  run(io: Io, positionals: string[], values: Values): Promise<number>;
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
    usage: 'truce import ucdp FILE.csv[.gz]',
    summary:
      'load UCDP GED events (a CSV file, gzipped or not) as incidents and judge the new ones; bad rows are listed, the rest load',
    run: (io, [file], v) => importUcdpFile(io, need(file, 'FILE.csv'), dbFlags(v)),
  },
  serve: {
    usage:
      'truce serve [--port 8080] [--host 127.0.0.1] [--empty] [--tile-url URL] [--trust-proxy PROXIES] [--smtp-url URL --smtp-from ADDRESS] [--public-url URL]',
    summary:
      'run the server; a first start loads the demo world (not with --empty) and creates the admin;' +
      ' --tile-url (or TRUCE_TILE_URL): map tiles to draw under the boundaries, as an XYZ template, pmtiles://URL or style.json URL;' +
      ' --trust-proxy (or TRUCE_TRUST_PROXY): behind a TLS-terminating proxy, its addresses or CIDRs (or a number of hops, or true),' +
      ' so that requests it forwards over TLS get a Secure cookie and HSTS;' +
      ' --smtp-url (or TRUCE_SMTP_URL: smtp://[user:password@]host[:port][?starttls=required], smtps://...) and --smtp-from (or TRUCE_SMTP_FROM):' +
      " send email to the users who ask for it; --public-url (or TRUCE_PUBLIC_URL): the web app's address for links in emails" +
      '; TRUCE_WEBHOOKS_ALLOW_PRIVATE=1: webhooks may be delivered to loopback and private addresses',
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      empty: { type: 'boolean' },
      'tile-url': { type: 'string' },
      'trust-proxy': { type: 'string' },
      'smtp-url': { type: 'string' },
      'smtp-from': { type: 'string' },
      'public-url': { type: 'string' },
    },
    run: (io, _args, v) =>
      serve(
        io,
        {
          port: str(v.port),
          host: str(v.host),
          empty: Boolean(v.empty),
          tileUrl: str(v['tile-url']),
          trustProxy: str(v['trust-proxy']),
          smtpUrl: str(v['smtp-url']),
          smtpFrom: str(v['smtp-from']),
          publicUrl: str(v['public-url']),
        },
        dbFlags(v),
      ),
  },
  'org add': {
    usage: 'truce org add ID --name NAME [--name-ar NAME] --kind KIND [--task-force]',
    summary:
      'add an organization; KIND is co_chair (reads co_chairs records), un, humanitarian, monitor, party or other',
    options: {
      name: { type: 'string' },
      'name-ar': { type: 'string' },
      kind: { type: 'string' },
      'task-force': { type: 'boolean' },
    },
    run: (io, [id], v) => {
      const org = {
        id: need(id, 'ID'),
        name: need(str(v.name), '--name'),
        nameAr: str(v['name-ar']) ?? null,
        kind: need(str(v.kind), '--kind'),
        taskForce: Boolean(v['task-force']),
      };
      return withAccounts(io, 'org add', dbFlags(v), (ctx) => orgAdd(io, ctx, org));
    },
  },
  'user add': {
    usage: 'truce user add USERNAME --org ORG --role ROLE [--password-stdin]',
    summary:
      'add a user (ROLE: admin, analyst, monitor, reporter, humanitarian, observer); prints a generated password',
    options: { org: { type: 'string' }, role: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
    run: (io, [username], v) => {
      const user = {
        username: need(username, 'USERNAME'),
        orgId: need(str(v.org), '--org'),
        role: need(str(v.role), '--role'),
      };
      return withAccounts(io, 'user add', dbFlags(v), (ctx) =>
        userAdd(io, ctx, user, v['password-stdin'] ? readPasswordFromStdin : null),
      );
    },
  },
  'user passwd': {
    usage: 'truce user passwd USERNAME [--password-stdin]',
    summary: "set a user's password (read from stdin, or generated and printed once)",
    options: { 'password-stdin': { type: 'boolean' } },
    run: (io, [username], v) => {
      const name = need(username, 'USERNAME');
      return withAccounts(io, 'user passwd', dbFlags(v), (ctx) =>
        userPasswd(io, ctx, name, v['password-stdin'] ? readPasswordFromStdin : null),
      );
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
    summary: "list a user's API tokens (never their secrets), revoked ones included",
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
  settings: {
    usage: 'truce settings',
    summary: "print the world's settings: the timezone of its days, the host state, the days of calm per agreement",
    run: (io, args, v) => {
      if (args.length > 0) throw new UsageError(`unexpected argument "${args[0]}"`);
      return settingsShow(io, dbFlags(v));
    },
  },
  'settings set': {
    usage:
      'truce settings set [--timezone TZ] [--host-state ACTOR|none] [--calm AGREEMENT:THRESHOLD:DAYS[:FROM:TO|:none]]... [--no-calm AGREEMENT]... [--dry-run]',
    summary:
      'change the settings given, keeping the rest; audited. --timezone: an IANA name such as Asia/Damascus;' +
      ' --calm: count the days of calm of an agreement, a day calm with at most THRESHOLD violations, DAYS calm days in a row' +
      ' required, over FROM to TO (YYYY-MM-DD, both included; none: the days asked for; left out: kept); --no-calm: count' +
      ' them no more; --dry-run: say what would change, saving nothing',
    options: {
      timezone: { type: 'string' },
      'host-state': { type: 'string' },
      calm: { type: 'string', multiple: true },
      'no-calm': { type: 'string', multiple: true },
      'dry-run': { type: 'boolean' },
    },
    run: (io, args, v) => {
      if (args.length > 0) throw new UsageError(`unexpected argument "${args[0]}"`);
      const list = (x: Values[string]) => (Array.isArray(x) ? x : []);
      return settingsSet(io, dbFlags(v), {
        timezone: str(v.timezone),
        hostState: str(v['host-state']),
        calm: list(v.calm),
        noCalm: list(v['no-calm']),
        dryRun: Boolean(v['dry-run']),
      });
    },
  },
  'audit verify': {
    usage: 'truce audit verify [--expect-head HASH]',
    summary:
      "check the audit trail's hash chain; names the first broken link (exit 1); does not seal;" +
      ' --expect-head: a head recorded earlier (`truce audit head`) must still be in the chain, so that removing the newest entries shows',
    options: { 'expect-head': { type: 'string' } },
    run: (io, _args, v) => auditVerify(io, dbFlags(v), str(v['expect-head'])),
  },
  'audit head': {
    usage: 'truce audit head',
    summary:
      "print the verified chain's head hash alone, to record outside the database (exit 1 if the chain is broken)",
    run: (io, _args, v) => auditHead(io, dbFlags(v)),
  },
  'audit seal': {
    usage: 'truce audit seal',
    summary: 'chain the audit entries not sealed yet (the server does this by itself)',
    run: (io, _args, v) => auditSeal(io, dbFlags(v)),
  },
};

function dbFlags(v: Values): DbFlags {
  return { data: str(v.data), 'database-url': str(v['database-url']) };
}

function str(x: Values[string]): string | undefined {
  return typeof x === 'string' ? x : undefined;
}

function need(value: string | undefined, name: string): string {
  if (value === undefined) throw new UsageError(`missing ${name}`);
  return value;
}

const DATABASE_NOTE = [
  'Database: ./truce-data (PGlite) by default; --data DIR for another directory;',
  'DATABASE_URL or --database-url postgres://... for PostgreSQL.',
  'One process at a time opens an embedded data directory; on PostgreSQL the server and commands run together.',
];

/** Every command: `truce --help`, `truce help`. */
export function usage(): string {
  return [
    'Usage:',
    ...commandLines(Object.keys(COMMANDS)),
    '',
    ...DATABASE_NOTE,
    "truce COMMAND --help prints one command's usage.",
    '',
  ].join('\n');
}

/** The commands of a group (`truce user --help`): their usage lines. */
function groupUsage(group: string): string {
  return [
    'Usage:',
    ...commandLines(Object.keys(COMMANDS).filter((k) => k.startsWith(`${group} `))),
    '',
    ...DATABASE_NOTE,
    '',
  ].join('\n');
}

/** One command (`truce user add --help`): its usage, what it does, where its database is. */
function commandUsage(name: string): string {
  const c = COMMANDS[name]!;
  return [
    `Usage: ${c.usage}`,
    '',
    wrap(c.summary),
    ...(name === 'scenario run' ? [] : ['', ...DATABASE_NOTE]),
    '',
  ].join('\n');
}

/**
 * Each command's usage, and under it what it does: its summary up to the first semicolon (the
 * rest, often the options one by one, is in `truce COMMAND --help`).
 */
function commandLines(names: string[]): string[] {
  return names.flatMap((n) => {
    const { usage, summary } = COMMANDS[n]!;
    const gist = summary.split('; ')[0]!;
    return [
      `  ${usage}`,
      ...wrap(gist, 94)
        .split('\n')
        .map((line) => `      ${line}`),
    ];
  });
}

/** Words into lines of at most 100 characters. */
function wrap(text: string, width = 100): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join('\n');
}

/** Every command's name, as `truce` takes it (for tests and completion). */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

/** The groups of subcommands: `scenario`, `user`, ... */
const GROUPS = new Set(COMMAND_NAMES.filter((k) => k.includes(' ')).map((k) => k.split(' ')[0]!));

const isHelp = (arg: string | undefined) => arg === '--help' || arg === '-h';

/** Whether the command handles SIGINT and SIGTERM itself (the server stops gracefully); others just exit. */
export function handlesSignals(argv: readonly string[]): boolean {
  return argv[0] === 'serve';
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const key = [argv[0], argv[1]].join(' ');
  const name = COMMANDS[key] ? key : argv[0] !== undefined && COMMANDS[argv[0]] ? argv[0] : null;
  if (name === null) {
    if (argv.length === 0 || ['help', '--help', '-h'].includes(argv[0]!)) {
      const topic = argv.slice(1).join(' ');
      if (argv[0] === 'help' && COMMANDS[topic]) io.out(commandUsage(topic));
      else if (argv[0] === 'help' && GROUPS.has(topic)) io.out(groupUsage(topic));
      else io.out(usage());
      return EXIT.ok;
    }
    if (GROUPS.has(argv[0]!) && isHelp(argv[1])) {
      io.out(groupUsage(argv[0]!));
      return EXIT.ok;
    }
    io.err(`truce: unknown command "${argv.join(' ')}"\n\n${GROUPS.has(argv[0]!) ? groupUsage(argv[0]!) : usage()}`);
    return EXIT.invalid;
  }
  const command = COMMANDS[name]!;
  const args = argv.slice(name.split(' ').length);
  // --help anywhere before a `--` that ends the options: nothing runs, whatever else is there.
  const options = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  if (options.some(isHelp)) {
    io.out(commandUsage(name));
    return EXIT.ok;
  }
  try {
    const { positionals, values } = parseArgs({
      args,
      options: { ...DB_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
    return await command.run(io, positionals, values as Values);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`truce ${name}: ${(e as Error).message}\nUsage: ${command.usage}\n`);
      return EXIT.invalid;
    }
    if (e instanceof DataDirLockedError) {
      io.err(
        `truce ${name}: ${e.message}.\n${
          name === 'serve'
            ? 'Stop the other process first, or give this server another directory with --data DIR, or run the servers on PostgreSQL (DATABASE_URL), where several can share one database.'
            : 'Stop the server, or use the API, or set DATABASE_URL to work on PostgreSQL, where the server and commands can run together.'
        }\n`,
      );
      return EXIT.failure;
    }
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'EISDIR') {
      const problem = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'a directory, not a file';
      io.err(`truce ${name}: ${problem}: ${(e as NodeJS.ErrnoException).path ?? ''}\n`);
      return EXIT.failure;
    }
    throw e;
  }
}
