import { describe, expect, it } from 'vitest';
import { bundleToWorld } from './convert.ts';
import { formatPath, formatProblem, type Validation, validateBundle, validateBundleText } from './validate.ts';

const square = [
  [
    [36, 33],
    [36.1, 33],
    [36.1, 33.1],
    [36, 33.1],
    [36, 33],
  ],
];

/** A small bundle that is valid: every section present, every reference resolved. */
function validBundle() {
  return {
    format: 'truce-scenario/1',
    name: 'Test',
    timezone: '+03:00',
    host_state: 'gov',
    actors: [
      { id: 'gov', name: 'Government', kind: 'state' },
      { id: 'reb', name: 'Rebels', kind: 'armed_group' },
      { id: 'nus', name: 'Nusra', kind: 'armed_group', designated: true },
      { id: 'un', name: 'UN', kind: 'un' },
      { id: 'msf', name: 'MSF', kind: 'humanitarian' },
    ],
    agreements: [
      {
        id: 'coh',
        title: 'CoH',
        in_force: [{ from: '2016-02-27T00:00:00+02:00', to: null }],
        scope: null,
        parties: [{ actor: 'gov', accepted_at: '2016-02-26T10:00:00+02:00', until: null }],
        excluded: ['nus'],
        prohibited: ['air_strike', 'shelling', 'territory_seizure'],
        self_defense: true,
      },
    ],
    zones: [
      {
        id: 'z1',
        name: 'Zone',
        geometry: { type: 'Polygon', coordinates: square },
        control: [
          { actors: ['reb'], from: '2012-01-01T00:00:00Z', to: '2016-08-27T00:00:00+03:00' },
          { actors: ['gov'], from: '2016-08-27T00:00:00+03:00', to: null },
        ],
      },
    ],
    incidents: [
      {
        id: 'i0',
        occurred_at: '2016-04-27T22:00:00+03:00',
        location: { lon: 36.05, lat: 33.05 },
        act: 'air_strike',
        perpetrator: 'gov',
        target: { civilian: 'hospital' },
        self_defense_claim: false,
      },
      {
        id: 'i1',
        occurred_at: '2016-04-28T22:00:00+03:00',
        location: { lon: 36.05, lat: 33.05 },
        act: 'shelling',
        perpetrator: null,
        target: null,
      },
      {
        id: 'i2',
        occurred_at: '2016-04-29T22:00:00+03:00',
        location: { lon: 36.05, lat: 33.05 },
        act: 'shelling',
        perpetrator: 'reb',
        target: { actor: 'gov' },
      },
      { id: 'i3', occurred_at: '2016-04-30T22:00:00+03:00', location: { lon: 36.05, lat: 33.05 }, act: 'shelling' },
      {
        id: 'i4',
        occurred_at: '2016-05-01T22:00:00+03:00',
        location: { lon: 36.05, lat: 33.05 },
        act: 'small_arms',
        perpetrator: 'gov',
      },
    ],
    protected_sites: [
      {
        id: 's1',
        kind: 'hospital',
        owner: 'msf',
        geometry: { type: 'Point', coordinates: [36.05, 33.05] },
        buffer_m: 500,
        valid: { from: '2016-01-01T00:00:00Z', to: null },
        notified_to: ['gov'],
      },
    ],
    operations: [
      {
        id: 'o1',
        actor: 'gov',
        kind: 'air_strike',
        area: { type: 'Point', coordinates: [36.06, 33.05] },
        radius_m: 300,
        window: { from: '2016-04-27T20:00:00+03:00', to: '2016-04-28T02:00:00+03:00' },
      },
    ],
    convoys: [
      {
        id: 'c1',
        organizer: 'un',
        route: {
          type: 'LineString',
          coordinates: [
            [36, 33.05],
            [36.2, 33.05],
          ],
        },
        window: { from: '2016-05-12T06:00:00+03:00', to: '2016-05-12T18:00:00+03:00' },
      },
    ],
    calm: { agreement: 'coh', from: '2016-09-12', to: '2016-09-20', threshold_per_day: 2, days_required: 7 },
  };
}
type B = ReturnType<typeof validBundle>;
/** A valid bundle changed by `edit` (which may delete or set anything). */
function bundleWith(edit: (b: B & Record<string, unknown>) => void): unknown {
  const b = validBundle() as B & Record<string, unknown>;
  edit(b);
  return b;
}
function problemsOf(v: Validation): string[] {
  if (v.ok) throw new Error('expected the bundle to be rejected, but it was accepted');
  return v.problems.map(formatProblem);
}

