/**
 * The incident list's Export menu in Chromium: in English and Arabic, on a desktop and a 390 px
 * phone. Each link carries the list's filters and the page's language; a download through the
 * browser (the session cookie, no token) is the file the list shows, parsed back.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, screenshot, seriousA11yViolations } from './browser.ts';
import { type E2EWorld, PASSWORD, startE2EWorld } from './harness.ts';
import { LANDING } from './sessions.ts';
import { IncidentsPage } from './pages/incidents.page.ts';
import { AppShell } from './pages/shell.ts';
import { SignInPage } from './pages/sign-in.page.ts';

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

describe.skipIf(!hasChromium())('exports from the web app', { timeout: 180_000 }, () => {
  let world: E2EWorld;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    world = await startE2EWorld();
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });
  // A page left open goes on drawing (live events, its map): each test's are closed when it ends.
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
  });

  async function session(viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'en-US', bypassCSP: true, acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    const signIn = new SignInPage(page, world.baseUrl);
    await signIn.goto(LANDING);
    await signIn.signIn('observer', PASSWORD);
    return page;
  }

  const noSerious = async (page: Page, name: string) => {
    const violations = await seriousA11yViolations(page);
    expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  };

  it('offers every format with the filters of the list, and downloads the list as it is filtered', async () => {
    const page = await session(DESKTOP);
    const list = new IncidentsPage(page, world.baseUrl);
    await list.goto('act=air_strike&from=2016-09-01&to=2016-09-30');
    const shown = await list.count();
    expect(shown).toBeGreaterThan(0);
    const links = await list.openExport();
    expect(Object.keys(links)).toEqual(['geojson', 'ndjson', 'hxl', 'acled', 'bundle']);
    for (const href of Object.values(links)) {
      const q = new URL(href, world.baseUrl).searchParams;
      expect(q.get('act')).toBe('air_strike');
      // The first day's start in Damascus (UTC+3 in September 2016).
      expect(q.get('from')).toBe('2016-08-31T21:00:00.000Z');
      expect(q.get('lang')).toBe('en');
    }
    await screenshot(page, '60-export-menu');
    await noSerious(page, 'export menu');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.export-menu-panel a[data-format=geojson]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^truce-incidents-\d{4}-\d\d-\d\d\.geojson$/);
    const collection = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(collection.features).toHaveLength(shown);
    for (const f of collection.features) expect(f.properties.act).toBe('air_strike');
    // Escape closes the menu.
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-testid=export-menu]').getAttribute('open')).toBeNull();
  });

  it('in Arabic: the menu right to left, the HXL CSV with Arabic headings and names', async () => {
    const page = await session(DESKTOP);
    await new AppShell(page).language('ar');
    const list = new IncidentsPage(page, world.baseUrl);
    await list.goto('verdict=violation');
    const links = await list.openExport();
    expect(new URL(links.hxl!, world.baseUrl).searchParams.get('lang')).toBe('ar');
    expect(await page.locator('.export-menu-panel a[data-format=hxl] .export-name').innerText()).toBe(
      'CSV مع وسوم HXL',
    );
    // The panel opens towards the page's start: inside the page on the left in RTL.
    const panel = (await page.locator('.export-menu-panel').boundingBox())!;
    expect(panel.x).toBeGreaterThanOrEqual(0);
    await screenshot(page, '61-export-menu-ar');
    await noSerious(page, 'export menu (ar)');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.export-menu-panel a[data-format=hxl]').click(),
    ]);
    const rows = parse(readFileSync((await download.path())!, 'utf8'), { bom: true }) as string[][];
    expect(rows[0]![0]).toBe('الحادثة');
    expect(rows[1]).toContain('#adm1+name');
    expect(rows.length - 2).toBe(await list.count());
    const adm1 = rows[1]!.indexOf('#adm1+name');
    expect(rows.slice(2).some((r) => /[\u0600-\u06ff]/.test(r[adm1]!))).toBe(true);
  });

  it('on a 390 px phone: the menu within the screen, in both languages', async () => {
    const page = await session(PHONE);
    const list = new IncidentsPage(page, world.baseUrl);
    await list.goto('verdict=violation');
    await list.openExport();
    const panel = (await page.locator('.export-menu-panel').boundingBox())!;
    expect(panel.x).toBeGreaterThanOrEqual(0);
    expect(panel.x + panel.width).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, '62-export-menu-phone');
    await noSerious(page, 'export menu on a phone');
    await page.keyboard.press('Escape');
    await new AppShell(page).language('ar');
    await list.goto('verdict=violation');
    await list.openExport();
    const ar = (await page.locator('.export-menu-panel').boundingBox())!;
    expect(ar.x).toBeGreaterThanOrEqual(0);
    expect(ar.x + ar.width).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, '63-export-menu-phone-ar');
  });
});
