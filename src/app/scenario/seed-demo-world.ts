/**
 * The first start of `truce serve`. On a database with no organizations and no incidents it
 * loads the demo world: the organizations around the 2016 Syrian truce (named in English and
 * Arabic), the demo bundle (the Cessation of Hostilities and the September arrangement), the
 * demo reports (demo-reports.ts), the besieged areas and local agreements of 2016
 * (demo-access.ts), the convoy requests (demo-convoys.ts), the co-chairs' negotiation room on the
 * September arrangement (demo-negotiation.ts) and the UCDP events of 2016. On a database with no users it
 * creates the admin account (in the UN secretariat, `un-ose`), with the given password or a
 * generated one that the caller shows once.
 *
 * The accounts come first: if the import is cut short, the next start finds the database no
 * longer empty and loads nothing, but the admin can sign in, and `truce import ucdp` (which adds
 * only what is missing) finishes the job.
 */
import type { Readable } from 'node:stream';
import * as accounts from '../../store/account.repository.ts';
import type { Database } from '../../store/database.ts';
import * as incidents from '../../store/incident.repository.ts';
import { addOrganization, type NewOrganization } from '../accounts/add-organization.ts';
import { addUser } from '../accounts/add-user.ts';
import { MIN_PASSWORD_LENGTH, newPassword } from '../accounts/secrets.ts';
import type { AppContext } from '../context.ts';
import { invalid } from '../errors.ts';
import { importUcdp, type UcdpImportResult } from '../imports/import-ucdp.ts';
import { type DemoAccessSummary, seedDemoAccess } from './demo-access.ts';
import { seedDemoConvoys } from './demo-convoys.ts';
import { seedDemoNegotiation } from './demo-negotiation.ts';
import { seedDemoReports } from './demo-reports.ts';
import { type LoadSummary, loadScenario } from './load-scenario.ts';

export const DEMO_ORGANIZATIONS: readonly NewOrganization[] = [
  {
    id: 'un-ose',
    name: 'Office of the UN Special Envoy for Syria',
    nameAr: 'مكتب المبعوث الخاص للأمين العام للأمم المتحدة إلى سوريا',
    kind: 'un',
    taskForce: true,
  },
  {
    id: 'us',
    name: 'United States (ISSG co-chair)',
    nameAr: 'الولايات المتحدة (الرئيس المشارك للمجموعة الدولية لدعم سوريا)',
    kind: 'co_chair',
    taskForce: true,
  },
  {
    id: 'ru',
    name: 'Russian Federation (ISSG co-chair)',
    nameAr: 'الاتحاد الروسي (الرئيس المشارك للمجموعة الدولية لدعم سوريا)',
    kind: 'co_chair',
    taskForce: true,
  },
  {
    id: 'ocha',
    name: 'UN Office for the Coordination of Humanitarian Affairs',
    nameAr: 'مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية',
    kind: 'un',
    taskForce: true,
  },
  {
    id: 'sarc',
    name: 'Syrian Arab Red Crescent',
    nameAr: 'الهلال الأحمر العربي السوري',
    kind: 'humanitarian',
    taskForce: false,
  },
];

export const ADMIN_USERNAME = 'admin';
const ADMIN_ORG = DEMO_ORGANIZATIONS[0]!;

export interface DemoWorld {
  /** The demo bundle's text (truce-scenario/1). */
  scenario: string;
  /** The UCDP GED events to import, as CSV. */
  ucdpEvents: () => Readable;
}

/** What a first start will do. */
export interface FirstStartPlan {
  demo: boolean;
  admin: boolean;
}

export interface FirstStartResult {
  organizations: string[];
  admin: { username: string; password: string; generated: boolean } | null;
  scenario: LoadSummary | null;
  /** The demo reports (demo-reports.ts): accounts side by side, the inbox's first work. */
  reports: number;
  /** The besieged areas and local agreements of 2016 (demo-access.ts). */
  access: DemoAccessSummary | null;
  /** The demo convoy requests (demo-convoys.ts): access in 2016. */
  convoyRequests: number;
  /** The demo negotiation room (demo-negotiation.ts), by its id. */
  negotiationRoom: string | null;
  ucdp: UcdpImportResult | null;
  /** Milliseconds per step. */
  ms: { accounts: number; scenario: number; ucdp: number; total: number };
}

/** The demo world goes only into an empty database (and not with `--empty`); an admin only where nobody can sign in. */
export async function planFirstStart(db: Database, options: { empty: boolean }): Promise<FirstStartPlan> {
  const blank = (await accounts.listOrgs(db)).length === 0 && (await incidents.count(db)) === 0;
  return { demo: blank && !options.empty, admin: (await accounts.countUsers(db)) === 0 };
}

export async function seedDemoWorld(
  ctx: AppContext,
  plan: FirstStartPlan,
  world: DemoWorld,
  options: { adminPassword?: string | undefined } = {},
): Promise<FirstStartResult> {
  const given = options.adminPassword;
  if (plan.admin && given !== undefined && given.length < MIN_PASSWORD_LENGTH) {
    throw invalid('TRUCE_ADMIN_PASSWORD', `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const started = performance.now();
  const result: FirstStartResult = {
    organizations: [],
    admin: null,
    scenario: null,
    reports: 0,
    access: null,
    convoyRequests: 0,
    negotiationRoom: null,
    ucdp: null,
    ms: { accounts: 0, scenario: 0, ucdp: 0, total: 0 },
  };
  const orgs = plan.demo
    ? DEMO_ORGANIZATIONS
    : plan.admin && !(await accounts.getOrg(ctx.db, ADMIN_ORG.id))
      ? [ADMIN_ORG]
      : [];
  for (const org of orgs) {
    await addOrganization(ctx, 'operator', org);
    result.organizations.push(org.id);
  }
  if (plan.admin) {
    const password = given ?? newPassword();
    await addUser(ctx, 'operator', {
      username: ADMIN_USERNAME,
      orgId: ADMIN_ORG.id,
      role: 'admin',
      password,
      displayName: 'Administrator',
    });
    result.admin = { username: ADMIN_USERNAME, password, generated: given === undefined };
  }
  let mark = performance.now();
  result.ms.accounts = mark - started;
  if (plan.demo) {
    const loaded = await loadScenario(ctx.db, world.scenario);
    if (!loaded.ok)
      throw new Error(
        `the demo bundle is invalid: ${loaded.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      );
    result.scenario = loaded.summary;
    result.reports = await seedDemoReports(ctx.db);
    result.access = await seedDemoAccess(ctx.db, ctx.now());
    const convoys = await seedDemoConvoys(ctx);
    result.organizations.push(...convoys.organizations);
    result.convoyRequests = convoys.requests;
    result.negotiationRoom = await seedDemoNegotiation(ctx);
    result.ms.scenario = performance.now() - mark;
    mark = performance.now();
    result.ucdp = await importUcdp(ctx.db, world.ucdpEvents());
    result.ms.ucdp = performance.now() - mark;
  }
  result.ms.total = performance.now() - started;
  return result;
}
