/**
 * fast-check generators read from the OpenAPI document: for each operation, path parameters,
 * query strings and JSON bodies that follow its schemas, and the same with one part replaced by
 * something hostile (a NUL, a lone surrogate, 1e308, a huge string, deep nesting, a wrong type).
 * Used by the property test of hostile input; the server must answer every one below 500.
 */
import fc from 'fast-check';

type Schema = Record<string, any>;
export interface Operation {
  method: string;
  /** OpenAPI form: /api/v1/reports/{id}. */
  path: string;
  pathParams: { name: string; schema: Schema }[];
  queryParams: { name: string; schema: Schema }[];
  body: Schema | null;
}

export interface Request {
  method: string;
  url: string;
  payload?: unknown;
}

export function operationsOf(doc: Schema): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries<Schema>(doc.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = item[method];
      if (!op) continue;
      const params: Schema[] = op.parameters ?? [];
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        queryParams: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return ops;
}

/** Deep nesting, written so that the client's own serializer does not recurse on it. */
const nested = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

/** Hostile JSON values: what probes send. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfffy',
    '',
    ' ',
    'x'.repeat(100_000),
    1e308,
    -1e308,
    2 ** 53 + 1,
    -0,
    5e-324,
    2_147_483_648,
    -2_147_483_649,
    true,
    false,
    null,
    {},
    [],
    [[]],
    JSON.parse('{"__proto__": {"x": 1}}'),
    '1e308',
    'NaN',
    'Infinity',
    '275760-09-13T00:00:00Z',
    '+275760-09-13T00:00:00.000Z',
    '0000-01-01T00:00:00Z',
    '-000001-01-01T00:00:00Z',
    '9999-12-31T23:59:59.999+14:00',
    '2016-02-30T00:00:00Z',
    '2016-09-19T24:00:00Z',
    '../../etc/passwd',
    "'; drop table reports; --",
    '%00',
    '\\u0000',
    'i28',
    'sy-gov',
    '<script>alert(1)</script>',
    'SY02',
    '-180,-90,180,90',
    '1,1,0,0',
    '1e308,1,2,3',
  ),
  fc.constant(null).map(() => nested(40)),
  fc.constant(null).map(() => nested(2_000)),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.double(),
  fc.integer(),
);

/** Strings that mean something somewhere in this API, valid and not. */
const MEANINGFUL = [
  '2016-09-19T19:15:00+03:00',
  '2016-02-27T00:00:00+02:00',
  '2016-09-19',
  '2016-09-12',
  '2016-12-31',
  '2016-09-19T16:15:00.000Z',
  'sy-gov',
  'ru',
  'us',
  'isil',
  'fsa-south',
  'un',
  'i28',
  'i1',
  'z-aleppo-east',
  'coh-2016-02',
  'a-1',
  'SY02',
  'SY0200',
  '36,35,37,37',
  '35.5,32.5,42.5,37.5',
  '-180,-90,180,90',
  'true',
  'false',
  '0',
  '1',
  '500',
  '501',
  '-1',
  'hospital',
  'air_strike',
];

/** A value following a JSON schema (as zod writes them): enough variety to reach the handlers. */
export function arbitraryFor(schema: Schema, doc: Schema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) return arbitraryFor(resolve(schema.$ref, doc), doc, depth);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[]));
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...(alternatives as Schema[]).map((s) => arbitraryFor(s, doc, depth)));
  if (schema.allOf) return arbitraryFor(Object.assign({}, ...(schema.allOf as Schema[])), doc, depth);
  const type = schema.type;
  if (Array.isArray(type))
    return fc.oneof(...type.map((t: string) => arbitraryFor({ ...schema, type: t }, doc, depth)));
  switch (type) {
    case 'string':
      return stringFor(schema);
    case 'integer':
      return fc.integer({
        min: bound(schema.minimum, schema.exclusiveMinimum, 1, -1e6),
        max: bound(schema.maximum, schema.exclusiveMaximum, -1, 1e6),
      });
    case 'number':
      return fc.double({
        min: bound(schema.minimum, schema.exclusiveMinimum, 1e-9, -1e6),
        max: bound(schema.maximum, schema.exclusiveMaximum, -1e-9, 1e6),
        noNaN: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (depth > 6) return fc.constant([]);
      const items = schema.prefixItems
        ? fc.tuple(...(schema.prefixItems as Schema[]).map((s) => arbitraryFor(s, doc, depth + 1)))
        : fc.array(arbitraryFor(schema.items ?? {}, doc, depth + 1), {
            minLength: schema.minItems ?? 0,
            maxLength: Math.min(schema.maxItems ?? Infinity, (schema.minItems ?? 0) + 3),
          });
      return items as fc.Arbitrary<unknown>;
    }
    case 'object': {
      const properties: Record<string, Schema> = schema.properties ?? {};
      if (Object.keys(properties).length === 0)
        return fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
      const record = Object.fromEntries(
        Object.entries(properties).map(([k, s]) => [k, arbitraryFor(s, doc, depth + 1)]),
      );
      return fc.record(record, { requiredKeys: (schema.required ?? []).filter((k: string) => k in properties) });
    }
    default:
      return fc.jsonValue({ maxDepth: 3 });
  }
}

