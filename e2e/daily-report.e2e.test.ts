/**
 * The daily report's page in Chromium, in English and Arabic, on a 1440 px desktop and a 390 px
 * phone: the report of a day of the Syria 2016 world as the server writes it (the same HTML the PDF
 * prints and the email sends), a governorate chosen, the public edition saying so; right to left
 * with Arabic-Indic digits in Arabic; nothing wider than the phone; axe finds nothing serious.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, screenshot, seriousA11yViolations } from './browser.ts';
import { type E2EWorld, startE2EWorld } from './harness.ts';
import { DailyReportPage } from './pages/daily-report.page.ts';
import { AppShell } from './pages/shell.ts';
import { DESKTOP, e2eSessions, PHONE } from './sessions.ts';

describe.skipIf(!hasChromium())('the daily report in the web app', { timeout: 240_000 }, () => {
  let world: E2EWorld;
  let browser: Browser;
  const sessions = e2eSessions(
    () => world,
    () => browser,
  );

  beforeAll(async () => {
    world = await startE2EWorld();
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await sessions.close();
    await browser?.close();
    await world?.close();
  });

  it.each([
    ['en', DESKTOP],
    ['en', PHONE],
    ['ar', DESKTOP],
    ['ar', PHONE],
  ] as const)('shows the report of a day in %s at %o', async (lang, viewport) => {
    const page = await sessions.session('us-analyst', viewport, lang);
    const report = new DailyReportPage(page, world.baseUrl);
    await report.goto('date=2016-09-19');
    const shell = new AppShell(page);
    expect(await shell.direction()).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    if (lang === 'en') {
      expect(await report.title()).toBe('Monday, 19 September 2016');
      expect(await report.area()).toBe('All governorates');
      expect(await report.summary()).toMatch(/^On Monday, 19 September 2016 the task force recorded \d+ violations/);
    } else {
      expect(await report.title()).toBe('الاثنين، ١٩ أيلول ٢٠١٦');
      expect(await report.area()).toBe('جميع المحافظات');
      // Arabic-Indic digits, no Latin digit in the summary.
      expect(await report.summary()).toMatch(/[٠-٩]/);
      expect(await report.summary()).not.toMatch(/[0-9]/);
    }
    expect(await report.edition()).toBe('cleared');
    expect(await page.locator('[data-testid=report-by-area] tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=daily-report] svg[role=img] circle').count()).toBeGreaterThan(0);
    expect(await report.pdfHref()).toBe(`/api/v1/daily-report/pdf?date=2016-09-19&edition=cleared&lang=${lang}`);
    expect(await shell.overflowX()).toBeLessThanOrEqual(0);
    const name = `70-daily-report-${lang}-${viewport.width}`;
    await screenshot(page, name, { fullPage: true });
    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });

  it('reports a governorate chosen, and the public edition says it holds public records only', async () => {
    const page = await sessions.session('us-analyst', DESKTOP, 'en');
    const report = new DailyReportPage(page, world.baseUrl);
    await report.goto('date=2016-09-19');
    await report.chooseArea('Aleppo');
    expect(new URL(page.url()).searchParams.get('area')).toBe('SY02');
    expect(await report.summary()).toContain('in Aleppo');
    await report.chooseEdition('public');
    expect(await report.report().innerText()).toContain('Public edition. It holds only records classified public');
    expect(await report.pdfHref()).toContain('edition=public');
    // The nav names the daily report as the page, not "File a report".
    expect(await page.locator('nav .nav-link[aria-current=page]').innerText()).toBe('Daily report');
  });
});
