/**
 * Validation of a bundle: every problem, each named by its JSON path
 * (`incidents[3].location.lat: must be between -90 and 90`), never only the first.
 */
import type { z } from 'zod';
import { type Statement, statement } from '../domain/statements.ts';
import { parseInstant } from '../domain/time.ts';
import { type Bundle, bundleSchema } from './bundle.schema.ts';

export interface Problem {
  path: string;
  message: string;
  /** In a file read row by row (an import), the line the row starts on. */
  line?: number;
  /** The message as a statement, for the reader's language (the web app renders it). */
  statement?: Statement;
}

export type Validation = { ok: true; bundle: Bundle } | { ok: false; problems: Problem[] };

/** `['incidents', 3, 'location', 'lat']` as `incidents[3].location.lat`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(document)' : out;
}

export function formatProblem(p: Problem): string {
  return `${p.path}: ${p.message}`;
}

/** Zod issues as problems, with "is required" for missing fields and allowed values listed. */
export function zodProblems(error: z.ZodError, prefix: readonly PropertyKey[] = []): Problem[] {
  return error.issues.map((issue) => {
    const message = describeIssue(issue);
    return { path: formatPath([...prefix, ...issue.path]), message, statement: issueStatement(issue, message) };
  });
}

/** What a Zod issue says, as a statement: by its kind and limits where the reader's language has words for them. */
function issueStatement(issue: z.core.$ZodIssue, message: string): Statement {
  const text = (t: string) => ({ text: t });
  // A check of our own that says what is wrong as a statement (an area's problems: domain/area-check.ts).
  const said = issue.code === 'custom' ? (issue.params as { statement?: Statement } | undefined)?.statement : undefined;
  if (said) return said;
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined)
    return statement('problem.required');
  if (issue.code === 'invalid_type') return statement('problem.type', { expected: text(issue.expected) });
  if (issue.code === 'invalid_value')
    return statement('problem.one_of', { values: text(issue.values.map((v) => JSON.stringify(v)).join(', ')) });
  if (issue.code === 'unrecognized_keys')
    return statement('problem.unknown_fields', { fields: text(issue.keys.join(', ')) });
  if ((issue.code === 'too_small' || issue.code === 'too_big') && typeof issue.origin === 'string') {
    const limit = { number: Number(issue.code === 'too_small' ? issue.minimum : issue.maximum) };
    const small = issue.code === 'too_small';
    if (issue.origin === 'string') return statement(small ? 'problem.min_length' : 'problem.max_length', { limit });
    if (issue.origin === 'array') return statement(small ? 'problem.min_items' : 'problem.max_items', { limit });
    if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')
      return statement(small ? 'problem.at_least' : 'problem.at_most', { limit });
  }
  return statement('problem.other', { text: text(message) });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  // JSON has no undefined: an undefined input is a missing field, whether a type, an enum or a literal was expected.
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined)
    return 'is required';
  if (issue.code === 'invalid_type') return `must be ${article(issue.expected)}, not ${kindOf(issue.input)}`;
  if (issue.code === 'invalid_value' && issue.values.length === 1) return `must be ${JSON.stringify(issue.values[0])}`;
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'unrecognized_keys')
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return article(typeof value);
}

/** Parses and checks a bundle's text. */
export function validateBundleText(text: string): Validation {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = `is not valid JSON: ${(e as Error).message}`;
    return { ok: false, problems: [{ path: '(document)', message, statement: statement('problem.import_json') }] };
  }
  return validateBundle(data);
}

export function validateBundle(data: unknown): Validation {
  const parsed = bundleSchema.safeParse(data, { reportInput: true });
  // Cross-record checks run on the raw document too, so that one pass names every problem.
  const problems = [...(parsed.success ? [] : zodProblems(parsed.error)), ...crossCheck(data)];
  if (problems.length > 0 || !parsed.success) return { ok: false, problems: dedupe(problems).sort(inDocumentOrder) };
  return { ok: true, bundle: parsed.data };
}

const TOP_LEVEL = Object.keys(bundleSchema.shape);

/** Problems in the order their places appear in a bundle: by section, then by index and field. */
function inDocumentOrder(a: Problem, b: Problem): number {
  const tokens = (p: Problem) => p.path.split(/[.[\]]+/).filter(Boolean);
  const [ta, tb] = [tokens(a), tokens(b)];
  const section = TOP_LEVEL.indexOf(ta[0] ?? '') - TOP_LEVEL.indexOf(tb[0] ?? '');
  if (section !== 0) return section;
  for (let i = 1; i < Math.min(ta.length, tb.length); i++) {
    const [x, y] = [ta[i]!, tb[i]!];
    if (x === y) continue;
    const [nx, ny] = [Number(x), Number(y)];
    return Number.isInteger(nx) && Number.isInteger(ny) ? nx - ny : 0;
  }
  return 0;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(formatProblem(p)) && Boolean(seen.add(formatProblem(p))));
}

