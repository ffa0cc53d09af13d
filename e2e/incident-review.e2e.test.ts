/**
 * After an incident, end to end in Debian's Chromium: the strike on al-Quds hospital (27 April 2016)
 * flagged on its page as within the buffer of a notified site, with who had been told and the notice
 * that covered it; then its post-incident review, one timeline of what was notified, declared, said
 * on the hotline and reported, as each reader may see it (a notice for the co-chairs is not on the
 * secretariat's), widened, in English and Arabic, on a desktop and a phone, with names and no ids.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, screenshot, seriousA11yViolations } from './browser.ts';
import { type E2EWorld, startE2EWorld } from './harness.ts';
import { IncidentPage } from './pages/incident.page.ts';
import { IncidentReviewPage } from './pages/incident-review.page.ts';
import { AppShell } from './pages/shell.ts';
import { DESKTOP as VIEWPORT, e2eSessions, PHONE } from './sessions.ts';
import { demoIds, leaks, readableText } from './pages/words.ts';

const INCIDENT = 'i04-al-quds-hospital';

describe.skipIf(!hasChromium())('the post-incident review in Chromium', { timeout: 120_000 }, () => {
  let world: E2EWorld;
  let browser: Browser;
  const { session, api, close } = e2eSessions(
    () => world,
    () => browser,
  );

  beforeAll(async () => {
    world = await startE2EWorld();
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await close();
    await browser?.close();
    await world?.close();
  });

  it('flags the notified hospital struck and opens its review: what was notified, declared, said and reported', async () => {
    // Said on the hotline about it, by Russia to the United States; and a notice of the coalition seen by the co-chairs only.
    await api('ru-analyst', 'POST', '/api/v1/hotline', {
      subject: 'Strike on al-Quds hospital',
      message: 'Our aircraft were not over al-Quds that night.',
      priority: 'high',
      recipients: ['us'],
      links: [`incident:${INCIDENT}`],
    });
    await api('us-analyst', 'POST', '/api/v1/operations', {
      actor: 'us',
      kind: 'other',
      classification: 'co_chairs',
      area: { type: 'Point', coordinates: [37.16, 36.19] },
      radius_m: 1000,
      window: { from: '2016-04-27T10:00:00+03:00', to: '2016-04-27T14:00:00+03:00' },
    });
    const ids = demoIds();

    const page = await session('us-analyst');
    await page.goto(`${world.baseUrl}/incidents/${INCIDENT}`);
    const incident = new IncidentPage(page);
    await incident.loaded();
    await page.locator('[data-testid=struck-sites]').waitFor();
    const panel = (await incident.struckPanel())!;
    expect(panel).toContain('Struck within the buffer of a notified site');
    expect(panel).toContain('Hospital of Médecins Sans Frontières: inside it (buffer 300 m)');
    expect(panel).toContain('Notified to Russian Armed Forces and US-led coalition (CJTF-OIR); valid since');
    expect(panel).toMatch(/The operation notice of Syrian Arab Army and government forces covered the place/);
    await screenshot(page, '70-incident-struck');

    await incident.openReview();
    const review = new IncidentReviewPage(page);
    await review.loaded();
    expect(await review.around()).toBe('Around the incident: 48 h either side of its time, within 10 km of its place.');
    const kinds = await review.kinds();
    expect(kinds).toEqual(expect.arrayContaining(['site', 'incident', 'operation', 'hotline']));
    // In time order: the site (valid since 1 January), the notices of that day, the incident at 21:45, then the hotline.
    expect(kinds.indexOf('site')).toBeLessThan(kinds.indexOf('incident'));
    expect(kinds.lastIndexOf('hotline')).toBeGreaterThan(kinds.indexOf('incident'));
    const text = (await review.entriesText()).join('\n');
    expect(text).toContain(
      'Russian Federation (ISSG co-chair) opened a hotline thread to United States (ISSG co-chair)',
    );
    expect(text).toContain('Linked to this incident');
    expect(text).toContain('US-led coalition (CJTF-OIR) declared an operation');
    expect(text).toContain('Covered the incident');
    expect(leaks(await readableText(page), ids)).toEqual([]);
    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await screenshot(page, '71-incident-review', { fullPage: true });
    const declaredByUs = kinds.filter((k) => k === 'operation').length;

    // Widened to 20 km, the page says so and keeps it in its address.
    await review.widen(20);
    await page.waitForFunction(`document.querySelector('[data-testid=review-around]')?.textContent.includes('20 km')`);

    // The secretariat is party to no co-chairs' notice: one notice fewer, nothing else to tell of it.
    const un = await session('analyst');
    await un.goto(`${world.baseUrl}/incidents/${INCIDENT}/review`);
    const unReview = new IncidentReviewPage(un);
    await unReview.loaded();
    expect((await unReview.kinds()).filter((k) => k === 'operation')).toHaveLength(declaredByUs - 1);
    expect((await unReview.entriesText()).join('\n')).not.toContain('US-led coalition (CJTF-OIR) declared');

    // Arabic, right to left, on a desktop and a phone: names and dates, nothing to scroll sideways.
    for (const viewport of [VIEWPORT, PHONE]) {
      const ar = await session('us-analyst', viewport, 'ar');
      await ar.goto(`${world.baseUrl}/incidents/${INCIDENT}/review`);
      await new IncidentReviewPage(ar).loaded();
      expect(await new AppShell(ar).direction()).toBe('rtl');
      expect(await ar.locator('.incident-review-page .card-kicker').innerText()).toBe('مراجعة ما بعد الحادثة');
      expect((await new IncidentReviewPage(ar).entriesText()).join('\n')).toContain('أطباء بلا حدود');
      expect(await new AppShell(ar).overflowX(), `ar ${viewport.width}`).toBeLessThanOrEqual(0);
      expect(leaks(await readableText(ar), ids)).toEqual([]);
      await screenshot(ar, `72-incident-review-ar-${viewport.width}`, { fullPage: viewport === PHONE });
    }
    const phone = await session('us-analyst', PHONE);
    await phone.goto(`${world.baseUrl}/incidents/${INCIDENT}`);
    await phone.locator('[data-testid=struck-sites]').waitFor();
    expect(await new AppShell(phone).overflowX()).toBeLessThanOrEqual(0);
    await screenshot(phone, '73-incident-struck-390', { fullPage: true });
  });
});