describe('validateBundle: a valid bundle', () => {
  it('is accepted, with defaults filled in', () => {
    const v = validateBundle(validBundle());
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.bundle.actors[0]).toMatchObject({ id: 'gov', aliases: [], designated: false });
    expect(v.bundle.actors[2]!.designated).toBe(true);
    expect(v.bundle.incidents[3]).toMatchObject({ perpetrator: null, target: null, self_defense_claim: false });
    expect(v.bundle.agreements[0]!.clauses).toEqual([]);
  });

  it('needs only a format; every list defaults to empty, the timezone to Z and calm to null', () => {
    const v = validateBundle({ format: 'truce-scenario/1' });
    expect(v).toMatchObject({
      ok: true,
      bundle: { timezone: 'Z', host_state: null, actors: [], incidents: [], calm: null },
    });
  });

  it.each(['Z', '+03:00', '-05:00', 'Asia/Damascus', 'UTC'])('accepts timezone %j', (timezone) => {
    expect(
      validateBundle(
        bundleWith((b) => {
          b.timezone = timezone;
        }),
      ).ok,
    ).toBe(true);
  });

  it('accepts a MultiPolygon zone with a hole and a polygon scope', () => {
    const hole = [
      [36.02, 33.02],
      [36.03, 33.02],
      [36.03, 33.03],
      [36.02, 33.03],
      [36.02, 33.02],
    ];
    expect(
      validateBundle(
        bundleWith((b) => {
          (b.zones[0] as Record<string, unknown>).geometry = { type: 'MultiPolygon', coordinates: [[square[0], hole]] };
          (b.agreements[0] as Record<string, unknown>).scope = { type: 'Polygon', coordinates: square };
        }),
      ).ok,
    ).toBe(true);
  });
});

describe('validateBundle: every problem, each with its JSON path', () => {
  it('reports all of them at once, schema problems and reference problems together', () => {
    const bad = bundleWith((b) => {
      b.incidents[3]!.location.lat = 91;
      b.incidents[4]!.perpetrator = 'nobody';
      (b.incidents[2] as Record<string, unknown>).act = 'bombing';
      b.incidents[1]!.occurred_at = '2016-02-30T00:00:00Z';
      b.actors[1]!.kind = 'alien';
      b.agreements[0]!.parties[0]!.actor = 'ghost';
      b.zones[0]!.control[1]!.actors = ['gov', 'phantom'];
      b.operations[0]!.radius_m = -5;
      b.convoys[0]!.organizer = 'red-cross';
      b.protected_sites[0]!.notified_to = ['gov', 'ru'];
      b.calm.agreement = 'nope';
    });
    const problems = problemsOf(validateBundle(bad));
    expect(problems).toEqual(
      expect.arrayContaining([
        'incidents[3].location.lat: must be between -90 and 90',
        'incidents[4].perpetrator: unknown actor "nobody"',
        'agreements[0].parties[0].actor: unknown actor "ghost"',
        'zones[0].control[1].actors[1]: unknown actor "phantom"',
        'operations[0].radius_m: must be 0 or more',
        'convoys[0].organizer: unknown actor "red-cross"',
        'protected_sites[0].notified_to[1]: unknown actor "ru"',
        'calm.agreement: unknown agreement "nope"',
      ]),
    );
    expect(problems.some((p) => p.startsWith('incidents[2].act: must be one of') && p.includes('"air_strike"'))).toBe(
      true,
    );
    expect(
      problems.some((p) => p.startsWith('incidents[1].occurred_at: must be an ISO 8601 date-time with an offset')),
    ).toBe(true);
    expect(problems.some((p) => p.startsWith('actors[1].kind: must be one of') && p.includes('"armed_group"'))).toBe(
      true,
    );
    expect(problems).toHaveLength(11);
  });

  it('an actor whose record is malformed still counts as known to the references', () => {
    const problems = problemsOf(
      validateBundle(
        bundleWith((b) => {
          b.actors[1]!.kind = 'alien';
        }),
      ),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^actors\[1\]\.kind: /);
  });

  it('lists problems in document order (by section, then index)', () => {
    const bad = bundleWith((b) => {
      b.calm.agreement = 'nope';
      b.incidents[4]!.perpetrator = 'nobody';
      b.incidents[3]!.location.lat = 91;
      b.actors[0]!.kind = 'alien';
    });
    expect(problemsOf(validateBundle(bad)).map((p) => p.split(':')[0])).toEqual([
      'actors[0].kind',
      'incidents[3].location.lat',
      'incidents[4].perpetrator',
      'calm.agreement',
    ]);
  });
});

