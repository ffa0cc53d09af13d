/**
 * The web app end to end, in Debian's Chromium: sign in, the map, filtering and opening
 * incidents, filing a report by clicking on the map (with validation and a draft that survives
 * a reload), a live update from another session, Arabic right-to-left, role-aware navigation,
 * and an axe-core check of every main page. With TRUCE_E2E_SCREENSHOTS=1, screenshots of the main pages go to e2e/screenshots/.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium, launchBrowser, screenshot, seriousA11yViolations } from './browser.ts';
import { buildServer } from '../src/http/server.ts';
import { type E2EWorld, PASSWORD, startE2EWorld } from './harness.ts';
import { LANDING } from './sessions.ts';
import { AgreementPage, digits, StatePage } from './pages/agreement.page.ts';
import { IncidentPage } from './pages/incident.page.ts';
import { IncidentsPage } from './pages/incidents.page.ts';
import { MapPage } from './pages/map.page.ts';
import { ReportPage } from './pages/report.page.ts';
import { dateFieldValue, setDateField } from './pages/date-field.ts';
import { AppShell } from './pages/shell.ts';
import { demoIds, leaks, readableText } from './pages/words.ts';
import { SignInPage } from './pages/sign-in.page.ts';

const VIEWPORT = { width: 1440, height: 900 };
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

if (!hasChromium()) {
  console.log(`\ne2e skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set TRUCE_CHROMIUM)\n`);
}

describe.skipIf(!hasChromium())('the web app in Chromium', { timeout: 120_000 }, () => {
  let world: E2EWorld;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    world = await startE2EWorld();
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });
  // A page left open goes on drawing (live events, its map): each test's are closed when it ends.
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
  });

  // Each user signs in through the page once; later sessions start from its cookie (the server
  // allows ten sign-ins a minute from one address).
  const signedIn = new Map<string, Awaited<ReturnType<BrowserContext['storageState']>>>();

  /** A new browser session (its own cookies and storage), signed in as `username`. */
  async function session(
    username: string | null,
    viewport: { width: number; height: number } = VIEWPORT,
  ): Promise<Page> {
    const state = username ? signedIn.get(username) : undefined;
    // bypassCSP: the tests' own scripts (axe-core, waits) run in the page; the app runs under the server's CSP all the same.
    // en-US: the browser's own date inputs would be mm/dd/yyyy; the app's follow the page's language instead.
    const context = await browser.newContext({
      viewport,
      locale: 'en-US',
      bypassCSP: true,
      ...(state ? { storageState: state } : {}),
    });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`page error (${username}): ${e.message}`));
    if (username && state) {
      await page.goto(`${world.baseUrl}${LANDING}`);
      await page.locator('nav .nav').waitFor({ state: 'attached' });
    } else if (username) {
      const signIn = new SignInPage(page, world.baseUrl);
      await signIn.goto(LANDING);
      await signIn.signIn(username, PASSWORD);
      signedIn.set(username, await context.storageState());
    }
    return page;
  }

  /** The headers of a signed-in API session (cookie and CSRF token) for requests made by the test itself. */
  async function signInHeaders(username: string): Promise<Record<string, string>> {
    const res = await world.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: PASSWORD },
    });
    const cookie = res.cookies.find((c) => c.name === 'truce_session')!;
    return { cookie: `truce_session=${cookie.value}`, 'x-csrf-token': res.json<{ csrf_token: string }>().csrf_token };
  }

  async function expectAccessible(page: Page, name: string): Promise<void> {
    const violations = await seriousA11yViolations(page);
    expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  }

  it('refuses a wrong password and signs in with the right one', async () => {
    const page = await session(null);
    const signIn = new SignInPage(page, world.baseUrl);
    await signIn.goto();
    await screenshot(page, '01-sign-in');
    await expectAccessible(page, 'sign-in');
    await page.locator('#username').fill('analyst');
    await page.locator('#password').fill('not the password');
    await page.locator('form button[type=submit]').click();
    expect(await signIn.errorText()).toContain('Wrong username or password');
    await signIn.signIn('analyst', PASSWORD);
    expect(page.url()).toBe(`${world.baseUrl}/map`);
    signedIn.set('analyst', await page.context().storageState());
  });

  it('shows the map with incidents aggregated by the server, zones, and a date slider', async () => {
    const page = await session('analyst');
    const map = new MapPage(page, world.baseUrl);
    await map.goto('day=2016-09-19&window=30');
    expect(await map.dayText()).toBe('19 Sept 2016');
    const count = Number((await map.countText()).replace(/[^\d]/g, ''));
    expect(count).toBeGreaterThan(50);
    // Never every point: the view holds far fewer circles than incidents.
    expect(await page.locator('.cluster-count').count()).toBeLessThan(count);
    await screenshot(page, '02-map');
    await expectAccessible(page, 'map');
    await map.previousDay();
    await page.waitForFunction(`new URLSearchParams(location.search).get('day') === '2016-09-18'`);
    expect(await map.dayText()).toBe('18 Sept 2016');
    // A click on a cluster opens its card with the counts by verdict.
    await map.clickCluster();
    expect(await map.card().innerText()).toMatch(/\d+ incidents/);
    await screenshot(page, '03-map-cluster-card');

    // Zoomed in on Urum al-Kubra, single incidents are drawn; a click opens one's card.
    await map.goto('day=2016-09-19&window=7&view=36.93,36.155,14');
    await map.clickAt(0.5, 0.5);
    await map.card().locator('a.btn-primary').waitFor();
    expect(await map.card().innerText()).toContain('Open the incident');
    await screenshot(page, '04-map-incident-card');
    await map.card().locator('a.btn-primary').click();
    await new IncidentPage(page).loaded();
  });

  it("draws a deployment's own tiles under the boundaries, allowed by the page's security policy", async () => {
    // A tile server on another port (another origin), answering every tile with one grey pixel.
    const pixel = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGP4DwABAQEAGJzZ2wAAAABJRU5ErkJggg==',
      'base64',
    );
    const tileRequests: string[] = [];
    const tiles = createServer((req, res) => {
      tileRequests.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' }).end(pixel);
    });
    await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
    const tileOrigin = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}`;
    const app = await buildServer({
      ctx: world.ctx,
      basemap: { kind: 'xyz', url: `${tileOrigin}/{z}/{x}/{y}.png`, origin: tileOrigin },
    });
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      await session('analyst'); // signs in once; cookies do not depend on the port
      // Under the server's CSP this time: a refused tile would show as a console error.
      const context = await browser.newContext({
        viewport: VIEWPORT,
        locale: 'en-GB',
        storageState: signedIn.get('analyst')!,
      });
      contexts.push(context);
      const page = await context.newPage();
      const refused: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
      });
      await new MapPage(page, baseUrl).goto('day=2016-09-19&window=30');
      await expect.poll(() => tileRequests.length).toBeGreaterThan(0);
      expect(
        tileRequests.every((u) => /^\/\d+\/\d+\/\d+\.png$/.test(u)),
        tileRequests.join(' '),
      ).toBe(true);
      expect(refused).toEqual([]);
      await screenshot(page, '02b-map-deployment-tiles');
    } finally {
      await app.close();
      tiles.close();
    }
  });

  it('filters incidents and opens one with its findings and accounts', async () => {
    const page = await session('analyst');
    const list = new IncidentsPage(page, world.baseUrl);
    await list.goto();
    const all = await list.count();
    expect(all).toBeGreaterThan(1000);
    await list.filter('verdict', 'violation');
    const violations = await list.count();
    expect(violations).toBeGreaterThan(0);
    expect(violations).toBeLessThan(all);
    expect((await list.verdictsShown()).every((c) => c.includes('verdict-violation'))).toBe(true);
    await list.filter('act', 'air_strike');
    expect(await list.count()).toBeLessThanOrEqual(violations);
    await list.filter('area', 'SY02');
    expect(page.url()).toContain('area=SY02');
    await screenshot(page, '05-incidents-filtered');
    await expectAccessible(page, 'incidents');

    await list.goto('q=Daraya');
    expect(await list.count()).toBeGreaterThan(0);
    await list.openRow(0);
    const incident = new IncidentPage(page);
    await incident.loaded();
    expect(await incident.findingsText()).toMatch(/Rule \d+/);
    expect(await incident.hasReviewForm()).toBe(true);
    await screenshot(page, '06-incident');
    await expectAccessible(page, 'incident');

    // Contradictory accounts side by side, with the status changes and the audit history.
    await page.goto(`${world.baseUrl}/incidents/${world.disputedIncident}`);
    await incident.loaded();
    expect(await incident.title()).toBe('Aid convoy struck at Urum al-Kubra');
    expect(await incident.accounts().count()).toBe(2);
    expect(await page.locator('.notice-warn').innerText()).toContain('Disputed');
    await page.locator('[data-testid=status-changes]').waitFor();
    expect(await page.locator('[data-testid=status-changes]').innerText()).toContain('Under review');
    expect(await page.locator('[data-testid=audit] li').count()).toBeGreaterThan(1);
    await screenshot(page, '07-incident-accounts', { fullPage: true });
    await expectAccessible(page, 'incident with accounts');
  });

  it('files a report by clicking on the map, with errors next to the fields and a draft that survives a reload', async () => {
    const page = await session('reporter');
    const shell = new AppShell(page);
    expect(await shell.navLabels()).toContain('File a report');
    const report = new ReportPage(page, world.baseUrl);
    await report.goto();
    await report.submit();
    expect(await report.errorOf('claimedAt')).toBe('Required.');
    expect(await report.errorOf('lat')).toBe('Required.');
    expect(await report.errorOf('act')).toBe('Required.');
    await screenshot(page, '08-report-errors');
    await expectAccessible(page, 'report');

    const placed = await report.placeOnMap(0.35, 0.4);
    expect(placed.lon).toBeGreaterThan(35);
    expect(placed.lon).toBeLessThan(43);
    expect(placed.lat).toBeGreaterThan(32);
    expect(placed.lat).toBeLessThan(38);
    await report.fill({
      claimedAt: '2016-09-19T19:30',
      narrative: 'Aid trucks hit near the warehouse.',
      casualtiesLow: '30',
      casualtiesBest: '12',
    });
    await report.choose({ act: 'air_strike', targetKind: 'civilian' });
    await report.choose({ targetCivilian: 'convoy', classification: 'public' });
    await report.submit();
    expect(await report.errorOf('casualtiesBest')).toBe('At least ≤ best estimate ≤ at most.');

    // The draft survives a reload.
    await page.waitForTimeout(400);
    await page.reload();
    await report.mapReady();
    expect(await page.locator('#r-narrative').inputValue()).toBe('Aid trucks hit near the warehouse.');
    expect(Number(await page.locator('#r-lon').inputValue())).toBe(placed.lon);
    await page.locator('.notice[role=status]').filter({ hasText: 'draft was restored' }).waitFor();

    await report.fill({ casualtiesLow: '10', casualtiesHigh: '20' });
    await report.submit();
    expect(await report.filedText()).toMatch(/^Report filed: Air strike · .+ · 19 Sept 2016, 19:30/);
    expect(await page.locator('#r-narrative').inputValue()).toBe('');
    await screenshot(page, '09-report-filed');
  });

  it('shows a report filed in another session without a reload', async () => {
    const analyst = await session('analyst');
    await new IncidentsPage(analyst, world.baseUrl).goto();
    const shell = new AppShell(analyst);
    await shell.waitLive();

    const reporter = await session('reporter');
    const report = new ReportPage(reporter, world.baseUrl);
    await report.goto();
    await report.placeOnMap(0.5, 0.5);
    await report.fill({ claimedAt: '2016-09-20T08:00', narrative: 'Shelling heard from the east.' });
    await report.choose({ act: 'shelling', classification: 'public' });
    await report.submit();
    await report.filedText();
    const id = await report.filedId();

    // The notice says what, where and when, in words, and leads to the report; never its id.
    await analyst
      .locator('[data-testid=live-toasts] .toast', { hasText: 'New report from Syrian Arab Red Crescent: Shelling' })
      .first()
      .waitFor({ timeout: 15_000 });
    const text = (await shell.toasts()).join('\n');
    expect(text).toMatch(/New report from Syrian Arab Red Crescent: Shelling · .+ · 20 Sept 2016, 08:00/);
    expect(text).not.toContain(id);
    await screenshot(analyst, '10-live-update');
  });

  it('offers nothing an observer cannot do', async () => {
    const page = await session('observer');
    const labels = await new AppShell(page).navLabels();
    expect(labels).not.toContain('File a report');
    expect(labels).toContain('Incidents');
    const list = new IncidentsPage(page, world.baseUrl);
    await list.goto('q=Daraya');
    await list.openRow(0);
    const incident = new IncidentPage(page);
    await incident.loaded();
    expect(await incident.hasReviewForm()).toBe(false);
    await page.goto(`${world.baseUrl}/report`);
    await page.locator('[data-testid=not-found]').waitFor();
    expect(await page.locator('.report-form').count()).toBe(0);
  });

  it('shows the agreement and the state of the truce', async () => {
    const page = await session('analyst');
    const agreement = new AgreementPage(page, world.baseUrl);
    await agreement.goto('coh');
    expect(await page.locator('.agreement-title').innerText()).toContain('Cessation of Hostilities');
    expect(await agreement.partyRows().count()).toBeGreaterThan(1);
    await screenshot(page, '11-agreement');
    await expectAccessible(page, 'agreement');

    // By default the September arrangement, whose days of calm are counted, named by its title;
    // every figure covers it and September, and says so.
    const state = new StatePage(page, world.baseUrl);
    await state.goto('from=2016-09-01&to=2016-09-30');
    const sept = 'Renewed cessation of hostilities (US-Russia arrangement of 9 Sept 2016)';
    expect(await state.agreement()).toBe(sept);
    expect(await state.agreementOptions()).toEqual([
      'All agreements',
      'Cessation of Hostilities in Syria (US-Russia Joint Statement and Terms, 22 Feb 2016)',
      sept,
    ]);
    expect(await state.scope()).toContain(`Every figure below covers ${sept}, 1 Sept 2016 to 30 Sept 2016 (30 days).`);
    const total = digits(await state.violations());
    expect(total).toBeGreaterThan(0);
    expect((await state.verdictCounts())[0]).toBe(total);
    expect(sum(await state.breakdownTotals('By area'))).toBe(total);
    expect(sum(await state.breakdownTotals('By violator'))).toBeGreaterThanOrEqual(total);
    // The calm strip: the arrangement was in force all day only from 13 to 18 September; the threshold is drawn over its counts.
    const strip = await state.calmStrip();
    expect(strip.map((d) => d.date)).toHaveLength(30);
    expect(strip.filter((d) => d.state !== 'not_in_force').map((d) => d.date)).toEqual([
      '2016-09-13',
      '2016-09-14',
      '2016-09-15',
      '2016-09-16',
      '2016-09-17',
      '2016-09-18',
    ]);
    expect(await state.hasThreshold()).toBe(true);
    await page.locator('[data-testid=kpi-calm]').waitFor();
    await screenshot(page, '12-state');
    await expectAccessible(page, 'state');

    // Every agreement: more violations, counted per agreement; the calm threshold and strip go (they belong to the arrangement's own counts).
    await state.chooseAgreement('All agreements');
    expect(new URL(page.url()).searchParams.get('agreement')).toBe('*');
    const all = digits(await state.violations());
    expect(all).toBeGreaterThan(total);
    expect((await state.verdictCounts())[0]).toBe(all);
    expect(sum(await state.breakdownTotals('By agreement'))).toBe(all);
    expect(sum(await state.breakdownTotals('By area'))).toBe(all);
    expect(await state.hasThreshold()).toBe(false);
    expect(await state.calmStrip()).toEqual([]);
    await page.locator('[data-testid=calm-elsewhere]').waitFor();
    await screenshot(page, '12b-state-all-agreements');
    await expectAccessible(page, 'state (all agreements)');
  });

  it('shows the state of the truce on a phone, 390 px wide', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'en-GB',
      bypassCSP: true,
      storageState: signedIn.get('analyst')!,
    });
    contexts.push(context);
    const page = await context.newPage();
    const state = new StatePage(page, world.baseUrl);
    await state.goto('from=2016-09-12&to=2016-09-20');
    expect(await state.scope()).toContain('Renewed cessation of hostilities');
    expect((await state.calmStrip()).map((d) => d.state)).toEqual([
      'not_in_force',
      'calm',
      'calm',
      'calm',
      'calm',
      'calm',
      'calm',
      'not_in_force',
      'not_in_force',
    ]);
    // The choice of agreement (a long title), the sentence saying what the figures cover, the figures and the chart fit the screen.
    for (const selector of [
      '.window-picker',
      '.window-picker select',
      '[data-testid=state-scope]',
      '.kpis',
      '.chart',
    ]) {
      const box = (await page.locator(selector).first().boundingBox())!;
      expect(box.x, selector).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, selector).toBeLessThanOrEqual(390);
    }
    await screenshot(page, '12c-state-phone', { fullPage: true });
  });

  it('switches to Arabic, right to left, with Arabic place names', async () => {
    const page = await session('analyst');
    const shell = new AppShell(page);
    const map = new MapPage(page, world.baseUrl);
    await map.goto('day=2016-09-19&window=30');
    await shell.language('ar');
    expect(await shell.direction()).toBe('rtl');
    expect(await shell.navLabels()).toContain('الخريطة');
    expect(await page.locator('.user-clearance').innerText()).toBe(
      'ترى السجلات العامة وسجلات فريق العمل، وسجلات منظمتك.',
    );
    await page.locator('.map-label', { hasText: 'حلب' }).first().waitFor();
    await page.waitForTimeout(500);
    await screenshot(page, '13-map-ar');
    await expectAccessible(page, 'map (ar)');

    const list = new IncidentsPage(page, world.baseUrl);
    await list.goto('verdict=violation');
    expect(await page.locator('h1').innerText()).toBe('الحوادث');
    await screenshot(page, '14-incidents-ar');
    await expectAccessible(page, 'incidents (ar)');
    await list.openRow(0);
    await new IncidentPage(page).loaded();
    await screenshot(page, '15-incident-ar');
    const state = new StatePage(page, world.baseUrl);
    await state.goto('from=2016-09-01&to=2016-09-30');
    // The agreement by its Arabic title.
    expect(await state.scope()).toContain('تشمل كل الأرقام أدناه: تجديد وقف الأعمال العدائية');
    expect(sum(await state.breakdownTotals('حسب المنطقة'))).toBe(digits(await state.violations()));
    expect((await state.calmStrip()).filter((d) => d.state === 'not_in_force')).toHaveLength(24);
    await screenshot(page, '16-state-ar');
    await expectAccessible(page, 'state (ar)');

    // The choice is kept: a reload stays in Arabic.
    await page.reload();
    await page.locator('nav .nav').waitFor({ state: 'attached' });
    expect(await shell.direction()).toBe('rtl');
  });
  it('signs a first visitor in without an error in the console', async () => {
    const page = await session(null);
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${world.baseUrl}/`);
    await page.locator('#username').waitFor();
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
  });

  it('reads who is signed in and the names of the world once, and forgets them all on signing out', async () => {
    const page = await session(null);
    const reads: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/v1/') && url.pathname !== '/api/v1/events')
        reads.push(`${r.method()} ${url.pathname}${url.search}`);
    });
    const count = (prefix: string) => reads.filter((r) => r === prefix || r.startsWith(`${prefix}?`)).length;
    const worldReads = () => ({
      actors: count('GET /api/v1/actors'),
      agreements: count('GET /api/v1/agreements'),
      organizations: count('GET /api/v1/organizations'),
      settings: count('GET /api/v1/settings'),
    });
    const once = { actors: 1, agreements: 1, organizations: 1, settings: 1 };
    // The world is loaded when the user's organization is named (not its id).
    const signedInAs = async (username: string, org: string) => {
      await page.locator('.user-name', { hasText: username }).waitFor();
      const meta = `document.querySelector('.user-meta')?.textContent ?? ''`;
      await page.waitForFunction(`(${meta}) !== '' && !(${meta}).endsWith(${JSON.stringify(org)})`);
      await page.waitForTimeout(1_000);
    };

    const signIn = new SignInPage(page, world.baseUrl);
    await signIn.goto();
    await signIn.signIn('observer', PASSWORD);
    await signedInAs('observer', 'ocha');
    // Each user is told plainly what they may read.
    expect(await page.locator('.user-clearance').innerText()).toBe(
      "You see public and task-force records, and your organization's own.",
    );
    expect(count('GET /api/v1/auth/me')).toBe(1);
    expect(count('POST /api/v1/auth/login')).toBe(1);
    expect(worldReads()).toEqual(once);

    reads.length = 0;
    await page.locator('.user button').click();
    await page.locator('#username').waitFor();
    const shown = reads.length;
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await page.locator('.user-name').count()).toBe(0);
    expect(reads.filter((r) => r === 'POST /api/v1/auth/logout')).toHaveLength(1);
    // Once the sign-in page shows, nothing more is read.
    await page.waitForTimeout(500);
    expect(reads.slice(shown)).toEqual([]);
    // Signing out reads none of the session's names again on its way out (it would be refused: 401).
    expect(
      reads.filter((r) => /^GET \/api\/v1\/(auth\/me|actors|agreements|organizations|settings|state)\b/.test(r)),
    ).toEqual([]);

    // The next user reads everything again, as themselves; nothing of the first one's is shown.
    reads.length = 0;
    await signIn.signIn('reporter', PASSWORD);
    await signedInAs('reporter', 'sarc');
    expect(await page.locator('.user-clearance').innerText()).toBe(
      "You see public records and your organization's own.",
    );
    expect(count('GET /api/v1/auth/me')).toBe(0);
    expect(worldReads()).toEqual(once);
    expect(await page.locator('nav a[href="/report"]').count()).toBe(1);

    // A reload reads who is signed in once, and the world once.
    reads.length = 0;
    await page.reload();
    await signedInAs('reporter', 'sarc');
    expect(count('GET /api/v1/auth/me')).toBe(1);
    expect(worldReads()).toEqual(once);
  });

  it('shows times in Damascus time, as it was in 2016: the truce begins at 00:00 on 27 February, UCDP events by the day', async () => {
    const page = await session('analyst');
    const agreement = new AgreementPage(page, world.baseUrl);
    await agreement.goto('coh');
    // 2016-02-27T00:00:00+02:00 (22:00 UTC the day before): Damascus kept UTC+2 that winter.
    expect(await page.locator('.agreement .plain').first().innerText()).toContain('from 27 Feb 2016, 00:00');
    const zone = await page.locator('.page-header').innerText();
    expect(zone).toContain('Damascus time (Asia/Damascus: UTC+2 in winter, UTC+3 in summer)');

    // Incidents imported from UCDP are known to the day: a date, never a clock time.
    const list = new IncidentsPage(page, world.baseUrl);
    await list.goto('q=Daraya');
    const when = await list.rows().first().locator('td').first().innerText();
    expect(when).toMatch(/^\d{1,2} \w+ 2016( – \d{1,2} \w+ 2016)?$/);
    expect(when).not.toMatch(/\d\d:\d\d/);
    // A reported incident keeps its clock time, in summer time (UTC+3): 19:15 on 19 September.
    await page.goto(`${world.baseUrl}/incidents/${world.disputedIncident}`);
    await new IncidentPage(page).loaded();
    // Its two accounts span 19:15 to 19:30 (the date written once).
    expect(await page.locator('[data-testid=incident-when]').innerText()).toMatch(/^19 Sept 2016, 19:15\s*–\s*19:30$/);
  });

  it("asks for dates in the page's language, not the browser's, and keeps them as days of the truce", async () => {
    const page = await session('analyst');
    const list = new IncidentsPage(page, world.baseUrl);
    await list.goto();
    const shell = new AppShell(page);
    await shell.language('ar');
    // Arabic month names as the page writes them (شباط is February), and Arabic-Indic digits; the browser is en-US.
    const months = await page.locator('#f-from-month option').allInnerTexts();
    expect(months).toContain('شباط');
    expect(await page.locator('#f-from-day option').nth(27).innerText()).toBe('٢٧');
    expect(await page.locator('#f-from-year option', { hasText: '٢٠١٦' }).count()).toBe(1);
    // By keyboard: the year and the day typed, the month moved with the arrow keys.
    await page.locator('#f-from-year').selectOption('2016');
    await page.locator('#f-from-month').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('#f-from-month').inputValue()).toBe('2');
    await page.locator('#f-from-day').selectOption('27');
    await page.waitForFunction(`new URLSearchParams(location.search).get('from') === '2016-02-27'`);
    await list.loaded();
    expect(await dateFieldValue(page, 'f-from')).toBe('2016-02-27');
    expect(await page.locator('#f-from').getAttribute('aria-labelledby')).toBe('f-from-label');
    await screenshot(page, '20-date-field-ar');
    await expectAccessible(page, 'incidents with a date (ar)');
    await shell.language('en');
    expect(await page.locator('#f-from-month option:checked').innerText()).toBe('February');
  });

  it('says plainly that an incident, report or page does not exist, with a way back and no retry', async () => {
    const page = await session('analyst');
    const shell = new AppShell(page);
    await page.goto(`${world.baseUrl}/incidents/no-such-incident`);
    const missing = page.locator('[data-testid=not-found]');
    await missing.waitFor();
    expect(await missing.locator('h1').innerText()).toBe('No such incident');
    expect(await missing.innerText()).toContain('or it is one you may not see');
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    await screenshot(page, '21-incident-missing');
    await expectAccessible(page, 'missing incident');
    await missing.getByRole('link', { name: 'All incidents' }).click();
    await new IncidentsPage(page, world.baseUrl).loaded();

    await page.goto(`${world.baseUrl}/reports/00000000-0000-0000-0000-000000000000`);
    await missing.waitFor();
    expect(await missing.locator('h1').innerText()).toBe('No such report');
    await page.goto(`${world.baseUrl}/agreements/nope`);
    await missing.waitFor();
    expect(await missing.locator('h1').innerText()).toBe('No such agreement');
    await page.goto(`${world.baseUrl}/nowhere`);
    await missing.waitFor();
    expect(await missing.locator('h1').innerText()).toBe('No such page');
    await shell.language('ar');
    await page.goto(`${world.baseUrl}/incidents/no-such-incident`);
    await missing.waitFor();
    expect(await missing.locator('h1').innerText()).toBe('لا توجد حادثة كهذه');
    expect(await missing.locator('a').innerText()).toBe('كل الحوادث');
    await shell.language('en');
  });

  it('tells of an alert in words (what, where, when) and links to the report', async () => {
    const analyst = await session('analyst');
    await new IncidentsPage(analyst, world.baseUrl).goto();
    const shell = new AppShell(analyst);
    await shell.waitLive();
    // A report at the Castello checkpoint, a protected site notified to the parties, while it was protected.
    const login = await world.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'reporter', password: PASSWORD },
    });
    const cookie = login.cookies.find((c) => c.name === 'truce_session')!;
    const filed = await world.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: {
        cookie: `truce_session=${cookie.value}`,
        'x-csrf-token': login.json<{ csrf_token: string }>().csrf_token,
      },
      payload: {
        claimed_at: '2016-09-18T10:00:00+03:00',
        time_precision_s: 0,
        location: { lon: 37.15, lat: 36.25 },
        location_precision_m: 100,
        act: 'shelling',
        alleged_perpetrator: null,
        target: null,
        casualties: null,
        narrative: 'Shells near the checkpoint.',
        classification: 'public',
      },
    });
    expect(filed.statusCode).toBe(201);
    const id = filed.json<{ id: string }>().id;
    const alert = analyst.locator('[data-testid=live-toasts] .toast-alert');
    await alert.first().waitFor({ timeout: 15_000 });
    // Why, as the server says it (a statement rendered by the page), where by the gazetteer, and when.
    await expect
      .poll(() => alert.first().innerText())
      .toMatch(
        /^Alert: Shelling\. \d+ m from a protected site \(aid facility\) notified to the parties, inside its 1000 m buffer(\. .+)? · (.+, )?Aleppo · 18 Sept 2016, 10:00/,
      );
    const text = await alert.first().innerText();
    expect(text).not.toContain(id);
    await screenshot(analyst, '22-live-alert');
    await alert.first().locator('a').click();
    await analyst.locator('.filed-report-page h1').waitFor();
    expect(await analyst.locator('.filed-report-page h1').innerText()).toMatch(/^Shelling · (.+, )?Aleppo$/);
    expect(analyst.url()).toBe(`${world.baseUrl}/reports/${id}`);
  });

  // One test per language and screen, so that each stays well inside its time on a slow machine.
  describe('shows names, places and dates on every page, never ids, codes or raw timestamps', () => {
    beforeAll(async () => {
      // A changed fact judges an incident of the bundle again: its findings get a history with a cause, its audit trail the analyst.
      const analyst = await signInHeaders('analyst');
      const patched = await world.app.inject({
        method: 'PATCH',
        url: '/api/v1/incidents/i29-urum-convoy-coi',
        headers: analyst,
        payload: { perpetrator: 'ru' },
      });
      expect(patched.statusCode).toBe(200);
    });

    // English on the desktop, Arabic on the narrowest phone, 360 px (what fits there fits a 390 px phone too): each
    // language and each width once, as the four pairs took two minutes of the suite.
    for (const [viewport, lang] of [
      [VIEWPORT, 'en'],
      [{ width: 360, height: 844 }, 'ar'],
    ] as const) {
      const tag = `${lang}-${viewport.width}`;
      it(`in ${lang === 'en' ? 'English' : 'Arabic'} at ${viewport.width} px`, async () => {
        const ids = demoIds();
        const found: string[] = [];
        // On a phone, every page also fits the screen, with nothing to scroll sideways.
        const scan = async (page: Page, name: string) => {
          for (const leak of leaks(await readableText(page), ids)) found.push(`${name}: ${leak}`);
          if (viewport !== VIEWPORT && (await new AppShell(page).overflowX()) > 0)
            found.push(`${name}: wider than the screen`);
        };
        const page = await session('analyst', viewport);
        await new AppShell(page).language(lang);
        const map = new MapPage(page, world.baseUrl);
        await map.goto('day=2016-09-19&window=30');
        await scan(page, `map ${tag}`);
        await screenshot(page, `40-${tag}-map`);
        if (viewport === VIEWPORT) {
          await map.goto('day=2016-09-19&window=7&view=36.93,36.155,14');
          await map.clickAt(0.5, 0.5);
          await map.card().locator('a.btn-primary').waitFor();
          await scan(page, `map card ${tag}`);
          await screenshot(page, `40-${tag}-map-card`);
        }
        await new IncidentsPage(page, world.baseUrl).goto('from=2016-09-01&to=2016-09-30&verdict=violation');
        await scan(page, `incidents ${tag}`);
        await screenshot(page, `41-${tag}-incidents`, { fullPage: viewport !== VIEWPORT });
        for (const [name, id] of [
          ['incident', 'i29-urum-convoy-coi'],
          ['incident with accounts', world.disputedIncident],
        ] as const) {
          await page.goto(`${world.baseUrl}/incidents/${id}`);
          await new IncidentPage(page).loaded();
          await page.locator('[data-testid=audit] li').first().waitFor();
          if (id === 'i29-urum-convoy-coi') await page.locator('.history').waitFor();
          await scan(page, `${name} ${tag}`);
          await screenshot(page, `42-${tag}-${name.replace(/ /g, '-')}`, { fullPage: true });
        }
        await new StatePage(page, world.baseUrl).goto('from=2016-09-01&to=2016-09-30');
        await scan(page, `state ${tag}`);
        await screenshot(page, `43-${tag}-state`, { fullPage: true });
        for (const id of ['coh', 'coh-sept']) {
          await new AgreementPage(page, world.baseUrl).goto(id);
          await scan(page, `agreement ${id} ${tag}`);
        }
        await screenshot(page, `44-${tag}-agreement`, { fullPage: true });

        const reporter = await session('reporter', viewport);
        await new AppShell(reporter).language(lang);
        const report = new ReportPage(reporter, world.baseUrl);
        await report.goto();
        await scan(reporter, `report form ${tag}`);
        await report.placeOnMap(0.5, 0.5);
        await report.fill({ claimedAt: '2016-09-21T09:00', narrative: 'Shelling near the market.' });
        await report.choose({ act: 'shelling', classification: 'public' });
        await report.submit();
        await report.filedText();
        await scan(reporter, `report filed ${tag}`);
        await screenshot(reporter, `45-${tag}-report-filed`);
        await reporter.locator('[data-testid=report-filed] a[href^="/reports/"]').click();
        await reporter.locator('.filed-report-page h1').waitFor();
        await scan(reporter, `filed report ${tag}`);
        await screenshot(reporter, `46-${tag}-filed-report`, { fullPage: true });
        await page.goto(`${world.baseUrl}/incidents/no-such-incident`);
        await page.locator('[data-testid=not-found]').waitFor();
        await scan(page, `missing ${tag}`);
        expect(found).toEqual([]);
      });
    }
  });

  describe('on a phone', () => {
    const PHONE = { width: 390, height: 844 };
    it('opens and closes the menu by its button, by Escape and by navigating', async () => {
      const page = await session('analyst', PHONE);
      const shell = new AppShell(page);
      await new IncidentsPage(page, world.baseUrl).goto();
      // The menu does not fill the first screen: the list does.
      expect(await page.locator('#side-menu .nav').isVisible()).toBe(false);
      expect(await shell.menuButton().getAttribute('aria-expanded')).toBe('false');
      await shell.openMenu();
      expect(await shell.menuButton().getAttribute('aria-expanded')).toBe('true');
      await screenshot(page, '31-phone-menu');
      await expectAccessible(page, 'phone menu');
      await page.keyboard.press('Escape');
      expect(await page.locator('#side-menu .nav').isVisible()).toBe(false);
      await expect.poll(() => page.evaluate('document.activeElement?.className')).toBe('menu-button');
      await shell.openMenu();
      await page.locator('#side-menu a[href="/state"]').click();
      await page.locator('[data-testid=kpi-violations]').waitFor();
      expect(await shell.menuButton().getAttribute('aria-expanded')).toBe('false');
      expect(await page.locator('#side-menu .nav').isVisible()).toBe(false);
    });

    it('lists incidents as cards, and folds the filters away', async () => {
      const page = await session('analyst', PHONE);
      const list = new IncidentsPage(page, world.baseUrl);
      await list.goto('verdict=violation');
      expect(await page.locator('[data-testid=incident-table] thead').isVisible()).toBe(false);
      const first = list.rows().first();
      const box = (await first.boundingBox())!;
      expect(box.width).toBeLessThanOrEqual(PHONE.width);
      // A card names its facts: each line carries its column's name (drawn before it by the stylesheet).
      const labels = (await page.evaluate(
        `[...document.querySelectorAll('[data-testid=incident-table] tbody tr:first-child td')].map((td) => getComputedStyle(td, '::before').content)`,
      )) as string[];
      expect(labels).toEqual(['"When"', 'none', '"Act"', '"Perpetrator"', '"Finding"', '"Status"', '"Accounts"']);
      // Its title is a place a person can read, never an id.
      expect(await first.locator('td.cell-title a').innerText()).not.toMatch(/^i\d+-|[0-9a-f]{8}-[0-9a-f]{4}/);
      // The first card is on the first screen; the filters open on demand.
      expect(box.y).toBeLessThan(PHONE.height);
      expect(await page.locator('#f-verdict').isVisible()).toBe(false);
      await page.locator('.filters-toggle').click();
      expect(await page.locator('#f-verdict').isVisible()).toBe(true);
      await expectAccessible(page, 'incidents on a phone');
    });

    it('shows the map on the whole screen with its controls in reach', async () => {
      const page = await session('analyst', PHONE);
      const map = new MapPage(page, world.baseUrl);
      await map.goto('day=2016-09-19&window=30');
      const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
      expect(canvas.width).toBe(PHONE.width);
      expect(canvas.y + canvas.height).toBeLessThanOrEqual(PHONE.height + 1);
      expect(canvas.height).toBeGreaterThan(PHONE.height * 0.6);
      // The slider steps the day; the options (day, period, layers) open from one button.
      await map.previousDay();
      await page.waitForFunction(`new URLSearchParams(location.search).get('day') === '2016-09-18'`);
      await page.locator('.map-options-toggle').click();
      await setDateField(page, 'm-day', '2016-03-01');
      await page.waitForFunction(`new URLSearchParams(location.search).get('day') === '2016-03-01'`);
      const zones = page.locator('.layer-toggles input').nth(1);
      await zones.uncheck();
      expect(await zones.isChecked()).toBe(false);
      await screenshot(page, '32-phone-map-options');
      await page.locator('.map-options-toggle').click();
      // The legend starts folded and opens in reach.
      const legend = page.locator('.legend-toggle');
      expect(await legend.getAttribute('aria-expanded')).toBe('false');
      await legend.click();
      const body = (await page.locator('.legend-body').boundingBox())!;
      expect(body.y).toBeGreaterThan(0);
      expect(body.x + body.width).toBeLessThanOrEqual(PHONE.width);
      await screenshot(page, '33-phone-map-legend');
      await expectAccessible(page, 'map on a phone');
    });
  });
});
