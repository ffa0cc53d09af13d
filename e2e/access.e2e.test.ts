/**
 * Humanitarian access beyond one convoy, in Debian's Chromium, on the demo world of 2016: the
 * besieged-areas dashboard (each area's status, besiegers, population and days without aid, a small
 * map) and an area's page, where a humanitarian adds a population estimate and only an analyst may
 * change the status; the local agreements on a timeline and Daraya's agreement with its evacuation
 * and the change of control that followed; the monthly access plan of May 2016 (the Daraya convoy
 * approved and turned back), its CSV with the HXL hashtags, and an organization that sees no request
 * counting none. Each page in English and Arabic, at 1440 and 390 px, with no id shown, nothing
 * scrolling sideways and no serious accessibility fault.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, screenshot, seriousA11yViolations } from './browser.ts';
import { type E2EWorld, startE2EWorld } from './harness.ts';
import { AccessPlanPage, BesiegedPage, LocalAgreementsPage } from './pages/access.page.ts';
import { DESKTOP, e2eSessions, PHONE } from './sessions.ts';
import { setDateField } from './pages/date-field.ts';
import { AppShell } from './pages/shell.ts';
import { demoIds, leaks, readableText } from './pages/words.ts';

describe.skipIf(!hasChromium())(
  'besieged areas, local agreements and the access plan, in Chromium',
  { timeout: 300_000 },
  () => {
    let world: E2EWorld;
    let browser: Browser;
    const sessions = e2eSessions(
      () => world,
      () => browser,
    );
    const ids = demoIds();

    beforeAll(async () => {
      world = await startE2EWorld();
      browser = await launchBrowser();
    }, 240_000);

    afterAll(async () => {
      await sessions.close();
      await browser?.close();
      await world?.close();
    });

    async function checkPage(page: Page, what: string): Promise<void> {
      expect(leaks(await readableText(page), ids), what).toEqual([]);
      const wide = (await page.evaluate(`[...document.querySelectorAll('main *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 || e.getBoundingClientRect().left < -1)
      .slice(-5).map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().width))`)) as string[];
      expect(
        await new AppShell(page).overflowX(),
        `${what}: scrolls sideways (${wide.join('; ')})`,
      ).toBeLessThanOrEqual(0);
      const faults = await seriousA11yViolations(page);
      expect(faults, `${what}: ${JSON.stringify(faults).slice(0, 1500)}`).toEqual([]);
    }

    it('shows the besieged areas with their figures and a map, and lets a humanitarian add an estimate', async () => {
      const page = await sessions.session('analyst');
      const dashboard = new BesiegedPage(page, world.baseUrl);
      await dashboard.goto();
      const names = await dashboard.areaNames();
      expect(names).toEqual(expect.arrayContaining(['Daraya', 'Eastern Aleppo', 'Madaya and Zabadani']));
      expect(await page.locator('[data-testid=besieged-overall]').innerText()).toContain('974,080');
      await page.locator('[data-testid=siege-overview] svg a').first().waitFor();
      expect(await page.locator('[data-testid=siege-overview] svg a').count()).toBe(names.length);
      await screenshot(page, 'access-01-besieged', { fullPage: true });
      await checkPage(page, 'the besieged areas');

      const ar = await sessions.session('analyst', PHONE, 'ar');
      const arDashboard = new BesiegedPage(ar, world.baseUrl);
      await arDashboard.goto();
      expect(await arDashboard.areaNames()).toContain('داريا');
      await screenshot(ar, 'access-02-besieged-ar-phone', { fullPage: true });
      await checkPage(ar, 'the besieged areas (Arabic, phone)');

      // A humanitarian counts: adds an estimate beside the others; changing the status is not offered to it.
      const ocha = await sessions.session('ocha-humanitarian', PHONE);
      const list = new BesiegedPage(ocha, world.baseUrl);
      await list.goto();
      await list.open('Madaya and Zabadani');
      const before = await ocha.locator('[data-testid=siege-estimates] tbody tr').count();
      expect(await ocha.locator('[data-testid=status-form]').count()).toBe(0);
      const form = ocha.locator('[data-testid=estimate-form]');
      await setDateField(ocha, 'estimate-day', '2016-12-01');
      await form.locator('#estimate-population').fill('40000');
      await form.locator('#estimate-source').fill('OCHA field team, 1 December 2016');
      await checkPage(ocha, 'the estimate form (phone)');
      await form.locator('button[type=submit]').click();
      await form.locator('.notice-success').waitFor();
      await expect.poll(() => ocha.locator('[data-testid=siege-estimates] tbody tr').count()).toBe(before + 1);
      expect(await ocha.locator('[data-testid=siege-estimates]').innerText()).toContain(
        'OCHA field team, 1 December 2016',
      );
      await screenshot(ocha, 'access-03-area-phone', { fullPage: true });
      await checkPage(ocha, 'an area (phone)');

      // The analyst may change the status; the area's map is drawn.
      await dashboard.goto();
      await dashboard.open('Daraya');
      await page.locator('[data-testid=status-form]').waitFor();
      await page.locator('.siege-map canvas').waitFor();
      await new AppShell(page).language('ar');
      await page.locator('h1', { hasText: 'داريا' }).waitFor();
      // The convoy delivered on 1 June is among the area's deliveries, in the page's language, linked to its request.
      const convoy = page.locator('section[aria-labelledby=siege-deliveries] li', {
        has: page.locator('a[href^="/convoys/"]'),
      });
      expect(await convoy.innerText()).toMatch(
        /^١ حزيران ٢٠١٦\nقافلة: Convoy to Daraya: medical and nutrition supplies · وصلت المساعدات إلى ٤٬٠٠٠ شخص\nالمصدر: /,
      );
      await screenshot(page, 'access-04-area-ar', { fullPage: true });
      await checkPage(page, 'an area (Arabic)');
    });

    it('shows the local agreements on a timeline, and Daraya’s with its evacuation and the change of control it brought', async () => {
      const page = await sessions.session('analyst', PHONE);
      const list = new LocalAgreementsPage(page, world.baseUrl);
      await list.goto();
      expect(await list.names()).toEqual([
        'Daraya: the town handed over, its people evacuated',
        'Eastern Aleppo: ceasefire and evacuation',
      ]);
      await screenshot(page, 'access-05-agreements-phone', { fullPage: true });
      await checkPage(page, 'the local agreements (phone)');
      await list.open('Daraya: the town handed over, its people evacuated');
      const timeline = page.locator('[data-testid=agreement-timeline]');
      await timeline.locator('[data-event=change]').waitFor();
      expect(await timeline.locator('li').evaluateAll((lis) => lis.map((l) => l.getAttribute('data-event')))).toEqual([
        'concluded',
        'evacuation',
        'evacuation',
        'change',
      ]);
      await expect.poll(() => timeline.locator('[data-event=change]').innerText()).toContain('then by');
      expect(await page.locator('[data-testid=evacuations]').innerText()).toContain('Idlib');
      await checkPage(page, 'the Daraya agreement (phone)');
      await screenshot(page, 'access-06-agreement-phone', { fullPage: true });
      await new AppShell(page).language('ar');
      // On a phone the switch is in the menu: closed again.
      await page.keyboard.press('Escape');
      await timeline.locator('[data-event=change]', { hasText: 'ثم بيد' }).waitFor();
      await screenshot(page, 'access-07-agreement-ar-phone', { fullPage: true });
      await checkPage(page, 'the Daraya agreement (Arabic, phone)');
      // The change of control that followed, judged: its page.
      await timeline.locator('[data-event=change] a').click();
      await page.waitForURL(/\/territory\//);

      const desktop = await sessions.session('analyst', DESKTOP, 'ar');
      const arList = new LocalAgreementsPage(desktop, world.baseUrl);
      await arList.goto();
      await checkPage(desktop, 'the local agreements (Arabic)');
      await desktop.locator('.page-header a', { hasText: 'تسجيل اتفاق محلي' }).click();
      await desktop.locator('[data-testid=agreement-form]').waitFor();
      await desktop.locator('#agreement-zone').selectOption('z-daraya');
      await desktop.locator('#agreement-change option').nth(1).waitFor({ state: 'attached' });
      await screenshot(desktop, 'access-08-agreement-form-ar', { fullPage: true });
      await checkPage(desktop, 'the agreement form (Arabic)');
      // Recorded as a person would, in Arabic: an earlier truce in Daraya, then the wounded evacuated under it.
      await desktop.locator('#agreement-name-ar').fill('هدنة داريا الأولى');
      await desktop.locator('#agreement-name').fill('First Daraya truce');
      await setDateField(desktop, 'agreement-concluded', '2016-01-15');
      await desktop.locator('#party-0-actor').selectOption('sy-gov');
      await desktop.locator('#party-1-actor').selectOption('fsa-south');
      await desktop.locator('#agreement-terms').fill('وقف إطلاق النار وإدخال المساعدات الطبية');
      await desktop.locator('[data-testid=agreement-form] button[type=submit]').click();
      await desktop.waitForURL(/\/local-agreements\/[^/]+$/);
      await desktop.locator('h1', { hasText: 'هدنة داريا الأولى' }).waitFor();
      const evacuation = desktop.locator('[data-testid=evacuation-form]');
      await setDateField(desktop, 'evacuation-started', '2016-01-20');
      await desktop.locator('#evacuation-wounded').fill('12');
      await desktop.locator('#evacuation-origin-ar').fill('داريا');
      await desktop.locator('#evacuation-origin').fill('Daraya');
      await desktop.locator('#evacuation-destination-ar').fill('دمشق');
      await desktop.locator('#evacuation-destination').fill('Damascus');
      await evacuation.locator('button[type=submit]').click();
      await desktop.locator('.notice-success').waitFor();
      const moved = desktop.locator('[data-testid=evacuations] tbody tr');
      await expect.poll(() => moved.count()).toBe(1);
      expect(await moved.innerText()).toMatch(/١٢[\s\S]*داريا[\s\S]*دمشق/);
      await desktop.locator('[data-testid=agreement-timeline] li[data-event=evacuation]').first().waitFor();
      await screenshot(desktop, 'access-08b-agreement-recorded-ar', { fullPage: true });
      await checkPage(desktop, 'an agreement recorded with its evacuation (Arabic)');
    });

    it('shows the monthly access plan of May 2016, exports it with HXL hashtags, and counts nothing hidden', async () => {
      const page = await sessions.session('analyst');
      const plan = new AccessPlanPage(page, world.baseUrl);
      await plan.goto('2016-05');
      expect(await plan.locationRow('Daraya')).toMatchObject({
        planned: '1',
        approved: '1',
        stopped: '1',
        delivered: '0',
      });
      expect(await page.locator('[data-testid=plan-parties]').innerText()).toContain(
        'Syrian Arab Army and government forces',
      );
      const csv = await plan.csv();
      expect(csv.split('\r\n')[1]).toContain('#output+convoys+planned');
      // The convoy's destination is at Darayya (GeoNames), named so, with the name the request gave it.
      expect(csv).toContain('2016-05,location,Darayya,Daraya,');
      await screenshot(page, 'access-09-plan', { fullPage: true });
      await checkPage(page, 'the access plan');
      // The month picker steps to June: the convoy delivered on 1 June.
      await page.locator('.plan-months button', { hasText: 'Next month' }).click();
      await page.locator('[data-testid=plan-month]', { hasText: 'June 2016' }).waitFor();
      expect(await plan.locationRow('Daraya')).toMatchObject({ delivered: '1' });

      const ar = await sessions.session('analyst', PHONE, 'ar');
      const arPlan = new AccessPlanPage(ar, world.baseUrl);
      await arPlan.goto('2016-05');
      await screenshot(ar, 'access-10-plan-ar-phone', { fullPage: true });
      await checkPage(ar, 'the access plan (Arabic, phone)');

      // The Syrian Arab Red Crescent's reporter sees none of these requests: nothing is counted for it.
      const other = await sessions.session('reporter', PHONE);
      const none = new AccessPlanPage(other, world.baseUrl);
      await none.goto('2016-05');
      await other.locator('[data-testid=plan-empty]').waitFor();
      await checkPage(other, 'an empty plan (phone)');
    });
  },
);
