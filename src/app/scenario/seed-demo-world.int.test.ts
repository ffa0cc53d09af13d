import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { addOrganization } from '../accounts/add-organization.ts';
import { signIn } from '../accounts/sign-in.ts';
import { createContext } from '../context.ts';
import { type DemoWorld, planFirstStart, seedDemoWorld } from './seed-demo-world.ts';

const ROOT = new URL('../../../', import.meta.url);
const SCENARIO = readFileSync(new URL('examples/syria-2016.json', ROOT), 'utf8');
// The shipped 2016 events: the header and the first three rows, to keep the test quick.
const UCDP_LINES = gunzipSync(readFileSync(new URL('data/ucdp-ged-syria-2016.csv.gz', ROOT)))
  .toString('utf8')
  .split('\n');
const WORLD: DemoWorld = {
  scenario: SCENARIO,
  ucdpEvents: () => Readable.from([`${UCDP_LINES.slice(0, 4).join('\n')}\n`]),
};

describeEachDatabase('the first start (seedDemoWorld)', (db) => {
  const count = async (table: string) =>
    (await db().query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

  it('loads the demo world into an empty database and creates the admin, once', async () => {
    const ctx = createContext(db());
    const plan = await planFirstStart(db(), { empty: false });
    expect(plan).toEqual({ demo: true, admin: true });
    const result = await seedDemoWorld(ctx, plan, WORLD, { adminPassword: 'the admin password' });
    expect(result.organizations).toEqual(['un-ose', 'us', 'ru', 'ocha', 'sarc', 'sy-mofa']);
    expect(result.admin).toEqual({ username: 'admin', password: 'the admin password', generated: false });
    expect(result.scenario!.records.incidents).toEqual({ added: 30, changed: 0, unchanged: 0 });
    // The convoy's three accounts side by side in one incident; in the inbox a report and, set aside, its duplicate.
    expect(result.reports).toBe(5);
    // Access in 2016 (demo-convoys.ts): Daraya turned back on 12 May (the bundle's incident of that day, linked, no new
    // one), Daraya delivered without food on 1 June, eastern Aleppo awaiting the parties in September.
    const convoys = await db().query<{ name: string; state: string; required_approvals: string[] }>(
      'select name, state, required_approvals from convoy_requests order by window_from',
    );
    expect(convoys.map((c) => [c.state, c.required_approvals])).toEqual([
      ['turned_back', ['fsa-south', 'sy-gov']],
      ['delivered', ['fsa-south', 'sy-gov']],
      ['submitted', ['fsa-north', 'sy-gov']],
    ]);
    const linked = await db().query<{ incident_id: string; access_category: string }>(
      `select s.incident_id, i.access_category from convoy_requests_steps s join incidents i on i.id = s.incident_id`,
    );
    expect(linked).toEqual([{ incident_id: 'i05-daraya-convoy-denied', access_category: 'restriction_of_movement' }]);
    const removed = await db().query<{ item: string; delivered: string; removed: string; removed_by: string }>(
      `select item, delivered::text, removed::text, removed_by from convoy_requests_cargo where removed > 0`,
    );
    expect(removed).toEqual([{ item: 'Surgical kits', delivered: '0', removed: '30', removed_by: 'sy-gov' }]);
    const accounts = await db().query<{ org_id: string; source_reliability: string | null }>(
      `select org_id, source_reliability from reports where incident_id = 'i28-urum-convoy-boi' order by received_at`,
    );
    expect(accounts).toEqual([
      { org_id: 'sarc', source_reliability: 'B' },
      { org_id: 'ru', source_reliability: 'C' },
      { org_id: 'us', source_reliability: 'C' },
    ]);
    const waiting = await db().query<{ org_id: string; triage: string | null; original: string | null }>(
      `select r.org_id, r.triage, d.org_id as original from reports r left join reports d on d.id = r.duplicate_of
        where r.incident_id is null order by r.received_at`,
    );
    expect(waiting).toEqual([
      { org_id: 'sarc', triage: null, original: null },
      { org_id: 'un-ose', triage: 'duplicate', original: 'sarc' },
    ]);
    expect(await count(`audit_log where entity = 'report'`)).toBe(5 + 3 + 1);
    // The besieged areas and local agreements of 2016 (demo-access.int.test.ts reads them through the API).
    expect(result.access).toEqual({ areas: 5, estimates: 9, deliveries: 6, agreements: 2, evacuations: 3 });
    expect(await count(`local_agreements where control_change_at is not null and zone_id = 'z-daraya'`)).toBe(1);
    // The co-chairs' room on the September arrangement, seen by its members, the secretariat invited.
    const room = await db().query<{ members: string[]; clauses: number; positions: number; sticking: number }>(
      `select array(select org_id from negotiation_room_members m where m.room_id = r.id order by org_id) as members,
         (select count(*)::int from negotiation_clauses c where c.room_id = r.id) as clauses,
         (select count(*)::int from negotiation_positions p join negotiation_clauses c on c.id = p.clause_id where c.room_id = r.id) as positions,
         (select count(*)::int from negotiation_positions p join negotiation_clauses c on c.id = p.clause_id
            where c.room_id = r.id and p.stance = 'sticking_point') as sticking
       from negotiation_rooms r where r.id = $1`,
      [result.negotiationRoom],
    );
    expect(room).toEqual([{ members: ['ru', 'un-ose', 'us'], clauses: 4, positions: 9, sticking: 2 }]);
    expect(result.ucdp).toMatchObject({ rowsRead: 3, inserted: 3, rejected: [] });
    expect(await count('incidents')).toBe(33);
    const admin = await signIn(ctx, 'admin', 'the admin password');
    expect(admin.caller).toMatchObject({ orgId: 'un-ose', role: 'admin', clearance: 'task_force' });
    const orgs = await db().query<{ id: string; kind: string; task_force: boolean }>(
      'select id, kind, task_force from organizations order by id',
    );
    expect(orgs.map((o) => `${o.id}:${o.kind}:${o.task_force}`)).toEqual([
      'ocha:un:true',
      'ru:co_chair:true',
      'sarc:humanitarian:false',
      'sy-mofa:party:false',
      'un-ose:un:true',
      'us:co_chair:true',
    ]);
    expect(await planFirstStart(db(), { empty: false })).toEqual({ demo: false, admin: false });
    await ctx.close();
    expect(await count(`audit_log where entity in ('organization', 'user') and action = 'create'`)).toBe(7);
  });

  it('generates the admin password when none is given', async () => {
    const ctx = createContext(db());
    const result = await seedDemoWorld(ctx, { demo: false, admin: true }, WORLD);
    expect(result.admin!.generated).toBe(true);
    expect(result.admin!.password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    expect((await signIn(ctx, 'admin', result.admin!.password)).caller.username).toBe('admin');
    await ctx.close();
  });

  it('with --empty creates only the admin (and its organization), and loads nothing', async () => {
    const ctx = createContext(db());
    const plan = await planFirstStart(db(), { empty: true });
    expect(plan).toEqual({ demo: false, admin: true });
    const result = await seedDemoWorld(ctx, plan, WORLD, { adminPassword: 'the admin password' });
    expect([result.organizations, result.scenario, result.access, result.ucdp]).toEqual([['un-ose'], null, null, null]);
    expect(await count('besieged_areas')).toBe(0);
    expect([await count('incidents'), await count('actors'), await count('users')]).toEqual([0, 0, 1]);
    await ctx.close();
  });

  it('adds the admin to a database that has organizations but no users, and no demo world', async () => {
    const ctx = createContext(db());
    await addOrganization(ctx, 'operator', { id: 'ngo', name: 'An NGO', kind: 'humanitarian', taskForce: false });
    const plan = await planFirstStart(db(), { empty: false });
    expect(plan).toEqual({ demo: false, admin: true });
    const result = await seedDemoWorld(ctx, plan, WORLD);
    expect(result.organizations).toEqual(['un-ose']);
    expect(await count('incidents')).toBe(0);
    await ctx.close();
  });

  it('refuses a short TRUCE_ADMIN_PASSWORD before writing anything', async () => {
    const ctx = createContext(db());
    await expect(
      seedDemoWorld(ctx, { demo: true, admin: true }, WORLD, { adminPassword: 'short' }),
    ).rejects.toMatchObject({ code: 'VALIDATION', path: 'TRUCE_ADMIN_PASSWORD' });
    expect([await count('organizations'), await count('users'), await count('incidents')]).toEqual([0, 0, 0]);
    await ctx.close();
  });
});
