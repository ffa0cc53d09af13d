/**
 * The authorization matrix: records of every classification (public, task_force, co_chairs, org
 * owned by ngo, org owned by us) of every classified resource, then every GET endpoint of the
 * OpenAPI document for every user of every org (and a stranger), asserting exactly who sees what;
 * and every write endpoint for every user, asserting who may write and that a refused write
 * writes nothing. A record is visible iff it is public, or task_force and the reader's org is in
 * the task force, or co_chairs and the reader's org is a co-chair, or the reader's org owns it.
 * What is derived from a record follows it (docs/confidentiality.md): a public incident's finding
 * that rests on a zone of each classification, and the history and cause of that finding, are
 * checked on every path that shows them, live events included.
 */
import { type Permission, PERMISSIONS } from '../src/contract/access.ts';
import { expect, it } from 'vitest';
import { describeEachDatabase } from './databases.ts';
import { attachment, startWorld, urumReport } from './report-world.ts';
import { PASSWORD, USERS, type TestServer } from './server.ts';
import { openSse, type SseStream } from './sse.ts';

const CLASSES = ['public', 'task_force', 'co_chairs', 'org-ngo', 'org-us'] as const;
type Cls = (typeof CLASSES)[number];
const KEY: Record<Cls, string> = { public: 'pub', task_force: 'tf', co_chairs: 'cc', 'org-ngo': 'ngo', 'org-us': 'us' };
/**
 * Who creates each record (its owner org follows) and the classification it gets. The task force's and the co-chairs'
 * records are owned by us, so that un-ose and ru see them by their clearance alone.
 */
const CREATOR: Record<Cls, string> = {
  public: 'ngo-analyst',
  task_force: 'us-analyst',
  co_chairs: 'us-analyst',
  'org-ngo': 'ngo-analyst',
  'org-us': 'us-analyst',
};
const CLASSIFICATION: Record<Cls, string> = {
  public: 'public',
  task_force: 'task_force',
  co_chairs: 'co_chairs',
  'org-ngo': 'org',
  'org-us': 'org',
};
const OWNER: Record<Cls, string> = {
  public: 'ngo',
  task_force: 'us',
  co_chairs: 'us',
  'org-ngo': 'ngo',
  'org-us': 'us',
};
const TASK_FORCE = ['us', 'ru', 'un-ose'];
const CO_CHAIRS = ['us', 'ru'];

function visible(cls: Cls, org: string | null): boolean {
  if (org === null) return false;
  if (OWNER[cls] === org) return true;
  return (
    cls === 'public' ||
    (cls === 'task_force' && TASK_FORCE.includes(org)) ||
    (cls === 'co_chairs' && CO_CHAIRS.includes(org))
  );
}

const READERS = USERS.map((u) => ({ user: `${u.org}-${u.role}`, org: u.org, role: u.role }));
type Reader = (typeof READERS)[number];
/** GETs a stranger may call: who is signed in (nobody, for a stranger); every other documented GET needs a session. */
const OPEN_GETS = new Set<string>(['/auth/me']);

const AT = '2016-09-19T19:15:00+03:00';
/** The agreement of an incident's finding, from its key (`incident:<id>:<agreement or ->`). */
const agreementOf = (key: string): string | null => {
  const a = key.split(':')[2]!;
  return a === '-' ? null : a;
};
const SPOT = { lon: 41.2001, lat: 36.9001 };
const SPOT_BBOX = '41.19,36.89,41.21,36.91';
const PLAN_SPOT = [41.5, 35.5];
const square = (x: number, y: number, d = 0.01) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ],
  ],
});

interface Records {
  report: Record<Cls, string>;
  /** A source text of text intake, and its two drafts (one confirmed, one dropped by the write checks). */
  sourceText: Record<Cls, string>;
  textDraft: Record<Cls, string>;
  textDraftToDrop: Record<Cls, string>;
  attachment: Record<Cls, string>;
  incident: Record<Cls, string>;
  zone: Record<Cls, string>;
  agreement: Record<Cls, string>;
  site: Record<Cls, string>;
  operation: Record<Cls, string>;
  convoy: Record<Cls, string>;
  /** The incidents' finding keys, as their owners see them. */
  findingKeys: Record<Cls, string[]>;
  /** A pending ruling on each incident a co-chair sees (proposed by us, awaiting ru): none on ngo's own. */
  ruling: Partial<Record<Cls, string>>;
  zoneFindings: Record<Cls, number>;
  /** A public incident in each zone, judged first when nobody held the place, then by who held it (resting on the zone). */
  derived: Record<Cls, { incident: string; key: string }>;
  /** A hotline thread opened by ru to us: seen by its parties and the secretariat (un-ose), by no one else. */
  hotline: string;
  /** Humanitarian notifications by ngo, one to each co-chair: seen by ngo, that co-chair and the secretariat (un-ose). */
  notification: Record<NotifiedTo, string>;
  /** Besieged areas (on a public zone of the demo world), local agreements, and one evacuation under each agreement. */
  besiegedArea: Record<Cls, string>;
  /** Overall population estimates (every besieged location together), each of a figure of its own. */
  overallEstimate: Record<Cls, string>;
  localAgreement: Record<Cls, string>;
  evacuation: Record<Cls, string>;
  /**
   * A public incident within the buffer of every matrix site and notification, inside every matrix operation's reach
   * and window: each names the sites, notifications and notices its reader may see, and nothing of the others.
   */
  strike: string;
  /** A position of us shared with ru: seen by us and ru only (the secretariat too only if named). */
  position: string;
  /** An operation notice by ru (classified org), in force, near the matrix's sites, notifications and position. */
  notice: string;
  /** A webhook of us-analyst's: seen by its owner only (not by an admin of us, nor by another user of us). */
  webhook: string;
  /** Convoy requests by ngo: a draft (seen by ngo and the secretariat) and one submitted (and by ru, which decides for the government). */
  convoyRequest: Record<ConvoyStage, string>;
  /** A negotiation room opened by us on the public agreement, un-ose invited, and a clause of it: seen by its members only. */
  room: string;
  roomClause: string;
}

/** The members of the matrix's negotiation room: the co-chairs, and un-ose invited. */
const ROOM_MEMBERS = ['us', 'ru', 'un-ose'];

const WEBHOOK_OWNER = 'us-analyst';
const webhook = (name: string) => ({ name, url: 'https://hooks.example.org/matrix', events: ['incident.created'] });

/** Who sees the matrix's hotline threads (opened by ru to us): the parties and the secretariat. */
const HOTLINE_PARTIES = ['ru', 'us', 'un-ose'];
const hotlineThread = (subject: string) => ({
  subject,
  message: 'Aircraft striking near our position.',
  priority: 'urgent',
  recipients: ['us'],
});

const CONVOY_STAGES = ['draft', 'submitted'] as const;
type ConvoyStage = (typeof CONVOY_STAGES)[number];
/** Not a classification but a list: the organizer, the secretariat, and (once submitted) who decides for a party asked. */
const seesConvoyRequest = (stage: ConvoyStage, org: string | null): boolean =>
  org !== null && (org === 'ngo' || org === 'un-ose' || (stage === 'submitted' && org === 'ru'));
/** A convoy through Damascus, where no zone of the bundle lies: only the host state (sy-gov) is asked. */
const convoyDraft = (name: string) => ({
  name,
  route: {
    type: 'LineString',
    coordinates: [
      [36.29, 33.51],
      [36.24, 33.53],
    ],
  },
  destinations: [{ name: 'Qudsaya', location: { lon: 36.24, lat: 33.53 } }],
  window: { from: '2016-10-01T06:00:00Z', to: '2016-10-01T18:00:00Z' },
  cargo: [{ item: 'Food parcels', quantity: 100, unit: 'parcels', sector: 'food' }],
  beneficiaries_planned: 500,
});

const NOTIFIED_TO = ['us', 'ru'] as const;
type NotifiedTo = (typeof NOTIFIED_TO)[number];
const SECRETARIAT = ['un-ose'];
/** Not a classification but a list: the owner, the recipients, the secretariat. */
const seesNotification = (to: NotifiedTo, org: string | null): boolean =>
  org !== null && (org === 'ngo' || org === to || SECRETARIAT.includes(org));
/** Who sees the matrix's position: its owner (us) and its recipient (ru). */
const POSITION_SEERS = ['us', 'ru'];
const matrixPosition = (name: string) => ({
  name,
  kind: 'troops',
  geometry: { type: 'Point', coordinates: PLAN_SPOT },
  buffer_m: 500,
  valid: { from: '2016-09-01T00:00:00Z', to: null },
  recipients: ['ru'],
});
/** An operation notice in force at the matrix's spot, by ru. */
const matrixNotice = (classification: string) => ({
  actor: 'ru',
  kind: 'air_strike',
  classification,
  area: { type: 'Point', coordinates: PLAN_SPOT },
  radius_m: 800,
  window: { from: '2098-01-01T00:00:00Z', to: '2098-01-02T00:00:00Z' },
});
const notice = (to: NotifiedTo) => ({
  subject: 'site',
  site_kind: 'warehouse',
  name: `matrix warehouse for ${to}`,
  geometry: { type: 'Point', coordinates: PLAN_SPOT },
  buffer_m: 500,
  valid: { from: '2016-09-01T00:00:00Z', to: '2099-01-01T00:00:00Z' },
  acknowledge_by: '2098-01-01T00:00:00Z',
  recipients: [to],
});

/**
 * The test server with a session per user signed in from an address of its own, so that two dozen
 * sign-ins stay under the login rate limit (ten a minute per address).
 */
async function matrixServer(
  db: Parameters<typeof startWorld>[0],
): Promise<TestServer & { cookieOf(user: string): Promise<string> }> {
  const server = await startWorld(db);
  const sessions = new Map<string, { cookie: string; csrf: string }>();
  const session = async (username: string) => {
    const cached = sessions.get(username);
    if (cached) return cached;
    const n = sessions.size + 1;
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: PASSWORD },
      remoteAddress: `10.9.${n >> 8}.${n & 255}`,
    });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    const s = {
      cookie: `truce_session=${res.cookies.find((c) => c.name === 'truce_session')!.value}`,
      csrf: res.json<{ csrf_token: string }>().csrf_token,
    };
    sessions.set(username, s);
    return s;
  };
  return {
    ...server,
    cookieOf: async (username) => (await session(username)).cookie,
    call: async (username, options) => {
      const s = username ? await session(username) : null;
      return server.app.inject({
        ...options,
        headers: { ...(options.headers ?? {}), ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}) },
      });
    },
  };
}

