/**
 * The daily report's page in Chromium, in English and Arabic, on a 1440 px desktop and a 390 px
 * phone: the report of a day of the Syria 2016 world as the server writes it (the same HTML the PDF
 * prints and the email sends), a governorate chosen, the public edition saying so; right to left
 * with Arabic-Indic digits in Arabic; nothing wider than the phone; axe finds nothing serious. An
 * area drawn on the map (clicked with a mouse, tapped on the phone's touch screen) makes the report
 * its own, said in words, kept in the address; it is cleared again.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, screenshot, seriousA11yViolations } from './browser.ts';
import { type E2EWorld, startE2EWorld } from './harness.ts';
import { DailyReportPage } from './pages/daily-report.page.ts';
import { AppShell } from './pages/shell.ts';
import { DESKTOP, e2eSessions, PHONE } from './sessions.ts';

/** How many incidents the report says the day holds ("18 incidents recorded", "سُجّلت ١٨ حوادث"). */
function incidentsRecorded(text: string): number {
  const m = /([0-9٠-٩]+) incidents recorded|سُجّلت ([0-9٠-٩]+) حوادث/.exec(text);
  const digits = (m?.[1] ?? m?.[2] ?? '').replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660));
  return digits ? Number(digits) : Number.NaN;
}

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

  // English on the desktop; Arabic on both (the phone's layout is the same in either language, right to left aside).
  it.each([
    ['en', DESKTOP],
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

  // English with a mouse on a desktop, Arabic by touch on a phone: each language, each kind of
  // pointer and each width once (the report's own words are checked above in both at both widths).
  it.each([
    ['en', DESKTOP],
    ['ar', PHONE],
  ] as const)('draws an area and shows the report for it, in %s at %o', async (lang, viewport) => {
    const signedIn = await sessions.session('us-analyst', viewport, lang);
    const touch = viewport.width < 500;
    let page = signedIn;
    if (touch) {
      // The phone: a touch screen, each corner tapped.
      const context = sessions.track(
        await browser.newContext({
          viewport,
          hasTouch: true,
          bypassCSP: true,
          storageState: await signedIn.context().storageState(),
        }),
      );
      await context.addInitScript(`localStorage.setItem('truce.lang', ${JSON.stringify(lang)})`);
      page = await context.newPage();
    }
    const report = new DailyReportPage(page, world.baseUrl);
    // The drawing's map opens on Urum al-Kubra (the convoy struck that day), 20 km west of Aleppo city.
    await report.goto('date=2016-09-19&view=36.9305,36.1545,11');
    const before = incidentsRecorded(await report.report().innerText());
    expect(before).toBeGreaterThan(2);
    await report.drawArea(
      [
        [0.4, 0.4],
        [0.6, 0.4],
        [0.6, 0.6],
        [0.4, 0.6],
      ],
      touch,
    );
    await expect
      .poll(() => report.drawPanel().locator('[data-testid=draw-area-size]').innerText())
      .toMatch(lang === 'en' ? /^About .+ km², 4 points\.$/ : /^نحو .+ كم²، ٤ نقاط\.$/);
    await screenshot(page, `71-daily-report-draw-${lang}-${viewport.width}`, { fullPage: true });
    await report.applyArea(
      lang === 'en' ? /^A drawn area of about .+ km² around .+/ : /^منطقة مرسومة مساحتها نحو .+ كم² حول .+/,
    );
    const area = await report.area();
    expect(area).toContain(lang === 'en' ? 'Aleppo' : 'حلب');
    expect(area).not.toMatch(/36[.,]9/);
    // The report is the area's: the two accounts of the convoy strike, not the strike on Aleppo city.
    const after = incidentsRecorded(await report.report().innerText());
    expect(after).toBeGreaterThanOrEqual(2);
    expect(after).toBeLessThan(before);
    expect(await report.report().innerText()).not.toMatch(/Aleppo city|مدينة حلب/);
    expect(await report.summary()).toContain(lang === 'en' ? 'in a drawn area of about' : 'في منطقة مرسومة');
    expect(await page.locator('[data-testid=daily-report] svg [data-drawn-area]').count()).toBe(1);
    // Kept in the address, so that the report can be shared; the PDF is the area's too.
    const polygon = new URL(page.url()).searchParams.get('polygon');
    expect(polygon).toBeTruthy();
    expect(await report.pdfHref()).toContain(`polygon=${encodeURIComponent(polygon!)}`);
    expect(await new AppShell(page).overflowX()).toBeLessThanOrEqual(0);
    await screenshot(page, `72-daily-report-drawn-${lang}-${viewport.width}`, { fullPage: true });
    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    // Opened again from its address, it is the same report; cleared, the report is of every governorate again.
    await report.goto(`date=2016-09-19&polygon=${encodeURIComponent(polygon!)}`);
    expect(await report.area()).toBe(area);
    await page.locator('[data-testid=report-clear-drawn]').click();
    await page
      .locator('[data-testid=report-area]', { hasText: lang === 'en' ? 'All governorates' : 'جميع المحافظات' })
      .waitFor();
    expect(new URL(page.url()).searchParams.get('polygon')).toBeNull();
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