describe('validateBundle: references', () => {
  it.each([
    {
      name: 'host state',
      edit: (b: B) => {
        b.host_state = 'nobody';
      },
      problem: 'host_state: unknown actor "nobody"',
    },
    {
      name: 'excluded actor',
      edit: (b: B) => {
        b.agreements[0]!.excluded = ['nus', 'isil'];
      },
      problem: 'agreements[0].excluded[1]: unknown actor "isil"',
    },
    {
      name: 'target actor',
      edit: (b: B) => {
        b.incidents[2]!.target = { actor: 'nobody' };
      },
      problem: 'incidents[2].target.actor: unknown actor "nobody"',
    },
    {
      name: 'site owner',
      edit: (b: B) => {
        b.protected_sites[0]!.owner = 'nobody';
      },
      problem: 'protected_sites[0].owner: unknown actor "nobody"',
    },
    {
      name: 'operation actor',
      edit: (b: B) => {
        b.operations[0]!.actor = 'nobody';
      },
      problem: 'operations[0].actor: unknown actor "nobody"',
    },
  ])('an unknown $name', ({ edit, problem }) => {
    expect(problemsOf(validateBundle(bundleWith(edit)))).toEqual([problem]);
  });
});

describe('validateBundle: duplicate ids', () => {
  it.each([
    {
      kind: 'actors',
      edit: (b: B) => {
        b.actors.push({ id: 'reb', name: 'Again', kind: 'armed_group' });
      },
      problem: 'actors[5].id: duplicate id "reb"',
    },
    {
      kind: 'agreements',
      edit: (b: B) => {
        b.agreements.push({ ...b.agreements[0]! });
      },
      problem: 'agreements[1].id: duplicate id "coh"',
    },
    {
      kind: 'zones',
      edit: (b: B) => {
        b.zones.push({ ...b.zones[0]! });
      },
      problem: 'zones[1].id: duplicate id "z1"',
    },
    {
      kind: 'incidents',
      edit: (b: B) => {
        b.incidents[4]!.id = 'i1';
      },
      problem: 'incidents[4].id: duplicate id "i1"',
    },
    {
      kind: 'protected_sites',
      edit: (b: B) => {
        b.protected_sites.push({ ...b.protected_sites[0]! });
      },
      problem: 'protected_sites[1].id: duplicate id "s1"',
    },
    {
      kind: 'operations',
      edit: (b: B) => {
        b.operations.push({ ...b.operations[0]! });
      },
      problem: 'operations[1].id: duplicate id "o1"',
    },
    {
      kind: 'convoys',
      edit: (b: B) => {
        b.convoys.push({ ...b.convoys[0]! });
      },
      problem: 'convoys[1].id: duplicate id "c1"',
    },
  ])('$kind', ({ edit, problem }) => {
    expect(problemsOf(validateBundle(bundleWith(edit)))).toEqual([problem]);
  });

  it('the same id in two kinds is fine', () => {
    expect(
      validateBundle(
        bundleWith((b) => {
          b.zones[0]!.id = 'gov';
          b.incidents[0]!.id = 'coh';
        }),
      ).ok,
    ).toBe(true);
  });

  it('each repeat is reported', () => {
    const problems = problemsOf(
      validateBundle(
        bundleWith((b) => {
          b.incidents[2]!.id = 'i0';
          b.incidents[4]!.id = 'i0';
        }),
      ),
    );
    expect(problems).toEqual(['incidents[2].id: duplicate id "i0"', 'incidents[4].id: duplicate id "i0"']);
  });
});