async function must(
  server: TestServer,
  user: string,
  method: 'POST' | 'PUT',
  url: string,
  payload: unknown,
): Promise<any> {
  const res = await server.call(user, { method, url, payload: payload as Record<string, unknown> });
  if (res.statusCode >= 300) throw new Error(`${user} ${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Records of every classification of every classified resource, made through the API by the right users. */
async function buildRecords(server: TestServer): Promise<Records> {
  const r = {} as Records;
  for (const k of [
    'report',
    'sourceText',
    'textDraft',
    'textDraftToDrop',
    'attachment',
    'incident',
    'zone',
    'agreement',
    'site',
    'operation',
    'convoy',
    'findingKeys',
    'ruling',
    'zoneFindings',
    'derived',
    'notification',
    'besiegedArea',
    'overallEstimate',
    'localAgreement',
    'evacuation',
    'convoyRequest',
  ] as const)
    (r as any)[k] = {};
  for (const [i, cls] of CLASSES.entries()) {
    const by = CREATOR[cls];
    const k = KEY[cls];
    const classification = CLASSIFICATION[cls];
    const report = await must(
      server,
      by,
      'POST',
      '/api/v1/reports',
      urumReport({
        classification,
        narrative: `matrix report ${k}`,
        location: SPOT,
        attachments: [attachment(Buffer.from(`bytes of ${k}`))],
      }),
    );
    r.report[cls] = report.id;
    r.attachment[cls] = report.attachments[0].id;
    const intake = await must(server, by, 'POST', '/api/v1/intake', {
      text: `Russian warplanes struck Idlib on Tuesday, killing three people (matrix text ${k}).\n\nRebels shelled Aleppo yesterday.`,
      text_date: '2016-09-22',
      classification,
    });
    r.sourceText[cls] = intake.source.id;
    r.textDraft[cls] = intake.drafts[0].id;
    r.textDraftToDrop[cls] = intake.drafts[1].id;
    const incident = await must(server, by, 'POST', '/api/v1/incidents', {
      occurred_at: AT,
      location: SPOT,
      act: 'air_strike',
      perpetrator: 'sy-gov',
      target: { civilian: 'convoy' },
      headline: `matrix incident ${k}`,
      classification,
    });
    r.incident[cls] = incident.id;
    const zone = await must(server, by, 'POST', '/api/v1/zones', {
      name: `matrix zone ${k}`,
      classification,
      geometry: square(38 + i * 0.1, 34.7),
      control: [
        { actors: ['fsa-south'], from: '2016-03-01T00:00:00Z', to: '2016-05-01T00:00:00Z' },
        { actors: ['sy-gov'], from: '2016-05-01T00:00:00Z' },
      ],
    });
    r.zone[cls] = zone.zone.id;
    r.agreement[cls] = (
      await must(server, by, 'POST', '/api/v1/agreements', {
        title: `matrix agreement a-m-${k}`,
        classification,
        in_force: [{ from: '2030-01-01T00:00:00Z', to: null }],
      })
    ).agreement.id;
    const site = await must(server, by, 'POST', '/api/v1/protected-sites', {
      kind: 'hospital',
      owner: 'msf',
      classification,
      buffer_m: 300,
      geometry: { type: 'Point', coordinates: [PLAN_SPOT[0]! + i * 0.001, PLAN_SPOT[1]] },
      valid: { from: '2016-09-01T00:00:00Z', to: null },
      notified_to: ['ru'],
    });
    r.site[cls] = site.id;
    const op = await must(server, by, 'POST', '/api/v1/operations', {
      actor: 'ru',
      kind: 'air_strike',
      classification,
      area: { type: 'Point', coordinates: PLAN_SPOT },
      radius_m: 800,
      window: { from: '2016-09-20T12:00:00+03:00', to: '2016-09-20T18:00:00+03:00' },
    });
    r.operation[cls] = op.operation.id;
    const convoy = await must(server, by, 'POST', '/api/v1/convoys', {
      organizer: 'un',
      classification,
      route: {
        type: 'LineString',
        coordinates: [
          [41.6, 35.6],
          [41.61, 35.61],
        ],
      },
      window: { from: '2016-10-01T00:00:00Z', to: '2016-10-02T00:00:00Z' },
    });
    r.convoy[cls] = convoy.convoy?.id ?? convoy.id;
    r.besiegedArea[cls] = (
      await must(server, by, 'POST', '/api/v1/besieged-areas', {
        name: `matrix siege ${k}`,
        zone_id: 'z-daraya',
        classification,
        status: { status: 'besieged', since: '2016-01-01' },
        besiegers: [{ actor: 'sy-gov' }],
      })
    ).id;
    await must(server, by, 'POST', `/api/v1/besieged-areas/${r.besiegedArea[cls]}/estimates`, {
      as_of: '2016-06-01',
      population: 1000 + i,
      source: `matrix count ${k}`,
    });
    r.overallEstimate[cls] = (
      await must(server, by, 'POST', '/api/v1/population-estimates', {
        as_of: '2016-06-30',
        population: 900_000 + i,
        source: `matrix overall ${k}`,
        classification,
      })
    ).id;
    r.localAgreement[cls] = (
      await must(server, by, 'POST', '/api/v1/local-agreements', {
        name: `matrix deal ${k}`,
        zone_id: 'z-daraya',
        concluded_on: '2016-08-25',
        classification,
        parties: [{ role: 'party', actor: 'sy-gov' }],
      })
    ).id;
    r.evacuation[cls] = (
      await must(server, by, 'POST', `/api/v1/local-agreements/${r.localAgreement[cls]}/evacuations`, {
        status: 'planned',
        started_on: '2016-08-26',
        origins: [{ name: 'Daraya' }],
        destinations: [{ name: `matrix destination ${k}` }],
      })
    ).id;
    // A public incident inside the zone, before anyone held it: rule 9, resting on nothing. Then the zone's control is
    // dated back: the finding now rests on the zone, and the old one's cause names the zone.
    const derived = await must(server, 'ngo-analyst', 'POST', '/api/v1/incidents', {
      occurred_at: '2016-02-28T12:00:00Z',
      location: { lon: 38.005 + i * 0.1, lat: 34.705 },
      act: 'shelling',
      perpetrator: 'sy-gov',
      headline: `derived incident ${k}`,
      classification: 'public',
    });
    expect(
      derived.findings.map((f: { rule: number }) => f.rule),
      `derived incident ${k}: nobody holds the place yet`,
    ).toEqual([9]);
    r.derived[cls] = { incident: derived.id, key: derived.findings[0].key };
    await must(server, by, 'PUT', `/api/v1/zones/${r.zone[cls]}/control`, {
      control: [
        { actors: ['fsa-south'], from: '2016-01-01T00:00:00Z', to: '2016-05-01T00:00:00Z' },
        { actors: ['sy-gov'], from: '2016-05-01T00:00:00Z' },
      ],
    });
  }
  // Clauses of every classification on the public agreement, and every report as an account of the public incident.
  for (const cls of CLASSES) {
    await must(server, CREATOR[cls], 'POST', `/api/v1/agreements/${r.agreement.public}/clauses`, {
      code: 'T1',
      text: `matrix clause ${KEY[cls]}`,
      acts: ['air_strike'],
      classification: CLASSIFICATION[cls],
    });
    await must(server, CREATOR[cls], 'POST', `/api/v1/incidents/${r.incident.public}/reports`, {
      report_id: r.report[cls],
    });
  }
  // Days of calm for each agreement, set by its creator, who keeps the settings it sees (and cannot see the others).
  for (const cls of CLASSES) {
    const by = CREATOR[cls];
    const now = (await server.call(by, { method: 'GET', url: '/api/v1/settings' })).json();
    await must(server, by, 'PUT', '/api/v1/settings', {
      timezone: now.timezone,
      host_state: now.host_state,
      calm: [
        ...now.calm.map((c: { agreement: string; threshold_per_day: number; days_required: number }) => ({
          agreement: c.agreement,
          threshold_per_day: c.threshold_per_day,
          days_required: c.days_required,
        })),
        { agreement: r.agreement[cls], threshold_per_day: 1, days_required: 2 },
      ],
    });
  }
  for (const cls of CLASSES) {
    const owner = CREATOR[cls];
    const found = (
      await server.call(owner, { method: 'GET', url: `/api/v1/findings?subject=${r.incident[cls]}&limit=500` })
    ).json();
    r.findingKeys[cls] = found.items.map((f: { key: string }) => f.key);
    r.zoneFindings[cls] = (
      await server.call(owner, { method: 'GET', url: `/api/v1/findings?subject=${r.zone[cls]}&limit=500` })
    ).json().items.length;
  }
  expect(
    CLASSES.map((c) => r.findingKeys[c].length).every((n) => n > 0),
    'the matrix incidents have findings',
  ).toBe(true);
  for (const cls of ['public', 'task_force', 'co_chairs', 'org-us'] as const)
    r.ruling[cls] = (
      await must(server, 'us-analyst', 'POST', `/api/v1/incidents/${r.incident[cls]}/rulings`, {
        agreement: agreementOf(r.findingKeys[cls][0]!),
        verdict: 'violation',
        violators: ['sy-gov'],
        reasoning: `matrix ruling ${KEY[cls]}`,
      })
    ).id;
  r.hotline = (await must(server, 'ru-analyst', 'POST', '/api/v1/hotline', hotlineThread('matrix thread'))).id;
  await must(server, 'ngo-analyst', 'PUT', '/api/v1/account/email', {
    address: 'ngo-analyst@example.org',
    language: 'en',
    kinds: ['notification.received'],
  });
  for (const to of NOTIFIED_TO)
    r.notification[to] = (await must(server, 'ngo-humanitarian', 'POST', '/api/v1/notifications', notice(to))).id;
  r.strike = (
    await must(server, 'ngo-analyst', 'POST', '/api/v1/incidents', {
      occurred_at: '2016-09-20T15:00:00+03:00',
      location: { lon: PLAN_SPOT[0]! + 0.002, lat: PLAN_SPOT[1] },
      act: 'air_strike',
      perpetrator: 'ru',
      target: { civilian: 'hospital' },
      headline: 'strike beside the notified sites',
      classification: 'public',
    })
  ).id;
  r.position = (await must(server, 'us-analyst', 'POST', '/api/v1/positions', matrixPosition('matrix troops'))).id;
  r.notice = (await must(server, 'ru-analyst', 'POST', '/api/v1/operations', matrixNotice('org'))).operation.id;
  r.webhook = (await must(server, WEBHOOK_OWNER, 'POST', '/api/v1/webhooks', webhook('matrix webhook'))).id;
  // ru decides for the Syrian government on convoy requests; a draft by ngo, and one submitted (asking sy-gov).
  await must(server, 'un-ose-admin', 'PUT', '/api/v1/convoy-requests/representatives/ru', { actor: 'sy-gov' });
  for (const stage of CONVOY_STAGES)
    r.convoyRequest[stage] = (
      await must(server, 'ngo-humanitarian', 'POST', '/api/v1/convoy-requests', convoyDraft(`matrix ${stage}`))
    ).id;
  await must(server, 'ngo-humanitarian', 'POST', `/api/v1/convoy-requests/${r.convoyRequest.submitted}/submit`, {});
  r.room = (
    await must(server, 'us-analyst', 'POST', '/api/v1/negotiation-rooms', {
      title: 'matrix room',
      agreement_id: r.agreement.public,
    })
  ).id;
  await must(server, 'us-analyst', 'POST', `/api/v1/negotiation-rooms/${r.room}/members`, { org: 'un-ose' });
  r.roomClause = (
    await must(server, 'us-analyst', 'POST', `/api/v1/negotiation-rooms/${r.room}/clauses`, {
      number: '1',
      text: 'matrix clause',
    })
  ).id;
  await must(server, 'ru-analyst', 'POST', `/api/v1/negotiation-rooms/${r.room}/clauses/${r.roomClause}/positions`, {
    stance: 'open',
  });
  return r;
}

/** The documented operations, as `METHOD /path` without the /api/v1 prefix. */
async function operations(server: TestServer): Promise<{ method: string; path: string }[]> {
  const doc = (await server.call(null, { method: 'GET', url: '/api/v1/openapi.json' })).json();
  return Object.entries<Record<string, unknown>>(doc.paths).flatMap(([path, item]) =>
    ['get', 'post', 'put', 'patch', 'delete']
      .filter((m) => item[m])
      .map((m) => ({ method: m.toUpperCase(), path: path.replace(/^\/api\/v1/, '') })),
  );
}

type Check = (ctx: {
  server: TestServer;
  r: Records;
  reader: Reader;
  fail: (msg: string) => void;
  tally: (n: number) => void;
}) => Promise<void>;

const ids = (body: any, key = 'items'): string[] => (body?.[key] ?? []).map((x: { id: string }) => x.id);

/** For each GET endpoint: what each reader must see. */
function readChecks(baselines: Record<string, number>): Record<string, Check> {
  const perRecord =
    (
      kind: keyof Omit<
        Records,
        | 'findingKeys'
        | 'zoneFindings'
        | 'sourceText'
        | 'textDraft'
        | 'textDraftToDrop'
        | 'attachment'
        | 'derived'
        | 'ruling'
        | 'hotline'
        | 'notification'
        | 'evacuation'
        | 'strike'
        | 'position'
        | 'notice'
        | 'webhook'
        | 'convoyRequest'
        | 'room'
        | 'roomClause'
      >,
      url: (id: string) => string,
    ): Check =>
    async ({ server, r, reader, fail, tally }) => {
      for (const cls of CLASSES) {
        const res = await server.call(reader.user, { method: 'GET', url: url(r[kind][cls]) });
        const expected = visible(cls, reader.org) ? 200 : 404;
        tally(1);
        if (res.statusCode !== expected)
          fail(
            `GET ${url(r[kind][cls])} (${kind} ${cls}): ${res.statusCode}, expected ${expected} ${res.body.slice(0, 200)}`,
          );
      }
    };
  const listed =
    (
      kind: keyof Omit<
        Records,
        | 'findingKeys'
        | 'zoneFindings'
        | 'attachment'
        | 'derived'
        | 'ruling'
        | 'hotline'
        | 'notification'
        | 'evacuation'
        | 'strike'
        | 'position'
        | 'notice'
        | 'webhook'
        | 'convoyRequest'
        | 'room'
        | 'roomClause'
      >,
      url: string,
      key = 'items',
    ): Check =>
    async ({ server, r, reader, fail, tally }) => {
      const res = await server.call(reader.user, { method: 'GET', url });
      if (res.statusCode !== 200) return fail(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      const seen = ids(res.json(), key);
      for (const cls of CLASSES) {
        tally(1);
        if (seen.includes(r[kind][cls]) !== visible(cls, reader.org))
          fail(`GET ${url}: ${kind} ${cls} ${seen.includes(r[kind][cls]) ? 'listed' : 'missing'}`);
      }
    };
  const visibleCount = (reader: Reader) => CLASSES.filter((c) => visible(c, reader.org)).length;
  /** An aggregate grows by the same amount for each matrix incident the reader may see (they have identical facts). */
  const aggregate =
    (url: string, measure: (body: any) => number): Check =>
    async ({ server, reader, fail, tally }) => {
      const res = await server.call(reader.user, { method: 'GET', url });
      if (res.statusCode !== 200) return fail(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      const per = baselines[`per ${url}`]!;
      const expected = baselines[url]! + baselines[`all ${url}`]! + per * visibleCount(reader);
      tally(1);
      if (measure(res.json()) !== expected)
        fail(
          `GET ${url}: measured ${measure(res.json())}, expected ${expected} (${visibleCount(reader)} matrix incidents visible)`,
        );
    };
  return {
    '/auth/me': async ({ server, reader, fail, tally }) => {
      tally(1);
      const res = await server.call(reader.user, { method: 'GET', url: '/api/v1/auth/me' });
      if (res.json().username !== reader.user) fail(`GET /auth/me: ${res.body}`);
    },
    // Your own email settings, never another's: the NGO's analyst gave an address (buildRecords); nobody else sees it.
    '/account/email': async ({ server, reader, fail, tally }) => {
      tally(1);
      const res = await server.call(reader.user, { method: 'GET', url: '/api/v1/account/email' });
      if (res.statusCode !== 200) return fail(`GET /account/email: ${res.statusCode}`);
      const expected = reader.user === 'ngo-analyst' ? 'ngo-analyst@example.org' : null;
      if (res.json().address !== expected) fail(`GET /account/email: ${res.body}`);
    },
    '/auth/tokens': async ({ server, reader, fail, tally }) => {
      // Your own tokens; another user's only as an admin of their organization (else 403, or 404 for another organization's).
      const own = await server.call(reader.user, { method: 'GET', url: '/api/v1/auth/tokens' });
      tally(1);
      if (own.statusCode !== 200 || own.json().items.some((t: { user: string }) => t.user !== reader.user))
        fail(`GET /auth/tokens: ${own.statusCode} ${own.body.slice(0, 200)}`);
      for (const other of ['ngo-reporter', 'us-reporter']) {
        if (other === reader.user) continue;
        const res = await server.call(reader.user, { method: 'GET', url: `/api/v1/auth/tokens?user=${other}` });
        const expected = reader.role !== 'admin' ? 403 : other.startsWith(`${reader.org}-`) ? 200 : 404;
        tally(1);
        if (res.statusCode !== expected)
          fail(`GET /auth/tokens?user=${other}: ${res.statusCode}, expected ${expected}`);
      }
    },
    '/reports': listed('report', '/api/v1/reports?q=matrix&limit=500'),
    '/reports/count': async ({ server, reader, fail, tally }) => {
      tally(1);
      const n = (await server.call(reader.user, { method: 'GET', url: '/api/v1/reports/count?q=matrix' })).json().count;
      if (n !== visibleCount(reader)) fail(`GET /reports/count?q=matrix: ${n}, expected ${visibleCount(reader)}`);
    },
    '/reports/{id}': perRecord('report', (id) => `/api/v1/reports/${id}`),
    // A source text and its drafts: for who may file reports, as its classification allows; hidden is missing.
    '/intake/{id}': async ({ server, r, reader, fail, tally }) => {
      const files = (PERMISSIONS['report:file'] as readonly string[]).includes(reader.role);
      for (const cls of CLASSES) {
        const res = await server.call(reader.user, { method: 'GET', url: `/api/v1/intake/${r.sourceText[cls]}` });
        const expected = !files ? 403 : visible(cls, reader.org) ? 200 : 404;
        tally(1);
        if (res.statusCode !== expected) fail(`GET /intake/{id} (${cls}): ${res.statusCode}, expected ${expected}`);
        if (expected !== 200 && res.body.includes(`matrix text ${KEY[cls]}`))
          fail(`GET /intake/{id}: shows hidden ${cls}`);
      }
    },
    // The texts received: for who may file reports, each listed as its classification allows.
    '/intake': async ({ server, r, reader, fail, tally }) => {
      const files = (PERMISSIONS['report:file'] as readonly string[]).includes(reader.role);
      const res = await server.call(reader.user, { method: 'GET', url: '/api/v1/intake?limit=500' });
      tally(1);
      if (res.statusCode !== (files ? 200 : 403)) fail(`GET /intake: ${res.statusCode}`);
      if (!files) return;
      const listed = ids(res.json());
      for (const cls of CLASSES) {
        tally(1);
        if (listed.includes(r.sourceText[cls]) !== visible(cls, reader.org))
          fail(`GET /intake: source text ${cls} ${listed.includes(r.sourceText[cls]) ? 'listed' : 'missing'}`);
      }
    },
    // What people changed in the drafts they confirmed: for who may file reports (counted over the texts they may see).
    '/intake/corrections': async ({ server, reader, fail, tally }) => {
      const files = (PERMISSIONS['report:file'] as readonly string[]).includes(reader.role);
      const res = await server.call(reader.user, { method: 'GET', url: '/api/v1/intake/corrections' });
      tally(1);
      if (res.statusCode !== (files ? 200 : 403)) fail(`GET /intake/corrections: ${res.statusCode}`);
      if (files && !(res.json().unchanged <= res.json().confirmed)) fail(`GET /intake/corrections: ${res.body}`);
    },
    // A report's source text: none for these reports (filed directly), the report hidden is missing.
    '/reports/{id}/source': async ({ server, r, reader, fail, tally }) => {
      for (const cls of CLASSES) {
        const res = await server.call(reader.user, { method: 'GET', url: `/api/v1/reports/${r.report[cls]}/source` });
        const expected = visible(cls, reader.org) ? 200 : 404;
        tally(1);
        if (res.statusCode !== expected)
          fail(`GET /reports/{id}/source (${cls}): ${res.statusCode}, expected ${expected}`);
        if (res.statusCode === 200 && res.json().source !== null)
          fail(`GET /reports/{id}/source (${cls}): ${res.body}`);
      }
    },
    '/reports/{id}/attachments/{attachmentId}': async ({ server, r, reader, fail, tally }) => {
      for (const cls of CLASSES) {
        const url = `/api/v1/reports/${r.report[cls]}/attachments/${r.attachment[cls]}`;
        const res = await server.call(reader.user, { method: 'GET', url });
        const expected = visible(cls, reader.org) ? 200 : 404;
        tally(1);
        if (res.statusCode !== expected)
          fail(`GET ${url} (attachment ${cls}): ${res.statusCode}, expected ${expected}`);
        if (res.statusCode === 200 && res.body !== `bytes of ${KEY[cls]}`) fail(`GET ${url}: wrong bytes`);
        // An attachment reached through another (visible) report is not found either.
        const cross = `/api/v1/reports/${r.report.public}/attachments/${r.attachment[cls]}`;
        tally(1);
        if (cls !== 'public' && (await server.call(reader.user, { method: 'GET', url: cross })).statusCode !== 404)
          fail(`GET ${cross}: not 404`);
      }
    },
    '/search': async ({ server, r, reader, fail, tally }) => {
      const res = (await server.call(reader.user, { method: 'GET', url: '/api/v1/search?q=matrix&limit=100' })).json();
      const found = new Set([...res.incidents, ...res.reports].map((x: { id: string }) => x.id));
      for (const cls of CLASSES)
        for (const kind of ['incident', 'report'] as const) {
          tally(1);
          if (found.has(r[kind][cls]) !== visible(cls, reader.org))
            fail(`GET /search: ${kind} ${cls} ${found.has(r[kind][cls]) ? 'found' : 'missing'}`);
        }
    },
    '/users': async ({ server, reader, fail, tally }) => {
      const res = await server.call(reader.user, { method: 'GET', url: '/api/v1/users' });
      tally(1);
      if (res.statusCode !== (reader.role === 'admin' ? 200 : 403)) return fail(`GET /users: ${res.statusCode}`);
      if (res.statusCode === 200 && res.json().items.some((u: { org: string }) => u.org !== reader.org))
        fail(`GET /users: lists users of another organization`);
    },
    '/audit/verify': async ({ server, reader, fail, tally }) => {
      const res = await server.call(reader.user, { method: 'GET', url: '/api/v1/audit/verify' });
      tally(1);
      if (res.statusCode !== (['admin', 'analyst'].includes(reader.role) ? 200 : 403))
        fail(`GET /audit/verify: ${res.statusCode}`);
    },
    // The trail across records: for those who read it, exactly the entries of the records they may see (none naming a
    // hidden one), accounts for an admin of their own organization only; 403 for other roles.
    '/audit': async ({ server, r, reader, fail, tally }) => {
      const reads = (PERMISSIONS['audit:read'] as readonly string[]).includes(reader.role);
      const items: { entity: string; entity_id: string; owner_org: string | null }[] = [];
      const bodies: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/v1/audit?limit=500${cursor ? `&cursor=${cursor}` : ''}`;
        const res = await server.call(reader.user, { method: 'GET', url });
        tally(1);
        if (res.statusCode !== (reads ? 200 : 403)) return fail(`GET ${url}: ${res.statusCode}`);
        if (!reads) return;
        bodies.push(res.body);
        items.push(...res.json().items);
        cursor = res.json().next_cursor;
      } while (cursor);
      const body = bodies.join('\n');
      const kinds = {
        report: r.report,
        incident: r.incident,
        zone: r.zone,
        agreement: r.agreement,
        protected_site: r.site,
        operation: r.operation,
        convoy: r.convoy,
        besieged_area: r.besiegedArea,
        population_estimate: r.overallEstimate,
        local_agreement: r.localAgreement,
      };
      for (const [entity, records] of Object.entries(kinds)) {
        for (const cls of CLASSES) {
          const listed = items.some((e) => e.entity === entity && e.entity_id === records[cls]);
          tally(1);
          if (listed !== visible(cls, reader.org))
            fail(`GET /audit: ${entity} ${cls} ${listed ? 'listed' : 'missing'}`);
          if (!visible(cls, reader.org) && body.includes(records[cls]))
            fail(`GET /audit: names hidden ${entity} ${cls}`);
        }
      }
      const accounts = items.filter((e) => ['user', 'api_token', 'organization', 'webhook'].includes(e.entity));
      tally(1);
      if (reader.role === 'admin' ? accounts.some((e) => e.owner_org !== reader.org) : accounts.length > 0)
        fail(`GET /audit: account entries of ${[...new Set(accounts.map((e) => e.owner_org))].join(', ')}`);
    },
    // A webhook is its owner's alone: listed, read and its log read by no one else, an admin of its organization included.
    '/webhooks': async ({ server, r, reader, fail, tally }) => {
      const res = await server.call(reader.user, { method: 'GET', url: '/api/v1/webhooks' });
      const listed = res.json().items.some((w: { id: string }) => w.id === r.webhook);
      tally(1);
      if (listed !== (reader.user === WEBHOOK_OWNER)) fail(`GET /webhooks: the matrix webhook listed ${listed}`);
    },
    '/webhooks/{id}': async ({ server, r, reader, fail, tally }) => {
      const res = await server.call(reader.user, { method: 'GET', url: `/api/v1/webhooks/${r.webhook}` });
      tally(1);
      if (res.statusCode !== (reader.user === WEBHOOK_OWNER ? 200 : 404)) fail(`GET /webhooks/{id}: ${res.statusCode}`);
    },
    '/webhooks/{id}/deliveries': async ({ server, r, reader, fail, tally }) => {
      const res = await server.call(reader.user, { method: 'GET', url: `/api/v1/webhooks/${r.webhook}/deliveries` });
      tally(1);
      if (res.statusCode !== (reader.user === WEBHOOK_OWNER ? 200 : 404))
        fail(`GET /webhooks/{id}/deliveries: ${res.statusCode}`);
    },
    '/hotline': async ({ server, r, reader, fail, tally }) => {
      const res = await server.call(reader.user, { method: 'GET', url: '/api/v1/hotline?limit=500' });
      const listed = res.json().items.some((t: { id: string }) => t.id === r.hotline);
      tally(1);
      if (listed !== HOTLINE_PARTIES.includes(reader.org)) fail(`GET /hotline: thread listed ${listed}`);
    },
    '/hotline/times': async ({ server, reader, fail, tally }) => {
      const res = await server.call(reader.user, { method: 'GET', url: '/api/v1/hotline/times' });
      const counted = res.json().items.some((t: { org: string }) => t.org === 'us');
      tally(1);
      if (counted !== HOTLINE_PARTIES.includes(reader.org)) fail(`GET /hotline/times: thread counted ${counted}`);
    },
    '/hotline/{id}': async ({ server, r, reader, fail, tally }) => {
      const res = await server.call(reader.user, { method: 'GET', url: `/api/v1/hotline/${r.hotline}` });
      tally(1);
      if (res.statusCode !== (HOTLINE_PARTIES.includes(reader.org) ? 200 : 404))
        fail(`GET /hotline/{id}: ${res.statusCode}`);
    },
    '/rulings': async ({ server, r, reader, fail, tally }) => {
      const listed = new Set(
        (await server.call(reader.user, { method: 'GET', url: '/api/v1/rulings?limit=500' }))
          .json()
          .items.map((x: { id: string }) => x.id),
      );
      for (const cls of CLASSES) {
        const id = r.ruling[cls];
        if (!id) continue;
        tally(1);
        if (listed.has(id) !== visible(cls, reader.org))
          fail(`GET /rulings: ruling on incident ${cls} listed ${listed.has(id)}`);
      }
    },
    '/reports/{id}/suggestions': async ({ server, r, reader, fail, tally }) => {
      for (const cls of CLASSES) {
        const url = `/api/v1/reports/${r.report[cls]}/suggestions?limit=100`;
        const res = await server.call(reader.user, { method: 'GET', url });
        tally(1);
        if (res.statusCode !== (visible(cls, reader.org) ? 200 : 404))
          fail(`GET ${url} (report ${cls}): ${res.statusCode}`);
        if (res.statusCode !== 200) continue;
        const suggested = res.json().items.map((s: { incident: { id: string } }) => s.incident.id);
        for (const ic of CLASSES) {
          tally(1);
          if (!visible(ic, reader.org) && suggested.includes(r.incident[ic]))
            fail(`GET ${url}: suggests hidden incident ${ic}`);
        }
      }
    },
    '/incidents': async (c) => {
      await listed('incident', '/api/v1/incidents?q=matrix&limit=500')(c);
      const { server, r, reader, fail, tally } = c;
      const item = (await server.call(reader.user, { method: 'GET', url: '/api/v1/incidents?q=matrix&limit=500' }))
        .json()
        .items.find((i: { id: string }) => i.id === r.incident.public);
      tally(1);
      if (item?.report_count !== visibleCount(reader))
        fail(`GET /incidents: public incident report_count ${item?.report_count}, expected ${visibleCount(reader)}`);
    },
    '/incidents/count': async ({ server, reader, fail, tally }) => {
      tally(1);
      const n = (await server.call(reader.user, { method: 'GET', url: '/api/v1/incidents/count?q=matrix' })).json()
        .count;
      if (n !== visibleCount(reader)) fail(`GET /incidents/count?q=matrix: ${n}, expected ${visibleCount(reader)}`);
    },
    '/incidents/export': async ({ server, r, reader, fail, tally }) => {
      // Every format holds the matrix incidents the reader may see, and no other; the bundle the
      // zones, agreements, sites, operations and convoys the reader may see too.
      // (Every format reads the same pages: src/http/routes/incident-exports.int.test.ts checks them all.)
      for (const format of ['geojson', 'bundle']) {
        const url = `/api/v1/incidents/export?format=${format}&q=matrix`;
        const res = await server.call(reader.user, { method: 'GET', url });
        tally(1);
        if (res.statusCode !== 200) fail(`GET ${url}: ${res.statusCode}`);
        const kinds =
          format === 'bundle'
            ? (['incident', 'zone', 'agreement', 'site', 'operation', 'convoy'] as const)
            : (['incident'] as const);
        for (const kind of kinds)
          for (const cls of CLASSES) {
            tally(1);
            const inIt = res.body.includes(r[kind][cls]);
            if (inIt !== visible(cls, reader.org)) fail(`GET ${url}: ${kind} ${cls} in it: ${inIt}`);
          }
      }
    },
    '/incidents/{id}': async (c) => {
      await perRecord('incident', (id) => `/api/v1/incidents/${id}`)(c);
      const { server, r, reader, fail, tally } = c;
      const detail = (
        await server.call(reader.user, { method: 'GET', url: `/api/v1/incidents/${r.incident.public}` })
      ).json();
      const accounts = ids(detail, 'accounts');
      for (const cls of CLASSES) {
        tally(1);
        if (accounts.includes(r.report[cls]) !== visible(cls, reader.org))
          fail(
            `GET /incidents/${r.incident.public}: account ${cls} ${accounts.includes(r.report[cls]) ? 'shown' : 'missing'}`,
          );
      }
      tally(1);
      if (!(detail.findings?.length > 0)) fail(`GET /incidents/${r.incident.public}: no findings`);
      // A public incident's finding that rests on a zone: shown with the zone; its old version's cause names the zone, so withheld without it.
      for (const cls of CLASSES) {
        const d = (
          await server.call(reader.user, { method: 'GET', url: `/api/v1/incidents/${r.derived[cls].incident}` })
        ).json();
        const [old] = d.finding_history ?? [];
        tally(2);
        if ((d.findings?.length === 1) !== visible(cls, reader.org))
          fail(`GET /incidents/(derived ${cls}): ${d.findings?.length} findings`);
        if (
          (old?.cause === null) === visible(cls, reader.org) ||
          (old?.cause_statement.code === 'cause.withheld') === visible(cls, reader.org)
        ) {
          fail(`GET /incidents/(derived ${cls}): history cause ${JSON.stringify([old?.cause, old?.cause_statement])}`);
        }
      }
    },
    '/incidents/{id}/findings/history': perRecord('incident', (id) => `/api/v1/incidents/${id}/findings/history`),
    // The sites, notifications and notices an incident struck or came under: those the reader may see, nothing of the others.
    '/incidents/{id}/struck-sites': async (c) => {
      await perRecord('incident', (id) => `/api/v1/incidents/${id}/struck-sites`)(c);
      const { server, r, reader, fail, tally } = c;
      const res = await server.call(reader.user, { method: 'GET', url: `/api/v1/incidents/${r.strike}/struck-sites` });
      const body = res.json();
      const sites = ids(body, 'sites');
      const notices = ids(body, 'operations');
      tally(1);
      if (body.struck !== true) fail(`GET /incidents/(strike)/struck-sites: struck ${body.struck}`);
      for (const cls of CLASSES) {
        tally(2);
        if (
          sites.includes(r.site[cls]) !== visible(cls, reader.org) ||
          notices.includes(r.operation[cls]) !== visible(cls, reader.org)
        )
          fail(`GET /incidents/(strike)/struck-sites: site or notice ${cls}: ${sites.join()} ${notices.join()}`);
        if (!visible(cls, reader.org) && (res.body.includes(r.site[cls]) || res.body.includes(r.operation[cls])))
          fail(`GET /incidents/(strike)/struck-sites: names hidden ${cls}`);
      }
      for (const to of NOTIFIED_TO) {
        tally(1);
        if (sites.includes(r.notification[to]) !== seesNotification(to, reader.org))
          fail(
            `GET /incidents/(strike)/struck-sites: the notification to ${to} ${sites.includes(r.notification[to]) ? 'named' : 'missing'}`,
          );
        if (!seesNotification(to, reader.org) && res.body.includes(r.notification[to]))
          fail(`GET /incidents/(strike)/struck-sites: names the notification to ${to}`);
      }
    },
    // The review of the public incident, widened to reach the matrix's plans: each record only to those who may see it.
    '/incidents/{id}/review': async (c) => {
      await perRecord('incident', (id) => `/api/v1/incidents/${id}/review`)(c);
      const { server, r, reader, fail, tally } = c;
      const url = `/api/v1/incidents/${r.incident.public}/review?km=200`;
      const res = await server.call(reader.user, { method: 'GET', url });
      if (res.statusCode !== 200) return fail(`GET ${url}: ${res.statusCode}`);
      const shown = new Set(res.json().entries.map((e: { record: { id: string } }) => e.record.id));
      for (const cls of CLASSES)
        for (const [kind, id] of [
          ['site', r.site[cls]],
          ['operation', r.operation[cls]],
          ['report', r.report[cls]],
        ] as const) {
          tally(1);
          if (shown.has(id) !== visible(cls, reader.org))
            fail(`GET ${url}: ${kind} ${cls} ${shown.has(id) ? 'shown' : 'missing'}`);
          if (!visible(cls, reader.org) && res.body.includes(id)) fail(`GET ${url}: names hidden ${kind} ${cls}`);
        }
      for (const to of NOTIFIED_TO) {
        tally(1);
        if (shown.has(r.notification[to]) !== seesNotification(to, reader.org))
          fail(`GET ${url}: the notification to ${to} ${shown.has(r.notification[to]) ? 'shown' : 'missing'}`);
        if (!seesNotification(to, reader.org) && res.body.includes(r.notification[to]))
          fail(`GET ${url}: names the notification to ${to}`);
      }
    },
    '/audit/{entity}/{id}': async ({ server, r, reader, fail, tally }) => {
      const entities = {
        report: r.report,
        incident: r.incident,
        zone: r.zone,
        agreement: r.agreement,
        protected_site: r.site,
        operation: r.operation,
        convoy: r.convoy,
        besieged_area: r.besiegedArea,
        population_estimate: r.overallEstimate,
        local_agreement: r.localAgreement,
      };
      for (const [entity, records] of Object.entries(entities)) {
        for (const cls of CLASSES) {
          const url = `/api/v1/audit/${entity}/${records[cls]}`;
          const res = await server.call(reader.user, { method: 'GET', url });
          const reads =
            (PERMISSIONS['audit:read'] as readonly string[]).includes(reader.role) || OWNER[cls] === reader.org;
          const expected = !visible(cls, reader.org) ? 404 : reads ? 200 : 403;
          tally(1);
          if (res.statusCode !== expected)
            fail(`GET ${url} (${entity} ${cls}): ${res.statusCode}, expected ${expected}`);
          if (res.statusCode === 200 && res.json().items.length === 0) fail(`GET ${url}: no entries`);
        }
      }
    },
    '/events': async () => {}, // a stream: checked below, on streams opened before the records were made
    '/map/incidents': aggregate(`/api/v1/map/incidents?bbox=${SPOT_BBOX}&zoom=14`, (b) => b.total),
    '/map/extent': aggregate('/api/v1/map/extent', (b) => b.count),
    '/state': aggregate(
      '/api/v1/state?from=2016-09-19&to=2016-09-19',
      (b) => b.verdicts.violation + b.verdicts.needs_review + b.verdicts.permitted + b.verdicts.not_covered,
    ),
    // The daily report of the matrix incidents' day: the reader's own edition shows those the reader may see,
    // the public edition the public one only (docs/daily-report.md); its HTML names no hidden incident.
    '/daily-report': async ({ server, r, reader, fail, tally }) => {
      for (const edition of ['cleared', 'public'] as const) {
        const url = `/api/v1/daily-report?date=2016-09-19&edition=${edition}`;
        const res = await server.call(reader.user, { method: 'GET', url });
        if (res.statusCode !== 200) return fail(`GET ${url}: ${res.statusCode}`);
        const shown = new Set(res.json().incidents.points.map((p: { id: string }) => p.id));
        for (const cls of CLASSES) {
          tally(1);
          const expected = edition === 'public' ? cls === 'public' : visible(cls, reader.org);
          if (shown.has(r.incident[cls]) !== expected)
            fail(`GET ${url}: incident ${cls} ${shown.has(r.incident[cls]) ? 'shown' : 'missing'}`);
          if (!expected && res.body.includes(r.incident[cls])) fail(`GET ${url}: names the incident ${cls}`);
        }
      }
    },
    '/daily-report/html': async ({ server, r, reader, fail, tally }) => {
      for (const edition of ['cleared', 'public'] as const) {
        const url = `/api/v1/daily-report/html?date=2016-09-19&edition=${edition}`;
        const res = await server.call(reader.user, { method: 'GET', url });
        if (res.statusCode !== 200) return fail(`GET ${url}: ${res.statusCode}`);
        for (const cls of CLASSES) {
          tally(1);
          const may = edition === 'public' ? cls === 'public' : visible(cls, reader.org);
          if (!may && (res.body.includes(r.incident[cls]) || res.body.includes(`matrix incident ${KEY[cls]}`)))
            fail(`GET ${url}: names the incident ${cls}`);
        }
      }
    },
    // The matrix's server prints no PDF: a 503 for everyone signed in (its content is the HTML's, checked above).
    '/daily-report/pdf': async ({ server, reader, fail, tally }) => {
      tally(1);
      const res = await server.call(reader.user, { method: 'GET', url: '/api/v1/daily-report/pdf?date=2016-09-19' });
      if (res.statusCode !== 503) fail(`GET /daily-report/pdf: ${res.statusCode}`);
    },
    // An organization's schedule, for its admins: its own users only.
    '/daily-report/schedule': async ({ server, reader, fail, tally }) => {
      tally(1);
      const res = await server.call(reader.user, { method: 'GET', url: '/api/v1/daily-report/schedule' });
      const expected = reader.role === 'admin' ? 200 : 403;
      if (res.statusCode !== expected)
        return fail(`GET /daily-report/schedule: ${res.statusCode}, expected ${expected}`);
      if (
        expected === 200 &&
        res.json().candidates.some((c: { username: string }) => !c.username.startsWith(`${reader.org}-`))
      )
        fail(`GET /daily-report/schedule: lists a user of another organization`);
    },
    '/organizations': async ({ server, reader, fail, tally }) => {
      tally(1);
      const names = (await server.call(reader.user, { method: 'GET', url: '/api/v1/organizations' }))
        .json()
        .items?.map((o: { name: string }) => o.name);
      if (!names?.includes('A humanitarian NGO')) fail(`GET /organizations: ${JSON.stringify(names)}`);
    },
    '/actors': async ({ server, reader, fail, tally }) => {
      tally(1);
      if ((await server.call(reader.user, { method: 'GET', url: '/api/v1/actors' })).statusCode !== 200)
        fail('GET /actors: not 200');
    },
    '/actors/{id}': async ({ server, reader, fail, tally }) => {
      tally(1);
      if ((await server.call(reader.user, { method: 'GET', url: '/api/v1/actors/sy-gov' })).statusCode !== 200)
        fail('GET /actors/sy-gov: not 200');
    },
    '/agreements': async (c) => {
      await listed('agreement', '/api/v1/agreements?q=matrix&limit=500')(c);
      const { server, r, reader, fail, tally } = c;
      const listedPublic = (
        await server.call(reader.user, { method: 'GET', url: '/api/v1/agreements?q=matrix&limit=500' })
      )
        .json()
        .items.find((g: { id: string }) => g.id === r.agreement.public);
      const one = (
        await server.call(reader.user, { method: 'GET', url: `/api/v1/agreements/${r.agreement.public}` })
      ).json();
      for (const [where, agreement] of [
        ['list', listedPublic],
        ['get', one],
      ] as const) {
        const texts = (agreement?.clauses ?? []).map((x: { text: string }) => x.text);
        for (const cls of CLASSES) {
          tally(1);
          if (texts.includes(`matrix clause ${KEY[cls]}`) !== visible(cls, reader.org))
            fail(
              `GET /agreements (${where}): clause ${cls} ${texts.includes(`matrix clause ${KEY[cls]}`) ? 'shown' : 'missing'}`,
            );
        }
      }
    },
    '/agreements/{id}': perRecord('agreement', (id) => `/api/v1/agreements/${id}`),
    // The days of calm of an agreement show only with the agreement: not listed, not named.
    '/settings': async ({ server, r, reader, fail, tally }) => {
      const res = await server.call(reader.user, { method: 'GET', url: '/api/v1/settings' });
      if (res.statusCode !== 200) return fail(`GET /settings: ${res.statusCode}`);
      const listed = res.json().calm.map((c: { agreement: string }) => c.agreement);
      for (const cls of CLASSES) {
        tally(1);
        if (listed.includes(r.agreement[cls]) !== visible(cls, reader.org))
          fail(`GET /settings: calm of agreement ${cls} ${listed.includes(r.agreement[cls]) ? 'shown' : 'missing'}`);
        if (!visible(cls, reader.org) && res.body.includes(r.agreement[cls]))
          fail(`GET /settings: names hidden agreement ${cls}`);
      }
    },
    '/zones': listed('zone', '/api/v1/zones?limit=500'),
    '/zones.geojson': listed('zone', '/api/v1/zones.geojson', 'features'),
    '/zones/{id}': perRecord('zone', (id) => `/api/v1/zones/${id}`),
    '/protected-sites': listed('site', '/api/v1/protected-sites?limit=500'),
    '/protected-sites/{id}': perRecord('site', (id) => `/api/v1/protected-sites/${id}`),
    '/operations': listed('operation', '/api/v1/operations?limit=500'),
    '/operations/{id}': async (c) => {
      await perRecord('operation', (id) => `/api/v1/operations/${id}`)(c);
      const { server, r, reader, fail, tally } = c;
      const d = (
        await server.call(reader.user, { method: 'GET', url: `/api/v1/operations/${r.operation.public}` })
      ).json().deconfliction;
      const named = d.conflicts.map((x: { site: string }) => x.site);
      for (const cls of CLASSES) {
        tally(1);
        if (named.includes(r.site[cls]) !== visible(cls, reader.org))
          fail(
            `GET /operations/${r.operation.public}: site ${cls} ${named.includes(r.site[cls]) ? 'named' : 'missing'}`,
          );
      }
      // Nothing in the answer tells of the sites the reader may not see (no count, no hint).
      tally(1);
      if (Object.keys(d).join() !== 'conflicts')
        fail(`GET /operations/${r.operation.public}: ${Object.keys(d).join()}`);
    },
    '/convoys': listed('convoy', '/api/v1/convoys?limit=500'),
    '/notifications': async ({ server, r, reader, fail, tally }) => {
      const res = await server.call(reader.user, { method: 'GET', url: '/api/v1/notifications?limit=500' });
      const ids = res.json().items.map((n: { id: string }) => n.id);
      for (const to of NOTIFIED_TO) {
        tally(1);
        if (ids.includes(r.notification[to]) !== seesNotification(to, reader.org))
          fail(`GET /notifications: the one to ${to} ${ids.includes(r.notification[to]) ? 'listed' : 'missing'}`);
        if (!seesNotification(to, reader.org) && res.body.includes(r.notification[to]))
          fail(`GET /notifications: names the one to ${to}`);
      }
    },
    '/notifications/{id}': async ({ server, r, reader, fail, tally }) => {
      for (const to of NOTIFIED_TO) {
        const res = await server.call(reader.user, {
          method: 'GET',
          url: `/api/v1/notifications/${r.notification[to]}`,
        });
        const expected = seesNotification(to, reader.org) ? 200 : 404;
        tally(1);
        if (res.statusCode !== expected) fail(`GET /notifications/(to ${to}): ${res.statusCode}, expected ${expected}`);
      }
    },
    '/convoys/{id}': perRecord('convoy', (id) => `/api/v1/convoys/${id}`),
    // The dashboard: each area, and each overall estimate (all of one day, so every visible one is shown), only to whoever
    // may see it; nothing of a hidden one (not its id, not its figure).
    '/besieged-areas': async (check) => {
      await listed('besiegedArea', '/api/v1/besieged-areas?on=2016-07-01')(check);
      const { server, r, reader, fail, tally } = check;
      const body = (await server.call(reader.user, { method: 'GET', url: '/api/v1/besieged-areas?on=2016-07-01' }))
        .body;
      for (const [i, cls] of CLASSES.entries()) {
        tally(2);
        if (body.includes(r.overallEstimate[cls]) !== visible(cls, reader.org))
          fail(`GET /besieged-areas: overall estimate ${cls} ${visible(cls, reader.org) ? 'missing' : 'shown'}`);
        if (body.includes(`"population":${1000 + i}`) !== visible(cls, reader.org))
          fail(`GET /besieged-areas: the figure of the area ${cls} ${visible(cls, reader.org) ? 'missing' : 'shown'}`);
      }
    },
    '/besieged-areas/{id}': perRecord('besiegedArea', (id) => `/api/v1/besieged-areas/${id}`),
    // The negotiation room: its members see it on every path, anyone else gets 404 and an empty list; its PDF is
    // 503 for a member here (this server prints none), 404 for anyone else.
    '/negotiation-rooms': async ({ server, r, reader, fail, tally }) => {
      const res = await server.call(reader.user, { method: 'GET', url: '/api/v1/negotiation-rooms' });
      const ids = res.json().items.map((x: { id: string }) => x.id);
      tally(1);
      if (res.statusCode !== 200 || ids.includes(r.room) !== ROOM_MEMBERS.includes(reader.org))
        fail(`GET /negotiation-rooms: ${res.statusCode} ${JSON.stringify(ids)}`);
    },
    ...Object.fromEntries(
      (
        [
          ['/negotiation-rooms/{id}', ''],
          ['/negotiation-rooms/{id}/versions', '/versions'],
          ['/negotiation-rooms/{id}/clauses/{clauseId}/versions', '/clauses/{clause}/versions'],
          ['/negotiation-rooms/{id}/clauses/{clauseId}/positions', '/clauses/{clause}/positions'],
          ['/negotiation-rooms/{id}/export.pdf', '/export.pdf'],
        ] as const
      ).map(([path, tail]): [string, Check] => [
        path,
        async ({ server, r, reader, fail, tally }) => {
          const url = `/api/v1/negotiation-rooms/${r.room}${tail.replace('{clause}', r.roomClause)}`;
          const res = await server.call(reader.user, { method: 'GET', url });
          const member = ROOM_MEMBERS.includes(reader.org);
          const expected = !member ? 404 : tail === '/export.pdf' ? 503 : 200;
          tally(1);
          if (res.statusCode !== expected) fail(`GET ${path}: ${res.statusCode}, expected ${expected}`);
          if (!member && res.body.includes('matrix room')) fail(`GET ${path}: names the hidden room`);
        },
      ]),
    ),
    '/local-agreements': listed('localAgreement', '/api/v1/local-agreements'),
    '/local-agreements/{id}': perRecord('localAgreement', (id) => `/api/v1/local-agreements/${id}`),
    '/positions': async ({ server, r, reader, fail, tally }) => {
      const res = await server.call(reader.user, { method: 'GET', url: '/api/v1/positions?limit=500' });
      const seen = ids(res.json()).includes(r.position);
      tally(1);
      if (seen !== POSITION_SEERS.includes(reader.org)) fail(`GET /positions: ${seen ? 'listed' : 'missing'}`);
      if (!POSITION_SEERS.includes(reader.org) && res.body.includes(r.position)) fail('GET /positions: names it');
    },
    '/positions/{id}': async ({ server, r, reader, fail, tally }) => {
      const res = await server.call(reader.user, { method: 'GET', url: `/api/v1/positions/${r.position}` });
      const expected = POSITION_SEERS.includes(reader.org) ? 200 : 404;
      tally(1);
      if (res.statusCode !== expected) fail(`GET /positions/{id}: ${res.statusCode}, expected ${expected}`);
    },
    // Notices: those whose operation the reader may see, in full; for the secretariat every other as an outline that names
    // no operation. ru's notice (classified org): its conflicts with the targets each may see.
    '/operation-notices': async ({ server, r, reader, fail, tally }) => {
      const res = await server.call(reader.user, { method: 'GET', url: '/api/v1/operation-notices?limit=500' });
      if (res.statusCode !== 200) return fail(`GET /operation-notices: ${res.statusCode}`);
      const items = res.json().items as { operation: { id: string } | null; conflicts: { target: { id: string } }[] }[];
      const shown = items.flatMap((n) => (n.operation ? [n.operation.id] : []));
      for (const cls of CLASSES) {
        tally(1);
        if (shown.includes(r.operation[cls]) !== visible(cls, reader.org))
          fail(`GET /operation-notices: operation ${cls} ${shown.includes(r.operation[cls]) ? 'shown' : 'missing'}`);
        if (!visible(cls, reader.org) && res.body.includes(r.operation[cls]))
          fail(`GET /operation-notices: names hidden operation ${cls}`);
      }
      tally(1);
      if (shown.includes(r.notice) !== (reader.org === 'ru') || (reader.org !== 'ru' && res.body.includes(r.notice)))
        fail(`GET /operation-notices: ru's notice ${shown.includes(r.notice) ? 'shown' : 'missing or named'}`);
      // Outlines are the secretariat's: one per notice whose operation it may not see.
      const outlines = items.filter((n) => n.operation === null).length;
      const hidden = CLASSES.filter((cls) => !visible(cls, reader.org)).length + (reader.org === 'ru' ? 0 : 1);
      tally(1);
      if (outlines !== (SECRETARIAT.includes(reader.org) ? hidden : 0))
        fail(`GET /operation-notices: ${outlines} outlines`);
      // The conflicts of ru's notice, as ru and the secretariat see them: only targets they may see.
      const targets = items
        .filter((n) => n.operation?.id === r.notice || (n.operation === null && SECRETARIAT.includes(reader.org)))
        .flatMap((n) => n.conflicts.map((c) => c.target.id));
      for (const cls of CLASSES) {
        tally(1);
        if (!visible(cls, reader.org) && targets.includes(r.site[cls]))
          fail(`GET /operation-notices: site ${cls} named`);
      }
      for (const to of NOTIFIED_TO) {
        tally(1);
        if (!seesNotification(to, reader.org) && res.body.includes(r.notification[to]))
          fail(`GET /operation-notices: the notification to ${to} named`);
      }
      tally(1);
      if (!POSITION_SEERS.includes(reader.org) && res.body.includes(r.position))
        fail('GET /operation-notices: the position named');
      if (reader.org === 'ru' && !targets.includes(r.position)) fail('GET /operation-notices: ru misses its conflict');
      if (SECRETARIAT.includes(reader.org) && !targets.includes(r.notification.us))
        fail('GET /operation-notices: the secretariat misses a conflict');
    },
    // Alerts: an owner's targets near ru's notice, never the notice.
    '/deconfliction-alerts': async ({ server, r, reader, fail, tally }) => {
      const res = await server.call(reader.user, { method: 'GET', url: '/api/v1/deconfliction-alerts' });
      if (res.statusCode !== 200) return fail(`GET /deconfliction-alerts: ${res.statusCode}`);
      const targets = (res.json().items as { target: { id: string } }[]).map((a) => a.target.id);
      tally(2);
      if (res.body.includes(r.notice)) fail('GET /deconfliction-alerts: names the notice');
      if (targets.includes(r.position) !== (reader.org === 'us')) fail('GET /deconfliction-alerts: the position');
      for (const to of NOTIFIED_TO) {
        tally(1);
        if (targets.includes(r.notification[to]) !== (reader.org === 'ngo'))
          fail(`GET /deconfliction-alerts: the notification to ${to}`);
      }
    },
    // The console's day: on 20 Sept 2016 the matrix's sites, notifications, position and operations (notices of every
    // classification), each only to whoever may see it; on 1 Jan 2098 ru's notice (classified org) and its conflicts.
    '/deconfliction/day': async ({ server, r, reader, fail, tally }) => {
      const read = async (day: string) => {
        const res = await server.call(reader.user, { method: 'GET', url: `/api/v1/deconfliction/day?day=${day}` });
        if (res.statusCode !== 200) fail(`GET /deconfliction/day?day=${day}: ${res.statusCode}`);
        return { body: res.body, json: res.json() };
      };
      const day = await read('2016-09-20');
      const sites = ids(day.json, 'sites');
      const operations = ids(day.json, 'operations');
      for (const cls of CLASSES) {
        tally(2);
        if (sites.includes(r.site[cls]) !== visible(cls, reader.org))
          fail(`GET /deconfliction/day: site ${cls} ${sites.includes(r.site[cls]) ? 'shown' : 'missing'}`);
        if (operations.includes(r.operation[cls]) !== visible(cls, reader.org))
          fail(
            `GET /deconfliction/day: operation ${cls} ${operations.includes(r.operation[cls]) ? 'shown' : 'missing'}`,
          );
        if (!visible(cls, reader.org) && (day.body.includes(r.site[cls]) || day.body.includes(r.operation[cls])))
          fail(`GET /deconfliction/day: names site or operation ${cls}`);
      }
      for (const to of NOTIFIED_TO) {
        tally(1);
        if (sites.includes(r.notification[to]) !== seesNotification(to, reader.org))
          fail(
            `GET /deconfliction/day: the notification to ${to} ${sites.includes(r.notification[to]) ? 'shown' : 'missing'}`,
          );
        if (!seesNotification(to, reader.org) && day.body.includes(r.notification[to]))
          fail(`GET /deconfliction/day: names the notification to ${to}`);
      }
      tally(1);
      if (ids(day.json, 'positions').includes(r.position) !== POSITION_SEERS.includes(reader.org))
        fail('GET /deconfliction/day: the position');
      if (!POSITION_SEERS.includes(reader.org) && day.body.includes(r.position))
        fail('GET /deconfliction/day: names the position');
      // ru's notice: its operation to ru alone; its conflicts, as the secretariat reads them, by outline only.
      const later = await read('2098-01-01');
      tally(2);
      if (ids(later.json, 'operations').includes(r.notice) !== (reader.org === 'ru'))
        fail('GET /deconfliction/day: ru’s notice');
      if (reader.org !== 'ru' && later.body.includes(r.notice)) fail('GET /deconfliction/day: names ru’s notice');
      const conflicts = (later.json.conflicts ?? []) as { target: { id: string }; operation: string | null }[];
      const targets = conflicts.map((c) => c.target.id);
      for (const cls of CLASSES) {
        tally(1);
        if (!visible(cls, reader.org) && later.body.includes(r.site[cls]))
          fail(`GET /deconfliction/day: a conflict names site ${cls}`);
      }
      if (!POSITION_SEERS.includes(reader.org) && later.body.includes(r.position))
        fail('GET /deconfliction/day: a conflict names the position');
      if (reader.org === 'ru' && !targets.includes(r.position)) fail('GET /deconfliction/day: ru misses its conflict');
      if (SECRETARIAT.includes(reader.org) && !targets.includes(r.notification.us))
        fail('GET /deconfliction/day: the secretariat misses a conflict');
      if (SECRETARIAT.includes(reader.org) && conflicts.some((c) => c.operation === r.notice))
        fail('GET /deconfliction/day: the secretariat is told the operation');
    },
    '/convoy-requests': async ({ server, r, reader, fail, tally }) => {
      for (const box of ['', '&box=mine', '&box=awaiting']) {
        const res = await server.call(reader.user, { method: 'GET', url: `/api/v1/convoy-requests?limit=500${box}` });
        const listed = ids(res.json());
        for (const stage of CONVOY_STAGES) {
          tally(1);
          const id = r.convoyRequest[stage];
          const expected =
            seesConvoyRequest(stage, reader.org) &&
            (box === '' ||
              (box === '&box=mine' && reader.org === 'ngo') ||
              // Awaiting ru's decision for the government (the secretariat's queue holds parties nobody decides for).
              (box === '&box=awaiting' && stage === 'submitted' && reader.org === 'ru'));
          if (listed.includes(id) !== expected)
            fail(`GET /convoy-requests${box}: the ${stage} ${listed.includes(id) ? 'listed' : 'missing'}`);
          if (!seesConvoyRequest(stage, reader.org) && res.body.includes(id))
            fail(`GET /convoy-requests${box}: names the ${stage}`);
        }
      }
    },
    '/convoy-requests/{id}': async ({ server, r, reader, fail, tally }) => {
      for (const stage of CONVOY_STAGES) {
        const res = await server.call(reader.user, {
          method: 'GET',
          url: `/api/v1/convoy-requests/${r.convoyRequest[stage]}`,
        });
        const expected = seesConvoyRequest(stage, reader.org) ? 200 : 404;
        tally(1);
        if (res.statusCode !== expected)
          fail(`GET /convoy-requests/(${stage}): ${res.statusCode}, expected ${expected}`);
      }
    },
    // The monthly access plan counts the submitted request only for whoever may see it (a draft is planned for nobody).
    '/access-plan': async ({ server, reader, fail, tally }) => {
      const res = await server.call(reader.user, { method: 'GET', url: '/api/v1/access-plan?month=2016-10' });
      const expected = seesConvoyRequest('submitted', reader.org) ? 1 : 0;
      tally(1);
      if (res.statusCode !== 200 || res.json().total.planned !== expected)
        fail(`GET /access-plan: ${res.statusCode} planned ${res.json().total?.planned}, expected ${expected}`);
    },
    '/access-plan.csv': async ({ server, reader, fail, tally }) => {
      const res = await server.call(reader.user, { method: 'GET', url: '/api/v1/access-plan.csv?month=2016-10' });
      const lines = res.body.split('\r\n');
      const total = lines.find((l) => l.startsWith('2016-10,total,'));
      const planned = (lines[1] ?? '').split(',').indexOf('#output+convoys+planned');
      const expected = seesConvoyRequest('submitted', reader.org) ? '1' : '0';
      tally(1);
      if (res.statusCode !== 200 || planned < 0 || total?.split(',')[planned] !== expected)
        fail(
          `GET /access-plan.csv: ${res.statusCode} ${total ?? res.body.slice(0, 200)}, expected ${expected} planned`,
        );
    },
    // The directory of who decides for which party: the same for everyone signed in.
    '/convoy-requests/representatives': async ({ server, reader, fail, tally }) => {
      const res = await server.call(reader.user, { method: 'GET', url: '/api/v1/convoy-requests/representatives' });
      tally(1);
      if (res.statusCode !== 200 || !res.body.includes('"org":"ru","actor":"sy-gov"'))
        fail(`GET /convoy-requests/representatives: ${res.statusCode} ${res.body.slice(0, 200)}`);
    },
    '/findings': async ({ server, r, reader, fail, tally }) => {
      for (const cls of CLASSES) {
        for (const [kind, subject, owned] of [
          ['incident', r.incident[cls], r.findingKeys[cls].length],
          ['zone', r.zone[cls], r.zoneFindings[cls]],
        ] as const) {
          const url = `/api/v1/findings?subject=${subject}&limit=500`;
          const n = (await server.call(reader.user, { method: 'GET', url })).json().items.length;
          tally(1);
          if (n !== (visible(cls, reader.org) ? owned : 0))
            fail(`GET ${url} (${kind} ${cls}): ${n} findings, expected ${visible(cls, reader.org) ? owned : 0}`);
        }
      }
      for (const cls of CLASSES) {
        const n = (
          await server.call(reader.user, { method: 'GET', url: `/api/v1/findings?subject=${r.derived[cls].incident}` })
        ).json().items.length;
        tally(1);
        if (n !== (visible(cls, reader.org) ? 1 : 0)) fail(`GET /findings?subject=(derived ${cls}): ${n} findings`);
      }
      const all = (
        await server.call(reader.user, {
          method: 'GET',
          url: `/api/v1/findings?limit=500&from=${encodeURIComponent(AT)}&to=${encodeURIComponent('2016-09-19T19:16:00+03:00')}`,
        })
      ).json();
      const subjects = all.items.map((f: { subject_id: string }) => f.subject_id);
      for (const cls of CLASSES) {
        tally(1);
        if (subjects.includes(r.incident[cls]) !== visible(cls, reader.org))
          fail(`GET /findings?from..to: incident ${cls} ${subjects.includes(r.incident[cls]) ? 'listed' : 'missing'}`);
      }
    },
    '/findings/{key}/history': async ({ server, r, reader, fail, tally }) => {
      for (const cls of CLASSES) {
        for (const key of r.findingKeys[cls]) {
          const url = `/api/v1/findings/${encodeURIComponent(key)}/history`;
          const res = await server.call(reader.user, { method: 'GET', url });
          tally(1);
          if (res.statusCode !== (visible(cls, reader.org) ? 200 : 404))
            fail(`GET ${url} (incident ${cls}): ${res.statusCode}`);
        }
        // The derived finding: its history is the public incident's (shown to all), its current version and cause follow the zone.
        const url = `/api/v1/findings/${encodeURIComponent(r.derived[cls].key)}/history`;
        const h = (await server.call(reader.user, { method: 'GET', url })).json();
        tally(1);
        const seen = visible(cls, reader.org);
        if (
          h.history?.length !== 1 ||
          (h.current !== null) !== seen ||
          (h.history[0].cause !== null) !== seen ||
          JSON.stringify(h).includes(r.zone[cls]) !== seen
        ) {
          fail(`GET ${url} (derived ${cls}): ${JSON.stringify(h).slice(0, 300)}`);
        }
      }
    },
  };
}