function stringFor(schema: Schema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 40, 40);
  const plain = fc.string({ minLength: Math.min(min, max), maxLength: Math.max(min, max) });
  const choices: fc.Arbitrary<string>[] = [plain, fc.constantFrom(...MEANINGFUL)];
  if (schema.format === 'date-time')
    choices.push(
      fc
        .date({ min: new Date('2015-01-01'), max: new Date('2018-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString()),
    );
  if (schema.pattern) {
    try {
      choices.push(fc.stringMatching(new RegExp(schema.pattern, 'u')));
    } catch {
      // a pattern fast-check cannot generate from: the other choices remain
    }
  }
  return fc.oneof(...choices);
}

const bound = (inclusive: number | undefined, exclusive: number | undefined, step: number, fallback: number): number =>
  inclusive ?? (exclusive === undefined ? fallback : exclusive + step);

function resolve(ref: string, doc: Schema): Schema {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<Schema>((node, key) => node[key], doc);
}

/** Every node of a JSON value, as paths (the value itself is the empty path). */
function pathsOf(
  value: unknown,
  path: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...path, i], out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], out);
  return out;
}

/** The value with the node at `pick` (modulo the number of nodes) replaced, or a field added beside it. */
export function mutate(value: unknown, pick: number, replacement: unknown, asNewField: string | null): unknown {
  const paths = pathsOf(value);
  const path = paths[pick % paths.length]!;
  if (path.length === 0)
    return asNewField !== null && value !== null && typeof value === 'object' && !Array.isArray(value)
      ? { ...value, [asNewField]: replacement }
      : replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = replacement;
  return copy;
}

/** How a hostile value travels in a URL: its JSON text for non-strings, raw percent-escapes kept. */
const inUrl = (v: unknown): string => {
  const text = typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
  // encodeURIComponent throws on a lone surrogate: send its code unit as %XX bytes of WTF-8.
  return [...text]
    .map((ch) => {
      const code = ch.charCodeAt(0);
      if (ch.length === 1 && code >= 0xd800 && code <= 0xdfff)
        return `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 63)).toString(16)}%${(0x80 | (code & 63)).toString(16)}`;
      return encodeURIComponent(ch);
    })
    .join('');
};

/** Requests for one operation: valid-looking ones and ones with a hostile part. */
export function requestsFor(op: Operation, doc: Schema, ids: readonly string[]): fc.Arbitrary<Request> {
  const pathValue = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ids).map(encodeURIComponent) },
    { weight: 1, arbitrary: hostileValue.map(inUrl).filter((s) => s.length > 0 && s.length < 20_000) },
    { weight: 1, arbitrary: fc.constantFrom('%00', 'a%00b', '%ED%A0%80', '%FF', '%', '..%2F..', '%2e%2e', 'x%20y') },
  );
  const params = fc.tuple(...op.pathParams.map(() => pathValue));
  const query = fc.tuple(
    ...op.queryParams.map((p) =>
      fc.option(
        fc.oneof(
          {
            weight: 3,
            arbitrary: arbitraryFor(p.schema, doc).map((v) => inUrl(typeof v === 'string' ? v : JSON.stringify(v))),
          },
          { weight: 1, arbitrary: hostileValue.map(inUrl).filter((s) => s.length < 20_000) },
          { weight: 1, arbitrary: fc.constantFrom('%00', 'a%00b', '%ED%A0%80', '%FF', '', '1e308', '-1e308', 'x&y=z') },
        ),
        { freq: 2 },
      ),
    ),
  );
  const body = op.body ? arbitraryFor(op.body, doc) : fc.constant(undefined);
  const mutation = fc.option(
    fc.record({
      pick: fc.nat(),
      value: hostileValue,
      asNewField: fc.option(fc.constantFrom('extra', '__proto__', 'constructor', '\u0000')),
    }),
    { freq: 2 },
  );
  return fc.record({ params, query, body, mutation }).map(({ params: ps, query: qs, body: b, mutation: m }) => {
    let path = op.path;
    op.pathParams.forEach((p, i) => {
      path = path.replace(`{${p.name}}`, ps[i]!);
    });
    const search = op.queryParams
      .flatMap((p, i) => (qs[i] === null || qs[i] === undefined ? [] : [`${encodeURIComponent(p.name)}=${qs[i]}`]))
      .join('&');
    const payload = b === undefined ? undefined : m ? mutate(b, m.pick, m.value, m.asNewField) : b;
    return {
      method: op.method,
      url: search ? `${path}?${search}` : path,
      ...(payload === undefined ? {} : { payload }),
    };
  });
}