describe('validateBundle: time strings and intervals', () => {
  const ISO = 'must be an ISO 8601 date-time with an offset, e.g. 2016-02-27T00:00:00+02:00';
  it.each([
    { why: 'no offset', value: '2016-04-27T22:00:00' },
    { why: 'an impossible date', value: '2016-02-30T00:00:00Z' },
    { why: 'month 13', value: '2016-13-01T00:00:00Z' },
    { why: 'a date only', value: '2016-04-27' },
    { why: 'words', value: 'last Tuesday' },
  ])('occurred_at with $why', ({ value }) => {
    expect(
      problemsOf(
        validateBundle(
          bundleWith((b) => {
            b.incidents[0]!.occurred_at = value;
          }),
        ),
      ),
    ).toEqual([`incidents[0].occurred_at: ${ISO}`]);
  });

  it('a number instead of a time string', () => {
    expect(
      problemsOf(
        validateBundle(
          bundleWith((b) => {
            (b.incidents[0] as Record<string, unknown>).occurred_at = 1461783600000;
          }),
        ),
      ),
    ).toEqual(['incidents[0].occurred_at: must be a string, not a number']);
  });

  it.each([
    {
      where: 'in_force',
      edit: (b: B) => {
        b.agreements[0]!.in_force[0]!.from = '2016-02-27';
      },
      path: 'agreements[0].in_force[0].from',
    },
    {
      where: 'accepted_at',
      edit: (b: B) => {
        b.agreements[0]!.parties[0]!.accepted_at = '2016-02-26T10:00:00+0200';
      },
      path: 'agreements[0].parties[0].accepted_at',
    },
    {
      where: 'a control entry end',
      edit: (b: B) => {
        b.zones[0]!.control[0]!.to = '2016-08-27T24:00:00+03:00';
      },
      path: 'zones[0].control[0].to',
    },
    {
      where: 'a site validity',
      edit: (b: B) => {
        b.protected_sites[0]!.valid.from = 'soon';
      },
      path: 'protected_sites[0].valid.from',
    },
  ])('a bad time in $where', ({ edit, path }) => {
    expect(problemsOf(validateBundle(bundleWith(edit)))).toEqual([`${path}: ${ISO}`]);
  });

  it.each([
    {
      name: 'an operation window that ends when it starts',
      edit: (b: B) => {
        b.operations[0]!.window.to = b.operations[0]!.window.from;
      },
      problem: 'operations[0].window.to: must be after from',
    },
    {
      name: 'a convoy window that ends before it starts',
      edit: (b: B) => {
        b.convoys[0]!.window.to = '2016-05-12T05:00:00+03:00';
      },
      problem: 'convoys[0].window.to: must be after from',
    },
    {
      name: 'a control entry that ends before it starts',
      edit: (b: B) => {
        b.zones[0]!.control[0]!.to = '2011-01-01T00:00:00Z';
      },
      problem: 'zones[0].control[0].to: must be after from',
    },
    {
      name: 'a withdrawal before acceptance',
      edit: (b: B) => {
        (b.agreements[0]!.parties[0] as { until: string | null }).until = '2016-02-26T09:00:00+02:00';
      },
      problem: 'agreements[0].parties[0].until: must be after accepted_at',
    },
    {
      name: 'calm ending before it starts',
      edit: (b: B) => {
        b.calm.to = '2016-09-11';
      },
      problem: 'calm.to: must not be before from',
    },
  ])('$name', ({ edit, problem }) => {
    expect(problemsOf(validateBundle(bundleWith(edit)))).toEqual([problem]);
  });

  it('an interval comparing instants, not strings: the same moment in two offsets is empty', () => {
    const problems = problemsOf(
      validateBundle(
        bundleWith((b) => {
          b.operations[0]!.window = { from: '2016-04-27T20:00:00+03:00', to: '2016-04-27T17:00:00Z' };
        }),
      ),
    );
    expect(problems).toEqual(['operations[0].window.to: must be after from']);
  });

  it('a calm date that does not exist', () => {
    expect(
      problemsOf(
        validateBundle(
          bundleWith((b) => {
            b.calm.from = '2016-02-30';
          }),
        ),
      ),
    ).toEqual(['calm.from: must be a date YYYY-MM-DD']);
  });

  it('an unknown timezone', () => {
    expect(
      problemsOf(
        validateBundle(
          bundleWith((b) => {
            b.timezone = 'Mars/Olympus_Mons';
          }),
        ),
      ),
    ).toEqual(['timezone: must be "Z", an offset such as "+03:00", or an IANA zone such as "Asia/Damascus"']);
  });
});

