/**
 * The negotiation room end to end, in Debian's Chromium: the co-chairs draft a clause of the
 * cessation of hostilities; Russia holds it to be a sticking point. The United States' analyst,
 * as a new user would, finds the room, rewords the clause (the difference shows word by word),
 * agrees to it; Russia agrees, proposes to publish it with Aleppo governorate as the scope, and
 * approves; the United States approves and
 * publishes: the clause is the agreement's. Its schedules then show in the room: the parties, each
 * with when it accepted, and the United States records Hezbollah's acceptance from the room's form.
 * The room read in Arabic on a phone: right to left, nothing wider than the screen, no id shown;
 * Russia records an acceptance there, in Arabic. An observer (OCHA, invited) sees the schedules, not
 * the form.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, screenshot, seriousA11yViolations } from './browser.ts';
import { type E2EWorld, startE2EWorld } from './harness.ts';
import { NegotiationPage } from './pages/negotiation.page.ts';
import { AppShell } from './pages/shell.ts';
import { demoIds, leaks, readableText } from './pages/words.ts';
import { DESKTOP, e2eSessions, PHONE } from './sessions.ts';

const TEXT = 'The parties shall cease all attacks with any weapons within 48 hours.';
const REWORDED = 'The parties shall cease all attacks with any weapons within 72 hours of the announcement.';

describe.skipIf(!hasChromium())('the negotiation room in Chromium', { timeout: 120_000 }, () => {
  let world: E2EWorld;
  let browser: Browser;
  let room: { id: string };
  let clause: { id: string };
  const { session, api, close } = e2eSessions(
    () => world,
    () => browser,
  );

  beforeAll(async () => {
    world = await startE2EWorld();
    browser = await launchBrowser();
    room = await api('us-analyst', 'POST', '/api/v1/negotiation-rooms', {
      title: 'Geneva: the terms',
      agreement_id: 'coh',
    });
    clause = await api('us-analyst', 'POST', `/api/v1/negotiation-rooms/${room.id}/clauses`, {
      number: '1',
      title: 'Cessation of attacks',
      text: TEXT,
      code: 'T1',
      acts: ['air_strike', 'shelling'],
    });
    await api('us-analyst', 'POST', `/api/v1/negotiation-rooms/${room.id}/clauses`, {
      number: '2',
      title: 'Humanitarian access',
      text: 'يسمح الطرفان بوصول المساعدات الإنسانية دون عوائق إلى كل المناطق المحاصرة.',
    });
    await api('ru-analyst', 'POST', `/api/v1/negotiation-rooms/${room.id}/clauses/${clause.id}/positions`, {
      stance: 'sticking_point',
      comment: '48 hours is too short',
      proposed_wording: 'within 72 hours',
    });
  }, 240_000);

  afterAll(async () => {
    await close();
    await browser?.close();
    await world?.close();
  });

  const hidden = () => [...demoIds(), room.id, clause.id];

  it('takes a clause from a sticking point to publication, both co-chairs approving', async () => {
    const us = await session('us-analyst', DESKTOP);
    const usRoom = new NegotiationPage(us, world.baseUrl);
    await usRoom.gotoList();
    await usRoom.openRoom('Geneva: the terms');
    expect(await usRoom.dashboardRow('1')).toContain('Sticking point');
    await usRoom.editClause('1', REWORDED);
    const diff = await usRoom.versionDiff('1');
    expect(diff).toEqual({ added: ['72 hours of the announcement.'], removed: ['48 hours.'] });
    await usRoom.takePosition('1', 'Agreed');
    await us.locator('.clause-panel li', { hasText: 'Agreed' }).first().waitFor();

    const ru = await session('ru-analyst', DESKTOP);
    const ruRoom = new NegotiationPage(ru, world.baseUrl);
    await ruRoom.goto(room.id);
    await ruRoom.takePosition('1', 'Agreed', 'Accepted at 72 hours');
    // The United States' stance was already agreed: wait for Russia's to land, the sticking point gone.
    await ru
      .locator('[data-testid=room-dashboard] tbody tr', { hasText: '1.' })
      .filter({ hasNotText: 'Sticking point' })
      .locator('.stance-agreed')
      .first()
      .waitFor();
    expect(await ruRoom.dashboardRow('1')).not.toContain('Sticking point');
    // The scope to publish with the clause: Aleppo governorate, chosen by its name; shown in the proposal.
    await ruRoom.chooseScope(['Aleppo']);
    await ru.getByRole('button', { name: /Propose to publish/ }).click();
    await ruRoom.proposals().first().waitFor();
    expect(await ruRoom.proposals().first().locator('[data-testid=proposal-terms]').innerText()).toBe(
      'Scope once published: Aleppo',
    );
    await ru.getByRole('button', { name: 'Approve for your organization' }).click();
    await ruRoom.proposals().first().getByText('waiting for').waitFor();

    await usRoom.goto(room.id);
    await us.getByRole('button', { name: 'Approve for your organization' }).click();
    await usRoom.proposals().first().filter({ hasNotText: 'waiting for' }).waitFor();
    await us.getByRole('button', { name: 'Publish as the agreement in force' }).click();
    await usRoom.proposals().first().locator('.publication-published').waitFor();

    // The schedules: the published agreement's parties, and an acceptance recorded from the room.
    expect(await usRoom.partyRow('New Syrian Army')).toContain('26 Feb 2016');
    expect(await usRoom.partyRow('Northern opposition factions')).toContain('withdrew');
    await usRoom.recordAcceptance({
      party: 'Hezbollah',
      at: '2016-02-26T18:30',
      channel: 'A letter to the Russian co-chair',
      caveats: ['Only around Damascus', 'Reserves the right to reply'],
    });
    const row = await usRoom.partyRow('Hezbollah');
    expect(row).toContain('26 Feb 2016');
    expect(row).toContain('18:30');
    expect(row).toContain('A letter to the Russian co-chair');
    expect(row).toContain('Only around Damascus; Reserves the right to reply');
    expect(leaks(await readableText(us), hidden())).toEqual([]);
    expect(await seriousA11yViolations(us)).toEqual([]);
    await screenshot(us, '90-negotiation-room-en-1440', { fullPage: true });
    await usRoom.schedules().scrollIntoViewIfNeeded();
    await screenshot(us, '94-negotiation-schedules-en-1440');

    // The clause is now the agreement's, in force.
    const agreement = await world.app.inject({
      method: 'GET',
      url: '/api/v1/agreements/coh',
      headers: { cookie: (await us.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ') },
    });
    expect(agreement.json().clauses).toEqual([
      expect.objectContaining({ code: 'T1', text: `Cessation of attacks: ${REWORDED}` }),
    ]);
    expect(agreement.json().scope.type).toBe('MultiPolygon');
    // Entered at 18:30 in the truce's timezone (Damascus, UTC+2 that February).
    expect(agreement.json().parties.at(-1)).toMatchObject({
      actor: 'hezbollah',
      channel: 'A letter to the Russian co-chair',
      caveats: ['Only around Damascus', 'Reserves the right to reply'],
    });
    expect(Date.parse(agreement.json().parties.at(-1).accepted_at)).toBe(Date.parse('2016-02-26T16:30:00Z'));

    // An observer of an organization invited in reads the schedules; recording an acceptance is not its to do.
    await api('us-analyst', 'POST', `/api/v1/negotiation-rooms/${room.id}/members`, { org: 'ocha' });
    const observer = await session('observer', DESKTOP);
    const observerRoom = new NegotiationPage(observer, world.baseUrl);
    await observerRoom.goto(room.id);
    expect(await observerRoom.partyRow('Hezbollah')).toContain('18:30');
    expect(await observer.locator('[data-testid=record-acceptance]').count()).toBe(0);
  });

  it('reads in Arabic on a phone, right to left, nothing wider than the screen, no id shown', async () => {
    const page = await session('ru-analyst', PHONE, 'ar');
    const ruRoom = new NegotiationPage(page, world.baseUrl);
    await ruRoom.goto(room.id);
    const shell = new AppShell(page);
    expect(await shell.direction()).toBe('rtl');
    expect(await shell.overflowX()).toBeLessThanOrEqual(0);
    const text = await readableText(page);
    expect(text).toContain('أين تقف البنود');
    expect(text).toContain('يسمح الطرفان بوصول المساعدات');
    expect(leaks(text, hidden())).toEqual([]);
    // The schedules in Arabic: the party by its Arabic name; an acceptance recorded in Arabic.
    expect(await ruRoom.partyRow('حزب الله')).toContain('A letter to the Russian co-chair');
    await ruRoom.recordAcceptance({
      party: 'قوات سوريا الديمقراطية',
      at: '2016-02-27T09:15',
      channel: 'بيان إلى الرئيس المشارك الأمريكي',
      caveats: ['في الحسكة فقط'],
    });
    const row = await ruRoom.partyRow('قوات سوريا الديمقراطية');
    expect(row).toContain('بيان إلى الرئيس المشارك الأمريكي');
    expect(row).toContain('في الحسكة فقط');
    expect(row).toContain('شباط');
    expect(row).not.toMatch(/[0-9]/);
    expect(await ruRoom.schedules().locator('[role=status]').innerText()).toContain('قوات سوريا الديمقراطية');
    expect(await shell.overflowX()).toBeLessThanOrEqual(0);
    expect(leaks(await readableText(page), hidden())).toEqual([]);
    await screenshot(page, '91-negotiation-room-ar-390', { fullPage: true });
    await ruRoom.schedules().scrollIntoViewIfNeeded();
    await screenshot(page, '95-negotiation-schedules-ar-390');
    // The proposal published, its scope named in Arabic.
    expect(await ruRoom.proposals().first().locator('[data-testid=proposal-terms]').innerText()).toBe(
      'النطاق بعد النشر: حلب',
    );
    await page.locator('#room-publications').scrollIntoViewIfNeeded();
    await screenshot(page, '96-negotiation-publication-ar-390');
    // What a phone shows at a time: the dashboard, then the first clause.
    await page.locator('#room-dashboard').scrollIntoViewIfNeeded();
    await screenshot(page, '92-negotiation-dashboard-ar-390');
    await page.locator('.clause-panel').first().scrollIntoViewIfNeeded();
    await screenshot(page, '93-negotiation-clause-ar-390');
  });
});