/** The URL a stranger tries for a GET path: ids of the public records substituted. */
function strangerUrl(path: string, r: Records): string {
  return `/api/v1${path}`
    .replace(
      '/reports/{id}/attachments/{attachmentId}',
      `/reports/${r.report.public}/attachments/${r.attachment.public}`,
    )
    .replace('/audit/{entity}/{id}', `/audit/report/${r.report.public}`)
    .replace('/notifications/{id}', `/notifications/${r.notification.us}`)
    .replace('/findings/{key}', `/findings/${encodeURIComponent(r.findingKeys.public[0]!)}`)
    .replace(
      /\/(\w[\w-]*)\/\{id\}/,
      (_m, coll: string) =>
        `/${coll}/${({ reports: r.report, incidents: r.incident, zones: r.zone, agreements: r.agreement, 'protected-sites': r.site, operations: r.operation, convoys: r.convoy, 'besieged-areas': r.besiegedArea, 'local-agreements': r.localAgreement } as Record<string, Record<Cls, string> | undefined>)[coll]?.public ?? 'sy-gov'}`,
    );
}

describeEachDatabase('authorization matrix', (db) => {
  it('shows each record, by every GET endpoint, exactly to those who may see it', async () => {
    const server = await matrixServer(db());
    try {
      // Aggregates before the matrix incidents exist: the same for everyone (the demo world is public).
      const baselineUrls = [
        `/api/v1/map/incidents?bbox=${SPOT_BBOX}&zoom=14`,
        '/api/v1/map/extent',
        '/api/v1/state?from=2016-09-19&to=2016-09-19',
      ];
      const measures: Record<string, (b: any) => number> = {
        [baselineUrls[0]!]: (b) => b.total,
        [baselineUrls[1]!]: (b) => b.count,
        [baselineUrls[2]!]: (b) =>
          b.verdicts.violation + b.verdicts.needs_review + b.verdicts.permitted + b.verdicts.not_covered,
      };
      const baselines: Record<string, number> = {};
      for (const url of baselineUrls)
        baselines[url] = measures[url]!((await server.call('ngo-observer', { method: 'GET', url })).json());
      // Every user's live event stream, open while the records are made.
      await server.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = server.app.server.address() as { port: number };
      const streams = new Map<string, SseStream>();
      for (const reader of READERS) {
        streams.set(
          reader.user,
          await openSse(`http://127.0.0.1:${port}/api/v1/events`, { cookie: await server.cookieOf(reader.user) }),
        );
      }
      const r = await buildRecords(server);
      // A last public report: once a stream has it, it has had every event before it.
      const sentinel = (
        await server.call('ngo-reporter', {
          method: 'POST',
          url: '/api/v1/reports',
          payload: urumReport({ narrative: 'sentinel' }),
        })
      ).json().id;
      // What one matrix incident adds, and what the records everyone sees add (the derived incidents, public): the NGO sees
      // two matrix incidents (public, and its own), the US four (all but the NGO's own).
      for (const url of baselineUrls) {
        const ngo =
          measures[url]!((await server.call('ngo-observer', { method: 'GET', url })).json()) - baselines[url]!;
        const us = measures[url]!((await server.call('us-observer', { method: 'GET', url })).json()) - baselines[url]!;
        baselines[`per ${url}`] = (us - ngo) / 2;
        baselines[`all ${url}`] = ngo - us + ngo;
        expect((us - ngo) / 2, `what one incident adds to ${url}`).toBeGreaterThan(0);
      }

      const checks = readChecks(baselines);
      const gets = (await operations(server)).filter((o) => o.method === 'GET');
      expect(
        gets.map((g) => g.path).filter((p) => !(p in checks)),
        'GET endpoints with no matrix case',
      ).toEqual([]);
      const failures: string[] = [];
      let checked = 0;
      let strangerChecks = 0;
      for (const { path } of gets) {
        const url = strangerUrl(path, r);
        if (OPEN_GETS.has(path)) {
          // Open, but it tells a stranger nothing: only that nobody is signed in.
          const res = await server.call(null, { method: 'GET', url });
          strangerChecks++;
          if (res.statusCode !== 200 || res.body !== JSON.stringify({ signed_in: false }))
            failures.push(`stranger GET ${url}: ${res.statusCode} ${res.body}`);
          continue;
        }
        // Strangers get 401 before anything else is looked at, even a malformed request.
        for (const tried of [url, `${url}?limit=0&from=nonsense&bbox=nonsense&zoom=99&as_of=x`]) {
          const res = await server.call(null, { method: 'GET', url: tried });
          strangerChecks++;
          if (res.statusCode !== 401) failures.push(`stranger GET ${tried}: ${res.statusCode}, expected 401`);
        }
      }
      for (const reader of READERS) {
        for (const { path } of gets) {
          await checks[path]!({
            server,
            r,
            reader,
            fail: (msg) => failures.push(`${reader.user}: ${msg}`),
            tally: (n) => {
              checked += n;
            },
          });
        }
      }
      // Live events: each stream names a matrix record only if its reader may see it, and has the new reports it may see.
      const kinds = [
        'report',
        'incident',
        'zone',
        'agreement',
        'site',
        'operation',
        'convoy',
        'besiegedArea',
        'localAgreement',
      ] as const;
      for (const reader of READERS) {
        const stream = streams.get(reader.user)!;
        await stream.waitFor((m) => m.data.id === sentinel, 10_000);
        stream.close();
        const named = new Set(
          stream.messages.flatMap((m) => [
            m.data.id,
            (m.data.data as { id?: string } | undefined)?.id,
            m.data.data?.subject_id as string | undefined,
          ]),
        );
        const created = new Set(stream.messages.filter((m) => m.data.type === 'report.created').map((m) => m.data.id));
        for (const cls of CLASSES) {
          for (const kind of kinds) {
            checked++;
            // Not as a record, nor anywhere in what a record says of others.
            if (!visible(cls, reader.org) && (named.has(r[kind][cls]) || stream.raw().includes(r[kind][cls])))
              failures.push(`${reader.user}: GET /events names hidden ${kind} ${cls}`);
          }
          checked++;
          if (created.has(r.report[cls]) !== visible(cls, reader.org))
            failures.push(
              `${reader.user}: GET /events report.created ${cls} ${created.has(r.report[cls]) ? 'sent' : 'missing'}`,
            );
        }
      }
      // The hotline thread's events reach its parties and the secretariat only.
      for (const reader of READERS) {
        const heard = streams.get(reader.user)!.messages.some((m) => m.data.id === r.hotline);
        checked++;
        if (heard !== HOTLINE_PARTIES.includes(reader.org))
          failures.push(`${reader.user}: GET /events hotline thread ${heard ? 'sent' : 'missing'}`);
      }
      // Notifications: heard by those who see them (notification.changed, read again as the reader), by nobody else.
      for (const reader of READERS) {
        const stream = streams.get(reader.user)!;
        for (const to of NOTIFIED_TO) {
          const id = r.notification[to];
          const heard = stream.messages.some((m) => m.data.type === 'notification.changed' && m.data.id === id);
          checked++;
          if (heard !== seesNotification(to, reader.org))
            failures.push(`${reader.user}: GET /events notification to ${to} ${heard ? 'sent' : 'missing'}`);
          if (!seesNotification(to, reader.org) && stream.raw().includes(id))
            failures.push(`${reader.user}: GET /events names the notification to ${to}`);
        }
      }
      // A position: heard by its owner and its recipient only; ru's notice never named to another organization.
      for (const reader of READERS) {
        const stream = streams.get(reader.user)!;
        const heard = stream.messages.some((m) => m.data.type === 'position.changed' && m.data.id === r.position);
        checked += 2;
        if (heard !== POSITION_SEERS.includes(reader.org))
          failures.push(`${reader.user}: GET /events position ${heard ? 'sent' : 'missing'}`);
        if (!POSITION_SEERS.includes(reader.org) && stream.raw().includes(r.position))
          failures.push(`${reader.user}: GET /events names the position`);
        if (reader.org !== 'ru' && stream.raw().includes(r.notice))
          failures.push(`${reader.user}: GET /events names ru's notice`);
      }
      // Convoy requests: heard by those who see them (convoy_request.changed, read again as the reader), by nobody else.
      for (const reader of READERS) {
        const stream = streams.get(reader.user)!;
        for (const stage of CONVOY_STAGES) {
          const id = r.convoyRequest[stage];
          const heard = stream.messages.some((m) => m.data.type === 'convoy_request.changed' && m.data.id === id);
          checked++;
          if (heard !== seesConvoyRequest(stage, reader.org))
            failures.push(`${reader.user}: GET /events convoy request ${stage} ${heard ? 'sent' : 'missing'}`);
          if (!seesConvoyRequest(stage, reader.org) && stream.raw().includes(id))
            failures.push(`${reader.user}: GET /events names the convoy request ${stage}`);
        }
      }
      console.info(
        `authorization matrix [${db().kind}]: ${gets.length} GET endpoints, ${READERS.length} users + a stranger, ${checked} user checks, ${strangerChecks} stranger checks`,
      );
      expect(failures).toEqual([]);
      expect(checked).toBeGreaterThan(2000);
    } finally {
      await server.close();
    }
  }, 300_000);

  // Some 60 write endpoints, each tried by 24 users: minutes on a loaded machine.
  it('lets each role write only what it may, and a refused write writes nothing', async () => {
    const server = await matrixServer(db());
    try {
      const r = await buildRecords(server);
      /** Each write: the permission it needs (null: any signed-in user), and requests to try as a user (hidden targets marked). */
      type Attempt = {
        url: string;
        payload?: Record<string, unknown> | string;
        headers?: Record<string, string>;
        hidden?: string;
      };
      // A hidden record named in a body is as unknown as a missing one (400); otherwise a hidden target is not found (404). New
      // classified records get ids from the server, so no id a client sends can be refused for being a hidden record's.
      const HIDDEN_STATUS: Record<string, number[]> = {
        'POST /incidents/{id}/reports': [400],
        'PUT /settings': [400],
      };
      const targets = (
        kind: 'incident' | 'zone' | 'agreement' | 'besiegedArea' | 'localAgreement',
        reader: Reader,
        url: (id: string) => string,
        payload?: Record<string, unknown>,
      ): Attempt[] =>
        CLASSES.map((cls) => ({
          url: url(r[kind][cls]),
          payload,
          hidden: visible(cls, reader.org) ? undefined : `${kind} ${cls}`,
        }));
      const writes: Record<
        string,
        {
          permission: Permission | null;
          roles?: string[];
          /** Refused (403) to these readers whatever their role: an organization's own right, such as a co-chair's approval. */
          refusedTo?: (reader: Reader) => boolean;
          attempts: (reader: Reader) => Attempt[];
        }
      > = {
        'PUT /account/email': {
          permission: null,
          attempts: (u) => [
            {
              url: '/api/v1/account/email',
              payload: { address: `${u.user}@example.org`, language: 'ar', kinds: ['hotline.escalated'] },
            },
          ],
        },
        'POST /auth/tokens': {
          permission: null,
          attempts: () => [{ url: '/api/v1/auth/tokens', payload: { name: 'matrix' } }],
        },
        // Your own token; a token of a user of another organization is hidden from everyone; one of a colleague only admins may revoke.
        'DELETE /auth/tokens/{id}': {
          permission: null,
          attempts: (u) => [
            { url: `/api/v1/auth/tokens/${tokens.get(u.user)}` },
            ...[...tokens.entries()]
              .filter(([owner]) => owner !== u.user && (owner.split('-')[0] !== u.org || u.role !== 'admin'))
              .slice(0, 2)
              .map(([owner, id]) => ({ url: `/api/v1/auth/tokens/${id}`, hidden: `token of ${owner}` })),
          ],
        },
        'POST /webhooks': {
          permission: null,
          attempts: () => [{ url: '/api/v1/webhooks', payload: webhook('made by the matrix') }],
        },
        // Your own webhook; anyone else's is hidden, an admin's colleague's included.
        'PATCH /webhooks/{id}': {
          permission: null,
          attempts: (u) => [
            { url: `/api/v1/webhooks/${hooks.get(u.user)}`, payload: { active: false } },
            ...[...hooks.entries()]
              .filter(([owner]) => owner !== u.user)
              .slice(0, 2)
              .map(([owner, id]) => ({
                url: `/api/v1/webhooks/${id}`,
                payload: { active: false },
                hidden: `webhook of ${owner}`,
              })),
          ],
        },
        'DELETE /webhooks/{id}': {
          permission: null,
          attempts: (u) => [
            ...[...doomed.entries()]
              .filter(([owner]) => owner !== u.user)
              .slice(0, 2)
              .map(([owner, id]) => ({ url: `/api/v1/webhooks/${id}`, hidden: `webhook of ${owner}` })),
            { url: `/api/v1/webhooks/${doomed.get(u.user)}` },
          ],
        },
        // A file as the body: an ACLED row, imported once, found unchanged by the next importers.
        'POST /imports': {
          permission: 'incident:manage',
          attempts: () => [
            {
              url: '/api/v1/imports?format=acled&classification=public',
              payload:
                'event_id_cnty,event_date,event_type,sub_event_type,actor1,latitude,longitude\n' +
                'MATRIX1,2016-09-19,Battles,Armed clash,Military Forces of Syria (2000-),36.9001,41.2001\n',
            },
          ],
        },
        'POST /actors': {
          permission: 'world:manage',
          attempts: (u) => [
            { url: '/api/v1/actors', payload: { id: `x-${u.user}`, name: 'Matrix', kind: 'armed_group' } },
          ],
        },
        'PATCH /actors/{id}': {
          permission: 'world:manage',
          attempts: () => [{ url: '/api/v1/actors/sdf', payload: { aliases: ['SDF'] } }],
        },
        'POST /agreements': {
          permission: 'world:manage',
          attempts: () => [
            {
              url: '/api/v1/agreements',
              payload: { title: 'New', in_force: [{ from: '2031-01-01T00:00:00Z', to: null }] },
            },
          ],
        },
        'PUT /agreements/{id}': {
          permission: 'world:manage',
          attempts: (u) =>
            targets('agreement', u, (id) => `/api/v1/agreements/${id}`, {
              title: 'Replaced',
              in_force: [{ from: '2031-01-01T00:00:00Z', to: null }],
            }),
        },
        'PATCH /agreements/{id}': {
          permission: 'world:manage',
          attempts: (u) => targets('agreement', u, (id) => `/api/v1/agreements/${id}`, { title: `terms of ${u.user}` }),
        },
        'POST /agreements/{id}/parties': {
          permission: 'world:manage',
          attempts: (u) =>
            targets('agreement', u, (id) => `/api/v1/agreements/${id}/parties`, {
              actor: 'sdf',
              accepted_at: '2030-02-01T00:00:00Z',
            }),
        },
        'POST /agreements/{id}/parties/{actor}/withdraw': {
          permission: 'world:manage',
          attempts: (u) =>
            targets('agreement', u, (id) => `/api/v1/agreements/${id}/parties/sdf/withdraw`, {
              at: '2030-03-01T00:00:00Z',
            }),
        },
        'POST /agreements/{id}/clauses': {
          permission: 'world:manage',
          attempts: (u) =>
            targets('agreement', u, (id) => `/api/v1/agreements/${id}/clauses`, {
              code: 'T1',
              text: 'more',
              acts: ['shelling'],
            }),
        },
        // The days of calm of one agreement (the others the writer sees are counted no more); a hidden one is unknown (400).
        'PUT /settings': {
          permission: 'world:manage',
          attempts: (u) =>
            CLASSES.map((cls) => ({
              url: '/api/v1/settings',
              payload: {
                timezone: 'Asia/Damascus',
                host_state: 'sy-gov',
                calm: [{ agreement: r.agreement[cls], threshold_per_day: 3, days_required: 4 }],
              },
              hidden: visible(cls, u.org) ? undefined : `agreement ${cls}`,
            })),
        },
        'POST /reports': {
          permission: 'report:file',
          attempts: () => [{ url: '/api/v1/reports', payload: urumReport({ narrative: 'write matrix' }) }],
        },
        // The matrix's reports are accounts of the public incident, which cannot be set aside: put back in the inbox (where
        // they are), a request that reaches the report as any triage does.
        // Text intake: a new text each (the same again is recognised, 200); a draft is decided once (then 409), hidden ones are missing.
        'POST /intake': {
          permission: 'report:file',
          attempts: (u) => [
            { url: '/api/v1/intake', payload: { text: `Shelling hit Homs yesterday (matrix intake by ${u.user}).` } },
          ],
        },
        // An email as the mail server posts it: a new one each.
        'POST /intake/mail': {
          permission: 'report:file',
          attempts: (u) => [
            {
              url: '/api/v1/intake/mail',
              headers: { 'content-type': 'message/rfc822' },
              payload: `Subject: matrix mail\r\n\r\nShelling hit Homs yesterday (matrix mail by ${u.user}).\r\n`,
            },
          ],
        },
        'POST /intake/drafts/{id}/confirm': {
          permission: 'report:file',
          attempts: (u) =>
            CLASSES.map((cls) => ({
              url: `/api/v1/intake/drafts/${r.textDraft[cls]}/confirm`,
              payload: urumReport({ narrative: 'confirmed by the matrix', classification: undefined }),
              hidden: visible(cls, u.org) ? undefined : `source text ${cls}`,
            })),
        },
        'POST /intake/drafts/{id}/drop': {
          permission: 'report:file',
          attempts: (u) =>
            CLASSES.map((cls) => ({
              url: `/api/v1/intake/drafts/${r.textDraftToDrop[cls]}/drop`,
              hidden: visible(cls, u.org) ? undefined : `source text ${cls}`,
            })),
        },
        'PUT /reports/{id}/triage': {
          permission: 'incident:manage',
          attempts: (u) =>
            CLASSES.map((cls) => ({
              url: `/api/v1/reports/${r.report[cls]}/triage`,
              payload: { state: 'inbox' },
              hidden: visible(cls, u.org) ? undefined : `report ${cls}`,
            })),
        },
        'PUT /reports/{id}/evaluation': {
          permission: 'incident:manage',
          attempts: (u) =>
            CLASSES.map((cls) => ({
              url: `/api/v1/reports/${r.report[cls]}/evaluation`,
              payload: { source: `graded by ${u.user}`, reliability: 'C', credibility: 3 },
              hidden: visible(cls, u.org) ? undefined : `report ${cls}`,
            })),
        },
        'POST /incidents': {
          permission: 'incident:manage',
          attempts: () => [{ url: '/api/v1/incidents', payload: { occurred_at: AT, location: SPOT, act: 'shelling' } }],
        },
        'PATCH /incidents/{id}': {
          permission: 'incident:manage',
          attempts: (u) =>
            targets('incident', u, (id) => `/api/v1/incidents/${id}`, { headline: `patched by ${u.user}` }),
        },
        'POST /incidents/{id}/reports': {
          permission: 'incident:manage',
          attempts: (u) =>
            CLASSES.map((cls) => ({
              url: `/api/v1/incidents/${r.incident.public}/reports`,
              payload: { report_id: r.report[cls] },
              hidden: visible(cls, u.org) ? undefined : `report ${cls}`,
            })),
        },
        // A public incident made for the test, merged into the public one once (then unknown: 400); us's own is hidden from others.
        'POST /incidents/{id}/merge': {
          permission: 'incident:manage',
          attempts: (u) => [
            { url: `/api/v1/incidents/${r.incident.public}/merge`, payload: { from: mergeable.id } },
            {
              url: `/api/v1/incidents/${r.incident['org-us']}/merge`,
              payload: { from: mergeable.id },
              hidden: u.org === 'us' ? undefined : 'incident org-us',
            },
          ],
        },
        // ngo's own report only: the others stay accounts of the public incident for the unlink's cases.
        'POST /incidents/{id}/reports/{reportId}/split': {
          permission: 'incident:manage',
          attempts: (u) => [
            {
              url: `/api/v1/incidents/${r.incident.public}/reports/${r.report['org-ngo']}/split`,
              hidden: visible('org-ngo', u.org) ? undefined : 'report org-ngo',
            },
          ],
        },
        'DELETE /incidents/{id}/reports/{reportId}': {
          permission: 'incident:manage',
          attempts: (u) =>
            CLASSES.map((cls) => ({
              url: `/api/v1/incidents/${r.incident.public}/reports/${r.report[cls]}`,
              hidden: visible(cls, u.org) ? undefined : `report ${cls}`,
            })),
        },
        // A finding of each incident (its agreement from its key): a co-chair may rule on it (then 409: one is pending), others may
        // not contest what the rules decided (400).
        'POST /incidents/{id}/rulings': {
          permission: 'incident:manage',
          attempts: (u) => [
            {
              url: `/api/v1/incidents/${unruled.id}/rulings`,
              payload: {
                agreement: agreementOf(unruledFinding),
                verdict: 'permitted',
                reasoning: `ruled by ${u.user}`,
              },
              hidden: TASK_FORCE.includes(u.org) ? undefined : 'task-force incident',
            },
            ...CLASSES.map((cls) => ({
              url: `/api/v1/incidents/${r.incident[cls]}/rulings`,
              payload: {
                agreement: agreementOf(r.findingKeys[cls][0]!),
                verdict: 'permitted',
                reasoning: `ruled by ${u.user}`,
              },
              hidden: visible(cls, u.org) ? undefined : `incident ${cls}`,
            })),
          ],
        },
        // Ruling A (on the public incident, proposed by us) waits for ru: ru approves it once (then 409), us has (409); the
        // other organizations are no co-chairs.
        'POST /rulings/{id}/approve': {
          permission: 'incident:manage',
          refusedTo: (u) => !CO_CHAIRS.includes(u.org),
          attempts: () => [{ url: `/api/v1/rulings/${rulingToApprove}/approve` }],
        },
        // Ruling B, on us's own incident: only us sees it, and withdraws it once (then 409).
        'POST /rulings/{id}/withdraw': {
          permission: 'incident:manage',
          attempts: (u) => [
            {
              url: `/api/v1/rulings/${rulingToWithdraw}/withdraw`,
              hidden: u.org === 'us' ? undefined : 'ruling on the org-us incident',
            },
          ],
        },
        // Threads opened by ru to us: ngo finds none (404); to one's own organization is refused (400).
        'POST /hotline': {
          permission: 'hotline:write',
          attempts: () => [{ url: '/api/v1/hotline', payload: hotlineThread('opened by the matrix') }],
        },
        'POST /hotline/{id}/messages': {
          permission: 'hotline:write',
          attempts: (u) => [
            {
              url: `/api/v1/hotline/${r.hotline}/messages`,
              payload: { body: `from ${u.user}` },
              hidden: HOTLINE_PARTIES.includes(u.org) ? undefined : 'hotline thread',
            },
          ],
        },
        // Only the recipient (us) acknowledges, once (then 409); its opener and the secretariat may not.
        'POST /hotline/{id}/acknowledge': {
          permission: 'hotline:write',
          refusedTo: (u) => u.org === 'ru' || u.org === 'un-ose',
          attempts: (u) => [
            {
              url: `/api/v1/hotline/${threadToAcknowledge}/acknowledge`,
              hidden: HOTLINE_PARTIES.includes(u.org) ? undefined : 'hotline thread',
            },
          ],
        },
        // Resolved once (then 409) by a party or the secretariat.
        'POST /hotline/{id}/resolve': {
          permission: 'hotline:write',
          attempts: (u) => [
            {
              url: `/api/v1/hotline/${threadToResolve}/resolve`,
              payload: {},
              hidden: HOTLINE_PARTIES.includes(u.org) ? undefined : 'hotline thread',
            },
          ],
        },
        'POST /users': {
          permission: 'accounts:manage',
          attempts: (u) => [
            { url: '/api/v1/users', payload: { username: `m-${u.user}`, org: u.org, role: 'observer' } },
          ],
        },
        // A user of one's own organization, and one of another (hidden: not found).
        'PATCH /users/{username}': {
          permission: 'accounts:manage',
          attempts: (u) => [
            { url: `/api/v1/users/${u.org}-observer`, payload: { role: 'observer' } },
            {
              url: `/api/v1/users/${u.org === 'us' ? 'ru' : 'us'}-observer`,
              payload: { role: 'observer' },
              hidden: 'user of another organization',
            },
          ],
        },
        // The same password again: the matrix's sessions and sign-ins go on working.
        'POST /users/{username}/password': {
          permission: 'accounts:manage',
          attempts: (u) => [
            { url: `/api/v1/users/${u.org}-humanitarian/password`, payload: { password: PASSWORD } },
            {
              url: `/api/v1/users/${u.org === 'us' ? 'ru' : 'us'}-humanitarian/password`,
              payload: { password: PASSWORD },
              hidden: 'user of another organization',
            },
          ],
        },
        // Notifications: ngo notifies; a recipient acknowledges (the owner and the secretariat see it but are no recipients:
        // 403); only ngo renews and withdraws (the others are refused what they see; the hidden cases are in notifications.int.test.ts).
        'POST /notifications': {
          permission: 'notification:send',
          attempts: () => [{ url: '/api/v1/notifications', payload: notice('us') }],
        },
        'POST /notifications/{id}/acknowledge': {
          permission: 'notification:acknowledge',
          refusedTo: (u) => u.org === 'ngo' || SECRETARIAT.includes(u.org),
          attempts: (u) =>
            NOTIFIED_TO.map((to) => ({
              url: `/api/v1/notifications/${r.notification[to]}/acknowledge`,
              hidden: seesNotification(to, u.org) ? undefined : `notification to ${to}`,
            })),
        },
        'POST /notifications/{id}/renew': {
          permission: 'notification:send',
          refusedTo: (u) => u.org !== 'ngo',
          attempts: (u) =>
            NOTIFIED_TO.filter((to) => seesNotification(to, u.org)).map((to) => ({
              url: `/api/v1/notifications/${r.notification[to]}/renew`,
              payload: {
                valid: { from: '2016-09-02T00:00:00Z', to: '2099-01-01T00:00:00Z' },
                acknowledge_by: '2098-01-01T00:00:00Z',
              },
            })),
        },
        'POST /notifications/{id}/withdraw': {
          permission: 'notification:send',
          refusedTo: (u) => u.org !== 'ngo',
          attempts: (u) =>
            NOTIFIED_TO.filter((to) => seesNotification(to, u.org)).map((to) => ({
              url: `/api/v1/notifications/${r.notification[to]}/withdraw`,
            })),
        },
        // One's own organization's schedule, by its admins; a user of another organization named as a recipient is refused.
        'PUT /daily-report/schedule': {
          permission: 'accounts:manage',
          attempts: () => [
            {
              url: '/api/v1/daily-report/schedule',
              payload: {
                enabled: false,
                send_at: '07:00',
                language: 'en',
                edition: 'public',
                area: null,
                recipients: [],
              },
            },
          ],
        },
        'POST /organizations': {
          permission: 'accounts:manage',
          attempts: (u) => [
            { url: '/api/v1/organizations', payload: { id: `m-${u.user}`, name: 'Matrix', kind: 'other' } },
          ],
        },
        'POST /zones': {
          permission: 'world:manage',
          attempts: (u) => [{ url: '/api/v1/zones', payload: { name: `z-w-${u.user}`, geometry: square(39, 35.5) } }],
        },
        'PUT /zones/{id}/control': {
          permission: 'world:manage',
          attempts: (u) =>
            targets('zone', u, (id) => `/api/v1/zones/${id}/control`, {
              control: [{ actors: ['sy-gov'], from: '2016-01-01T00:00:00Z' }],
            }),
        },
        'PATCH /zones/{id}': {
          permission: 'world:manage',
          attempts: (u) => targets('zone', u, (id) => `/api/v1/zones/${id}`, { name: `zone of ${u.user}` }),
        },
        'PUT /zones/{id}/geometry': {
          permission: 'world:manage',
          attempts: (u) => targets('zone', u, (id) => `/api/v1/zones/${id}/geometry`, { geometry: square(38.8, 34.7) }),
        },
        'POST /zones/{id}/control': {
          permission: 'world:manage',
          attempts: (u) =>
            targets('zone', u, (id) => `/api/v1/zones/${id}/control`, {
              at: '2040-01-01T00:00:00Z',
              actors: ['fsa-south'],
            }),
        },
        'POST /protected-sites': {
          permission: 'plan:manage',
          attempts: () => [
            {
              url: '/api/v1/protected-sites',
              payload: {
                kind: 'school',
                owner: 'msf',
                buffer_m: 100,
                geometry: { type: 'Point', coordinates: [40, 35] },
                valid: { from: '2016-01-01T00:00:00Z', to: null },
              },
            },
          ],
        },
        'POST /operations': {
          permission: 'operation:declare',
          attempts: () => [
            {
              url: '/api/v1/operations',
              payload: {
                actor: 'ru',
                kind: 'air_strike',
                area: { type: 'Point', coordinates: PLAN_SPOT },
                window: { from: '2016-10-01T00:00:00Z', to: '2016-10-02T00:00:00Z' },
              },
            },
          ],
        },
        // Public notices by ru: ru changes and withdraws (once: then 409); the others see them and are refused (hidden ones: notices.int.test.ts).
        'PATCH /operations/{id}': {
          permission: 'operation:declare',
          refusedTo: (u) => u.org !== 'ru',
          attempts: () => [{ url: `/api/v1/operations/${noticeToChange}`, payload: { radius_m: 100 } }],
        },
        'POST /operations/{id}/withdraw': {
          permission: 'operation:declare',
          refusedTo: (u) => u.org !== 'ru',
          attempts: () => [{ url: `/api/v1/operations/${noticeToWithdraw}/withdraw` }],
        },
        // us's positions (shared with ru): us records, changes and withdraws (once: then 409); ru sees them and is refused;
        // to the others they do not exist (the hidden cases are in positions.int.test.ts).
        'POST /positions': {
          permission: 'position:manage',
          attempts: () => [{ url: '/api/v1/positions', payload: matrixPosition('recorded by the matrix') }],
        },
        'PATCH /positions/{id}': {
          permission: 'position:manage',
          refusedTo: (u) => u.org !== 'us',
          attempts: (u) =>
            POSITION_SEERS.includes(u.org)
              ? [{ url: `/api/v1/positions/${r.position}`, payload: { buffer_m: 400 } }]
              : [],
        },
        'POST /positions/{id}/withdraw': {
          permission: 'position:manage',
          refusedTo: (u) => u.org !== 'us',
          attempts: (u) =>
            POSITION_SEERS.includes(u.org) ? [{ url: `/api/v1/positions/${positionToWithdraw}/withdraw` }] : [],
        },
        'POST /operations/check': {
          permission: null,
          attempts: () => [
            {
              url: '/api/v1/operations/check',
              payload: {
                actor: 'ru',
                kind: 'air_strike',
                area: { type: 'Point', coordinates: PLAN_SPOT },
                window: { from: '2016-10-01T00:00:00Z', to: '2016-10-02T00:00:00Z' },
              },
            },
          ],
        },
        // Besieged areas: analysts and admins record and change them; humanitarians too add estimates and deliveries.
        'POST /besieged-areas': {
          permission: 'besieged:manage',
          attempts: (u) => [
            {
              url: '/api/v1/besieged-areas',
              payload: {
                name: `siege of ${u.user}`,
                geometry: square(39.5, 35.5),
                status: { status: 'hard_to_reach', since: '2016-02-01' },
              },
            },
          ],
        },
        'PATCH /besieged-areas/{id}': {
          permission: 'besieged:manage',
          attempts: (u) =>
            targets('besiegedArea', u, (id) => `/api/v1/besieged-areas/${id}`, {
              status: { status: 'besieged', since: '2016-03-01' },
            }),
        },
        'POST /besieged-areas/{id}/estimates': {
          permission: 'besieged:count',
          attempts: (u) =>
            targets('besiegedArea', u, (id) => `/api/v1/besieged-areas/${id}/estimates`, {
              as_of: '2016-07-01',
              population: 77,
              source: `count by ${u.user}`,
            }),
        },
        'POST /besieged-areas/{id}/deliveries': {
          permission: 'besieged:count',
          attempts: (u) =>
            targets('besiegedArea', u, (id) => `/api/v1/besieged-areas/${id}/deliveries`, {
              delivered_on: '2016-07-01',
              source: `delivery by ${u.user}`,
            }),
        },
        'POST /population-estimates': {
          permission: 'besieged:count',
          attempts: () => [
            { url: '/api/v1/population-estimates', payload: { as_of: '2016-07-01', population: 1, source: 'matrix' } },
          ],
        },
        'POST /local-agreements': {
          permission: 'local_agreement:manage',
          attempts: () => [
            {
              url: '/api/v1/local-agreements',
              payload: {
                name: 'a new deal',
                zone_id: 'z-daraya',
                concluded_on: '2016-08-25',
                parties: [{ role: 'party', actor: 'fsa-south' }],
              },
            },
          ],
        },
        'PATCH /local-agreements/{id}': {
          permission: 'local_agreement:manage',
          attempts: (u) =>
            targets('localAgreement', u, (id) => `/api/v1/local-agreements/${id}`, { terms: `terms of ${u.user}` }),
        },
        'POST /local-agreements/{id}/evacuations': {
          permission: 'local_agreement:manage',
          attempts: (u) =>
            targets('localAgreement', u, (id) => `/api/v1/local-agreements/${id}/evacuations`, {
              status: 'planned',
              started_on: '2016-08-26',
              origins: [{ name: 'Daraya' }],
              destinations: [{ name: 'Idlib' }],
            }),
        },
        'PATCH /local-agreements/{id}/evacuations/{evacuationId}': {
          permission: 'local_agreement:manage',
          attempts: (u) =>
            CLASSES.map((cls) => ({
              url: `/api/v1/local-agreements/${r.localAgreement[cls]}/evacuations/${r.evacuation[cls]}`,
              payload: { status: 'under_way' },
              hidden: visible(cls, u.org) ? undefined : `local agreement ${cls}`,
            })),
        },
        'POST /convoys': {
          permission: 'plan:manage',
          attempts: () => [
            {
              url: '/api/v1/convoys',
              payload: {
                organizer: 'un',
                route: { type: 'Point', coordinates: [36, 33] },
                window: { from: '2016-10-01T00:00:00Z' },
              },
            },
          ],
        },
      };
      // Convoy requests by ngo, each in the state its step follows (ru decides for the government, un-ose is the secretariat).
      const convoyAt = async (name: string, stage: number): Promise<string> => {
        const id = (await must(server, 'ngo-humanitarian', 'POST', '/api/v1/convoy-requests', convoyDraft(name))).id;
        const steps: [string, string, Record<string, unknown>][] = [
          ['ngo-humanitarian', 'submit', {}],
          ['ru-analyst', 'decisions', { actor: 'sy-gov', decision: 'approve' }],
          ['un-ose-analyst', 'letter', {}],
          ['ngo-humanitarian', 'dispatch', { trucks: 2 }],
          ['ngo-humanitarian', 'arrive', {}],
        ];
        for (const [user, step, body] of steps.slice(0, stage))
          await must(server, user, 'POST', `/api/v1/convoy-requests/${id}/${step}`, body);
        return id;
      };
      const convoy = {
        toEdit: await convoyAt('to edit', 0),
        toSubmit: await convoyAt('to submit', 0),
        toDecide: await convoyAt('to decide', 1),
        toLetter: await convoyAt('to give a letter', 2),
        toDispatch: await convoyAt('to dispatch', 3),
        toArrive: await convoyAt('to arrive', 4),
        toTurnBack: await convoyAt('to turn back', 4),
        toAttack: await convoyAt('to attack', 4),
        toDeliver: await convoyAt('to deliver', 5),
      };
      /** A step on a request: hidden from who does not see it (the draft's stage is ngo's and the secretariat's only). */
      const convoyStep =
        (id: string, step: string, payload: Record<string, unknown>, stage: ConvoyStage = 'submitted') =>
        (u: Reader): Attempt[] => [
          {
            url: `/api/v1/convoy-requests/${id}${step}`,
            payload,
            hidden: seesConvoyRequest(stage, u.org) ? undefined : `convoy request (${stage})`,
          },
        ];
      Object.assign(writes, {
        'POST /convoy-requests': {
          permission: 'convoy:organize',
          attempts: () => [{ url: '/api/v1/convoy-requests', payload: convoyDraft('write matrix') }],
        },
        // The secretariat sees a draft but it is the organizer's to change and submit (403); the others do not see it (404).
        'PUT /convoy-requests/{id}': {
          permission: 'convoy:organize',
          refusedTo: (u: Reader) => u.org === 'un-ose',
          attempts: convoyStep(convoy.toEdit, '', convoyDraft('edited'), 'draft'),
        },
        'POST /convoy-requests/{id}/submit': {
          permission: 'convoy:organize',
          refusedTo: (u: Reader) => u.org === 'un-ose',
          attempts: convoyStep(convoy.toSubmit, '/submit', {}, 'draft'),
        },
        // ru decides for the government, the secretariat for any party; ngo sees the request but decides for no party.
        'POST /convoy-requests/{id}/decisions': {
          permission: 'convoy:decide',
          refusedTo: (u: Reader) => u.org === 'ngo',
          attempts: convoyStep(convoy.toDecide, '/decisions', { actor: 'sy-gov', decision: 'approve' }),
        },
        'POST /convoy-requests/{id}/letter': {
          permission: 'convoy:facilitate',
          refusedTo: (u: Reader) => u.org === 'ngo' || u.org === 'ru',
          attempts: convoyStep(convoy.toLetter, '/letter', { reference: 'matrix' }),
        },
        'POST /convoy-requests/{id}/dispatch': {
          permission: 'convoy:organize',
          refusedTo: (u: Reader) => u.org === 'un-ose' || u.org === 'ru',
          attempts: convoyStep(convoy.toDispatch, '/dispatch', { trucks: 2 }),
        },
        'POST /convoy-requests/{id}/arrive': {
          permission: 'convoy:organize',
          refusedTo: (u: Reader) => u.org === 'un-ose' || u.org === 'ru',
          attempts: convoyStep(convoy.toArrive, '/arrive', {}),
        },
        'POST /convoy-requests/{id}/turn-back': {
          permission: 'convoy:organize',
          refusedTo: (u: Reader) => u.org === 'un-ose' || u.org === 'ru',
          attempts: convoyStep(convoy.toTurnBack, '/turn-back', {
            location: { lon: 36.26, lat: 33.52 },
            by: 'sy-gov',
            reason: 'matrix',
          }),
        },
        'POST /convoy-requests/{id}/attack': {
          permission: 'convoy:organize',
          refusedTo: (u: Reader) => u.org === 'un-ose' || u.org === 'ru',
          attempts: convoyStep(convoy.toAttack, '/attack', {
            location: { lon: 36.26, lat: 33.52 },
            by: null,
            reason: 'matrix',
          }),
        },
        'POST /convoy-requests/{id}/deliver': {
          permission: 'convoy:organize',
          refusedTo: (u: Reader) => u.org === 'un-ose' || u.org === 'ru',
          attempts: convoyStep(convoy.toDeliver, '/deliver', { beneficiaries_reached: 10, lines: [{ delivered: 50 }] }),
        },
        'PUT /convoy-requests/representatives/{org}': {
          permission: 'accounts:manage',
          attempts: () => [{ url: '/api/v1/convoy-requests/representatives/ngo', payload: { actor: 'msf' } }],
        },
      });
      // Negotiation rooms on the task force's agreement (so that a publication leaves the public one as it is): one with
      // un-ose invited, for the writes in a room, and one of the co-chairs alone, for the invitation (us's admin, tried
      // first, invites un-ose: from then on un-ose is a member, refused as no co-chair; ngo never sees either room).
      const roomOf = async (title: string) =>
        (
          await must(server, 'us-analyst', 'POST', '/api/v1/negotiation-rooms', {
            title,
            agreement_id: r.agreement.task_force,
          })
        ).id as string;
      const room = await roomOf('write matrix room');
      const inviteRoom = await roomOf('write matrix invitation');
      await must(server, 'us-analyst', 'POST', `/api/v1/negotiation-rooms/${room}/members`, { org: 'un-ose' });
      const roomClause = async (code: string | null) =>
        (
          await must(server, 'us-analyst', 'POST', `/api/v1/negotiation-rooms/${room}/clauses`, {
            number: '1',
            text: 'write matrix clause',
            code,
          })
        ).id as string;
      const clauseToEdit = await roomClause(null);
      const clauseToPublish = await roomClause('T1');
      const proposal = (
        await must(server, 'us-analyst', 'POST', `/api/v1/negotiation-rooms/${room}/publications`, {
          versions: [{ clause: clauseToPublish, version: 1 }],
        })
      ).id as string;
      const inRoom =
        (url: string, payload?: Record<string, unknown>, members = ROOM_MEMBERS) =>
        (u: Reader): Attempt[] => [
          { url, ...(payload ? { payload } : {}), hidden: members.includes(u.org) ? undefined : 'negotiation room' },
        ];
      const roomUrl = `/api/v1/negotiation-rooms/${room}`;
      Object.assign(writes, {
        'POST /negotiation-rooms': {
          permission: 'negotiation:write',
          refusedTo: (u: Reader) => !CO_CHAIRS.includes(u.org),
          attempts: () => [
            { url: '/api/v1/negotiation-rooms', payload: { title: 'write matrix', agreement_id: r.agreement.public } },
          ],
        },
        'POST /negotiation-rooms/{id}/members': {
          permission: 'negotiation:write',
          refusedTo: (u: Reader) => u.org === 'un-ose',
          attempts: inRoom(`/api/v1/negotiation-rooms/${inviteRoom}/members`, { org: 'un-ose' }),
        },
        'POST /negotiation-rooms/{id}/clauses': {
          permission: 'negotiation:write',
          attempts: inRoom(`${roomUrl}/clauses`, { number: '9', text: 'added' }),
        },
        'PUT /negotiation-rooms/{id}/clauses/{clauseId}': {
          permission: 'negotiation:write',
          attempts: (u: Reader) =>
            inRoom(`${roomUrl}/clauses/${clauseToEdit}`, { number: '1', text: `edited by ${u.user}` })(u),
        },
        'POST /negotiation-rooms/{id}/clauses/{clauseId}/positions': {
          permission: 'negotiation:write',
          attempts: inRoom(`${roomUrl}/clauses/${clauseToEdit}/positions`, { stance: 'open' }),
        },
        'POST /negotiation-rooms/{id}/publications': {
          permission: 'negotiation:write',
          attempts: inRoom(`${roomUrl}/publications`, { versions: [{ clause: clauseToPublish, version: 1 }] }),
        },
        // Only the co-chairs the agreement names approve (un-ose, a member, is refused); us's then ru's admin approve first,
        // so that publishing (tried next) succeeds for us's admin and then finds it published.
        'POST /negotiation-rooms/{id}/publications/{publicationId}/approve': {
          permission: 'negotiation:write',
          refusedTo: (u: Reader) => u.org === 'un-ose',
          attempts: inRoom(`${roomUrl}/publications/${proposal}/approve`),
        },
        'POST /negotiation-rooms/{id}/publications/{publicationId}/publish': {
          permission: 'negotiation:write',
          attempts: inRoom(`${roomUrl}/publications/${proposal}/publish`),
        },
        'POST /negotiation-rooms/{id}/acceptances': {
          permission: 'negotiation:write',
          attempts: inRoom(`${roomUrl}/acceptances`, { actor: 'sy-gov', accepted_at: '2016-02-26T12:00:00Z' }),
        },
      });
      const threadToAcknowledge = (
        await must(server, 'ru-analyst', 'POST', '/api/v1/hotline', hotlineThread('to acknowledge'))
      ).id;
      const threadToResolve = (await must(server, 'ru-analyst', 'POST', '/api/v1/hotline', hotlineThread('to resolve')))
        .id;
      const noticeToChange = (await must(server, 'ru-analyst', 'POST', '/api/v1/operations', matrixNotice('public')))
        .operation.id;
      const noticeToWithdraw = (await must(server, 'ru-analyst', 'POST', '/api/v1/operations', matrixNotice('public')))
        .operation.id;
      const positionToWithdraw = (
        await must(server, 'us-analyst', 'POST', '/api/v1/positions', matrixPosition('to withdraw'))
      ).id;
      const rulingToApprove = r.ruling.public!;
      const rulingToWithdraw = r.ruling['org-us']!;
      // An incident with no ruling yet, for the first co-chair to propose one on.
      const unruled = await must(server, 'us-analyst', 'POST', '/api/v1/incidents', {
        occurred_at: AT,
        location: SPOT,
        act: 'air_strike',
        perpetrator: 'sy-gov',
        classification: 'task_force',
      });
      const mergeable = await must(server, 'us-analyst', 'POST', '/api/v1/incidents', {
        occurred_at: AT,
        location: SPOT,
        act: 'shelling',
        classification: 'public',
      });
      const unruledFinding = (
        await server.call('us-analyst', { method: 'GET', url: `/api/v1/findings?subject=${unruled.id}&limit=1` })
      ).json().items[0].key as string;
      // A token per user, for the revocation cases (made as the owner: they are the owner's writes, not the matrix's).
      const tokens = new Map<string, string>();
      for (const reader of READERS)
        tokens.set(
          reader.user,
          (await must(server, reader.user, 'POST', '/api/v1/auth/tokens', { name: 'to revoke' })).id,
        );
      // Two webhooks per user, for the change and the deletion cases (made as their owner).
      const hooks = new Map<string, string>();
      const doomed = new Map<string, string>();
      for (const reader of READERS) {
        hooks.set(reader.user, (await must(server, reader.user, 'POST', '/api/v1/webhooks', webhook('to change'))).id);
        doomed.set(reader.user, (await must(server, reader.user, 'POST', '/api/v1/webhooks', webhook('to delete'))).id);
      }
      const SKIPPED = new Set(['POST /auth/login', 'POST /auth/logout']); // tested in auth tests; logout would end the cached sessions
      const ops = (await operations(server))
        .filter((o) => o.method !== 'GET')
        .map((o) => `${o.method} ${o.path}`)
        .filter((o) => !SKIPPED.has(o));
      expect(
        ops.filter((o) => !(o in writes)),
        'write endpoints with no matrix case',
      ).toEqual([]);

      // The newest audit entry's place: an entry written moves it (a count would scan the growing log at each of 4,000 checks).
      const auditHead = async () =>
        (await db().query<{ seq: string }>(`select coalesce(max(seq), 0)::text as seq from audit_log`))[0]!.seq;
      const failures: string[] = [];
      const succeeded = new Set<string>();
      let checked = 0;
      for (const op of ops) {
        const [method] = op.split(' ') as ['POST' | 'PUT' | 'PATCH' | 'DELETE'];
        const { permission, roles, refusedTo, attempts } = writes[op]!;
        // A stranger: 401, nothing written.
        for (const a of [
          ...attempts(READERS[0]!),
          { url: attempts(READERS[0]!)[0]!.url, payload: { nonsense: true } } as Attempt,
        ]) {
          const before = await auditHead();
          const res = await server.call(null, {
            method,
            url: a.url,
            ...(a.payload ? { payload: a.payload } : {}),
            ...(a.headers ? { headers: a.headers } : {}),
          });
          checked++;
          if (res.statusCode !== 401) failures.push(`stranger ${op} ${a.url}: ${res.statusCode}, expected 401`);
          if ((await auditHead()) !== before) failures.push(`stranger ${op} ${a.url}: wrote to the audit log`);
        }
        for (const reader of READERS) {
          const allowed =
            (permission === null || (roles ?? (PERMISSIONS[permission] as readonly string[])).includes(reader.role)) &&
            !refusedTo?.(reader);
          for (const a of attempts(reader)) {
            const before = await auditHead();
            const res = await server.call(reader.user, {
              method,
              url: a.url,
              ...(a.payload ? { payload: a.payload } : {}),
              ...(a.headers ? { headers: a.headers } : {}),
            });
            const wrote = (await auditHead()) !== before;
            const what = `${reader.user} ${op} ${a.url}${a.hidden ? ` (hidden ${a.hidden})` : ''}`;
            checked++;
            if (!allowed) {
              if (res.statusCode !== 403) failures.push(`${what}: ${res.statusCode}, expected 403`);
            } else if (a.hidden) {
              const expected = HIDDEN_STATUS[op] ?? [404];
              if (!expected.includes(res.statusCode))
                failures.push(
                  `${what}: ${res.statusCode}, expected ${expected.join(' or ')} ${res.body.slice(0, 200)}`,
                );
            } else if (res.statusCode >= 500 || res.statusCode === 401 || res.statusCode === 403) {
              failures.push(`${what}: ${res.statusCode} ${res.body.slice(0, 200)}`);
            }
            if (res.statusCode < 300) succeeded.add(op);
            if (res.statusCode >= 400 && wrote)
              failures.push(`${what}: refused with ${res.statusCode} but wrote to the audit log`);
          }
        }
      }
      console.info(`authorization matrix [${db().kind}]: ${ops.length} write endpoints, ${checked} write checks`);
      expect(failures).toEqual([]);
      expect(
        ops.filter((op) => !succeeded.has(op)),
        'write endpoints no permitted user could use',
      ).toEqual([]);
    } finally {
      await server.close();
    }
  }, 600_000);
});