describe('validateBundle: geometry', () => {
  it('an unclosed polygon ring', () => {
    const open = [
      [36, 33],
      [36.1, 33],
      [36.1, 33.1],
      [36, 33.1],
    ];
    expect(
      problemsOf(
        validateBundle(
          bundleWith((b) => {
            b.zones[0]!.geometry.coordinates = [open];
          }),
        ),
      ),
    ).toEqual(['zones[0].geometry.coordinates[0]: a ring must end where it starts']);
  });

  it('an unclosed hole, with the path of the hole', () => {
    const hole = [
      [36.02, 33.02],
      [36.03, 33.02],
      [36.03, 33.03],
      [36.02, 33.03],
      [36.02, 33.025],
    ];
    expect(
      problemsOf(
        validateBundle(
          bundleWith((b) => {
            b.zones[0]!.geometry.coordinates = [square[0]!, hole];
          }),
        ),
      ),
    ).toEqual(['zones[0].geometry.coordinates[1]: a ring must end where it starts']);
  });

  it('a ring of three positions', () => {
    expect(
      problemsOf(
        validateBundle(
          bundleWith((b) => {
            b.zones[0]!.geometry.coordinates = [
              [
                [36, 33],
                [36.1, 33],
                [36, 33],
              ],
            ];
          }),
        ),
      ),
    ).toEqual(['zones[0].geometry.coordinates[0]: a ring needs at least 4 positions']);
  });

  it('a zone that is a point', () => {
    expect(
      problemsOf(
        validateBundle(
          bundleWith((b) => {
            (b.zones[0] as Record<string, unknown>).geometry = { type: 'Point', coordinates: [36, 33] };
          }),
        ),
      ),
    ).toEqual(['zones[0].geometry.type: must be a GeoJSON Polygon or MultiPolygon']);
  });

  it('a longitude out of range in a route', () => {
    expect(
      problemsOf(
        validateBundle(
          bundleWith((b) => {
            b.convoys[0]!.route.coordinates[1] = [190, 33];
          }),
        ),
      ),
    ).toEqual(['convoys[0].route.coordinates[1][0]: must be between -180 and 180']);
  });

  it('a latitude out of range at the location', () => {
    expect(
      problemsOf(
        validateBundle(
          bundleWith((b) => {
            b.incidents[0]!.location.lat = -90.5;
          }),
        ),
      ),
    ).toEqual(['incidents[0].location.lat: must be between -90 and 90']);
  });
});

