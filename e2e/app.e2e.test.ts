/**
 * The web app end to end, in Debian's Chromium: sign in, the map, filtering and opening
 * incidents, filing a report by clicking on the map (with validation and a draft that survives
 * a reload), a live update from another session, Arabic right-to-left, role-aware navigation,
 * and an axe-core check of every main page. Screenshots of the main pages go to e2e/screenshots/.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium, launchBrowser, screenshot, seriousA11yViolations } from './browser.ts';
import { buildServer } from '../src/http/server.ts';
import { type E2EWorld, PASSWORD, startE2EWorld } from './harness.ts';
import { AgreementPage, digits, StatePage } from './pages/agreement.page.ts';
import { IncidentPage } from './pages/incident.page.ts';
import { IncidentsPage } from './pages/incidents.page.ts';
import { MapPage } from './pages/map.page.ts';
import { ReportPage } from './pages/report.page.ts';
import { AppShell } from './pages/shell.ts';
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
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await world?.close();
  });

  // Each user signs in through the page once; later sessions start from its cookie (the server
  // allows ten sign-ins a minute from one address).
  const signedIn = new Map<string, Awaited<ReturnType<BrowserContext['storageState']>>>();

  /** A new browser session (its own cookies and storage), signed in as `username`. */
  async function session(username: string | null): Promise<Page> {
    const state = username ? signedIn.get(username) : undefined;
    // bypassCSP: the tests' own scripts (axe-core, waits) run in the page; the app runs under the server's CSP all the same.
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-GB', bypassCSP: true, ...(state ? { storageState: state } : {}) });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`page error (${username}): ${e.message}`));
    if (username && state) {
      await page.goto(`${world.baseUrl}/map`);
      await page.locator('nav .nav').waitFor();
    } else if (username) {
      const signIn = new SignInPage(page, world.baseUrl);
      await signIn.goto();
      await signIn.signIn(username, PASSWORD);
      signedIn.set(username, await context.storageState());
    }
    return page;
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
    await page.locator('.cluster-count').first().waitFor();
    const box = (await page.locator('.cluster-count').first().boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await map.card().waitFor();
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

  it('draws a deployment\'s own tiles under the boundaries, allowed by the page\'s security policy', async () => {
    // A tile server on another port (another origin), answering every tile with one grey pixel.
    const pixel = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGP4DwABAQEAGJzZ2wAAAABJRU5ErkJggg==', 'base64');
    const tileRequests: string[] = [];
    const tiles = createServer((req, res) => {
      tileRequests.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' }).end(pixel);
    });
    await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
    const tileOrigin = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}`;
    const app = await buildServer({ ctx: world.ctx, basemap: { kind: 'xyz', url: `${tileOrigin}/{z}/{x}/{y}.png`, origin: tileOrigin } });
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      await session('analyst'); // signs in once; cookies do not depend on the port
      // Under the server's CSP this time: a refused tile would show as a console error.
      const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-GB', storageState: signedIn.get('analyst')! });
      contexts.push(context);
      const page = await context.newPage();
      const refused: string[] = [];
      page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text()); });
      await new MapPage(page, baseUrl).goto('day=2016-09-19&window=30');
      await expect.poll(() => tileRequests.length).toBeGreaterThan(0);
      expect(tileRequests.every((u) => /^\/\d+\/\d+\/\d+\.png$/.test(u)), tileRequests.join(' ')).toBe(true);
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
    await report.fill({ claimedAt: '2016-09-19T19:30', narrative: 'Aid trucks hit near the warehouse.', casualtiesLow: '30', casualtiesBest: '12' });
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
    expect(await report.filedText()).toMatch(/Report \S+ filed/);
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
    const filed = await report.filedText();
    const id = /Report (\S+) filed/.exec(filed)![1]!;

    await analyst.locator('[data-testid=live-toasts] .toast', { hasText: id }).waitFor({ timeout: 15_000 });
    expect((await shell.toasts()).join('\n')).toContain(`New report ${id} from sarc`);
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
    await page.locator('.empty').waitFor();
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
    expect(await state.agreementOptions()).toEqual(['All agreements', 'Cessation of Hostilities in Syria (US-Russia Joint Statement and Terms, 22 Feb 2016)', sept]);
    expect(await state.scope()).toContain(`Every figure below covers ${sept}, 1 Sept 2016 to 30 Sept 2016 (30 days).`);
    const total = digits(await state.violations());
    expect(total).toBeGreaterThan(0);
    expect((await state.verdictCounts())[0]).toBe(total);
    expect(sum(await state.breakdownTotals('By area'))).toBe(total);
    expect(sum(await state.breakdownTotals('By violator'))).toBeGreaterThanOrEqual(total);
    // The calm strip: the arrangement was in force all day only from 13 to 18 September; the threshold is drawn over its counts.
    const strip = await state.calmStrip();
    expect(strip.map((d) => d.date)).toHaveLength(30);
    expect(strip.filter((d) => d.state !== 'not_in_force').map((d) => d.date)).toEqual(['2016-09-13', '2016-09-14', '2016-09-15', '2016-09-16', '2016-09-17', '2016-09-18']);
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
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB', bypassCSP: true, storageState: signedIn.get('analyst')! });
    contexts.push(context);
    const page = await context.newPage();
    const state = new StatePage(page, world.baseUrl);
    await state.goto('from=2016-09-12&to=2016-09-20');
    expect(await state.scope()).toContain('Renewed cessation of hostilities');
    expect((await state.calmStrip()).map((d) => d.state)).toEqual(['not_in_force', 'calm', 'calm', 'calm', 'calm', 'calm', 'calm', 'not_in_force', 'not_in_force']);
    // The choice of agreement (a long title), the sentence saying what the figures cover, the figures and the chart fit the screen.
    for (const selector of ['.window-picker', '.window-picker select', '[data-testid=state-scope]', '.kpis', '.chart']) {
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
    expect(await state.scope()).toContain('تشمل كل الأرقام أدناه: Renewed cessation of hostilities');
    expect(sum(await state.breakdownTotals('حسب المنطقة'))).toBe(digits(await state.violations()));
    expect((await state.calmStrip()).filter((d) => d.state === 'not_in_force')).toHaveLength(24);
    await screenshot(page, '16-state-ar');
    await expectAccessible(page, 'state (ar)');

    // The choice is kept: a reload stays in Arabic.
    await page.reload();
    await page.locator('nav .nav').waitFor();
    expect(await shell.direction()).toBe('rtl');
  });
});
