/**
 * The deconfliction console end to end, in Debian's Chromium: the Red Crescent has notified Russia of
 * a field hospital and a convoy near Idlib, the United States holds a position it shares with no one
 * and opens an urgent hotline thread to Russia, and Russia has declared an air strike nearby. Russia's
 * analyst opens the console: the map draws the day's sites, movements and its operation (nothing of
 * the United States' position), the conflict with the hospital is listed, the thread counts down, and
 * one click acknowledges it; in Arabic on a phone the lists are tabs under the map, and one click
 * acknowledges the hospital's notification. In English and Arabic, at 1440 and 390 px, no id shown.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../src/app/accounts/add-user.ts';
import { hasChromium, launchBrowser, screenshot, seriousA11yViolations } from './browser.ts';
import { type E2EWorld, PASSWORD, startE2EWorld } from './harness.ts';
import { ConsolePage } from './pages/console.page.ts';
import { AppShell } from './pages/shell.ts';
import { DESKTOP, e2eSessions, PHONE } from './sessions.ts';
import { demoIds, leaks, readableText } from './pages/words.ts';

const HOUR = 3_600_000;
/** Idlib; a degree of latitude is 111 195 m. */
const AT = { lon: 36.634, lat: 35.93 };
const north = (metres: number): [number, number] => [AT.lon, AT.lat + metres / 111_195];
const iso = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