// Readers of the raw document: whatever is not of the expected shape reads as absent, since
// the schema reports it already.
type Raw = Record<string, unknown>;
const list = (x: unknown): Raw[] =>
  Array.isArray(x) ? x.map((v) => (v !== null && typeof v === 'object' ? (v as Raw) : {})) : [];
const str = (x: unknown): string | null => (typeof x === 'string' ? x : null);
const strings = (x: unknown): (string | null)[] => (Array.isArray(x) ? x.map(str) : []);
const instant = (x: unknown): number | null => (typeof x === 'string' ? parseInstant(x) : null);

/** The checks a schema of one record cannot make: ids, references, interval order. */
function crossCheck(data: unknown): Problem[] {
  const b: Raw = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Raw) : {};
  const problems: Problem[] = [];
  const add = (path: string, message: string, said: Statement) => problems.push({ path, message, statement: said });

  const uniqueIds = (kind: string): Set<string> => {
    const seen = new Set<string>();
    list(b[kind]).forEach((item, i) => {
      const id = str(item.id);
      if (id === null) return;
      if (seen.has(id))
        add(
          `${kind}[${i}].id`,
          `duplicate id "${id}"`,
          statement('problem.import_duplicate_id', { value: { text: id } }),
        );
      seen.add(id);
    });
    return seen;
  };
  const actors = uniqueIds('actors');
  const agreements = uniqueIds('agreements');
  for (const kind of ['zones', 'incidents', 'protected_sites', 'operations', 'convoys']) uniqueIds(kind);

  const actor = (path: string, ref: unknown) => {
    const id = str(ref);
    if (id !== null && id !== '' && !actors.has(id))
      add(path, `unknown actor "${id}"`, statement('problem.import_unknown_actor', { value: { text: id } }));
  };
  const actorList = (path: string, refs: unknown) => strings(refs).forEach((a, j) => actor(`${path}[${j}]`, a));
  const ordered = (path: string, from: unknown, to: unknown, fromName = 'from') => {
    const f = instant(from),
      t = instant(to);
    if (f !== null && t !== null && t <= f)
      add(path, `must be after ${fromName}`, statement('problem.import_after', { start: { text: fromName } }));
  };
  const interval = (path: string, iv: unknown) => {
    const raw = (iv ?? {}) as Raw;
    ordered(`${path}.to`, raw.from, raw.to);
  };

  actor('host_state', b.host_state);
  list(b.agreements).forEach((g, i) => {
    const at = `agreements[${i}]`;
    list(g.in_force).forEach((iv, j) => interval(`${at}.in_force[${j}]`, iv));
    list(g.parties).forEach((p, j) => {
      actor(`${at}.parties[${j}].actor`, p.actor);
      ordered(`${at}.parties[${j}].until`, p.accepted_at, p.until, 'accepted_at');
    });
    actorList(`${at}.excluded`, g.excluded);
  });
  list(b.zones).forEach((z, i) => {
    list(z.control).forEach((e, j) => {
      actorList(`zones[${i}].control[${j}].actors`, e.actors);
      interval(`zones[${i}].control[${j}]`, e);
    });
  });
  list(b.incidents).forEach((inc, i) => {
    actor(`incidents[${i}].perpetrator`, inc.perpetrator);
    const target = inc.target;
    if (target !== null && typeof target === 'object') actor(`incidents[${i}].target.actor`, (target as Raw).actor);
  });
  list(b.protected_sites).forEach((s, i) => {
    actor(`protected_sites[${i}].owner`, s.owner);
    actorList(`protected_sites[${i}].notified_to`, s.notified_to);
    interval(`protected_sites[${i}].valid`, s.valid);
  });
  list(b.operations).forEach((o, i) => {
    actor(`operations[${i}].actor`, o.actor);
    interval(`operations[${i}].window`, o.window);
  });
  list(b.convoys).forEach((c, i) => {
    actor(`convoys[${i}].organizer`, c.organizer);
    interval(`convoys[${i}].window`, c.window);
  });
  if (b.calm !== null && typeof b.calm === 'object') {
    const calm = b.calm as Raw;
    const agreement = str(calm.agreement);
    if (agreement !== null && agreement !== '' && !agreements.has(agreement))
      add(
        'calm.agreement',
        `unknown agreement "${agreement}"`,
        statement('problem.unknown_record', { record: { record: 'agreement' }, id: { text: agreement } }),
      );
    const from = str(calm.from),
      to = str(calm.to);
    if (from !== null && to !== null && to < from)
      add('calm.to', 'must not be before from', statement('problem.import_after', { start: { text: 'from' } }));
  }
  return problems;
}
