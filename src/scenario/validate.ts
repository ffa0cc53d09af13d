/**
 * Validation of a bundle: every problem, each named by its JSON path
 * (`incidents[3].location.lat: must be between -90 and 90`), never only the first.
 */
import type { z } from 'zod';
import { parseInstant } from '../domain/time.ts';
import { type Bundle, bundleSchema } from './bundle.schema.ts';

export interface Problem {
  path: string;
  message: string;
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
  return error.issues.map((issue) => ({ path: formatPath([...prefix, ...issue.path]), message: describeIssue(issue) }));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  if (issue.code === 'invalid_type') return `must be ${article(issue.expected)}, not ${kindOf(issue.input)}`;
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
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
    return { ok: false, problems: [{ path: '(document)', message: `is not valid JSON: ${(e as Error).message}` }] };
  }
  return validateBundle(data);
}

export function validateBundle(data: unknown): Validation {
  const parsed = bundleSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const problems = crossCheck(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, bundle: parsed.data };
}

/** The checks a schema of one record cannot make: ids, references, interval order. */
function crossCheck(b: Bundle): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  const uniqueIds = (kind: string, items: { id: string }[]): Set<string> => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) add(`${kind}[${i}].id`, `duplicate id "${item.id}"`);
      seen.add(item.id);
    });
    return seen;
  };
  const actors = uniqueIds('actors', b.actors);
  const agreements = uniqueIds('agreements', b.agreements);
  uniqueIds('zones', b.zones);
  uniqueIds('incidents', b.incidents);
  uniqueIds('protected_sites', b.protected_sites);
  uniqueIds('operations', b.operations);
  uniqueIds('convoys', b.convoys);

  const actor = (path: string, ref: string | null) => {
    if (ref !== null && !actors.has(ref)) add(path, `unknown actor "${ref}"`);
  };
  const interval = (path: string, iv: { from: string; to: string | null }) => {
    if (iv.to !== null && parseInstant(iv.to)! <= parseInstant(iv.from)!) add(`${path}.to`, 'must be after from');
  };

  actor('host_state', b.host_state);
  b.agreements.forEach((g, i) => {
    const at = `agreements[${i}]`;
    g.in_force.forEach((iv, j) => interval(`${at}.in_force[${j}]`, iv));
    g.parties.forEach((p, j) => {
      actor(`${at}.parties[${j}].actor`, p.actor);
      if (p.until !== null && parseInstant(p.until)! <= parseInstant(p.accepted_at)!) add(`${at}.parties[${j}].until`, 'must be after accepted_at');
    });
    g.excluded.forEach((a, j) => actor(`${at}.excluded[${j}]`, a));
  });
  b.zones.forEach((z, i) => {
    z.control.forEach((e, j) => {
      e.actors.forEach((a, k) => actor(`zones[${i}].control[${j}].actors[${k}]`, a));
      interval(`zones[${i}].control[${j}]`, e);
    });
  });
  b.incidents.forEach((inc, i) => {
    actor(`incidents[${i}].perpetrator`, inc.perpetrator);
    if (inc.target && 'actor' in inc.target) actor(`incidents[${i}].target.actor`, inc.target.actor);
  });
  b.protected_sites.forEach((s, i) => {
    actor(`protected_sites[${i}].owner`, s.owner);
    s.notified_to.forEach((a, j) => actor(`protected_sites[${i}].notified_to[${j}]`, a));
    interval(`protected_sites[${i}].valid`, s.valid);
  });
  b.operations.forEach((o, i) => {
    actor(`operations[${i}].actor`, o.actor);
    interval(`operations[${i}].window`, o.window);
  });
  b.convoys.forEach((c, i) => {
    actor(`convoys[${i}].organizer`, c.organizer);
    interval(`convoys[${i}].window`, c.window);
  });
  if (b.calm) {
    if (!agreements.has(b.calm.agreement)) add('calm.agreement', `unknown agreement "${b.calm.agreement}"`);
    if (b.calm.to < b.calm.from) add('calm.to', 'must not be before from');
  }
  return problems;
}
