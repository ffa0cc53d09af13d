/**
 * Operation notices end to end, in Debian's Chromium: a humanitarian organization has notified a
 * hospital to Russia and the United States hold a position they share with no one; Russia's
 * analyst declares an air strike nearby on the notices page and sees its conflict with the
 * hospital (notified to it), and nothing of the position; the secretariat sees it too; the
 * hospital's organization reads, on its notifications page, that an operation is planned near it,
 * without who, what or where. In English and Arabic, on a desktop and a phone, no id shown.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../src/app/accounts/add-user.ts';
import { hasChromium, launchBrowser, screenshot, seriousA11yViolations } from './browser.ts';
import { type E2EWorld, PASSWORD, startE2EWorld } from './harness.ts';
import { alertsOn, NoticesPage } from './pages/notices.page.ts';
import { AppShell } from './pages/shell.ts';
import { DESKTOP as VIEWPORT, e2eSessions, PHONE } from './sessions.ts';
import { demoIds, leaks, readableText } from './pages/words.ts';

const HOUR = 3_600_000;
/** Idlib; a degree of latitude is 111 195 m. */
const AT = { lon: 36.634, lat: 35.93 };
const north = (metres: number): [number, number] => [AT.lon, AT.lat + metres / 111_195];

describe.skipIf(!hasChromium())('operation notices in Chromium', { timeout: 180_000 }, () => {
  let world: E2EWorld;
  let browser: Browser;
  const { session, api, close } = e2eSessions(
    () => world,
    () => browser,
  );

  beforeAll(async () => {
    world = await startE2EWorld();
    browser = await launchBrowser();
    // A humanitarian of the Red Crescent, who notifies; an analyst of the United States, who records positions.
    await addUser(world.ctx, 'operator', {
      username: 'sarc-aid',
      orgId: 'sarc',
      role: 'humanitarian',
      password: PASSWORD,
    });
    const iso = (h: number) => new Date(Date.now() + h * HOUR).toISOString();
    await api('sarc-aid', 'POST', '/api/v1/notifications', {
      subject: 'site',
      site_kind: 'hospital',
      name: 'Idlib field hospital',
      geometry: { type: 'Point', coordinates: north(300) },
      buffer_m: 300,
      valid: { from: iso(-1), to: iso(24 * 7) },
      acknowledge_by: iso(24),
      recipients: ['ru'],
    });
    await api('us-analyst', 'POST', '/api/v1/positions', {
      name: 'Advisers by the road',
      kind: 'advisers',
      geometry: { type: 'Point', coordinates: north(400) },
      buffer_m: 500,
      valid: { from: iso(-24), to: null },
      recipients: [],
    });
  }, 240_000);

  afterAll(async () => {
    await close();
    await browser?.close();
    await world?.close();
  });

  it('declares an operation and sees its conflict; the secretariat too; the hospital is told without the operation', async () => {
    const page = await session('ru-analyst');
    const notices = new NoticesPage(page, world.baseUrl);
    await notices.goto();
    await notices.declare(AT, 500);
    await page.locator('[data-testid=notice-conflict]').first().waitFor();
    const conflicts = await notices.conflicts();
    const hospital = conflicts.find((c) => c.includes('Idlib field hospital'));
    expect(hospital, conflicts.join('\n')).toBeDefined();
    expect(hospital).toContain('Notified to the declaring party');
    expect(hospital).toContain('Notified site');
    expect(hospital).toContain('touching');
    // The position is the United States' alone: nothing of it, not even a count.
    expect(conflicts.join('\n')).not.toContain('Advisers');
    const [card] = await notices.notices();
    expect(card).toContain('Air strike');
    expect(leaks(await readableText(page), demoIds())).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '80-notices-declared-en-1440', { fullPage: true });

    // The secretariat: every notice, with the mark of what the declarer was told.
    const secretariat = await session('analyst');
    const all = new NoticesPage(secretariat, world.baseUrl);
    await all.goto();
    await all.tab('All you may see');
    await secretariat.locator('[data-testid=notice-conflict]', { hasText: 'Idlib field hospital' }).waitFor();

    // The hospital's organization: an operation is planned near it, and nothing else of it.
    const sarc = await session('sarc-aid');
    const told = await alertsOn(sarc, world.baseUrl, '/notifications');
    const alert = told.find((a) => a.includes('Idlib field hospital'));
    expect(alert, told.join('\n')).toMatch(/^An operation is planned over Idlib field hospital .*between/);
    expect(alert).not.toMatch(/Air strike|Russia/);
    // The United States: its position is at risk.
    const us = await session('us-analyst');
    expect((await alertsOn(us, world.baseUrl, '/positions')).join('\n')).toContain('Advisers by the road');
  });

  it('reads in Arabic, right to left, and on a phone, with nothing to scroll sideways and no ids shown', async () => {
    for (const [username, path, lang, viewport] of [
      ['ru-analyst', '/notices', 'ar', PHONE],
      ['ru-analyst', '/notices', 'en', PHONE],
      ['us-analyst', '/positions', 'ar', PHONE],
      ['us-analyst', '/positions', 'ar', VIEWPORT],
      ['sarc-aid', '/notifications', 'ar', PHONE],
    ] as const) {
      const page = await session(username, viewport, lang);
      await page.goto(`${world.baseUrl}${path}`);
      await page.locator('h1').first().waitFor();
      if (path === '/notices') await page.locator('[data-testid=notice-conflict]').first().waitFor();
      else await page.locator('[data-testid=notice-alert]').first().waitFor();
      const shell = new AppShell(page);
      expect(await shell.overflowX(), `${path} ${lang} ${viewport.width}`).toBeLessThanOrEqual(0);
      expect(leaks(await readableText(page), demoIds()), `${path} ${lang}`).toEqual([]);
      if (lang === 'ar') {
        expect(await shell.direction()).toBe('rtl');
        const text = await readableText(page);
        if (path === '/notices') expect(text).toContain('إشعارات العمليات');
        if (path !== '/notices') expect(text).toContain('عملية مخطط لها');
      }
      await screenshot(page, `81-${path.slice(1)}-${lang}-${viewport.width}`, { fullPage: viewport === PHONE });
    }
  });
});