describe('validateBundle: format, required fields and shapes', () => {
  it('a wrong format string', () => {
    expect(
      problemsOf(
        validateBundle(
          bundleWith((b) => {
            b.format = 'truce-scenario/2';
          }),
        ),
      ),
    ).toEqual(['format: must be "truce-scenario/1"']);
  });

  it.each([
    {
      field: 'format',
      edit: (b: Record<string, unknown>) => {
        delete b.format;
      },
      path: 'format',
    },
    {
      field: 'an incident id',
      edit: (b: B) => {
        delete (b.incidents[0] as Partial<B['incidents'][0]>).id;
      },
      path: 'incidents[0].id',
    },
    {
      field: 'an incident time',
      edit: (b: B) => {
        delete (b.incidents[1] as Partial<B['incidents'][0]>).occurred_at;
      },
      path: 'incidents[1].occurred_at',
    },
    {
      field: 'a latitude',
      edit: (b: B) => {
        delete (b.incidents[2]!.location as Partial<{ lat: number }>).lat;
      },
      path: 'incidents[2].location.lat',
    },
    {
      field: 'an act',
      edit: (b: B) => {
        delete (b.incidents[2] as Partial<B['incidents'][0]>).act;
      },
      path: 'incidents[2].act',
    },
    {
      field: 'an actor kind',
      edit: (b: B) => {
        delete (b.actors[0] as Partial<B['actors'][0]>).kind;
      },
      path: 'actors[0].kind',
    },
    {
      field: 'in_force',
      edit: (b: B) => {
        delete (b.agreements[0] as Partial<B['agreements'][0]>).in_force;
      },
      path: 'agreements[0].in_force',
    },
    {
      field: 'a zone geometry',
      edit: (b: B) => {
        delete (b.zones[0] as Partial<B['zones'][0]>).geometry;
      },
      path: 'zones[0].geometry',
    },
    {
      field: 'a site buffer',
      edit: (b: B) => {
        delete (b.protected_sites[0] as Partial<B['protected_sites'][0]>).buffer_m;
      },
      path: 'protected_sites[0].buffer_m',
    },
    {
      field: 'a calm threshold',
      edit: (b: B) => {
        delete (b.calm as Partial<B['calm']>).threshold_per_day;
      },
      path: 'calm.threshold_per_day',
    },
  ])('missing $field: "is required"', ({ edit, path }) => {
    expect(problemsOf(validateBundle(bundleWith(edit as (b: B) => void)))).toEqual([`${path}: is required`]);
  });

  it('several missing fields in one record are all named', () => {
    expect(
      problemsOf(
        validateBundle(
          bundleWith((b) => {
            b.incidents[0] = { id: 'i0' } as never;
          }),
        ),
      ),
    ).toEqual([
      'incidents[0].occurred_at: is required',
      'incidents[0].location: is required',
      'incidents[0].act: is required',
    ]);
  });

  it.each([
    { name: 'an array', data: [], problem: '(document): must be an object, not an array' },
    { name: 'null', data: null, problem: '(document): must be an object, not null' },
    { name: 'a string', data: 'bundle', problem: '(document): must be an object, not a string' },
  ])('a document that is $name', ({ data, problem }) => {
    expect(problemsOf(validateBundle(data))).toEqual([problem]);
  });

  it('a target that is not one of the three shapes', () => {
    expect(
      problemsOf(
        validateBundle(
          bundleWith((b) => {
            b.incidents[0]!.target = { civilian: 'zoo' } as never;
          }),
        ),
      ),
    ).toEqual(['incidents[0].target: must be {"civilian": kind}, {"actor": id} or null']);
  });

  it('a list that is not a list', () => {
    expect(
      problemsOf(
        validateBundle(
          bundleWith((b) => {
            (b as Record<string, unknown>).incidents = { i0: {} };
          }),
        ),
      ),
    ).toEqual(['incidents: must be an array, not an object']);
  });
});