describe.skipIf(!hasChromium())('the deconfliction console in Chromium', { timeout: 240_000 }, () => {
  let world: E2EWorld;
  let browser: Browser;
  const { session, api, close } = e2eSessions(
    () => world,
    () => browser,
  );

  beforeAll(async () => {
    world = await startE2EWorld();
    browser = await launchBrowser();
    await addUser(world.ctx, 'operator', {
      username: 'sarc-aid',
      orgId: 'sarc',
      role: 'humanitarian',
      password: PASSWORD,
    });
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
    await api('sarc-aid', 'POST', '/api/v1/notifications', {
      subject: 'movement',
      name: 'Convoy to Saraqib',
      geometry: {
        type: 'LineString',
        coordinates: [
          [AT.lon - 0.02, AT.lat - 0.01],
          [AT.lon + 0.03, AT.lat + 0.02],
        ],
      },
      buffer_m: 200,
      vehicles: '8 trucks',
      cargo: 'medicine',
      valid: { from: iso(-1), to: iso(6) },
      acknowledge_by: iso(2),
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
    await api('ru-analyst', 'POST', '/api/v1/operations', {
      actor: 'ru',
      kind: 'air_strike',
      classification: 'org',
      area: { type: 'Point', coordinates: [AT.lon, AT.lat] },
      radius_m: 500,
      window: { from: iso(-1), to: iso(5) },
    });
    await api('us-analyst', 'POST', '/api/v1/hotline', {
      subject: 'Aircraft near our advisers',
      message: 'Aircraft circling near our position by the road.',
      priority: 'urgent',
      recipients: ['ru'],
    });
  }, 300_000);

  afterAll(async () => {
    await close();
    await browser?.close();
    await world?.close();
  });

  it('shows the day on a map beside its conflicts and the hotline, and acknowledges a thread in one action', async () => {
    const page = await session('ru-analyst');
    const console_ = new ConsolePage(page, world.baseUrl);
    await new AppShell(page).go('/console');
    await console_.goto();
    expect(await console_.drawn()).toBeGreaterThan(0);
    const legend = await console_.legend();
    expect(legend).toMatch(/Movements \(1\)/);
    expect(legend).toMatch(/Operations \([1-9]/);
    // Positions: the United States shares its own with no one.
    expect(legend).toMatch(/Positions \(0\)/);
    await console_.panel('conflicts').locator('[data-testid=console-conflict]').first().waitFor();
    const conflicts = await console_.conflicts();
    const hospital = conflicts.find((c) => c.includes('Idlib field hospital'));
    expect(hospital, conflicts.join('\n')).toMatch(/Notified site/);
    expect(hospital).toMatch(/Air strike/);
    expect(hospital).toContain('Notified to the declaring party');
    expect(conflicts.join('\n')).not.toContain('Advisers');
    // The hotline: the urgent thread counts down.
    await console_.panel('hotline').locator('[data-testid=countdown]').first().waitFor();
    expect((await console_.threads()).join('\n')).toMatch(/Aircraft near our advisers[\s\S]*left to acknowledge/);
    // To acknowledge: the thread and both notifications; one click each.
    await console_.panel('acknowledge').locator('[data-testid=console-to-acknowledge]').first().waitFor();
    const waiting = await console_.toAcknowledge();
    expect(waiting.join('\n')).toContain('Aircraft near our advisers');
    expect(waiting.join('\n')).toContain('Idlib field hospital');
    expect(waiting.join('\n')).toContain('Convoy to Saraqib');
    await console_.acknowledge('Aircraft near our advisers');
    await page.waitForFunction(
      `[...document.querySelectorAll('[data-testid=console-threads] li')].some((li) => /Acknowledged/.test(li.innerText))`,
    );
    const text = await readableText(page);
    expect(text).not.toContain('Advisers by the road');
    expect(leaks(text, demoIds())).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await new AppShell(page).overflowX()).toBeLessThanOrEqual(0);
    await screenshot(page, '90-console-en-1440');
  });

  it('reads in Arabic on a phone, the lists in tabs under the map, and acknowledges a notification in one action', async () => {
    const page = await session('ru-analyst', PHONE, 'ar');
    const console_ = new ConsolePage(page, world.baseUrl);
    await console_.goto();
    const shell = new AppShell(page);
    expect(await shell.direction()).toBe('rtl');
    expect(await page.locator('h1').innerText()).toBe('لوحة تفادي التعارض');
    // The map spans the screen's width; the lists come below it.
    const map = await page.locator('[data-testid=console-map]').boundingBox();
    expect(map!.width).toBeGreaterThan(PHONE.width - 60);
    await console_.show('بانتظار الإقرار');
    await console_.panel('acknowledge').locator('[data-testid=console-to-acknowledge]').first().waitFor();
    expect((await console_.toAcknowledge()).join('\n')).toContain('Idlib field hospital');
    await screenshot(page, '91-console-ar-390-acknowledge', { fullPage: true });
    await console_.acknowledge('Idlib field hospital');
    await console_.show('التعارضات');
    await console_.panel('conflicts').locator('[data-testid=console-conflict]').first().waitFor();
    expect((await console_.conflicts()).join('\n')).toContain('Idlib field hospital');
    expect(await shell.overflowX()).toBeLessThanOrEqual(0);
    expect(leaks(await readableText(page), demoIds())).toEqual([]);
    await screenshot(page, '91-console-ar-390-conflicts', { fullPage: true });
  });

  it('keeps its layout in English on a phone and in Arabic on a desktop, on a day chosen in the page', async () => {
    for (const [lang, viewport] of [
      ['en', PHONE],
      ['ar', DESKTOP],
    ] as const) {
      const page = await session('ru-analyst', viewport, lang);
      const console_ = new ConsolePage(page, world.baseUrl);
      await console_.goto();
      const shell = new AppShell(page);
      expect(await shell.overflowX(), `${lang} ${viewport.width}`).toBeLessThanOrEqual(0);
      expect(leaks(await readableText(page), demoIds())).toEqual([]);
      if (viewport === PHONE) await console_.show('Hotline');
      await console_.panel('hotline').locator('[data-testid=countdown]').first().waitFor();
      await screenshot(page, `92-console-${lang}-${viewport.width}`, { fullPage: viewport === PHONE });
    }
    // A day of the demo world's truce, chosen in the date field: its protected sites, none of today's movements.
    const page = await session('ru-analyst', DESKTOP, 'en');
    const console_ = new ConsolePage(page, world.baseUrl);
    await console_.goto('2016-09-19');
    expect(await console_.legend()).toMatch(/Movements \(0\)/);
    expect(await page.locator('#console-day-year').inputValue()).toBe('2016');
  });
});