describe('validateBundle: Arabic names', () => {
  const named = (edit: (b: B) => void) =>
    bundleWith((b) => {
      b.actors[0] = { ...b.actors[0]!, name_ar: 'الحكومة' } as never;
      b.actors[1] = { ...b.actors[1]!, name_ar: null } as never;
      b.agreements[0] = { ...b.agreements[0]!, title_ar: 'وقف الأعمال العدائية' } as never;
      b.zones[0] = { ...b.zones[0]!, name_ar: '' } as never;
      edit(b);
    });

  it('takes an Arabic name beside the English one; null, empty or absent is none', () => {
    const v = validateBundle(named(() => {}));
    expect(v.ok ? [] : v.problems).toEqual([]);
    if (!v.ok) return;
    const world = bundleToWorld(v.bundle);
    expect(world.actors[0]).toMatchObject({ name: 'Government', nameAr: 'الحكومة' });
    expect(world.agreements[0]).toMatchObject({ title: 'CoH', titleAr: 'وقف الأعمال العدائية' });
    for (const record of [world.actors[1], world.actors[2], world.zones[0]])
      expect(record).not.toHaveProperty('nameAr');
  });

  it('takes a name of 200 characters and refuses one longer, English or Arabic, naming each', () => {
    const [fits, tooLong] = ['ح'.repeat(200), 'ح'.repeat(201)];
    expect(
      validateBundle(
        named((b) => {
          (b.actors[0] as Record<string, unknown>).name_ar = fits;
          b.actors[1]!.name = 'R'.repeat(200);
        }),
      ).ok,
    ).toBe(true);
    expect(
      problemsOf(
        validateBundle(
          named((b) => {
            (b.actors[0] as Record<string, unknown>).name_ar = tooLong;
            b.actors[1]!.name = 'R'.repeat(201);
            (b.agreements[0] as Record<string, unknown>).title_ar = tooLong;
            (b.zones[0] as Record<string, unknown>).name_ar = tooLong;
          }),
        ),
      ),
    ).toEqual([
      'actors[0].name_ar: must be at most 200 characters',
      'actors[1].name: must be at most 200 characters',
      'agreements[0].title_ar: must be at most 200 characters',
      'zones[0].name_ar: must be at most 200 characters',
    ]);
  });

  it('refuses an Arabic name that is not text', () => {
    expect(
      problemsOf(
        validateBundle(
          named((b) => {
            (b.zones[0] as Record<string, unknown>).name_ar = ['داريا'];
          }),
        ),
      ),
    ).toEqual(['zones[0].name_ar: must be a string, not an array']);
  });
});

describe('validateBundleText', () => {
  it.each([
    { name: 'cut short', text: '{ "format": ' },
    { name: 'a trailing comma', text: '{ "format": "truce-scenario/1", }' },
    { name: 'empty', text: '' },
  ])('invalid JSON ($name) is one problem at the document', ({ text }) => {
    const v = validateBundleText(text);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.problems).toHaveLength(1);
    expect(v.problems[0]!.path).toBe('(document)');
    expect(v.problems[0]!.message).toMatch(/^is not valid JSON/);
  });

  it('valid JSON goes on to validation', () => {
    expect(validateBundleText(JSON.stringify(validBundle())).ok).toBe(true);
    expect(problemsOf(validateBundleText('{"format":"truce-scenario/1","host_state":"x"}'))).toEqual([
      'host_state: unknown actor "x"',
    ]);
  });
});

describe('formatPath', () => {
  it.each([
    { path: [], text: '(document)' },
    { path: ['format'], text: 'format' },
    { path: ['incidents', 3, 'location', 'lat'], text: 'incidents[3].location.lat' },
    { path: ['zones', 0, 'geometry', 'coordinates', 0, 2, 1], text: 'zones[0].geometry.coordinates[0][2][1]' },
  ])('$text', ({ path, text }) => {
    expect(formatPath(path)).toBe(text);
  });
});
